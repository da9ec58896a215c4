#include "HttpConnection.h"

#include <QTcpSocket>

HttpConnection::HttpConnection(QTcpSocket *socket, int idleTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket) {
    m_socket->setParent(this);
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (!m_dispatched)
            Q_EMIT idleTimedOut();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            m_socket->abort();
    });
    m_idle.start();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void HttpConnection::onReadyRead() {
    const QByteArray data = m_socket->readAll();
    if (m_dispatched)
        return; // one request per connection; anything pipelined behind it is not answered
    m_idle.start();
    switch (m_parser.feed(data)) {
    case HttpRequestParser::State::Incomplete:
        if (m_parser.expectsContinue() && !m_continueSent) {
            m_continueSent = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        break;
    case HttpRequestParser::State::Complete:
        m_dispatched = true;
        m_idle.stop();
        Q_EMIT requestReady(m_parser.takeRequest());
        break;
    case HttpRequestParser::State::Error:
        m_dispatched = true;
        m_idle.stop();
        Q_EMIT requestRejected(m_parser.errorStatus(), m_parser.errorReason());
        break;
    }
}

void HttpConnection::sendAndClose(const QByteArray &bytes) {
    if (m_answered || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_answered = true;
    m_dispatched = true;
    m_idle.stop();
    m_socket->write(bytes);
    m_socket->disconnectFromHost(); // flushes what is buffered first
}

void HttpConnection::hang() {
    m_dispatched = true;
    m_idle.stop();
}
