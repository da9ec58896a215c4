// AccountStore's changes: unique names, invalid accounts refused before writing, narrow signals, failed
// changes and failed writes that change nothing, and the in-memory store that writes nothing.
#include "AccountStoreTestSupport.h"

#include <QSignalSpy>

class TestAccountStoreChanges : public AccountStoreTest {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void failedAddAndRemoveChangeNothing() {
        FailingStore store(path());
        QVERIFY(store.load().ok());
        const Account a = makeAccount(QStringLiteral("a"));
        const Account b = makeAccount(QStringLiteral("b"));
        QVERIFY(store.add(a).ok);
        QVERIFY(store.add(b).ok);
        const QByteArray before = readAll(path());

        store.failWrites = true;
        QSignalSpy added(&store, &AccountStore::accountAdded);
        QSignalSpy removed(&store, &AccountStore::accountRemoved);
        QVERIFY(!store.add(makeAccount(QStringLiteral("c"))).ok);
        QVERIFY(!store.remove(a.id).ok);
        QCOMPARE(added.count() + removed.count(), 0);
        QCOMPARE(store.count(), 2);
        QCOMPARE(store.accounts().at(0).id, a.id); // back where it was
        QCOMPARE(store.account(b.id)->name, QStringLiteral("b"));
        QVERIFY(!store.findByName(QStringLiteral("c")));
        QCOMPARE(readAll(path()), before);

        store.failWrites = false; // and the store goes on from the state on disk
        QVERIFY(store.remove(a.id).ok);
        QVERIFY(store.add(makeAccount(QStringLiteral("c"))).ok);
        AccountStore reader(path());
        QVERIFY(reader.load().ok());
        QCOMPARE(reader.count(), 2);
        QVERIFY(reader.findByName(QStringLiteral("b")) && reader.findByName(QStringLiteral("c")));
    }

    // A removal re-numbers only the accounts after it; every account stays reachable by id, also after a
    // failed removal puts its account back.
    void removalKeepsOthersReachableById() {
        FailingStore store(path());
        QVERIFY(store.load().ok());
        QList<Account> list;
        for (const char *name : {"a", "b", "c", "d"}) {
            list.append(makeAccount(QString::fromLatin1(name)));
            QVERIFY(store.add(list.constLast()).ok);
        }
        QVERIFY(store.remove(list[1].id).ok);
        for (const int i : {0, 2, 3})
            QCOMPARE(store.account(list[i].id)->name, list[i].name);
        QVERIFY(!store.account(list[1].id));
        Account d = list[3];
        d.username = QStringLiteral("changed");
        QVERIFY(store.update(d).ok);

        store.failWrites = true;
        QVERIFY(!store.remove(list[2].id).ok); // put back where it was
        QCOMPARE(store.count(), 3);
        QCOMPARE(store.accounts().at(1).id, list[2].id);
        for (const int i : {0, 2, 3})
            QCOMPARE(store.account(list[i].id)->name, list[i].name);
        store.failWrites = false;
        QVERIFY(store.remove(list[0].id).ok);
        QCOMPARE(store.account(list[3].id)->username, QStringLiteral("changed"));

        AccountStore reader(path());
        QVERIFY(reader.load().ok());
        QCOMPARE(reader.count(), 2);
        QCOMPARE(reader.account(list[3].id)->username, QStringLiteral("changed"));
    }

