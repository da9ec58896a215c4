#include "TestJwt.h"
#include "auth/ProviderResponse.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {
using Kind = AuthError::Kind;
using Source = TokenSet::ExpirySource;
using Request = ProviderResponse::Request;

// Monday 2026-06-01 10:00:00 UTC.
const QDateTime kNow(QDate(2026, 6, 1), QTime(10, 0), QTimeZone::utc());
const QByteArray kDateOneHourAhead = QByteArrayLiteral("Mon, 01 Jun 2026 11:00:00 GMT");
const QByteArray kDateOneHourBehind = QByteArrayLiteral("Mon, 01 Jun 2026 09:00:00 GMT");
const QByteArray kDateOneSecondAhead = QByteArrayLiteral("Mon, 01 Jun 2026 10:00:01 GMT");

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

HttpResult answer(int status, const QByteArray &body, const QByteArray &date = {},
                  const QByteArray &retryAfter = {}) {
    HttpResult r;
    r.status = status;
    r.body = body;
    r.contentType = QByteArrayLiteral("application/json");
    r.dateHeader = date;
    r.retryAfter = retryAfter;
    return r;
}

QString describe(const std::variant<TokenSet, AuthError> &result) {
    if (const auto *e = std::get_if<AuthError>(&result))
        return AuthError::kindKey(e->kind) + u": "_s + e->message;
    return u"tokens"_s;
}

QByteArray jsonString(const QByteArray &s) {
    return '"' + s + '"';
}
} // namespace

