// Every preset's login, in the documented request shape, and every error its document names.

#include "DemoServerTest.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

class TestDemoServerLogin : public DemoServerTest {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void demoAccountsCoverEveryPreset();
    void baseUrlIsLoopbackWithPresetPrefix();

    void quadrataLogin();
    void quadrataErrors();
    void kycLogin();
    void kycLoginAcceptsPlusAndPercentEncoding();
    void kycErrors();
    void kycRefusesJsonBody();
    void partnerLoginWithPartnerKey();
    void partnerLoginWithCompanyKey();
    void partnerErrors();
    void b2bLogin();
    void b2bErrors();
    void b2bRateLimitedUser();
    void b2bThrottlesRepeatedFailures();
    void userLogin();
    void userErrors();
    void unknownPathsAndMethods();

private:
    QJsonObject verifiedClaims(const QByteArray &token, const QString &preset);
};

void TestDemoServerLogin::init() {
    setUp();
}

void TestDemoServerLogin::cleanup() {
    tearDown();
}

QJsonObject TestDemoServerLogin::verifiedClaims(const QByteArray &token, const QString &preset) {
    const QJsonObject claims = DemoHttp::claims(token);
    [&] {
        QCOMPARE(claims.value(u"iss").toString(), QStringLiteral("tokendesk-demo/") + preset);
        QVERIFY(!claims.value(u"sub").toString().isEmpty());
        QVERIFY(claims.contains(u"aud"));
        QVERIFY(!claims.value(u"jti").toString().isEmpty());
        QCOMPARE(claims.value(u"exp").toInteger() - claims.value(u"iat").toInteger(), qint64(300));
        // The token opens the preset's protected resource (Bearer; partner-api uses R-Auth).
        const DemoHttp::Headers header = preset == QLatin1String("partner-api")
                                             ? DemoHttp::Headers{{"R-Auth", token}}
                                             : DemoHttp::Headers{{"Authorization", "Bearer " + token}};
        const DemoReply who = m_http->get(url(preset, QStringLiteral("/whoami")), header);
        QCOMPARE(who.status, 200);
        QCOMPARE(who.json().value(u"preset").toString(), preset);
    }();
    return claims;
}

void TestDemoServerLogin::demoAccountsCoverEveryPreset() {
    const QList<DemoAccount> accounts = DemoServer::demoAccounts();
    QCOMPARE(accounts.size(), 5);
    QStringList presets;
    QStringList names;
    for (const DemoAccount &a : accounts) {
        presets << a.presetId;
        names << a.accountName;
        QVERIFY(!a.secret.isEmpty());
    }
    presets.sort();
    QStringList expected = DemoServer::presetIds();
    expected.sort();
    QCOMPARE(presets, expected);
    QCOMPARE(names, (QStringList{QStringLiteral("demo-quadrata"), QStringLiteral("demo-kyc"),
                                 QStringLiteral("demo-partner"), QStringLiteral("demo-b2b"),
                                 QStringLiteral("demo-user")}));
}

void TestDemoServerLogin::baseUrlIsLoopbackWithPresetPrefix() {
    const QUrl base = m_server->baseUrl(QStringLiteral("b2b-api"));
    QCOMPARE(base.scheme(), QStringLiteral("http"));
    QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(base.port(), int(m_server->port()));
    QCOMPARE(base.path(), QStringLiteral("/b2b-api"));
}

