// tokendesk-cli export / import: the shared-setup file (accounts and user provider profiles, never a
// secret), with the same core classes as the GUI's File menu.
#include "Await.h"
#include "CliCommand.h"
#include "CliText.h"
#include "CoreServices.h"
#include "Hardening.h"
#include "Output.h"
#include "SecretInput.h"
#include "accounts/SecretStore.h"
#include "accounts/AccountExport.h"
#include "accounts/AccountStore.h"
#include "accounts/AccountImport.h"
#include "accounts/AccountName.h"
#include "accounts/ImportPlan.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

using Action = ImportPlan::Action;

ExitCode runExport(CliContext &ctx) {
    const QString path = ctx.value(QStringLiteral("output"));
    // `-o "$UNSET_VARIABLE"` is a mistake, not a request for stdout.
    if (ctx.isSet(QStringLiteral("output")) && path.isEmpty())
        return ctx.usage(Cli::tr("-o needs a file name ('-o -' writes to stdout)."));
    AccountStore *store = ctx.core.accounts();
    QList<Account> accounts;
    for (const QString &name : ctx.arguments) {
        const auto account = ctx.account(name);
        if (!account)
            return ExitCode::Usage;
        accounts.append(*account);
    }
    const bool all = ctx.arguments.isEmpty();
    if (all)
        accounts = store->accounts();
    const AccountExport::Document doc = AccountExport::build(accounts, *ctx.core.providers(), all);
    if (!doc.error.isEmpty()) {
        ctx.out.error(doc.error);
        return ExitCode::Failure;
    }
    if (path.isEmpty() || path == u"-") {
        ctx.out.data(doc.json.trimmed());
        if (ctx.out.outputFailed())
            return ExitCode::Failure; // run() says why; "Exported" would be untrue
    } else {
        QString error;
        if (!AccountExport::writeFile(path, doc.json, &error)) {
            ctx.out.error(error);
            return ExitCode::Failure;
        }
    }
    ctx.out.note(Cli::tr("Exported %n account(s)", nullptr, doc.accountCount) + QStringLiteral(" · ")
                 + Cli::tr("%n provider profile(s); no secret is in the file.", nullptr, doc.providerCount));
    return ExitCode::Ok;
}

void describePlan(CliContext &ctx, const ImportPlan &plan) {
    for (const ImportPlan::ProfileItem &p : plan.profiles) {
        // The profile's name comes from the file: its control characters must not reach the terminal.
        const QString name = AccountName::visible(p.name);
        if (p.action == Action::Add)
            ctx.out.note(Cli::tr("+ provider %1 (%2)").arg(p.id, name));
        else if (p.action == Action::Change)
            ctx.out.note(Cli::tr("~ provider %1 (%2) differs from the one installed here").arg(p.id, name));
    }
    for (const ImportPlan::AccountItem &item : plan.accounts) {
        if (item.action == Action::Add) {
            ctx.out.note(Cli::tr("+ %1 (%2, %3)").arg(item.incoming.name, item.incoming.providerId,
                                                      item.incoming.baseUrl.toString(QUrl::FullyEncoded)));
        } else if (item.action == Action::Change) {
            const AccountExchange::SharedAccount here = AccountExchange::fromAccount(item.existing);
            QStringList changes;
            for (const QString &field : item.changedFields)
                changes.append(Cli::tr("%1: %2 → %3")
                                   .arg(field, AccountName::visible(AccountExchange::displayValue(here, field)),
                                        AccountName::visible(AccountExchange::displayValue(item.incoming, field))));
            ctx.out.note(Cli::tr("~ %1: %2").arg(item.incoming.name, changes.join(QStringLiteral("; "))));
            if (item.replaces)
                ctx.out.note(Cli::tr("  %1 is replaced: its stored API key or password and its tokens are "
                                     "removed, and it asks for its secret at the next login.")
                                 .arg(item.incoming.name));
        }
        if (item.needsInsecureOptIn && item.action != Action::Same)
            ctx.out.note(Cli::tr("  %1 uses plain http: it logs in only after you allow insecure http in its "
                                 "own settings (an import never allows it).")
                             .arg(item.incoming.name));
    }
    const int same = plan.count(Action::Same);
    if (same > 0)
        ctx.out.note(Cli::tr("= %n account(s) already here, unchanged", nullptr, same));
}

