// tokendesk-cli headers list / add / delete: the provider's long-lived auth headers of one account, for
// providers whose profile has the auth-header feature. Logs in or renews the account's token first when
// needed, through the shared TokenManager.
#include "Await.h"
#include "CliCommand.h"
#include "CliText.h"
#include "CoreServices.h"
#include "Hardening.h"
#include "Output.h"
#include "SecretInput.h"
#include "admin/AuthHeaderClient.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

struct ListResult {
    QList<AuthHeader> headers;
    AuthError error;
};

struct AddResult {
    AuthHeader header;
    AuthError error;
};

QJsonValue stringOrNull(const QString &text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Enough of a token to tell headers apart, not enough to use it: "ah_4…x9Qz". Short tokens stay hidden.
QString maskedToken(const QByteArray &token) {
    constexpr qsizetype kShown = 4;
    if (token.size() < 4 * kShown)
        return QStringLiteral("…");
    return QString::fromLatin1(token.left(kShown)) + QChar(0x2026) + QString::fromLatin1(token.right(kShown));
}

// The account named by the first argument, if its provider has auth headers; else the exit status.
std::variant<Account, ExitCode> featureAccount(CliContext &ctx) {
    const auto account = ctx.account(ctx.arguments.value(0));
    if (!account)
        return ExitCode::Usage;
    const ProviderProfile *profile = ctx.core.providers()->find(account->providerId);
    if (!profile)
        return ctx.out.authError(AuthError::make(
            AuthError::Kind::Configuration,
            Cli::tr(
                "The provider type \"%1\" of account \"%2\" is unknown: its profile is missing or broken.")
                .arg(account->providerId, account->name)));
    if (!AuthHeaderClient::supports(*profile))
        return ctx.usage(Cli::tr("The account \"%1\" uses the provider \"%2\", which has no auth headers. "
                                 "'tokendesk-cli providers --json' shows which providers do (auth_headers).")
                             .arg(account->name, profile->name));
    return *account;
}

// The headers of `account` at the provider, or the exit status after printing why not.
std::variant<QList<AuthHeader>, ExitCode> listHeaders(CliContext &ctx, const Account &account) {
    ListResult r =
        awaitResult<ListResult>([&](QObject *context, std::function<void(const ListResult &)> done) {
            ctx.core.authHeaders()->list(account.id, context,
                                         [done](const QList<AuthHeader> &headers, const AuthError &error) {
                                             done({headers, error});
                                         });
        });
    if (r.error)
        return ctx.out.authError(r.error, account.name);
    return std::move(r.headers); // moved: the callers' wipe reaches the only copies
}

void wipeAll(QList<AuthHeader> &headers) {
    for (AuthHeader &h : headers)
        Hardening::wipe(h.token);
}

ExitCode runList(CliContext &ctx) {
    const auto found = featureAccount(ctx);
    if (const auto *code = std::get_if<ExitCode>(&found))
        return *code;
    const Account &account = std::get<Account>(found);

    auto listed = listHeaders(ctx, account);
    if (const auto *code = std::get_if<ExitCode>(&listed))
        return *code;
    QList<AuthHeader> &headers = std::get<QList<AuthHeader>>(listed);

    if (ctx.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const AuthHeader &h : std::as_const(headers)) {
            array.append(QJsonObject{
                {QStringLiteral("id"), stringOrNull(h.id)},
                {QStringLiteral("name"), stringOrNull(h.name)},
                {QStringLiteral("created"), Output::isoOrNull(h.created)},
                {QStringLiteral("token"), QString::fromLatin1(h.token)},
            });
        }
        ctx.out.json(QJsonDocument(array));
    } else if (headers.isEmpty()) {
        ctx.out.note(Cli::tr("\"%1\" has no auth headers yet. To add one: tokendesk-cli headers add %2 LABEL")
                         .arg(account.name, CliText::shellQuoted(account.name)));
    } else {
        QList<QStringList> rows{{Cli::tr("NAME"), Cli::tr("ID"), Cli::tr("CREATED"), Cli::tr("TOKEN")}};
        for (const AuthHeader &h : std::as_const(headers)) {
            rows.append(
                {h.name.isEmpty() ? QStringLiteral("-") : h.name, h.id.isEmpty() ? QStringLiteral("-") : h.id,
                 h.created.isValid() ? Output::isoUtc(h.created) : Cli::tr("unknown"), maskedToken(h.token)});
        }
        ctx.out.table(rows);
    }
    wipeAll(headers);
    return ExitCode::Ok;
}

