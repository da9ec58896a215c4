#include "B2bProvider.h"

#include "DemoCredentials.h"

namespace {

HttpResponse error(int status, const QString &code, const QString &message) {
    return HttpResponse::json(
        status, QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}});
}

HttpResponse tooManyRequests(qint64 retryAfterSeconds) {
    return error(429, QStringLiteral("Too Many Requests"),
                 QStringLiteral("Too many login attempts. Please try again later."))
        .withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
}

} // namespace

QList<QStringList> B2bProvider::tokenFields() const {
    return {{QStringLiteral("access_token")}};
}

HttpResponse B2bProvider::handle(const HttpRequest &request, QByteArrayView route) {
    if (route == "/auth/login")
        return request.method == "POST" ? login(request) : methodNotAllowed("POST");
    if (route == "/auth/refresh")
        return request.method == "POST" ? refresh(request) : methodNotAllowed("POST");
    if (route == "/whoami")
        return request.method == "GET" ? whoami(request) : methodNotAllowed("GET");
    return notFound();
}

HttpResponse B2bProvider::bodyError(BodyProblem problem) {
    return problem == BodyProblem::WrongMediaType
               ? error(415, QStringLiteral("unsupported_media_type"),
                       QStringLiteral("Content-Type must be application/json"))
               : error(400, QStringLiteral("validation_error"),
                       QStringLiteral("Request body must be a JSON object"));
}

qint64 B2bProvider::throttledFor(const QString &username) {
    const auto it = m_failures.find(username);
    if (it == m_failures.end())
        return 0;
    const QDateTime now = m_clock.now();
    it->removeIf([&](const QDateTime &t) { return t.secsTo(now) >= FailureWindowSeconds; });
    if (it->isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    if (it->size() < MaxFailures)
        return 0;
    return qMax<qint64>(1, FailureWindowSeconds - it->first().secsTo(now));
}

HttpResponse B2bProvider::login(const HttpRequest &request) {
    QJsonObject body;
    if (const BodyProblem problem = readJsonObject(request, &body); problem != BodyProblem::None)
        return bodyError(problem);
    const QJsonValue username = body.value(QLatin1String("username"));
    const QJsonValue password = body.value(QLatin1String("password"));
    if (!username.isString() || !password.isString() || username.toString().isEmpty() ||
        password.toString().isEmpty())
        return error(400, QStringLiteral("validation_error"),
                     QStringLiteral("Username and password are required"));

    if (username.toString() == DemoCredentials::b2bRateLimitedUsername())
        return tooManyRequests(5);
    if (const qint64 wait = throttledFor(username.toString()); wait > 0)
        return tooManyRequests(wait);
    if (username.toString() != DemoCredentials::b2bUsername() ||
        password.toString() != DemoCredentials::b2bPassword()) {
        m_failures[username.toString()].append(m_clock.now());
        return error(401, QStringLiteral("unauthorized"), QStringLiteral("Invalid credentials"));
    }
    m_failures.remove(username.toString());
    return tokenAnswer(username.toString(), m_tokens.newFamily());
}

HttpResponse B2bProvider::refresh(const HttpRequest &request) {
    QJsonObject body;
    if (const BodyProblem problem = readJsonObject(request, &body); problem != BodyProblem::None)
        return bodyError(problem);
    const QJsonValue token = body.value(QLatin1String("refresh_token"));
    if (!token.isString() || token.toString().isEmpty())
        return error(400, QStringLiteral("validation_error"), QStringLiteral("refresh_token is required"));

    const auto rotation = m_tokens.consumeRefresh(presetId(), token.toString().toLatin1());
    if (rotation.outcome != DemoTokens::RefreshOutcome::Rotated)
        return error(401, QStringLiteral("unauthorized"), QStringLiteral("Invalid or expired refresh token"));
    return tokenAnswer(rotation.subject, rotation.family);
}

HttpResponse B2bProvider::tokenAnswer(const QString &subject, const QByteArray &family) {
    const auto access = m_tokens.issueAccess(presetId(), subject, family);
    const auto refreshToken = m_tokens.issueRefresh(presetId(), subject, family);
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(access.token)},
                         {QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken.token)},
                         {QStringLiteral("access_expires_at"), DemoTime::utcZ(access.expiresAt)},
                         {QStringLiteral("refresh_expires_at"), DemoTime::utcZ(refreshToken.expiresAt)},
                         {QStringLiteral("client_id"), ClientId}});
}

HttpResponse B2bProvider::whoami(const HttpRequest &request) const {
    const QString subject = subjectOf(bearerToken(request));
    if (subject.isEmpty())
        return error(401, QStringLiteral("unauthorized"), QStringLiteral("Invalid or expired token"))
            .withHeader("WWW-Authenticate", "Bearer");
    return whoamiAnswer(subject);
}
