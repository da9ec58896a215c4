// The test hooks: armed faults, the request log, the Date header and the clock offset.

#include "DemoServerTest.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QTest>
#include <QTimeZone>

class TestDemoServerFaults : public DemoServerTest {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void hangNeverAnswers();
    void delayAnswersLate();
    void htmlBody();
    void truncatedJson();
    void missingTokenField_data();
    void missingTokenField();
    void oversizedBody();
    void crlfTokenStaysInsideTheBody();
    void serverError();
    void redirect();
    void rateLimit_data();
    void rateLimit();
    void customStatus();
    void faultCountAndScope();
    void replacingFaultsLeaveStateAlone();
    void spoiledAnswerStillRotatesRefreshToken();

    void requestLogAndSignal();
    void dateHeaderFollowsClockOffset();

private:
    DemoReply quadrataLogin(int timeoutMs = 0);
};

void TestDemoServerFaults::init() {
    setUp();
}

void TestDemoServerFaults::cleanup() {
    tearDown();
}

DemoReply TestDemoServerFaults::quadrataLogin(int timeoutMs) {
    return m_http->post(url(QStringLiteral("quadrata"), QStringLiteral("/api/v1/login")), "application/json",
                        R"({"apiKey":"demo-quadrata-key"})", {}, timeoutMs);
}

void TestDemoServerFaults::hangNeverAnswers() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::hang(), 1);
    const DemoReply hung = quadrataLogin(300);
    QVERIFY(hung.finished);
    QCOMPARE(hung.status, 0);
    QVERIFY(hung.error != QNetworkReply::NoError);
    QVERIFY(hung.error != QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_server->requests().size(), 1); // it was read
    QCOMPARE(quadrataLogin().status, 200);    // count 1: the next one is answered
}

void TestDemoServerFaults::delayAnswersLate() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::delay(400));
    QElapsedTimer timer;
    timer.start();
    const DemoReply r = quadrataLogin();
    QVERIFY2(timer.elapsed() >= 390, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(u"data").toObject().contains(u"accessToken"));
}

void TestDemoServerFaults::htmlBody() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::htmlBody());
    const DemoReply r = quadrataLogin();
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));
    QVERIFY(r.body.startsWith("<!DOCTYPE html>"));
}

void TestDemoServerFaults::truncatedJson() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::truncatedJson());
    const DemoReply r = quadrataLogin();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.error, QNetworkReply::NoError); // framing is valid, the JSON is not
    QVERIFY(r.body.startsWith("{\"data\""));
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestDemoServerFaults::missingTokenField_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("tokenKey");
    QTest::addColumn<QString>("keptKey");

    QTest::newRow("quadrata") << QStringLiteral("quadrata") << QStringLiteral("/api/v1/login")
                              << QByteArray("application/json")
                              << QByteArray(R"({"apiKey":"demo-quadrata-key"})")
                              << QStringLiteral("data/accessToken") << QStringLiteral("data/type");
    QTest::newRow("kyc-jwt") << QStringLiteral("kyc-jwt") << QStringLiteral("/auth/jwt/login")
                             << QByteArray("application/x-www-form-urlencoded")
                             << QByteArray("username=demo%40example.com&password=demo-kyc-password")
                             << QStringLiteral("access_token") << QStringLiteral("token_type");
    QTest::newRow("partner-api") << QStringLiteral("partner-api") << QStringLiteral("/auth/login")
                                 << QByteArray("application/json")
                                 << QByteArray(R"({"apiKey":"demo-partner-key"})") << QStringLiteral("jwt")
                                 << QStringLiteral("expirationDate");
    QTest::newRow("b2b-api") << QStringLiteral("b2b-api") << QStringLiteral("/auth/login")
                             << QByteArray("application/json")
                             << QByteArray(R"({"username":"demo-b2b","password":"demo-b2b-password"})")
                             << QStringLiteral("access_token") << QStringLiteral("refresh_token");
    QTest::newRow("user-authheader") << QStringLiteral("user-authheader") << QStringLiteral("/user/login")
                                     << QByteArray("application/json")
                                     << QByteArray(
                                            R"({"username":"demo-user","password":"demo-user-password"})")
                                     << QStringLiteral("Token") << QStringLiteral("PasswordExpiration");
}

