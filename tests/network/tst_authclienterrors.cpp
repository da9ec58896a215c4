// AuthClient against the real loopback demo server when the answer is not a plain success: every
// documented error with its kind, status and the provider's own words, a rate limit's Retry-After, and a
// provider whose clock or Date header is off. The logins and refreshes that work: tst_authclient.

#include "AuthClientTest.h"

#include "demo/DemoCredentials.h"

#include <QLocale>

using namespace NetTest;
using namespace AuthClientTesting;
using Kind = AuthError::Kind;

class TestAuthClientErrors : public AuthClientTest
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void documentedErrors_data();
    void documentedErrors();
    void rateLimitedUserGetsRetryAfter();

    void skewedServerClock_data();
    void skewedServerClock();
    void serverClockADayBehind();
    void implausibleDateHeader_data();
    void implausibleDateHeader();
};

void TestAuthClientErrors::init()
{
    setUp();
}

void TestAuthClientErrors::cleanup()
{
    tearDown();
}

// ---- documented errors ------------------------------------------------------------------------------

void TestAuthClientErrors::documentedErrors_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<QString>("providerMessage");

    using namespace DemoCredentials;
    const QByteArray wrong = "wrong-secret";
    QTest::newRow("kyc wrong password") << QStringLiteral("kyc-jwt") << kycUsername() << wrong
                                        << int(Kind::CredentialsRejected) << 400
                                        << QStringLiteral("Wrong username or password")
                                        << QStringLiteral("LOGIN_BAD_CREDENTIALS");
    QTest::newRow("kyc unverified") << QStringLiteral("kyc-jwt") << kycUnverifiedUsername()
                                    << kycPassword().toUtf8() << int(Kind::NotVerified) << 400
                                    << QStringLiteral("not verified") << QStringLiteral("LOGIN_USER_NOT_VERIFIED");
    QTest::newRow("kyc empty username (422)") << QStringLiteral("kyc-jwt") << QString() << kycPassword().toUtf8()
                                              << int(Kind::InvalidRequest) << 422 << QString()
                                              << QStringLiteral("body.username: field required");
    QTest::newRow("b2b wrong password") << QStringLiteral("b2b-api") << b2bUsername() << wrong
                                        << int(Kind::CredentialsRejected) << 401 << QStringLiteral("Invalid credentials")
                                        << QStringLiteral("Invalid credentials");
    QTest::newRow("partner wrong key") << QStringLiteral("partner-api") << QString() << wrong
                                       << int(Kind::CredentialsRejected) << 401 << QString()
                                       << QStringLiteral("Invalid API key");
    QTest::newRow("user wrong password") << QStringLiteral("user-authheader") << userUsername() << wrong
                                         << int(Kind::CredentialsRejected) << 401
                                         << QStringLiteral("Incorrect username or password")
                                         << QStringLiteral("Incorrect credentials");
    QTest::newRow("user password expired") << QStringLiteral("user-authheader") << userExpiredUsername()
                                           << userPassword().toUtf8() << int(Kind::PasswordExpired) << 403
                                           << QStringLiteral("change it at the provider")
                                           // The demo password contains "password": every run of six of its
                                           // characters is hidden, the provider's own word too.
                                           << QStringLiteral("[redacted] expired");
    QTest::newRow("quadrata wrong key") << QStringLiteral("quadrata") << QString() << wrong
                                       << int(Kind::CredentialsRejected) << 401 << QString()
                                       << QStringLiteral("Invalid API key");
}

void TestAuthClientErrors::documentedErrors()
{
    QFETCH(QString, preset);
    QFETCH(QString, username);
    QFETCH(QByteArray, secret);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(QString, messagePart);
    QFETCH(QString, providerMessage);

    const auto outcome = finish(m_stack->client.login(account(preset, m_server->baseUrl(preset), username),
                                                      m_stack->profile(preset), secret));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind(kind));
    QCOMPARE(outcome->error.httpStatus, status);
    QVERIFY(!outcome->error.message.isEmpty());
    if (!messagePart.isEmpty())
        QVERIFY2(outcome->error.message.contains(messagePart, Qt::CaseInsensitive),
                 qPrintable(outcome->error.message));
    QCOMPARE(outcome->error.providerMessage, providerMessage);
    QVERIFY(outcome->tokens.accessToken.isEmpty());
    QVERIFY(outcome->tokens.refreshToken.isEmpty());
    // The request did reach the provider (the error is the provider's, not ours).
    QCOMPARE(m_server->requests().size(), 1);
}

void TestAuthClientErrors::rateLimitedUserGetsRetryAfter()
{
    const QString preset = QStringLiteral("b2b-api");
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto outcome = finish(m_stack->client.login(
        account(preset, m_server->baseUrl(preset), DemoCredentials::b2bRateLimitedUsername()),
        m_stack->profile(preset), DemoCredentials::b2bPassword().toUtf8()));
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::RateLimited);
    QCOMPARE(outcome->error.httpStatus, 429);
    VERIFY_NEAR(outcome->error.retryAfter, before.addSecs(5));
    QVERIFY2(outcome->error.message.contains(QLatin1String("5 second")), qPrintable(outcome->error.message));
}

