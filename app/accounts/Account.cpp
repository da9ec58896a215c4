#include "Account.h"

// Writing an account entry; reading it back is in AccountFromJson.cpp.

#include <QJsonArray>
#include <QUuid>

namespace {

using Key = QLatin1String;

// Keys an extras object must never carry into the config file: the provider answer they come from
// also holds the secrets, and a profile that points at the wrong field must not leak one to disk.
bool isSecretLookingKey(const QString &key) {
    static const QStringList kSecretKeys{
        QStringLiteral("access_token"), QStringLiteral("accesstoken"), QStringLiteral("refresh_token"),
        QStringLiteral("refreshtoken"), QStringLiteral("id_token"),    QStringLiteral("token"),
        QStringLiteral("password"),     QStringLiteral("secret"),      QStringLiteral("client_secret"),
        QStringLiteral("api_key"),      QStringLiteral("apikey"),      QStringLiteral("authorization"),
    };
    return kSecretKeys.contains(key, Qt::CaseInsensitive);
}

// Unknown instants are left out of the file rather than written as null.
void putTime(QJsonObject &o, Key key, const QDateTime &t) {
    if (t.isValid())
        o.insert(key, t.toUTC().toString(Qt::ISODateWithMs));
}

QJsonObject errorToJson(const AuthError &error) {
    QJsonObject o;
    o.insert(Key("kind"), AuthError::kindKey(error.kind));
    o.insert(Key("message"), error.message);
    if (!error.providerMessage.isEmpty())
        o.insert(Key("providerMessage"), error.providerMessage);
    if (error.httpStatus != 0)
        o.insert(Key("httpStatus"), error.httpStatus);
    putTime(o, Key("retryAfter"), error.retryAfter);
    return o;
}

QJsonObject historyToJson(const HistoryEntry &entry) {
    QJsonObject o;
    putTime(o, Key("at"), entry.at);
    o.insert(Key("operation"), entry.operation);
    o.insert(Key("result"), AuthError::kindKey(entry.result));
    if (!entry.message.isEmpty())
        o.insert(Key("message"), entry.message);
    return o;
}

QJsonObject tokenToJson(const TokenMeta &token) {
    QJsonObject o;
    o.insert(Key("hasAccessToken"), token.hasAccessToken);
    o.insert(Key("hasRefreshToken"), token.hasRefreshToken);
    putTime(o, Key("accessObtainedAt"), token.accessObtainedAt);
    putTime(o, Key("accessExpiresAt"), token.accessExpiresAt);
    putTime(o, Key("refreshExpiresAt"), token.refreshExpiresAt);
    putTime(o, Key("passwordExpiresAt"), token.passwordExpiresAt);
    putTime(o, Key("rateLimitedUntil"), token.rateLimitedUntil);
    QJsonObject extras;
    for (auto it = token.extras.begin(); it != token.extras.end(); ++it) {
        if (!isSecretLookingKey(it.key()))
            extras.insert(it.key(), it.value());
    }
    if (!extras.isEmpty())
        o.insert(Key("extras"), extras);
    o.insert(Key("lastState"), tokenStateKey(token.lastState));
    if (token.lastError.isError())
        o.insert(Key("lastError"), errorToJson(token.lastError));
    putTime(o, Key("lastErrorAt"), token.lastErrorAt);
    // Only where it differs from what a reader infers without it, so older files read the same.
    if (token.credentialProblem != TokenMeta::impliedCredentialProblem(token.lastError))
        o.insert(Key("credentialProblem"), AuthError::kindKey(token.credentialProblem));
    if (!token.history.isEmpty()) {
        QJsonArray history;
        for (const HistoryEntry &entry : token.history)
            history.append(historyToJson(entry));
        o.insert(Key("history"), history);
    }
    return o;
}

} // namespace

void TokenMeta::addHistory(const HistoryEntry &entry) {
    history.append(entry);
    if (history.size() > kMaxHistory)
        history.remove(0, history.size() - kMaxHistory);
}

QString Account::newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject accountToJson(const Account &account) {
    QJsonObject o;
    o.insert(Key("id"), account.id);
    o.insert(Key("name"), account.name);
    o.insert(Key("providerId"), account.providerId);
    o.insert(Key("baseUrl"), account.baseUrl.toString(QUrl::FullyEncoded));
    if (!account.username.isEmpty())
        o.insert(Key("username"), account.username);
    o.insert(Key("allowInsecureHttp"), account.allowInsecureHttp);
    o.insert(Key("keepSignedIn"), account.keepSignedIn);
    o.insert(Key("token"), tokenToJson(account.token));
    return o;
}

QString displayedUrl(const QUrl &url) {
    // toDisplayString() alone decodes an IDN host whose top-level domain Qt lists as safe (.com, .de, …).
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::EncodeUnicode);
}
