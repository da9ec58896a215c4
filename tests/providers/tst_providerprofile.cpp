#include "providers/ProviderProfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using Fields = QMap<QString, QString>;

Fields toMap(const QList<QPair<QString, QString>> &pairs) {
    Fields map;
    for (const auto &[name, value] : pairs)
        map.insert(name, value);
    return map;
}

QByteArray readPreset(const QString &id) {
    QFile file(u":/providers/"_s + id + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A complete, valid user profile; each broken case changes one thing in it.
QJsonObject validProfile() {
    return QJsonObject{
        {u"format"_s, 1},
        {u"id"_s, u"corp"_s},
        {u"name"_s, u"Corp API"_s},
        {u"credential"_s, u"username_password"_s},
        {u"knownHosts"_s,
         QJsonArray{QJsonObject{{u"label"_s, u"Prod"_s}, {u"url"_s, u"https://api.corp.example"_s}}}},
        {u"login"_s,
         QJsonObject{{u"method"_s, u"POST"_s},
                     {u"path"_s, u"/auth/login"_s},
                     {u"body"_s, u"json"_s},
                     {u"fields"_s, QJsonObject{{u"user"_s, u"{username}"_s}, {u"pass"_s, u"{secret}"_s}}}}},
        {u"refresh"_s, QJsonObject{{u"path"_s, u"/auth/refresh"_s},
                                   {u"fields"_s, QJsonObject{{u"token"_s, u"{refreshToken}"_s}}}}},
        {u"response"_s, QJsonObject{{u"accessToken"_s, u"/data/token"_s},
                                    {u"accessExpiresAt"_s, u"/data/expires"_s},
                                    {u"refreshToken"_s, u"/data/refresh"_s},
                                    {u"fixedLifetimeSeconds"_s, 900},
                                    {u"extras"_s, QJsonObject{{u"client"_s, u"/data/client"_s}}},
                                    {u"errorMessage"_s, QJsonArray{u"/message"_s}}}},
        {u"header"_s, QJsonObject{{u"name"_s, u"X-Corp-Auth"_s}, {u"value"_s, u"Token {token}"_s}}},
        {u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 401}, {u"kind"_s, u"credentials_rejected"_s}},
                                 QJsonObject{{u"status"_s, 403}, {u"kind"_s, u"password_expired"_s}}}},
        {u"features"_s, QJsonObject{{u"authHeaders"_s, false}}},
    };
}

// Sets (or, with an undefined value, removes) a dotted path such as "login.path" in a copy of `root`.
QJsonObject with(QJsonObject root, const QString &dottedPath, const QJsonValue &value) {
    const QStringList steps = dottedPath.split(u'.');
    if (steps.size() == 1) {
        if (value.isUndefined())
            root.remove(steps.first());
        else
            root.insert(steps.first(), value);
        return root;
    }
    const QString head = steps.first();
    root.insert(head, with(root.value(head).toObject(), steps.mid(1).join(u'.'), value));
    return root;
}

QJsonObject without(const QJsonObject &root, const QString &dottedPath) {
    return with(root, dottedPath, QJsonValue(QJsonValue::Undefined));
}

QByteArray toJson(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
} // namespace

class TestProviderProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presets_data();
    void presets();
    void presetKnownHosts();
    void validUserProfile();
    void defaults();
    void brokenProfiles_data();
    void brokenProfiles();
    void notJsonNamesOffset();
    void nullErrorPointerIsAllowed();
};

