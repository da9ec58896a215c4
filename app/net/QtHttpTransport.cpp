// libtokendesk_http.so: HttpTransport (app/auth/HttpTransport.h) over one QNetworkAccessManager. The
// only file that links QtNetwork besides the demo providers; HttpModule loads it on the first request.

#include "auth/HttpTransport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslError>
#include <QStringList>

namespace {

HttpTransportFailure failureOf(const QNetworkReply &reply)
{
    const QNetworkReply::NetworkError code = reply.error();
    const bool answered = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
    // A content or protocol error code with an HTTP status is an answer: the status says what happened.
    if (code == QNetworkReply::NoError
        || (answered && code >= 200 && code != QNetworkReply::InsecureRedirectError
            && code != QNetworkReply::TooManyRedirectsError))
        return HttpTransportFailure::None;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        return HttpTransportFailure::ConnectionRefused;
    case QNetworkReply::HostNotFoundError:
        return HttpTransportFailure::HostNotFound;
    case QNetworkReply::RemoteHostClosedError:
        return HttpTransportFailure::RemoteClosed;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout; HttpClient's own aborts are not told
        return HttpTransportFailure::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return HttpTransportFailure::TlsHandshake;
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return HttpTransportFailure::Redirect;
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return HttpTransportFailure::Unreachable;
    default:
        return HttpTransportFailure::Other;
    }
}

class QtHttpReply final : public HttpTransportReply
{
public:
    explicit QtHttpReply(QNetworkReply *reply)
        : m_reply(reply)
    {
        QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [this] {
            if (m_listener)
                m_listener->replyHeaders();
        });
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [this] {
            if (m_listener)
                m_listener->replyData();
        });
        QObject::connect(reply, &QNetworkReply::finished, reply, [this] {
            if (m_listener)
                m_listener->replyFinished();
        });
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [this](const QList<QSslError> &errors) {
            // Never ignored: collected so that the message names the certificate problem.
            QStringList problems;
            for (const QSslError &e : errors)
                problems.append(e.errorString());
            m_tlsProblems = problems.join(QLatin1String("; "));
        });
    }

    ~QtHttpReply() override
    {
        m_listener = nullptr;
        if (!m_reply)
            return;
        if (m_reply->isRunning())
            m_reply->abort();
        delete m_reply.data();
    }

    void setListener(HttpTransportListener *listener) override { m_listener = listener; }
    bool isRunning() const override { return m_reply && m_reply->isRunning(); }
    void abort() override
    {
        if (m_reply)
            m_reply->abort();
    }
    qint64 contentLength() const override
    {
        return m_reply ? m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() : 0;
    }
    qint64 bytesAvailable() const override { return m_reply ? m_reply->bytesAvailable() : 0; }
    QByteArray readAll() override { return m_reply ? m_reply->readAll() : QByteArray(); }
    HttpTransportFailure failure() const override
    {
        return m_reply ? failureOf(*m_reply) : HttpTransportFailure::Other;
    }
    int httpStatus() const override
    {
        return m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    }
    QByteArray rawHeader(const QByteArray &name) const override
    {
        return m_reply ? m_reply->rawHeader(name) : QByteArray();
    }
    QString tlsProblems() const override { return m_tlsProblems; }

private:
    QPointer<QNetworkReply> m_reply; // a child of the manager: gone with it
    HttpTransportListener *m_listener = nullptr;
    QString m_tlsProblems;
};

class QtHttpTransport final : public HttpTransport
{
public:
    std::unique_ptr<HttpTransportReply> send(const HttpTransportRequest &call) override
    {
        QNetworkRequest request(call.url);
        // Qt's default policy would forward Authorization and custom headers to another host.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
        request.setMaximumRedirectsAllowed(call.maxRedirects);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        request.setTransferTimeout(call.transferTimeoutMs);
        for (const auto &[name, value] : call.headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = call.body.isNull() && call.method == "GET"
                                   ? m_manager.get(request)
                                   : m_manager.sendCustomRequest(request, call.method, call.body);
        return std::make_unique<QtHttpReply>(reply);
    }

private:
    QNetworkAccessManager m_manager;
};

} // namespace

extern "C" Q_DECL_EXPORT HttpTransport *tokendesk_create_http_transport()
{
    return new QtHttpTransport;
}