void TestDemoServerFaults::missingTokenField() {
    QFETCH(QString, preset);
    QFETCH(QString, route);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, tokenKey);
    QFETCH(QString, keptKey);
    const auto lookup = [](const QJsonObject &root, const QString &pointer) {
        QJsonValue value = root;
        for (const QString &key : pointer.split(QLatin1Char('/')))
            value = value.toObject().value(key);
        return value;
    };
    m_server->setFault(preset, DemoFault::missingTokenField(), 1);
    DemoReply r = m_http->post(url(preset, route), contentType, body);
    QCOMPARE(r.status, 200);
    QVERIFY(lookup(r.json(), tokenKey).isUndefined());
    QVERIFY(!lookup(r.json(), keptKey).isUndefined());
    r = m_http->post(url(preset, route), contentType, body);
    QVERIFY(lookup(r.json(), tokenKey).isString());
}

void TestDemoServerFaults::oversizedBody() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::oversizedBody());
    const DemoReply r = quadrataLogin();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.size(), DemoFault::OversizedBodyBytes);
    QCOMPARE(r.header("Content-Length").toLongLong(), DemoFault::OversizedBodyBytes);
}

void TestDemoServerFaults::crlfTokenStaysInsideTheBody() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::crlfToken());
    const DemoReply r = quadrataLogin();
    QCOMPARE(r.status, 200);
    const QString token = r.json().value(u"data").toObject().value(u"accessToken").toString();
    QVERIFY(token.startsWith(QLatin1String("eyJ")));
    QVERIFY(token.endsWith(QLatin1String("\r\nX-Injected: 1")));
    QVERIFY(r.header("X-Injected").isEmpty());
}

void TestDemoServerFaults::serverError() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::serverError(503));
    DemoReply r = quadrataLogin();
    QCOMPARE(r.status, 503);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::serverError());
    QCOMPARE(quadrataLogin().status, 500);
}

void TestDemoServerFaults::redirect() {
    const QUrl elsewhere(QStringLiteral("http://127.0.0.2:9/quadrata/api/v1/login"));
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::redirectTo(elsewhere));
    DemoReply r = quadrataLogin();
    QCOMPARE(r.status, 307);
    QCOMPARE(r.header("Location"), elsewhere.toEncoded());
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::redirectTo(elsewhere, 302));
    QCOMPARE(quadrataLogin().status, 302);
}

void TestDemoServerFaults::rateLimit_data() {
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::newRow("seconds") << QByteArray("120");
    QTest::newRow("http-date") << QByteArray("Wed, 21 Oct 2037 07:28:00 GMT");
}

void TestDemoServerFaults::rateLimit() {
    QFETCH(QByteArray, retryAfter);
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::rateLimit(retryAfter));
    const DemoReply r = m_http->postJson(url(QStringLiteral("b2b-api"), QStringLiteral("/auth/login")), {});
    QCOMPARE(r.status, 429);
    QCOMPARE(r.header("Retry-After"), retryAfter);
}

void TestDemoServerFaults::customStatus() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::respondWith(418, R"({"message":"teapot"})"));
    const DemoReply r = quadrataLogin();
    QCOMPARE(r.status, 418);
    QCOMPARE(r.json().value(u"message").toString(), QStringLiteral("teapot"));
}

void TestDemoServerFaults::faultCountAndScope() {
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::serverError(), 2);
    QCOMPARE(quadrataLogin().status, 500);
    // Other presets are not affected.
    QCOMPARE(m_http
                 ->postJson(url(QStringLiteral("partner-api"), QStringLiteral("/auth/login")),
                            {{QStringLiteral("apiKey"), QStringLiteral("demo-company-key")}})
                 .status,
             200);
    QCOMPARE(quadrataLogin().status, 500);
    QCOMPARE(quadrataLogin().status, 200);

    m_server->setFault(QStringLiteral("quadrata"), DemoFault::serverError()); // every request
    for (int i = 0; i < 3; ++i)
        QCOMPARE(quadrataLogin().status, 500);
    m_server->setFault(QStringLiteral("quadrata"), DemoFault::serverError(503)); // replaces
    QCOMPARE(quadrataLogin().status, 503);
    m_server->clearFaults();
    QCOMPARE(quadrataLogin().status, 200);
}