void TestProviderProfile::presets_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("apiKey");
    QTest::addColumn<QString>("loginPath");
    QTest::addColumn<bool>("form");
    QTest::addColumn<Fields>("loginFields");
    QTest::addColumn<QString>("accessToken");
    QTest::addColumn<QString>("accessExpiresAt");
    QTest::addColumn<QString>("refreshToken");
    QTest::addColumn<QString>("refreshExpiresAt");
    QTest::addColumn<QString>("passwordExpiresAt");
    QTest::addColumn<qint64>("fixedLifetime");
    QTest::addColumn<Fields>("extras");
    QTest::addColumn<QString>("refreshPath"); // empty: no refresh, re-login
    QTest::addColumn<Fields>("refreshFields");
    QTest::addColumn<bool>("rotates");
    QTest::addColumn<QByteArray>("headerLine"); // for the token "tok"
    QTest::addColumn<bool>("authHeaders");

    // 000: POST /api/v1/login {"apiKey"} -> data.accessToken, 60 minutes, Bearer, no refresh.
    QTest::newRow("quadrata") << u"quadrata"_s << true << u"/api/v1/login"_s << false
                              << Fields{{u"apiKey"_s, u"{secret}"_s}} << u"/data/accessToken"_s << QString()
                              << QString() << QString() << QString() << qint64(3600) << Fields{} << QString()
                              << Fields{} << false << QByteArrayLiteral("Authorization: Bearer tok") << false;
    // 001: form-urlencoded username, password, grant_type=password -> access_token; no refresh token.
    QTest::newRow("kyc-jwt") << u"kyc-jwt"_s << false << u"/auth/jwt/login"_s << true
                             << Fields{{u"username"_s, u"{username}"_s},
                                       {u"password"_s, u"{secret}"_s},
                                       {u"grant_type"_s, u"password"_s}}
                             << u"/access_token"_s << QString() << QString() << QString() << QString()
                             << qint64(0) << Fields{} << QString() << Fields{} << false
                             << QByteArrayLiteral("Authorization: Bearer tok") << false;
    // 002: {"apiKey"} -> jwt, expirationDate, refreshToken, refreshTokenExpiration; R-Auth without a scheme;
    // POST /auth/refresh {"refreshToken"}, rotating.
    QTest::newRow("partner-api") << u"partner-api"_s << true << u"/auth/login"_s << false
                                 << Fields{{u"apiKey"_s, u"{secret}"_s}} << u"/jwt"_s << u"/expirationDate"_s
                                 << u"/refreshToken"_s << u"/refreshTokenExpiration"_s << QString()
                                 << qint64(0) << Fields{} << u"/auth/refresh"_s
                                 << Fields{{u"refreshToken"_s, u"{refreshToken}"_s}} << true
                                 << QByteArrayLiteral("R-Auth: tok") << false;
    // 003: JSON username/password -> access_token, refresh_token, access/refresh_expires_at, client_id.
    QTest::newRow("b2b-api") << u"b2b-api"_s << false << u"/auth/login"_s << false
                             << Fields{{u"username"_s, u"{username}"_s}, {u"password"_s, u"{secret}"_s}}
                             << u"/access_token"_s << u"/access_expires_at"_s << u"/refresh_token"_s
                             << u"/refresh_expires_at"_s << QString() << qint64(0)
                             << Fields{{u"client_id"_s, u"/client_id"_s}} << u"/auth/refresh"_s
                             << Fields{{u"refresh_token"_s, u"{refreshToken}"_s}} << true
                             << QByteArrayLiteral("Authorization: Bearer tok") << false;
    // 004: JSON username/password -> Token, PasswordExpiration and the profile; auth-header admin API.
    QTest::newRow("user-authheader") << u"user-authheader"_s << false << u"/user/login"_s << false
                                     << Fields{{u"username"_s, u"{username}"_s},
                                               {u"password"_s, u"{secret}"_s}}
                                     << u"/Token"_s << QString() << QString() << QString()
                                     << u"/PasswordExpiration"_s << qint64(0)
                                     << Fields{{u"id"_s, u"/Id"_s},
                                               {u"username"_s, u"/Username"_s},
                                               {u"email"_s, u"/Email"_s},
                                               {u"firstname"_s, u"/Firstname"_s},
                                               {u"lastname"_s, u"/Lastname"_s},
                                               {u"created"_s, u"/Created"_s}}
                                     << QString() << Fields{} << false
                                     << QByteArrayLiteral("Authorization: Bearer tok") << true;
}

