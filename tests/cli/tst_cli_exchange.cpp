// tokendesk-cli export / import / credential as a process against the demo providers: the round trip
// (export → wipe → import → the same accounts, no secret in the file, the secret entered afterwards),
// changes to existing accounts only with --yes, and a bad file refused with the place named and the
// account file untouched.
#include "CliTestSupport.h"

#include "demo/DemoServer.h"

#include <QDir>
#include <QFile>

#include <QProcess>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

class TestCliExchange : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void exportWipeImportRoundTrip();
    void changesOnlyWithYes();
    void badFileChangesNothing();
    void exportUnknownAccount();
    void importMatchesNamesInAnyUnicodeForm();
    void importDashReadsStdin();
    void newCredentialEndsTheRefusal();
    void importRefusesNamesAddRefuses();
    void listEscapesStoredNames();
    void exportToFifoAndDevices();
    void exportToEmptyPathIsUsageError();
    void exportRefusesAccountsWithoutProfile();

private:
    QString file(const QString &name) const { return QDir(m_cli->configDirectory()).filePath(name); }
    QByteArray accountsFile() const;

    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
};

void TestCliExchange::init() {
    CLI_SKIP_WITHOUT_KEYRING();
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
}

void TestCliExchange::cleanup() {
    if (m_cli)
        verifyNoSecretsAndClean(*m_cli);
    m_cli.reset();
    m_server.reset();
}

