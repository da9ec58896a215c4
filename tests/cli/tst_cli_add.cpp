// tokendesk-cli add as a process: the secret from a pipe or from a prompt without echo, a duplicate name,
// no keychain (6: nothing written anywhere, and what still works without one) and an unusable account file
// (1: never overwritten).
#include "CliTestSupport.h"

#include "demo/DemoServer.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

class TestCliAdd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addReadsTheSecretFromStdin();
    void addPromptsWithoutEchoOnATerminal();
    void addRejectsADuplicateName();
    void badBaseUrlIsQuotedAndExplained_data();
    void badBaseUrlIsQuotedAndExplained();
    void hintsQuoteTheNameForTheShell();
    void unicodeFormsOfANameAreOneAccount();
    void keychainUnavailable();
    void unusableConfigFile();

private:
    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
};

void TestCliAdd::init() {
    CLI_SKIP_WITHOUT_KEYRING();
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
}

void TestCliAdd::cleanup() {
    if (m_cli)
        verifyNoSecretsAndClean(*m_cli);
    m_cli.reset();
    m_server.reset();
}

void TestCliAdd::addRejectsADuplicateName() {
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"dup"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const QByteArray before = [&] {
        QFile f(m_cli->accountsPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const CliRun again = m_cli->addDemo(u"partner-api"_s, u"dup"_s, m_server->baseUrl(u"partner-api"_s));
    CLI_EXPECT(again, 2);
    QVERIFY2(again.err.contains("already exists"), again.err.constData());
    QFile f(m_cli->accountsPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestCliAdd::badBaseUrlIsQuotedAndExplained_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("quoted");
    QTest::addColumn<QByteArray>("why");
    QTest::newRow("spaces") << u"not a url"_s << QByteArray("\"not a url\"") << QByteArray("not a valid URL");
    QTest::newRow("no scheme") << u"api.example.com"_s << QByteArray("\"api.example.com\"")
                               << QByteArray("has no scheme");
    QTest::newRow("ftp") << u"ftp://127.0.0.1/x"_s << QByteArray("\"ftp://127.0.0.1/x\"")
                         << QByteArray("uses ftp://");
    QTest::newRow("no host") << u"https:///x"_s << QByteArray("\"https:///x\"") << QByteArray("names no host");
    // What was typed is quoted, but never a password in it, valid URL or not.
    QTest::newRow("user info") << u"ftp://u:PW-IN-URL@127.0.0.1/x"_s << QByteArray("\"ftp://127.0.0.1/x\"")
                               << QByteArray("uses ftp://");
    QTest::newRow("user info, invalid") << u"https://u:PW-IN-URL@exa mple.com"_s
                                        << QByteArray("\"https://exa mple.com\"") << QByteArray("not a valid URL");
}

void TestCliAdd::badBaseUrlIsQuotedAndExplained() {
    QFETCH(QString, typed);
    QFETCH(QByteArray, quoted);
    QFETCH(QByteArray, why);
    m_cli->rememberSecret("PW-IN-URL");
    const CliRun add = m_cli->run(
        {u"add"_s, u"u"_s, u"--provider"_s, u"b2b-api"_s, u"--base-url"_s, typed, u"--username"_s, u"a"_s}, "x");
    CLI_EXPECT(add, 2);
    QVERIFY2(add.err.contains(QByteArray("The base URL ").append(quoted)), add.err.constData());
    QVERIFY2(add.err.contains(why), add.err.constData());
    QVERIFY2(add.err.contains("https://"), add.err.constData()); // what is expected
    QVERIFY(!QFile::exists(m_cli->accountsPath()));
}

void TestCliAdd::hintsQuoteTheNameForTheShell() {
    // A hint that shows a command shows one a shell runs as it is: the name as one single-quoted word.
    const QUrl base = m_server->baseUrl(u"quadrata"_s);
    const CliRun spaced = m_cli->addDemo(u"quadrata"_s, u"with space"_s, base);
    CLI_EXPECT(spaced, 0);
    QVERIFY2(spaced.err.contains("To log in and print a token: tokendesk-cli token 'with space'\n"),
             spaced.err.constData());
    const CliRun quoted = m_cli->addDemo(u"quadrata"_s, u"it's $HOME"_s, base);
    CLI_EXPECT(quoted, 0);
    QVERIFY2(quoted.err.contains("tokendesk-cli token 'it'\\''s $HOME'\n"), quoted.err.constData());
    const CliRun stored =
        m_cli->run({u"credential"_s, u"with space"_s}, CliHarness::demoSecret(u"quadrata"_s));
    CLI_EXPECT(stored, 0);
    QVERIFY2(stored.err.contains("tokendesk-cli token 'with space'\n"), stored.err.constData());
    // A shell reads the quoted word back as the name, unchanged.
    const qsizetype at = quoted.err.indexOf("tokendesk-cli token ") + 20;
    const QByteArray word = quoted.err.mid(at, quoted.err.indexOf('\n', at) - at);
    QProcess shell;
    shell.start(u"sh"_s, {u"-c"_s, u"printf %s "_s + QString::fromUtf8(word)});
    QVERIFY(shell.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()), u"it's $HOME"_s);
}

void TestCliAdd::unicodeFormsOfANameAreOneAccount() {
    // "café" typed precomposed (NFC) and with a combining accent (NFD): they print alike, so they are one.
    const QString nfc = QString::fromUtf8("caf\xc3\xa9");
    const QString nfd = QString::fromUtf8("cafe\xcc\x81");
    const QUrl base = m_server->baseUrl(u"quadrata"_s);
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, nfd, base), 0);
    const CliRun second = m_cli->addDemo(u"quadrata"_s, nfc, base);
    CLI_EXPECT(second, 2);
    QVERIFY2(second.err.contains("already exists"), second.describe().constData());
    const CliRun names = m_cli->run({u"list"_s, u"--names"_s});
    CLI_EXPECT(names, 0);
    QCOMPARE(names.out, nfc.toUtf8() + '\n'); // kept in NFC
    const CliRun byNfc = m_cli->run({u"token"_s, nfc});
    CLI_EXPECT(byNfc, 0);
    m_cli->rememberSecret(byNfc.out.trimmed());
    const CliRun byNfd = m_cli->run({u"token"_s, nfd});
    CLI_EXPECT(byNfd, 0);
    QCOMPARE(byNfd.out, byNfc.out);
    CLI_EXPECT(m_cli->run({u"remove"_s, nfd}), 0);
    QVERIFY(!m_cli->store()->findByName(nfc));
}

