#include "HttpClient.h"
#include "Hardening.h"
#include "HttpModule.h"

#include <QCoreApplication>
#include <QTimer>

namespace {
using Kind = AuthError::Kind;

AuthError transportError(HttpTransportFailure failure, const QUrl &url, const QString &sslProblems)
{
    const QString host = url.host();
    switch (failure) {
    case HttpTransportFailure::ConnectionRefused:
        return AuthError::make(
            Kind::Network, QCoreApplication::translate(
                               "HttpClient", "Connection to %1 was refused: is the base URL right and the "
                                             "service running?")
                               .arg(host));
    case HttpTransportFailure::HostNotFound:
        return AuthError::make(
            Kind::Network, QCoreApplication::translate(
                               "HttpClient", "The host %1 was not found. Check the base URL and your DNS.")
                               .arg(host));
    case HttpTransportFailure::RemoteClosed:
        return AuthError::make(
            Kind::Network, QCoreApplication::translate(
                               "HttpClient", "%1 closed the connection before answering. Try again later.")
                               .arg(host));
    case HttpTransportFailure::Timeout: // the transfer timeout; our own aborts never get here
        return AuthError::make(Kind::Timeout);
    case HttpTransportFailure::TlsHandshake:
        return AuthError::make(
            Kind::Tls,
            sslProblems.isEmpty()
                ? AuthError::defaultMessage(Kind::Tls)
                : QCoreApplication::translate(
                      "HttpClient", "The secure connection to %1 failed: %2. No credential was sent.")
                      .arg(host, sslProblems));
    case HttpTransportFailure::Redirect:
        return AuthError::make(
            Kind::ProviderError,
            QCoreApplication::translate("HttpClient",
                                        "The provider redirected the request to another site; it was "
                                        "stopped so that no credential follows it. Check the base URL."));
    case HttpTransportFailure::Unreachable:
        return AuthError::make(
            Kind::Network, QCoreApplication::translate(
                               "HttpClient", "Could not reach %1. Check your network connection and proxy.")
                               .arg(host));
    case HttpTransportFailure::None:
    case HttpTransportFailure::Other:
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

HttpJob::HttpJob(std::unique_ptr<HttpTransportReply> reply, const QUrl &url, int timeoutMs, qint64 maxBytes,
                 QObject *parent)
    : QObject(parent)
    , m_reply(std::move(reply))
    , m_url(url)
    , m_maxBytes(maxBytes)
{
    if (!m_reply)
        return;
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    m_deadline->setInterval(timeoutMs);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        AuthError e = AuthError::make(Kind::Timeout, tr("The provider did not answer within %n second(s). Try again later "
                                                        "or raise the network timeout.", nullptr,
                                                        int((m_deadline->interval() + 999) / 1000)));
        finishWith(e);
    });
    m_reply->setListener(this);
}

HttpJob::~HttpJob() = default;

void HttpJob::replyHeaders()
{
    if (m_reply->contentLength() > m_maxBytes)
        finishWith(AuthError::make(Kind::MalformedAnswer, tr("The provider's answer is larger than %1 KiB; it was "
                                                             "not read.").arg(m_maxBytes / 1024)));
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

void HttpJob::replyData()
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

void HttpJob::replyFinished()
{
    if (m_done || !m_reply)
        return;
    replyData();
    if (m_done)
        return;
    HttpResult response;
    if (const HttpTransportFailure failure = m_reply->failure(); failure != HttpTransportFailure::None) {
        response.error = transportError(failure, m_url, m_reply->tlsProblems());
        Hardening::wipe(m_body);
        emitOnce(response);
        return;
    }
    response.status = m_reply->httpStatus();
    response.body = std::move(m_body); // moved, not shared: the wipe after emitting reaches it
    response.contentType = m_reply->rawHeader("Content-Type");
    response.dateHeader = m_reply->rawHeader("Date");
    response.retryAfter = m_reply->rawHeader("Retry-After");
    if (response.status >= 300 && response.status < 400) {
        // A redirect Qt did not follow: the same-origin policy refused it, or it had no usable Location.
        response.error = transportError(HttpTransportFailure::Redirect, m_url, {});
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
        m_reply->setListener(nullptr);
        if (m_reply->isRunning())
            m_reply->abort();
    }
    Q_EMIT finished(response);
    Hardening::wipe(response.body);
    deleteLater();
}

// ---- HttpClient ------------------------------------------------------------------------------------

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
{
}

HttpClient::~HttpClient()
{
    // The jobs' replies belong to the transport: the jobs go first.
    for (HttpJob *job : findChildren<HttpJob *>(Qt::FindDirectChildrenOnly))
        delete job;
}

bool HttpClient::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    // QUrl parses IP literals (IPv4 shorthand, IPv6 in any spelling) into one canonical form; QHostAddress
    // would do the same but lives in QtNetwork, which the core does not link.
    if (host.startsWith(QLatin1Char('[')))
        return false; // QUrl::host() has no brackets; QHostAddress refuses them
    QUrl url;
    url.setHost(host);
    QString canonical = url.host();
    if (canonical.startsWith(QLatin1String("::ffff:")) && canonical.contains(QLatin1Char('.')))
        canonical = canonical.mid(7); // IPv4-mapped IPv6
    if (canonical == QLatin1String("::1"))
        return true;
    const QStringList parts = canonical.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        bool isNumber = false;
        if (part.toUInt(&isNumber) > 255 || !isNumber)
            return false;
    }
    return parts.first() == QLatin1String("127");
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

HttpJob *HttpClient::refuse(const AuthError &error)
{
    auto *job = new HttpJob(nullptr, {}, m_timeoutMs, m_maxBytes, this);
    QTimer::singleShot(0, job, [job, error] { job->finishWith(error); });
    return job;
}

HttpJob *HttpClient::send(const HttpCall &call)
{
    if (const AuthError refused = checkUrl(call.url, call.allowInsecureHttp))
        return refuse(refused);
    if (!m_transport) {
        QString problem;
        m_transport = HttpModule::create(
            m_moduleDirectories.isEmpty() ? HttpModule::searchPaths() : m_moduleDirectories, &problem);
        if (!m_transport)
            return refuse(AuthError::make(Kind::Configuration, problem));
    }

    HttpTransportRequest request;
    request.method = call.method;
    request.url = call.url;
    request.body = call.body;
    request.transferTimeoutMs = m_timeoutMs;
    request.maxRedirects = 5;
    request.headers = {{"Accept", "application/json"},
                       {"User-Agent", QByteArray("TokenDesk/" + QCoreApplication::applicationVersion().toLatin1())}};
    request.headers.append(call.headers);
    auto *job = new HttpJob(m_transport->send(request), call.url, m_timeoutMs, m_maxBytes, this);
    job->start();
    return job;
}