void TestProviderProfile::presets() {
    QFETCH(QString, id);
    QFETCH(bool, apiKey);
    QFETCH(QString, loginPath);
    QFETCH(bool, form);
    QFETCH(Fields, loginFields);
    QFETCH(QString, accessToken);
    QFETCH(QString, accessExpiresAt);
    QFETCH(QString, refreshToken);
    QFETCH(QString, refreshExpiresAt);
    QFETCH(QString, passwordExpiresAt);
    QFETCH(qint64, fixedLifetime);
    QFETCH(Fields, extras);
    QFETCH(QString, refreshPath);
    QFETCH(Fields, refreshFields);
    QFETCH(bool, rotates);
    QFETCH(QByteArray, headerLine);
    QFETCH(bool, authHeaders);

    const QByteArray json = readPreset(id);
    QVERIFY2(!json.isEmpty(), "preset missing from :/providers/");
    QString error;
    const auto p = ProviderProfile::fromJson(json, id + u".json"_s, &error);
    QVERIFY2(p.has_value(), qPrintable(error));
    QVERIFY(error.isEmpty());

    QCOMPARE(p->id, id);
    QVERIFY(!p->name.isEmpty());
    QCOMPARE(p->sourceFile, id + u".json"_s);
    QCOMPARE(p->credential == ProviderProfile::Credential::ApiKey, apiKey);
    QCOMPARE(p->needsUsername(), !apiKey);

    QCOMPARE(p->login.method, QByteArrayLiteral("POST"));
    QCOMPARE(p->login.path, loginPath);
    QCOMPARE(p->login.body, form ? RequestTemplate::BodyFormat::Form : RequestTemplate::BodyFormat::Json);
    QCOMPARE(toMap(p->login.fields), loginFields);
    QVERIFY(p->login.isDefined());

    QCOMPARE(p->response.accessToken, accessToken);
    QCOMPARE(p->response.accessExpiresAt, accessExpiresAt);
    QCOMPARE(p->response.refreshToken, refreshToken);
    QCOMPARE(p->response.refreshExpiresAt, refreshExpiresAt);
    QCOMPARE(p->response.passwordExpiresAt, passwordExpiresAt);
    QCOMPARE(p->response.fixedLifetimeSeconds, fixedLifetime);
    QCOMPARE(toMap(p->response.extras), extras);
    QVERIFY(!p->response.errorMessage.isEmpty());

    QCOMPARE(p->hasRefresh(), !refreshPath.isEmpty());
    QCOMPARE(p->refresh.path, refreshPath);
    QCOMPARE(toMap(p->refresh.fields), refreshFields);
    QCOMPARE(p->refresh.rotates, rotates);
    if (p->hasRefresh()) {
        QCOMPARE(p->refresh.method, QByteArrayLiteral("POST"));
        QCOMPARE(p->refresh.body, RequestTemplate::BodyFormat::Json);
    }

    QCOMPARE(p->headerLineFor(QByteArrayLiteral("tok")), headerLine);
    QCOMPARE(p->authHeaders, authHeaders);
    QVERIFY(!p->errors.isEmpty());
}

void TestProviderProfile::presetKnownHosts() {
    QString error;
    const auto quadrata = ProviderProfile::fromJson(readPreset(u"quadrata"_s), u"quadrata.json"_s, &error);
    QVERIFY2(quadrata.has_value(), qPrintable(error));
    QCOMPARE(quadrata->knownHosts.size(), 2);
    QCOMPARE(quadrata->knownHosts.at(0).url, QUrl(u"https://int.quadrata.com"_s));
    QCOMPARE(quadrata->knownHosts.at(1).url, QUrl(u"https://prod.quadrata.com"_s));
    QVERIFY(!quadrata->knownHosts.at(0).label.isEmpty());

    // The documents' errors are mapped in the presets.
    const auto kyc = ProviderProfile::fromJson(readPreset(u"kyc-jwt"_s), u"kyc-jwt.json"_s, &error);
    QVERIFY2(kyc.has_value(), qPrintable(error));
    QCOMPARE(kyc->errors.size(), 3);
    QCOMPARE(kyc->errors.at(0).status, 400);
    QCOMPARE(kyc->errors.at(0).match, u"LOGIN_BAD_CREDENTIALS"_s);
    QCOMPARE(kyc->errors.at(0).kind, AuthError::Kind::CredentialsRejected);
    QCOMPARE(kyc->errors.at(1).match, u"LOGIN_USER_NOT_VERIFIED"_s);
    QCOMPARE(kyc->errors.at(1).kind, AuthError::Kind::NotVerified);
    QCOMPARE(kyc->errors.at(2).status, 422);
    QCOMPARE(kyc->errors.at(2).kind, AuthError::Kind::InvalidRequest);

    const auto user = ProviderProfile::fromJson(readPreset(u"user-authheader"_s), u"u.json"_s, &error);
    QVERIFY2(user.has_value(), qPrintable(error));
    const auto it = std::find_if(user->errors.cbegin(), user->errors.cend(),
                                 [](const ErrorRule &r) { return r.status == 403; });
    QVERIFY(it != user->errors.cend());
    QCOMPARE(it->kind, AuthError::Kind::PasswordExpired);
}

