// Tokens after login: each preset's header at /whoami, expiry against the server's clock, and rotating
// refresh tokens with reuse detection. The user-authheader admin API: tst_demoserverauthheader.

#include "DemoServerTest.h"

#include <QTimeZone>

class TestDemoServerTokens : public DemoServerTest {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void whoamiWithEachPresetsHeader_data();
    void whoamiWithEachPresetsHeader();
    void tokenOfOnePresetDoesNotOpenAnother();
    void tamperedTokenIsRefused();
    void accessTokenExpiresOnServerClock();
    void accessLifetimeIsConfigurable();

    void partnerRefreshRotates();
    void partnerRefreshReuseRevokesFamily();
    void b2bRefreshRotates();
    void b2bRefreshReuseRevokesFamily();
    void refreshErrors();
    void refreshTokenExpires();

private:
    QJsonObject partnerLogin();
    QJsonObject b2bLogin();
};

void TestDemoServerTokens::init() {
    setUp();
}

void TestDemoServerTokens::cleanup() {
    tearDown();
}

QJsonObject TestDemoServerTokens::partnerLogin() {
    return m_http
        ->postJson(url(QStringLiteral("partner-api"), QStringLiteral("/auth/login")),
                   {{QStringLiteral("apiKey"), QStringLiteral("demo-partner-key")}})
        .json();
}

QJsonObject TestDemoServerTokens::b2bLogin() {
    return m_http
        ->postJson(url(QStringLiteral("b2b-api"), QStringLiteral("/auth/login")),
                   {{QStringLiteral("username"), QStringLiteral("demo-b2b")},
                    {QStringLiteral("password"), QStringLiteral("demo-b2b-password")}})
        .json();
}

void TestDemoServerTokens::whoamiWithEachPresetsHeader_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("tokenPointer");
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QByteArray>("scheme");

    QTest::newRow("quadrata") << QStringLiteral("quadrata") << QStringLiteral("/api/v1/login")
                              << QByteArray("application/json")
                              << QByteArray(R"({"apiKey":"demo-quadrata-key"})")
                              << QStringLiteral("data/accessToken") << QByteArray("Authorization")
                              << QByteArray("Bearer ");
    QTest::newRow("kyc-jwt")
        << QStringLiteral("kyc-jwt") << QStringLiteral("/auth/jwt/login")
        << QByteArray("application/x-www-form-urlencoded")
        << QByteArray("username=demo%40example.com&password=demo-kyc-password&grant_type=password")
        << QStringLiteral("access_token") << QByteArray("Authorization") << QByteArray("Bearer ");
    QTest::newRow("partner-api") << QStringLiteral("partner-api") << QStringLiteral("/auth/login")
                                 << QByteArray("application/json")
                                 << QByteArray(R"({"apiKey":"demo-partner-key"})") << QStringLiteral("jwt")
                                 << QByteArray("R-Auth") << QByteArray();
    QTest::newRow("b2b-api") << QStringLiteral("b2b-api") << QStringLiteral("/auth/login")
                             << QByteArray("application/json")
                             << QByteArray(R"({"username":"demo-b2b","password":"demo-b2b-password"})")
                             << QStringLiteral("access_token") << QByteArray("Authorization")
                             << QByteArray("Bearer ");
    QTest::newRow("user-authheader") << QStringLiteral("user-authheader") << QStringLiteral("/user/login")
                                     << QByteArray("application/json")
                                     << QByteArray(
                                            R"({"username":"demo-user","password":"demo-user-password"})")
                                     << QStringLiteral("Token") << QByteArray("Authorization")
                                     << QByteArray("Bearer ");
}

