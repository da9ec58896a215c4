// What import and export refuse, against the real core: bad files refused with the place named and the
// account file untouched, all or nothing, no insecure opt-in imported, huge versions, too many accounts,
// a FIFO read only up to the limit, and a profile with a literal secret never exported.
#include "CoreFixture.h"
#include "ExchangeTestSupport.h"

#include "accounts/AccountExchange.h"
#include "accounts/AccountExport.h"
#include "accounts/AccountImport.h"
#include "accounts/ImportPlan.h"

#include <thread>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ExchangeTest;

class TestExchangeRefusals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badFiles_data();
    void badFiles();
    void allOrNothing();
    void insecureOptInNeverImported();
    void hugeVersionRefused();
    void tooManyAccountsRefused();
    void readFileFromFifoIsBounded();
    void exportRefusesLiteralSecretInProfile();
};

void TestExchangeRefusals::insecureOptInNeverImported()
{
    CoreFixture f;
    const QString kept = f.addAccount(QStringLiteral("quadrata"), QStringLiteral("kept"));
    QVERIFY(f.store->modify(kept, [](Account &a) {
        a.baseUrl = QUrl(QStringLiteral("http://kept.example.com"));
        a.allowInsecureHttp = true;
    }));
    const QByteArray file =
        "{\"format\":\"tokendesk-export\",\"version\":1,\"accounts\":["
        "{\"name\":\"plain\",\"providerId\":\"quadrata\",\"baseUrl\":\"http://api.example.com\","
        "\"allowInsecureHttp\":true},"
        "{\"name\":\"kept\",\"providerId\":\"quadrata\",\"baseUrl\":\"http://kept.example.com\","
        "\"allowInsecureHttp\":false,\"keepSignedIn\":false}]}";
    const AccountImport::Parsed parsed = AccountImport::parse(file, f.registry);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
    const ImportPlan plan = ImportPlan::make(parsed, *f.store, f.registry);
    QVERIFY(plan.accounts.at(0).needsInsecureOptIn);
    QVERIFY(!plan.accounts.at(0).incoming.allowInsecureHttp);
    QCOMPARE(plan.accounts.at(1).changedFields, QStringList{QStringLiteral("keepSignedIn")});
    const ImportPlan::Result result = plan.apply(true, f.store.get(), &f.registry);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!f.store->findByName(QStringLiteral("plain"))->allowInsecureHttp);
    QVERIFY(f.account(kept).allowInsecureHttp); // an existing account keeps its own value
    QVERIFY(!f.account(kept).keepSignedIn);
}

void TestExchangeRefusals::hugeVersionRefused()
{
    CoreFixture f;
    const AccountImport::Parsed parsed = AccountImport::parse(
        "{\"format\":\"tokendesk-export\",\"version\":1e300,\"accounts\":[]}", f.registry);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.errors.join(u'\n').contains(QStringLiteral("version")), qPrintable(parsed.errors.join(u'\n')));
}

void TestExchangeRefusals::tooManyAccountsRefused()
{
    CoreFixture f;
    QByteArray file = "{\"format\":\"tokendesk-export\",\"version\":1,\"accounts\":[";
    for (int i = 0; i <= AccountImport::kMaxAccounts; ++i)
        file += (i ? "," : "") + QByteArray("{}");
    file += "]}";
    const AccountImport::Parsed parsed = AccountImport::parse(file, f.registry);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.errors.constFirst().contains(QStringLiteral("at most 10000")), qPrintable(parsed.errors.constFirst()));
}

void TestExchangeRefusals::readFileFromFifoIsBounded()
{
    CoreFixture f;
    const QString fifo = f.dir.filePath(QStringLiteral("pipe"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // A writer of 8 × the limit: the reader must stop after kMaxFileSize + 1 bytes (the writer then gets
    // EPIPE), not read everything there is (the size of a FIFO is 0).
    ::signal(SIGPIPE, SIG_IGN);
    const qint64 offered = AccountExchange::kMaxFileSize * 8;
    qint64 total = 0;
    std::thread writer([fifo, offered, &total] {
        const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY);
        if (fd < 0)
            return;
        const QByteArray chunk(64 * 1024, ' ');
        while (total < offered) {
            const ssize_t n = ::write(fd, chunk.constData(), size_t(chunk.size()));
            if (n <= 0)
                break;
            total += n;
        }
        ::close(fd);
    });
    const AccountImport::Parsed parsed = AccountImport::readFile(fifo, f.registry);
    writer.join();
    QVERIFY2(total < offered, "the whole stream was read");
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.errors.constFirst().contains(QStringLiteral("larger than")), qPrintable(parsed.errors.constFirst()));
}

