// AuthClient against the real loopback demo server: every preset's login and refresh request as the
// server received it, the parsed TokenSet, and the header the token is sent with. The documented errors
// and a provider whose clock is off: tst_authclienterrors.

#include "AuthClientTest.h"

#include "demo/DemoCredentials.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

using namespace NetTest;
using namespace AuthClientTesting;
using Kind = AuthError::Kind;
using Source = TokenSet::ExpirySource;

namespace {

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

} // namespace

class TestAuthClient : public AuthClientTest
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
};

void TestAuthClient::init()
{
    setUp();
}

void TestAuthClient::cleanup()
{
    tearDown();
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

QTEST_GUILESS_MAIN(TestAuthClient)
#include "tst_authclient.moc"