ExitCode runAdd(CliContext &ctx) {
    const QString label = ctx.arguments.value(1);
    if (label.trimmed().isEmpty())
        return ctx.usage(Cli::tr("The auth header's name is empty."));
    for (const QChar c : label) {
        if (c.category() == QChar::Other_Control)
            return ctx.usage(Cli::tr("The auth header's name must not contain control characters."));
    }
    const auto found = featureAccount(ctx);
    if (const auto *code = std::get_if<ExitCode>(&found))
        return *code;
    const Account &account = std::get<Account>(found);

    AddResult r = awaitResult<AddResult>([&](QObject *context, std::function<void(const AddResult &)> done) {
        ctx.core.authHeaders()->add(account.id, label, context,
                                    [done](const AuthHeader &header, const AuthError &error) {
                                        done({header, error});
                                    });
    });
    if (r.error)
        return ctx.out.authError(r.error, account.name);
    ctx.out.data(r.header.token);
    Hardening::wipe(r.header.token);
    ctx.out.note(Cli::tr("Added the auth header \"%1\" to \"%2\". Its token is printed above; to show it "
                         "again: tokendesk-cli headers list %3 --json")
                     .arg(r.header.name, account.name, CliText::shellQuoted(account.name)));
    return ExitCode::Ok;
}

// The header to delete: its token (wiped by the caller), id and name.
struct NamedHeader {
    QByteArray token;
    QString id;
    QString name;
};

// The header `wanted` names (its id or its name, as `headers list` shows them), or the exit status after
// printing why there is none or which ones it could mean: the id of one header that is also another's name
// is as ambiguous as two headers of one name. The provider's delete call wants the token itself; it comes
// from the list, so no secret has to be typed on the command line (where `ps` and the shell history show it).
std::variant<NamedHeader, ExitCode> headerNamed(CliContext &ctx, const Account &account, const QString &wanted) {
    auto listed = listHeaders(ctx, account);
    if (const auto *code = std::get_if<ExitCode>(&listed))
        return *code;
    QList<AuthHeader> &headers = std::get<QList<AuthHeader>>(listed);
    QList<const AuthHeader *> byId;
    QList<const AuthHeader *> byName;
    bool isAToken = false;
    for (const AuthHeader &h : std::as_const(headers)) {
        if (!h.id.isEmpty() && h.id == wanted)
            byId.append(&h);
        if (!h.name.isEmpty() && h.name == wanted)
            byName.append(&h);
        isAToken = isAToken || h.token == wanted.toUtf8();
    }
    QList<const AuthHeader *> matches = byId;
    for (const AuthHeader *h : std::as_const(byName)) {
        if (!matches.contains(h))
            matches.append(h);
    }
    if (matches.size() == 1) {
        NamedHeader found{matches.first()->token, matches.first()->id, matches.first()->name};
        found.token.detach(); // its own buffer: the list's copies are wiped now, this one after the call
        wipeAll(headers);
        return found;
    }
    wipeAll(headers);
    const QString quoted = CliText::shellQuoted(account.name);
    if (isAToken)
        return ctx.usage(Cli::tr("A token is never taken from the command line, where other users' 'ps' and "
                                 "your shell history show it; nothing was deleted. Name the auth header by "
                                 "its ID or NAME, or give '-' and pipe its token in. The token you typed may be "
                                 "in your shell history. To see the IDs and names: tokendesk-cli headers list %1")
                             .arg(quoted));
    if (!byId.isEmpty() && matches.size() > byId.size())
        return ctx.usage(Cli::tr("\"%2\" is the ID of one auth header of \"%1\" and the name of another; "
                                 "nothing was deleted. Delete the other one by its ID, or give '-' and pipe in "
                                 "the token of the one to delete. To see the tokens: tokendesk-cli headers list %3 "
                                 "--json")
                             .arg(account.name, wanted, quoted));
    if (matches.size() > 1)
        return ctx.usage(Cli::tr("Several auth headers of \"%1\" are named \"%2\"; name the one to delete by "
                                 "its ID. To see the IDs: tokendesk-cli headers list %3")
                             .arg(account.name, wanted, quoted));
    return ctx.usage(Cli::tr("\"%1\" has no auth header with the ID or name \"%2\"; to delete by token, give '-' "
                             "and pipe the token in. To see the IDs and names: tokendesk-cli headers list %3")
                         .arg(account.name, wanted, quoted));
}

