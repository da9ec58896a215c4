// ProviderProfile::fromJson() on profiles it accepts: every built-in preset, their known hosts and error
// rules, a complete user profile, and the defaults of the smallest one. Profiles it refuses:
// tst_providerprofileerrors.
#include "ProviderProfileTest.h"

#include <QFile>
#include <QMap>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProviderProfileTesting;

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
} // namespace

class TestProviderProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presets_data();
    void presets();
    void presetKnownHosts();
    void validUserProfile();
    void defaults();
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

QTEST_GUILESS_MAIN(TestProviderProfile)
#include "tst_providerprofile.moc"
