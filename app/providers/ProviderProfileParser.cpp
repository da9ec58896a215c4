// ProviderProfile::fromJson: strict validation of a provider profile, with errors that name the field.
#include "JsonPointer.h"
#include "ProviderProfile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProviderProfile", text);
}

// Thrown only inside this file and caught in fromJson: keeps each check to one line.
struct ProfileError
{
    QString field;
    QString problem;
};

[[noreturn]] void fail(const QString &field, const QString &problem)
{
    throw ProfileError{field, problem};
}

// Character checks by hand rather than QRegularExpression: each pattern would be JIT-compiled on first
// use, half a million instructions per pattern, paid by every `tokendesk-cli token` for one profile.
bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// [a-z0-9][a-z0-9._-]{0,63}, the whole string.
bool isProfileId(QStringView id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        const bool plain = (c >= u'a' && c <= u'z') || isAsciiDigit(c);
        if (!plain && (i == 0 || (c != u'.' && c != u'_' && c != u'-')))
            return false;
    }
    return true;
}

// An HTTP header name: one or more token characters (RFC 9110 tchar).
bool isHeaderName(QStringView name)
{
    static constexpr QStringView kSymbols = u"!#$%&'*+.^_`|~-";
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && !kSymbols.contains(c))
            return false;
    }
    return true;
}

// The names of the {placeholder}s in a field template (ASCII letters between braces), left to right.
QStringList placeholderNames(const QString &value)
{
    QStringList names;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) != u'{')
            continue;
        qsizetype end = i + 1;
        while (end < value.size() && isAsciiLetter(value.at(end)))
            ++end;
        if (end > i + 1 && end < value.size() && value.at(end) == u'}') {
            names << value.mid(i + 1, end - i - 1);
            i = end;
        }
    }
    return names;
}

QString requireString(const QJsonObject &o, const QString &key, const QString &field, bool required = true)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(field, QCoreApplication::translate("ProviderProfile", "is missing"));
        return {};
    }
    if (!v.isString())
        fail(field, QCoreApplication::translate("ProviderProfile", "must be a string"));
    if (required && v.toString().trimmed().isEmpty())
        fail(field, QCoreApplication::translate("ProviderProfile", "must not be empty"));
    return v.toString();
}

QJsonObject requireObject(const QJsonObject &o, const QString &key, const QString &field, bool required = true)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            fail(field, QCoreApplication::translate("ProviderProfile", "is missing"));
        return {};
    }
    if (!v.isObject())
        fail(field, QCoreApplication::translate("ProviderProfile", "must be an object"));
    return v.toObject();
}

QString pointer(const QJsonObject &o, const QString &key, const QString &field, bool required = false)
{
    const QString p = requireString(o, key, field, required);
    if (!p.isEmpty() && (!p.startsWith(u'/') || !JsonPointer::isValid(p)))
        fail(field, QCoreApplication::translate("ProviderProfile",
                                                "must be a JSON pointer such as \"/data/accessToken\""));
    return p;
}

