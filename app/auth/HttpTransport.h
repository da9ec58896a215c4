#pragma once

// What HttpClient needs from an HTTP stack, without a QtNetwork type: the core does not link QtNetwork
// (loading it and its dependencies costs a CLI `token` call more than the keychain read). The one
// implementation, over QNetworkAccessManager, is the module app/net (libtokendesk_http.so), which
// HttpModule loads on the first request. Header-only, no QObject: the module shares no symbol with the
// executable but the factory it exports.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

struct HttpTransportRequest
{
    QByteArray method;       // GET with a null body is sent as a plain GET
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // set in this order: a later one replaces an earlier one
    QByteArray body;
    int transferTimeoutMs = 0;
    int maxRedirects = 0;    // followed only within the same origin; no cookies, no cache either way
};

// Why a request ended without a usable HTTP answer.
enum class HttpTransportFailure {
    None,              // an HTTP answer arrived (any status, including one for a refused redirect)
    ConnectionRefused,
    HostNotFound,
    RemoteClosed,
    Timeout,           // the transfer timeout
    TlsHandshake,      // tlsProblems() names the certificate problems, if there were any
    Redirect,          // to another origin, or too many
    Unreachable,       // network or proxy failure
    Other,
};

// Told about one request's progress, on the thread that sent it.
class HttpTransportListener
{
public:
    virtual void replyHeaders() = 0;
    virtual void replyData() = 0;
    virtual void replyFinished() = 0;

protected:
    ~HttpTransportListener() = default;
};

// One request in flight. Destroying it aborts the request if it is still running.
class HttpTransportReply
{
public:
    virtual ~HttpTransportReply() = default;
    virtual void setListener(HttpTransportListener *listener) = 0; // null: tell nobody any more
    virtual bool isRunning() const = 0;
    virtual void abort() = 0;
    virtual qint64 contentLength() const = 0; // 0 when the answer did not say
    virtual qint64 bytesAvailable() const = 0;
    virtual QByteArray readAll() = 0;
    // After finished():
    virtual HttpTransportFailure failure() const = 0;
    virtual int httpStatus() const = 0;       // 0 when no HTTP answer arrived
    virtual QByteArray rawHeader(const QByteArray &name) const = 0;
    // Every TLS error seen, "; "-separated. TLS errors are collected, never ignored: they fail the request.
    virtual QString tlsProblems() const = 0;
};

class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    virtual std::unique_ptr<HttpTransportReply> send(const HttpTransportRequest &request) = 0;
};

// The one symbol the module exports.
#define TOKENDESK_HTTP_FACTORY "tokendesk_create_http_transport"
using HttpTransportFactory = HttpTransport *(*)();
