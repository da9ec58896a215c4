#pragma once

#include "AuthError.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QNetworkRequest>
#include <QPair>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

struct HttpCall
{
    QByteArray method = "POST";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool allowInsecureHttp = false; // the account's explicit opt-in for http:// to a non-loopback host
};

struct HttpResult
{
    int status = 0;        // 0 when no HTTP answer arrived
    QByteArray body;
    QByteArray contentType;
    QByteArray dateHeader; // for clock-skew correction
    QByteArray retryAfter;
    AuthError error;       // transport failure: network, TLS, timeout, oversized, insecure redirect
};

// One request in flight. Emits finished() exactly once, then deletes itself later.
class HttpJob : public QObject
{
    Q_OBJECT
public:
    ~HttpJob() override;
    void abort(); // finishes with Kind::Cancelled

Q_SIGNALS:
    void finished(const HttpResult &response);

private:
    friend class HttpClient;
    HttpJob(QNetworkAccessManager *manager, int timeoutMs, qint64 maxBytes, QObject *parent);
    void start(const QNetworkRequest &request, const QByteArray &method, const QByteArray &body);
    void send();
    void onReadyRead();
    void onFinished();
    bool followRedirect(int status); // HttpRedirect.cpp
    void onSslErrors(const QList<class QSslError> &errors);
    void finishWith(const AuthError &error);
    void emitOnce(HttpResult response);

    QNetworkAccessManager *m_manager;
    // What is sent, kept for a redirect within the same origin (the body may hold a credential: wiped at the
    // end).
    QNetworkRequest m_request;
    QByteArray m_method;
    QByteArray m_requestBody;
    int m_redirects = 0;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_deadline = nullptr;
    qint64 m_maxBytes = 0;
    QByteArray m_body;
    QString m_sslProblems;
    AuthError m_abortReason; // set when we aborted the reply ourselves
    bool m_done = false;
};

// The HTTP client for logins, refreshes and admin calls, over the one QNetworkAccessManager it is given.
// Every request has a deadline (for the whole call, redirects included) and a response-size cap; redirects
// are followed here, not by Qt, and only within the same origin (Qt's default policy would forward
// Authorization and custom headers to another host); no cookies, no cache; TLS errors are never ignored.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QNetworkAccessManager *manager, QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }
    void setMaxResponseBytes(qint64 bytes) { m_maxBytes = bytes; }

    // Never returns null. A call refused before sending (insecure URL, bad scheme) still finishes
    // asynchronously with the error, so callers have one code path.
    HttpJob *send(const HttpCall &call);

    // Empty error when the URL may carry credentials.
    static AuthError checkUrl(const QUrl &url, bool allowInsecureHttp);
    static bool isLoopbackHost(const QString &host);

    static constexpr int kDefaultTimeoutMs = 30000;
    static constexpr qint64 kDefaultMaxResponseBytes = 1024 * 1024;
    static constexpr int kMaxRedirects = 5; // within the same origin; more is a loop

private:
    QNetworkAccessManager *m_manager;
    int m_timeoutMs = kDefaultTimeoutMs;
    qint64 m_maxBytes = kDefaultMaxResponseBytes;
};