void TestDemoServerFaults::replacingFaultsLeaveStateAlone() {
    const QJsonObject login =
        m_http
            ->postJson(url(QStringLiteral("partner-api"), QStringLiteral("/auth/login")),
                       {{QStringLiteral("apiKey"), QStringLiteral("demo-partner-key")}})
            .json();
    const QUrl refresh = url(QStringLiteral("partner-api"), QStringLiteral("/auth/refresh"));
    m_server->setFault(QStringLiteral("partner-api"), DemoFault::serverError(503), 1);
    QCOMPARE(
        m_http->postJson(refresh, {{QStringLiteral("refreshToken"), login.value(u"refreshToken")}}).status,
        503);
    QCOMPARE(
        m_http->postJson(refresh, {{QStringLiteral("refreshToken"), login.value(u"refreshToken")}}).status,
        200);
    QCOMPARE(m_server->reuseDetections(), 0);
}

void TestDemoServerFaults::spoiledAnswerStillRotatesRefreshToken() {
    // The provider rotated, but the client never saw the new token: presenting the old one again is
    // reuse. This is the scenario that makes clients store the new refresh token before anything else.
    const QJsonObject login =
        m_http
            ->postJson(url(QStringLiteral("b2b-api"), QStringLiteral("/auth/login")),
                       {{QStringLiteral("username"), QStringLiteral("demo-b2b")},
                        {QStringLiteral("password"), QStringLiteral("demo-b2b-password")}})
            .json();
    const QUrl refresh = url(QStringLiteral("b2b-api"), QStringLiteral("/auth/refresh"));
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::truncatedJson(), 1);
    QCOMPARE(
        m_http->postJson(refresh, {{QStringLiteral("refresh_token"), login.value(u"refresh_token")}}).status,
        200);
    QCOMPARE(m_server->refreshCount(QStringLiteral("b2b-api")), 1);
    QCOMPARE(
        m_http->postJson(refresh, {{QStringLiteral("refresh_token"), login.value(u"refresh_token")}}).status,
        401);
    QCOMPARE(m_server->reuseDetections(), 1);
}

void TestDemoServerFaults::requestLogAndSignal() {
    QSignalSpy received(m_server.get(), &DemoServer::requestReceived);
    m_http->post(url(QStringLiteral("kyc-jwt"), QStringLiteral("/auth/jwt/login")),
                 "application/x-www-form-urlencoded", "username=a&password=b", {{"X-Trace", "42"}});
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("kyc-jwt"));
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArray("POST"));
    QCOMPARE(received.at(0).at(2).toByteArray(), QByteArray("/kyc-jwt/auth/jwt/login"));

    const QList<DemoRequest> log = m_server->requests();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.at(0).presetId, QStringLiteral("kyc-jwt"));
    QCOMPARE(log.at(0).method, QByteArray("POST"));
    QCOMPARE(log.at(0).path, QByteArray("/kyc-jwt/auth/jwt/login"));
    QCOMPARE(log.at(0).header("content-type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(log.at(0).header("X-TRACE"), QByteArray("42"));
    QCOMPARE(log.at(0).body, QByteArray("username=a&password=b"));

    QUrl withQuery = url(QStringLiteral("quadrata"), QStringLiteral("/whoami"));
    withQuery.setQuery(QStringLiteral("x=1"));
    m_http->get(withQuery);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(1).path, QByteArray("/quadrata/whoami?x=1"));
    m_server->clearRequests();
    QVERIFY(m_server->requests().isEmpty());
}

void TestDemoServerFaults::dateHeaderFollowsClockOffset() {
    const auto parseDate = [](const QByteArray &value) {
        QDateTime t = QLocale::c().toDateTime(QString::fromLatin1(value),
                                              QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        t.setTimeZone(QTimeZone::utc());
        return t;
    };
    DemoReply r = quadrataLogin();
    QDateTime date = parseDate(r.header("Date"));
    QVERIFY2(date.isValid(), r.header("Date").constData());
    QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc())) <= 5);
    // 404s and protocol errors carry it too.
    QVERIFY(!m_http->get(url(QStringLiteral("quadrata"), QStringLiteral("/nope"))).header("Date").isEmpty());

    m_server->setClockOffset(7200);
    QCOMPARE(m_server->clockOffset(), qint64(7200));
    r = quadrataLogin();
    date = parseDate(r.header("Date"));
    QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc().addSecs(7200))) <= 5);
    const QJsonObject claims =
        DemoHttp::claims(r.json().value(u"data").toObject().value(u"accessToken").toString().toLatin1());
    QVERIFY(qAbs(claims.value(u"iat").toInteger() - date.toSecsSinceEpoch()) <= 1);
}

QTEST_GUILESS_MAIN(TestDemoServerFaults)
#include "tst_demoserverfaults.moc"
