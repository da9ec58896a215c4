// tokendesk-cli list [--json | --names]: every account with its token state. Reads no secret.
#include "CliCommand.h"
#include "CliText.h"
#include "CoreServices.h"
#include "Output.h"
#include "accounts/AccountName.h"
#include "auth/Clock.h"
#include "auth/TokenManager.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QJsonValue stringOrNull(const QString &text) {
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Seconds left, never negative; nullopt when there is no token or its expiry is unknown.
std::optional<qint64> secondsLeft(const TokenMeta &t, const QDateTime &now) {
    if (!t.hasAccessToken || !t.accessExpiresAt.isValid())
        return std::nullopt;
    return qMax<qint64>(0, now.secsTo(t.accessExpiresAt));
}

// The last failed login or refresh as stored (kind, message, when); null when the last one worked.
QJsonValue lastErrorJson(const TokenMeta &t) {
    if (!t.lastError.isError())
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("kind"), AuthError::kindKey(t.lastError.kind)},
        {QStringLiteral("message"), t.lastError.message},
        {QStringLiteral("at"), Output::isoOrNull(t.lastErrorAt)},
    };
}

QJsonObject accountJson(const Account &a, TokenState state, const QDateTime &now) {
    const TokenMeta &t = a.token;
    const auto left = secondsLeft(t, now);
    return {
        {QStringLiteral("name"), a.name},
        {QStringLiteral("provider"), a.providerId},
        {QStringLiteral("base_url"), a.baseUrl.toString()},
        {QStringLiteral("username"), stringOrNull(a.username)},
        {QStringLiteral("state"), tokenStateKey(state)},
        {QStringLiteral("access_expires_at"),
         Output::isoOrNull(t.hasAccessToken ? t.accessExpiresAt : QDateTime())},
        {QStringLiteral("expires_in"), left ? QJsonValue(*left) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("refresh_expires_at"),
         Output::isoOrNull(t.hasRefreshToken ? t.refreshExpiresAt : QDateTime())},
        {QStringLiteral("has_refresh_token"), t.hasRefreshToken},
        {QStringLiteral("password_expires_at"), Output::isoOrNull(t.passwordExpiresAt)},
        {QStringLiteral("last_error"), lastErrorJson(t)},
    };
}

QString expiryText(const TokenMeta &t, const QDateTime &now) {
    if (!t.hasAccessToken)
        return QStringLiteral("-");
    if (!t.accessExpiresAt.isValid())
        return Cli::tr("unknown");
    const qint64 left = now.secsTo(t.accessExpiresAt);
    return left <= 0 ? Cli::tr("expired") : Cli::tr("in %1").arg(Output::duration(left));
}

ExitCode runList(CliContext &ctx) {
    const QList<Account> accounts = ctx.core.accounts()->accounts();
    const QDateTime now = ctx.core.clock()->now();
    if (ctx.isSet(QStringLiteral("names"))) {
        for (const Account &a : accounts)
            ctx.out.text(a.name);
        return ExitCode::Ok;
    }
    if (ctx.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Account &a : accounts)
            array.append(accountJson(a, ctx.core.tokens()->state(a.id), now));
        ctx.out.json(QJsonDocument(array));
        return ExitCode::Ok;
    }
    if (accounts.isEmpty()) {
        ctx.out.note(
            Cli::tr("No accounts yet. Add one with 'tokendesk-cli add NAME --provider ID --base-url URL'."));
        return ExitCode::Ok;
    }
    QList<QStringList> rows{
        {Cli::tr("NAME"), Cli::tr("PROVIDER"), Cli::tr("STATE"), Cli::tr("EXPIRES"), Cli::tr("BASE URL")}};
    for (const Account &a : accounts) {
        // Escaped: a name from an account file written before names were checked everywhere (or by hand)
        // may hold a newline or an escape sequence, which would break the table or drive the terminal.
        rows.append({AccountName::visible(a.name), AccountName::visible(a.providerId), tokenStateKey(ctx.core.tokens()->state(a.id)),
                     expiryText(a.token, now), displayedUrl(a.baseUrl)});
    }
    ctx.out.table(rows);
    return ExitCode::Ok;
}

} // namespace

QList<CliCommand> CliCommands::listCommands() {
    CliCommand list;
    list.name = QStringLiteral("list");
    list.summary = Cli::tr("List the accounts with their token state and expiry.");
    list.options = {
        {QStringLiteral("json"), Cli::tr("Print a JSON array of objects.")},
        {QStringLiteral("names"), Cli::tr("Print only the account names, one per line.")},
    };
    list.conflicting = {{QStringLiteral("json"), QStringLiteral("names")}};
    list.run = runList;
    return {list};
}
