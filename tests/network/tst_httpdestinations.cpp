// Where HttpClient lets a request go: a redirect to another origin is not followed and the other site sees
// nothing (a recording loopback server stands in for it), one within the same origin is; http:// only to
// loopback unless opted in, refused before any lookup or connection.

#include "HttpFaultsTest.h"

#include <QElapsedTimer>

using namespace NetTest;
using Kind = AuthError::Kind;

class TestHttpDestinations : public HttpFaultsTest
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void redirectToAnotherOriginIsNotFollowed_data();
    void redirectToAnotherOriginIsNotFollowed();
    void redirectWithinTheSameOriginIsFollowed();
    void sameOriginRedirectLoopIsCalledALoop();
    void redirectMethodFollowsTheStatus_data();
    void redirectMethodFollowsTheStatus();
    void redirectWithoutLocationIsNotFollowed();
    void redirectWithUserInfoIsNotFollowed();

    void insecureUrlFailsBeforeAnyRequest();
    void plainHttpToLoopbackIsAllowed_data();
    void plainHttpToLoopbackIsAllowed();
    void checkUrl_data();
    void checkUrl();
};

void TestHttpDestinations::init()
{
    setUp();
}

void TestHttpDestinations::cleanup()
{
    tearDown();
}

// ---- redirects --------------------------------------------------------------------------------------

void TestHttpDestinations::redirectToAnotherOriginIsNotFollowed_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("status");
    QTest::newRow("b2b 307") << QStringLiteral("b2b-api") << 307;
    QTest::newRow("b2b 302") << QStringLiteral("b2b-api") << 302;
    QTest::newRow("b2b 308") << QStringLiteral("b2b-api") << 308;
    QTest::newRow("partner 307") << QStringLiteral("partner-api") << 307;
    QTest::newRow("partner 302") << QStringLiteral("partner-api") << 302;
}

void TestHttpDestinations::redirectToAnotherOriginIsNotFollowed()
{
    QFETCH(QString, preset);
    QFETCH(int, status);

    RecordingServer thief;
    QVERIFY(thief.listen());
    QUrl target;
    target.setScheme(QStringLiteral("http"));
    target.setHost(QStringLiteral("127.0.0.1"));
    target.setPort(thief.port());
    target.setPath(QStringLiteral("/steal"));
    m_server->setFault(preset, DemoFault::redirectTo(target, status));

    const DemoAccount demo = demoAccount(preset);
    const QUrl base = m_server->baseUrl(preset);
    const auto outcome = finish(m_stack->client.login(account(preset, base, demo.username),
                                                      m_stack->profile(preset), demo.secret));
    QVERIFY(outcome);
    QVERIFY2(outcome->error, "a login redirected to another site must fail");
    COMPARE_KIND(outcome->error.kind, Kind::ProviderError);
    QVERIFY2(outcome->error.message.contains(QLatin1String("redirected")), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());
    QCOMPARE(m_server->requests().size(), 1);

    // A round trip to the demo server lets anything still queued towards the other site happen.
    m_server->clearFaults();
    const auto again = finish(m_stack->client.login(account(preset, base, demo.username), m_stack->profile(preset),
                                                    demo.secret));
    QVERIFY(again);
    QVERIFY(!again->error);

    const QByteArray stolen = thief.received();
    QVERIFY2(!stolen.contains(demo.secret), stolen.constData());
    QVERIFY2(!stolen.contains("Authorization"), stolen.constData());
    QVERIFY2(!stolen.contains("R-Auth"), stolen.constData());
    QCOMPARE(thief.connections(), 0);
    QVERIFY(stolen.isEmpty());
}

