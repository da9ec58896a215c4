#pragma once

// Shared plumbing for the network tests: an AuthClient over a real QNetworkAccessManager, accounts
// pointing at the loopback demo server, waiting for an operation without sleeping, and a plain TCP
// server that records whatever reaches it (a stand-in for "another site" that must never see a secret).

#include "accounts/Account.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "auth/HttpClient.h"
#include "demo/DemoServer.h"
#include "providers/ProviderRegistry.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

#include <memory>
#include <optional>

// Compares error kinds by their stable key, so a failure prints "timeout" vs "network".
#define COMPARE_KIND(actual, expected) QCOMPARE(AuthError::kindKey(actual), AuthError::kindKey(expected))

namespace NetTest {

// One AuthClient wired like the application's: one manager, one HttpClient, the system clock. The
// manager never uses a proxy, so that a proxy set in the environment cannot carry test traffic off
// the loopback interface.
struct AuthStack
{
    AuthStack() { manager.setProxy(QNetworkProxy::NoProxy); }

    QNetworkAccessManager manager;
    HttpClient http{&manager};
    SystemClock clock;
    AuthClient client{&http, &clock};
    ProviderRegistry registry;

    const ProviderProfile &profile(const QString &presetId) const
    {
        const ProviderProfile *p = registry.find(presetId);
        Q_ASSERT_X(p, "AuthStack::profile", "unknown preset");
        return *p;
    }
};

// The base of the tests that log in at a fresh demo server with a fresh AuthStack in every test case (a
// fresh server because the b2b provider throttles a username after repeated failures): setUp and tearDown,
// called from a derived class's own, which checks the presets it needs.
class DemoStackTest : public QObject
{
protected:
    void setUp()
    {
        m_stack = std::make_unique<AuthStack>();
        m_server = std::make_unique<DemoServer>();
        QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    }

    void tearDown()
    {
        m_stack.reset();
        m_server.reset();
    }

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<AuthStack> m_stack;
};

inline Account account(const QString &presetId, const QUrl &baseUrl, const QString &username = {})
{
    Account a;
    a.id = QStringLiteral("test-") + presetId;
    a.name = QStringLiteral("net-") + presetId;
    a.providerId = presetId;
    a.baseUrl = baseUrl;
    a.username = username;
    return a;
}

inline DemoAccount demoAccount(const QString &presetId)
{
    const QList<DemoAccount> all = DemoServer::demoAccounts();
    for (const DemoAccount &a : all) {
        if (a.presetId == presetId)
            return a;
    }
    return {};
}

// Waits for the operation's one finished() signal; nullopt when it did not come in time.
inline std::optional<AuthOutcome> finish(AuthOperation *operation, int timeoutMs = 5000)
{
    QSignalSpy spy(operation, &AuthOperation::finished);
    if (!spy.wait(timeoutMs) || spy.count() != 1)
        return std::nullopt;
    return qvariant_cast<AuthOutcome>(spy.at(0).at(0));
}

// The JWT's claims, decoded here independently of the client's own decoder.
inline QJsonObject jwtClaims(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(parts.at(1), QByteArray::Base64UrlEncoding
                                                                         | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(decoded.decoded).object();
}

inline QDateTime jwtExpiry(const QByteArray &token)
{
    const QJsonValue exp = jwtClaims(token).value(QLatin1String("exp"));
    return exp.isDouble() ? QDateTime::fromSecsSinceEpoch(exp.toInteger(), QTimeZone::utc()) : QDateTime();
}

// A loopback TCP server that answers nothing useful and remembers every byte and connection.
class RecordingServer : public QObject
{
public:
    explicit RecordingServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_connections;
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_received += socket->readAll();
                    if (m_received.contains("\r\n\r\n") && !m_answered) {
                        m_answered = true;
                        // Looks like a successful login, so a followed redirect would show as success.
                        const QByteArray body = R"({"access_token":"stolen","jwt":"stolen","refresh_token":"x",)"
                                                R"("refreshToken":"x"})";
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                      "Content-Length: "
                                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                        socket->disconnectFromHost();
                    }
                });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }
    QByteArray received() const { return m_received; }

private:
    QTcpServer m_server;
    int m_connections = 0;
    QByteArray m_received;
    bool m_answered = false;
};

// A loopback HTTP server that answers every request with the same raw response, Date header and all: for
// answers the demo server cannot give (a Date that disagrees with the provider's own timestamps).
class CannedServer : public QObject
{
public:
    explicit CannedServer(const QByteArray &headers, const QByteArray &body, QObject *parent = nullptr)
        : QObject(parent)
    {
        const QByteArray response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                    + headers + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                                    + body;
        connect(&m_server, &QTcpServer::newConnection, this, [this, response] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                auto onData = [socket, response, received = QByteArray()]() mutable {
                    received += socket->readAll();
                    const qsizetype end = received.indexOf("\r\n\r\n");
                    const qsizetype field = received.toLower().indexOf("content-length: ");
                    if (end < 0 || field < 0)
                        return;
                    const qsizetype from = field + 16;
                    const qsizetype length = received.mid(from, received.indexOf("\r\n", from) - from).toLongLong();
                    if (received.size() < end + 4 + length)
                        return;
                    socket->write(response);
                    socket->disconnectFromHost();
                };
                connect(socket, &QTcpSocket::readyRead, this, onData);
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/b2b").arg(m_server.serverPort())); }

private:
    QTcpServer m_server;
};

} // namespace NetTest
