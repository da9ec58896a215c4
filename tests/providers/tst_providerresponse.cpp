// ProviderResponse::parseTokens() on each preset's success answer, as its document shows it, and the
// provider's clock skew (its Date header) applied to the instants in it. Broken success answers:
// tst_providerresponsemalformed; error answers: tst_providerresponseerrors.
#include "ProviderResponseTest.h"

#include "TestJwt.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace ProviderResponseTesting;

namespace {
const QByteArray kDateOneHourAhead = QByteArrayLiteral("Mon, 01 Jun 2026 11:00:00 GMT");
const QByteArray kDateOneHourBehind = QByteArrayLiteral("Mon, 01 Jun 2026 09:00:00 GMT");
const QByteArray kDateOneSecondAhead = QByteArrayLiteral("Mon, 01 Jun 2026 10:00:01 GMT");

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}
} // namespace

class TestProviderResponse : public ProviderResponseTest {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Success answers, one per document.
    void quadrataJwtWithExp();
    void quadrataFallsBackToFixedLifetime_data();
    void quadrataFallsBackToFixedLifetime();
    void kycJwt();
    void kycWithoutUsableExpIsUnknown_data();
    void kycWithoutUsableExpIsUnknown();
    void partnerKeyLogin();
    void partnerCompanyLoginZonelessIsUtc();
    void partnerRefreshRotates();
    void b2bLogin();
    void userAuthheaderLogin();

    // Clock skew from the Date header.
    void clockSkewShiftsExpiries();
    void clockSkewBehind();
    void clockSkewIgnoredWhenSmallOrUnparsable_data();
    void clockSkewIgnoredWhenSmallOrUnparsable();
    void clockSkewMs_data();
    void clockSkewMs();
    void jwtBoundsTheLifetime();
    void implausibleDateIsNotBelieved_data();
    void implausibleDateIsNotBelieved();
};

void TestProviderResponse::initTestCase() {
    checkPresets();
}

// ---- success answers -------------------------------------------------------------------------------------

void TestProviderResponse::quadrataJwtWithExp() {
    // 000: {"data": {"accessToken": "<JWT_TOKEN>", "type": "login"}}. The JWT's exp (2 h) beats the 60 min.
    const QByteArray jwt = JwtForTests::withExp(kNow.addSecs(7200).toSecsSinceEpoch());
    const QByteArray body = R"({ "data": { "accessToken": )" + jsonString(jwt) + R"(, "type": "login" } })";
    PARSE_OK(t, profile(u"quadrata"_s), Request::Login, answer(200, body), kNow);
    QCOMPARE(t.accessToken, jwt);
    QCOMPARE(t.accessExpiresAt, kNow.addSecs(7200));
    QCOMPARE(t.expirySource, Source::JwtClaim);
    QCOMPARE(t.obtainedAt, kNow);
    QVERIFY(t.refreshToken.isEmpty());
    QVERIFY(!t.refreshExpiresAt.isValid());
    QVERIFY(!t.passwordExpiresAt.isValid());
    QVERIFY(t.extras.isEmpty());
}

void TestProviderResponse::quadrataFallsBackToFixedLifetime_data() {
    QTest::addColumn<QByteArray>("token");

    const QByteArray header = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})");
    QTest::newRow("opaque token") << QByteArrayLiteral("q-0123456789abcdef");
    QTest::newRow("JWT without exp") << JwtForTests::make(QJsonObject{{u"sub"_s, u"company-7"_s}});
    QTest::newRow("JWT exp as string")
        << JwtForTests::fromRawJson(header, QByteArrayLiteral(R"({"exp":"1780322400"})"));
    QTest::newRow("JWT exp as float")
        << JwtForTests::fromRawJson(header, QByteArrayLiteral(R"({"exp":1780322400.5})"));
    QTest::newRow("JWT exp absurd") << JwtForTests::fromRawJson(header, QByteArrayLiteral(R"({"exp":1e30})"));
    QTest::newRow("JWT exp negative") << JwtForTests::fromRawJson(header, QByteArrayLiteral(R"({"exp":-1})"));
}

