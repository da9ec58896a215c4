#include "PartnerProvider.h"

#include "DemoCredentials.h"

QList<QStringList> PartnerProvider::tokenFields() const {
    return {{QStringLiteral("jwt")}};
}

HttpResponse PartnerProvider::handle(const HttpRequest &request, QByteArrayView route) {
    if (route == "/auth/login")
        return request.method == "POST" ? login(request) : methodNotAllowed("POST");
    if (route == "/auth/refresh")
        return request.method == "POST" ? refresh(request) : methodNotAllowed("POST");
    if (route == "/whoami")
        return request.method == "GET" ? whoami(request) : methodNotAllowed("GET");
    return notFound();
}

HttpResponse PartnerProvider::login(const HttpRequest &request) {
    QJsonObject body;
    if (const BodyProblem problem = readJsonObject(request, &body); problem != BodyProblem::None)
        return messageBodyError(problem);
    const QJsonValue apiKey = body.value(QLatin1String("apiKey"));
    if (!apiKey.isString() || apiKey.toString().isEmpty())
        return HttpResponse::message(400, QStringLiteral("apiKey is required"));

    if (apiKey.toString() == DemoCredentials::companyApiKey()) {
        // Company keys: no refresh token, and the expiry comes without a zone (meaning UTC).
        const auto access = m_tokens.issueAccess(presetId(), QStringLiteral("demo-company"));
        return HttpResponse::json(
            200, QJsonObject{{QStringLiteral("jwt"), QString::fromLatin1(access.token)},
                             {QStringLiteral("expirationDate"), DemoTime::utcNoZone(access.expiresAt)}});
    }
    if (apiKey.toString() != DemoCredentials::partnerApiKey())
        return HttpResponse::message(401, QStringLiteral("Invalid API key"));

    const QByteArray family = m_tokens.newFamily();
    const auto access = m_tokens.issueAccess(presetId(), QStringLiteral("demo-partner"), family);
    const auto refreshToken = m_tokens.issueRefresh(presetId(), QStringLiteral("demo-partner"), family);
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("jwt"), QString::fromLatin1(access.token)},
                         {QStringLiteral("expirationDate"), DemoTime::utcOffsetMillis(access.expiresAt)},
                         {QStringLiteral("refreshToken"), QString::fromLatin1(refreshToken.token)},
                         {QStringLiteral("refreshTokenExpiration"),
                          DemoTime::utcOffsetMillis(refreshToken.expiresAt)}});
}

HttpResponse PartnerProvider::refresh(const HttpRequest &request) {
    QJsonObject body;
    if (const BodyProblem problem = readJsonObject(request, &body); problem != BodyProblem::None)
        return messageBodyError(problem);
    const QJsonValue token = body.value(QLatin1String("refreshToken"));
    if (!token.isString() || token.toString().isEmpty())
        return HttpResponse::message(400, QStringLiteral("refreshToken is required"));

    const auto rotation = m_tokens.consumeRefresh(presetId(), token.toString().toLatin1());
    if (rotation.outcome != DemoTokens::RefreshOutcome::Rotated)
        return HttpResponse::message(401, QStringLiteral("Invalid refresh token"));

    const auto access = m_tokens.issueAccess(presetId(), rotation.subject, rotation.family);
    const auto next = m_tokens.issueRefresh(presetId(), rotation.subject, rotation.family);
    // The document's refresh example has zone-less timestamps, unlike its login example.
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("jwt"), QString::fromLatin1(access.token)},
                         {QStringLiteral("expirationDate"), DemoTime::utcNoZone(access.expiresAt)},
                         {QStringLiteral("refreshToken"), QString::fromLatin1(next.token)},
                         {QStringLiteral("refreshTokenExpiration"), DemoTime::utcNoZone(next.expiresAt)}});
}

HttpResponse PartnerProvider::whoami(const HttpRequest &request) const {
    // R-Auth carries the bare token; "Bearer <t>" there is not a token of ours.
    const QString subject = subjectOf(request.header("R-Auth"));
    if (subject.isEmpty())
        return HttpResponse::message(401, QStringLiteral("JWT expired or invalid"));
    return whoamiAnswer(subject);
}
