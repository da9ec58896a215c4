#include "KycProvider.h"

#include "DemoCredentials.h"

#include <QJsonArray>

namespace {

QJsonObject missingField(const QString &name) {
    return {{QStringLiteral("loc"), QJsonArray{QStringLiteral("body"), name}},
            {QStringLiteral("msg"), QStringLiteral("field required")},
            {QStringLiteral("type"), QStringLiteral("value_error.missing")}};
}

HttpResponse detail(int status, const QString &code) {
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("detail"), code}});
}

} // namespace

QList<QStringList> KycProvider::tokenFields() const {
    return {{QStringLiteral("access_token")}};
}

QHash<QString, QString> KycProvider::parseForm(const QByteArray &body) {
    QHash<QString, QString> fields;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.first(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.sliced(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(name));
        if (!fields.contains(key))
            fields.insert(key, QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return fields;
}

HttpResponse KycProvider::handle(const HttpRequest &request, QByteArrayView route) {
    if (route == "/auth/jwt/login")
        return request.method == "POST" ? login(request) : methodNotAllowed("POST");
    if (route == "/whoami")
        return request.method == "GET" ? whoami(request) : methodNotAllowed("GET");
    return notFound();
}

HttpResponse KycProvider::login(const HttpRequest &request) {
    // Like FastAPI's form parsing: a body of another type yields no fields at all, and an empty
    // value counts as missing.
    const QHash<QString, QString> form = request.mediaType() == "application/x-www-form-urlencoded"
                                             ? parseForm(request.body)
                                             : QHash<QString, QString>();
    const QString username = form.value(QStringLiteral("username"));
    const QString password = form.value(QStringLiteral("password"));
    QJsonArray problems;
    if (username.isEmpty())
        problems.append(missingField(QStringLiteral("username")));
    if (password.isEmpty())
        problems.append(missingField(QStringLiteral("password")));
    const auto grantType = form.constFind(QStringLiteral("grant_type"));
    if (grantType != form.constEnd() && !grantType->isEmpty() && *grantType != QLatin1String("password")) {
        problems.append(QJsonObject{
            {QStringLiteral("loc"), QJsonArray{QStringLiteral("body"), QStringLiteral("grant_type")}},
            {QStringLiteral("msg"), QStringLiteral("string does not match regex \"password\"")},
            {QStringLiteral("type"), QStringLiteral("value_error.str.regex")},
            {QStringLiteral("ctx"), QJsonObject{{QStringLiteral("pattern"), QStringLiteral("password")}}}});
    }
    if (!problems.isEmpty())
        return HttpResponse::json(422, QJsonObject{{QStringLiteral("detail"), problems}});

    if (password != DemoCredentials::kycPassword() ||
        (username != DemoCredentials::kycUsername() && username != DemoCredentials::kycUnverifiedUsername()))
        return detail(400, QStringLiteral("LOGIN_BAD_CREDENTIALS"));
    if (username == DemoCredentials::kycUnverifiedUsername())
        return detail(400, QStringLiteral("LOGIN_USER_NOT_VERIFIED"));

    const auto access = m_tokens.issueAccess(presetId(), username);
    return HttpResponse::json(200,
                              QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(access.token)},
                                          {QStringLiteral("token_type"), QStringLiteral("bearer")}});
}

HttpResponse KycProvider::whoami(const HttpRequest &request) const {
    const QString subject = subjectOf(bearerToken(request));
    if (subject.isEmpty())
        return detail(401, QStringLiteral("Unauthorized")).withHeader("WWW-Authenticate", "Bearer");
    return whoamiAnswer(subject);
}
