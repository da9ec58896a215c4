// Every failure exit code of tokendesk-cli, with the sentence on stderr: 3 credentials (wrong password,
// not verified, password expired, wrong key), 4 network (connection refused, timeout), 5 provider (rate
// limited, 5xx, an answer that is not JSON, a refused redirect). 1, 2 and 6 are in tst_cli_commands.
#include "CliTestSupport.h"

#include "auth/AccountLock.h"
#include "demo/DemoCredentials.h"
#include "demo/DemoServer.h"

#include <QDir>
#include <QTcpServer>

using namespace Qt::StringLiterals;

class TestCliErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void credentialsRejected_data();
    void credentialsRejected();
    void connectionRefused();
    void timeout();
    void rateLimited();
    void serverError_data();
    void serverError();
    void refusedRedirectsExitAsProviderErrors();
    void lockHeldElsewhereEndsWithTheTimeout();

private:
    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
};

void TestCliErrors::init() {
    CLI_SKIP_WITHOUT_KEYRING();
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
}

void TestCliErrors::cleanup() {
    if (m_cli)
        verifyNoSecretsAndClean(*m_cli);
    m_cli.reset();
    m_server.reset();
}

void TestCliErrors::credentialsRejected_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("message");
    using namespace DemoCredentials;
    QTest::newRow("kyc wrong password")
        << u"kyc-jwt"_s << kycUsername() << QByteArray("wrong-password-123") << QByteArray("rong");
    QTest::newRow("kyc not verified")
        << u"kyc-jwt"_s << kycUnverifiedUsername() << kycPassword().toUtf8() << QByteArray("not verified");
    QTest::newRow("password expired") << u"user-authheader"_s << userExpiredUsername()
                                      << userPassword().toUtf8() << QByteArray("Password expired");
    QTest::newRow("quadrata wrong key")
        << u"quadrata"_s << QString() << QByteArray("wrong-quadrata-key") << QByteArray("rong");
    QTest::newRow("b2b wrong password") << u"b2b-api"_s << b2bUsername() << QByteArray("wrong-b2b-password")
                                        << QByteArray("Invalid credentials");
}

void TestCliErrors::credentialsRejected() {
    QFETCH(QString, preset);
    QFETCH(QString, username);
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, message);
    CLI_EXPECT(m_cli->add(u"rejected"_s, preset, m_server->baseUrl(preset), username, secret), 0);
    for (const char *command : {"login", "token"}) {
        const CliRun r = m_cli->run({QLatin1String(command), u"rejected"_s});
        CLI_EXPECT(r, 3);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("tokendesk-cli: "), r.err.constData());
        QVERIFY2(r.err.contains(message), r.err.constData());
    }
    const QJsonObject listed = parseJson(m_cli->run({u"list"_s, u"--json"_s}).out).array().at(0).toObject();
    QCOMPARE(listed.value(u"state"_s).toString(), u"failed"_s);
}

void TestCliErrors::connectionRefused() {
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there any more
    const QUrl base(u"http://127.0.0.1:%1/quadrata"_s.arg(port));
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"refused"_s, base), 0);
    for (const char *command : {"login", "token"}) {
        const CliRun r = m_cli->run({QLatin1String(command), u"refused"_s});
        CLI_EXPECT(r, 4);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("was refused"), r.err.constData());
    }
}

void TestCliErrors::timeout() {
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"hanging"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    m_server->setFault(u"quadrata"_s, DemoFault::hang());
    QElapsedTimer clock;
    clock.start();
    const CliRun r = m_cli->run({u"token"_s, u"hanging"_s, u"--timeout"_s, u"1"_s});
    CLI_EXPECT(r, 4);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("did not answer within 1 second"), r.err.constData());
    QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_server->requests().size(), 1);
}

void TestCliErrors::rateLimited() {
    CLI_EXPECT(m_cli->add(u"limited"_s, u"b2b-api"_s, m_server->baseUrl(u"b2b-api"_s),
                          DemoCredentials::b2bRateLimitedUsername(), DemoCredentials::b2bPassword().toUtf8()),
               0);
    const CliRun r = m_cli->run({u"login"_s, u"limited"_s});
    CLI_EXPECT(r, 5);
    QVERIFY2(r.err.contains("Too many attempts"), r.err.constData());
    QVERIFY2(r.err.contains("Try again after "), r.err.constData());
    QVERIFY2(r.err.contains("Provider said: "), r.err.constData());
    QCOMPARE(m_server->requests().size(), 1);

    // The wait is remembered: the next call fails the same way without asking the provider.
    const CliRun again = m_cli->run({u"token"_s, u"limited"_s});
    CLI_EXPECT(again, 5);
    QVERIFY2(again.err.contains("Try again after "), again.err.constData());
    QCOMPARE(m_server->requests().size(), 1);
    const QJsonObject listed = parseJson(m_cli->run({u"list"_s, u"--json"_s}).out).array().at(0).toObject();
    QCOMPARE(listed.value(u"state"_s).toString(), u"rate_limited"_s);
}