void TestProviderResponse::quadrataFallsBackToFixedLifetime() {
    QFETCH(QByteArray, token);
    const QByteArray body = R"({"data":{"accessToken":)" + jsonString(token) + R"(,"type":"login"}})";
    PARSE_OK(t, profile(u"quadrata"_s), Request::Login, answer(200, body), kNow);
    QCOMPARE(t.accessToken, token);
    QCOMPARE(t.expirySource, Source::FixedLifetime);
    QCOMPARE(t.accessExpiresAt, kNow.addSecs(60 * 60));
}

void TestProviderResponse::kycJwt() {
    // 001: {"access_token": "eyJ...", "token_type": "bearer"}; no refresh token.
    const QByteArray jwt = JwtForTests::withExp(kNow.addSecs(1800).toSecsSinceEpoch());
    const QByteArray body = R"({"access_token": )" + jsonString(jwt) + R"(, "token_type": "bearer"})";
    PARSE_OK(t, profile(u"kyc-jwt"_s), Request::Login, answer(200, body), kNow);
    QCOMPARE(t.accessToken, jwt);
    QCOMPARE(t.accessExpiresAt, kNow.addSecs(1800));
    QCOMPARE(t.expirySource, Source::JwtClaim);
    QVERIFY(t.refreshToken.isEmpty());
    QVERIFY(t.extras.isEmpty());
}

void TestProviderResponse::kycWithoutUsableExpIsUnknown_data() {
    QTest::addColumn<QByteArray>("token");
    const QByteArray header = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})");
    QTest::newRow("JWT exp as string")
        << JwtForTests::fromRawJson(header, QByteArrayLiteral(R"({"exp":"1780322400"})"));
    QTest::newRow("JWT without exp") << JwtForTests::make(QJsonObject{{u"sub"_s, u"u"_s}});
    QTest::newRow("opaque") << QByteArrayLiteral("kyc-opaque-token");
}

void TestProviderResponse::kycWithoutUsableExpIsUnknown() {
    // No expiry in the answer, no usable exp, no fixed lifetime: unknown, never "expired".
    QFETCH(QByteArray, token);
    const QByteArray body = R"({"access_token":)" + jsonString(token) + R"(,"token_type":"bearer"})";
    PARSE_OK(t, profile(u"kyc-jwt"_s), Request::Login, answer(200, body), kNow);
    QCOMPARE(t.accessToken, token);
    QCOMPARE(t.expirySource, Source::Unknown);
    QVERIFY(!t.accessExpiresAt.isValid());
}

void TestProviderResponse::partnerKeyLogin() {
    // 002, partner key. The JWT allows 40 days, the answer's expirationDate (25 days) wins.
    const QByteArray jwt = JwtForTests::withExp(kNow.addDays(40).toSecsSinceEpoch());
    const QByteArray body = R"({
        "jwt": )" + jsonString(jwt) +
                            R"(,
        "expirationDate": "2026-06-26T07:56:42.199+00:00",
        "refreshToken": "rt-partner-0001",
        "refreshTokenExpiration": "2026-07-25T07:56:42.201+00:00"
    })";
    PARSE_OK(t, profile(u"partner-api"_s), Request::Login, answer(200, body), kNow);
    QCOMPARE(t.accessToken, jwt);
    QCOMPARE(t.accessExpiresAt, utc(2026, 6, 26, 7, 56, 42, 199));
    QCOMPARE(t.expirySource, Source::Response);
    QCOMPARE(t.refreshToken, QByteArrayLiteral("rt-partner-0001"));
    QCOMPARE(t.refreshExpiresAt, utc(2026, 7, 25, 7, 56, 42, 201));
    QCOMPARE(profile(u"partner-api"_s).headerLineFor(t.accessToken), "R-Auth: " + jwt);
}

