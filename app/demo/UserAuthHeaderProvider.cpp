#include "UserAuthHeaderProvider.h"

#include "DemoCredentials.h"
#include "DemoJwt.h"

#include <QTimeZone>
#include <QUuid>

namespace {

HttpResponse unauthorized() {
    return HttpResponse::message(401, QStringLiteral("Unauthorized"))
        .withHeader("WWW-Authenticate", "Bearer");
}

} // namespace

QList<QStringList> UserAuthHeaderProvider::tokenFields() const {
    return {{QStringLiteral("Token")}, {QStringLiteral("token")}};
}

HttpResponse UserAuthHeaderProvider::handle(const HttpRequest &request, QByteArrayView route) {
    if (route == "/user/login")
        return request.method == "POST" ? login(request) : methodNotAllowed("POST");
    if (route == "/whoami")
        return request.method == "GET" ? whoami(request) : methodNotAllowed("GET");

    const bool add = route == "/authheader/add";
    const bool list = route == "/authheader/list";
    const bool remove = route == "/authheader/delete";
    if (!add && !list && !remove)
        return notFound();
    const QByteArray wanted = list ? "GET" : "POST";
    if (request.method != wanted)
        return methodNotAllowed(wanted);
    // The admin API wants the login JWT, not one of the auth headers it manages.
    const QString user = subjectOf(presentedToken(request));
    if (user.isEmpty())
        return unauthorized();
    if (add)
        return addHeader(user, request);
    if (list)
        return listHeaders(user);
    return deleteHeader(user, request);
}

QByteArray UserAuthHeaderProvider::presentedToken(const HttpRequest &request) {
    const QByteArray bearer = bearerToken(request);
    if (!bearer.isEmpty())
        return bearer;
    const QByteArray raw = request.header("Authorization");
    return raw.contains(' ') ? QByteArray() : raw;
}

HttpResponse UserAuthHeaderProvider::login(const HttpRequest &request) {
    QJsonObject body;
    if (const BodyProblem problem = readJsonObject(request, &body); problem != BodyProblem::None)
        return messageBodyError(problem);
    const QString username = body.value(QLatin1String("username")).toString();
    const QString password = body.value(QLatin1String("password")).toString();
    if (username.isEmpty() || password.isEmpty())
        return HttpResponse::message(400, QStringLiteral("Username and password are required"));
    const bool known = username == DemoCredentials::userUsername() ||
                       username == DemoCredentials::userSecondUsername() ||
                       username == DemoCredentials::userExpiredUsername();
    if (!known || password != DemoCredentials::userPassword())
        return HttpResponse::message(401, QStringLiteral("Incorrect credentials"));
    if (username == DemoCredentials::userExpiredUsername())
        return HttpResponse::message(403, QStringLiteral("Password expired"));

    const auto access = m_tokens.issueAccess(presetId(), username);
    const QDateTime created(QDate(2023, 1, 15), QTime(10, 30, 42), QTimeZone::utc());
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("Id"), QStringLiteral("12345678-1234-1234-1234-123456789abc")},
                         {QStringLiteral("Created"), DemoTime::utcNoZone(created)},
                         {QStringLiteral("Username"), username},
                         {QStringLiteral("Email"), QString(username + QStringLiteral("@example.com"))},
                         {QStringLiteral("Firstname"), QStringLiteral("Demo")},
                         {QStringLiteral("Lastname"), QStringLiteral("User")},
                         {QStringLiteral("Token"), QString::fromLatin1(access.token)},
                         {QStringLiteral("PasswordExpiration"),
                          DemoTime::utcNoZone(m_clock.nowSeconds().addDays(PasswordLifetimeDays))}});
}

HttpResponse UserAuthHeaderProvider::whoami(const HttpRequest &request) const {
    const QByteArray token = presentedToken(request);
    QString subject = subjectOf(token);
    if (subject.isEmpty() && !token.isEmpty())
        subject = ownerOf(QString::fromLatin1(token));
    if (subject.isEmpty())
        return unauthorized();
    return whoamiAnswer(subject);
}

QString UserAuthHeaderProvider::ownerOf(const QString &token) const {
    for (auto it = m_headers.cbegin(); it != m_headers.cend(); ++it) {
        for (const AuthHeader &header : it.value()) {
            if (header.token == token)
                return it.key();
        }
    }
    return {};
}

QJsonObject UserAuthHeaderProvider::toJson(const AuthHeader &header) {
    return {{QStringLiteral("id"), header.id},
            {QStringLiteral("name"), header.name},
            {QStringLiteral("token"), header.token},
            {QStringLiteral("created"), DemoTime::utcNoZone(header.created)}};
}

HttpResponse UserAuthHeaderProvider::addHeader(const QString &user, const HttpRequest &request) {
    QJsonObject body;
    if (const BodyProblem problem = readJsonObject(request, &body); problem != BodyProblem::None)
        return messageBodyError(problem);
    const QString name = body.value(QLatin1String("name")).toString();
    if (name.trimmed().isEmpty())
        return HttpResponse::message(400, QStringLiteral("name is required"));
    const AuthHeader header{QUuid::createUuid().toString(QUuid::WithoutBraces), name,
                            QStringLiteral("ah_") + QString::fromLatin1(DemoJwt::randomId(24)),
                            m_clock.nowSeconds()};
    m_headers[user].append(header);
    return HttpResponse::json(200, toJson(header));
}

HttpResponse UserAuthHeaderProvider::listHeaders(const QString &user) const {
    QJsonArray list;
    for (const AuthHeader &header : m_headers.value(user))
        list.append(toJson(header));
    return HttpResponse::json(200, list);
}

HttpResponse UserAuthHeaderProvider::deleteHeader(const QString &user, const HttpRequest &request) {
    QJsonObject body;
    if (const BodyProblem problem = readJsonObject(request, &body); problem != BodyProblem::None)
        return messageBodyError(problem);
    const QString text = body.value(QLatin1String("text")).toString();
    if (text.isEmpty())
        return HttpResponse::message(400, QStringLiteral("text is required"));
    auto it = m_headers.find(user);
    if (it == m_headers.end() || it->removeIf([&](const AuthHeader &h) { return h.token == text; }) == 0)
        return HttpResponse::message(404, QStringLiteral("Auth header not found"));
    return HttpResponse::message(200, QStringLiteral("Success"));
}
