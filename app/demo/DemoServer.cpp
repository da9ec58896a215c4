#include "DemoServer.h"

#include "B2bProvider.h"
#include "DemoCredentials.h"
#include "DemoTokens.h"
#include "FaultEffects.h"
#include "HttpConnection.h"
#include "KycProvider.h"
#include "PartnerProvider.h"
#include "QuadrataProvider.h"
#include "UserAuthHeaderProvider.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {
constexpr qsizetype MaxLoggedRequests = 1000;
}

QByteArray DemoRequest::header(QByteArrayView name) const {
    for (const auto &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_tokens(std::make_unique<DemoTokens>(m_clock)) {
    m_providers.push_back(std::make_unique<QuadrataProvider>(*m_tokens, m_clock));
    m_providers.push_back(std::make_unique<KycProvider>(*m_tokens, m_clock));
    m_providers.push_back(std::make_unique<PartnerProvider>(*m_tokens, m_clock));
    m_providers.push_back(std::make_unique<B2bProvider>(*m_tokens, m_clock));
    m_providers.push_back(std::make_unique<UserAuthHeaderProvider>(*m_tokens, m_clock));
    connect(m_server, &QTcpServer::newConnection, this, &DemoServer::onNewConnection);
}

DemoServer::~DemoServer() {
    // Connections (and their pending delayed answers) go before the state they point into.
    m_server->close();
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

bool DemoServer::listen(const QHostAddress &address, quint16 port) {
    return m_server->listen(address, port);
}

void DemoServer::close() {
    m_server->close();
}

bool DemoServer::isListening() const {
    return m_server->isListening();
}

QString DemoServer::errorString() const {
    return m_server->errorString();
}

quint16 DemoServer::port() const {
    return m_server->serverPort();
}

QUrl DemoServer::baseUrl(const QString &presetId) const {
    QHostAddress host = m_server->serverAddress();
    if (host.isNull() || host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress(QHostAddress::LocalHost);
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress(QHostAddress::LocalHostIPv6);
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host.toString());
    url.setPort(port());
    url.setPath(QLatin1Char('/') + presetId);
    return url;
}

QStringList DemoServer::presetIds() {
    return {QStringLiteral("quadrata"), QStringLiteral("kyc-jwt"), QStringLiteral("partner-api"),
            QStringLiteral("b2b-api"), QStringLiteral("user-authheader")};
}

QList<DemoAccount> DemoServer::demoAccounts() {
    using namespace DemoCredentials;
    return {
        {QStringLiteral("quadrata"), QStringLiteral("demo-quadrata"), {}, quadrataApiKey().toUtf8()},
        {QStringLiteral("kyc-jwt"), QStringLiteral("demo-kyc"), kycUsername(), kycPassword().toUtf8()},
        {QStringLiteral("partner-api"), QStringLiteral("demo-partner"), {}, partnerApiKey().toUtf8()},
        {QStringLiteral("b2b-api"), QStringLiteral("demo-b2b"), b2bUsername(), b2bPassword().toUtf8()},
        {QStringLiteral("user-authheader"), QStringLiteral("demo-user"), userUsername(),
         userPassword().toUtf8()},
    };
}

void DemoServer::setAccessLifetime(int seconds) {
    m_tokens->setAccessLifetime(seconds);
}

void DemoServer::setRefreshLifetime(int seconds) {
    m_tokens->setRefreshLifetime(seconds);
}

int DemoServer::accessLifetime() const {
    return m_tokens->accessLifetime();
}

int DemoServer::refreshLifetime() const {
    return m_tokens->refreshLifetime();
}

void DemoServer::setClockOffset(qint64 seconds) {
    m_clock.setOffsetSeconds(seconds);
}

void DemoServer::setFault(const QString &presetId, const DemoFault &fault, int count) {
    if (count == 0)
        m_faults.remove(presetId);
    else
        m_faults.insert(presetId, ArmedFault{fault, count});
}

void DemoServer::clearFaults() {
    m_faults.clear();
}

int DemoServer::refreshCount(const QString &presetId) const {
    return m_tokens->refreshCount(presetId);
}

int DemoServer::reuseDetections() const {
    return m_tokens->reuseDetections();
}

void DemoServer::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_idleTimeoutMs, this);
        connect(connection, &HttpConnection::requestReady, this,
                [this, connection](const HttpRequest &request) { onRequest(connection, request); });
        connect(connection, &HttpConnection::requestRejected, this,
                [this, connection](int status, const QByteArray &reason) {
                    send(connection, HttpResponse::message(status, QString::fromLatin1(reason)));
                });
        connect(connection, &HttpConnection::idleTimedOut, this, [this, connection] {
            send(connection, HttpResponse::message(408, QStringLiteral("Request Timeout")));
        });
    }
}

DemoProvider *DemoServer::providerFor(QByteArrayView path, QByteArrayView *route) const {
    // "/<preset>/<route...>"
    const qsizetype slash = path.indexOf('/', 1);
    const QByteArrayView prefix = path.sliced(1, (slash < 0 ? path.size() : slash) - 1);
    *route = slash < 0 ? QByteArrayView() : path.sliced(slash);
    for (const auto &provider : m_providers) {
        if (prefix == provider->presetId().toLatin1())
            return provider.get();
    }
    return nullptr;
}

void DemoServer::record(const QString &presetId, const HttpRequest &request) {
    if (m_requests.size() >= MaxLoggedRequests)
        m_requests.removeFirst();
    m_requests.append(DemoRequest{presetId, request.method, request.target, request.headers, request.body});
    Q_EMIT requestReceived(presetId, request.method, request.target);
}

std::optional<DemoFault> DemoServer::takeFault(const QString &presetId) {
    const auto it = m_faults.find(presetId);
    if (it == m_faults.end())
        return std::nullopt;
    const DemoFault fault = it->fault;
    if (it->remaining > 0 && --it->remaining == 0)
        m_faults.erase(it);
    return fault;
}

void DemoServer::onRequest(HttpConnection *connection, const HttpRequest &request) {
    QByteArrayView route;
    DemoProvider *provider = providerFor(request.path, &route);
    const QString presetId = provider ? provider->presetId() : QString();
    record(presetId, request);
    if (!provider) {
        send(connection, HttpResponse::message(404, QStringLiteral("Not Found")));
        return;
    }

    const std::optional<DemoFault> fault = takeFault(presetId);
    if (fault && fault->kind == DemoFault::Kind::Hang) {
        connection->hang();
        return;
    }
    HttpResponse response;
    if (fault && !FaultEffects::reachesProvider(*fault)) {
        response = FaultEffects::replacement(*fault);
    } else {
        response = provider->handle(request, route);
        if (fault)
            response = FaultEffects::rewrite(*fault, std::move(response), provider->tokenFields());
    }
    if (fault && fault->kind == DemoFault::Kind::Delay) {
        QTimer::singleShot(fault->delayMs, connection,
                           [this, connection, response] { send(connection, response); });
        return;
    }
    send(connection, response);
}

void DemoServer::send(HttpConnection *connection, const HttpResponse &response) const {
    connection->sendAndClose(response.serialize(m_clock.now()));
}
