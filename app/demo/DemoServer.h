#pragma once

#include "demo/DemoClock.h"
#include "demo/DemoFault.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>
#include <vector>

class QTcpServer;
class DemoProvider;
class DemoTokens;
class HttpConnection;
struct HttpRequest;
struct HttpResponse;

// One working login per preset; the secret is an API key or a password.
struct DemoAccount {
    QString presetId;
    QString accountName;
    QString username; // empty for API-key presets
    QByteArray secret;
};

// One request as the server received it, for tests to inspect.
struct DemoRequest {
    QString presetId; // empty when the path names no preset
    QByteArray method;
    QByteArray path; // the full target, prefix and query included
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const; // case-insensitive, first match
};

// A loopback HTTP/1.1 server speaking the five provider APIs of shared/provider-docs, each under a path
// prefix equal to its preset id: the base URL of preset P is http://127.0.0.1:<port>/P. Used by
// `tokendesk --demo`, by the tests in-process, and by the tokendesk-demo-providers executable.
// It shares no code with the client on purpose.
class DemoServer : public QObject {
    Q_OBJECT
public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const;
    quint16 port() const;
    QUrl baseUrl(const QString &presetId) const;

    static QStringList presetIds();
    static QList<DemoAccount> demoAccounts();

    // Token lifetimes in seconds (defaults 300 and 3600). Apply to tokens issued from now on.
    void setAccessLifetime(int seconds);
    void setRefreshLifetime(int seconds);
    int accessLifetime() const;
    int refreshLifetime() const;

    // Shifts the server's now (Date header, every timestamp, JWT iat/exp, expiry checks).
    void setClockOffset(qint64 seconds);
    qint64 clockOffset() const { return m_clock.offsetSeconds(); }
    QDateTime now() const { return m_clock.now(); }

    // A connection that delivers no complete request in this time gets 408 and is closed (default 10 s).
    void setIdleTimeout(int ms) { m_idleTimeoutMs = ms; }

    // Test hooks. A fault applies to the next `count` requests under the preset's prefix (-1: all),
    // replacing any fault armed before for that preset; count 0 disarms it.
    void setFault(const QString &presetId, const DemoFault &fault, int count = -1);
    void clearFaults();

    // The last 1000 requests, oldest first. Kept in memory only, never logged.
    QList<DemoRequest> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

    int refreshCount(const QString &presetId) const; // successful rotations
    int reuseDetections() const;                     // refresh tokens presented a second time

Q_SIGNALS:
    void requestReceived(const QString &presetId, const QByteArray &method, const QByteArray &path);

private:
    struct ArmedFault {
        DemoFault fault;
        int remaining = -1;
    };

    void onNewConnection();
    void onRequest(HttpConnection *connection, const HttpRequest &request);
    void send(HttpConnection *connection, const HttpResponse &response) const;
    void record(const QString &presetId, const HttpRequest &request);
    std::optional<DemoFault> takeFault(const QString &presetId);
    DemoProvider *providerFor(QByteArrayView path, QByteArrayView *route) const;

    QTcpServer *m_server;
    DemoClock m_clock;
    std::unique_ptr<DemoTokens> m_tokens;
    std::vector<std::unique_ptr<DemoProvider>> m_providers;
    QHash<QString, ArmedFault> m_faults;
    QList<DemoRequest> m_requests;
    int m_idleTimeoutMs = 10000;
};
