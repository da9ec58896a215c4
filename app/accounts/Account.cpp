#include "Account.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Account", text);
}

// Keys an extras object must never carry into the config file: the provider answer they come from
// also holds the secrets, and a profile that points at the wrong field must not leak one to disk.
bool isSecretLookingKey(const QString &key)
{
    static const QStringList kSecretKeys{
        QStringLiteral("access_token"), QStringLiteral("accesstoken"),  QStringLiteral("refresh_token"),
        QStringLiteral("refreshtoken"), QStringLiteral("id_token"),     QStringLiteral("token"),
        QStringLiteral("password"),     QStringLiteral("secret"),       QStringLiteral("client_secret"),
        QStringLiteral("api_key"),      QStringLiteral("apikey"),       QStringLiteral("authorization"),
    };
    return kSecretKeys.contains(key, Qt::CaseInsensitive);
}

QJsonValue timeToJson(const QDateTime &t)
{
    if (!t.isValid())
        return QJsonValue(QJsonValue::Null);
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject errorToJson(const AuthError &error)
{
    QJsonObject o;
    o[QLatin1String("kind")] = AuthError::kindKey(error.kind);
    o[QLatin1String("message")] = error.message;
    o[QLatin1String("providerMessage")] = error.providerMessage;
    o[QLatin1String("httpStatus")] = error.httpStatus;
    o[QLatin1String("retryAfter")] = timeToJson(error.retryAfter);
    return o;
}

QJsonObject historyToJson(const HistoryEntry &entry)
{
    QJsonObject o;
    o[QLatin1String("at")] = timeToJson(entry.at);
    o[QLatin1String("operation")] = entry.operation;
    o[QLatin1String("result")] = AuthError::kindKey(entry.result);
    o[QLatin1String("message")] = entry.message;
    return o;
}

QJsonObject tokenToJson(const TokenMeta &token)
{
    QJsonObject extras;
    for (auto it = token.extras.begin(); it != token.extras.end(); ++it) {
        if (!isSecretLookingKey(it.key()))
            extras.insert(it.key(), it.value());
    }
    QJsonArray history;
    for (const HistoryEntry &entry : token.history)
        history.append(historyToJson(entry));

    QJsonObject o;
    o[QLatin1String("hasAccessToken")] = token.hasAccessToken;
    o[QLatin1String("hasRefreshToken")] = token.hasRefreshToken;
    o[QLatin1String("accessObtainedAt")] = timeToJson(token.accessObtainedAt);
    o[QLatin1String("accessExpiresAt")] = timeToJson(token.accessExpiresAt);
    o[QLatin1String("refreshExpiresAt")] = timeToJson(token.refreshExpiresAt);
    o[QLatin1String("passwordExpiresAt")] = timeToJson(token.passwordExpiresAt);
    o[QLatin1String("rateLimitedUntil")] = timeToJson(token.rateLimitedUntil);
    o[QLatin1String("extras")] = extras;
    o[QLatin1String("lastState")] = tokenStateKey(token.lastState);
    if (token.lastError.isError())
        o[QLatin1String("lastError")] = errorToJson(token.lastError);
    o[QLatin1String("lastErrorAt")] = timeToJson(token.lastErrorAt);
    o[QLatin1String("history")] = history;
    return o;
}

// Reads fields of one JSON object; the first problem is kept, named by its dotted path.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString prefix, QString *error)
        : m_object(object)
        , m_prefix(std::move(prefix))
        , m_error(error)
    {
    }

    bool failed() const { return m_failed; }
    // A nested reader already wrote the precise message; only remember that something failed.
    void markFailed() { m_failed = true; }

    void fail(const QString &field, const QString &problem)
    {
        if (m_failed)
            return;
        m_failed = true;
        if (m_error)
            *m_error = tr("field '%1': %2").arg(path(field), problem);
    }

    QString path(const QString &field) const { return m_prefix.isEmpty() ? field : m_prefix + u'.' + field; }

    QString string(const QString &field, bool required, bool nonEmpty = false)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, tr("missing"));
            return {};
        }
        if (!v.isString()) {
            fail(field, tr("must be a string"));
            return {};
        }
        if (nonEmpty && v.toString().trimmed().isEmpty())
            fail(field, tr("must not be empty"));
        return v.toString();
    }

    bool boolean(const QString &field, bool defaultValue)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() || v.isNull())
            return defaultValue;
        if (!v.isBool()) {
            fail(field, tr("must be true or false"));
            return defaultValue;
        }
        return v.toBool();
    }

    int integer(const QString &field, int min, int max)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() || v.isNull())
            return 0;
        const double d = v.toDouble(-1e300);
        if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d)) || d < min || d > max) {
            fail(field, tr("must be a whole number from %1 to %2").arg(min).arg(max));
            return 0;
        }
        return static_cast<int>(d);
    }

    QDateTime time(const QString &field, bool required = false)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, tr("missing"));
            return {};
        }
        const QDateTime t = v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs) : QDateTime();
        if (!t.isValid()) {
            fail(field, tr("must be an ISO 8601 timestamp such as 2024-05-01T12:00:00.000Z"));
            return {};
        }
        return t.toUTC();
    }

    QJsonObject object(const QString &field)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(field, tr("must be an object"));
        return v.toObject();
    }

    QJsonArray array(const QString &field)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(field, tr("must be an array"));
        return v.toArray();
    }

    AuthError::Kind errorKind(const QString &field)
    {
        const QJsonValue v = m_object.value(field);
        if (v.isUndefined() || v.isNull())
            return AuthError::Kind::None;
        bool ok = false;
        const AuthError::Kind kind = AuthError::kindFromKey(v.toString(), &ok);
        if (!v.isString() || !ok)
            fail(field, tr("unknown error kind"));
        return kind;
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QString *m_error;
    bool m_failed = false;
};