// ---- clock skew -------------------------------------------------------------------------------------

void TestAuthClientErrors::skewedServerClock_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<qint64>("offsetSeconds");
    QTest::addColumn<QByteArray>("secret"); // empty: the demo account's

    for (const QString &preset : DemoServer::presetIds())
        QTest::addRow("%s +1h", qPrintable(preset)) << preset << qint64(3600) << QByteArray();
    QTest::newRow("partner-api company key +1h")
        << QStringLiteral("partner-api") << qint64(3600) << DemoCredentials::companyApiKey().toUtf8();
    QTest::newRow("b2b-api -1h") << QStringLiteral("b2b-api") << qint64(-3600) << QByteArray();
    QTest::newRow("kyc-jwt -1h") << QStringLiteral("kyc-jwt") << qint64(-3600) << QByteArray();
}

void TestAuthClientErrors::skewedServerClock()
{
    QFETCH(QString, preset);
    QFETCH(qint64, offsetSeconds);
    QFETCH(QByteArray, secret);

    m_server->setClockOffset(offsetSeconds);
    const DemoAccount demo = demoAccount(preset);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto outcome = finish(m_stack->client.login(account(preset, m_server->baseUrl(preset), demo.username),
                                                      m_stack->profile(preset),
                                                      secret.isEmpty() ? demo.secret : secret));
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    // The server's exp is an hour off our clock; the lifetime is what counts.
    QVERIFY(qAbs(jwtExpiry(outcome->tokens.accessToken).secsTo(before.addSecs(kAccessLifetime)) + offsetSeconds)
            <= 2);
    VERIFY_NEAR(outcome->tokens.accessExpiresAt, before.addSecs(kAccessLifetime));
    if (!outcome->tokens.refreshToken.isEmpty())
        VERIFY_NEAR(outcome->tokens.refreshExpiresAt, before.addSecs(kRefreshLifetime));
    if (preset == u"user-authheader")
        VERIFY_NEAR(outcome->tokens.passwordExpiresAt, before.addDays(10));
}

void TestAuthClientErrors::serverClockADayBehind()
{
    // Too far off to believe the Date header alone, but the JWT's iat..exp vouches for the lifetime.
    m_server->setClockOffset(-86400);
    const DemoAccount demo = demoAccount(QStringLiteral("b2b-api"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto outcome = finish(m_stack->client.login(account(demo.presetId, m_server->baseUrl(demo.presetId),
                                                              demo.username),
                                                      m_stack->profile(demo.presetId), demo.secret));
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    VERIFY_NEAR(outcome->tokens.accessExpiresAt, before.addSecs(kAccessLifetime));
}

void TestAuthClientErrors::implausibleDateHeader_data()
{
    // A provider whose timestamps are right but whose Date header is not: an hour-long token stays an hour
    // long (it used to become valid until 2083, or for 25 hours), or unknown when no JWT vouches for it.
    QTest::addColumn<QByteArray>("date");
    QTest::addColumn<bool>("jwt");
    QTest::addColumn<bool>("known");
    QTest::newRow("1970, JWT") << QByteArrayLiteral("Thu, 01 Jan 1970 00:00:00 GMT") << true << true;
    const QString dayBehind = QLocale::c().toString(QDateTime::currentDateTimeUtc().addDays(-1),
                                                    u"ddd, dd MMM yyyy hh:mm:ss 'GMT'");
    QTest::newRow("a day behind, JWT") << dayBehind.toLatin1() << true << true;
    QTest::newRow("1970, opaque token") << QByteArrayLiteral("Thu, 01 Jan 1970 00:00:00 GMT") << false << false;
}

void TestAuthClientErrors::implausibleDateHeader()
{
    QFETCH(QByteArray, date);
    QFETCH(bool, jwt);
    QFETCH(bool, known);
    const QDateTime inAnHour = QDateTime::currentDateTimeUtc().addSecs(3600);
    const auto part = [](const QByteArray &json) {
        return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray exp = QByteArray::number(inAnHour.toSecsSinceEpoch());
    const QByteArray token = jwt ? part(R"({"alg":"HS256","typ":"JWT"})") + '.'
                                       + part(R"({"sub":"alice","exp":)" + exp + "}") + ".c2ln"
                                 : QByteArrayLiteral("opaque-access-token");
    const QByteArray body = R"({"access_token":")" + token + R"(","access_expires_at":")"
                            + inAnHour.toString(Qt::ISODate).toLatin1() + R"("})";
    CannedServer server("Date: " + date + "\r\n", body);
    QVERIFY(server.listen());
    const QString preset = QStringLiteral("b2b-api");
    const auto outcome = finish(m_stack->client.login(account(preset, server.baseUrl(), QStringLiteral("alice")),
                                                      m_stack->profile(preset), "pw"));
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    if (known)
        VERIFY_NEAR(outcome->tokens.accessExpiresAt, inAnHour);
    else
        QVERIFY2(!outcome->tokens.accessExpiresAt.isValid(),
                 qPrintable(describe(outcome->tokens.accessExpiresAt)));
}

QTEST_GUILESS_MAIN(TestAuthClientErrors)
#include "tst_authclienterrors.moc"