void TestProviderResponse::partnerCompanyLoginZonelessIsUtc() {
    // 002, company key: no refresh token, expirationDate without a zone = UTC.
    const QByteArray body = R"({"jwt": "company.jwt.string", "expirationDate": "2026-06-01T12:00:00"})";
    PARSE_OK(t, profile(u"partner-api"_s), Request::Login, answer(200, body), kNow);
    QCOMPARE(t.accessToken, QByteArrayLiteral("company.jwt.string"));
    QCOMPARE(t.accessExpiresAt, utc(2026, 6, 1, 12, 0));
    QCOMPARE(t.accessExpiresAt.toMSecsSinceEpoch(), kNow.addSecs(2 * 3600).toMSecsSinceEpoch());
    QCOMPARE(t.expirySource, Source::Response);
    QVERIFY(t.refreshToken.isEmpty());
    QVERIFY(!t.refreshExpiresAt.isValid());
}

void TestProviderResponse::partnerRefreshRotates() {
    // 002 /auth/refresh answer: a new JWT and a new refresh token (the old one is dead).
    const QByteArray body = R"({
        "jwt": "new-jwt",
        "expirationDate": "2026-06-02T10:00:00",
        "refreshToken": "rt-partner-0002",
        "refreshTokenExpiration": "2026-07-01T12:00:00"
    })";
    PARSE_OK(t, profile(u"partner-api"_s), Request::Refresh, answer(200, body), kNow);
    QCOMPARE(t.accessToken, QByteArrayLiteral("new-jwt"));
    QCOMPARE(t.accessExpiresAt, utc(2026, 6, 2, 10, 0));
    QCOMPARE(t.refreshToken, QByteArrayLiteral("rt-partner-0002"));
    QCOMPARE(t.refreshExpiresAt, utc(2026, 7, 1, 12, 0));
    QVERIFY(profile(u"partner-api"_s).refresh.rotates);
}

void TestProviderResponse::b2bLogin() {
    // 003's example answer, verbatim values.
    const QDateTime now = utc(2024, 1, 15, 9, 0);
    const QByteArray body = R"({
        "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
        "refresh_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.refresh",
        "access_expires_at": "2024-01-15T10:30:00Z",
        "refresh_expires_at": "2024-01-22T09:00:00Z",
        "client_id": 123456
    })";
    PARSE_OK(t, profile(u"b2b-api"_s), Request::Login, answer(200, body), now);
    QCOMPARE(t.accessToken, QByteArrayLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9..."));
    QCOMPARE(t.accessExpiresAt, utc(2024, 1, 15, 10, 30));
    QCOMPARE(t.expirySource, Source::Response);
    QCOMPARE(t.refreshToken, QByteArrayLiteral("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.refresh"));
    QCOMPARE(t.refreshExpiresAt, utc(2024, 1, 22, 9, 0));
    QCOMPARE(t.obtainedAt, now);
    QCOMPARE(t.extras.size(), 1);
    QCOMPARE(t.extras.value(u"client_id"_s).toInteger(), qint64(123456));
}

void TestProviderResponse::userAuthheaderLogin() {
    // 004's example answer.
    const QByteArray jwt = JwtForTests::withExp(kNow.addSecs(900).toSecsSinceEpoch());
    const QByteArray body = R"({
        "Id": "12345678-1234-1234-1234-123456789abc",
        "Created": "2023-01-15T10:30:42",
        "Username": "john.doe",
        "Email": "john.doe@example.com",
        "Firstname": "John",
        "Lastname": "Doe",
        "Token": )" + jsonString(jwt) +
                            R"(,
        "PasswordExpiration": "2026-06-15T18:30:00"
    })";
    PARSE_OK(t, profile(u"user-authheader"_s), Request::Login, answer(200, body), kNow);
    QCOMPARE(t.accessToken, jwt);
    QCOMPARE(t.accessExpiresAt, kNow.addSecs(900));
    QCOMPARE(t.expirySource, Source::JwtClaim);
    QCOMPARE(t.passwordExpiresAt, utc(2026, 6, 15, 18, 30));
    QVERIFY(t.refreshToken.isEmpty());
    const QJsonObject expectedExtras{{u"id"_s, u"12345678-1234-1234-1234-123456789abc"_s},
                                     {u"created"_s, u"2023-01-15T10:30:42"_s},
                                     {u"username"_s, u"john.doe"_s},
                                     {u"email"_s, u"john.doe@example.com"_s},
                                     {u"firstname"_s, u"John"_s},
                                     {u"lastname"_s, u"Doe"_s}};
    QCOMPARE(t.extras, expectedExtras);
    QVERIFY(!t.extras.contains(u"Token"_s)); // the token is never an extra
}