void TestDemoServerLogin::quadrataLogin() {
    const DemoReply r = m_http->postJson(url(QStringLiteral("quadrata"), QStringLiteral("/api/v1/login")),
                                         {{QStringLiteral("apiKey"), QStringLiteral("demo-quadrata-key")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject data = r.json().value(u"data").toObject();
    QCOMPARE(data.value(u"type").toString(), QStringLiteral("login"));
    verifiedClaims(data.value(u"accessToken").toString().toLatin1(), QStringLiteral("quadrata"));
}

void TestDemoServerLogin::quadrataErrors() {
    const QUrl login = url(QStringLiteral("quadrata"), QStringLiteral("/api/v1/login"));
    DemoReply r = m_http->postJson(login, {{QStringLiteral("apiKey"), QStringLiteral("wrong")}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"message").toString(), QStringLiteral("Invalid API key"));
    r = m_http->postJson(login, {});
    QCOMPARE(r.status, 400);
    r = m_http->post(login, "application/x-www-form-urlencoded", "apiKey=demo-quadrata-key");
    QCOMPARE(r.status, 415);
    r = m_http->post(login, "application/json", "[\"demo-quadrata-key\"]");
    QCOMPARE(r.status, 400);
    r = m_http->post(login, "application/json", "{\"apiKey\":");
    QCOMPARE(r.status, 400);
}

void TestDemoServerLogin::kycLogin() {
    const DemoReply r =
        m_http->postForm(url(QStringLiteral("kyc-jwt"), QStringLiteral("/auth/jwt/login")),
                         "username=demo%40example.com&password=demo-kyc-password&grant_type=password");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"token_type").toString(), QStringLiteral("bearer"));
    const QJsonObject claims =
        verifiedClaims(r.json().value(u"access_token").toString().toLatin1(), QStringLiteral("kyc-jwt"));
    QCOMPARE(claims.value(u"sub").toString(), QStringLiteral("demo@example.com"));
}

void TestDemoServerLogin::kycLoginAcceptsPlusAndPercentEncoding() {
    // Content-Type parameters are fine; '+' decodes to a space (so a literal '+' must be %2B).
    const QUrl login = url(QStringLiteral("kyc-jwt"), QStringLiteral("/auth/jwt/login"));
    DemoReply r = m_http->post(login, "application/x-www-form-urlencoded; charset=UTF-8",
                               "password=demo%2Dkyc%2Dpassword&username=demo@example.com");
    QCOMPARE(r.status, 200);
    r = m_http->postForm(login, "username=demo%40example.com&password=demo+kyc+password");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"detail").toString(), QStringLiteral("LOGIN_BAD_CREDENTIALS"));
}

void TestDemoServerLogin::kycErrors() {
    const QUrl login = url(QStringLiteral("kyc-jwt"), QStringLiteral("/auth/jwt/login"));
    DemoReply r = m_http->postForm(login, "username=demo%40example.com&password=wrong");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("detail"), QStringLiteral("LOGIN_BAD_CREDENTIALS")}}));

    r = m_http->postForm(login, "username=unverified%40example.com&password=demo-kyc-password");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("detail"), QStringLiteral("LOGIN_USER_NOT_VERIFIED")}}));

    r = m_http->postForm(login, "password=demo-kyc-password");
    QCOMPARE(r.status, 422);
    const QJsonArray detail = r.json().value(u"detail").toArray();
    QCOMPARE(detail.size(), 1);
    QCOMPARE(
        detail.at(0).toObject(),
        (QJsonObject{{QStringLiteral("loc"), QJsonArray{QStringLiteral("body"), QStringLiteral("username")}},
                     {QStringLiteral("msg"), QStringLiteral("field required")},
                     {QStringLiteral("type"), QStringLiteral("value_error.missing")}}));

    r = m_http->postForm(
        login, "username=demo%40example.com&password=demo-kyc-password&grant_type=client_credentials");
    QCOMPARE(r.status, 422);
}

void TestDemoServerLogin::kycRefusesJsonBody() {
    const DemoReply r = m_http->postJson(url(QStringLiteral("kyc-jwt"), QStringLiteral("/auth/jwt/login")),
                                         {{QStringLiteral("username"), QStringLiteral("demo@example.com")},
                                          {QStringLiteral("password"), QStringLiteral("demo-kyc-password")}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"detail").toArray().size(), 2);
}

void TestDemoServerLogin::partnerLoginWithPartnerKey() {
    const DemoReply r = m_http->postJson(url(QStringLiteral("partner-api"), QStringLiteral("/auth/login")),
                                         {{QStringLiteral("apiKey"), QStringLiteral("demo-partner-key")}});
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    const QJsonObject claims =
        verifiedClaims(body.value(u"jwt").toString().toLatin1(), QStringLiteral("partner-api"));
    // "2026-06-26T07:56:42.199+00:00": offset and milliseconds, equal to the JWT's exp.
    const QString expiration = body.value(u"expirationDate").toString();
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$)"))
                 .match(expiration)
                 .hasMatch(),
             qPrintable(expiration));
    QCOMPARE(QDateTime::fromString(expiration, Qt::ISODateWithMs).toSecsSinceEpoch(),
             claims.value(u"exp").toInteger());
    QVERIFY(!body.value(u"refreshToken").toString().isEmpty());
    const QDateTime refreshExpiry =
        QDateTime::fromString(body.value(u"refreshTokenExpiration").toString(), Qt::ISODateWithMs);
    QCOMPARE(refreshExpiry.toSecsSinceEpoch() - claims.value(u"iat").toInteger(), qint64(3600));
}