ExitCode runDelete(CliContext &ctx) {
    const QString wanted = ctx.arguments.value(1);
    if (wanted.trimmed().isEmpty())
        return ctx.usage(Cli::tr("Say which auth header to delete: its ID or name, or '-' for its token."));
    const auto found = featureAccount(ctx);
    if (const auto *code = std::get_if<ExitCode>(&found))
        return *code;
    const Account &account = std::get<Account>(found);

    QByteArray token;
    QString id;
    QString name;
    if (wanted == u"-") {
        SecretInput::Result input = SecretInput::read(Cli::tr("Token of the auth header to delete: "));
        if (!input.error.isEmpty())
            return ctx.usage(input.error);
        token = std::move(input.secret); // moved: the wipe below reaches the only copy
        if (token.trimmed().isEmpty())
            return ctx.usage(Cli::tr("The token to delete is empty."));
    } else {
        auto named = headerNamed(ctx, account, wanted);
        if (const auto *code = std::get_if<ExitCode>(&named))
            return *code;
        NamedHeader &header = std::get<NamedHeader>(named);
        token = std::move(header.token);
        id = header.id;
        name = header.name;
    }

    const AuthError error =
        awaitResult<AuthError>([&](QObject *context, std::function<void(const AuthError &)> done) {
            ctx.core.authHeaders()->remove(account.id, token, context, std::move(done));
        });
    Hardening::wipe(token);
    if (error)
        return ctx.out.authError(error, account.name);
    if (wanted == u"-")
        ctx.out.note(Cli::tr("Deleted the auth header from \"%1\".").arg(account.name));
    else if (!name.isEmpty() && !id.isEmpty())
        ctx.out.note(Cli::tr("Deleted the auth header \"%1\" (ID %2) from \"%3\".").arg(name, id, account.name));
    else
        ctx.out.note(Cli::tr("Deleted the auth header \"%1\" from \"%2\".").arg(name.isEmpty() ? wanted : name, account.name));
    return ExitCode::Ok;
}

} // namespace

QList<CliCommand> CliCommands::headerCommands() {
    const CliCommand::Argument account{QStringLiteral("NAME"), Cli::tr("The account.")};

    CliCommand list;
    list.name = QStringLiteral("headers list");
    list.summary =
        Cli::tr("List the account's auth headers at the provider (tokens masked; --json: in full).");
    list.arguments = {account};
    list.options = {{QStringLiteral("json"),
                     Cli::tr("Print a JSON array of objects with id, name, created and the full token.")}};
    list.run = runList;

    CliCommand add;
    add.name = QStringLiteral("headers add");
    add.summary = Cli::tr("Create an auth header called LABEL and print its token.");
    add.arguments = {account, {QStringLiteral("LABEL"), Cli::tr("The new auth header's name.")}};
    add.run = runAdd;

    CliCommand remove;
    remove.name = QStringLiteral("headers delete");
    remove.summary = Cli::tr("Delete the auth header with this ID or name ('-': read its token from stdin).");
    remove.arguments = {account,
                        {QStringLiteral("HEADER"),
                         Cli::tr("The ID or name of the auth header to delete, as 'headers list' shows it; or "
                                 "'-' to read its token from stdin (a prompt without echo on a terminal).")}};
    remove.run = runDelete;

    return {list, add, remove};
}