void TestExchangeRefusals::badFiles_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("problem");
    const QByteArray good = "{'format':'tokendesk-export','version':1,'accounts':[%1],'providers':[%2]}";
    const auto doc = [&](const char *accounts, const char *providers = "") {
        return QByteArray(good).replace("%1", accounts).replace("%2", providers).replace('\'', '"');
    };
    const char *ok = "{'name':'a','providerId':'quadrata','baseUrl':'https://int.quadrata.com'}";
    QTest::newRow("not JSON") << QByteArray("name,provider\nx,y\n") << QStringLiteral("not valid JSON");
    QTest::newRow("truncated") << doc(ok).left(60) << QStringLiteral("not valid JSON");
    QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("JSON object");
    QTest::newRow("wrong format") << QByteArray("{\"version\":1,\"accounts\":[]}") << QStringLiteral("format: is missing");
    QTest::newRow("account file") << QByteArray("{\"format\":\"accounts\",\"version\":1,\"accounts\":[]}")
                                  << QStringLiteral("format: must be \"tokendesk-export\"");
    QTest::newRow("newer version") << doc(ok).replace("\"version\":1", "\"version\":2")
                                   << QStringLiteral("version: 2 is newer");
    QTest::newRow("missing accounts") << QByteArray("{\"format\":\"tokendesk-export\",\"version\":1}")
                                      << QStringLiteral("accounts: is missing");
    QTest::newRow("missing name") << doc("{'providerId':'quadrata','baseUrl':'https://int.quadrata.com'}")
                                  << QStringLiteral("accounts[0].name: is missing");
    QTest::newRow("bad URL") << doc("{'name':'a','providerId':'quadrata','baseUrl':'https://int.quadrata.com'},"
                                    "{'name':'b','providerId':'quadrata','baseUrl':'not a url'}")
                             << QStringLiteral("accounts[1].baseUrl: not a URL");
    QTest::newRow("ftp URL") << doc("{'name':'a','providerId':'quadrata','baseUrl':'ftp://x.example.com'}")
                             << QStringLiteral("accounts[0].baseUrl: must start with https://");
    QTest::newRow("unknown provider") << doc("{'name':'a','providerId':'nope','baseUrl':'https://x.example.com'}")
                                      << QStringLiteral("accounts[0].providerId: unknown provider \"nope\"");
    QTest::newRow("duplicate names") << doc("{'name':'a','providerId':'quadrata','baseUrl':'https://int.quadrata.com'},"
                                            "{'name':'b','providerId':'quadrata','baseUrl':'https://int.quadrata.com'},"
                                            "{'name':'a','providerId':'quadrata','baseUrl':'https://prod.quadrata.com'}")
                                     << QStringLiteral("accounts[2].name: \"a\" is also the name of accounts[0]");
    // The name rule of `add` and the account dialog; the name is quoted with its invisible characters escaped.
    const auto named = [&](const char *name) {
        const QByteArray account =
            QByteArray("{'name':'") + name + "','providerId':'quadrata','baseUrl':'https://int.quadrata.com'}";
        return doc(account.constData());
    };
    QTest::newRow("name: newline") << named("nl\\nz") << QStringLiteral("accounts[0].name: \"nl\\nz\" must not contain control");
    QTest::newRow("name: NUL") << named("x\\u0000y") << QStringLiteral("accounts[0].name: \"x\\x00y\" must not contain control");
    QTest::newRow("name: escape sequence")
        << named("esc\\u001b]0;PWNED\\u0007\\u001b[2J")
        << QStringLiteral("accounts[0].name: \"esc\\x1b]0;PWNED\\x07\\x1b[2J\" must not contain control");
    QTest::newRow("name: bidi override") << named("a\\u202eb") << QStringLiteral("\"a\\u202eb\" must not contain");
    QTest::newRow("name: bidi isolate") << named("bidi\\u2066x") << QStringLiteral("\"bidi\\u2066x\" must not contain");
    QTest::newRow("name: zero width") << named("zw\\u200bsp") << QStringLiteral("\"zw\\u200bsp\" must not contain");
    QTest::newRow("name: leading dash") << named("-dash") << QStringLiteral("accounts[0].name: \"-dash\" must not start with '-'");
    QTest::newRow("name: surrounding space") << named(" a") << QStringLiteral("accounts[0].name: must not start or end");
    QTest::newRow("unknown field with escape")
        << doc("{'name':'a','providerId':'quadrata','baseUrl':'https://int.quadrata.com','x\\u001b[2J':1}")
        << QStringLiteral("accounts[0].x\\x1b[2J: unknown field");
    QTest::newRow("username needed") << doc("{'name':'a','providerId':'b2b-api','baseUrl':'https://b.example.com'}")
                                     << QStringLiteral("accounts[0].username: is missing");
    QTest::newRow("carries a secret") << doc("{'name':'a','providerId':'quadrata','baseUrl':'https://int.quadrata.com',"
                                             "'apiKey':'x'}")
                                      << QStringLiteral("accounts[0].apiKey: a shared file must not carry secrets");
    QTest::newRow("bad flag") << doc("{'name':'a','providerId':'quadrata','baseUrl':'https://int.quadrata.com',"
                                     "'keepSignedIn':'yes'}")
                              << QStringLiteral("accounts[0].keepSignedIn: must be true or false");
    QTest::newRow("bad profile") << doc(ok, "{'format':1,'id':'x','name':'X','credential':'api_key',"
                                            "'login':{'path':'login','fields':{'k':'{secret}'}},"
                                            "'response':{'accessToken':'/t'}}")
                                 << QStringLiteral("providers[0]: field 'login.path'");
    QTest::newRow("built-in profile") << doc(ok, "{'format':1,'id':'quadrata','name':'X','credential':'api_key',"
                                                 "'login':{'path':'/login','fields':{'k':'{secret}'}},"
                                                 "'response':{'accessToken':'/t'}}")
                                      << QStringLiteral("providers[0].id: \"quadrata\" is a built-in provider");
}

