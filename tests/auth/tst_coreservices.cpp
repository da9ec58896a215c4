// CoreServices as the GUI and the CLI build it: one config directory, and what one process writes
// reaches the other's account list by itself, one account at a time.
#include "CoreServices.h"
#include "accounts/Account.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCoreServices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sharesTheConfigDirectory();
    void seesAnotherProcessesChanges();
    void withoutWatchingReadsOnce();
    void inMemoryWritesNothing();
};

void TestCoreServices::sharesTheConfigDirectory()
{
    QTemporaryDir dir;
    CoreOptions options;
    options.configDirectory = dir.path();
    CoreServices core(options);
    QCOMPARE(core.accounts()->path(), QDir(dir.path()).filePath(QStringLiteral("accounts.json")));
    QCOMPARE(core.lockDirectory(), QDir(dir.path()).filePath(QStringLiteral("locks")));
    QVERIFY(core.loadResult().ok());
    qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
    QCOMPARE(CoreServices::defaultConfigDirectory(), QDir(dir.path()).filePath(QStringLiteral("tokendesk")));
}

void TestCoreServices::seesAnotherProcessesChanges()
{
    QTemporaryDir dir;
    CoreOptions options;
    options.configDirectory = dir.path();
    CoreServices gui(options);
    CoreServices cli(options);
    QSignalSpy added(gui.accounts(), &AccountStore::accountAdded);
    QSignalSpy changed(gui.accounts(), &AccountStore::accountChanged);
    QSignalSpy reset(gui.accounts(), &AccountStore::accountsReloaded);

    Account a;
    a.id = Account::newId();
    a.name = QStringLiteral("prod-kyc");
    a.providerId = QStringLiteral("kyc-jwt");
    a.baseUrl = QUrl(QStringLiteral("https://kyc.example.com"));
    a.username = QStringLiteral("ops");
    QVERIFY(cli.accounts()->add(a).ok);
    QTRY_COMPARE(added.count(), 1);
    QCOMPARE(gui.accounts()->account(a.id).value_or(Account{}).name, QStringLiteral("prod-kyc"));

    a.token.hasAccessToken = true;
    a.token.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(300);
    QVERIFY(cli.accounts()->update(a).ok);
    QTRY_VERIFY(changed.count() >= 1);
    QVERIFY(gui.accounts()->account(a.id)->token.hasAccessToken);
    QCOMPARE(reset.count(), 0); // narrow: no model reset, the selection survives
}

// The CLI's set-up: the files are read once, nothing follows them, and the config directory is still made
// private.
void TestCoreServices::withoutWatchingReadsOnce()
{
    QTemporaryDir dir;
    CoreOptions options;
    options.configDirectory = QDir(dir.path()).filePath(QStringLiteral("tokendesk"));
    options.watchForChanges = false;
    CoreServices cli(options);
    QVERIFY(QFileInfo(options.configDirectory).isDir());
    QCOMPARE(QFileInfo(options.configDirectory).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    options.watchForChanges = true;
    CoreServices writer(options);
    QSignalSpy added(cli.accounts(), &AccountStore::accountAdded);
    QSignalSpy seen(writer.accounts(), &AccountStore::accountAdded);

    Account a;
    a.id = Account::newId();
    a.name = QStringLiteral("prod-kyc");
    a.providerId = QStringLiteral("kyc-jwt");
    a.baseUrl = QUrl(QStringLiteral("https://kyc.example.com"));
    QVERIFY(CoreServices(CoreOptions{options.configDirectory}).accounts()->add(a).ok);
    QTRY_COMPARE(seen.count(), 1); // the watching one follows; by then the other would have too
    QTest::qWait(300);
    QCOMPARE(added.count(), 0);
    QVERIFY(!cli.accounts()->account(a.id));
    QVERIFY(cli.accounts()->reloadAccount(a.id)); // a command that needs the account reads it
}

void TestCoreServices::inMemoryWritesNothing()
{
    QTemporaryDir dir;
    CoreOptions options;
    options.configDirectory = dir.path();
    options.inMemory = true;
    {
        CoreServices core(options);
        Account a;
        a.id = Account::newId();
        a.name = QStringLiteral("demo");
        a.providerId = QStringLiteral("quadrata");
        a.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/quadrata"));
        QVERIFY(core.accounts()->add(a).ok);
        QVERIFY(!core.lockDirectory().startsWith(dir.path()));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

QTEST_GUILESS_MAIN(TestCoreServices)
#include "tst_coreservices.moc"
