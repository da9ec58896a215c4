// HttpClient's defences against a provider that is slow, away or refusing, driven through AuthClient against
// the demo server's faults and a small loopback server of our own: deadlines, refused connections, 5xx
// and 429 with and without a usable Retry-After. Broken answers: tst_httpbrokenanswers; redirects and
// the http:// rules: tst_httpdestinations. No traffic ever leaves the loopback interface.

#include "HttpFaultsTest.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QPointer>
#include <QTimer>

using namespace NetTest;
using Kind = AuthError::Kind;

namespace {

QByteArray httpDate(const QDateTime &t)
{
    return QLocale::c().toString(t.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'").toLatin1();
}

bool near(const QDateTime &actual, const QDateTime &expected, qint64 toleranceMs = 2000)
{
    return actual.isValid() && qAbs(actual.msecsTo(expected)) <= toleranceMs;
}

} // namespace

class TestHttpFaults : public HttpFaultsTest
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void hangingProviderTimesOut();
    void slowAnswerWithinTheDeadlineSucceeds();
    void slowAnswerPastTheDeadlineTimesOut();
    void tricklingBodyIsCutByTheDeadline();
    void refusedConnectionIsNetworkError();

    void serverErrors_data();
    void serverErrors();
    void rateLimit_data();
    void rateLimit();
    void rateLimitWithoutUsableRetryAfter_data();
    void rateLimitWithoutUsableRetryAfter();
    void rateLimitHttpDateFromSkewedServerClock();
};

void TestHttpFaults::init()
{
    setUp();
}

void TestHttpFaults::cleanup()
{
    tearDown();
}

// ---- transport --------------------------------------------------------------------------------------

void TestHttpFaults::hangingProviderTimesOut()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::hang());
    m_stack->http.setTimeout(300);
    QElapsedTimer timer;
    timer.start();
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    const qint64 elapsed = timer.elapsed();
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::Timeout);
    QVERIFY2(elapsed >= 250 && elapsed < 1000, qPrintable(QString::number(elapsed)));
    QCOMPARE(m_server->requests().size(), 1); // it did reach the server, which never answered
    QVERIFY(outcome->tokens.accessToken.isEmpty());
}

void TestHttpFaults::slowAnswerWithinTheDeadlineSucceeds()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::delay(300), 1);
    m_stack->http.setTimeout(3000);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    QVERIFY(!outcome->tokens.accessToken.isEmpty());
}

void TestHttpFaults::slowAnswerPastTheDeadlineTimesOut()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::delay(2000), 1);
    m_stack->http.setTimeout(300);
    QElapsedTimer timer;
    timer.start();
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::Timeout);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
}

void TestHttpFaults::tricklingBodyIsCutByTheDeadline()
{
    // A byte every 50 ms never trips an idle timeout; the deadline covers the whole exchange.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTimer trickle;
    trickle.setInterval(50);
    QPointer<QTcpSocket> peer;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        peer = server.nextPendingConnection();
        connect(peer, &QTcpSocket::readyRead, this, [&] {
            peer->readAll();
            if (trickle.isActive())
                return;
            peer->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
            trickle.start();
        });
    });
    connect(&trickle, &QTimer::timeout, this, [&] {
        if (peer && peer->state() == QAbstractSocket::ConnectedState)
            peer->write(" ");
    });
    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(server.serverPort());
    base.setPath(QStringLiteral("/b2b-api"));

    m_stack->http.setTimeout(400);
    QElapsedTimer timer;
    timer.start();
    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::Timeout);
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(trickle.isActive()); // the server was still sending when the client gave up
    trickle.stop();
}

void TestHttpFaults::refusedConnectionIsNetworkError()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(port);
    base.setPath(QStringLiteral("/b2b-api"));
    QElapsedTimer timer;
    timer.start();
    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::Network);
    QVERIFY2(outcome->error.message.contains(QLatin1String("refused")), qPrintable(outcome->error.message));
    QVERIFY2(outcome->error.message.contains(QLatin1String("127.0.0.1")), qPrintable(outcome->error.message));
    QVERIFY(timer.elapsed() < 2000);
}

