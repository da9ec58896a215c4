#pragma once

#include "HttpRequest.h"

#include <QObject>
#include <QTimer>

class QTcpSocket;

// One accepted TCP connection: reads one request, hands it on, writes one answer and closes
// ("Connection: close"). Closes on its own when a request does not arrive within the idle timeout.
class HttpConnection : public QObject {
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, int idleTimeoutMs, QObject *parent = nullptr);

    // Writes the bytes, then closes once they are flushed. Only the first call counts.
    void sendAndClose(const QByteArray &bytes);
    // Never answer: keep the connection open until the peer gives up (the Hang fault).
    void hang();

Q_SIGNALS:
    void requestReady(const HttpRequest &request);
    // The bytes were not a request we accept: answer with this status and close.
    void requestRejected(int status, const QByteArray &reason);
    // The peer sent nothing usable within the idle timeout.
    void idleTimedOut();

private:
    void onReadyRead();

    QTcpSocket *m_socket;
    HttpRequestParser m_parser;
    QTimer m_idle;
    bool m_answered = false;
    bool m_dispatched = false;
    bool m_continueSent = false;
};
