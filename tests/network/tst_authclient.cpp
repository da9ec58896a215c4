// AuthClient against the real loopback demo server: every preset's login and refresh request as the
// server received it, the parsed TokenSet, the header the token is sent with, and every documented error.

#include "NetworkTestSupport.h"

#include "demo/DemoCredentials.h"

#include <QJsonArray>
#include <QLocale>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QUrlQuery>

using namespace NetTest;
using Kind = AuthError::Kind;
using Source = TokenSet::ExpirySource;

namespace {

constexpr qint64 kToleranceMs = 2000;
constexpr int kAccessLifetime = 300;  // the demo server's defaults
constexpr int kRefreshLifetime = 3600;

struct WhoAmI
{
    int status = 0;
    QJsonObject body;
};

// Sends "GET <base>/whoami" with one header line, as an API call using the token would.
WhoAmI whoami(QNetworkAccessManager &manager, const QUrl &base, const QByteArray &headerLine)
{
    QUrl url = base;
    url.setPath(base.path() + QStringLiteral("/whoami"));
    QNetworkRequest request(url);
    const qsizetype colon = headerLine.indexOf(": ");
    if (colon > 0)
        request.setRawHeader(headerLine.first(colon), headerLine.sliced(colon + 2));
    QNetworkReply *reply = manager.get(request);
    QSignalSpy spy(reply, &QNetworkReply::finished);
    WhoAmI answer;
    if (spy.wait(5000)) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = QJsonDocument::fromJson(reply->readAll()).object();
    }
    reply->deleteLater();
    return answer;
}