void TestHttpDestinations::redirectWithinTheSameOriginIsFollowed()
{
    // The demo server can redirect to itself: the fault fires once, the redirected request is answered.
    const QString preset = QStringLiteral("b2b-api");
    const QUrl base = m_server->baseUrl(preset);
    QUrl login = base;
    login.setPath(base.path() + QStringLiteral("/auth/login"));
    login.setQuery(QStringLiteral("moved=1"));
    m_server->setFault(preset, DemoFault::redirectTo(login, 307), 1);

    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    QVERIFY(!outcome->tokens.accessToken.isEmpty());

    const QList<DemoRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).path, QByteArray("/b2b-api/auth/login"));
    QCOMPARE(requests.at(1).path, QByteArray("/b2b-api/auth/login?moved=1"));
    QCOMPARE(requests.at(1).method, QByteArray("POST")); // 307 keeps the method and the body
    QCOMPARE(requests.at(1).body, requests.at(0).body);
}

void TestHttpDestinations::sameOriginRedirectLoopIsCalledALoop()
{
    // Every login request is redirected to itself: Qt gives up after the limit. That is no other site.
    const QString preset = QStringLiteral("b2b-api");
    const QUrl base = m_server->baseUrl(preset);
    QUrl login = base;
    login.setPath(base.path() + QStringLiteral("/auth/login"));
    m_server->setFault(preset, DemoFault::redirectTo(login, 307));

    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::ProviderError);
    QVERIFY2(outcome->error.message.contains(QLatin1String("redirect loop")), qPrintable(outcome->error.message));
    QVERIFY2(outcome->error.message.contains(QLatin1String("more than 5 times")),
             qPrintable(outcome->error.message));
    QVERIFY2(!outcome->error.message.contains(QLatin1String("another site")), qPrintable(outcome->error.message));
    QCOMPARE(m_server->requests().size(), 1 + HttpClient::kMaxRedirects);
}

// ---- http:// rules ----------------------------------------------------------------------------------

void TestHttpDestinations::redirectMethodFollowsTheStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("followed");
    QTest::newRow("301") << 301 << false;
    QTest::newRow("302") << 302 << false;
    QTest::newRow("303") << 303 << false;
    QTest::newRow("307") << 307 << true;
    QTest::newRow("308") << 308 << true;
}

// 307 and 308 repeat the request, body and all. 301, 302 and 303 would turn the login's POST into a GET
// without its body: not followed, and the error says so. A relative Location is resolved against the
// request's URL.
void TestHttpDestinations::redirectMethodFollowsTheStatus()
{
    QFETCH(int, status);
    QFETCH(bool, followed);
    const QString preset = QStringLiteral("b2b-api");
    const QUrl base = m_server->baseUrl(preset);
    m_server->setFault(preset, DemoFault::redirectTo(QUrl(QStringLiteral("login?moved=1")), status), 1);

    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    const QList<DemoRequest> requests = m_server->requests();
    if (followed) {
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).path, QByteArray("/b2b-api/auth/login?moved=1"));
        QCOMPARE(requests.at(1).method, QByteArray("POST"));
        QCOMPARE(requests.at(1).body, requests.at(0).body);
        QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    } else {
        QCOMPARE(requests.size(), 1);
        COMPARE_KIND(outcome->error.kind, Kind::ProviderError);
        const QString expected = QStringLiteral("POST request with a redirect (HTTP %1) that would turn it into a GET")
                                     .arg(status);
        QVERIFY2(outcome->error.message.contains(expected), qPrintable(outcome->error.message));
    }
}

void TestHttpDestinations::redirectWithoutLocationIsNotFollowed()
{
    const QString preset = QStringLiteral("b2b-api");
    m_server->setFault(preset, DemoFault::respondWith(302, QByteArrayLiteral("{}")));
    const auto outcome = loginB2b(m_server->baseUrl(preset));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::ProviderError);
    QVERIFY2(outcome->error.message.contains(QLatin1String("redirect (HTTP 302) without a usable address")),
             qPrintable(outcome->error.message));
    QCOMPARE(m_server->requests().size(), 1);
}

