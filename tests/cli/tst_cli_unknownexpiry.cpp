// `tokendesk-cli token --min-valid` when the token's expiry is unknown (a provider that sends none, or one
// TokenDesk finds implausible): the stored token is printed as it is, not renewed, and a note on stderr says
// that --min-valid could not be checked; stdout stays exactly the token, header line or JSON.
#include "CliTestSupport.h"

#include "demo/DemoServer.h"

using namespace Qt::StringLiterals;

class TestCliUnknownExpiry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void unknownExpiryIsNotedNotRenewed();
    void implausibleJwtExpiryIsNamed();

private:
    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
};

void TestCliUnknownExpiry::init() {
    CLI_SKIP_WITHOUT_KEYRING();
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
}

void TestCliUnknownExpiry::cleanup() {
    if (m_cli)
        verifyNoSecretsAndClean(*m_cli);
    m_cli.reset();
    m_server.reset();
}

void TestCliUnknownExpiry::unknownExpiryIsNotedNotRenewed() {
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"no expiry"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    const CliRun first = m_cli->run({u"token"_s, u"no expiry"_s});
    CLI_EXPECT(first, 0);
    m_cli->rememberSecret(first.out.trimmed());
    QVERIFY(m_cli->forgetExpiry(u"no expiry"_s));
    const qsizetype requests = m_server->requests().size();

    const CliRun asked = m_cli->run({u"token"_s, u"no expiry"_s, u"--min-valid"_s, u"600"_s});
    CLI_EXPECT(asked, 0);
    QCOMPARE(asked.out, first.out); // the stored token, nothing else on stdout
    QVERIFY2(asked.err.contains("expiry is unknown") &&
                 asked.err.contains("--min-valid could not be checked"),
             asked.err.constData());
    QVERIFY2(asked.err.contains("tokendesk-cli refresh 'no expiry'"), asked.err.constData());
    QCOMPARE(m_server->requests().size(), requests); // not renewed for it

    const CliRun json = m_cli->run({u"token"_s, u"no expiry"_s, u"--min-valid"_s, u"600"_s, u"--json"_s});
    CLI_EXPECT(json, 0);
    const QJsonObject o = parseJson(json.out).object();
    QVERIFY(o.value(u"expires_at"_s).isNull() && o.value(u"expires_in"_s).isNull());
    QVERIFY2(json.err.contains("--min-valid"), json.err.constData());

    // Without an explicit --min-valid nothing asked for a guarantee: no note.
    const CliRun plain = m_cli->run({u"token"_s, u"no expiry"_s, u"--header"_s});
    CLI_EXPECT(plain, 0);
    QVERIFY2(!plain.err.contains("--min-valid"), plain.err.constData());
}

void TestCliUnknownExpiry::implausibleJwtExpiryIsNamed() {
    // A JWT whose exp is 9999-12-31T23:59:59Z: beyond the year 2200, which TokenDesk's timestamp parser
    // refuses as a bug or an attack, so the expiry is unknown.
    CLI_EXPECT(m_cli->addDemo(u"kyc-jwt"_s, u"far future"_s, m_server->baseUrl(u"kyc-jwt"_s)), 0);
    const CliRun first = m_cli->run({u"token"_s, u"far future"_s});
    CLI_EXPECT(first, 0);
    m_cli->rememberSecret(first.out.trimmed());
    const QByteArray jwt = QByteArray(R"({"alg":"none","typ":"JWT"})")
                               .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
                           '.' +
                           QByteArray(R"({"sub":"far-future-user","exp":253402300799})")
                               .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
                           ".c2lnbmF0dXJl";
    QVERIFY(m_cli->storeAccessToken(u"far future"_s, jwt));
    QVERIFY(m_cli->forgetExpiry(u"far future"_s));

    const CliRun asked = m_cli->run({u"token"_s, u"far future"_s, u"--min-valid"_s, u"600"_s});
    CLI_EXPECT(asked, 0);
    QCOMPARE(asked.out, jwt + '\n');
    QVERIFY2(asked.err.contains("implausible") && asked.err.contains("--min-valid"), asked.err.constData());
}

QTEST_GUILESS_MAIN(TestCliUnknownExpiry)
#include "tst_cli_unknownexpiry.moc"