void TestDemoServerLogin::partnerLoginWithCompanyKey() {
    const DemoReply r = m_http->postJson(url(QStringLiteral("partner-api"), QStringLiteral("/auth/login")),
                                         {{QStringLiteral("apiKey"), QStringLiteral("demo-company-key")}});
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QCOMPARE(body.keys(), (QStringList{QStringLiteral("expirationDate"), QStringLiteral("jwt")}));
    const QJsonObject claims =
        verifiedClaims(body.value(u"jwt").toString().toLatin1(), QStringLiteral("partner-api"));
    // "2026-06-01T12:00:00": no zone, meaning UTC.
    const QString expiration = body.value(u"expirationDate").toString();
    QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$)"))
                 .match(expiration)
                 .hasMatch(),
             qPrintable(expiration));
    QDateTime asUtc = QDateTime::fromString(expiration, Qt::ISODate);
    asUtc.setTimeZone(QTimeZone::utc());
    QCOMPARE(asUtc.toSecsSinceEpoch(), claims.value(u"exp").toInteger());
}

void TestDemoServerLogin::partnerErrors() {
    const QUrl login = url(QStringLiteral("partner-api"), QStringLiteral("/auth/login"));
    DemoReply r = m_http->postJson(login, {{QStringLiteral("apiKey"), QStringLiteral("nope")}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid API key")}}));
    r = m_http->post(login, "text/plain", "{\"apiKey\":\"demo-partner-key\"}");
    QCOMPARE(r.status, 415);
    r = m_http->postJson(login, {{QStringLiteral("key"), QStringLiteral("demo-partner-key")}});
    QCOMPARE(r.status, 400);
}

void TestDemoServerLogin::b2bLogin() {
    const DemoReply r = m_http->postJson(url(QStringLiteral("b2b-api"), QStringLiteral("/auth/login")),
                                         {{QStringLiteral("username"), QStringLiteral("demo-b2b")},
                                          {QStringLiteral("password"), QStringLiteral("demo-b2b-password")}});
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QCOMPARE(body.value(u"client_id").toInteger(), qint64(123456));
    QVERIFY(body.value(u"client_id").isDouble());
    QVERIFY(!body.value(u"refresh_token").toString().isEmpty());
    const QJsonObject claims =
        verifiedClaims(body.value(u"access_token").toString().toLatin1(), QStringLiteral("b2b-api"));
    const QString accessExpiry = body.value(u"access_expires_at").toString();
    QVERIFY2(accessExpiry.endsWith(QLatin1Char('Z')) && accessExpiry.size() == 20, qPrintable(accessExpiry));
    QCOMPARE(QDateTime::fromString(accessExpiry, Qt::ISODate).toSecsSinceEpoch(),
             claims.value(u"exp").toInteger());
    const QDateTime refreshExpiry =
        QDateTime::fromString(body.value(u"refresh_expires_at").toString(), Qt::ISODate);
    QCOMPARE(refreshExpiry.toSecsSinceEpoch() - claims.value(u"iat").toInteger(), qint64(3600));
}

void TestDemoServerLogin::b2bErrors() {
    const QUrl login = url(QStringLiteral("b2b-api"), QStringLiteral("/auth/login"));
    DemoReply r = m_http->postJson(login, {{QStringLiteral("username"), QStringLiteral("demo-b2b")}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("error"), QStringLiteral("validation_error")},
                                    {QStringLiteral("message"),
                                     QStringLiteral("Username and password are required")}}));
    r = m_http->postJson(login, {{QStringLiteral("username"), QStringLiteral("demo-b2b")},
                                 {QStringLiteral("password"), QStringLiteral("wrong")}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("error"), QStringLiteral("unauthorized")},
                                    {QStringLiteral("message"), QStringLiteral("Invalid credentials")}}));
    r = m_http->postForm(login, "username=demo-b2b&password=demo-b2b-password");
    QCOMPARE(r.status, 415);
}

void TestDemoServerLogin::b2bRateLimitedUser() {
    const DemoReply r = m_http->postJson(url(QStringLiteral("b2b-api"), QStringLiteral("/auth/login")),
                                         {{QStringLiteral("username"), QStringLiteral("ratelimited")},
                                          {QStringLiteral("password"), QStringLiteral("anything")}});
    QCOMPARE(r.status, 429);
    QCOMPARE(r.header("Retry-After"), QByteArray("5"));
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("error"), QStringLiteral("Too Many Requests")},
                                    {QStringLiteral("message"),
                                     QStringLiteral("Too many login attempts. Please try again later.")}}));
}