void TestProviderProfile::validUserProfile() {
    QString error = u"stale"_s;
    const auto p = ProviderProfile::fromJson(toJson(validProfile()), u"corp.json"_s, &error);
    QVERIFY2(p.has_value(), qPrintable(error));
    QCOMPARE(p->id, u"corp"_s);
    QCOMPARE(p->name, u"Corp API"_s);
    QVERIFY(!p->builtIn);
    QCOMPARE(p->credential, ProviderProfile::Credential::UsernamePassword);
    QCOMPARE(p->knownHosts.size(), 1);
    QCOMPARE(p->knownHosts.first().label, u"Prod"_s);
    QCOMPARE(toMap(p->login.fields), (Fields{{u"user"_s, u"{username}"_s}, {u"pass"_s, u"{secret}"_s}}));
    QCOMPARE(p->refresh.path, u"/auth/refresh"_s);
    QCOMPARE(p->refresh.method, QByteArrayLiteral("POST"));       // default
    QCOMPARE(p->refresh.body, RequestTemplate::BodyFormat::Json); // default
    QVERIFY(p->refresh.rotates); // refresh tokens rotate unless the profile says otherwise
    QCOMPARE(p->response.fixedLifetimeSeconds, qint64(900));
    QCOMPARE(p->response.errorMessage, QStringList{u"/message"_s});
    QCOMPARE(p->headerName, u"X-Corp-Auth"_s);
    QCOMPARE(p->headerValueFor(QByteArrayLiteral("abc")), QByteArrayLiteral("Token abc"));
    QCOMPARE(p->errors.size(), 2);
    QCOMPARE(p->errors.at(1).kind, AuthError::Kind::PasswordExpired);

    // A single errorMessage string is accepted as a one-element list; rotates can be switched off.
    QJsonObject o = with(validProfile(), u"response.errorMessage"_s, u"/error/text"_s);
    o = with(o, u"refresh.rotates"_s, false);
    const auto q = ProviderProfile::fromJson(toJson(o), u"corp.json"_s, &error);
    QVERIFY2(q.has_value(), qPrintable(error));
    QCOMPARE(q->response.errorMessage, QStringList{u"/error/text"_s});
    QVERIFY(!q->refresh.rotates);
}

void TestProviderProfile::defaults() {
    // The smallest profile: no refresh, no header section, no errors.
    const QJsonObject minimal{
        {u"format"_s, 1},
        {u"id"_s, u"min"_s},
        {u"name"_s, u"Minimal"_s},
        {u"credential"_s, u"api_key"_s},
        {u"login"_s,
         QJsonObject{{u"path"_s, u"/login"_s}, {u"fields"_s, QJsonObject{{u"key"_s, u"{secret}"_s}}}}},
        {u"response"_s, QJsonObject{{u"accessToken"_s, u"/token"_s}}},
    };
    QString error;
    const auto p = ProviderProfile::fromJson(toJson(minimal), u"min.json"_s, &error);
    QVERIFY2(p.has_value(), qPrintable(error));
    QCOMPARE(p->login.method, QByteArrayLiteral("POST"));
    QCOMPARE(p->login.body, RequestTemplate::BodyFormat::Json);
    QVERIFY(!p->login.rotates);
    QVERIFY(!p->hasRefresh());
    QCOMPARE(p->headerLineFor(QByteArrayLiteral("t")), QByteArrayLiteral("Authorization: Bearer t"));
    QCOMPARE(p->response.fixedLifetimeSeconds, qint64(0));
    QVERIFY(p->errors.isEmpty());
    QVERIFY(!p->authHeaders);
}

