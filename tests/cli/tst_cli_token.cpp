// `tokendesk-cli token` as a process: a working header line for each of the five demo accounts (against the
// tokendesk-demo-providers executable), the fast path (no request for a valid token), the JSON shape, an
// expired token refreshed, --min-valid forcing a refresh, and two concurrent calls spending a rotating
// refresh token once (against an in-process DemoServer, whose request log the test reads).
#include "CliTestSupport.h"

#include "demo/DemoServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

class TestCliToken : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void everyDemoAccountGetsAWorkingHeaderLine();
    void validTokenMakesNoRequest();
    void jsonShape();
    void expiredTokenIsRefreshed();
    void expiredTokenWithoutRefreshLogsInAgain();
    void minValidForcesARefresh();
    void shortLivedTokensFromTheDemoExecutable();
    void concurrentCallsSpendTheRefreshTokenOnce();

private:
    QByteArray token(const QString &name, const QStringList &extra = {});
    int whoami(const QUrl &baseUrl, const QByteArray &headerLine);
    int requestsEndingWith(const QByteArray &suffix) const;

    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
};

void TestCliToken::init() {
    CLI_SKIP_WITHOUT_KEYRING();
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
}

void TestCliToken::cleanup() {
    if (m_cli)
        verifyNoSecretsAndClean(*m_cli);
    m_cli.reset();
    m_server.reset();
}

QByteArray TestCliToken::token(const QString &name, const QStringList &extra) {
    const CliRun r = m_cli->run(QStringList{u"token"_s, name} + extra);
    [&] { CLI_EXPECT(r, 0); }();
    const QByteArray out = r.out.trimmed();
    m_cli->rememberSecret(out);
    [&] { QVERIFY2(!out.isEmpty() && !out.contains('\n'), r.describe().constData()); }();
    return out;
}

int TestCliToken::whoami(const QUrl &baseUrl, const QByteArray &headerLine) {
    const qsizetype colon = headerLine.indexOf(": ");
    if (colon <= 0)
        return -1;
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(baseUrl.toString() + u"/whoami"_s));
    request.setRawHeader(headerLine.left(colon), headerLine.mid(colon + 2));
    QNetworkReply *reply = network.get(request);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

int TestCliToken::requestsEndingWith(const QByteArray &suffix) const {
    int n = 0;
    for (const DemoRequest &r : m_server->requests())
        n += r.path.endsWith(suffix) ? 1 : 0;
    return n;
}

void TestCliToken::everyDemoAccountGetsAWorkingHeaderLine() {
    DemoProcess demo;
    QVERIFY(demo.start());
    for (const DemoAccount &account : DemoServer::demoAccounts()) {
        const QUrl base = demo.baseUrl(account.presetId);
        CLI_EXPECT(m_cli->addDemo(account.presetId, account.accountName, base), 0);
        const QByteArray header = token(account.accountName, {u"--header"_s});
        const QByteArray expectedName =
            account.presetId == u"partner-api" ? "R-Auth: " : "Authorization: Bearer ";
        QVERIFY2(header.startsWith(expectedName), header.constData());
        QCOMPARE(whoami(base, header), 200);
        // The token alone is the header line's value.
        QCOMPARE(expectedName + token(account.accountName), header);
    }
    // A header the provider does not know is refused: whoami really checks.
    QCOMPARE(whoami(demo.baseUrl(u"quadrata"_s), "Authorization: Bearer not-a-token"), 401);
}

void TestCliToken::validTokenMakesNoRequest() {
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"fast"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    const QByteArray first = token(u"fast"_s);
    QCOMPARE(m_server->requests().size(), 1); // the login
    const QByteArray second = token(u"fast"_s);
    const QByteArray third = token(u"fast"_s, {u"--header"_s});
    QCOMPARE(second, first);
    QCOMPARE(third, "R-Auth: " + first);
    QCOMPARE(m_server->requests().size(), 1); // nothing since
}

void TestCliToken::jsonShape() {
    CLI_EXPECT(m_cli->addDemo(u"b2b-api"_s, u"b2b"_s, m_server->baseUrl(u"b2b-api"_s)), 0);
    const CliRun r = m_cli->run({u"token"_s, u"b2b"_s, u"--json"_s});
    CLI_EXPECT(r, 0);
    const QJsonObject o = parseJson(r.out).object();
    QCOMPARE(sortedKeys(o), (QStringList{u"expires_at"_s, u"expires_in"_s, u"header"_s, u"token"_s}));
    const QString token = o.value(u"token"_s).toString();
    m_cli->rememberSecret(token.toUtf8());
    QVERIFY(!token.isEmpty());
    QCOMPARE(o.value(u"header"_s).toString(), u"Authorization: Bearer "_s + token);
    const QDateTime expiry = QDateTime::fromString(o.value(u"expires_at"_s).toString(), Qt::ISODate);
    QVERIFY(expiry.isValid() && o.value(u"expires_at"_s).toString().endsWith(u'Z'));
    const qint64 expiresIn = o.value(u"expires_in"_s).toInteger();
    QVERIFY2(expiresIn > m_server->accessLifetime() - 30 && expiresIn <= m_server->accessLifetime(),
             qPrintable(QString::number(expiresIn)));
    QCOMPARE(m_cli->run({u"token"_s, u"b2b"_s}).out.trimmed(), token.toUtf8());
    CLI_EXPECT(m_cli->run({u"token"_s, u"b2b"_s, u"--json"_s, u"--header"_s}), 2);
}