// A user name or password in the Location would be sent, and remembered by Qt's network manager, although
// a base URL may not carry one: refused like another site, even on the same origin.
void TestHttpDestinations::redirectWithUserInfoIsNotFollowed()
{
    const QString preset = QStringLiteral("b2b-api");
    const QUrl base = m_server->baseUrl(preset);
    QUrl login = base;
    login.setPath(base.path() + QStringLiteral("/auth/login"));
    login.setUserInfo(QStringLiteral("someone:pw"));
    m_server->setFault(preset, DemoFault::redirectTo(login, 307), 1);
    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::ProviderError);
    QVERIFY2(outcome->error.message.contains(QLatin1String("another site")), qPrintable(outcome->error.message));
    QVERIFY2(!outcome->error.message.contains(QLatin1String("pw")), qPrintable(outcome->error.message));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestHttpDestinations::insecureUrlFailsBeforeAnyRequest()
{
    const QString preset = QStringLiteral("b2b-api");
    Account acc = account(preset, QUrl(QStringLiteral("http://example.invalid/b2b-api")),
                          DemoCredentials::b2bUsername());
    QElapsedTimer timer;
    timer.start();
    const auto outcome = finish(m_stack->client.login(acc, m_stack->profile(preset),
                                                      DemoCredentials::b2bPassword().toUtf8()));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::InsecureUrl);
    QVERIFY2(timer.elapsed() < 500, "refused without a DNS lookup or a connection");
    QVERIFY(outcome->tokens.accessToken.isEmpty());
}

void TestHttpDestinations::plainHttpToLoopbackIsAllowed_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("localhost") << QStringLiteral("localhost");
}

void TestHttpDestinations::plainHttpToLoopbackIsAllowed()
{
    QFETCH(QString, host);
    QUrl base = m_server->baseUrl(QStringLiteral("b2b-api"));
    base.setHost(host);
    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestHttpDestinations::checkUrl_data()
{
    // A table only: the opt-in case must not send anything to a non-loopback address.
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("optIn");
    QTest::addColumn<int>("kind");

    const int ok = int(Kind::None);
    const int insecure = int(Kind::InsecureUrl);
    const int config = int(Kind::Configuration);
    QTest::newRow("https") << QStringLiteral("https://api.example.com/x") << false << ok;
    QTest::newRow("https uppercase scheme") << QStringLiteral("HTTPS://api.example.com") << false << ok;
    QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/x") << false << ok;
    QTest::newRow("http 127.0.0.2") << QStringLiteral("http://127.0.0.2:8080/x") << false << ok;
    QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080") << false << ok;
    QTest::newRow("http LOCALHOST") << QStringLiteral("http://LOCALHOST:8080") << false << ok;
    QTest::newRow("http [::1]") << QStringLiteral("http://[::1]:8080/x") << false << ok;
    QTest::newRow("http 10.0.0.1") << QStringLiteral("http://10.0.0.1/x") << false << insecure;
    QTest::newRow("http 10.0.0.1 opt-in") << QStringLiteral("http://10.0.0.1/x") << true << ok;
    QTest::newRow("http example.invalid") << QStringLiteral("http://example.invalid/x") << false << insecure;
    QTest::newRow("http localhost.example.com")
        << QStringLiteral("http://localhost.example.com/x") << false << insecure;
    QTest::newRow("http 127.0.0.1.nip.io") << QStringLiteral("http://127.0.0.1.nip.io/x") << false << insecure;
    QTest::newRow("http 0.0.0.0") << QStringLiteral("http://0.0.0.0:8080/x") << false << insecure;
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1/x") << false << config;
    QTest::newRow("ftp opt-in") << QStringLiteral("ftp://example.com/x") << true << config;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false << config;
    QTest::newRow("userinfo https") << QStringLiteral("https://user:pw@api.example.com/x") << false << config;
    QTest::newRow("userinfo loopback") << QStringLiteral("http://user@127.0.0.1/x") << false << config;
    QTest::newRow("no host") << QStringLiteral("https:///x") << false << config;
}

void TestHttpDestinations::checkUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, optIn);
    QFETCH(int, kind);
    COMPARE_KIND(HttpClient::checkUrl(QUrl(url), optIn).kind, Kind(kind));
}

QTEST_GUILESS_MAIN(TestHttpDestinations)
#include "tst_httpdestinations.moc"
