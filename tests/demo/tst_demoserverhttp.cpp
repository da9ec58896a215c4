// The server at the byte level, over a raw QTcpSocket: what a strict HTTP/1.1 server refuses, the
// limits, the idle timeout, Expect: 100-continue.

#include "demo/DemoServer.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

class TestDemoServerHttp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void answersAndCloses();
    void pipelinedSecondRequestIsNotAnswered();
    void malformedRequests_data();
    void malformedRequests();
    void headerTooLarge();
    void bodyTooLargeRefusedBeforeItArrives();
    void bodyArrivesLater();
    void expectContinue();
    void idleConnectionTimesOut();

private:
    // Connects, writes, and returns everything the server sent until it closed the connection.
    QByteArray exchange(const QByteArray &request);
    static int statusOf(const QByteArray &response) { return response.mid(9, 3).toInt(); }

    std::unique_ptr<DemoServer> m_server;
};

void TestDemoServerHttp::init() {
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
}

void TestDemoServerHttp::cleanup() {
    m_server.reset();
}

QByteArray TestDemoServerHttp::exchange(const QByteArray &request) {
    QTcpSocket socket;
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    socket.write(request);
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    if (!closed.wait(5000))
        return "TIMEOUT";
    received += socket.readAll();
    return received;
}

void TestDemoServerHttp::answersAndCloses() {
    const QByteArray response = exchange("GET /quadrata/whoami HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 401 Unauthorized\r\n"), response.constData());
    QVERIFY(response.contains("\r\nConnection: close\r\n"));
    QVERIFY(response.contains("\r\nContent-Type: application/json\r\n"));
    QVERIFY(response.contains("\r\nDate: "));
    const qsizetype split = response.indexOf("\r\n\r\n");
    QVERIFY(response.contains(
        QByteArray("\r\nContent-Length: " + QByteArray::number(response.size() - split - 4) + "\r\n")));
}

void TestDemoServerHttp::pipelinedSecondRequestIsNotAnswered() {
    // One answer per connection, announced with "Connection: close"; the client retries the rest.
    const QByteArray response = exchange("GET /quadrata/whoami HTTP/1.1\r\nHost: x\r\n\r\n"
                                         "GET /quadrata/nope HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(response.count("HTTP/1.1 "), 1);
    QCOMPARE(statusOf(response), 401);
    QCOMPARE(m_server->requests().size(), 1);
}

void TestDemoServerHttp::malformedRequests_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("hello there\r\n\r\n") << 400;
    QTest::newRow("no host") << QByteArray("GET /quadrata/whoami HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("http/3") << QByteArray("GET / HTTP/3.0\r\nHost: x\r\n\r\n") << 505;
    QTest::newRow("chunked")
        << QByteArray(
               "POST /b2b-api/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        << 501;
}

void TestDemoServerHttp::malformedRequests() {
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const QByteArray response = exchange(request);
    QCOMPARE(statusOf(response), status);
    QVERIFY(response.contains("\r\nDate: "));
    QVERIFY(m_server->requests().isEmpty());
}

void TestDemoServerHttp::headerTooLarge() {
    const QByteArray response = exchange(
        "GET /quadrata/whoami HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n");
    QCOMPARE(statusOf(response), 431);
}

void TestDemoServerHttp::bodyTooLargeRefusedBeforeItArrives() {
    const QByteArray response =
        exchange("POST /b2b-api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Content-Length: 2000000\r\n\r\n{");
    QCOMPARE(statusOf(response), 413);
}

void TestDemoServerHttp::bodyArrivesLater() {
    QTcpSocket socket;
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    QSignalSpy received(m_server.get(), &DemoServer::requestReceived);
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    const QByteArray body = R"({"apiKey":"demo-quadrata-key"})";
    socket.write("POST /quadrata/api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                 "application/json\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n" + body.first(5));
    QVERIFY(socket.waitForBytesWritten(5000));
    QVERIFY(!received.wait(200)); // half a body is not a request
    socket.write(body.sliced(5));
    QVERIFY(closed.wait(5000));
    QCOMPARE(statusOf(socket.readAll()), 200);
}

void TestDemoServerHttp::expectContinue() {
    QTcpSocket socket;
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    const QByteArray body = R"({"apiKey":"demo-quadrata-key"})";
    socket.write("POST /quadrata/api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Expect: 100-continue\r\nContent-Length: " +
                 QByteArray::number(body.size()) + "\r\n\r\n");
    QTRY_VERIFY(socket.bytesAvailable() >= 25);
    QCOMPARE(socket.read(25), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    socket.write(body);
    QVERIFY(closed.wait(5000));
    QCOMPARE(statusOf(socket.readAll()), 200);
}

void TestDemoServerHttp::idleConnectionTimesOut() {
    m_server->setIdleTimeout(200);
    const QByteArray response =
        exchange("POST /quadrata/api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{");
    QCOMPARE(statusOf(response), 408);
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_GUILESS_MAIN(TestDemoServerHttp)
#include "tst_demoserverhttp.moc"
