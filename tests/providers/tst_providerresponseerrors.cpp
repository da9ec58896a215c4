// ProviderResponse::classifyError() on each preset's error answers, as its document names them: the kind,
// the message people read, the provider's own words (cleaned) and when to try again after a 429.
#include "ProviderResponseTest.h"

using namespace Qt::StringLiterals;
using namespace ProviderResponseTesting;

class TestProviderResponseErrors : public ProviderResponseTest {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void classifyError_data();
    void classifyError();
    void transportErrorPassesThrough();
    void providerMessageSanitised();
};

void TestProviderResponseErrors::initTestCase() {
    checkPresets();
}

void TestProviderResponseErrors::classifyError_data() {
    QTest::addColumn<QString>("profileId");
    QTest::addColumn<bool>("refresh");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("messageFragment");
    QTest::addColumn<QString>("providerMessage"); // exact
    QTest::addColumn<qint64>("retryDelay");       // seconds after kNow; -1: no retryAfter

    const QString kyc = u"kyc-jwt"_s;
    const QString b2b = u"b2b-api"_s;
    const QString partner = u"partner-api"_s;
    const QString user = u"user-authheader"_s;
    const QString quadrata = u"quadrata"_s;
    const QByteArray none;

    // 001
    QTest::newRow("kyc 400 LOGIN_BAD_CREDENTIALS")
        << kyc << false << 400 << QByteArrayLiteral(R"({"detail":"LOGIN_BAD_CREDENTIALS"})") << none
        << Kind::CredentialsRejected << u"Wrong username or password"_s << u"LOGIN_BAD_CREDENTIALS"_s
        << qint64(-1);
    QTest::newRow("kyc 400 LOGIN_USER_NOT_VERIFIED")
        << kyc << false << 400 << QByteArrayLiteral(R"({"detail":"LOGIN_USER_NOT_VERIFIED"})") << none
        << Kind::NotVerified << u"not verified"_s << u"LOGIN_USER_NOT_VERIFIED"_s << qint64(-1);
    QTest::newRow("kyc 422 list detail")
        << kyc << false << 422
        << QByteArrayLiteral(
               R"({"detail":[{"loc":["body","username"],"msg":"field required","type":"value_error.missing"}]})")
        << none << Kind::InvalidRequest << u"incomplete or invalid"_s << u"body.username: field required"_s
        << qint64(-1);
    QTest::newRow("kyc 422 two fields")
        << kyc << false << 422
        << QByteArrayLiteral(R"({"detail":[{"loc":["body","username"],"msg":"field required"},)"
                             R"({"loc":["body","password"],"msg":"field required"}]})")
        << none << Kind::InvalidRequest << QString()
        << u"body.username: field required; body.password: field required"_s << qint64(-1);
    QTest::newRow("kyc 400 other detail")
        << kyc << false << 400 << QByteArrayLiteral(R"({"detail":"SOMETHING"})") << none
        << Kind::InvalidRequest << QString() << u"SOMETHING"_s << qint64(-1);
    QTest::newRow("kyc 500") << kyc << false << 500 << QByteArrayLiteral("Internal Server Error") << none
                             << Kind::ProviderError << u"HTTP 500"_s << QString() << qint64(-1);

    // 002
    QTest::newRow("partner 401 login")
        << partner << false << 401 << QByteArray() << none << Kind::CredentialsRejected
        << u"Wrong credentials"_s << QString() << qint64(-1);
    QTest::newRow("partner 401 refresh")
        << partner << true << 401 << QByteArray() << none << Kind::RefreshRejected << u"refresh token"_s
        << QString() << qint64(-1);
    QTest::newRow("partner 403 refresh")
        << partner << true << 403 << QByteArrayLiteral(R"({"message":"Refresh token revoked"})") << none
        << Kind::RefreshRejected << u"Log in again"_s << u"Refresh token revoked"_s << qint64(-1);
    QTest::newRow("partner 400 refresh")
        << partner << true << 400 << QByteArrayLiteral(R"({"error":"bad token"})") << none
        << Kind::RefreshRejected << QString() << u"bad token"_s << qint64(-1);
    QTest::newRow("partner 503") << partner << false << 503 << QByteArray() << none << Kind::ProviderError
                                 << u"HTTP 503"_s << QString() << qint64(-1);
    QTest::newRow("partner 503 refresh") << partner << true << 503 << QByteArray() << none
                                         << Kind::ProviderError << u"HTTP 503"_s << QString() << qint64(-1);

    // 003
    QTest::newRow("b2b 400 validation_error")
        << b2b << false << 400
        << QByteArrayLiteral(R"({"error":"validation_error","message":"Username and password are required"})")
        << none << Kind::InvalidRequest << QString() << u"Username and password are required"_s << qint64(-1);
    QTest::newRow("b2b 401 unauthorized")
        << b2b << false << 401
        << QByteArrayLiteral(R"({"error":"unauthorized","message":"Invalid credentials"})") << none
        << Kind::CredentialsRejected << u"Invalid credentials"_s << u"Invalid credentials"_s << qint64(-1);
    const QByteArray tooMany = QByteArrayLiteral(
        R"({"error":"Too Many Requests","message":"Too many login attempts. Please try again later."})");
    const QString tooManyText = u"Too many login attempts. Please try again later."_s;
    QTest::newRow("b2b 429 Retry-After seconds")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("120") << Kind::RateLimited
        << u"the provider asked to wait 2 minute(s); TokenDesk sends nothing before then."_s
        << tooManyText << qint64(120);
    QTest::newRow("b2b 429 Retry-After HTTP-date")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("Mon, 01 Jun 2026 10:05:00 GMT")
        << Kind::RateLimited << u"asked to wait until 2026-06-01 10:05 UTC; TokenDesk waits 5 minute(s)."_s
        << tooManyText << qint64(300);
    QTest::newRow("b2b 429 Retry-After in the past")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("Mon, 01 Jun 2026 09:00:00 GMT")
        << Kind::RateLimited << u"asked to wait until 2026-06-01 09:00 UTC, which has passed; TokenDesk may try again right away."_s << tooManyText << qint64(0);
    QTest::newRow("b2b 429 Retry-After two days")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("172800") << Kind::RateLimited
        << u"asked to wait more than a day; TokenDesk waits at most 24 hour(s)."_s
        << tooManyText << qint64(86400);
    QTest::newRow("b2b 429 no Retry-After: default")
        << b2b << false << 429 << tooMany << none << Kind::RateLimited
        << u"did not say how long; TokenDesk waits 30 second(s)."_s << tooManyText
        << ProviderResponse::kDefaultRateLimitSeconds;
    QTest::newRow("b2b 429 unparsable Retry-After: default")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("soon") << Kind::RateLimited
        << u"asked to wait (unreadable Retry-After); TokenDesk waits 30 second(s)."_s
        << tooManyText << ProviderResponse::kDefaultRateLimitSeconds;
    QTest::newRow("b2b 429 on refresh stays rate-limited")
        << b2b << true << 429 << tooMany << QByteArrayLiteral("60") << Kind::RateLimited << u"60 second(s)"_s
        << tooManyText << qint64(60);
    // Retry-After values a provider should not send: the message says what came and what TokenDesk does.
    QTest::newRow("b2b 429 Retry-After 0")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("0") << Kind::RateLimited
        << u"the provider allows trying again right away (Retry-After: 0)."_s << tooManyText << qint64(0);
    QTest::newRow("b2b 429 Retry-After 20 digits")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("99999999999999999999") << Kind::RateLimited
        << u"asked to wait more than a day; TokenDesk waits at most 24 hour(s)."_s << tooManyText
        << qint64(86400);
    QTest::newRow("b2b 429 Retry-After in 2099")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("Wed, 21 Oct 2099 07:28:00 GMT") << Kind::RateLimited
        << u"asked to wait until 2099-10-21 07:28 UTC; TokenDesk waits at most 24 hour(s)."_s << tooManyText
        << qint64(86400);
    QTest::newRow("b2b 429 Retry-After soon-ish")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("soon-ish") << Kind::RateLimited
        << u"(unreadable Retry-After); TokenDesk waits 30 second(s)."_s << tooManyText
        << ProviderResponse::kDefaultRateLimitSeconds;
    QTest::newRow("b2b 429 Retry-After 3 hours")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("10800") << Kind::RateLimited
        << u"the provider asked to wait 3 hour(s); TokenDesk sends nothing before then."_s << tooManyText << qint64(10800);
    QTest::newRow("b2b 401 refresh") << b2b << true << 401
                                     << QByteArrayLiteral(
                                            R"({"error":"unauthorized","message":"Token expired"})")
                                     << none << Kind::RefreshRejected << QString() << u"Token expired"_s
                                     << qint64(-1);
    QTest::newRow("b2b 400 refresh") << b2b << true << 400
                                     << QByteArrayLiteral(R"({"error":"validation_error","message":"x"})")
                                     << none << Kind::RefreshRejected << QString() << u"x"_s << qint64(-1);
    QTest::newRow("b2b 500") << b2b << false << 500 << QByteArrayLiteral(R"({"error":"internal"})") << none
                             << Kind::ProviderError << u"HTTP 500"_s << u"internal"_s << qint64(-1);
    QTest::newRow("b2b 502 HTML") << b2b << false << 502
                                  << QByteArrayLiteral("<html><body>Bad Gateway</body></html>") << none
                                  << Kind::ProviderError << u"HTTP 502"_s << QString() << qint64(-1);

    // 004
    QTest::newRow("user 401") << user << false << 401 << QByteArray() << none << Kind::CredentialsRejected
                              << u"Incorrect username or password"_s << QString() << qint64(-1);
    QTest::newRow("user 403 password expired")
        << user << false << 403 << QByteArrayLiteral(R"({"Message":"Password expired"})") << none
        << Kind::PasswordExpired << u"change it at the provider"_s << u"Password expired"_s << qint64(-1);
    QTest::newRow("user 500") << user << false << 500 << QByteArray() << none << Kind::ProviderError
                              << u"HTTP 500"_s << QString() << qint64(-1);

    // 000 and generic answers
    QTest::newRow("quadrata 401") << quadrata << false << 401
                                  << QByteArrayLiteral(R"({"message":"Invalid API key"})") << none
                                  << Kind::CredentialsRejected << u"Wrong credentials"_s
                                  << u"Invalid API key"_s << qint64(-1);
    QTest::newRow("quadrata 403 nested message")
        << quadrata << false << 403 << QByteArrayLiteral(R"({"data":{"message":"Key disabled"}})") << none
        << Kind::CredentialsRejected << QString() << u"Key disabled"_s << qint64(-1);
    QTest::newRow("quadrata 503") << quadrata << false << 503 << QByteArrayLiteral("Service Unavailable")
                                  << none << Kind::ProviderError << u"Try again later"_s << QString()
                                  << qint64(-1);
    QTest::newRow("quadrata 404") << quadrata << false << 404 << QByteArrayLiteral("<html>Not Found</html>")
                                  << none << Kind::ProviderError << u"base URL"_s << QString() << qint64(-1);
    QTest::newRow("quadrata 418") << quadrata << false << 418 << QByteArray() << none << Kind::ProviderError
                                  << u"HTTP 418"_s << QString() << qint64(-1);
}