QByteArray TestCliExchange::accountsFile() const {
    QFile f(m_cli->accountsPath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestCliExchange::exportWipeImportRoundTrip() {
    CLI_EXPECT(m_cli->addDemo(u"b2b-api"_s, u"team-b2b"_s, m_server->baseUrl(u"b2b-api"_s)), 0);
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"team-quadrata"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    CLI_EXPECT(m_cli->run({u"token"_s, u"team-b2b"_s}), 0);
    const QString b2bId = m_cli->idOf(u"team-b2b"_s);
    QList<QByteArray> secrets{CliHarness::demoSecret(u"b2b-api"_s), CliHarness::demoSecret(u"quadrata"_s)};
    for (SecretKind kind : {SecretKind::AccessToken, SecretKind::RefreshToken}) {
        const SecretResult entry = m_cli->keychainEntry(b2bId, kind);
        QVERIFY(entry.ok() && !entry.data.isEmpty());
        secrets.append(entry.data);
    }
    const auto before = m_cli->store();

    const QString path = file(u"team.json"_s);
    const CliRun exported = m_cli->run({u"export"_s, u"-o"_s, path});
    CLI_EXPECT(exported, 0);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    for (const QByteArray &secret : std::as_const(secrets))
        QVERIFY2(!bytes.contains(secret), "a secret is in the export file");
    QCOMPARE(parseJson(bytes).object().value(u"accounts"_s).toArray().size(), 2);
    // To stdout as well, and only the named accounts.
    const CliRun one = m_cli->run({u"export"_s, u"team-quadrata"_s});
    CLI_EXPECT(one, 0);
    QCOMPARE(parseJson(one.out).object().value(u"accounts"_s).toArray().size(), 1);

    m_cli->removeAllAccounts();
    QVERIFY(m_cli->store()->accounts().isEmpty());
    const CliRun imported = m_cli->run({u"import"_s, path});
    CLI_EXPECT(imported, 0);
    QVERIFY2(imported.err.contains("+ team-b2b"), imported.err.constData());
    const auto after = m_cli->store();
    QCOMPARE(after->count(), 2);
    for (const Account &old : before->accounts()) {
        const auto now = after->findByName(old.name);
        QVERIFY(now);
        QCOMPARE(now->providerId, old.providerId);
        QCOMPARE(now->baseUrl, old.baseUrl);
        QCOMPARE(now->username, old.username);
        QCOMPARE(now->allowInsecureHttp, old.allowInsecureHttp);
        QCOMPARE(now->keepSignedIn, old.keepSignedIn);
        QVERIFY(!now->token.hasAccessToken);
    }
    // No secret yet: exit 3; then store it and get a token.
    const CliRun missing = m_cli->run({u"token"_s, u"team-b2b"_s});
    CLI_EXPECT(missing, 3);
    // The window's "edit the account" would not help here: the hint is the command that stores it.
    QVERIFY2(missing.err.contains("tokendesk-cli credential 'team-b2b'\n"), missing.err.constData());
    QVERIFY2(!missing.err.contains("edit the account"), missing.err.constData());
    CLI_EXPECT(m_cli->run({u"credential"_s, u"team-b2b"_s}, CliHarness::demoSecret(u"b2b-api"_s) + '\n'), 0);
    CLI_EXPECT(m_cli->run({u"token"_s, u"team-b2b"_s}), 0);
}

void TestCliExchange::changesOnlyWithYes() {
    CLI_EXPECT(m_cli->addDemo(u"kyc-jwt"_s, u"kyc"_s, m_server->baseUrl(u"kyc-jwt"_s)), 0);
    const QString path = file(u"kyc.json"_s);
    CLI_EXPECT(m_cli->run({u"export"_s, u"-o"_s, path}), 0);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes.replace(m_server->baseUrl(u"kyc-jwt"_s).toString().toUtf8(), "https://kyc.example.com");
    f.resize(0);
    f.write(bytes);
    f.close();
    const QByteArray before = accountsFile();

    const CliRun asked = m_cli->run({u"import"_s, path});
    CLI_EXPECT(asked, 0);
    QVERIFY2(asked.err.contains("~ kyc: baseUrl"), asked.err.constData());
    QVERIFY2(asked.err.contains("--yes"), asked.err.constData());
    QCOMPARE(accountsFile(), before);

    // Another host: the account is replaced, and the listing says what that costs.
    QVERIFY2(asked.err.contains("kyc is replaced: its stored API key or password and its tokens are removed"),
             asked.err.constData());

    const QString id = m_cli->idOf(u"kyc"_s);
    QVERIFY(m_cli->keychainEntry(id, SecretKind::Credential).ok());
    const CliRun applied = m_cli->run({u"import"_s, path, u"--yes"_s});
    CLI_EXPECT(applied, 0);
    QVERIFY2(applied.err.contains("replaced 1"), applied.err.constData());
    // No new account: the note speaks of the replaced one.
    QVERIFY2(!applied.err.contains("New accounts"), applied.err.constData());
    QVERIFY2(applied.err.contains("Replaced accounts have no API key or password any more"), applied.err.constData());
    const auto store = m_cli->store();
    QCOMPARE(store->count(), 1);
    QVERIFY(!store->contains(id));
    const Account now = store->accounts().constFirst();
    QCOMPARE(now.name, u"kyc"_s);
    QCOMPARE(now.baseUrl, QUrl(u"https://kyc.example.com"_s));
    // The old id's keychain entries are gone; the new id has none: nothing pairs them with the new host.
    QCOMPARE(m_cli->keychainEntry(id, SecretKind::Credential).status, SecretResult::Status::NotFound);
    QCOMPARE(m_cli->keychainEntry(now.id, SecretKind::Credential).status, SecretResult::Status::NotFound);
}

void TestCliExchange::badFileChangesNothing() {
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"q"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const QByteArray before = accountsFile();
    const QString path = file(u"bad.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\":\"tokendesk-export\",\"version\":1,\"accounts\":[{\"name\":\"x\",\"providerId\":\"quadrata\","
            "\"baseUrl\":\"ftp://nowhere\"}]}");
    f.close();
    const CliRun run = m_cli->run({u"import"_s, path});
    CLI_EXPECT(run, 1);
    QVERIFY2(run.err.contains("accounts[0].baseUrl: must start with https://"), run.err.constData());
    QVERIFY2(run.err.contains("nothing was changed"), run.err.constData());
    QCOMPARE(accountsFile(), before);
    CLI_EXPECT(m_cli->run({u"import"_s, file(u"missing.json"_s)}), 1);
}

void TestCliExchange::exportUnknownAccount() {
    const CliRun run = m_cli->run({u"export"_s, u"nobody"_s});
    CLI_EXPECT(run, 2);
    QVERIFY(run.out.isEmpty());
}

void TestCliExchange::importMatchesNamesInAnyUnicodeForm() {
    const QByteArray nfc = "caf\xc3\xa9";
    const QByteArray nfd = "cafe\xcc\x81";
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, QString::fromUtf8(nfc), m_server->baseUrl(u"quadrata"_s)), 0);
    const QString path = file(u"nfd.json"_s);
    CLI_EXPECT(m_cli->run({u"export"_s, u"-o"_s, path}), 0);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    QVERIFY(bytes.contains(nfc));
    bytes.replace(nfc, nfd); // the same account, spelt with a combining accent
    f.resize(0);
    f.write(bytes);
    f.close();
    const QByteArray before = accountsFile();
    const CliRun run = m_cli->run({u"import"_s, path, u"--yes"_s});
    CLI_EXPECT(run, 0);
    QVERIFY2(!run.err.contains("+ "), run.describe().constData()); // nothing new
    QCOMPARE(m_cli->store()->count(), 1);
    QCOMPARE(accountsFile(), before);

    // One file naming both spellings names one account twice.
    QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QJsonArray accounts = root.value(u"accounts"_s).toArray();
    QCOMPARE(accounts.size(), 1);
    QJsonObject other = accounts.at(0).toObject();
    other.insert(u"name"_s, QString::fromUtf8(nfc));
    accounts.append(other);
    root.insert(u"accounts"_s, accounts);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(root).toJson());
    f.close();
    const CliRun both = m_cli->run({u"import"_s, path});
    CLI_EXPECT(both, 1);
    QVERIFY2(both.err.contains("names must be"), both.describe().constData());
}