void TestDemoServerTokens::whoamiWithEachPresetsHeader() {
    QFETCH(QString, preset);
    QFETCH(QString, route);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, tokenPointer);
    QFETCH(QByteArray, headerName);
    QFETCH(QByteArray, scheme);

    const DemoReply login = m_http->post(url(preset, route), contentType, body);
    QCOMPARE(login.status, 200);
    QJsonValue value = login.json();
    for (const QString &key : tokenPointer.split(QLatin1Char('/')))
        value = value.toObject().value(key);
    const QByteArray token = value.toString().toLatin1();
    QVERIFY(!token.isEmpty());

    const QUrl whoami = url(preset, QStringLiteral("/whoami"));
    DemoReply r = m_http->get(whoami, {{headerName, scheme + token}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"preset").toString(), preset);
    QVERIFY(!r.json().value(u"sub").toString().isEmpty());

    QCOMPARE(m_http->get(whoami).status, 401);
    QCOMPARE(m_http->get(whoami, {{headerName, scheme + "x" + token}}).status, 401);
    if (headerName == "R-Auth") // no scheme in R-Auth, and not the Authorization header either
        QCOMPARE(m_http->get(whoami, {{"R-Auth", "Bearer " + token}}).status, 401);
    if (headerName == "R-Auth")
        QCOMPARE(m_http->get(whoami, {{"Authorization", "Bearer " + token}}).status, 401);
    else if (preset != QLatin1String("user-authheader")) // that one may be configured to the bare token
        QCOMPARE(m_http->get(whoami, {{"Authorization", token}}).status, 401);
}

void TestDemoServerTokens::tokenOfOnePresetDoesNotOpenAnother() {
    const QByteArray token = b2bLogin().value(u"access_token").toString().toLatin1();
    QCOMPARE(m_http
                 ->get(url(QStringLiteral("quadrata"), QStringLiteral("/whoami")),
                       {{"Authorization", "Bearer " + token}})
                 .status,
             401);
    QCOMPARE(m_http
                 ->get(url(QStringLiteral("b2b-api"), QStringLiteral("/whoami")),
                       {{"Authorization", "Bearer " + token}})
                 .status,
             200);
}