// ---- 5xx and 429 ------------------------------------------------------------------------------------

void TestHttpFaults::serverErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("500") << 500;
    QTest::newRow("503") << 503;
}

void TestHttpFaults::serverErrors()
{
    QFETCH(int, status);
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::serverError(status), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::ProviderError);
    QCOMPARE(outcome->error.httpStatus, status);
    QVERIFY2(outcome->error.message.contains(QStringLiteral("HTTP %1").arg(status)),
             qPrintable(outcome->error.message));
}

void TestHttpFaults::rateLimit_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("asDate");
    QTest::addColumn<int>("seconds");
    QTest::newRow("b2b seconds") << QStringLiteral("b2b-api") << false << 7;
    QTest::newRow("b2b http-date") << QStringLiteral("b2b-api") << true << 10;
    QTest::newRow("partner seconds") << QStringLiteral("partner-api") << false << 7;
    QTest::newRow("partner http-date") << QStringLiteral("partner-api") << true << 10;
    QTest::newRow("b2b date in the past means now") << QStringLiteral("b2b-api") << true << -60;
}

void TestHttpFaults::rateLimit()
{
    QFETCH(QString, preset);
    QFETCH(bool, asDate);
    QFETCH(int, seconds);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QByteArray value = asDate ? httpDate(before.addSecs(seconds)) : QByteArray::number(seconds);
    m_server->setFault(preset, DemoFault::rateLimit(value), 1);
    const DemoAccount demo = demoAccount(preset);
    const auto outcome = finish(m_stack->client.login(account(preset, m_server->baseUrl(preset), demo.username),
                                                      m_stack->profile(preset), demo.secret));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::RateLimited);
    QCOMPARE(outcome->error.httpStatus, 429);
    QVERIFY2(near(outcome->error.retryAfter, before.addSecs(qMax(0, seconds))),
             qPrintable(outcome->error.retryAfter.toString(Qt::ISODateWithMs) + QStringLiteral(" for ")
                        + QString::fromLatin1(value)));
}

void TestHttpFaults::rateLimitWithoutUsableRetryAfter_data()
{
    QTest::addColumn<DemoFault>("fault");
    QTest::newRow("no header") << DemoFault::respondWith(429, R"({"message":"slow down"})");
    QTest::newRow("garbage") << DemoFault::rateLimit("soon");
    QTest::newRow("negative") << DemoFault::rateLimit("-5");
}

void TestHttpFaults::rateLimitWithoutUsableRetryAfter()
{
    QFETCH(DemoFault, fault);
    m_server->setFault(QStringLiteral("b2b-api"), fault, 1);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::RateLimited);
    QVERIFY2(near(outcome->error.retryAfter, before.addSecs(30)),
             qPrintable(QStringLiteral("%1 s").arg(before.secsTo(outcome->error.retryAfter))));
}

void TestHttpFaults::rateLimitHttpDateFromSkewedServerClock()
{
    // The provider's clock is an hour ahead; its Retry-After date is "10 s from my now". Expiry
    // instants are corrected with the Date header; Retry-After dates must be too, or the account
    // sits out an hour instead of 10 s.
    const QString preset = QStringLiteral("b2b-api");
    m_server->setClockOffset(3600);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    m_server->setFault(preset, DemoFault::rateLimit(httpDate(m_server->now().addSecs(10))), 1);
    const auto outcome = loginB2b(m_server->baseUrl(preset));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::RateLimited);
    QVERIFY2(near(outcome->error.retryAfter, before.addSecs(10)),
             qPrintable(QStringLiteral("retryAfter is %1 s from now, expected 10 s")
                            .arg(before.secsTo(outcome->error.retryAfter))));
}

QTEST_GUILESS_MAIN(TestHttpFaults)
#include "tst_httpfaults.moc"