AuthError errorFromJson(FieldReader &parent, const QString &field, QString *error)
{
    AuthError e;
    const QJsonObject o = parent.object(field);
    if (parent.failed() || o.isEmpty())
        return e;
    FieldReader r(o, parent.path(field), error);
    e.kind = r.errorKind(QStringLiteral("kind"));
    e.message = r.string(QStringLiteral("message"), false);
    e.providerMessage = r.string(QStringLiteral("providerMessage"), false);
    e.httpStatus = r.integer(QStringLiteral("httpStatus"), 0, 999);
    e.retryAfter = r.time(QStringLiteral("retryAfter"));
    if (r.failed())
        parent.markFailed();
    return e;
}

bool readToken(FieldReader &parent, TokenMeta *token, QString *error)
{
    const QString field = QStringLiteral("token");
    const QJsonObject o = parent.object(field);
    if (parent.failed())
        return false;
    FieldReader r(o, parent.path(field), error);
    token->hasAccessToken = r.boolean(QStringLiteral("hasAccessToken"), false);
    token->hasRefreshToken = r.boolean(QStringLiteral("hasRefreshToken"), false);
    token->accessObtainedAt = r.time(QStringLiteral("accessObtainedAt"));
    token->accessExpiresAt = r.time(QStringLiteral("accessExpiresAt"));
    token->refreshExpiresAt = r.time(QStringLiteral("refreshExpiresAt"));
    token->passwordExpiresAt = r.time(QStringLiteral("passwordExpiresAt"));
    token->rateLimitedUntil = r.time(QStringLiteral("rateLimitedUntil"));
    token->extras = r.object(QStringLiteral("extras"));
    const QString state = r.string(QStringLiteral("lastState"), false);
    if (!state.isEmpty()) {
        bool ok = false;
        token->lastState = tokenStateFromKey(state, &ok);
        if (!ok)
            r.fail(QStringLiteral("lastState"), tr("unknown token state"));
    }
    token->lastError = errorFromJson(r, QStringLiteral("lastError"), error);
    token->lastErrorAt = r.time(QStringLiteral("lastErrorAt"));

    const QJsonArray history = r.array(QStringLiteral("history"));
    // Keep only the newest entries, as addHistory() would have.
    const qsizetype first = qMax<qsizetype>(0, history.size() - TokenMeta::kMaxHistory);
    for (qsizetype i = first; i < history.size() && !r.failed(); ++i) {
        const QString itemField = QStringLiteral("history[%1]").arg(i);
        if (!history.at(i).isObject()) {
            r.fail(itemField, tr("must be an object"));
            break;
        }
        FieldReader h(history.at(i).toObject(), r.path(itemField), error);
        HistoryEntry entry;
        entry.at = h.time(QStringLiteral("at"), true);
        entry.operation = h.string(QStringLiteral("operation"), true, true);
        entry.result = h.errorKind(QStringLiteral("result"));
        entry.message = h.string(QStringLiteral("message"), false);
        if (h.failed())
            r.markFailed();
        else
            token->history.append(entry);
    }
    if (r.failed())
        parent.markFailed();
    return !r.failed();
}