// parseTokens() must give a TokenSet; binds it to `name`.
#define PARSE_OK(name, profile, request, result, now)                                                        \
    const auto name##Result = ProviderResponse::parseTokens(profile, request, result, now);                  \
    QVERIFY2(std::holds_alternative<TokenSet>(name##Result), qPrintable(describe(name##Result)));            \
    const TokenSet &name = std::get<TokenSet>(name##Result)

// parseTokens() must give an AuthError; binds it to `name`.
#define PARSE_ERROR(name, profile, request, result, now)                                                     \
    const auto name##Result = ProviderResponse::parseTokens(profile, request, result, now);                  \
    QVERIFY2(std::holds_alternative<AuthError>(name##Result), "expected an error, got tokens");              \
    const AuthError &name = std::get<AuthError>(name##Result)

class TestProviderResponse : public QObject {
    Q_OBJECT

private:
    const ProviderProfile &profile(const QString &id) const {
        const ProviderProfile *p = m_registry.find(id);
        Q_ASSERT(p);
        return *p;
    }
    ProviderRegistry m_registry;

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

    // Bad success answers.
    void malformedAnswers_data();
    void malformedAnswers();
    void htmlOnEveryPreset_data();
    void htmlOnEveryPreset();
    void tokenSizeLimit();
    void badRefreshToken();
    void isSafeToken_data();
    void isSafeToken();

    // Error answers.
    void classifyError_data();
    void classifyError();
    void transportErrorPassesThrough();
    void providerMessageSanitised();
};

void TestProviderResponse::initTestCase() {
    for (const QString &id :
         {u"quadrata"_s, u"kyc-jwt"_s, u"partner-api"_s, u"b2b-api"_s, u"user-authheader"_s})
        QVERIFY2(m_registry.find(id), qPrintable(id));
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

// ---- bad success answers
// -----------------------------------------------------------------------------------

void TestProviderResponse::malformedAnswers_data() {
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

void TestProviderResponse::malformedAnswers() {
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

void TestProviderResponse::htmlOnEveryPreset_data() {
    QTest::addColumn<QString>("profileId");
    for (const char *id : {"quadrata", "kyc-jwt", "partner-api", "b2b-api", "user-authheader"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestProviderResponse::htmlOnEveryPreset() {
    // A captive portal or a website at the base URL answers 200 with a page.
    QFETCH(QString, profileId);
    PARSE_ERROR(e, profile(profileId), Request::Login,
                answer(200, QByteArrayLiteral("<html><body><form action=\"/login\"></form></body></html>")),
                kNow);
    QCOMPARE(e.kind, Kind::MalformedAnswer);
    QVERIFY2(e.message.contains(u"base URL"_s), qPrintable(e.message));
    QVERIFY2(e.message.contains(u"web page"_s), qPrintable(e.message));
}

void TestProviderResponse::tokenSizeLimit() {
    const QByteArray atLimit(ProviderResponse::kMaxTokenBytes, 'a');
    PARSE_OK(ok, profile(u"kyc-jwt"_s), Request::Login,
             answer(200, R"({"access_token":)" + jsonString(atLimit) + "}"), kNow);
    QCOMPARE(ok.accessToken.size(), ProviderResponse::kMaxTokenBytes);

    const QByteArray overLimit(ProviderResponse::kMaxTokenBytes + 1, 'a');
    PARSE_ERROR(over, profile(u"kyc-jwt"_s), Request::Login,
                answer(200, R"({"access_token":)" + jsonString(overLimit) + "}"), kNow);
    QCOMPARE(over.kind, Kind::MalformedAnswer);

    const QByteArray huge(20 * 1024, 'b');
    PARSE_ERROR(e, profile(u"partner-api"_s), Request::Login,
                answer(200, R"({"jwt":)" + jsonString(huge) + R"(,"expirationDate":"2026-06-01T12:00:00"})"),
                kNow);
    QCOMPARE(e.kind, Kind::MalformedAnswer);
    QVERIFY(!e.message.contains(u"bbbbbbbb"_s));
}

void TestProviderResponse::badRefreshToken() {
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

    // null or absent: optional (company keys get none).
    PARSE_OK(none, profile(u"partner-api"_s), Request::Login,
             answer(200, QByteArrayLiteral(R"({"jwt":"ok-access","refreshToken":null})")), kNow);
    QVERIFY(none.refreshToken.isEmpty());
    QVERIFY(!none.refreshExpiresAt.isValid());
}

void TestProviderResponse::isSafeToken_data() {
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

void TestProviderResponse::isSafeToken() {
    QFETCH(QByteArray, token);
    QFETCH(bool, safe);
    QCOMPARE(ProviderResponse::isSafeToken(token), safe);
}

// ---- error answers
// -----------------------------------------------------------------------------------------

void TestProviderResponse::classifyError_data() {
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
        << u"the provider asked to wait 2 minute(s); TokenDesk retries after that."_s
        << tooManyText << qint64(120);
    QTest::newRow("b2b 429 Retry-After HTTP-date")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("Mon, 01 Jun 2026 10:05:00 GMT")
        << Kind::RateLimited << u"asked to wait until 2026-06-01 10:05 UTC; TokenDesk retries in 5 minute(s)."_s
        << tooManyText << qint64(300);
    QTest::newRow("b2b 429 Retry-After in the past")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("Mon, 01 Jun 2026 09:00:00 GMT")
        << Kind::RateLimited << u"asked to wait until 2026-06-01 09:00 UTC, which has passed; TokenDesk may try again right away."_s << tooManyText << qint64(0);
    QTest::newRow("b2b 429 Retry-After two days")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("172800") << Kind::RateLimited
        << u"asked to wait more than a day; TokenDesk retries in at most 24 hour(s)."_s
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
        << u"asked to wait more than a day; TokenDesk retries in at most 24 hour(s)."_s << tooManyText
        << qint64(86400);
    QTest::newRow("b2b 429 Retry-After in 2099")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("Wed, 21 Oct 2099 07:28:00 GMT") << Kind::RateLimited
        << u"asked to wait until 2099-10-21 07:28 UTC; TokenDesk retries in at most 24 hour(s)."_s << tooManyText
        << qint64(86400);
    QTest::newRow("b2b 429 Retry-After soon-ish")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("soon-ish") << Kind::RateLimited
        << u"(unreadable Retry-After); TokenDesk waits 30 second(s)."_s << tooManyText
        << ProviderResponse::kDefaultRateLimitSeconds;
    QTest::newRow("b2b 429 Retry-After 3 hours")
        << b2b << false << 429 << tooMany << QByteArrayLiteral("10800") << Kind::RateLimited
        << u"the provider asked to wait 3 hour(s); TokenDesk retries after that."_s << tooManyText << qint64(10800);
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

void TestProviderResponse::classifyError() {
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

void TestProviderResponse::transportErrorPassesThrough() {
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

void TestProviderResponse::providerMessageSanitised() {
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

QTEST_GUILESS_MAIN(TestProviderResponse)
#include "tst_providerresponse.moc"