bool hasControlCharacters(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

RequestTemplate parseRequest(const QJsonObject &o, const QString &prefix, bool isRefresh,
                             ProviderProfile::Credential credential)
{
    RequestTemplate r;
    const QString method = requireString(o, QStringLiteral("method"), prefix + QStringLiteral(".method"), false);
    if (!method.isEmpty()) {
        static const QStringList allowed{QStringLiteral("POST"), QStringLiteral("GET"), QStringLiteral("PUT")};
        if (!allowed.contains(method))
            fail(prefix + QStringLiteral(".method"),
                 QCoreApplication::translate("ProviderProfile", "must be POST, PUT or GET"));
        r.method = method.toLatin1();
    }
    r.path = requireString(o, QStringLiteral("path"), prefix + QStringLiteral(".path"));
    if (!r.path.startsWith(u'/') || r.path.contains(u"..") || hasControlCharacters(r.path) || r.path.contains(u' '))
        fail(prefix + QStringLiteral(".path"),
             QCoreApplication::translate("ProviderProfile",
                                         "must start with '/' and contain no spaces or '..'"));

    const QString body = requireString(o, QStringLiteral("body"), prefix + QStringLiteral(".body"), false);
    if (body.isEmpty() || body == u"json")
        r.body = RequestTemplate::BodyFormat::Json;
    else if (body == u"form")
        r.body = RequestTemplate::BodyFormat::Form;
    else
        fail(prefix + QStringLiteral(".body"),
             QCoreApplication::translate("ProviderProfile", "must be \"json\" or \"form\""));

    const QJsonObject fields = requireObject(o, QStringLiteral("fields"), prefix + QStringLiteral(".fields"));
    if (fields.isEmpty())
        fail(prefix + QStringLiteral(".fields"),
             QCoreApplication::translate("ProviderProfile", "must name at least one field"));
    bool usesRefreshToken = false;
    bool usesSecret = false;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString field = prefix + QStringLiteral(".fields.") + it.key();
        if (!it.value().isString())
            fail(field, QCoreApplication::translate("ProviderProfile", "must be a string"));
        const QString value = it.value().toString();
        for (const QString &name : placeholderNames(value)) {
            const bool known = name == u"secret" || name == u"username" || (isRefresh && name == u"refreshToken");
            if (!known)
                fail(field,
                     QCoreApplication::translate("ProviderProfile", "uses the unknown placeholder {%1}")
                         .arg(name));
            if (name == u"username" && credential != ProviderProfile::Credential::UsernamePassword)
                fail(field,
                     QCoreApplication::translate(
                         "ProviderProfile", "uses {username}, but an \"api_key\" profile has no username"));
            usesSecret = usesSecret || name == u"secret";
            usesRefreshToken = usesRefreshToken || name == u"refreshToken";
        }
        r.fields.append({it.key(), value});
    }
    if (!isRefresh && !usesSecret)
        fail(prefix + QStringLiteral(".fields"),
             QCoreApplication::translate("ProviderProfile", "must send the credential with \"{secret}\""));
    if (isRefresh && !usesRefreshToken)
        fail(prefix + QStringLiteral(".fields"),
             QCoreApplication::translate("ProviderProfile",
                                         "must send the refresh token with \"{refreshToken}\""));

    const QJsonValue rotates = o.value(QLatin1String("rotates"));
    if (!rotates.isUndefined() && !rotates.isBool())
        fail(prefix + QStringLiteral(".rotates"),
             QCoreApplication::translate("ProviderProfile", "must be true or false"));
    r.rotates = rotates.toBool(isRefresh);
    return r;
}

ResponseMap parseResponse(const QJsonObject &o)
{
    ResponseMap m;
    m.accessToken = pointer(o, QStringLiteral("accessToken"), QStringLiteral("response.accessToken"), true);
    m.accessExpiresAt = pointer(o, QStringLiteral("accessExpiresAt"), QStringLiteral("response.accessExpiresAt"));
    m.refreshToken = pointer(o, QStringLiteral("refreshToken"), QStringLiteral("response.refreshToken"));
    m.refreshExpiresAt = pointer(o, QStringLiteral("refreshExpiresAt"), QStringLiteral("response.refreshExpiresAt"));
    m.passwordExpiresAt = pointer(o, QStringLiteral("passwordExpiresAt"), QStringLiteral("response.passwordExpiresAt"));

    const QJsonValue lifetime = o.value(QLatin1String("fixedLifetimeSeconds"));
    if (!lifetime.isUndefined()) {
        const double seconds = lifetime.toDouble(-1);
        if (!lifetime.isDouble() || seconds < 1 || seconds > 366.0 * 86400 || seconds != qint64(seconds))
            fail(QStringLiteral("response.fixedLifetimeSeconds"),
                 QCoreApplication::translate("ProviderProfile",
                                             "must be a whole number of seconds up to a year"));
        m.fixedLifetimeSeconds = qint64(seconds);
    }

    const QJsonObject extras = requireObject(o, QStringLiteral("extras"), QStringLiteral("response.extras"), false);
    for (auto it = extras.begin(); it != extras.end(); ++it) {
        const QString field = QStringLiteral("response.extras.") + it.key();
        if (!it.value().isString() || !it.value().toString().startsWith(u'/') || !JsonPointer::isValid(it.value().toString()))
            fail(field, QCoreApplication::translate("ProviderProfile",
                                                    "must be a JSON pointer such as \"/client_id\""));
        m.extras.append({it.key(), it.value().toString()});
    }

    const QJsonValue messages = o.value(QLatin1String("errorMessage"));
    if (messages.isString()) {
        m.errorMessage = {messages.toString()};
    } else if (messages.isArray()) {
        for (const QJsonValue &v : messages.toArray())
            m.errorMessage.append(v.toString());
    } else if (!messages.isUndefined()) {
        fail(QStringLiteral("response.errorMessage"),
             QCoreApplication::translate("ProviderProfile", "must be a JSON pointer or a list of them"));
    }
    for (qsizetype i = 0; i < m.errorMessage.size(); ++i) {
        const QString &p = m.errorMessage.at(i);
        if (!p.startsWith(u'/') || !JsonPointer::isValid(p))
            fail(messages.isArray() ? QStringLiteral("response.errorMessage[%1]").arg(i) : QStringLiteral("response.errorMessage"),
                 QCoreApplication::translate("ProviderProfile", "must be a JSON pointer such as \"/message\""));
    }
    return m;
}

