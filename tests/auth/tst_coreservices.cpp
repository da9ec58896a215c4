// CoreServices as the GUI and the CLI build it: one config directory, and what one process writes
// reaches the other's account list by itself, one account at a time.
#include "CoreServices.h"
#include "accounts/Account.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCoreServices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sharesTheConfigDirectory();
    void seesAnotherProcessesChanges();
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