void TestProviderProfile::brokenProfiles_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");   // the field the error must name
    QTest::addColumn<QString>("problem"); // a fragment of the problem it must state

    const QJsonObject ok = validProfile();
    auto row = [](const char *name, const QJsonObject &o, const QString &field, const QString &problem) {
        QTest::newRow(name) << toJson(o) << field << problem;
    };

    row("missing id", without(ok, u"id"_s), u"id"_s, u"is missing"_s);
    row("empty id", with(ok, u"id"_s, u""_s), u"id"_s, u"must not be empty"_s);
    row("bad id: upper case and space", with(ok, u"id"_s, u"Corp API"_s), u"id"_s, u"lower-case"_s);
    row("bad id: path", with(ok, u"id"_s, u"../corp"_s), u"id"_s, u"lower-case"_s);
    row("bad id: 65 chars", with(ok, u"id"_s, QString(65, u'a')), u"id"_s, u"at most 64"_s);
    row("id a number", with(ok, u"id"_s, 7), u"id"_s, u"must be a string"_s);
    row("missing name", without(ok, u"name"_s), u"name"_s, u"is missing"_s);
    row("unknown credential", with(ok, u"credential"_s, u"oauth2"_s), u"credential"_s, u"api_key"_s);
    row("missing credential", without(ok, u"credential"_s), u"credential"_s, u"is missing"_s);
    row("knownHosts ftp",
        with(ok, u"knownHosts"_s, QJsonArray{QJsonObject{{u"label"_s, u"Prod"_s}, {u"url"_s, u"ftp://h"_s}}}),
        u"knownHosts[0].url"_s, u"http(s) URL"_s);
    row("knownHosts entry without label",
        with(ok, u"knownHosts"_s, QJsonArray{QJsonObject{{u"url"_s, u"https://h"_s}}}), u"knownHosts[0].label"_s,
        u"missing"_s);
    row("knownHosts not a list", with(ok, u"knownHosts"_s, u"https://h"_s), u"knownHosts"_s,
        u"must be a list"_s);
    row("missing login", without(ok, u"login"_s), u"login"_s, u"is missing"_s);
    row("login not an object", with(ok, u"login"_s, u"/auth/login"_s), u"login"_s, u"must be an object"_s);
    row("login.path without /", with(ok, u"login.path"_s, u"auth/login"_s), u"login.path"_s,
        u"must start with '/'"_s);
    row("login.path with ..", with(ok, u"login.path"_s, u"/auth/../admin"_s), u"login.path"_s, u"'..'"_s);
    row("login.path with space", with(ok, u"login.path"_s, u"/auth/log in"_s), u"login.path"_s, u"spaces"_s);
    row("login.path with CRLF", with(ok, u"login.path"_s, u"/auth\r\nHost: evil"_s), u"login.path"_s,
        u"must start with '/'"_s);
    row("login.path missing", without(ok, u"login.path"_s), u"login.path"_s, u"is missing"_s);
    row("login.method DELETE", with(ok, u"login.method"_s, u"DELETE"_s), u"login.method"_s, u"POST"_s);
    row("login.body xml", with(ok, u"login.body"_s, u"xml"_s), u"login.body"_s, u"\"form\""_s);
    row("login.fields missing", without(ok, u"login.fields"_s), u"login.fields"_s, u"is missing"_s);
    row("login.fields empty", with(ok, u"login.fields"_s, QJsonObject{}), u"login.fields"_s,
        u"at least one"_s);
    row("login.fields value a number", with(ok, u"login.fields.pass"_s, 5), u"login.fields.pass"_s,
        u"must be a string"_s);
    row("unknown placeholder", with(ok, u"login.fields.pass"_s, u"{password}"_s), u"login.fields.pass"_s,
        u"{password}"_s);
    // The credential must reach the provider: a login that never sends {secret} cannot succeed, and an
    // API-key profile has no username to put into {username} (the account form does not ask for one).
    row("login never sends {secret}",
        with(ok, u"login.fields"_s, QJsonObject{{u"user"_s, u"{username}"_s}, {u"pass"_s, u"literal"_s}}),
        u"login.fields"_s, u"{secret}"_s);
    row("{username} in an api_key profile", with(ok, u"credential"_s, u"api_key"_s), u"login.fields.user"_s,
        u"{username}"_s);
    row("refreshToken placeholder in login", with(ok, u"login.fields.pass"_s, u"{refreshToken}"_s),
        u"login.fields.pass"_s, u"{refreshToken}"_s);
    row("refresh without {refreshToken}",
        with(ok, u"refresh.fields"_s, QJsonObject{{u"token"_s, u"{secret}"_s}}), u"refresh.fields"_s,
        u"{refreshToken}"_s);
    row("refresh.path without /", with(ok, u"refresh.path"_s, u"refresh"_s), u"refresh.path"_s,
        u"must start with '/'"_s);
    row("refresh.rotates a string", with(ok, u"refresh.rotates"_s, u"yes"_s), u"refresh.rotates"_s,
        u"true or false"_s);
    row("refresh without response.refreshToken", without(ok, u"response.refreshToken"_s),
        u"response.refreshToken"_s, u"refresh"_s);
    row("missing response", without(ok, u"response"_s), u"response"_s, u"is missing"_s);
    row("missing accessToken pointer", without(ok, u"response.accessToken"_s), u"response.accessToken"_s,
        u"is missing"_s);
    row("bad pointer: no slash", with(ok, u"response.accessToken"_s, u"data.token"_s),
        u"response.accessToken"_s, u"JSON pointer"_s);
    row("bad pointer: ~2", with(ok, u"response.accessExpiresAt"_s, u"/data/~2"_s),
        u"response.accessExpiresAt"_s, u"JSON pointer"_s);
    row("bad pointer: refreshExpiresAt", with(ok, u"response.refreshExpiresAt"_s, u"expires"_s),
        u"response.refreshExpiresAt"_s, u"JSON pointer"_s);
    row("bad pointer: passwordExpiresAt", with(ok, u"response.passwordExpiresAt"_s, 3),
        u"response.passwordExpiresAt"_s, u"must be a string"_s);
    row("bad extras pointer", with(ok, u"response.extras.client"_s, u"client"_s), u"response.extras.client"_s,
        u"JSON pointer"_s);
    row("bad errorMessage pointer", with(ok, u"response.errorMessage"_s, QJsonArray{u"/ok"_s, u"message"_s}),
        u"response.errorMessage[1]"_s, u"JSON pointer"_s);
    row("errorMessage a number", with(ok, u"response.errorMessage"_s, 1), u"response.errorMessage"_s,
        u"JSON pointer"_s);
    row("fixedLifetimeSeconds 0", with(ok, u"response.fixedLifetimeSeconds"_s, 0),
        u"response.fixedLifetimeSeconds"_s, u"whole number"_s);
    row("fixedLifetimeSeconds negative", with(ok, u"response.fixedLifetimeSeconds"_s, -60),
        u"response.fixedLifetimeSeconds"_s, u"whole number"_s);
    row("fixedLifetimeSeconds fraction", with(ok, u"response.fixedLifetimeSeconds"_s, 60.5),
        u"response.fixedLifetimeSeconds"_s, u"whole number"_s);
    row("fixedLifetimeSeconds string", with(ok, u"response.fixedLifetimeSeconds"_s, u"3600"_s),
        u"response.fixedLifetimeSeconds"_s, u"whole number"_s);
    row("fixedLifetimeSeconds two years", with(ok, u"response.fixedLifetimeSeconds"_s, 2 * 366 * 86400),
        u"response.fixedLifetimeSeconds"_s, u"up to a year"_s);
    row("header.value without {token}", with(ok, u"header.value"_s, u"Bearer"_s), u"header.value"_s,
        u"{token}"_s);
    row("header.value with newline", with(ok, u"header.value"_s, u"Bearer {token}\nX-Evil: 1"_s),
        u"header.value"_s, u"control characters"_s);
    row("header name with a space", with(ok, u"header.name"_s, u"R Auth"_s), u"header.name"_s,
        u"not a valid HTTP header name"_s);
    row("header name with a colon", with(ok, u"header.name"_s, u"R-Auth:"_s), u"header.name"_s,
        u"not a valid HTTP header name"_s);
    row("header.name missing", without(ok, u"header.name"_s), u"header.name"_s, u"is missing"_s);
    row("errors not a list", with(ok, u"errors"_s, QJsonObject{}), u"errors"_s, u"must be a list"_s);
    row("errors[0] not an object", with(ok, u"errors"_s, QJsonArray{401}), u"errors[0]"_s,
        u"must be an object"_s);
    row("errors[0].status 99",
        with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 99}, {u"kind"_s, u"rate_limited"_s}}}),
        u"errors[0].status"_s, u"between 100 and 599"_s);
    row("errors[0].status 600",
        with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 600}, {u"kind"_s, u"rate_limited"_s}}}),
        u"errors[0].status"_s, u"between 100 and 599"_s);
    row("errors[0].status string",
        with(ok, u"errors"_s,
             QJsonArray{QJsonObject{{u"status"_s, u"401"_s}, {u"kind"_s, u"rate_limited"_s}}}),
        u"errors[0].status"_s, u"between 100 and 599"_s);
    row("errors[0].status missing",
        with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"kind"_s, u"rate_limited"_s}}}), u"errors[0].status"_s,
        u"between 100 and 599"_s);
    row("errors[1].kind unknown",
        with(ok, u"errors"_s,
             QJsonArray{QJsonObject{{u"status"_s, 401}, {u"kind"_s, u"credentials_rejected"_s}},
                        QJsonObject{{u"status"_s, 418}, {u"kind"_s, u"teapot"_s}}}),
        u"errors[1].kind"_s, u"must be one of"_s);
    row("errors[0].kind none",
        with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 401}, {u"kind"_s, u"none"_s}}}),
        u"errors[0].kind"_s, u"must be one of"_s);
    row("errors[0].kind missing", with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 401}}}),
        u"errors[0].kind"_s, u"is missing"_s);
    row("features.authHeaders string", with(ok, u"features.authHeaders"_s, u"true"_s),
        u"features.authHeaders"_s, u"true or false"_s);
    row("format 2", with(ok, u"format"_s, 2), u"format"_s, u"version 2 is not supported"_s);
    row("format 1.5", with(ok, u"format"_s, 1.5), u"format"_s, u"not supported"_s);
    row("format missing", without(ok, u"format"_s), u"format"_s, u"is missing"_s);
    row("format a string", with(ok, u"format"_s, u"1"_s), u"format"_s, u"not a number"_s);
}

