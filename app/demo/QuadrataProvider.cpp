#include "QuadrataProvider.h"

#include "DemoCredentials.h"

QList<QStringList> QuadrataProvider::tokenFields() const {
    return {{QStringLiteral("data"), QStringLiteral("accessToken")}};
}

HttpResponse QuadrataProvider::handle(const HttpRequest &request, QByteArrayView route) {
    if (route == "/api/v1/login")
        return request.method == "POST" ? login(request) : methodNotAllowed("POST");
    if (route == "/whoami")
        return request.method == "GET" ? whoami(request) : methodNotAllowed("GET");
    return notFound();
}

HttpResponse QuadrataProvider::login(const HttpRequest &request) {
    QJsonObject body;
    if (const BodyProblem problem = readJsonObject(request, &body); problem != BodyProblem::None)
        return messageBodyError(problem);
    const QJsonValue apiKey = body.value(QLatin1String("apiKey"));
    if (!apiKey.isString() || apiKey.toString().isEmpty())
        return HttpResponse::message(400, QStringLiteral("apiKey is required"));
    if (apiKey.toString() != DemoCredentials::quadrataApiKey())
        return HttpResponse::message(401, QStringLiteral("Invalid API key"));

    const auto access = m_tokens.issueAccess(presetId(), QStringLiteral("demo-company"));
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("data"),
                          QJsonObject{{QStringLiteral("accessToken"), QString::fromLatin1(access.token)},
                                      {QStringLiteral("type"), QStringLiteral("login")}}}});
}

HttpResponse QuadrataProvider::whoami(const HttpRequest &request) const {
    const QString subject = subjectOf(bearerToken(request));
    if (subject.isEmpty())
        return HttpResponse::message(401, QStringLiteral("Unauthorized"))
            .withHeader("WWW-Authenticate", "Bearer realm=\"quadrata\"");
    return whoamiAnswer(subject);
}
