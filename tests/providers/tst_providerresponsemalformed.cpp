// ProviderResponse::parseTokens() on success answers it must refuse: not JSON, a web page, the token
// missing, of the wrong type, too large or unsafe in a header; and isSafeToken() itself. No part of a
// refused token may reach the error's text.
#include "ProviderResponseTest.h"

#include "TestJwt.h"

using namespace Qt::StringLiterals;
using namespace ProviderResponseTesting;

class TestProviderResponseMalformed : public ProviderResponseTest {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void malformedAnswers_data();
    void malformedAnswers();
    void htmlOnEveryPreset_data();
    void htmlOnEveryPreset();
    void tokenSizeLimit();
    void badRefreshToken();
    void isSafeToken_data();
    void isSafeToken();
};

void TestProviderResponseMalformed::initTestCase() {
    checkPresets();
}

void TestProviderResponseMalformed::malformedAnswers_data() {
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messageFragment");

    const QByteArray secret = QByteArrayLiteral("SECRET-TOKEN-VALUE-0123456789");
    QTest::newRow("HTML page") << u"kyc-jwt"_s
                               << QByteArrayLiteral("<!DOCTYPE html><html><body>Sign in</body></html>")
                               << u"base URL"_s;
    QTest::newRow("HTML with leading space")
        << u"b2b-api"_s << QByteArrayLiteral("\n  <html><head></head></html>") << u"base URL"_s;
    QTest::newRow("truncated JSON") << u"kyc-jwt"_s << QByteArray(R"({"access_token": ")" + secret)
                                    << u"not valid JSON"_s;
    QTest::newRow("truncated object")
        << u"partner-api"_s << QByteArray(R"({"jwt": ")" + secret + R"(", "expirationDate": ")")
        << u"not valid JSON"_s;
    QTest::newRow("empty body") << u"quadrata"_s << QByteArray() << u"empty"_s;
    QTest::newRow("whitespace body") << u"quadrata"_s << QByteArrayLiteral(" \r\n ") << u"empty"_s;
    QTest::newRow("plain text") << u"b2b-api"_s << QByteArrayLiteral("OK") << u"not valid JSON"_s;
    QTest::newRow("JSON array") << u"b2b-api"_s << QByteArray("[\"" + secret + "\"]") << u"not valid JSON"_s;
    QTest::newRow("token field missing")
        << u"kyc-jwt"_s << QByteArrayLiteral(R"({"token_type":"bearer"})") << u"\"/access_token\""_s;
    QTest::newRow("token at the wrong place")
        << u"quadrata"_s << QByteArray(R"({"accessToken":")" + secret + R"("})")
        << u"\"/data/accessToken\""_s;
    QTest::newRow("token empty") << u"partner-api"_s << QByteArrayLiteral(R"({"jwt":""})") << u"\"/jwt\""_s;
    QTest::newRow("token null") << u"partner-api"_s << QByteArrayLiteral(R"({"jwt":null})") << u"\"/jwt\""_s;
    QTest::newRow("token a number") << u"b2b-api"_s << QByteArrayLiteral(R"({"access_token":12345})")
                                    << u"\"/access_token\""_s;
    QTest::newRow("token an object") << u"user-authheader"_s << QByteArrayLiteral(R"({"Token":{"v":"x"}})")
                                     << u"\"/Token\""_s;
    QTest::newRow("token with CRLF") << u"kyc-jwt"_s
                                     << QByteArray(R"({"access_token":")" + secret + R"(\r\nX-Injected: 1"})")
                                     << u"refused"_s;
    QTest::newRow("token with LF") << u"partner-api"_s << QByteArray(R"({"jwt":")" + secret + R"(\n"})")
                                   << u"refused"_s;
    QTest::newRow("token with NUL") << u"partner-api"_s << QByteArray(R"({"jwt":")" + secret + R"(\u0000x"})")
                                    << u"refused"_s;
    QTest::newRow("token with space")
        << u"b2b-api"_s << QByteArray(R"({"access_token":"Bearer )" + secret + R"("})") << u"refused"_s;
    QTest::newRow("token with tab") << u"b2b-api"_s << QByteArray(R"({"access_token":")" + secret + R"(\t"})")
                                    << u"refused"_s;
    QTest::newRow("token non-ASCII") << u"user-authheader"_s
                                     << QByteArray(R"({"Token":")" + secret + "\xc3\xa9\"}") << u"refused"_s;
    QTest::newRow("token DEL") << u"quadrata"_s
                               << QByteArray(R"({"data":{"accessToken":")" + secret + "\x7f\"}}")
                               << u"refused"_s;
}

void TestProviderResponseMalformed::malformedAnswers() {
    QFETCH(QString, profileId);
    QFETCH(QByteArray, body);
    QFETCH(QString, messageFragment);

    for (const Request request : {Request::Login, Request::Refresh}) {
        PARSE_ERROR(e, profile(profileId), request, answer(200, body), kNow);
        QCOMPARE(e.kind, Kind::MalformedAnswer);
        QVERIFY2(e.message.contains(messageFragment), qPrintable(e.message));
        QVERIFY2(!e.message.contains(u"SECRET-TOKEN"_s), qPrintable(e.message));
        QVERIFY2(!e.providerMessage.contains(u"SECRET-TOKEN"_s), qPrintable(e.providerMessage));
    }
}