void TestExchangeRefusals::badFiles()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, problem);
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("quadrata"), QStringLiteral("a"));
    QVERIFY(!f.login(id).error);
    const QByteArray before = readAll(f.store->path());
    const AccountImport::Parsed parsed = AccountImport::parse(file, f.registry);
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.accounts.isEmpty());
    QVERIFY2(parsed.errors.join(u'\n').contains(problem), qPrintable(parsed.errors.join(u'\n')));
    for (const QString &error : parsed.errors) {
        for (const QChar c : error)
            QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format, qPrintable(error));
    }
    QCOMPARE(readAll(f.store->path()), before);
    QCOMPARE(f.registry.profiles().size(), 5);
}

void TestExchangeRefusals::allOrNothing()
{
    CoreFixture f;
    QTemporaryDir profiles;
    f.registry.setUserDirectory(profiles.path());
    QTemporaryDir source;
    AccountStore elsewhere(source.filePath(QStringLiteral("accounts.json")));
    elsewhere.load();
    ProviderRegistry theirs;
    QVERIFY(theirs.saveUserProfile(customProfile(), nullptr));
    Account one;
    one.id = Account::newId();
    one.name = QStringLiteral("first");
    one.providerId = QStringLiteral("acme-keys");
    one.baseUrl = QUrl(QStringLiteral("https://acme.example.com"));
    Account two = one;
    two.id = Account::newId();
    two.name = QStringLiteral("second");
    const QByteArray file = AccountExport::build({one, two}, theirs, false).json;

    const ImportPlan plan = ImportPlan::make(AccountImport::parse(file, f.registry), *f.store, f.registry);
    QCOMPARE(plan.count(ImportPlan::Action::Add), 2);
    // Meanwhile another process adds "second": the import must fail as a whole.
    f.addAccount(QStringLiteral("quadrata"), QStringLiteral("second"));
    const QByteArray before = readAll(f.store->path());
    const ImportPlan::Result result = plan.apply(true, f.store.get(), &f.registry);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("second")), qPrintable(result.error));
    QCOMPARE(readAll(f.store->path()), before);
    QVERIFY(!f.store->findByName(QStringLiteral("first")));
    QVERIFY(!f.registry.find(QStringLiteral("acme-keys"))); // the profile written for them is taken back
    QVERIFY(!QFile::exists(profiles.filePath(QStringLiteral("acme-keys.json"))));
}

void TestExchangeRefusals::exportRefusesLiteralSecretInProfile()
{
    CoreFixture f;
    QJsonObject profile = QJsonDocument::fromJson(customProfile()).object();
    QJsonObject login = profile.value(QLatin1String("login")).toObject();
    QJsonObject fields = login.value(QLatin1String("fields")).toObject();
    fields.insert(QStringLiteral("client_secret"), QStringLiteral("s3cr3t-literal"));
    login.insert(QLatin1String("fields"), fields);
    profile.insert(QLatin1String("login"), login);
    QString error;
    QVERIFY2(f.registry.saveUserProfile(QJsonDocument(profile).toJson(), &error), qPrintable(error));
    const QString id = f.addAccount(QStringLiteral("quadrata"), QStringLiteral("acme"));
    QVERIFY(f.store->modify(id, [](Account &a) { a.providerId = QStringLiteral("acme-keys"); }));
    const AccountExport::Document doc = AccountExport::build({f.account(id)}, f.registry, false);
    QVERIFY(doc.json.isEmpty());
    QVERIFY2(doc.error.contains(QStringLiteral("\"acme-keys\"")) && doc.error.contains(QStringLiteral("login.fields.client_secret")),
             qPrintable(doc.error));
    QVERIFY(!doc.json.contains("s3cr3t-literal"));
    // Placeholders only (the preset's own fields): exported.
    ProviderRegistry clean;
    QVERIFY(clean.saveUserProfile(customProfile(), nullptr));
    const AccountExport::Document fine = AccountExport::build({f.account(id)}, clean, false);
    QVERIFY2(fine.error.isEmpty(), qPrintable(fine.error));
    QVERIFY(fine.json.contains("acme-keys"));
}

QTEST_GUILESS_MAIN(TestExchangeRefusals)
#include "tst_exchangerefusals.moc"
