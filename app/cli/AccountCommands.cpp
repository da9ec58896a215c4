// tokendesk-cli add / remove: create an account (credential into the keychain first, then the account
// file) and delete one (keychain entries first, then the account file).
#include "Await.h"
#include "CliCommand.h"
#include "CliText.h"
#include "CoreServices.h"
#include "Hardening.h"
#include "Output.h"
#include "SecretInput.h"
#include "accounts/AccountName.h"
#include "accounts/SecretStore.h"
#include "auth/AccountLock.h"
#include "auth/HttpClient.h"
#include "providers/ProviderRegistry.h"

#include <QDir>
#include <QUrl>

namespace {

using Done = std::function<void(const SecretResult &)>;

// The one rule for names (AccountName), worded for the command line.
QString nameProblem(const QString &name) {
    switch (AccountName::check(name)) {
    case AccountName::Problem::None:
        return {};
    case AccountName::Problem::Empty:
        return Cli::tr("The account name is empty.");
    case AccountName::Problem::SurroundingSpace:
        return Cli::tr("The account name must not start or end with spaces.");
    case AccountName::Problem::LeadingDash:
        return Cli::tr("The account name must not start with '-'.");
    case AccountName::Problem::InvisibleCharacter:
        return Cli::tr("The account name must not contain control characters.");
    }
    return {};
}

QString knownProviderIds(const ProviderRegistry &registry) {
    QStringList ids;
    for (const ProviderProfile *p : registry.profiles())
        ids << p->id;
    return ids.join(QStringLiteral(", "));
}

// The base URL as it was typed, for an error message: without a "user:password@" part (it may hold a
// secret) and with control characters shown as '?' (they would drive the terminal).
QString typedUrlForDisplay(const QString &typed) {
    QString shown = typed;
    const qsizetype authority = shown.indexOf(QLatin1String("://"));
    if (authority >= 0) {
        const qsizetype start = authority + 3;
        qsizetype end = shown.indexOf(QLatin1Char('/'), start);
        if (end < 0)
            end = shown.size();
        const qsizetype at = shown.lastIndexOf(QLatin1Char('@'), end - 1);
        if (at >= start)
            shown.remove(start, at + 1 - start);
    }
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char('?');
    }
    return shown;
}

// Checks the base URL as the HTTP client will; empty when it may carry this account's credential.
// `typed` is what the user gave, quoted in the message: an invalid QUrl displays as nothing.
QString urlProblem(const QString &typed, const QUrl &url, bool allowInsecureHttp) {
    const QString scheme = url.scheme().toLower();
    const QString shown = typedUrlForDisplay(typed);
    if (url.isValid() && scheme.isEmpty())
        return Cli::tr("The base URL \"%1\" has no scheme: it must start with https:// (or http:// for "
                       "this machine), e.g. https://api.example.com.")
            .arg(shown);
    if (url.isValid() && scheme != u"https" && scheme != u"http")
        return Cli::tr("The base URL \"%1\" uses %2://, which TokenDesk does not speak: give an https:// URL "
                       "(or http:// for this machine), e.g. https://api.example.com.")
            .arg(shown, scheme);
    if (!url.isValid())
        return Cli::tr("The base URL \"%1\" is not a valid URL (it has spaces or other characters a URL "
                       "cannot hold): give an https:// URL, e.g. https://api.example.com.")
            .arg(shown);
    if (url.host().isEmpty())
        return Cli::tr("The base URL \"%1\" names no host: give an https:// URL with one, e.g. "
                       "https://api.example.com.")
            .arg(shown);
    const AuthError refused = HttpClient::checkUrl(url, allowInsecureHttp);
    if (refused.kind == AuthError::Kind::InsecureUrl)
        return Cli::tr(
                   "Refusing plain http:// to %1, which is not this machine: the credential would cross the "
                   "network unencrypted. Use https://, or pass --allow-insecure-http to accept that for this "
                   "account.")
            .arg(url.host());
    return refused ? refused.message : QString();
}

SecretResult keychainCall(const std::function<void(QObject *, Done)> &call) {
    return awaitResult<SecretResult>(call);
}

ExitCode keychainFailure(CliContext &ctx, const SecretResult &r, const QString &consequence) {
    const ExitCode code = ctx.out.keychainError(r);
    ctx.out.error(consequence);
    return code;
}