void TestProviderResponseMalformed::htmlOnEveryPreset_data() {
    QTest::addColumn<QString>("profileId");
    for (const char *id : {"quadrata", "kyc-jwt", "partner-api", "b2b-api", "user-authheader"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestProviderResponseMalformed::htmlOnEveryPreset() {
    // A captive portal or a website at the base URL answers 200 with a page.
    QFETCH(QString, profileId);
    PARSE_ERROR(e, profile(profileId), Request::Login,
                answer(200, QByteArrayLiteral("<html><body><form action=\"/login\"></form></body></html>")),
                kNow);
    QCOMPARE(e.kind, Kind::MalformedAnswer);
    QVERIFY2(e.message.contains(u"base URL"_s), qPrintable(e.message));
    QVERIFY2(e.message.contains(u"web page"_s), qPrintable(e.message));
}

void TestProviderResponseMalformed::tokenSizeLimit() {
    const QByteArray atLimit(ProviderResponse::kMaxTokenBytes, 'a');
    PARSE_OK(ok, profile(u"kyc-jwt"_s), Request::Login,
             answer(200, R"({"access_token":)" + jsonString(atLimit) + "}"), kNow);
    QCOMPARE(ok.accessToken.size(), ProviderResponse::kMaxTokenBytes);

    const QByteArray overLimit(ProviderResponse::kMaxTokenBytes + 1, 'a');
    PARSE_ERROR(over, profile(u"kyc-jwt"_s), Request::Login,
                answer(200, R"({"access_token":)" + jsonString(overLimit) + "}"), kNow);
    QCOMPARE(over.kind, Kind::MalformedAnswer);
    // Too long is said as such, with the limit: the token's characters are all fine.
    QVERIFY2(over.message.contains(u"16385 bytes long"_s), qPrintable(over.message));
    QVERIFY2(over.message.contains(u"16384 bytes (16 KiB)"_s), qPrintable(over.message));
    QVERIFY2(!over.message.contains(u"characters"_s), qPrintable(over.message));

    const QByteArray huge(20 * 1024, 'b');
    PARSE_ERROR(e, profile(u"partner-api"_s), Request::Login,
                answer(200, R"({"jwt":)" + jsonString(huge) + R"(,"expirationDate":"2026-06-01T12:00:00"})"),
                kNow);
    QCOMPARE(e.kind, Kind::MalformedAnswer);
    QVERIFY(!e.message.contains(u"bbbbbbbb"_s));
}

void TestProviderResponseMalformed::badRefreshToken() {
    // A refresh token that could inject headers is refused like an access token.
    PARSE_ERROR(
        crlf, profile(u"b2b-api"_s), Request::Refresh,
        answer(200, QByteArrayLiteral(R"({"access_token":"ok-access","refresh_token":"SECRET-RT\r\nX: 1"})")),
        kNow);
    QCOMPARE(crlf.kind, Kind::MalformedAnswer);
    QVERIFY(!crlf.message.contains(u"SECRET-RT"_s));
    QVERIFY(!crlf.message.contains(u"ok-access"_s));

    PARSE_ERROR(number, profile(u"partner-api"_s), Request::Login,
                answer(200, QByteArrayLiteral(R"({"jwt":"ok-access","refreshToken":42})")), kNow);
    QCOMPARE(number.kind, Kind::MalformedAnswer);
    QVERIFY2(number.message.contains(u"\"/refreshToken\""_s), qPrintable(number.message));

    const QByteArray big(20 * 1024, 'r');
    PARSE_ERROR(huge, profile(u"partner-api"_s), Request::Refresh,
                answer(200, R"({"jwt":"ok-access","refreshToken":)" + jsonString(big) + "}"), kNow);
    QCOMPARE(huge.kind, Kind::MalformedAnswer);
    QVERIFY2(huge.message.contains(u"refresh token is 20480 bytes long"_s), qPrintable(huge.message));
    QVERIFY2(!huge.message.contains(u"not allowed"_s), qPrintable(huge.message));

    // null or absent: optional (company keys get none).
    PARSE_OK(none, profile(u"partner-api"_s), Request::Login,
             answer(200, QByteArrayLiteral(R"({"jwt":"ok-access","refreshToken":null})")), kNow);
    QVERIFY(none.refreshToken.isEmpty());
    QVERIFY(!none.refreshExpiresAt.isValid());
}

void TestProviderResponseMalformed::isSafeToken_data() {
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("safe");
    QTest::newRow("JWT") << JwtForTests::withExp(1780315200) << true;
    QTest::newRow("all visible ASCII")
        << QByteArrayLiteral("!\"#$%&'()*+,-./0189:;<=>?@AZ[\\]^_`az{|}~") << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("space") << QByteArrayLiteral("a b") << false;
    QTest::newRow("CR") << QByteArrayLiteral("a\rb") << false;
    QTest::newRow("LF") << QByteArrayLiteral("a\nb") << false;
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << false;
    QTest::newRow("DEL") << QByteArrayLiteral("a\x7f") << false;
    QTest::newRow("Latin-1 high byte") << QByteArrayLiteral("a\xe9") << false;
    QTest::newRow("16 KiB") << QByteArray(16 * 1024, 'x') << true;
    QTest::newRow("16 KiB + 1") << QByteArray(16 * 1024 + 1, 'x') << false;
}

void TestProviderResponseMalformed::isSafeToken() {
    QFETCH(QByteArray, token);
    QFETCH(bool, safe);
    QCOMPARE(ProviderResponse::isSafeToken(token), safe);
}

QTEST_GUILESS_MAIN(TestProviderResponseMalformed)
#include "tst_providerresponsemalformed.moc"