void TestCliErrors::serverError_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("500") << 500 << QByteArray("HTTP 500");
    QTest::newRow("503") << 503 << QByteArray("HTTP 503");
    QTest::newRow("html body") << 200 << QByteArray("web page instead of JSON");
}

void TestCliErrors::serverError() {
    QFETCH(int, kind);
    QFETCH(QByteArray, message);
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"broken"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    m_server->setFault(u"quadrata"_s, kind == 200 ? DemoFault::htmlBody() : DemoFault::serverError(kind));
    const CliRun r = m_cli->run({u"token"_s, u"broken"_s});
    CLI_EXPECT(r, 5);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(message), r.err.constData());
}

void TestCliErrors::refusedRedirectsExitAsProviderErrors() {
    // The provider answered, with a redirect TokenDesk will not follow: 5, like any answer it cannot use
    // (retrying as after a network failure would not help), and the help's exit-status table says so.
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"moved"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    QTcpServer elsewhere;
    QVERIFY(elsewhere.listen(QHostAddress::LocalHost));
    m_server->setFault(u"quadrata"_s,
                       DemoFault::redirectTo(QUrl(u"http://127.0.0.1:%1/steal"_s.arg(elsewhere.serverPort()))));
    const CliRun away = m_cli->run({u"token"_s, u"moved"_s});
    CLI_EXPECT(away, 5);
    QVERIFY2(away.err.contains("another site"), away.describe().constData());
    QVERIFY(!elsewhere.hasPendingConnections());

    QUrl login = m_server->baseUrl(u"quadrata"_s);
    login.setPath(login.path() + u"/api/v1/login"_s);
    m_server->setFault(u"quadrata"_s, DemoFault::redirectTo(login));
    const CliRun loop = m_cli->run({u"token"_s, u"moved"_s});
    CLI_EXPECT(loop, 5);
    QVERIFY2(loop.err.contains("redirect loop"), loop.describe().constData());

    const CliRun help = m_cli->run({u"--help"_s});
    CLI_EXPECT(help, 0);
    const qsizetype five = help.out.indexOf("  5  ");
    QVERIFY2(five > 0, help.out.constData());
    const QByteArray line = help.out.mid(five, help.out.indexOf('\n', five) - five);
    QVERIFY2(line.contains("redirect"), line.constData());
}

// --timeout also bounds the wait for another process (here: this test) renewing the same account, and the
// message says what was waited for; the default wait would be a minute.
void TestCliErrors::lockHeldElsewhereEndsWithTheTimeout() {
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"busy"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const std::optional<Account> account = m_cli->store()->findByName(u"busy"_s);
    QVERIFY(account);
    AccountLock held(QDir(m_cli->configDirectory()).filePath(u"locks"_s), account->id);
    bool locked = false;
    held.acquire(1000, [&locked](bool ok, const QString &) { locked = ok; });
    QTRY_VERIFY(locked);

    const CliRun r = m_cli->run({u"login"_s, u"busy"_s, u"--timeout"_s, u"1"_s}, {}, 30000);
    QVERIFY2(r.finished, "still waiting for the lock after 30 s");
    // A timeout, so the network/timeout class a script retries on (README's exit codes), not 1.
    CLI_EXPECT(r, 4);
    QVERIFY2(r.err.contains("Another TokenDesk process is still renewing this account; gave up after 1 second."),
             r.describe().constData());
    CLI_EXPECT(m_cli->run({u"token"_s, u"busy"_s, u"--timeout"_s, u"1"_s}, {}, 30000), 4);
    CLI_EXPECT(m_cli->run({u"remove"_s, u"busy"_s, u"--timeout"_s, u"1"_s}, {}, 30000), 4);
    QVERIFY(m_cli->store()->findByName(u"busy"_s));
    QCOMPARE(m_server->requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"