ExitCode runAdd(CliContext &ctx) {
    const QString name = ctx.arguments.value(0);
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return ctx.usage(problem);
    if (ctx.core.accounts()->findByName(name))
        return ctx.usage(
            Cli::tr("An account named \"%1\" already exists. Choose another name, or remove that "
                    "account first.")
                .arg(name));

    const QString providerId = ctx.value(QStringLiteral("provider"));
    if (providerId.isEmpty())
        return ctx.usage(Cli::tr("Say which provider with --provider ID (one of: %1).")
                             .arg(knownProviderIds(*ctx.core.providers())));
    const ProviderProfile *profile = ctx.core.providers()->find(providerId);
    if (!profile)
        return ctx.usage(Cli::tr("Unknown provider \"%1\". Known providers: %2.")
                             .arg(providerId, knownProviderIds(*ctx.core.providers())));

    const QString urlText = ctx.value(QStringLiteral("base-url")).trimmed();
    if (urlText.isEmpty())
        return ctx.usage(Cli::tr("Give the provider's address with --base-url URL."));
    QUrl baseUrl(urlText, QUrl::StrictMode);
    const bool allowInsecure = ctx.isSet(QStringLiteral("allow-insecure-http"));
    if (const QString problem = urlProblem(urlText, baseUrl, allowInsecure); !problem.isEmpty())
        return ctx.usage(problem);

    const QString username = ctx.value(QStringLiteral("username"));
    if (profile->needsUsername() && username.isEmpty())
        return ctx.usage(
            Cli::tr("The provider \"%1\" logs in with a username and password: add --username USER.")
                .arg(profile->id));
    if (!profile->needsUsername() && !username.isEmpty())
        return ctx.usage(Cli::tr("The provider \"%1\" logs in with an API key alone: leave out --username.")
                             .arg(profile->id));

    AccountStore *store = ctx.core.accounts();
    if (!store->isWritable()) {
        ctx.out.error(store->readOnlyReason());
        return ExitCode::Failure;
    }

    SecretInput::Result input =
        SecretInput::read(Cli::tr("%1 for %2: ").arg(profile->credentialLabel(), name));
    if (!input.error.isEmpty())
        return ctx.usage(input.error);

    Account account;
    account.id = Account::newId();
    account.name = name;
    account.providerId = profile->id;
    account.baseUrl = baseUrl;
    account.username = username;
    account.allowInsecureHttp = allowInsecure;

    // The keychain first: if it refuses, nothing is written anywhere.
    const SecretResult written = keychainCall([&](QObject *context, Done done) {
        ctx.core.secrets()->write(account.id, SecretKind::Credential, input.secret, context, done);
    });
    Hardening::wipe(input.secret);
    if (!written.ok())
        return keychainFailure(ctx, written, Cli::tr("Nothing was saved."));

    const AccountStore::Result added = store->add(account);
    if (!added) {
        ctx.out.error(added.error);
        keychainCall(
            [&](QObject *context, Done done) { ctx.core.secrets()->removeAll(account.id, context, done); });
        return ExitCode::Failure;
    }
    ctx.out.note(Cli::tr("Added account \"%1\" (%2). To log in and print a token: tokendesk-cli token %3")
                     .arg(name, profile->name, CliText::shellQuoted(name)));
    return ExitCode::Ok;
}

ExitCode runRemove(CliContext &ctx) {
    const auto account = ctx.account(ctx.arguments.value(0));
    if (!account)
        return ExitCode::Usage;
    // Hold the account's lock (shared with the GUI and other CLI runs) so that no refresh in flight writes
    // a new token for an account that is going away.
    AccountLock lock(ctx.core.lockDirectory(), account->id);
    struct Locked {
        bool ok = false;
        QString error;
    };
    const Locked locked = awaitResult<Locked>([&](QObject *, std::function<void(const Locked &)> done) {
        lock.acquire(ctx.core.lockTimeoutMs(), [done](bool ok, const QString &error) { done({ok, error}); });
    });
    if (!locked.ok) {
        ctx.out.error(locked.error);
        return lock.timedOut() ? ExitCode::Network : ExitCode::Failure; // a timeout, as README's table says
    }
    const SecretResult removed = keychainCall(
        [&](QObject *context, Done done) { ctx.core.secrets()->removeAll(account->id, context, done); });
    if (!removed.ok())
        return keychainFailure(ctx, removed,
                               Cli::tr("The account was kept; try again once the keychain is available."));
    const AccountStore::Result result = ctx.core.accounts()->remove(account->id);
    if (!result) {
        ctx.out.error(result.error);
        return ExitCode::Failure;
    }
    ctx.out.note(Cli::tr("Removed account \"%1\" and its keychain entries.").arg(account->name));
    return ExitCode::Ok;
}

} // namespace

QList<CliCommand> CliCommands::accountCommands() {
    CliCommand add;
    add.name = QStringLiteral("add");
    add.summary = Cli::tr("Add an account; the API key or password is read from stdin or prompted for.");
    add.arguments = {{QStringLiteral("NAME"), Cli::tr("A name for the account, unique, e.g. prod-kyc.")}};
    add.options = {
        {QStringLiteral("provider"), Cli::tr("The provider profile ('tokendesk-cli providers' lists them)."),
         QStringLiteral("ID")},
        {QStringLiteral("base-url"), Cli::tr("The provider's base URL, e.g. https://api.example.com."),
         QStringLiteral("URL")},
        {QStringLiteral("username"), Cli::tr("The username, for providers that log in with one."),
         QStringLiteral("USER")},
        {QStringLiteral("allow-insecure-http"),
         Cli::tr("Allow a plain http:// base URL to a host other than this machine (the credential travels "
                 "unencrypted).")},
    };
    add.run = runAdd;

    CliCommand remove;
    remove.name = QStringLiteral("remove");
    remove.summary = Cli::tr("Remove an account and its keychain entries.");
    remove.arguments = {{QStringLiteral("NAME"), Cli::tr("The account.")}};
    remove.run = runRemove;
    return {add, remove};
}