void TestCliToken::expiredTokenIsRefreshed() {
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"expiring"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    const QByteArray first = token(u"expiring"_s);
    QVERIFY(m_cli->expire(u"expiring"_s));
    const QByteArray renewed = token(u"expiring"_s);
    QVERIFY(renewed != first);
    QCOMPARE(m_server->refreshCount(u"partner-api"_s), 1);
    QCOMPARE(requestsEndingWith("/auth/login"), 1); // refreshed, not logged in again
    const QJsonObject listed = parseJson(m_cli->run({u"list"_s, u"--json"_s}).out).array().at(0).toObject();
    QCOMPARE(listed.value(u"state"_s).toString(), u"valid"_s);
    QVERIFY(listed.value(u"expires_in"_s).toInteger() > 200);
}

void TestCliToken::expiredTokenWithoutRefreshLogsInAgain() {
    CLI_EXPECT(m_cli->addDemo(u"kyc-jwt"_s, u"kyc"_s, m_server->baseUrl(u"kyc-jwt"_s)), 0);
    const QByteArray first = token(u"kyc"_s, {u"--header"_s});
    QVERIFY(m_cli->expire(u"kyc"_s));
    const QByteArray renewed = token(u"kyc"_s, {u"--header"_s});
    QVERIFY(renewed != first);
    QCOMPARE(requestsEndingWith("/auth/jwt/login"), 2);
    QCOMPARE(whoami(m_server->baseUrl(u"kyc-jwt"_s), renewed), 200);
}

void TestCliToken::minValidForcesARefresh() {
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"minvalid"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    const QByteArray first = token(u"minvalid"_s);
    // The token has ~300 s left: asking for 120 s uses it, asking for 600 s renews it.
    QCOMPARE(token(u"minvalid"_s, {u"--min-valid"_s, u"120"_s}), first);
    QCOMPARE(m_server->refreshCount(u"partner-api"_s), 0);
    const CliRun forced = m_cli->run({u"token"_s, u"minvalid"_s, u"--min-valid"_s, u"600"_s});
    CLI_EXPECT(forced, 0);
    m_cli->rememberSecret(forced.out.trimmed());
    QVERIFY(forced.out.trimmed() != first);
    QCOMPARE(m_server->refreshCount(u"partner-api"_s), 1);
    // The provider's tokens cannot live 600 s: the token is printed, with a note on stderr.
    QVERIFY2(forced.err.contains("--min-valid"), forced.err.constData());
}

void TestCliToken::shortLivedTokensFromTheDemoExecutable() {
    // The standalone server issues 12-second tokens: a 30-second --min-valid renews each time, 5 s does not.
    DemoProcess demo;
    QVERIFY(demo.start({u"--access-lifetime"_s, u"12"_s}));
    CLI_EXPECT(m_cli->addDemo(u"b2b-api"_s, u"short"_s, demo.baseUrl(u"b2b-api"_s)), 0);
    const QByteArray first = token(u"short"_s, {u"--header"_s, u"--min-valid"_s, u"5"_s});
    QCOMPARE(token(u"short"_s, {u"--header"_s, u"--min-valid"_s, u"5"_s}), first);
    const QByteArray renewed = token(u"short"_s, {u"--header"_s});
    QVERIFY(renewed != first);
    QCOMPARE(whoami(demo.baseUrl(u"b2b-api"_s), renewed), 200);
}

void TestCliToken::concurrentCallsSpendTheRefreshTokenOnce() {
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"rotating"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    token(u"rotating"_s);
    QVERIFY(m_cli->expire(u"rotating"_s));

    QProcess *a = m_cli->start({u"token"_s, u"rotating"_s});
    QProcess *b = m_cli->start({u"token"_s, u"rotating"_s});
    const CliRun ra = m_cli->wait(a);
    const CliRun rb = m_cli->wait(b);
    CLI_EXPECT(ra, 0);
    CLI_EXPECT(rb, 0);
    m_cli->rememberSecret(ra.out.trimmed());
    QCOMPARE(ra.out, rb.out); // the same, renewed token
    QCOMPARE(m_server->refreshCount(u"partner-api"_s), 1);
    QCOMPARE(m_server->reuseDetections(), 0);
    QCOMPARE(requestsEndingWith("/auth/login"), 1); // no fallback login either
    QCOMPARE(whoami(m_server->baseUrl(u"partner-api"_s), "R-Auth: " + ra.out.trimmed()), 200);
}

QTEST_GUILESS_MAIN(TestCliToken)
#include "tst_cli_token.moc"
