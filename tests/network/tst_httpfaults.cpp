// HttpClient's defences, driven through AuthClient against the demo server's faults and two small
// loopback servers of our own: deadlines, refused connections, broken and oversized answers, header
// injection, 5xx, 429, redirects to another origin, and the http:// rules. No traffic ever leaves
// the loopback interface.

#include "NetworkTestSupport.h"

#include "demo/DemoCredentials.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QPointer>
#include <QTest>
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

// A server that answers 200 with no Content-Length and then streams a body without end (up to
// `limit` bytes), writing the next piece only when the previous one has left. Tells how much it wrote
// before the client went away.
class StreamingServer : public QObject
{
public:
    explicit StreamingServer(qint64 limit)
        : m_limit(limit)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_request += socket->readAll();
                    if (m_started || !m_request.contains("\r\n\r\n"))
                        return;
                    m_started = true;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                                  "{\"access_token\":\"");
                    writeMore(socket);
                });
                connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] {
                    if (socket->bytesToWrite() == 0)
                        writeMore(socket);
                });
                connect(socket, &QTcpSocket::disconnected, this, [this] { m_clientGone = true; });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    qint64 written() const { return m_written; }
    bool clientGone() const { return m_clientGone; }
    bool finishedStreaming() const { return m_written >= m_limit; }

private:
    void writeMore(QTcpSocket *socket)
    {
        if (!m_started || m_written >= m_limit || socket->state() != QAbstractSocket::ConnectedState)
            return;
        const qint64 piece = qMin<qint64>(64 * 1024, m_limit - m_written);
        m_written += piece;
        socket->write(QByteArray(piece, 'a'));
        if (m_written >= m_limit) {
            socket->write("\"}");
            socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    qint64 m_limit;
    qint64 m_written = 0;
    QByteArray m_request;
    bool m_started = false;
    bool m_clientGone = false;
};

} // namespace

class TestHttpFaults : public QObject
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
    void truncatedJsonIsMalformed();
    void htmlPageIsMalformedAndPointsAtTheBaseUrl();
    void missingTokenFieldIsMalformed();
    void oversizedBodyWithContentLengthIsRefused();
    void endlessBodyIsCutOffAtTheCap();
    void crlfInTokenIsRefused();
    void malformedAnswers_data();
    void malformedAnswers();
    void serverErrors_data();
    void serverErrors();
    void rateLimit_data();
    void rateLimit();
    void rateLimitWithoutUsableRetryAfter_data();
    void rateLimitWithoutUsableRetryAfter();
    void rateLimitHttpDateFromSkewedServerClock();

    void redirectToAnotherOriginIsNotFollowed_data();
    void redirectToAnotherOriginIsNotFollowed();
    void redirectWithinTheSameOriginIsFollowed();

    void insecureUrlFailsBeforeAnyRequest();
    void plainHttpToLoopbackIsAllowed_data();
    void plainHttpToLoopbackIsAllowed();
    void checkUrl_data();
    void checkUrl();

private:
    std::optional<AuthOutcome> loginB2b(const QUrl &base, const QByteArray &secret = {});

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<AuthStack> m_stack;
};

void TestHttpFaults::init()
{
    m_server = std::make_unique<DemoServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_stack = std::make_unique<AuthStack>();
    QVERIFY(m_stack->registry.find(QStringLiteral("b2b-api")));
}

void TestHttpFaults::cleanup()
{
    m_stack.reset();
    m_server.reset();
}

std::optional<AuthOutcome> TestHttpFaults::loginB2b(const QUrl &base, const QByteArray &secret)
{
    const QString preset = QStringLiteral("b2b-api");
    return finish(m_stack->client.login(account(preset, base, DemoCredentials::b2bUsername()), m_stack->profile(preset),
                                        secret.isEmpty() ? DemoCredentials::b2bPassword().toUtf8() : secret));
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

// ---- broken answers ---------------------------------------------------------------------------------

void TestHttpFaults::truncatedJsonIsMalformed()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::truncatedJson(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("not valid JSON")), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());
}

void TestHttpFaults::htmlPageIsMalformedAndPointsAtTheBaseUrl()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::htmlBody(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("web page")), qPrintable(outcome->error.message));
    QVERIFY2(outcome->error.message.contains(QLatin1String("base URL")), qPrintable(outcome->error.message));
}