// A credential the provider refused is not sent again on its own (the window's auth-header tab), until a
// good login or a new one: 'credential' stores a new one.
void TestCliExchange::newCredentialEndsTheRefusal() {
    CLI_EXPECT(m_cli->addDemo(u"b2b-api"_s, u"b2b"_s, m_server->baseUrl(u"b2b-api"_s)), 0);
    CLI_EXPECT(m_cli->run({u"credential"_s, u"b2b"_s}, "not-the-key\n"), 0);
    const CliRun refused = m_cli->run({u"login"_s, u"b2b"_s});
    QVERIFY2(refused.finished && refused.exitCode != 0, refused.describe().constData());
    QCOMPARE(m_cli->store()->findByName(u"b2b"_s)->token.credentialProblem, AuthError::Kind::CredentialsRejected);
    CLI_EXPECT(m_cli->run({u"credential"_s, u"b2b"_s}, CliHarness::demoSecret(u"b2b-api"_s) + '\n'), 0);
    QCOMPARE(m_cli->store()->findByName(u"b2b"_s)->token.credentialProblem, AuthError::Kind::None);
}

QTEST_GUILESS_MAIN(TestCliExchange)
// `import -` reads the file from stdin, as `export -o -` (or without -o) writes it to stdout.
void TestCliExchange::importDashReadsStdin() {
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"piped"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const CliRun exported = m_cli->run({u"export"_s, u"-o"_s, u"-"_s});
    CLI_EXPECT(exported, 0);
    m_cli->removeAllAccounts();

    const CliRun imported = m_cli->run({u"import"_s, u"-"_s}, exported.out);
    CLI_EXPECT(imported, 0);
    QVERIFY2(imported.err.contains("+ piped"), imported.describe().constData());
    QVERIFY(m_cli->store()->findByName(u"piped"_s));

    const CliRun again = m_cli->run({u"import"_s, u"-"_s}, exported.out);
    CLI_EXPECT(again, 0);
    QVERIFY2(again.err.contains("Nothing to import: everything in stdin is already here."), again.describe().constData());
    const CliRun bad = m_cli->run({u"import"_s, u"-"_s}, "not json");
    CLI_EXPECT(bad, 1);
    QVERIFY2(bad.err.contains("stdin cannot be imported"), bad.describe().constData());
}

