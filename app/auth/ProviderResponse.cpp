#include "ProviderResponse.h"

#include "ProviderClock.h"
#include "RetryAfter.h"
#include "providers/JsonPointer.h"
#include "providers/Jwt.h"
#include "providers/ProviderProfile.h"
#include "providers/Timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
using Kind = AuthError::Kind;

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("ProviderResponse", text, disambiguation, n);
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray start = body.left(256).trimmed().toLower();
    return start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml") || start.startsWith('<');
}

QString describeMessageValue(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray()) { // FastAPI-style validation list: [{"loc": [...], "msg": "..."}]
        QStringList parts;
        for (const QJsonValue &item : v.toArray()) {
            const QJsonObject o = item.toObject();
            QStringList loc;
            for (const QJsonValue &l : o.value(QLatin1String("loc")).toArray())
                loc.append(l.isString() ? l.toString() : QString::number(l.toInt()));
            const QString msg = o.value(QLatin1String("msg")).toString();
            if (!msg.isEmpty())
                parts.append(loc.isEmpty() ? msg : loc.join(u'.') + QStringLiteral(": ") + msg);
            if (parts.size() >= 5)
                break;
        }
        return parts.join(QLatin1String("; "));
    }
    return {};
}

QString providerMessage(const ProviderProfile &profile, const QJsonDocument &doc)
{
    if (!doc.isObject())
        return {};
    for (const QString &pointer : profile.response.errorMessage) {
        const QString text = describeMessageValue(JsonPointer::resolve(doc.object(), pointer));
        if (!text.trimmed().isEmpty())
            return text;
    }
    return {};
}

QDateTime localInstant(const QDateTime &serverInstant, qint64 skewMs)
{
    return serverInstant.addMSecs(-skewMs);
}
} // namespace

namespace ProviderResponse {

TokenProblem tokenProblem(const QByteArray &token)
{
    if (token.isEmpty())
        return TokenProblem::Empty;
    if (token.size() > kMaxTokenBytes)
        return TokenProblem::TooLong;
    for (const char c : token) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return TokenProblem::BadCharacter;
    }
    return TokenProblem::None;
}

bool isSafeToken(const QByteArray &token)
{
    return tokenProblem(token) == TokenProblem::None;
}

QString tooLongMessage(const QString &what, qsizetype bytes)
{
    return tr("%1 is %2 bytes long, more than the %3 bytes (%4 KiB) TokenDesk accepts for a token; it was "
              "refused.")
        .arg(what)
        .arg(bytes)
        .arg(kMaxTokenBytes)
        .arg(kMaxTokenBytes / 1024);
}

qint64 clockSkewMs(const QByteArray &dateHeader, const QDateTime &now)
{
    return ProviderClock(dateHeader, now).skewMs();
}