// ---- clock skew
// --------------------------------------------------------------------------------------------

void TestProviderResponse::clockSkewShiftsExpiries() {
    // The provider's clock is one hour ahead of ours: its instants mean one hour earlier on our clock.
    const QByteArray partnerBody = R"({"jwt": "j", "expirationDate": "2026-06-01T12:00:00Z",
                                       "refreshToken": "r", "refreshTokenExpiration": "2026-07-01T12:00:00Z"})";
    PARSE_OK(p, profile(u"partner-api"_s), Request::Login, answer(200, partnerBody, kDateOneHourAhead), kNow);
    QCOMPARE(p.accessExpiresAt, utc(2026, 6, 1, 11, 0));
    QCOMPARE(p.refreshExpiresAt, utc(2026, 7, 1, 11, 0));
    QCOMPARE(p.obtainedAt, kNow);

    // A JWT exp is the provider's clock too.
    const QByteArray jwt = JwtForTests::withExp(utc(2026, 6, 1, 12, 0).toSecsSinceEpoch());
    PARSE_OK(q, profile(u"quadrata"_s), Request::Login,
             answer(200, R"({"data":{"accessToken":)" + jsonString(jwt) + "}}", kDateOneHourAhead), kNow);
    QCOMPARE(q.accessExpiresAt, utc(2026, 6, 1, 11, 0));
    QCOMPARE(q.expirySource, Source::JwtClaim);

    // A fixed lifetime counts from when we received the token: no shift.
    PARSE_OK(f, profile(u"quadrata"_s), Request::Login,
             answer(200, QByteArrayLiteral(R"({"data":{"accessToken":"opaque"}})"), kDateOneHourAhead), kNow);
    QCOMPARE(f.accessExpiresAt, kNow.addSecs(3600));

    // PasswordExpiration is shifted like any other provider instant.
    PARSE_OK(u, profile(u"user-authheader"_s), Request::Login,
             answer(200, QByteArrayLiteral(R"({"Token":"t","PasswordExpiration":"2026-06-15T18:30:00"})"),
                    kDateOneHourAhead),
             kNow);
    QCOMPARE(u.passwordExpiresAt, utc(2026, 6, 15, 17, 30));

    // b2b: both expiries.
    PARSE_OK(b, profile(u"b2b-api"_s), Request::Login,
             answer(200, QByteArrayLiteral(R"({"access_token":"a","refresh_token":"r",
                        "access_expires_at":"2026-06-01T11:30:00Z","refresh_expires_at":"2026-06-08T10:00:00Z"})"),
                    kDateOneHourAhead),
             kNow);
    QCOMPARE(b.accessExpiresAt, utc(2026, 6, 1, 10, 30));
    QCOMPARE(b.refreshExpiresAt, utc(2026, 6, 8, 9, 0));
}

void TestProviderResponse::clockSkewBehind() {
    const QByteArray body = R"({"jwt": "j", "expirationDate": "2026-06-01T12:00:00Z"})";
    PARSE_OK(t, profile(u"partner-api"_s), Request::Login, answer(200, body, kDateOneHourBehind), kNow);
    QCOMPARE(t.accessExpiresAt, utc(2026, 6, 1, 13, 0));
}

