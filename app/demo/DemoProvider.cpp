#include "DemoProvider.h"

#include <QJsonDocument>

DemoProvider::DemoProvider(DemoTokens &tokens, const DemoClock &clock)
    : m_tokens(tokens)
    , m_clock(clock) {}

DemoProvider::~DemoProvider() = default;

DemoProvider::BodyProblem DemoProvider::readJsonObject(const HttpRequest &request, QJsonObject *object) {
    if (request.mediaType() != "application/json")
        return BodyProblem::WrongMediaType;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return BodyProblem::NotJsonObject;
    *object = doc.object();
    return BodyProblem::None;
}

HttpResponse DemoProvider::messageBodyError(BodyProblem problem) {
    return problem == BodyProblem::WrongMediaType
               ? HttpResponse::message(415, QStringLiteral("Content-Type must be application/json"))
               : HttpResponse::message(400, QStringLiteral("Request body must be a JSON object"));
}

QByteArray DemoProvider::bearerToken(const HttpRequest &request) {
    const QByteArray value = request.header("Authorization");
    const qsizetype space = value.indexOf(' ');
    if (space <= 0 || value.first(space).compare("Bearer", Qt::CaseInsensitive) != 0)
        return {};
    return value.sliced(space + 1).trimmed();
}

HttpResponse DemoProvider::methodNotAllowed(const QByteArray &allowed) {
    return HttpResponse::message(405, QStringLiteral("Method Not Allowed")).withHeader("Allow", allowed);
}

HttpResponse DemoProvider::notFound() {
    return HttpResponse::message(404, QStringLiteral("Not Found"));
}

HttpResponse DemoProvider::whoamiAnswer(const QString &subject) const {
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("sub"), subject}, {QStringLiteral("preset"), presetId()}});
}

QString DemoProvider::subjectOf(QByteArrayView token) const {
    if (token.isEmpty())
        return {};
    const auto verified = m_tokens.verifyAccess(presetId(), token);
    return verified ? verified->subject : QString();
}