std::variant<TokenSet, AuthError> parseTokens(const ProviderProfile &profile, Request request,
                                              const HttpResult &response, const QDateTime &now)
{
    auto malformed = [](const QString &message) { return AuthError::make(Kind::MalformedAnswer, message); };
    if (looksLikeHtml(response.body))
        return malformed(tr("The provider answered with a web page instead of JSON. Check the base URL: it "
                            "should point at the API, not a website or login page."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return malformed(response.body.trimmed().isEmpty()
                             ? tr("The provider's answer was empty. Check the base URL and provider type.")
                             : tr("The provider's answer is not valid JSON (%1). It may have been cut off; try again.")
                                   .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                                     : tr("not an object")));
    const QJsonObject root = doc.object();
    const ResponseMap &map = profile.response;

    const QJsonValue access = JsonPointer::resolve(root, map.accessToken);
    if (!access.isString() || access.toString().isEmpty())
        return malformed(tr("The provider's answer has no access token at \"%1\". Check the provider type.")
                             .arg(map.accessToken));
    TokenSet tokens;
    tokens.accessToken = access.toString().toUtf8();
    if (!isSafeToken(tokens.accessToken)) {
        const qsizetype size = tokens.accessToken.size();
        const bool tooLong = tokenProblem(tokens.accessToken) == TokenProblem::TooLong;
        tokens.wipe();
        return malformed(tooLong ? tooLongMessage(tr("The provider's access token"), size)
                                 : tr("The provider's access token contains characters a header cannot carry "
                                      "(such as line breaks); it was refused."));
    }
    if (!map.refreshToken.isEmpty()) {
        const QJsonValue refresh = JsonPointer::resolve(root, map.refreshToken);
        if (refresh.isString() && !refresh.toString().isEmpty()) {
            tokens.refreshToken = refresh.toString().toUtf8();
            if (!isSafeToken(tokens.refreshToken)) {
                const qsizetype size = tokens.refreshToken.size();
                const bool tooLong = tokenProblem(tokens.refreshToken) == TokenProblem::TooLong;
                tokens.wipe();
                return malformed(tooLong ? tooLongMessage(tr("The provider's refresh token"), size)
                                         : tr("The provider's refresh token contains characters that are not "
                                              "allowed; it was refused."));
            }
        } else if (!refresh.isUndefined() && !refresh.isNull()) {
            tokens.wipe();
            return malformed(tr("The provider's refresh token at \"%1\" is not a string.").arg(map.refreshToken));
        }
    }

    const ProviderClock clock(response.dateHeader, now);
    const qint64 skew = clock.skewMs();
    tokens.obtainedAt = now;
    const auto answered = map.accessExpiresAt.isEmpty()
                              ? std::nullopt
                              : Timestamp::parse(JsonPointer::resolve(root, map.accessExpiresAt));
    tokens.accessExpiresAt = clock.accessExpiry(answered, JwtInfo::decode(tokens.accessToken), now);
    if (tokens.accessExpiresAt.isValid())
        tokens.expirySource = answered ? TokenSet::ExpirySource::Response : TokenSet::ExpirySource::JwtClaim;
    if (!tokens.accessExpiresAt.isValid() && map.fixedLifetimeSeconds > 0) {
        tokens.accessExpiresAt = now.addSecs(map.fixedLifetimeSeconds);
        tokens.expirySource = TokenSet::ExpirySource::FixedLifetime;
    }
    // A token that is over on arrival is useless, and handing it out as valid only moves the failure to the
    // next request. No extra tolerance: a provider's Date header already corrected the clocks above (or, too
    // far off to believe, left the expiry unknown), and a token that is past its expiry on this computer's
    // clock would be renewed on every use anyway.
    if (tokens.accessExpiresAt.isValid() && tokens.accessExpiresAt <= now) {
        tokens.wipe();
        return malformed(tr("The provider issued a token that had already expired. Check this computer's clock "
                            "and the provider's."));
    }
    if (!tokens.refreshToken.isEmpty() && !map.refreshExpiresAt.isEmpty()) {
        if (const auto t = Timestamp::parse(JsonPointer::resolve(root, map.refreshExpiresAt)))
            tokens.refreshExpiresAt = localInstant(*t, skew);
        else if (const auto exp = JwtInfo::decode(tokens.refreshToken).expiresAt())
            tokens.refreshExpiresAt = localInstant(*exp, skew);
    }
    if (!map.passwordExpiresAt.isEmpty()) {
        if (const auto t = Timestamp::parse(JsonPointer::resolve(root, map.passwordExpiresAt)))
            tokens.passwordExpiresAt = localInstant(*t, skew);
    }
    for (const auto &[name, pointer] : map.extras) {
        const QJsonValue v = JsonPointer::resolve(root, pointer);
        if (v.isString() || v.isDouble() || v.isBool())
            tokens.extras.insert(name, v);
    }
    Q_UNUSED(request);
    return tokens;
}

AuthError classifyError(const ProviderProfile &profile, Request request, const HttpResult &response,
                        const QDateTime &now, const SecretRedactor &redactor)
{
    if (response.error)
        return response.error;
    const int status = response.status;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    SecretRedactor secrets = redactor;
    for (const QString &pointer : {profile.response.accessToken, profile.response.refreshToken}) {
        const QJsonValue token = pointer.isEmpty() || !doc.isObject() ? QJsonValue()
                                                                       : JsonPointer::resolve(doc.object(), pointer);
        if (token.isString())
            secrets.add(token.toString().toUtf8());
    }
    // Before AuthError::make caps the length: a cut could leave the start of a secret behind.
    const QString said = secrets.redact(providerMessage(profile, doc));

    if (status == 429) {
        AuthError e = AuthError::make(Kind::RateLimited, {}, said, status);
        // An HTTP-date is on the provider's clock: read it against the provider's now, then shift it to ours.
        const qint64 skew = clockSkewMs(response.dateHeader, now);
        const RetryAfter::Wait wait = RetryAfter::shifted(
            RetryAfter::read(response.retryAfter, now.addMSecs(skew), kDefaultRateLimitSeconds), skew);
        e.retryAfter = wait.until;
        e.message = RetryAfter::describe(wait, now);
        return e;
    }

    const ErrorRule *matched = nullptr;
    for (const ErrorRule &rule : profile.errors) {
        if (rule.status == status && (rule.match.isEmpty() || QString::fromUtf8(response.body).contains(rule.match))) {
            matched = &rule;
            break;
        }
    }
    Kind kind = Kind::ProviderError;
    QString message;
    if (matched) {
        kind = matched->kind;
        message = matched->message;
    } else if (status == 401 || status == 403) {
        kind = Kind::CredentialsRejected;
    } else if (status == 400 || status == 422) {
        kind = Kind::InvalidRequest;
    } else if (status == 404 || status == 405) {
        message = tr("The provider does not know this login address (HTTP %1). Check the base URL and the "
                     "provider type.").arg(status);
    } else if (status >= 500) {
        message = tr("The provider reported an error on its side (HTTP %1). Try again later.").arg(status);
    } else if (status >= 200 && status < 300) {
        kind = Kind::MalformedAnswer;
    } else {
        message = tr("The provider answered with an unexpected status (HTTP %1).").arg(status);
    }

    // A refused refresh token is not a wrong password: the caller logs in again once with the credential.
    if (request == Request::Refresh && (status == 400 || status == 401 || status == 403)
        && kind != Kind::RateLimited && kind != Kind::PasswordExpired)
        return AuthError::make(Kind::RefreshRejected, {}, said, status);

    return AuthError::make(kind, message, said, status);
}

} // namespace ProviderResponse