void TestDemoServerTokens::tamperedTokenIsRefused() {
    const QByteArray token = b2bLogin().value(u"access_token").toString().toLatin1();
    QList<QByteArray> parts = token.split('.');
    QJsonObject claims = DemoHttp::claims(token);
    claims.insert(QStringLiteral("sub"), QStringLiteral("admin"));
    parts[1] = QJsonDocument(claims)
                   .toJson(QJsonDocument::Compact)
                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const DemoReply r = m_http->get(url(QStringLiteral("b2b-api"), QStringLiteral("/whoami")),
                                    {{"Authorization", "Bearer " + parts.join('.')}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Bearer"));
}

void TestDemoServerTokens::accessTokenExpiresOnServerClock() {
    // A provider whose clock is an hour behind hands out a token that, by our clock, expired long ago;
    // the provider still accepts it, because it checks against its own clock.
    m_server->setClockOffset(-3600);
    const QByteArray token = b2bLogin().value(u"access_token").toString().toLatin1();
    const QJsonObject claims = DemoHttp::claims(token);
    QVERIFY(claims.value(u"exp").toInteger() < QDateTime::currentSecsSinceEpoch() - 3000);
    const QUrl whoami = url(QStringLiteral("b2b-api"), QStringLiteral("/whoami"));
    QCOMPARE(m_http->get(whoami, {{"Authorization", "Bearer " + token}}).status, 200);
    m_server->setClockOffset(0);
    QCOMPARE(m_http->get(whoami, {{"Authorization", "Bearer " + token}}).status, 401);
}

void TestDemoServerTokens::accessLifetimeIsConfigurable() {
    m_server->setAccessLifetime(42);
    m_server->setRefreshLifetime(4242);
    const QJsonObject body = b2bLogin();
    const QJsonObject claims = DemoHttp::claims(body.value(u"access_token").toString().toLatin1());
    QCOMPARE(claims.value(u"exp").toInteger() - claims.value(u"iat").toInteger(), qint64(42));
    QCOMPARE(
        QDateTime::fromString(body.value(u"refresh_expires_at").toString(), Qt::ISODate).toSecsSinceEpoch() -
            claims.value(u"iat").toInteger(),
        qint64(4242));
    const QByteArray token = body.value(u"access_token").toString().toLatin1();
    const QUrl whoami = url(QStringLiteral("b2b-api"), QStringLiteral("/whoami"));
    m_server->setClockOffset(41);
    QCOMPARE(m_http->get(whoami, {{"Authorization", "Bearer " + token}}).status, 200);
    m_server->setClockOffset(43);
    QCOMPARE(m_http->get(whoami, {{"Authorization", "Bearer " + token}}).status, 401);
}

void TestDemoServerTokens::partnerRefreshRotates() {
    const QJsonObject login = partnerLogin();
    const QUrl refresh = url(QStringLiteral("partner-api"), QStringLiteral("/auth/refresh"));
    const DemoReply r =
        m_http->postJson(refresh, {{QStringLiteral("refreshToken"), login.value(u"refreshToken")}});
    QCOMPARE(r.status, 200);
    const QJsonObject next = r.json();
    QCOMPARE(next.keys(),
             (QStringList{QStringLiteral("expirationDate"), QStringLiteral("jwt"),
                          QStringLiteral("refreshToken"), QStringLiteral("refreshTokenExpiration")}));
    QVERIFY(next.value(u"refreshToken") != login.value(u"refreshToken"));
    QVERIFY(next.value(u"jwt") != login.value(u"jwt"));
    // The refresh answer, as documented, has zone-less timestamps; they equal the JWT's exp (UTC).
    QDateTime expiry = QDateTime::fromString(next.value(u"expirationDate").toString(), Qt::ISODate);
    expiry.setTimeZone(QTimeZone::utc());
    QCOMPARE(expiry.toSecsSinceEpoch(),
             DemoHttp::claims(next.value(u"jwt").toString().toLatin1()).value(u"exp").toInteger());
    QCOMPARE(m_http
                 ->get(url(QStringLiteral("partner-api"), QStringLiteral("/whoami")),
                       {{"R-Auth", next.value(u"jwt").toString().toLatin1()}})
                 .status,
             200);
    QCOMPARE(m_server->refreshCount(QStringLiteral("partner-api")), 1);

    const DemoReply again =
        m_http->postJson(refresh, {{QStringLiteral("refreshToken"), next.value(u"refreshToken")}});
    QCOMPARE(again.status, 200);
    QCOMPARE(m_server->refreshCount(QStringLiteral("partner-api")), 2);
    QCOMPARE(m_server->reuseDetections(), 0);
}

void TestDemoServerTokens::partnerRefreshReuseRevokesFamily() {
    const QJsonObject login = partnerLogin();
    const QJsonObject other = partnerLogin(); // a second login: its own family
    const QUrl refresh = url(QStringLiteral("partner-api"), QStringLiteral("/auth/refresh"));
    const QJsonObject next =
        m_http->postJson(refresh, {{QStringLiteral("refreshToken"), login.value(u"refreshToken")}}).json();

    const DemoReply reuse =
        m_http->postJson(refresh, {{QStringLiteral("refreshToken"), login.value(u"refreshToken")}});
    QCOMPARE(reuse.status, 401);
    QCOMPARE(m_server->reuseDetections(), 1);
    // The whole family is gone: the newest refresh token and the access token issued with it.
    QCOMPARE(
        m_http->postJson(refresh, {{QStringLiteral("refreshToken"), next.value(u"refreshToken")}}).status,
        401);
    const QUrl whoami = url(QStringLiteral("partner-api"), QStringLiteral("/whoami"));
    QCOMPARE(m_http->get(whoami, {{"R-Auth", next.value(u"jwt").toString().toLatin1()}}).status, 401);
    // The other login is untouched.
    QCOMPARE(m_http->get(whoami, {{"R-Auth", other.value(u"jwt").toString().toLatin1()}}).status, 200);
    QCOMPARE(
        m_http->postJson(refresh, {{QStringLiteral("refreshToken"), other.value(u"refreshToken")}}).status,
        200);
}

void TestDemoServerTokens::b2bRefreshRotates() {
    const QJsonObject login = b2bLogin();
    const QUrl refresh = url(QStringLiteral("b2b-api"), QStringLiteral("/auth/refresh"));
    const DemoReply r =
        m_http->postJson(refresh, {{QStringLiteral("refresh_token"), login.value(u"refresh_token")}});
    QCOMPARE(r.status, 200);
    const QJsonObject next = r.json();
    for (const char *key :
         {"access_token", "refresh_token", "access_expires_at", "refresh_expires_at", "client_id"})
        QVERIFY2(next.contains(QLatin1String(key)), key);
    QVERIFY(next.value(u"refresh_token") != login.value(u"refresh_token"));
    QCOMPARE(m_server->refreshCount(QStringLiteral("b2b-api")), 1);
    QCOMPARE(m_server->refreshCount(QStringLiteral("partner-api")), 0);
}

void TestDemoServerTokens::b2bRefreshReuseRevokesFamily() {
    const QJsonObject login = b2bLogin();
    const QUrl refresh = url(QStringLiteral("b2b-api"), QStringLiteral("/auth/refresh"));
    const QJsonObject next =
        m_http->postJson(refresh, {{QStringLiteral("refresh_token"), login.value(u"refresh_token")}}).json();
    const DemoReply reuse =
        m_http->postJson(refresh, {{QStringLiteral("refresh_token"), login.value(u"refresh_token")}});
    QCOMPARE(reuse.status, 401);
    QCOMPARE(reuse.json().value(u"error").toString(), QStringLiteral("unauthorized"));
    QCOMPARE(m_server->reuseDetections(), 1);
    QCOMPARE(
        m_http->postJson(refresh, {{QStringLiteral("refresh_token"), next.value(u"refresh_token")}}).status,
        401);
    QCOMPARE(m_http
                 ->get(url(QStringLiteral("b2b-api"), QStringLiteral("/whoami")),
                       {{"Authorization", "Bearer " + next.value(u"access_token").toString().toLatin1()}})
                 .status,
             401);
}

void TestDemoServerTokens::refreshErrors() {
    const QUrl partner = url(QStringLiteral("partner-api"), QStringLiteral("/auth/refresh"));
    const QUrl b2b = url(QStringLiteral("b2b-api"), QStringLiteral("/auth/refresh"));
    QCOMPARE(m_http->postJson(partner, {{QStringLiteral("refreshToken"), QStringLiteral("unknown")}}).status,
             401);
    QCOMPARE(m_http->postJson(b2b, {{QStringLiteral("refresh_token"), QStringLiteral("unknown")}}).status,
             401);
    QCOMPARE(m_http->postJson(partner, {}).status, 400);
    QCOMPARE(m_http->postJson(b2b, {}).json().value(u"error").toString(), QStringLiteral("validation_error"));
    // A refresh token belongs to its preset; b2b's field name does not work at partner-api.
    const QJsonObject login = b2bLogin();
    QCOMPARE(
        m_http->postJson(partner, {{QStringLiteral("refreshToken"), login.value(u"refresh_token")}}).status,
        401);
    QCOMPARE(m_http->postJson(b2b, {{QStringLiteral("refreshToken"), login.value(u"refresh_token")}}).status,
             400);
    QCOMPARE(m_server->reuseDetections(), 0);
    // Company keys get no refresh token.
    const QJsonObject company =
        m_http
            ->postJson(url(QStringLiteral("partner-api"), QStringLiteral("/auth/login")),
                       {{QStringLiteral("apiKey"), QStringLiteral("demo-company-key")}})
            .json();
    QVERIFY(!company.contains(u"refreshToken"));
}

void TestDemoServerTokens::refreshTokenExpires() {
    const QJsonObject login = b2bLogin();
    m_server->setClockOffset(3601);
    const QUrl refresh = url(QStringLiteral("b2b-api"), QStringLiteral("/auth/refresh"));
    QCOMPARE(
        m_http->postJson(refresh, {{QStringLiteral("refresh_token"), login.value(u"refresh_token")}}).status,
        401);
    QCOMPARE(m_server->refreshCount(QStringLiteral("b2b-api")), 0);
    QCOMPARE(m_server->reuseDetections(), 0);
}

QTEST_GUILESS_MAIN(TestDemoServerTokens)
#include "tst_demoservertokens.moc"