void TestCliAdd::addReadsTheSecretFromStdin() {
    // A pipe with a Windows line break: the secret is the line without it.
    const QByteArray key = CliHarness::demoSecret(u"quadrata"_s);
    const CliRun added = m_cli->run({u"add"_s, u"stdin-quadrata"_s, u"--provider"_s, u"quadrata"_s,
                                     u"--base-url"_s, m_server->baseUrl(u"quadrata"_s).toString()},
                                    key + "\r\n");
    CLI_EXPECT(added, 0);
    QVERIFY(added.out.isEmpty());
    QVERIFY2(added.err.contains("tokendesk-cli token 'stdin-quadrata'"), added.err.constData());

    const QString id = m_cli->idOf(u"stdin-quadrata"_s);
    QVERIFY(!id.isEmpty());
    const SecretResult stored = m_cli->keychainEntry(id, SecretKind::Credential);
    QVERIFY2(stored.ok(), qPrintable(stored.errorString));
    QCOMPARE(stored.data, key);
    QVERIFY(m_server->requests().isEmpty()); // adding does not log in

    const CliRun token = m_cli->run({u"token"_s, u"stdin-quadrata"_s});
    CLI_EXPECT(token, 0);
    m_cli->rememberSecret(token.out.trimmed());
}

void TestCliAdd::addPromptsWithoutEchoOnATerminal() {
    // script(1) gives the CLI a pseudo-terminal as stdin and copies what the terminal shows to stdout.
    const QString script = QStandardPaths::findExecutable(u"script"_s);
    if (script.isEmpty())
        QSKIP("needs script(1) from util-linux for a pseudo-terminal");
    const QByteArray secret =
        "typed-at-the-prompt-" + QByteArray::number(QRandomGenerator::global()->generate());
    m_cli->rememberSecret(secret);
    QProcess terminal;
    terminal.setProcessEnvironment(m_cli->environment());
    terminal.start(script, {u"-qfec"_s,
                            QStringLiteral(TOKENDESK_CLI) + u" add typed --provider quadrata --base-url "_s +
                                m_server->baseUrl(u"quadrata"_s).toString(),
                            u"/dev/null"_s});
    QByteArray shown;
    // Type only once the prompt is there: input typed earlier would be echoed (or flushed) by the terminal.
    QTRY_VERIFY_WITH_TIMEOUT((shown += terminal.readAllStandardOutput()).contains("API key for typed: "),
                             15000);
    terminal.write(secret + '\n');
    QTRY_VERIFY_WITH_TIMEOUT(terminal.state() == QProcess::NotRunning, 15000);
    shown += terminal.readAllStandardOutput() + terminal.readAllStandardError();
    QCOMPARE(terminal.exitCode(), 0);
    QVERIFY2(shown.contains("Added account"), shown.constData());
    QVERIFY2(!shown.contains(secret), "the secret was echoed");
    const SecretResult stored = m_cli->keychainEntry(m_cli->idOf(u"typed"_s), SecretKind::Credential);
    QVERIFY2(stored.ok(), qPrintable(stored.errorString));
    QCOMPARE(stored.data, secret);
}

