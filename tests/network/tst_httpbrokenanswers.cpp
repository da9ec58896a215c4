// HttpClient and AuthClient against answers that must not give tokens, from the demo server's faults and a
// loopback server that streams without end: truncated or non-JSON bodies, a web page, a missing or unsafe
// token, bodies over the size cap with and without Content-Length. Nothing of such an answer is kept.

#include "HttpFaultsTest.h"

using namespace NetTest;
using Kind = AuthError::Kind;

namespace {

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

class TestHttpBrokenAnswers : public HttpFaultsTest
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void truncatedJsonIsMalformed();
    void htmlPageIsMalformedAndPointsAtTheBaseUrl();
    void missingTokenFieldIsMalformed();
    void oversizedBodyWithContentLengthIsRefused();
    void endlessBodyIsCutOffAtTheCap();
    void crlfInTokenIsRefused();
    void malformedAnswers_data();
    void malformedAnswers();
};

void TestHttpBrokenAnswers::init()
{
    setUp();
}

void TestHttpBrokenAnswers::cleanup()
{
    tearDown();
}

void TestHttpBrokenAnswers::truncatedJsonIsMalformed()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::truncatedJson(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("not valid JSON")), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());
}

void TestHttpBrokenAnswers::htmlPageIsMalformedAndPointsAtTheBaseUrl()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::htmlBody(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("web page")), qPrintable(outcome->error.message));
    QVERIFY2(outcome->error.message.contains(QLatin1String("base URL")), qPrintable(outcome->error.message));
}

void TestHttpBrokenAnswers::missingTokenFieldIsMalformed()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::missingTokenField(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("/access_token")), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());
    QVERIFY(outcome->tokens.refreshToken.isEmpty()); // the answer still had one: it is not half-used
}

void TestHttpBrokenAnswers::oversizedBodyWithContentLengthIsRefused()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::oversizedBody(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("larger than 1024 KiB")),
             qPrintable(outcome->error.message));
}

void TestHttpBrokenAnswers::endlessBodyIsCutOffAtTheCap()
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

void TestHttpBrokenAnswers::crlfInTokenIsRefused()
{
    m_server->setFault(QStringLiteral("b2b-api"), DemoFault::crlfToken(), 1);
    const auto outcome = loginB2b(m_server->baseUrl(QStringLiteral("b2b-api")));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::MalformedAnswer);
    QVERIFY2(outcome->error.message.contains(QLatin1String("line breaks")), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());
    QVERIFY(outcome->tokens.refreshToken.isEmpty());
}

void TestHttpBrokenAnswers::malformedAnswers_data()
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
    QTest::newRow("200 kB token") << QByteArray(R"({"access_token":")" + QByteArray(200 * 1024, 'a') + R"("})")
                                  << QStringLiteral("is 204800 bytes long, more than the 16384 bytes (16 KiB)");
    QTest::newRow("refresh token with CR/LF")
        << QByteArray(R"({"access_token":"abc","refresh_token":"r\r\nX-Injected: 1"})")
        << QStringLiteral("refresh token contains characters");
    QTest::newRow("refresh token is a number") << QByteArray(R"({"access_token":"abc","refresh_token":7})")
                                               << QStringLiteral("is not a string");
}

void TestHttpBrokenAnswers::malformedAnswers()
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

QTEST_GUILESS_MAIN(TestHttpBrokenAnswers)
#include "tst_httpbrokenanswers.moc"