bool isValidId(const QString &id)
{
    static const QRegularExpression kIdPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return kIdPattern.match(id).hasMatch();
}

} // namespace

void TokenMeta::addHistory(const HistoryEntry &entry)
{
    history.append(entry);
    if (history.size() > kMaxHistory)
        history.remove(0, history.size() - kMaxHistory);
}

QString Account::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject accountToJson(const Account &account)
{
    QJsonObject o;
    o[QLatin1String("id")] = account.id;
    o[QLatin1String("name")] = account.name;
    o[QLatin1String("providerId")] = account.providerId;
    o[QLatin1String("baseUrl")] = account.baseUrl.toString(QUrl::FullyEncoded);
    o[QLatin1String("username")] = account.username;
    o[QLatin1String("allowInsecureHttp")] = account.allowInsecureHttp;
    o[QLatin1String("keepSignedIn")] = account.keepSignedIn;
    o[QLatin1String("token")] = tokenToJson(account.token);
    return o;
}

std::optional<Account> accountFromJson(const QJsonObject &object, QString *error)
{
    QString localError;
    QString *err = error ? error : &localError;
    FieldReader r(object, QString(), err);
    Account a;
    a.id = r.string(QStringLiteral("id"), true, true);
    if (!r.failed() && !isValidId(a.id))
        r.fail(QStringLiteral("id"), tr("must be 1 to 64 letters, digits, '.', '_' or '-'"));
    a.name = r.string(QStringLiteral("name"), true, true);
    if (!r.failed() && a.name != a.name.trimmed())
        r.fail(QStringLiteral("name"), tr("must not start or end with spaces"));
    a.providerId = r.string(QStringLiteral("providerId"), true, true);
    const QString url = r.string(QStringLiteral("baseUrl"), true, true);
    if (!r.failed()) {
        a.baseUrl = QUrl(url, QUrl::StrictMode);
        const QString scheme = a.baseUrl.scheme();
        if (!a.baseUrl.isValid() || a.baseUrl.host().isEmpty())
            r.fail(QStringLiteral("baseUrl"), tr("not a valid URL"));
        else if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
            r.fail(QStringLiteral("baseUrl"), tr("must start with https:// or http://"));
        else if (!a.baseUrl.userInfo().isEmpty())
            r.fail(QStringLiteral("baseUrl"), tr("must not contain a user name or password"));
    }
    a.username = r.string(QStringLiteral("username"), false);
    a.allowInsecureHttp = r.boolean(QStringLiteral("allowInsecureHttp"), false);
    a.keepSignedIn = r.boolean(QStringLiteral("keepSignedIn"), true);
    if (!r.failed() && !readToken(r, &a.token, err))
        return std::nullopt;
    if (r.failed())
        return std::nullopt;
    return a;
}
