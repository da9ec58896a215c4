#include "demo/HttpRequest.h"

#include <QTest>

class TestHttpRequestParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesOneRequest();
    void byteByByte();
    void pipelinedRequestsAreKept();
    void leadingEmptyLinesAreIgnored();
    void noBodyWithoutContentLength();
    void expectContinue();
    void rejects_data();
    void rejects();
    void headerLimit();
    void bodyLimit();
};

void TestHttpRequestParser::parsesOneRequest() {
    HttpRequestParser parser;
    const auto state = parser.feed("POST /b2b-api/auth/login?x=1&y HTTP/1.1\r\nHost: h\r\n"
                                   "content-type: application/json; charset=utf-8\r\nX-Empty:\r\n"
                                   "Content-Length:  7 \r\n\r\n{\"a\":1}");
    QCOMPARE(state, HttpRequestParser::State::Complete);
    const HttpRequest r = parser.takeRequest();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.target, QByteArray("/b2b-api/auth/login?x=1&y"));
    QCOMPARE(r.path, QByteArray("/b2b-api/auth/login"));
    QCOMPARE(r.query, QByteArray("x=1&y"));
    QCOMPARE(r.version, QByteArray("HTTP/1.1"));
    QCOMPARE(r.header("Content-Type"),
             QByteArray("content-type: application/json; charset=utf-8").sliced(14));
    QCOMPARE(r.mediaType(), QByteArray("application/json"));
    QVERIFY(r.hasHeader("x-empty"));
    QCOMPARE(r.header("X-Empty"), QByteArray());
    QCOMPARE(r.body, QByteArray("{\"a\":1}"));
    QCOMPARE(parser.state(), HttpRequestParser::State::Incomplete);
}

void TestHttpRequestParser::byteByByte() {
    const QByteArray raw = "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello";
    HttpRequestParser parser;
    for (qsizetype i = 0; i < raw.size() - 1; ++i)
        QCOMPARE(parser.feed(raw.mid(i, 1)), HttpRequestParser::State::Incomplete);
    QCOMPARE(parser.feed(raw.right(1)), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeRequest().body, QByteArray("hello"));
}

void TestHttpRequestParser::pipelinedRequestsAreKept() {
    HttpRequestParser parser;
    QCOMPARE(parser.feed("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nabGET /b HTTP/1.1\r\nHost: "
                         "h\r\n\r\nGET /c HT"),
             HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeRequest().body, QByteArray("ab"));
    QCOMPARE(parser.state(), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeRequest().path, QByteArray("/b"));
    QCOMPARE(parser.state(), HttpRequestParser::State::Incomplete);
    QCOMPARE(parser.feed("TP/1.1\r\nHost: h\r\n\r\n"), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeRequest().path, QByteArray("/c"));
}

void TestHttpRequestParser::leadingEmptyLinesAreIgnored() {
    HttpRequestParser parser;
    QCOMPARE(parser.feed("\r\n\r\nGET / HTTP/1.0\r\n\r\n"), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeRequest().version, QByteArray("HTTP/1.0")); // 1.0 needs no Host
}

void TestHttpRequestParser::noBodyWithoutContentLength() {
    HttpRequestParser parser;
    QCOMPARE(parser.feed("POST /x HTTP/1.1\r\nHost: h\r\n\r\nstray"), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeRequest().body, QByteArray());
}

void TestHttpRequestParser::expectContinue() {
    HttpRequestParser parser;
    QCOMPARE(parser.feed("POST /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"),
             HttpRequestParser::State::Incomplete);
    QVERIFY(parser.headersComplete());
    QVERIFY(parser.expectsContinue());
    QCOMPARE(parser.feed("abc"), HttpRequestParser::State::Complete);
    QVERIFY(!parser.expectsContinue());
}

void TestHttpRequestParser::rejects_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("two spaces") << QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("no version") << QByteArray("GET /\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("absolute target") << QByteArray("GET http://x/ HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
    QTest::newRow("not http") << QByteArray("GET / FTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n") << 400;
    QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n") << 400;
    QTest::newRow("bare LF in value") << QByteArray("GET / HTTP/1.1\r\nHost: h\nX: y\r\n\r\n") << 400;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 400;
    QTest::newRow("length not a number")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("lengths differ")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 501;
    QTest::newRow("huge length")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n") << 413;
}

void TestHttpRequestParser::rejects() {
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    HttpRequestParser parser;
    QCOMPARE(parser.feed(raw), HttpRequestParser::State::Error);
    QCOMPARE(parser.errorStatus(), status);
    QVERIFY(!parser.errorReason().isEmpty());
    QCOMPARE(parser.feed("GET / HTTP/1.1\r\nHost: h\r\n\r\n"), HttpRequestParser::State::Error); // final
}

void TestHttpRequestParser::headerLimit() {
    HttpRequestParser parser;
    QCOMPARE(parser.feed("GET / HTTP/1.1\r\nHost: h\r\nX-Big: "), HttpRequestParser::State::Incomplete);
    QCOMPARE(parser.feed(QByteArray(HttpRequestParser::MaxHeaderBytes, 'a')),
             HttpRequestParser::State::Error);
    QCOMPARE(parser.errorStatus(), 431);

    // Just under the limit is fine.
    HttpRequestParser fits;
    const QByteArray head = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: ";
    QCOMPARE(
        fits.feed(head + QByteArray(HttpRequestParser::MaxHeaderBytes - head.size() - 4, 'a') + "\r\n\r\n"),
        HttpRequestParser::State::Complete);
}

void TestHttpRequestParser::bodyLimit() {
    HttpRequestParser parser;
    // Refused from the headers alone, before any of the body arrives.
    QCOMPARE(parser.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: " +
                         QByteArray::number(HttpRequestParser::MaxBodyBytes + 1) + "\r\n\r\n"),
             HttpRequestParser::State::Error);
    QCOMPARE(parser.errorStatus(), 413);

    HttpRequestParser fits;
    QCOMPARE(fits.feed("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: " +
                       QByteArray::number(HttpRequestParser::MaxBodyBytes) + "\r\n\r\n" +
                       QByteArray(HttpRequestParser::MaxBodyBytes, 'b')),
             HttpRequestParser::State::Complete);
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
