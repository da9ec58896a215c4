#include "HttpClient.h"
#include "Hardening.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

namespace {
using Kind = AuthError::Kind;

AuthError transportError(QNetworkReply::NetworkError code, const QUrl &url, const QString &sslProblems)
{
    const QString host = url.host();
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        return AuthError::make(
            Kind::Network, QCoreApplication::translate(
                               "HttpClient", "Connection to %1 was refused: is the base URL right and the "
                                             "service running?")
                               .arg(host));
    case QNetworkReply::HostNotFoundError:
        return AuthError::make(
            Kind::Network, QCoreApplication::translate(
                               "HttpClient", "The host %1 was not found. Check the base URL and your DNS.")
                               .arg(host));
    case QNetworkReply::RemoteHostClosedError:
        return AuthError::make(
            Kind::Network, QCoreApplication::translate(
                               "HttpClient", "%1 closed the connection before answering. Try again later.")
                               .arg(host));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // Qt's transfer timeout; our own aborts never get here
        return AuthError::make(Kind::Timeout);
    case QNetworkReply::SslHandshakeFailedError:
        return AuthError::make(
            Kind::Tls,
            sslProblems.isEmpty()
                ? AuthError::defaultMessage(Kind::Tls)
                : QCoreApplication::translate(
                      "HttpClient", "The secure connection to %1 failed: %2. No credential was sent.")
                      .arg(host, sslProblems));
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return AuthError::make(
            Kind::Network, QCoreApplication::translate(
                               "HttpClient", "Could not reach %1. Check your network connection and proxy.")
                               .arg(host));
    default:
        break;
    }
    if (!sslProblems.isEmpty())
        return AuthError::make(
            Kind::Tls, QCoreApplication::translate(
                           "HttpClient", "The secure connection to %1 failed: %2. No credential was sent.")
                           .arg(host, sslProblems));
    return AuthError::make(Kind::Network);
}
} // namespace

// ---- HttpJob ---------------------------------------------------------------------------------------

HttpJob::HttpJob(QNetworkAccessManager *manager, int timeoutMs, qint64 maxBytes, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_maxBytes(maxBytes)
{
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    m_deadline->setInterval(timeoutMs);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        AuthError e = AuthError::make(Kind::Timeout, tr("The provider did not answer within %n second(s). Try again later "
                                                        "or raise the network timeout.", nullptr,
                                                        int((m_deadline->interval() + 999) / 1000)));
        finishWith(e);
    });
}

// The request body (a credential) is shared with the reply's upload buffer until the reply is gone, and a
// shared buffer cannot be zeroed: the reply goes first (it is a child, so this is only earlier than
// QObject would delete it), then the body is wiped.
HttpJob::~HttpJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        delete m_reply.data();
    }
    Hardening::wipe(m_requestBody);
}

void HttpJob::start(const QNetworkRequest &request, const QByteArray &method, const QByteArray &body)
{
    m_request = request;
    m_method = method;
    m_requestBody = body;
    m_deadline->start(); // one deadline for the whole call, however often it is redirected
    send();
}

void HttpJob::send()
{
    m_reply = m_requestBody.isNull() && m_method == "GET"
                  ? m_manager->get(m_request)
                  : m_manager->sendCustomRequest(m_request, m_method, m_requestBody);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpJob::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, &HttpJob::onSslErrors);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > m_maxBytes)
            finishWith(AuthError::make(Kind::MalformedAnswer, tr("The provider's answer is larger than %1 KiB; it was "
                                                                 "not read.").arg(m_maxBytes / 1024)));
    });
}

void HttpJob::abort()
{
    finishWith(AuthError::make(Kind::Cancelled));
}

void HttpJob::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: collect them so the message names the certificate problem.
    QStringList problems;
    for (const QSslError &e : errors)
        problems.append(e.errorString());
    m_sslProblems = problems.join(QLatin1String("; "));
}

void HttpJob::onReadyRead()
{
    if (m_done || !m_reply)
        return;
    if (m_body.size() + m_reply->bytesAvailable() > m_maxBytes) {
        finishWith(AuthError::make(Kind::MalformedAnswer, tr("The provider's answer is larger than %1 KiB; it was not "
                                                             "read.").arg(m_maxBytes / 1024)));
        return;
    }
    m_body += m_reply->readAll();
}

void HttpJob::onFinished()
{
    if (m_done || !m_reply)
        return;
    onReadyRead();
    if (m_done)
        return;
    HttpResult response;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError code = m_reply->error();
    if ((code == QNetworkReply::NoError || code >= 200) && followRedirect(status.toInt())) // not a transport failure
        return;
    const bool transportFailed = code != QNetworkReply::NoError && (!status.isValid() || code < 200);
    if (transportFailed) {
        response.error = transportError(code, m_reply->request().url(), m_sslProblems);
        Hardening::wipe(m_body);
        emitOnce(response);
        return;
    }
    response.status = status.toInt();
    response.body = std::move(m_body); // moved, not shared: the wipe after emitting reaches it
    response.contentType = m_reply->rawHeader("Content-Type");
    response.dateHeader = m_reply->rawHeader("Date");
    response.retryAfter = m_reply->rawHeader("Retry-After");
    emitOnce(response);
}

void HttpJob::finishWith(const AuthError &error)
{
    if (m_done)
        return;
    HttpResult response;
    response.error = error;
    Hardening::wipe(m_body);
    emitOnce(response);
}

void HttpJob::emitOnce(HttpResult response)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
    }
    Q_EMIT finished(response);
    Hardening::wipe(response.body);
    deleteLater();
}

// ---- HttpClient ------------------------------------------------------------------------------------

HttpClient::HttpClient(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
{
}

bool HttpClient::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

AuthError HttpClient::checkUrl(const QUrl &url, bool allowInsecureHttp)
{
    if (!url.isValid() || url.host().isEmpty())
        return AuthError::make(Kind::Configuration, tr("The base URL \"%1\" is not a valid http(s) URL.")
                                                        .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    if (!url.userInfo().isEmpty())
        return AuthError::make(Kind::Configuration, tr("The base URL must not contain a user name or password."));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http") {
        if (isLoopbackHost(url.host()) || allowInsecureHttp)
            return {};
        return AuthError::make(Kind::InsecureUrl);
    }
    return AuthError::make(Kind::Configuration, tr("The base URL must start with https://."));
}

HttpJob *HttpClient::send(const HttpCall &call)
{
    auto *job = new HttpJob(m_manager, m_timeoutMs, m_maxBytes, this);
    if (const AuthError refused = checkUrl(call.url, call.allowInsecureHttp)) {
        QTimer::singleShot(0, job, [job, refused] { job->finishWith(refused); });
        return job;
    }

    QNetworkRequest request(call.url);
    // Followed by HttpJob, within the same origin only: Qt 6.4's own following sometimes gives up on a POST
    // redirect early with an unknown error.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", QByteArray("TokenDesk/" + QCoreApplication::applicationVersion().toLatin1()));
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);
    job->start(request, call.method, call.body);
    return job;
}
