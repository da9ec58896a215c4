#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One parsed HTTP/1.x request. Header names keep the case the client sent; look-ups ignore case.
struct HttpRequest {
    QByteArray method;
    QByteArray target; // as sent: path plus optional query
    QByteArray path;   // target without the query
    QByteArray query;
    QByteArray version; // "HTTP/1.1" or "HTTP/1.0"
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const; // first match, empty if absent
    bool hasHeader(QByteArrayView name) const;
    // The media type of Content-Type, lower-cased and without parameters ("application/json").
    QByteArray mediaType() const;
};

// Incremental parser: feed it whatever the socket delivered, in any pieces. It stops at the end of
// one request and keeps the bytes after it (a pipelined request) for the next takeRequest() round.
class HttpRequestParser {
public:
    enum class State { Incomplete, Complete, Error };

    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype MaxBodyBytes = 1024 * 1024;

    State feed(const QByteArray &data);
    State state() const { return m_state; }
    bool headersComplete() const { return m_headersDone; }
    bool expectsContinue() const; // headers done, "Expect: 100-continue" and body still missing
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorReason() const { return m_errorReason; }

    // The completed request; the parser then starts on the bytes left over.
    HttpRequest takeRequest();

private:
    State advance();
    State fail(int status, const char *reason);
    bool parseHead(QByteArrayView head);

    QByteArray m_buffer;
    HttpRequest m_request;
    qsizetype m_bodyLength = 0;
    bool m_headersDone = false;
    State m_state = State::Incomplete;
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};
