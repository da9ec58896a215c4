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
    case QNetworkReply::TooManyRedirectsError: // within the same origin: the other origins stop at the first
        return AuthError::make(
            Kind::ProviderError,
            QCoreApplication::translate("HttpClient",
                                        "%1 redirected the request more than %2 times (a redirect loop), so "
                                        "it was given up. Check the base URL; if it is right, the provider's "
                                        "service is misconfigured.")
                .arg(host)
                .arg(HttpClient::kMaxRedirects));
    case QNetworkReply::InsecureRedirectError:
        return AuthError::make(
            Kind::ProviderError,
            QCoreApplication::translate("HttpClient",
                                        "The provider redirected the request to another site; it was "
                                        "stopped so that no credential follows it. Check the base URL."));
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

HttpJob::HttpJob(QNetworkReply *reply, int timeoutMs, qint64 maxBytes, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_maxBytes(maxBytes)
{
    if (!m_reply)
        return;
    m_reply->setParent(this);
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    m_deadline->setInterval(timeoutMs);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        AuthError e = AuthError::make(Kind::Timeout, tr("The provider did not answer within %n second(s). Try again later "
                                                        "or raise the network timeout.", nullptr,
                                                        int((m_deadline->interval() + 999) / 1000)));
        finishWith(e);
    });
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

void HttpJob::start()
{
    if (m_deadline)
        m_deadline->start();
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
    QNetworkReply::NetworkError code = m_reply->error();
    // Redirected as often as allowed and answered with yet another redirect: a loop. Qt 6.4 says so
    // (TooManyRedirectsError) only without a transfer timeout; with one it reports UnknownNetworkError on
    // the last 3xx answer. (Counting QNetworkReply::redirected is no help: the last of those signals may
    // come after finished.) A redirect to another origin is InsecureRedirectError, not this.
    const int statusCode = status.toInt();
    if (code == QNetworkReply::UnknownNetworkError && statusCode >= 300 && statusCode < 400)
        code = QNetworkReply::TooManyRedirectsError;
    const bool transportFailed = code != QNetworkReply::NoError && (!status.isValid() || code < 200
                                 || code == QNetworkReply::InsecureRedirectError
                                 || code == QNetworkReply::TooManyRedirectsError);
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
    if (response.status >= 300 && response.status < 400) {
        // A redirect Qt did not follow: the same-origin policy refused it, or it had no usable Location.
        response.error = transportError(QNetworkReply::InsecureRedirectError, m_reply->request().url(), {});
    }
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
    if (m_deadline)
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
    if (const AuthError refused = checkUrl(call.url, call.allowInsecureHttp)) {
        auto *job = new HttpJob(nullptr, m_timeoutMs, m_maxBytes, this);
        QTimer::singleShot(0, job, [job, refused] { job->finishWith(refused); });
        return job;
    }

    QNetworkRequest request(call.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", QByteArray("TokenDesk/" + QCoreApplication::applicationVersion().toLatin1()));
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);

    QNetworkReply *reply = call.body.isNull() && call.method == "GET"
                               ? m_manager->get(request)
                               : m_manager->sendCustomRequest(request, call.method, call.body);
    auto *job = new HttpJob(reply, m_timeoutMs, m_maxBytes, this);
    job->start();
    return job;
}