QList<ErrorRule> parseErrors(const QJsonValue &value)
{
    QList<ErrorRule> rules;
    if (value.isUndefined())
        return rules;
    if (!value.isArray())
        fail(QStringLiteral("errors"), QCoreApplication::translate("ProviderProfile", "must be a list"));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString field = QStringLiteral("errors[%1]").arg(i);
        if (!array[i].isObject())
            fail(field, QCoreApplication::translate("ProviderProfile", "must be an object"));
        const QJsonObject o = array[i].toObject();
        ErrorRule rule;
        const double status = o.value(QLatin1String("status")).toDouble(-1);
        if (status < 100 || status > 599 || status != int(status))
            fail(
                field + QStringLiteral(".status"),
                QCoreApplication::translate("ProviderProfile", "must be an HTTP status between 100 and 599"));
        rule.status = int(status);
        rule.match = requireString(o, QStringLiteral("match"), field + QStringLiteral(".match"), false);
        bool ok = false;
        rule.kind = AuthError::kindFromKey(requireString(o, QStringLiteral("kind"), field + QStringLiteral(".kind")), &ok);
        if (!ok || rule.kind == AuthError::Kind::None)
            fail(field + QStringLiteral(".kind"),
                 QCoreApplication::translate(
                     "ProviderProfile",
                     "must be one of credentials_rejected, password_expired, not_verified, invalid_request, "
                     "rate_limited, provider_error"));
        rule.message = AuthError::sanitiseProviderText(
            requireString(o, QStringLiteral("message"), field + QStringLiteral(".message"), false));
        rules.append(rule);
    }
    return rules;
}