void TestProviderResponseErrors::classifyError() {
    QFETCH(QString, profileId);
    QFETCH(bool, refresh);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, retryAfter);
    QFETCH(Kind, kind);
    QFETCH(QString, messageFragment);
    QFETCH(QString, providerMessage);
    QFETCH(qint64, retryDelay);

    const Request request = refresh ? Request::Refresh : Request::Login;
    const AuthError e = ProviderResponse::classifyError(profile(profileId), request,
                                                        answer(status, body, {}, retryAfter), kNow);
    QVERIFY2(e.kind == kind, qPrintable(u"got "_s + AuthError::kindKey(e.kind) + u": "_s + e.message));
    QVERIFY(e.isError());
    QCOMPARE(e.httpStatus, status);
    QVERIFY(!e.message.isEmpty());
    QVERIFY2(e.message.contains(messageFragment), qPrintable(e.message));
    QCOMPARE(e.providerMessage, providerMessage);
    if (retryDelay < 0) {
        QVERIFY(!e.retryAfter.isValid());
    } else {
        QVERIFY(e.retryAfter.isValid());
        QCOMPARE(kNow.secsTo(e.retryAfter), retryDelay);
    }
    // No request secret can appear: the body never carried one, and the message is ours.
    QVERIFY(!e.message.contains(u"{secret}"_s));
}