    void namesAreUnique() {
        AccountStore store(path());
        QVERIFY(store.load().ok());
        const Account a = makeAccount(QStringLiteral("prod"));
        Account b = makeAccount(QStringLiteral("stage"));
        QVERIFY(store.add(a).ok);
        QVERIFY(store.add(b).ok);

        AccountStore::Result r = store.add(makeAccount(QStringLiteral("prod")));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("\"prod\"")), qPrintable(r.error));

        b.name = QStringLiteral("prod");
        r = store.update(b);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("\"prod\"")), qPrintable(r.error));
        QCOMPARE(store.account(b.id)->name, QStringLiteral("stage"));

        // Across processes: the other one took the name after this one last looked.
        AccountStore other(path());
        QVERIFY(other.load().ok());
        QVERIFY(other.add(makeAccount(QStringLiteral("qa"))).ok);
        r = store.add(makeAccount(QStringLiteral("qa")));
        QVERIFY(!r.ok);
        QVERIFY(store.findByName(QStringLiteral("qa"))); // and now it shows why

        QVERIFY(store.update(store.account(a.id).value()).ok); // keeping its own name is fine
    }

    void namesAreOneSpellingWhateverTheUnicodeForm() {
        // "café" precomposed (NFC) and with a combining accent (NFD) look the same: one account, kept in NFC.
        const QString nfc = QStringLiteral("caf\u00e9");
        const QString nfd = QStringLiteral("cafe\u0301");
        QVERIFY(nfc != nfd);
        AccountStore store(path());
        QVERIFY(store.load().ok());
        const Account a = makeAccount(nfd);
        QVERIFY(store.add(a).ok);
        QCOMPARE(store.account(a.id)->name, nfc);
        QCOMPARE(store.findByName(nfc)->id, a.id);
        QCOMPARE(store.findByName(nfd)->id, a.id);

        AccountStore::Result r = store.add(makeAccount(nfc));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("already exists")), qPrintable(r.error));
        QVERIFY(!store.addAndModify({makeAccount(nfc)}, {}).ok);

        // Renamed to the other spelling of a taken name: refused; to a new name in NFD: kept in NFC.
        Account b = makeAccount(QStringLiteral("other"));
        QVERIFY(store.add(b).ok);
        b.name = nfd;
        QVERIFY(!store.update(b).ok);
        QVERIFY(!store.modify(b.id, [&](Account &x) { x.name = nfc; }).ok);
        QVERIFY(!store.addAndModify({}, {{b.id, [&](Account &x) { x.name = nfc; }}}).ok);
        QVERIFY(store.modify(b.id, [](Account &x) { x.name = QStringLiteral("nai\u0308ve"); }).ok);
        QCOMPARE(store.account(b.id)->name, QStringLiteral("na\u00efve"));

        // The file holds the NFC spelling; a fresh reader finds it by either.
        AccountStore again(path());
        QVERIFY(again.load().ok());
        QCOMPARE(again.findByName(QStringLiteral("nai\u0308ve"))->id, b.id);
        QCOMPARE(again.findByName(nfc)->id, a.id);
    }

    void olderFileWithBothSpellingsStaysSavable() {
        // A file from before names were kept in NFC may hold "café" in both forms. Both accounts load, and
        // changing either (a renewal, an option) saves: only a new name is checked.
        {
            AccountStore store(path());
            QVERIFY(store.load().ok());
            QVERIFY(store.add(makeAccount(QStringLiteral("caf\u00e9"))).ok);
            QVERIFY(store.add(makeAccount(QStringLiteral("cafX"))).ok);
        }
        QByteArray text = readAll(path());
        QVERIFY(text.contains("\"cafX\""));
        writeAll(path(), text.replace("\"cafX\"", "\"cafe\xcc\x81\""));
        AccountStore store(path());
        QVERIFY(store.load().ok());
        const QList<Account> both = store.accounts(); // a copy: each change replaces the store's list
        QCOMPARE(both.size(), 2);
        for (const Account &account : both) {
            const AccountStore::Result r = store.modify(account.id, [](Account &x) { x.keepSignedIn = !x.keepSignedIn; });
            QVERIFY2(r.ok, qPrintable(r.error));
        }
    }

    void invalidAccountsAreRefusedBeforeWriting() {
        AccountStore store(path());
        QVERIFY(store.load().ok());
        Account a = makeAccount(QStringLiteral("x"));
        a.baseUrl = QUrl(QStringLiteral("ftp://files.example"));
        AccountStore::Result r = store.add(a);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("'baseUrl'")), qPrintable(r.error));
        a = makeAccount(QString());
        r = store.add(a);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("'name'")), qPrintable(r.error));
        QVERIFY(!QFile::exists(path()));
    }

    void signalsAreNarrow() {
        AccountStore store(path());
        QVERIFY(store.load().ok());
        QList<Account> list;
        for (const char *name : {"a", "b", "c"}) {
            list.append(makeAccount(QString::fromLatin1(name)));
            QVERIFY(store.add(list.last()).ok);
        }
        QSignalSpy added(&store, &AccountStore::accountAdded);
        QSignalSpy changed(&store, &AccountStore::accountChanged);
        QSignalSpy removed(&store, &AccountStore::accountRemoved);
        QSignalSpy reloaded(&store, &AccountStore::accountsReloaded);

        list[1].keepSignedIn = false;
        QVERIFY(store.update(list[1]).ok);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.takeFirst().first().toString(), list[1].id);

        QVERIFY(store.update(list[1]).ok); // same content: nothing changed
        QCOMPARE(changed.count(), 0);

        QVERIFY(store.remove(list[0].id).ok);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().toString(), list[0].id);
        QCOMPARE(store.account(list[2].id)->name, QStringLiteral("c")); // index stays right after a removal

        const Account d = makeAccount(QStringLiteral("d"));
        QVERIFY(store.add(d).ok);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.first().first().toString(), d.id);
        QCOMPARE(changed.count() + reloaded.count(), 0);
        QCOMPARE(removed.count(), 1);
    }

    void failedWriteChangesNothing() {
        FailingStore store(path());
        QVERIFY(store.load().ok());
        const Account a = makeAccount(QStringLiteral("a"));
        QVERIFY(store.add(a).ok);
        const QByteArray before = readAll(path());

        store.failWrites = true;
        QSignalSpy changed(&store, &AccountStore::accountChanged);
        QSignalSpy saveError(&store, &AccountStore::saveErrorChanged);
        Account changedA = a;
        changedA.token.hasRefreshToken = true;
        const AccountStore::Result r = store.update(changedA);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("simulated crash"));
        QVERIFY(!store.account(a.id)->token.hasRefreshToken);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(readAll(path()), before);
        QVERIFY(store.isWritable()); // a failed write is not a broken file
        QVERIFY(lockIsFree(path() + QStringLiteral(".lock")));
        // The window hears of it, and of the next write that works.
        QCOMPARE(saveError.count(), 1);
        QCOMPARE(store.saveError(), QStringLiteral("simulated crash"));
        store.failWrites = false;
        QVERIFY(store.update(changedA).ok);
        QCOMPARE(saveError.count(), 2);
        QVERIFY(store.saveError().isEmpty());
    }

    void inMemoryStoreWritesNothing() {
        const QString oldCwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_dir.path()));
        {
            AccountStore store{QString()};
            QVERIFY(store.isInMemory());
            QVERIFY(store.load().ok());
            QSignalSpy changed(&store, &AccountStore::accountChanged);
            Account a = makeAccount(QStringLiteral("demo"));
            QVERIFY(store.add(a).ok);
            a.username = QStringLiteral("u");
            QVERIFY(store.update(a).ok);
            QCOMPARE(changed.count(), 1);
            QVERIFY(!store.add(makeAccount(QStringLiteral("demo"))).ok); // rules still apply
            QCOMPARE(store.reloadAccount(a.id)->username, QStringLiteral("u"));
            QVERIFY(store.remove(a.id).ok);
            QCOMPARE(store.count(), 0);
        }
        QVERIFY(QDir::setCurrent(oldCwd));
        QVERIFY(
            QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    }

};

QTEST_GUILESS_MAIN(TestAccountStoreChanges)
#include "tst_accountstorechanges.moc"
