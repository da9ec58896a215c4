#include "HttpRequest.h"

namespace {

bool isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s) {
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isDigits(QByteArrayView s) {
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

QByteArrayView trimmedOws(QByteArrayView s) {
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const {
    for (const auto &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const {
    for (const auto &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray HttpRequest::mediaType() const {
    QByteArray type = header("Content-Type");
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

bool HttpRequestParser::expectsContinue() const {
    return m_state == State::Incomplete && m_headersDone && m_bodyLength > 0 &&
           m_request.header("Expect").toLower() == "100-continue";
}

HttpRequestParser::State HttpRequestParser::feed(const QByteArray &data) {
    if (m_state != State::Incomplete)
        return m_state; // a complete request waits to be taken; an error is final
    m_buffer.append(data);
    return advance();
}

HttpRequest HttpRequestParser::takeRequest() {
    HttpRequest done = std::move(m_request);
    m_request = {};
    m_bodyLength = 0;
    m_headersDone = false;
    m_state = State::Incomplete;
    advance();
    return done;
}

HttpRequestParser::State HttpRequestParser::fail(int status, const char *reason) {
    m_state = State::Error;
    m_errorStatus = status;
    m_errorReason = reason;
    m_buffer.clear();
    return m_state;
}

HttpRequestParser::State HttpRequestParser::advance() {
    if (!m_headersDone) {
        // RFC 9112 §2.2: ignore empty lines before the request line.
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > MaxHeaderBytes)
                return fail(431, "Request header fields too large");
            return m_state;
        }
        if (end + 4 > MaxHeaderBytes)
            return fail(431, "Request header fields too large");
        if (!parseHead(QByteArrayView(m_buffer).first(end)))
            return m_state;
        m_buffer.remove(0, end + 4);
        m_headersDone = true;
    }
    if (m_buffer.size() < m_bodyLength)
        return m_state;
    m_request.body = m_buffer.first(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    m_state = State::Complete;
    return m_state;
}

bool HttpRequestParser::parseHead(QByteArrayView head) {
    const QList<QByteArrayView> lines = [&] {
        QList<QByteArrayView> out;
        qsizetype from = 0;
        while (true) {
            const qsizetype at = head.indexOf(QByteArrayView("\r\n"), from);
            out.append(head.sliced(from, (at < 0 ? head.size() : at) - from));
            if (at < 0)
                return out;
            from = at + 2;
        }
    }();

    // Request line: method SP request-target SP HTTP-version, single spaces only.
    const QByteArrayView requestLine = lines.first();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        fail(400, "Malformed request line");
        return false;
    }
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method) || !target.startsWith('/')) {
        fail(400, "Malformed request line");
        return false;
    }
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            fail(400, "Malformed request target");
            return false;
        }
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        const bool looksLikeHttp = version.size() == 8 && version.startsWith("HTTP/") && version[6] == '.';
        fail(looksLikeHttp ? 505 : 400,
             looksLikeHttp ? "HTTP version not supported" : "Malformed request line");
        return false;
    }
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    const qsizetype question = m_request.target.indexOf('?');
    m_request.path = question < 0 ? m_request.target : m_request.target.first(question);
    m_request.query = question < 0 ? QByteArray() : m_request.target.sliced(question + 1);
    m_request.version = version.toByteArray();

    QByteArray contentLength;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        // No obsolete line folding, no whitespace before the colon (RFC 9112 §5.1, §5.2).
        if (colon <= 0 || !isToken(line.first(colon))) {
            fail(400, "Malformed header field");
            return false;
        }
        const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
        if (value.contains('\r') || value.contains('\n') || value.contains('\0')) {
            fail(400, "Malformed header field");
            return false;
        }
        m_request.headers.append({line.first(colon).toByteArray(), value.toByteArray()});
        if (line.first(colon).compare("Content-Length", Qt::CaseInsensitive) == 0) {
            if (!isDigits(value) || (!contentLength.isNull() && contentLength != value)) {
                fail(400, "Invalid Content-Length");
                return false;
            }
            contentLength = value.toByteArray();
        }
    }
    if (m_request.hasHeader("Transfer-Encoding")) {
        fail(501, "Transfer-Encoding is not supported; send Content-Length");
        return false;
    }
    if (m_request.version == "HTTP/1.1" && !m_request.hasHeader("Host")) {
        fail(400, "Missing Host header");
        return false;
    }
    if (!contentLength.isNull()) {
        bool ok = false;
        const qint64 length = contentLength.size() > 12 ? -1 : contentLength.toLongLong(&ok);
        if (!ok || length > MaxBodyBytes) {
            fail(413, "Request body too large");
            return false;
        }
        m_bodyLength = length;
    }
    return true;
}
