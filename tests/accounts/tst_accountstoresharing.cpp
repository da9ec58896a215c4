// Several processes on one account file: a file broken by another process, merging instead of clobbering,
// changes and removals made elsewhere, and the lock another process holds or left behind.
#include "AccountStoreTestSupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>

class TestAccountStoreSharing : public AccountStoreTest {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void fileBrokenByAnotherProcessTurnsReadOnly() {
        AccountStore store(path());
        QVERIFY(store.load().ok());
        QVERIFY(store.add(makeAccount(QStringLiteral("a"))).ok);
        const QByteArray garbage("{ hand-edited and broken");
        writeAll(path(), garbage);
        const AccountStore::Result r = store.add(makeAccount(QStringLiteral("b")));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QDir::toNativeSeparators(path())), qPrintable(r.error));
        QVERIFY(!store.isWritable());
        QCOMPARE(store.count(), 1); // what it had is still shown
        QCOMPARE(readAll(path()), garbage);

        // Fixed by hand: an explicit reload makes it writable again.
        writeAll(path(), json("{'version': 1, 'accounts': []}"));
        QVERIFY(store.reload().ok());
        QVERIFY(store.isWritable());
        QVERIFY(store.add(makeAccount(QStringLiteral("b"))).ok);
    }

    // A running window: the broken file is noticed on the next sync, and the repaired one too, without a
    // reload or a restart; a change made right after the repair reads the file again first.
    void repairedFileIsTakenUpWithoutReload() {
        AccountStore store(path());
        QVERIFY(store.load().ok());
        QVERIFY(store.add(makeAccount(QStringLiteral("a"))).ok);
        const QByteArray good = readAll(path());
        QSignalSpy writable(&store, &AccountStore::writableChanged);
        writeAll(path(), "{ broken");
        store.syncFromDisk();
        QVERIFY(!store.isWritable());
        writeAll(path(), good);
        store.syncFromDisk();
        QVERIFY(store.isWritable());
        QCOMPARE(writable.count(), 2);

        writeAll(path(), "{ broken again");
        store.syncFromDisk();
        QVERIFY(!store.isWritable());
        writeAll(path(), good);
        QVERIFY(store.add(makeAccount(QStringLiteral("b"))).ok);
        QVERIFY(store.isWritable());
        QCOMPARE(store.count(), 2);
    }

    void twoProcessesMergeInsteadOfClobbering() {
        AccountStore gui(path());
        AccountStore cli(path());
        QVERIFY(gui.load().ok());
        QVERIFY(cli.load().ok());

        Account a = makeAccount(QStringLiteral("gui-account"));
        Account b = makeAccount(QStringLiteral("cli-account"));
        QVERIFY(gui.add(a).ok);
        QSignalSpy cliAdded(&cli, &AccountStore::accountAdded);
        QVERIFY(cli.add(b).ok); // cli never reloaded: it must not drop gui's account
        QCOMPARE(cli.count(), 2);
        QCOMPARE(cliAdded.count(), 2); // both accounts are new to cli, one signal each

        a.username = QStringLiteral("changed-by-gui");
        QVERIFY(gui.update(a).ok); // gui never saw b: it must not drop it
        QCOMPARE(gui.count(), 2);
        QVERIFY(gui.contains(b.id));

        b.username = QStringLiteral("changed-by-cli");
        QVERIFY(cli.update(b).ok); // cli holds a stale copy of a: updating b must not revert a
        QCOMPARE(cli.account(a.id)->username, QStringLiteral("changed-by-gui"));

        AccountStore reader(path());
        QVERIFY(reader.load().ok());
        QCOMPARE(reader.count(), 2);
        QCOMPARE(reader.account(a.id)->username, QStringLiteral("changed-by-gui"));
        QCOMPARE(reader.account(b.id)->username, QStringLiteral("changed-by-cli"));
    }

    void modifyChangesOnlyTheGivenFieldsOfTheFreshCopy() {
        AccountStore gui(path());
        AccountStore cli(path());
        QVERIFY(gui.load().ok());
        Account a = makeAccount(QStringLiteral("a"));
        QVERIFY(gui.add(a).ok);
        QVERIFY(cli.load().ok());

        QVERIFY(gui.modify(a.id, [](Account &x) { x.username = QStringLiteral("gui"); }).ok);
        const QDateTime expiry = QDateTime(QDate(2031, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(cli.modify(a.id, [&](Account &x) { x.token.accessExpiresAt = expiry; }).ok);
        QCOMPARE(cli.account(a.id)->username, QStringLiteral("gui"));
        QCOMPARE(cli.account(a.id)->token.accessExpiresAt, expiry);
    }

    void reloadAccountSeesTheOtherProcessesChange() {
        AccountStore gui(path());
        AccountStore cli(path());
        QVERIFY(gui.load().ok());
        Account a = makeAccount(QStringLiteral("a"));
        Account b = makeAccount(QStringLiteral("b"));
        QVERIFY(gui.add(a).ok);
        QVERIFY(gui.add(b).ok);
        QVERIFY(cli.load().ok());

        const QDateTime expiry = QDateTime(QDate(2031, 1, 1), QTime(0, 0, 0, 250), Qt::UTC);
        QVERIFY(cli.modify(a.id, [&](Account &x) { x.token.accessExpiresAt = expiry; }).ok);

        QSignalSpy changed(&gui, &AccountStore::accountChanged);
        QSignalSpy added(&gui, &AccountStore::accountAdded);
        QSignalSpy removed(&gui, &AccountStore::accountRemoved);
        QSignalSpy reloaded(&gui, &AccountStore::accountsReloaded);
        const std::optional<Account> fresh = gui.reloadAccount(a.id);
        QVERIFY(fresh);
        QCOMPARE(fresh->token.accessExpiresAt, expiry);
        QCOMPARE(gui.account(a.id)->token.accessExpiresAt, expiry);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toString(), a.id);
        QCOMPARE(added.count() + removed.count() + reloaded.count(), 0);

        // Nothing changed since: no signal at all.
        QVERIFY(gui.reloadAccount(a.id));
        QCOMPARE(changed.count(), 1);

        QVERIFY(cli.remove(a.id).ok);
        QVERIFY(!gui.reloadAccount(a.id));
        QCOMPARE(removed.count(), 1);
    }

    void updateOfAnAccountRemovedElsewhereFails() {
        AccountStore gui(path());
        AccountStore cli(path());
        QVERIFY(gui.load().ok());
        Account a = makeAccount(QStringLiteral("doomed"));
        QVERIFY(gui.add(a).ok);
        QVERIFY(cli.load().ok());
        QVERIFY(cli.remove(a.id).ok);

        QSignalSpy removed(&gui, &AccountStore::accountRemoved);
        a.username = QStringLiteral("x");
        const AccountStore::Result r = gui.update(a);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("doomed")), qPrintable(r.error));
        QCOMPARE(removed.count(), 1); // gui adopts what happened on disk
        QVERIFY(!gui.contains(a.id));
        QVERIFY(!QFile::exists(path()) || !readAll(path()).contains(a.id.toUtf8()));

        QVERIFY(!gui.remove(a.id).ok); // gui has adopted the removal: the id is unknown now
    }

    void removingAnAccountRemovedElsewhereSucceeds() {
        AccountStore gui(path());
        AccountStore cli(path());
        QVERIFY(gui.load().ok());
        const Account a = makeAccount(QStringLiteral("a"));
        QVERIFY(gui.add(a).ok);
        QVERIFY(cli.load().ok());
        QVERIFY(cli.remove(a.id).ok);

        QSignalSpy removed(&gui, &AccountStore::accountRemoved);
        QVERIFY(gui.remove(a.id).ok); // gui still showed it: the wish is fulfilled
        QCOMPARE(removed.count(), 1);
        QVERIFY(!gui.contains(a.id));
    }

    void lockHeldByAnotherProcessTimesOut() {
        AccountStore store(path());
        QVERIFY(store.load().ok());
        store.setLockTimeout(std::chrono::milliseconds(200));
        QVERIFY(QDir().mkpath(QFileInfo(path()).absolutePath()));
        const int other = ::open(QFile::encodeName(path() + QStringLiteral(".lock")).constData(),
                                 O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        QVERIFY(other >= 0 && ::flock(other, LOCK_EX | LOCK_NB) == 0); // as another process holds it
        QElapsedTimer timer;
        timer.start();
        const AccountStore::Result r = store.add(makeAccount(QStringLiteral("a")));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("another TokenDesk process")), qPrintable(r.error));
        QVERIFY(timer.elapsed() < 2000);
        QVERIFY(!QFile::exists(path()));
        ::close(other);
        QVERIFY(store.add(makeAccount(QStringLiteral("a"))).ok);
    }

    void lockLeftByADeadProcessIsTakenOver() {
        QProcess finished;
        finished.start(QStringLiteral("true"), {});
        QVERIFY(finished.waitForStarted());
        const qint64 deadPid = finished.processId();
        QVERIFY(finished.waitForFinished());
        writeAll(path() + QStringLiteral(".lock"), QByteArray::number(deadPid) + "\ntokendesk-cli\n" +
                                                       QSysInfo::machineHostName().toUtf8() + "\n");

        AccountStore store(path());
        QVERIFY(store.load().ok());
        store.setLockTimeout(std::chrono::milliseconds(1000));
        const AccountStore::Result r = store.add(makeAccount(QStringLiteral("a")));
        QVERIFY2(r.ok, qPrintable(r.error));
    }

};

QTEST_GUILESS_MAIN(TestAccountStoreSharing)
#include "tst_accountstoresharing.moc"