void TestProviderResponseErrors::transportErrorPassesThrough() {
    HttpResult r;
    r.error = AuthError::make(Kind::Timeout);
    const AuthError e = ProviderResponse::classifyError(profile(u"b2b-api"_s), Request::Login, r, kNow);
    QCOMPARE(e.kind, Kind::Timeout);
    QCOMPARE(e.message, AuthError::defaultMessage(Kind::Timeout));

    HttpResult tls = answer(0, {});
    tls.error = AuthError::make(Kind::Tls);
    QCOMPARE(ProviderResponse::classifyError(profile(u"partner-api"_s), Request::Refresh, tls, kNow).kind,
             Kind::Tls);
}

void TestProviderResponseErrors::providerMessageSanitised() {
    // The provider's words are shown to people: no control characters, bounded length.
    const QByteArray body = R"({"error":"unauthorized","message":"Invalid\r\ncredentials\u0007 )" +
                            QByteArray(1000, 'x') + R"("})";
    const AuthError e =
        ProviderResponse::classifyError(profile(u"b2b-api"_s), Request::Login, answer(401, body), kNow);
    QCOMPARE(e.kind, Kind::CredentialsRejected);
    QVERIFY(e.providerMessage.startsWith(u"Invalid credentials "_s));
    QVERIFY(e.providerMessage.size() <= 301);
    for (const QChar c : e.providerMessage)
        QVERIFY(c.unicode() >= 0x20);
}

QTEST_GUILESS_MAIN(TestProviderResponseErrors)
#include "tst_providerresponseerrors.moc"