void TestHttpFaults::missingTokenFieldIsMalformed()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::missingTokenField(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("/access_token")), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());
    QVERIFY(outcome->tokens.refreshToken.isEmpty()); // the answer still had one: it is not half-used
}

void TestHttpFaults::oversizedBodyWithContentLengthIsRefused()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::oversizedBody(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("larger than 1024 KiB")),
             qPrintable(outcome->error.message));
}

void TestHttpFaults::endlessBodyIsCutOffAtTheCap()
{
    // No Content-Length to refuse up front: the cap must be enforced while reading.
    constexpr qint64 limit = 64 * 1024 * 1024;
    StreamingServer streamer(limit);
    QVERIFY(streamer.listen());
    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(streamer.port());
    base.setPath(QStringLiteral("/b2b-api"));

    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("larger than")), qPrintable(outcome->error.message));
    QVERIFY2(!streamer.finishedStreaming(),
             qPrintable(QStringLiteral("the whole %1 bytes were sent").arg(streamer.written())));
    QVERIFY2(streamer.written() > HttpClient::kDefaultMaxResponseBytes,
             qPrintable(QStringLiteral("gave up after only %1 bytes").arg(streamer.written())));
    QTRY_VERIFY_WITH_TIMEOUT(streamer.clientGone(), 2000); // the client hung up
    QVERIFY2(streamer.written() < 16 * 1024 * 1024, qPrintable(QString::number(streamer.written())));
}

void TestHttpFaults::crlfInTokenIsRefused()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::crlfToken(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("line breaks")), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());
    QVERIFY(outcome->tokens.refreshToken.isEmpty());
}

void TestHttpFaults::malformedAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not valid JSON");
    QTest::newRow("token is a number") << QByteArray(R"({"access_token":12345})")
                                       << QStringLiteral("no access token");
    QTest::newRow("token is empty") << QByteArray(R"({"access_token":""})") << QStringLiteral("no access token");
    QTest::newRow("token with a space") << QByteArray(R"({"access_token":"a b"})")
                                        << QStringLiteral("characters a header cannot carry");
    QTest::newRow("token with non-ASCII") << QByteArray(R"({"access_token":"abc\u00e9"})")
                                          << QStringLiteral("characters a header cannot carry");
    QTest::newRow("refresh token with CR/LF")
        << QByteArray(R"({"access_token":"abc","refresh_token":"r\r\nX-Injected: 1"})")
        << QStringLiteral("refresh token contains characters");
    QTest::newRow("refresh token is a number") << QByteArray(R"({"access_token":"abc","refresh_token":7})")
                                               << QStringLiteral("is not a string");
}

void TestHttpFaults::malformedAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, messagePart);
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::respondWith(200, body), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(messagePart), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());
    QVERIFY(outcome->tokens.refreshToken.isEmpty());
}

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

// ---- redirects --------------------------------------------------------------------------------------

void TestHttpFaults::redirectToAnotherOriginIsNotFollowed_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("status");
    QTest::newRow("b2b 307") << QStringLiteral("b2b-api") << 307;
    QTest::newRow("b2b 302") << QStringLiteral("b2b-api") << 302;
    QTest::newRow("b2b 308") << QStringLiteral("b2b-api") << 308;
    QTest::newRow("partner 307") << QStringLiteral("partner-api") << 307;
    QTest::newRow("partner 302") << QStringLiteral("partner-api") << 302;
}

void TestHttpFaults::redirectToAnotherOriginIsNotFollowed()
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

void TestHttpFaults::redirectWithinTheSameOriginIsFollowed()
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

// ---- http:// rules ----------------------------------------------------------------------------------

void TestHttpFaults::insecureUrlFailsBeforeAnyRequest()
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

void TestHttpFaults::plainHttpToLoopbackIsAllowed_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("localhost") << QStringLiteral("localhost");
}

void TestHttpFaults::plainHttpToLoopbackIsAllowed()
{
    QFETCH(QString, host);
    QUrl base = m_server->baseUrl(QStringLiteral("b2b-api"));
    base.setHost(host);
    const auto outcome = loginB2b(base);
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestHttpFaults::checkUrl_data()
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

void TestHttpFaults::checkUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, optIn);
    QFETCH(int, kind);
    COMPARE_KIND(HttpClient::checkUrl(QUrl(url), optIn).kind, Kind(kind));
}

QTEST_GUILESS_MAIN(TestHttpFaults)
#include "tst_httpfaults.moc"