QJsonObject parseForm(const QByteArray &body)
{
    QJsonObject fields;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.first(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.sliced(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        fields.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return fields;
}

bool near(const QDateTime &actual, const QDateTime &expected, qint64 toleranceMs = kToleranceMs)
{
    return actual.isValid() && expected.isValid() && qAbs(actual.msecsTo(expected)) <= toleranceMs;
}

QString describe(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("(invalid)");
}

#define VERIFY_NEAR(actual, expected)                                                                          \
    QVERIFY2(near((actual), (expected)),                                                                       \
             qPrintable(QStringLiteral("%1 is %2, expected %3 (±2 s)")                                          \
                            .arg(QStringLiteral(#actual), describe(actual), describe(expected))))

} // namespace

class TestAuthClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void login_data();
    void login();
    void loginWithCompanyKeyHasNoRefreshToken();
    void whoamiRejectsTheTokenInTheWrongHeader();

    void refresh_data();
    void refresh();

    void documentedErrors_data();
    void documentedErrors();
    void rateLimitedUserGetsRetryAfter();

    void skewedServerClock_data();
    void skewedServerClock();
    void serverClockADayBehind();
    void implausibleDateHeader_data();
    void implausibleDateHeader();

private:
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<AuthStack> m_stack;
};

void TestAuthClient::init()
{
    // A fresh server per test: the b2b provider throttles a username after repeated failures.
    m_server = std::make_unique<DemoServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_stack = std::make_unique<AuthStack>();
    QCOMPARE(m_stack->registry.profiles().size(), 5);
}

void TestAuthClient::cleanup()
{
    m_stack.reset();
    m_server.reset();
}

// ---- logins -----------------------------------------------------------------------------------------

void TestAuthClient::login_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QByteArray>("loginPath");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<int>("expirySource");
    QTest::addColumn<bool>("hasRefreshToken");
    QTest::addColumn<QByteArray>("headerName");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QJsonObject>("extras");

    using namespace DemoCredentials;
    const QByteArray json = "application/json";
    const QByteArray form = "application/x-www-form-urlencoded";
    const QString pw = QStringLiteral("password");
    const QString user = QStringLiteral("username");

    QTest::newRow("quadrata") << QStringLiteral("quadrata") << QByteArray("/api/v1/login") << json
                              << QJsonObject{{QStringLiteral("apiKey"), quadrataApiKey()}}
                              << int(Source::JwtClaim) << false << QByteArray("Authorization")
                              << QStringLiteral("demo-company") << QJsonObject();
    QTest::newRow("kyc-jwt") << QStringLiteral("kyc-jwt") << QByteArray("/auth/jwt/login") << form
                             << QJsonObject{{user, kycUsername()}, {pw, kycPassword()},
                                            {QStringLiteral("grant_type"), QStringLiteral("password")}}
                             << int(Source::JwtClaim) << false << QByteArray("Authorization") << kycUsername()
                             << QJsonObject();
    QTest::newRow("partner-api") << QStringLiteral("partner-api") << QByteArray("/auth/login") << json
                                 << QJsonObject{{QStringLiteral("apiKey"), partnerApiKey()}}
                                 << int(Source::Response) << true << QByteArray("R-Auth")
                                 << QStringLiteral("demo-partner") << QJsonObject();
    QTest::newRow("b2b-api") << QStringLiteral("b2b-api") << QByteArray("/auth/login") << json
                             << QJsonObject{{user, b2bUsername()}, {pw, b2bPassword()}} << int(Source::Response)
                             << true << QByteArray("Authorization") << b2bUsername()
                             << QJsonObject{{QStringLiteral("client_id"), 123456}};
    QTest::newRow("user-authheader")
        << QStringLiteral("user-authheader") << QByteArray("/user/login") << json
        << QJsonObject{{user, userUsername()}, {pw, userPassword()}} << int(Source::JwtClaim) << false
        << QByteArray("Authorization") << userUsername()
        << QJsonObject{{QStringLiteral("id"), QStringLiteral("12345678-1234-1234-1234-123456789abc")},
                       {QStringLiteral("username"), userUsername()},
                       {QStringLiteral("email"), QStringLiteral("demo-user@example.com")},
                       {QStringLiteral("firstname"), QStringLiteral("Demo")},
                       {QStringLiteral("lastname"), QStringLiteral("User")},
                       {QStringLiteral("created"), QStringLiteral("2023-01-15T10:30:42")}};
}

void TestAuthClient::login()
{
    QFETCH(QString, preset);
    QFETCH(QByteArray, loginPath);
    QFETCH(QByteArray, contentType);
    QFETCH(QJsonObject, fields);
    QFETCH(int, expirySource);
    QFETCH(bool, hasRefreshToken);
    QFETCH(QByteArray, headerName);
    QFETCH(QString, subject);
    QFETCH(QJsonObject, extras);

    const DemoAccount demo = demoAccount(preset);
    QCOMPARE(demo.presetId, preset);
    const QUrl base = m_server->baseUrl(preset);
    const ProviderProfile &profile = m_stack->profile(preset);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto outcome = finish(m_stack->client.login(account(preset, base, demo.username), profile, demo.secret));
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));

    // The request exactly as the provider received it.
    const QList<DemoRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    const DemoRequest &sent = requests.first();
    QCOMPARE(sent.presetId, preset);
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QByteArray('/' + preset.toLatin1() + loginPath));
    QCOMPARE(sent.header("Content-Type"), contentType);
    QVERIFY(sent.header("Cookie").isEmpty());
    QVERIFY(sent.header("Authorization").isEmpty());
    QVERIFY(sent.header("R-Auth").isEmpty());
    if (contentType == "application/x-www-form-urlencoded") {
        QCOMPARE(parseForm(sent.body), fields);
    } else {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(sent.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object(), fields); // exactly the documented field names, nothing more
    }

    // The parsed tokens.
    const TokenSet &tokens = outcome->tokens;
    QVERIFY(!tokens.accessToken.isEmpty());
    const QDateTime exp = jwtExpiry(tokens.accessToken);
    QVERIFY2(exp.isValid(), "the demo server's access tokens are JWTs with exp");
    VERIFY_NEAR(tokens.accessExpiresAt, exp);
    VERIFY_NEAR(tokens.accessExpiresAt, before.addSecs(kAccessLifetime));
    VERIFY_NEAR(tokens.obtainedAt, before);
    QCOMPARE(int(tokens.expirySource), expirySource);
    QCOMPARE(!tokens.refreshToken.isEmpty(), hasRefreshToken);
    if (hasRefreshToken) {
        QVERIFY(tokens.refreshToken != tokens.accessToken);
        VERIFY_NEAR(tokens.refreshExpiresAt, before.addSecs(kRefreshLifetime));
    } else {
        QVERIFY(!tokens.refreshExpiresAt.isValid());
    }
    if (preset == u"user-authheader")
        VERIFY_NEAR(tokens.passwordExpiresAt, before.addDays(10));
    else
        QVERIFY(!tokens.passwordExpiresAt.isValid());
    QCOMPARE(tokens.extras, extras);

    // The header line the token is sent with, and the provider accepting it.
    const QByteArray line = profile.headerLineFor(tokens.accessToken);
    if (headerName == "R-Auth")
        QCOMPARE(line, QByteArray("R-Auth: " + tokens.accessToken));
    else
        QCOMPARE(line, QByteArray("Authorization: Bearer " + tokens.accessToken));
    const WhoAmI me = whoami(m_stack->manager, base, line);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.body.value(QLatin1String("sub")).toString(), subject);
    QCOMPARE(me.body.value(QLatin1String("preset")).toString(), preset);
}

