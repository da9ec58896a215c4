// tokendesk-cli when a file cannot be written: a disk that refuses bytes (RLIMIT_FSIZE in the CLI's
// process, which fails writes with "File too large" as a full disk fails them with ENOSPC) must leave the
// old account file and the old export whole, and the command must fail and say why. Output that cannot
// be written (stdout on /dev/full) fails the command too.
#include "CliTestSupport.h"

#include "demo/DemoServer.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

class TestCliWriteFailures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void fullDiskKeepsTheAccountFile();
    void fullDiskKeepsTheExport();
    void fullDiskFailsTheLogin();
    void unwritableOutputFails_data();
    void unwritableOutputFails();

private:
    CliRun add(const QString &name);
    static QByteArray readAll(const QString &path);

    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
};

void TestCliWriteFailures::init() {
    CLI_SKIP_WITHOUT_KEYRING();
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
}

void TestCliWriteFailures::cleanup() {
    if (m_cli) {
        m_cli->setFileSizeLimit(0);
        m_cli->setStdoutFile({});
        verifyNoSecretsAndClean(*m_cli);
    }
    m_cli.reset();
    m_server.reset();
}

CliRun TestCliWriteFailures::add(const QString &name) {
    return m_cli->add(name, u"b2b-api"_s, QUrl(u"http://127.0.0.1:9/b2b-api"_s), u"alice"_s,
                      "PW-test-secret-" + name.toUtf8());
}

QByteArray TestCliWriteFailures::readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

void TestCliWriteFailures::fullDiskKeepsTheAccountFile() {
    CLI_EXPECT(add(u"one"_s), 0);
    CLI_EXPECT(add(u"two"_s), 0);
    const QByteArray before = readAll(m_cli->accountsPath());
    QVERIFY(before.contains("\"two\""));

    m_cli->setFileSizeLimit(before.size()); // the file with a third account does not fit
    const CliRun r = add(u"three"_s);
    m_cli->setFileSizeLimit(0);
    QVERIFY2(r.finished && r.exitCode == 1, r.describe().constData());
    QVERIFY2(r.err.contains("Could not save the account file") && r.err.contains("File too large"),
             r.describe().constData());
    QCOMPARE(readAll(m_cli->accountsPath()), before);

    const CliRun list = m_cli->run({u"list"_s, u"--names"_s});
    CLI_EXPECT(list, 0);
    QCOMPARE(list.out, QByteArray("one\ntwo\n"));
}

void TestCliWriteFailures::fullDiskKeepsTheExport() {
    CLI_EXPECT(add(u"one"_s), 0);
    const QString path = QDir(m_cli->configDirectory()).filePath(u"../team.json"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old export\n");
    }
    m_cli->setFileSizeLimit(64);
    const CliRun r = m_cli->run({u"export"_s, u"-o"_s, path});
    m_cli->setFileSizeLimit(0);
    QVERIFY2(r.finished && r.exitCode == 1, r.describe().constData());
    QVERIFY2(r.err.contains("team.json") && r.err.contains("File too large"), r.describe().constData());
    QVERIFY2(!r.err.contains("Exported"), r.describe().constData());
    QCOMPARE(readAll(path), QByteArray("old export\n"));
}

// The provider answered and the token is in the keychain, but the account file cannot record it: the
// command says so and fails, and the file is the one from before.
void TestCliWriteFailures::fullDiskFailsTheLogin() {
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"p"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    const QByteArray before = readAll(m_cli->accountsPath());
    m_cli->setFileSizeLimit(before.size());
    const CliRun r = m_cli->run({u"login"_s, u"p"_s});
    m_cli->setFileSizeLimit(0);
    QVERIFY2(r.finished && r.exitCode == 1, r.describe().constData());
    QVERIFY2(r.err.contains("Could not save the account file") && r.err.contains("File too large") &&
                 r.err.contains("log in again"),
             r.describe().constData());
    QVERIFY2(!r.err.contains("Logged in"), r.describe().constData());
    QCOMPARE(readAll(m_cli->accountsPath()), before);
    // With room again, the next login is recorded.
    CLI_EXPECT(m_cli->run({u"login"_s, u"p"_s}), 0);
    QVERIFY(readAll(m_cli->accountsPath()).contains("\"login\""));
}

void TestCliWriteFailures::unwritableOutputFails_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("token") << QStringList{u"token"_s, u"p"_s};
    QTest::newRow("token --json") << QStringList{u"token"_s, u"p"_s, u"--json"_s};
    QTest::newRow("list") << QStringList{u"list"_s};
    QTest::newRow("export") << QStringList{u"export"_s};
    QTest::newRow("help") << QStringList{u"--help"_s};
}

// stdout on /dev/full: every write fails with ENOSPC. The command must not exit 0 as if the token had
// reached the script, and must say why on stderr.
void TestCliWriteFailures::unwritableOutputFails() {
    QFETCH(QStringList, arguments);
    if (!QFile::exists(u"/dev/full"_s))
        QSKIP("no /dev/full");
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"p"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    m_cli->setStdoutFile(u"/dev/full"_s);
    const CliRun r = m_cli->run(arguments);
    m_cli->setStdoutFile({});
    QVERIFY2(r.finished && r.exitCode == 1, r.describe().constData());
    QVERIFY2(r.err.contains("Could not write the output: No space left on device"), r.describe().constData());
    QVERIFY2(!r.err.contains("Exported"), r.describe().constData());
}

QTEST_GUILESS_MAIN(TestCliWriteFailures)
#include "tst_cli_writefailures.moc"