void TestProviderResponse::clockSkewIgnoredWhenSmallOrUnparsable_data() {
    QTest::addColumn<QByteArray>("date");
    QTest::newRow("none") << QByteArray();
    QTest::newRow("one second ahead") << kDateOneSecondAhead;
    QTest::newRow("garbage") << QByteArrayLiteral("yesterday-ish");
    QTest::newRow("ISO instead of HTTP-date") << QByteArrayLiteral("2026-06-01T11:00:00Z");
}

void TestProviderResponse::clockSkewIgnoredWhenSmallOrUnparsable() {
    QFETCH(QByteArray, date);
    const QByteArray body = R"({"jwt": "j", "expirationDate": "2026-06-01T12:00:00Z"})";
    PARSE_OK(t, profile(u"partner-api"_s), Request::Login, answer(200, body, date), kNow);
    QCOMPARE(t.accessExpiresAt, utc(2026, 6, 1, 12, 0));
}

void TestProviderResponse::clockSkewMs_data() {
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<qint64>("skewMs");
    QTest::newRow("one hour ahead") << kDateOneHourAhead << qint64(3600 * 1000);
    QTest::newRow("one hour behind") << kDateOneHourBehind << qint64(-3600 * 1000);
    QTest::newRow("1 s: ignored") << kDateOneSecondAhead << qint64(0);
    QTest::newRow("2 s: ignored") << QByteArrayLiteral("Mon, 01 Jun 2026 09:59:58 GMT") << qint64(0);
    QTest::newRow("3 s: kept") << QByteArrayLiteral("Mon, 01 Jun 2026 10:00:03 GMT") << qint64(3000);
    // RFC 9110 section 5.6.7: recipients must accept all three HTTP-date forms in Date.
    QTest::newRow("asctime one hour ahead")
        << QByteArrayLiteral("Mon Jun  1 11:00:00 2026") << qint64(3600 * 1000);
    QTest::newRow("RFC 850 one hour ahead")
        << QByteArrayLiteral("Monday, 01-Jun-26 11:00:00 GMT") << qint64(3600 * 1000);
    QTest::newRow("empty") << QByteArray() << qint64(0);
    QTest::newRow("garbage") << QByteArrayLiteral("soon") << qint64(0);
    // Beyond 12 hours the Date header is not believed.
    QTest::newRow("12 h behind: kept")
        << QByteArrayLiteral("Sun, 31 May 2026 22:00:00 GMT") << qint64(-12 * 3600 * 1000);
    QTest::newRow("12 h 1 min behind: not believed")
        << QByteArrayLiteral("Sun, 31 May 2026 21:59:00 GMT") << qint64(0);
    QTest::newRow("a day ahead: not believed") << QByteArrayLiteral("Tue, 02 Jun 2026 10:00:00 GMT") << qint64(0);
    QTest::newRow("1970: not believed") << QByteArrayLiteral("Thu, 01 Jan 1970 00:00:00 GMT") << qint64(0);
}

void TestProviderResponse::jwtBoundsTheLifetime() {
    // The answer says 25 hours, the JWT it carries lives one (iat to exp): one hour it is.
    const auto at = [](const QDateTime &t) { return double(t.toSecsSinceEpoch()); };
    const QByteArray jwt = JwtForTests::make(QJsonObject{{u"iat"_s, at(kNow)}, {u"exp"_s, at(kNow.addSecs(3600))}});
    const QByteArray body =
        R"({"access_token":)" + jsonString(jwt) + R"(,"access_expires_at":"2026-06-02T11:00:00Z"})";
    PARSE_OK(t, profile(u"b2b-api"_s), Request::Login, answer(200, body), kNow);
    QCOMPARE(t.accessExpiresAt, kNow.addSecs(3600));
    // The same lifetime from a JWT issued on a clock an hour ahead (its exp alone would say two hours).
    const QByteArray ahead =
        JwtForTests::make(QJsonObject{{u"iat"_s, at(kNow.addSecs(3600))}, {u"exp"_s, at(kNow.addSecs(7200))}});
    PARSE_OK(a, profile(u"quadrata"_s), Request::Login,
             answer(200, R"({"data":{"accessToken":)" + jsonString(ahead) + "}}"), kNow);
    QCOMPARE(a.accessExpiresAt, kNow.addSecs(3600));
    QCOMPARE(a.expirySource, Source::JwtClaim);
}