// A file with names `add` refuses (control characters, escape sequences, bidi and zero-width characters, a
// leading '-') is refused as a whole, each entry named by its place with the name escaped, never raw.
void TestCliExchange::importRefusesNamesAddRefuses() {
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"q"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const QByteArray before = accountsFile();
    const QStringList names{u"x\u0000y"_s, u"a\u202eb"_s,   u"tab\tx"_s, u"nl\nz"_s,
                            u"zw\u200bsp"_s, u"esc\u001b]0;PWNED\u0007\u001b[2J\u001b[31mred"_s,
                            u"-dash"_s,    u"fine"_s};
    QJsonArray accounts;
    for (const QString &name : names)
        accounts.append(QJsonObject{{u"name"_s, name},
                                    {u"providerId"_s, u"quadrata"_s},
                                    {u"baseUrl"_s, m_server->baseUrl(u"quadrata"_s).toString()}});
    const QString path = file(u"odd.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonObject{{u"format"_s, u"tokendesk-export"_s},
                                      {u"version"_s, 1},
                                      {u"providers"_s, QJsonArray()},
                                      {u"accounts"_s, accounts}})
                .toJson());
    f.close();

    const CliRun run = m_cli->run({u"import"_s, path, u"--yes"_s});
    CLI_EXPECT(run, 1);
    QVERIFY2(run.err.contains("nothing was changed"), run.describe().constData());
    for (const char *expected : {"accounts[0].name: \"x\\x00y\"", "accounts[1].name: \"a\\u202eb\"",
                                 "accounts[2].name: \"tab\\tx\"", "accounts[3].name: \"nl\\nz\"",
                                 "accounts[4].name: \"zw\\u200bsp\"",
                                 "accounts[5].name: \"esc\\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31mred\"",
                                 "accounts[6].name: \"-dash\" must not start with '-'"})
        QVERIFY2(run.err.contains(expected), run.describe().constData());
    QVERIFY2(!run.err.contains("accounts[7]"), run.describe().constData());
    for (const char raw : {'\0', '\x07', '\x1b', '\t'})
        QVERIFY2(!run.err.contains(raw), run.describe().constData());
    QVERIFY2(!run.err.contains("\xe2\x80\xae") && !run.err.contains("\xe2\x80\x8b"), run.describe().constData());
    QCOMPARE(accountsFile(), before);
    QCOMPARE(m_cli->store()->count(), 1);
}

// An account file from before names were checked everywhere (or edited by hand) may hold such a name:
// the table shows it escaped, one line per account.
void TestCliExchange::listEscapesStoredNames() {
    const QString odd = u"esc\u001b]0;PWNED\u0007\u001b[2J\nz\u202e"_s;
    {
        const auto store = m_cli->store();
        Account a;
        a.id = Account::newId();
        a.name = odd;
        a.providerId = u"quadrata"_s;
        a.baseUrl = m_server->baseUrl(u"quadrata"_s);
        QVERIFY(store->add(a));
    }
    const CliRun list = m_cli->run({u"list"_s});
    CLI_EXPECT(list, 0);
    QVERIFY2(list.out.contains("esc\\x1b]0;PWNED\\x07\\x1b[2J\\nz\\u202e "), list.describe().constData());
    QVERIFY2(!list.out.contains('\x1b') && !list.out.contains('\x07') && !list.out.contains("\xe2\x80\xae"),
             list.describe().constData());
    QCOMPARE(list.out.count('\n'), 2); // the header and the one account
}

namespace {
mode_t fileType(const QString &path) {
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}
} // namespace