void TestCliAdd::keychainUnavailable() {
    QProcessEnvironment noKeychain = m_cli->environment();
    noKeychain.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
    noKeychain.remove(u"DISPLAY"_s);
    const QStringList addArgs{u"add"_s,      u"nokeychain"_s, u"--provider"_s,
                              u"quadrata"_s, u"--base-url"_s, m_server->baseUrl(u"quadrata"_s).toString()};

    // add: the keychain refuses the credential, so nothing is written anywhere.
    const CliRun add = m_cli->run(addArgs, CliHarness::demoSecret(u"quadrata"_s), noKeychain, 30000);
    CLI_EXPECT(add, 6);
    QVERIFY2(add.err.contains("keychain"), add.err.constData());
    QVERIFY2(add.err.contains("Nothing was saved"), add.err.constData());
    QVERIFY(!QFile::exists(m_cli->accountsPath()));

    // An account added while the keychain was there: listing needs no secret, a token does.
    CLI_EXPECT(m_cli->run(addArgs, CliHarness::demoSecret(u"quadrata"_s)), 0);
    const CliRun login = m_cli->run({u"login"_s, u"nokeychain"_s});
    CLI_EXPECT(login, 0);
    CLI_EXPECT(m_cli->run({u"list"_s, u"--json"_s}, {}, noKeychain), 0);
    const int requests = m_server->requests().size();
    const CliRun token = m_cli->run({u"token"_s, u"nokeychain"_s}, {}, noKeychain, 30000);
    CLI_EXPECT(token, 6);
    QVERIFY(token.out.isEmpty());
    QVERIFY2(token.err.startsWith("tokendesk-cli: "), token.err.constData());
    QCOMPARE(m_server->requests().size(), requests);
    CLI_EXPECT(m_cli->run({u"remove"_s, u"nokeychain"_s}, {}, noKeychain, 30000), 6);
    QVERIFY(m_cli->store()->findByName(u"nokeychain"_s)); // kept for a retry
}

void TestCliAdd::unusableConfigFile() {
    QVERIFY(QDir().mkpath(m_cli->configDirectory()));
    const QByteArray broken = "{ this is not JSON";
    {
        QFile f(m_cli->accountsPath());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(broken);
    }
    const CliRun list = m_cli->run({u"list"_s});
    CLI_EXPECT(list, 1);
    QVERIFY2(list.err.contains("accounts.json"), list.err.constData());
    const CliRun add = m_cli->addDemo(u"quadrata"_s, u"q"_s, m_server->baseUrl(u"quadrata"_s));
    CLI_EXPECT(add, 1);
    QFile f(m_cli->accountsPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), broken); // never overwritten
    f.close();
    QVERIFY(QFile::remove(m_cli->accountsPath()));
}

QTEST_GUILESS_MAIN(TestCliAdd)
#include "tst_cli_add.moc"