ProviderProfile parseProfile(const QJsonObject &root)
{
    ProviderProfile p;
    const QJsonValue format = root.value(QLatin1String("format"));
    if (!format.isDouble())
        fail(QStringLiteral("format"),
             QCoreApplication::translate("ProviderProfile", "is missing or not a number"));
    if (format.toInt() != ProviderProfile::kFormatVersion)
        fail(QStringLiteral("format"),
             QCoreApplication::translate("ProviderProfile",
                                         "version %1 is not supported (this TokenDesk reads version %2)")
                 .arg(format.toDouble())
                 .arg(ProviderProfile::kFormatVersion));

    p.id = requireString(root, QStringLiteral("id"), QStringLiteral("id"));
    if (!isProfileId(p.id))
        fail(QStringLiteral("id"),
             QCoreApplication::translate("ProviderProfile",
                                         "must be lower-case letters, digits, '.', '_' or '-' (at most 64)"));
    p.name = requireString(root, QStringLiteral("name"), QStringLiteral("name"));
    p.description = requireString(root, QStringLiteral("description"), QStringLiteral("description"), false);

    const QString credential = requireString(root, QStringLiteral("credential"), QStringLiteral("credential"));
    if (credential == u"api_key")
        p.credential = ProviderProfile::Credential::ApiKey;
    else if (credential == u"username_password")
        p.credential = ProviderProfile::Credential::UsernamePassword;
    else
        fail(QStringLiteral("credential"),
             QCoreApplication::translate("ProviderProfile", "must be \"api_key\" or \"username_password\""));

    const QJsonValue hosts = root.value(QLatin1String("knownHosts"));
    if (!hosts.isUndefined() && !hosts.isArray())
        fail(QStringLiteral("knownHosts"), QCoreApplication::translate("ProviderProfile", "must be a list"));
    const QJsonArray hostList = hosts.toArray();
    for (qsizetype i = 0; i < hostList.size(); ++i) {
        const QString field = QStringLiteral("knownHosts[%1]").arg(i);
        const QJsonObject h = hostList.at(i).toObject();
        if (!hostList.at(i).isObject())
            fail(field, QCoreApplication::translate("ProviderProfile", "must be an object with a label and an http(s) url"));
        const QString label = h.value(QLatin1String("label")).toString();
        if (label.trimmed().isEmpty())
            fail(field + QStringLiteral(".label"), QCoreApplication::translate("ProviderProfile", "is missing or empty"));
        const QUrl url(h.value(QLatin1String("url")).toString(), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            fail(field + QStringLiteral(".url"), QCoreApplication::translate("ProviderProfile", "must be an http(s) URL such as \"https://api.example.com\""));
        p.knownHosts.append({label, url});
    }

    p.login = parseRequest(requireObject(root, QStringLiteral("login"), QStringLiteral("login")), QStringLiteral("login"), false,
                           p.credential);
    const QJsonObject refresh = requireObject(root, QStringLiteral("refresh"), QStringLiteral("refresh"), false);
    if (!refresh.isEmpty())
        p.refresh = parseRequest(refresh, QStringLiteral("refresh"), true, p.credential);
    p.response = parseResponse(requireObject(root, QStringLiteral("response"), QStringLiteral("response")));
    if (p.refresh.isDefined() && p.response.refreshToken.isEmpty())
        fail(QStringLiteral("response.refreshToken"),
             QCoreApplication::translate("ProviderProfile",
                                         "is needed when the profile has a refresh request"));

    const QJsonObject header = requireObject(root, QStringLiteral("header"), QStringLiteral("header"), false);
    if (!header.isEmpty()) {
        p.headerName = requireString(header, QStringLiteral("name"), QStringLiteral("header.name"));
        p.headerValue = requireString(header, QStringLiteral("value"), QStringLiteral("header.value"));
    }
    if (!isHeaderName(p.headerName))
        fail(QStringLiteral("header.name"),
             QCoreApplication::translate("ProviderProfile", "is not a valid HTTP header name"));
    if (!p.headerValue.contains(QLatin1String("{token}")) || hasControlCharacters(p.headerValue))
        fail(
            QStringLiteral("header.value"),
            QCoreApplication::translate("ProviderProfile", "must contain {token} and no control characters"));

    p.errors = parseErrors(root.value(QLatin1String("errors")));

    const QJsonObject features = requireObject(root, QStringLiteral("features"), QStringLiteral("features"), false);
    const QJsonValue authHeaders = features.value(QLatin1String("authHeaders"));
    if (!authHeaders.isUndefined() && !authHeaders.isBool())
        fail(QStringLiteral("features.authHeaders"),
             QCoreApplication::translate("ProviderProfile", "must be true or false"));
    p.authHeaders = authHeaders.toBool(false);
    return p;
}

} // namespace

std::optional<ProviderProfile> ProviderProfile::fromJson(const QByteArray &json, const QString &fileName,
                                                         QString *error, QJsonObject *object)
{
    auto report = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return report(tr("%1: not valid JSON at offset %2: %3")
                          .arg(fileName)
                          .arg(parseError.offset)
                          .arg(parseError.errorString()));
    if (!doc.isObject())
        return report(tr("%1: the profile must be a JSON object").arg(fileName));
    try {
        ProviderProfile profile = parseProfile(doc.object());
        profile.sourceFile = fileName;
        if (object)
            *object = doc.object();
        return profile;
    } catch (const ProfileError &e) {
        return report(tr("%1: field '%2': %3").arg(fileName, e.field, e.problem));
    }
}