// The exported file on stdin, read as AccountImport::readFile reads a file: at most one byte more than
// allowed, so a longer one is refused.
AccountImport::Parsed readStdin(const ProviderRegistry &registry) {
    QFile in;
    AccountImport::Parsed failed;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        failed.errors.append(Cli::tr("cannot be read: %1").arg(in.errorString()));
        return failed;
    }
    const QByteArray bytes = in.read(AccountExchange::kMaxFileSize + 1);
    if (bytes.isNull() && in.error() != QFileDevice::NoError) {
        failed.errors.append(Cli::tr("cannot be read: %1").arg(in.errorString()));
        return failed;
    }
    return AccountImport::parse(bytes, registry);
}

ExitCode runImport(CliContext &ctx) {
    const QString path = ctx.arguments.value(0);
    if (path.isEmpty())
        return ctx.usage(Cli::tr("Name the file to import."));
    AccountStore *store = ctx.core.accounts();
    if (!store->isWritable()) {
        ctx.out.error(store->readOnlyReason());
        return ExitCode::Failure;
    }
    // "-": the file comes on stdin, as `export -o -` writes it to stdout.
    const bool fromStdin = path == u"-";
    const AccountImport::Parsed parsed = fromStdin ? readStdin(*ctx.core.providers())
                                                   : AccountImport::readFile(path, *ctx.core.providers());
    const QString fileName = fromStdin ? Cli::tr("stdin") : QDir::toNativeSeparators(path);
    if (!parsed.ok()) {
        ctx.out.error(Cli::tr("%1 cannot be imported; nothing was changed:").arg(fileName));
        for (const QString &problem : parsed.errors)
            ctx.out.note(QStringLiteral("  ") + problem);
        return ExitCode::Failure;
    }
    const ImportPlan plan = ImportPlan::make(parsed, *store, *ctx.core.providers());
    describePlan(ctx, plan);
    const bool applyChanges = ctx.isSet(QStringLiteral("yes"));
    const int changed = plan.count(Action::Change) + plan.profileCount(Action::Change);
    if (!plan.hasWork(applyChanges)) {
        ctx.out.note(changed > 0 ? Cli::tr("Nothing imported. Run again with --yes to apply the changes listed "
                                           "above to the existing accounts.")
                                 : Cli::tr("Nothing to import: everything in %1 is already here.").arg(fileName));
        return ExitCode::Ok;
    }
    const ImportPlan::Result result = plan.apply(applyChanges, store, ctx.core.providers());
    if (!result.ok) {
        ctx.out.error(Cli::tr("Nothing was imported: %1").arg(result.error));
        return ExitCode::Failure;
    }
    // Replaced accounts: their old id is gone from the account file; now its keychain entries go too.
    // Best effort: a failure is a warning (the entries are orphaned, never used by the new account).
    for (const ImportPlan::Result::Replaced &r : result.replaced) {
        const SecretResult removed = awaitResult<SecretResult>(
            [&](QObject *context, std::function<void(const SecretResult &)> done) {
                ctx.core.secrets()->removeAll(r.oldId, context, done);
            });
        if (!removed.ok())
            ctx.out.note(Cli::tr("Warning: the old keychain entries of \"%1\" could not be removed (%2); "
                                 "they are no longer used.")
                             .arg(r.name, removed.errorString));
    }
    ctx.out.note(Cli::tr("Imported %n new account(s)", nullptr, int(result.addedIds.size())) + QStringLiteral(", ")
                 + Cli::tr("changed %n", nullptr, int(result.changedIds.size())) + QStringLiteral(", ")
                 + Cli::tr("replaced %n", nullptr, int(result.replaced.size())) + QLatin1Char('.'));
    if (!applyChanges && changed > 0)
        ctx.out.note(Cli::tr("The existing accounts listed with ~ were left as they are; --yes applies those "
                             "changes."));
    if (!result.addedIds.isEmpty())
        ctx.out.note(Cli::tr("New accounts have no API key or password yet: 'tokendesk-cli credential NAME' "
                             "stores it (or TokenDesk asks at the first login)."));
    else if (!result.replaced.isEmpty())
        ctx.out.note(Cli::tr("Replaced accounts have no API key or password any more: 'tokendesk-cli credential "
                             "NAME' stores it (or TokenDesk asks at the first login)."));
    return ExitCode::Ok;
}