// `-o` to something that is not a regular file writes to it and never replaces it: a FIFO with a reader
// (`mkfifo p; gpg -c < p &`), /dev/stdout on a pipe, a character device such as /dev/null.
void TestCliExchange::exportToFifoAndDevices() {
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"piped"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const CliRun reference = m_cli->run({u"export"_s});
    CLI_EXPECT(reference, 0);
    QVERIFY(reference.out.contains("\"piped\""));

    // Outside the XDG directories, which cleanup() reads file by file (opening a FIFO there would block).
    QTemporaryDir specials;
    QVERIFY(specials.isValid());
    const QString fifo = specials.filePath(u"fifo"_s);
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QProcess reader; // `cat fifo`, as `gpg -c < fifo` would read it
    reader.start(u"cat"_s, {fifo});
    QVERIFY(reader.waitForStarted());
    const CliRun toFifo = m_cli->run({u"export"_s, u"-o"_s, fifo}, {}, 20000);
    if (!reader.waitForFinished(5000)) // the file was replaced and nobody writes to the FIFO cat opened
        reader.kill();
    reader.waitForFinished();
    const QByteArray received = reader.readAllStandardOutput();
    CLI_EXPECT(toFifo, 0);
    QCOMPARE(fileType(fifo), mode_t(S_IFIFO));
    QCOMPARE(received.trimmed(), reference.out.trimmed());

    // stdout is a pipe here (QProcess): /dev/stdout names it.
    const CliRun toStdout = m_cli->run({u"export"_s, u"-o"_s, u"/dev/stdout"_s});
    CLI_EXPECT(toStdout, 0);
    QCOMPARE(toStdout.out.trimmed(), reference.out.trimmed());

    // A character device stays one. As root, a private copy of /dev/null: a regression must not replace the
    // machine's own.
    QString device = u"/dev/null"_s;
    if (::geteuid() == 0) {
        device = specials.filePath(u"null"_s);
        if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
            QSKIP("root without mknod: not trying the character device");
    }
    const CliRun toDevice = m_cli->run({u"export"_s, u"-o"_s, device});
    CLI_EXPECT(toDevice, 0);
    QCOMPARE(fileType(device), mode_t(S_IFCHR));
    QVERIFY2(toDevice.err.contains("Exported 1 account"), toDevice.describe().constData());

    // A directory is neither: refused, and left alone.
    const CliRun toDirectory = m_cli->run({u"export"_s, u"-o"_s, m_cli->configDirectory()});
    CLI_EXPECT(toDirectory, 1);
    QCOMPARE(fileType(m_cli->configDirectory()), mode_t(S_IFDIR));
}

void TestCliExchange::exportToEmptyPathIsUsageError() {
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"q"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const CliRun run = m_cli->run({u"export"_s, u"-o"_s, QString()});
    CLI_EXPECT(run, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("-o needs a file name"), run.describe().constData());
}

// An account whose provider profile was removed or whose profile file is broken would make the whole file
// unimportable: export refuses (exit 1), naming the accounts and their profiles, and writes nothing.
void TestCliExchange::exportRefusesAccountsWithoutProfile() {
    for (const QString &name : {u"gone"_s, u"broken"_s, u"fine"_s})
        CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, name, m_server->baseUrl(u"quadrata"_s)), 0);
    QVERIFY(QDir().mkpath(file(u"providers"_s)));
    QFile brokenProfile(file(u"providers/ev5.json"_s));
    QVERIFY(brokenProfile.open(QIODevice::WriteOnly));
    brokenProfile.write(R"({"format":1,"id":"ev5","name":"broken")");
    brokenProfile.close();
    {
        const auto store = m_cli->store();
        QVERIFY(store->modify(m_cli->idOf(u"gone"_s), [](Account &a) { a.providerId = u"ev1"_s; }));
        QVERIFY(store->modify(m_cli->idOf(u"broken"_s), [](Account &a) { a.providerId = u"ev5"_s; }));
    }
    const QString path = file(u"team.json"_s);
    const CliRun run = m_cli->run({u"export"_s, u"-o"_s, path});
    CLI_EXPECT(run, 1);
    QVERIFY2(run.err.contains("Nothing was exported"), run.describe().constData());
    QVERIFY2(run.err.contains("\"gone\" (ev1), \"broken\" (ev5)"), run.describe().constData());
    QVERIFY2(!run.err.contains("\"fine\""), run.describe().constData());
    QVERIFY(!QFile::exists(path));
    const CliRun toStdout = m_cli->run({u"export"_s, u"gone"_s});
    CLI_EXPECT(toStdout, 1);
    QVERIFY(toStdout.out.isEmpty());
    // The others still go, named.
    const CliRun named = m_cli->run({u"export"_s, u"fine"_s});
    CLI_EXPECT(named, 0);
    QCOMPARE(parseJson(named.out).object().value(u"accounts"_s).toArray().size(), 1);
}

#include "tst_cli_exchange.moc"