void TestProviderResponse::implausibleDateIsNotBelieved_data() {
    // The answer's instants are on true time, only the Date header is off (or the provider's whole clock is,
    // which an iat shows). Never a lifetime longer than the JWT's; unknown when nothing vouches for one.
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("expiresAt"); // the answer's access_expires_at; empty: none
    QTest::addColumn<QDateTime>("expected"); // invalid: unknown
    const QByteArray in1970 = QByteArrayLiteral("Thu, 01 Jan 1970 00:00:00 GMT");
    const QByteArray dayBehind = QByteArrayLiteral("Sun, 31 May 2026 10:00:00 GMT");
    const QByteArray expOnly = JwtForTests::withExp(kNow.addSecs(3600).toSecsSinceEpoch());
    QTest::newRow("1970, JWT exp agrees") << in1970 << expOnly << u"2026-06-01T11:00:00Z"_s << kNow.addSecs(3600);
    QTest::newRow("a day behind, JWT exp agrees") << dayBehind << expOnly << u"2026-06-01T11:00:00Z"_s
                                                  << kNow.addSecs(3600);
    QTest::newRow("1970, JWT exp only") << in1970 << expOnly << QString() << kNow.addSecs(3600);
    QTest::newRow("1970, opaque token") << in1970 << QByteArrayLiteral("opaque") << u"2026-06-01T11:00:00Z"_s
                                        << QDateTime();
    // The provider's whole clock a day behind, consistently: its iat..exp says one hour.
    const QByteArray consistent = JwtForTests::make(
        QJsonObject{{u"iat"_s, double(kNow.addDays(-1).toSecsSinceEpoch())},
                    {u"exp"_s, double(kNow.addDays(-1).addSecs(3600).toSecsSinceEpoch())}});
    QTest::newRow("whole clock a day behind, JWT lifetime vouches")
        << dayBehind << consistent << u"2026-05-31T11:00:00Z"_s << kNow.addSecs(3600);
    QTest::newRow("whole clock a day behind, JWT exp only")
        << dayBehind << JwtForTests::withExp(kNow.addDays(-1).addSecs(3600).toSecsSinceEpoch())
        << u"2026-05-31T11:00:00Z"_s << QDateTime();
}

void TestProviderResponse::implausibleDateIsNotBelieved() {
    QFETCH(QByteArray, date);
    QFETCH(QByteArray, token);
    QFETCH(QString, expiresAt);
    QFETCH(QDateTime, expected);
    QJsonObject answerObject{{u"access_token"_s, QString::fromLatin1(token)}};
    if (!expiresAt.isEmpty())
        answerObject.insert(u"access_expires_at"_s, expiresAt);
    PARSE_OK(t, profile(u"b2b-api"_s), Request::Login,
             answer(200, QJsonDocument(answerObject).toJson(QJsonDocument::Compact), date), kNow);
    QCOMPARE(t.accessExpiresAt, expected);
    QCOMPARE(t.expirySource, expected.isValid() ? (expiresAt.isEmpty() ? Source::JwtClaim : Source::Response)
                                                : Source::Unknown);
}

void TestProviderResponse::clockSkewMs() {
    QFETCH(QByteArray, date);
    QFETCH(qint64, skewMs);
    QCOMPARE(ProviderResponse::clockSkewMs(date, kNow), skewMs);
}

QTEST_GUILESS_MAIN(TestProviderResponse)
#include "tst_providerresponse.moc"