void TestAuthClient::loginWithCompanyKeyHasNoRefreshToken()
{
    const QString preset = QStringLiteral("partner-api");
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto outcome = finish(m_stack->client.login(account(preset, m_server->baseUrl(preset)),
                                                      m_stack->profile(preset),
                                                      DemoCredentials::companyApiKey().toUtf8()));
    QVERIFY(outcome);
    QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.refreshToken.isEmpty());
    QVERIFY(!outcome->tokens.refreshExpiresAt.isValid());
    // The company key's expirationDate has no zone: it means UTC.
    QCOMPARE(int(outcome->tokens.expirySource), int(Source::Response));
    VERIFY_NEAR(outcome->tokens.accessExpiresAt, jwtExpiry(outcome->tokens.accessToken));
    VERIFY_NEAR(outcome->tokens.accessExpiresAt, before.addSecs(kAccessLifetime));
}

void TestAuthClient::whoamiRejectsTheTokenInTheWrongHeader()
{
    // Control for login(): /whoami really checks the header, so its 200 there means something.
    const QString preset = QStringLiteral("partner-api");
    const DemoAccount demo = demoAccount(preset);
    const QUrl base = m_server->baseUrl(preset);
    const auto outcome = finish(m_stack->client.login(account(preset, base), m_stack->profile(preset), demo.secret));
    QVERIFY(outcome);
    QVERIFY(!outcome->error);
    QCOMPARE(whoami(m_stack->manager, base, QByteArray("Authorization: Bearer " + outcome->tokens.accessToken)).status, 401);
    QCOMPARE(whoami(m_stack->manager, base, "R-Auth: not-a-token").status, 401);
}

// ---- refresh ----------------------------------------------------------------------------------------

void TestAuthClient::refresh_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("field");
    QTest::newRow("partner-api") << QStringLiteral("partner-api") << QStringLiteral("refreshToken");
    QTest::newRow("b2b-api") << QStringLiteral("b2b-api") << QStringLiteral("refresh_token");
}

void TestAuthClient::refresh()
{
    QFETCH(QString, preset);
    QFETCH(QString, field);

    const DemoAccount demo = demoAccount(preset);
    const QUrl base = m_server->baseUrl(preset);
    const Account acc = account(preset, base, demo.username);
    const ProviderProfile &profile = m_stack->profile(preset);
    QVERIFY(profile.hasRefresh());

    const auto first = finish(m_stack->client.login(acc, profile, demo.secret));
    QVERIFY(first);
    QVERIFY(!first->error);
    const QByteArray oldRefresh = first->tokens.refreshToken;
    QVERIFY(!oldRefresh.isEmpty());
    m_server->clearRequests();

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto second = finish(m_stack->client.refresh(acc, profile, oldRefresh));
    QVERIFY(second);
    QVERIFY2(!second->error, qPrintable(second->error.message));

    const QList<DemoRequest> requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().method, QByteArray("POST"));
    QCOMPARE(requests.first().path, QByteArray('/' + preset.toLatin1() + "/auth/refresh"));
    QCOMPARE(requests.first().header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(requests.first().body).object(),
             (QJsonObject{{field, QString::fromLatin1(oldRefresh)}}));

    QVERIFY(!second->tokens.accessToken.isEmpty());
    QVERIFY(!second->tokens.refreshToken.isEmpty());
    QVERIFY(second->tokens.accessToken != first->tokens.accessToken);
    QVERIFY(second->tokens.refreshToken != oldRefresh);
    QCOMPARE(int(second->tokens.expirySource), int(Source::Response));
    VERIFY_NEAR(second->tokens.accessExpiresAt, jwtExpiry(second->tokens.accessToken));
    VERIFY_NEAR(second->tokens.accessExpiresAt, before.addSecs(kAccessLifetime));
    VERIFY_NEAR(second->tokens.refreshExpiresAt, before.addSecs(kRefreshLifetime));
    QCOMPARE(m_server->refreshCount(preset), 1);
    QCOMPARE(whoami(m_stack->manager, base, profile.headerLineFor(second->tokens.accessToken)).status, 200);

    // Rotation: the old refresh token is dead.
    const auto third = finish(m_stack->client.refresh(acc, profile, oldRefresh));
    QVERIFY(third);
    COMPARE_KIND(third->error.kind, Kind::RefreshRejected);
    QCOMPARE(third->error.httpStatus, 401);
    QVERIFY(third->tokens.accessToken.isEmpty());
    QCOMPARE(m_server->reuseDetections(), 1);
    QCOMPARE(m_server->refreshCount(preset), 1);
}

// ---- documented errors ------------------------------------------------------------------------------

void TestAuthClient::documentedErrors_data()
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

void TestAuthClient::documentedErrors()
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

void TestAuthClient::rateLimitedUserGetsRetryAfter()
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

void TestAuthClient::skewedServerClock_data()
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

void TestAuthClient::skewedServerClock()
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

void TestAuthClient::serverClockADayBehind()
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

void TestAuthClient::implausibleDateHeader_data()
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

void TestAuthClient::implausibleDateHeader()
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

QTEST_GUILESS_MAIN(TestAuthClient)
#include "tst_authclient.moc"