// Stores (or replaces) an account's API key or password: imported accounts come without one.
ExitCode runCredential(CliContext &ctx) {
    const auto account = ctx.account(ctx.arguments.value(0));
    if (!account)
        return ExitCode::Usage;
    const ProviderProfile *profile = ctx.core.providers()->find(account->providerId);
    const QString label = profile ? profile->credentialLabel() : Cli::tr("API key or password");
    SecretInput::Result input = SecretInput::read(Cli::tr("%1 for %2: ").arg(label, account->name));
    if (!input.error.isEmpty())
        return ctx.usage(input.error);
    const SecretResult written = awaitResult<SecretResult>(
        [&](QObject *context, std::function<void(const SecretResult &)> done) {
            ctx.core.secrets()->write(account->id, SecretKind::Credential, input.secret, context, done);
        });
    Hardening::wipe(input.secret);
    if (!written.ok())
        return ctx.out.keychainError(written);
    // Not the credential the provider refused (if it did): the window's auth-header tab may log in with it.
    if (account->token.credentialProblem != AuthError::Kind::None)
        ctx.core.accounts()->modify(account->id, [](Account &a) { a.token.credentialProblem = AuthError::Kind::None; });
    // Whole sentences per kind: a lower-cased label reads "api key" and would lower-case a German noun.
    QString stored;
    if (!profile)
        stored = Cli::tr("Stored the credential of \"%1\". "
                         "To log in and print a token: tokendesk-cli token %2");
    else if (profile->credential == ProviderProfile::Credential::ApiKey)
        stored = Cli::tr("Stored the API key of \"%1\". "
                         "To log in and print a token: tokendesk-cli token %2");
    else
        stored = Cli::tr("Stored the password of \"%1\". "
                         "To log in and print a token: tokendesk-cli token %2");
    ctx.out.note(stored.arg(account->name, CliText::shellQuoted(account->name)));
    return ExitCode::Ok;
}

} // namespace

QList<CliCommand> CliCommands::exchangeCommands() {
    CliCommand exportCommand;
    exportCommand.name = QStringLiteral("export");
    exportCommand.summary = Cli::tr("Write accounts and your provider profiles to a file to share, without any secret.");
    exportCommand.arguments = {{QStringLiteral("[NAME…]"), Cli::tr("The accounts to export (default: all).")}};
    exportCommand.options = {
        {{QStringLiteral("o"), QStringLiteral("output")}, Cli::tr("Write to FILE instead of stdout."),
         QStringLiteral("FILE")},
    };
    exportCommand.variadic = true;
    exportCommand.run = runExport;

    CliCommand importCommand;
    importCommand.name = QStringLiteral("import");
    importCommand.summary = Cli::tr("Add the accounts of an exported file; --yes also applies its changes to "
                                    "existing ones.");
    importCommand.arguments = {{QStringLiteral("FILE"), Cli::tr("A file written by 'export' or the GUI; '-' reads it from stdin.")}};
    importCommand.options = {
        {QStringLiteral("yes"), Cli::tr("Also change existing accounts (matched by name) that differ from the file.")},
    };
    importCommand.run = runImport;

    CliCommand credential;
    credential.name = QStringLiteral("credential");
    credential.summary = Cli::tr("Store or replace an account's API key or password (read from stdin or prompted "
                                 "for).");
    credential.arguments = {{QStringLiteral("NAME"), Cli::tr("The account, e.g. an imported one.")}};
    credential.run = runCredential;
    return {exportCommand, importCommand, credential};
}