void TestDemoServerLogin::b2bThrottlesRepeatedFailures() {
    const QUrl login = url(QStringLiteral("b2b-api"), QStringLiteral("/auth/login"));
    const QJsonObject wrong{{QStringLiteral("username"), QStringLiteral("demo-b2b")},
                            {QStringLiteral("password"), QStringLiteral("wrong")}};
    const QJsonObject right{{QStringLiteral("username"), QStringLiteral("demo-b2b")},
                            {QStringLiteral("password"), QStringLiteral("demo-b2b-password")}};
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http->postJson(login, wrong).status, 401);
    DemoReply r = m_http->postJson(login, right);
    QCOMPARE(r.status, 429);
    const int retryAfter = r.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 60, r.header("Retry-After").constData());
    // Another user is not affected; a minute later the window has passed.
    QCOMPARE(m_http
                 ->postJson(login, {{QStringLiteral("username"), QStringLiteral("someone")},
                                    {QStringLiteral("password"), QStringLiteral("x")}})
                 .status,
             401);
    m_server->setClockOffset(61);
    QCOMPARE(m_http->postJson(login, right).status, 200);
}

void TestDemoServerLogin::userLogin() {
    const DemoReply r =
        m_http->postJson(url(QStringLiteral("user-authheader"), QStringLiteral("/user/login")),
                         {{QStringLiteral("username"), QStringLiteral("demo-user")},
                          {QStringLiteral("password"), QStringLiteral("demo-user-password")}});
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    for (const char *key :
         {"Id", "Created", "Username", "Email", "Firstname", "Lastname", "Token", "PasswordExpiration"})
        QVERIFY2(body.value(QLatin1String(key)).isString(), key);
    QCOMPARE(body.value(u"Username").toString(), QStringLiteral("demo-user"));
    const QJsonObject claims =
        verifiedClaims(body.value(u"Token").toString().toLatin1(), QStringLiteral("user-authheader"));
    QDateTime passwordExpiry =
        QDateTime::fromString(body.value(u"PasswordExpiration").toString(), Qt::ISODate);
    QVERIFY(!body.value(u"PasswordExpiration").toString().endsWith(QLatin1Char('Z'))); // no zone
    passwordExpiry.setTimeZone(QTimeZone::utc());
    QCOMPARE(passwordExpiry.toSecsSinceEpoch() - claims.value(u"iat").toInteger(), qint64(10 * 24 * 3600));
}

void TestDemoServerLogin::userErrors() {
    const QUrl login = url(QStringLiteral("user-authheader"), QStringLiteral("/user/login"));
    DemoReply r = m_http->postJson(login, {{QStringLiteral("username"), QStringLiteral("demo-user")},
                                           {QStringLiteral("password"), QStringLiteral("wrong")}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("message"), QStringLiteral("Incorrect credentials")}}));
    r = m_http->postJson(login, {{QStringLiteral("username"), QStringLiteral("expired-user")},
                                 {QStringLiteral("password"), QStringLiteral("demo-user-password")}});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("message"), QStringLiteral("Password expired")}}));
    // A wrong password for the expired user is still just wrong.
    r = m_http->postJson(login, {{QStringLiteral("username"), QStringLiteral("expired-user")},
                                 {QStringLiteral("password"), QStringLiteral("x")}});
    QCOMPARE(r.status, 401);
    r = m_http->postForm(login, "username=demo-user&password=demo-user-password");
    QCOMPARE(r.status, 415);
}

void TestDemoServerLogin::unknownPathsAndMethods() {
    DemoReply r = m_http->get(url(QStringLiteral("quadrata"), QStringLiteral("/api/v1/login")));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
    r = m_http->get(url(QStringLiteral("quadrata"), QStringLiteral("/nope")));
    QCOMPARE(r.status, 404);
    QUrl other = m_server->baseUrl(QStringLiteral("quadrata"));
    other.setPath(QStringLiteral("/no-such-preset/auth/login"));
    r = m_http->postJson(other, {});
    QCOMPARE(r.status, 404);
    // Login paths belong to their preset only.
    r = m_http->postJson(url(QStringLiteral("b2b-api"), QStringLiteral("/api/v1/login")),
                         {{QStringLiteral("apiKey"), QStringLiteral("demo-quadrata-key")}});
    QCOMPARE(r.status, 404);
}

QTEST_GUILESS_MAIN(TestDemoServerLogin)
#include "tst_demoserverlogin.moc"