void TestProviderProfile::brokenProfiles() {
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, problem);

    QString error;
    const auto p = ProviderProfile::fromJson(json, u"corp.json"_s, &error);
    QVERIFY2(!p.has_value(), "a broken profile was accepted");
    const QString prefix = u"corp.json: field '"_s + field + u"': "_s;
    QVERIFY2(error.startsWith(prefix),
             qPrintable(u"expected prefix <"_s + prefix + u"> in <"_s + error + u'>'));
    QVERIFY2(error.contains(problem), qPrintable(u"expected <"_s + problem + u"> in <"_s + error + u'>'));
    QVERIFY2(!error.contains(u'\n') && !error.contains(u'\r'), "error must be one line");
}

void TestProviderProfile::notJsonNamesOffset() {
    QString error;
    // The parser stops at the stray 'x'; the message says where.
    const QByteArray broken = QByteArrayLiteral(R"({"format": 1, "id": "c" x})");
    QVERIFY(!ProviderProfile::fromJson(broken, u"corp.json"_s, &error));
    QVERIFY2(error.startsWith(u"corp.json: not valid JSON at offset "_s), qPrintable(error));
    QJsonParseError expected;
    QJsonDocument::fromJson(broken, &expected);
    QVERIFY(expected.offset > 20);
    QVERIFY2(error.contains(u"offset "_s + QString::number(expected.offset) + u':'), qPrintable(error));

    QVERIFY(!ProviderProfile::fromJson(QByteArray(), u"empty.json"_s, &error));
    QVERIFY2(error.startsWith(u"empty.json: not valid JSON at offset "_s), qPrintable(error));

    QVERIFY(!ProviderProfile::fromJson(QByteArrayLiteral("[1, 2]"), u"list.json"_s, &error));
    QCOMPARE(error, u"list.json: the profile must be a JSON object"_s);

    // A null error pointer is allowed.
    QVERIFY(!ProviderProfile::fromJson(QByteArrayLiteral("[]"), u"x.json"_s, nullptr));
}

void TestProviderProfile::nullErrorPointerIsAllowed() {
    QVERIFY(!ProviderProfile::fromJson(toJson(without(validProfile(), u"id"_s)), u"corp.json"_s, nullptr));
    QVERIFY(ProviderProfile::fromJson(toJson(validProfile()), u"corp.json"_s, nullptr).has_value());
}

QTEST_GUILESS_MAIN(TestProviderProfile)
#include "tst_providerprofile.moc"
