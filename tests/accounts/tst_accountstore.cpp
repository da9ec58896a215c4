// AccountStore and its file: load and save, permissions, files it must never overwrite, fields it does
// not know, the formats it reads, and a large list. Changes and their rules: tst_accountstorechanges;
// several processes on one file: tst_accountstoresharing.
#include "AccountStoreTestSupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

class TestAccountStore : public AccountStoreTest {
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void missingFileIsEmptyAndOk() {
        AccountStore store(path());
        QSignalSpy reloaded(&store, &AccountStore::accountsReloaded);
        const AccountStore::LoadResult r = store.load();
        QCOMPARE(r.status, AccountStore::LoadStatus::Missing);
        QVERIFY(r.ok());
        QVERIFY(store.accounts().isEmpty());
        QVERIFY(store.isWritable());
        QCOMPARE(reloaded.count(), 1);
        QVERIFY(!QFile::exists(path())); // loading writes nothing
    }

    void roundTrip() {
        Account a = makeAccount(QStringLiteral("prod-kyc"));
        a.username = QStringLiteral("ops");
        a.token.hasAccessToken = true;
        a.token.accessExpiresAt = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        a.token.extras.insert(QStringLiteral("client_id"), QStringLiteral("c-1"));
        {
            AccountStore store(path());
            QVERIFY(store.load().ok());
            const AccountStore::Result r = store.add(a);
            QVERIFY2(r.ok, qPrintable(r.error));
            QVERIFY(store.contains(a.id));
        }
        AccountStore again(path());
        const AccountStore::LoadResult r = again.load();
        QCOMPARE(r.status, AccountStore::LoadStatus::Ok);
        QCOMPARE(again.count(), 1);
        const std::optional<Account> back = again.account(a.id);
        QVERIFY(back);
        QCOMPARE(back->name, a.name);
        QCOMPARE(back->username, a.username);
        QCOMPARE(back->baseUrl, a.baseUrl);
        QCOMPARE(back->token.accessExpiresAt, a.token.accessExpiresAt);
        QCOMPARE(back->token.extras, a.token.extras);
        QCOMPARE(again.findByName(QStringLiteral("prod-kyc"))->id, a.id);
        QVERIFY(!again.findByName(QStringLiteral("PROD-KYC")));

        const QJsonObject root = QJsonDocument::fromJson(readAll(path())).object();
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(root.value(QLatin1String("accounts")).toArray().size(), 1);
    }

    void fileIs0600AndDirectoryIs0700() {
        const QString file = path(QStringLiteral("config/TokenDesk/accounts.json"));
        AccountStore store(file);
        QVERIFY(store.load().ok());
        QVERIFY(store.add(makeAccount(QStringLiteral("a"))).ok);
        QVERIFY(QFile::exists(file));
        QCOMPARE(modeOf(file), mode_t(0600));
        const QFile::Permissions perms = QFile::permissions(file);
        QVERIFY(perms.testFlags(QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(!(perms & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                           QFile::WriteOther | QFile::ExeOther)));
        QCOMPARE(modeOf(QFileInfo(file).absolutePath()), mode_t(0700));
        QVERIFY(lockIsFree(file + QStringLiteral(".lock"))); // the lock is released
    }

    void loosePermissionsAreTightenedOnSave() {
        writeAll(path(), json("{'version': 1, 'accounts': []}"));
        QVERIFY(QFile::setPermissions(path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        AccountStore store(path());
        QVERIFY(store.load().ok());
        QVERIFY(store.add(makeAccount(QStringLiteral("a"))).ok);
        QCOMPARE(modeOf(path()), mode_t(0600));
    }

    void brokenFilesAreNeverOverwritten_data() {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mentions");

        const auto parse = static_cast<int>(AccountStore::LoadStatus::ParseError);
        QTest::newRow("not json") << QByteArray("{\"version\": 1, \"accounts\": [") << parse << QString();
        QTest::newRow("empty file") << QByteArray() << parse << QString();
        QTest::newRow("array root") << json("[]") << parse << QString();
        QTest::newRow("no version") << json("{'accounts': []}") << parse << QStringLiteral("version");
        QTest::newRow("version 0") << json("{'version': 0, 'accounts': []}") << parse
                                   << QStringLiteral("not supported");
        QTest::newRow("newer") << json("{'version': 2, 'accounts': [], 'more': true}")
                               << static_cast<int>(AccountStore::LoadStatus::NewerVersion)
                               << QStringLiteral("newer");
        QTest::newRow("no list") << json("{'version': 1}") << parse << QStringLiteral("accounts");
        QTest::newRow("broken entry")
            << json("{'version': 1, 'accounts': [{'id': 'a', 'name': 'x', 'providerId': 'p'}]}") << parse
            << QStringLiteral("'baseUrl'");
        QTest::newRow("duplicate id")
            << json("{'version': 1, 'accounts': ["
                    "{'id': 'a', 'name': 'x', 'providerId': 'p', 'baseUrl': 'https://h'},"
                    "{'id': 'a', 'name': 'y', 'providerId': 'p', 'baseUrl': 'https://h'}]}")
            << parse << QStringLiteral("'a'");
        QTest::newRow("duplicate name")
            << json("{'version': 1, 'accounts': ["
                    "{'id': 'a', 'name': 'x', 'providerId': 'p', 'baseUrl': 'https://h'},"
                    "{'id': 'b', 'name': 'x', 'providerId': 'p', 'baseUrl': 'https://h'}]}")
            << parse << QStringLiteral("'x'");
    }

    void brokenFilesAreNeverOverwritten() {
        QFETCH(QByteArray, contents);
        QFETCH(int, status);
        QFETCH(QString, mentions);

        writeAll(path(), contents);
        AccountStore store(path());
        QSignalSpy writable(&store, &AccountStore::writableChanged);
        const AccountStore::LoadResult r = store.load();
        QCOMPARE(static_cast<int>(r.status), status);
        QVERIFY(!r.ok());
        QVERIFY2(r.message.contains(QDir::toNativeSeparators(path())), qPrintable(r.message));
        QVERIFY2(r.message.contains(mentions), qPrintable(r.message));
        QVERIFY(!store.isWritable());
        QCOMPARE(store.readOnlyReason(), r.message);
        QCOMPARE(writable.count(), 1);

        const Account a = makeAccount(QStringLiteral("new"));
        const AccountStore::Result added = store.add(a);
        QVERIFY(!added.ok);
        QCOMPARE(added.error, r.message);
        QVERIFY(!store.update(a).ok);
        QVERIFY(!store.modify(a.id, [](Account &) {}).ok);
        QVERIFY(!store.remove(a.id).ok);
        QCOMPARE(readAll(path()), contents); // byte-identical
    }

    void unknownFieldsOfUntouchedEntriesSurvive() {
        writeAll(path(), json("{'version': 1, 'futureTop': {'x': 1}, 'accounts': ["
                              "{'id': 'a', 'name': 'x', 'providerId': 'p', 'baseUrl': 'https://h',"
                              " 'futureField': [1, 2]}]}"));
        AccountStore store(path());
        QVERIFY(store.load().ok());
        QVERIFY(store.add(makeAccount(QStringLiteral("b"))).ok);
        const QJsonObject root = QJsonDocument::fromJson(readAll(path())).object();
        QCOMPARE(root.value(QLatin1String("futureTop")).toObject().value(QLatin1String("x")).toInt(), 1);
        const QJsonObject first = root.value(QLatin1String("accounts")).toArray().at(0).toObject();
        QCOMPARE(first.value(QLatin1String("futureField")).toArray().size(), 2);
    }

    void unknownTopLevelFieldsSurviveAChangeOfTheirEntry() {
        writeAll(path(), json("{'version': 1, 'accounts': ["
                              "{'id': 'a', 'name': 'x', 'providerId': 'p', 'baseUrl': 'https://h',"
                              " 'futureField': [1, 2], 'token': {'futureTokenField': 1}}]}"));
        AccountStore store(path());
        QVERIFY(store.load().ok());
        QVERIFY(store.modify(QStringLiteral("a"), [](Account &a) { a.username = QStringLiteral("u"); }).ok);
        const QJsonObject first =
            QJsonDocument::fromJson(readAll(path())).object().value(QLatin1String("accounts")).toArray().at(0).toObject();
        QCOMPARE(first.value(QLatin1String("username")).toString(), QStringLiteral("u"));
        QCOMPARE(first.value(QLatin1String("futureField")).toArray().size(), 2);
        AccountStore reader(path());
        QVERIFY(reader.load().ok());
        QCOMPARE(reader.account(QStringLiteral("a"))->username, QStringLiteral("u"));
    }

    // A file written by hand or by another tool, spread over many lines: loads the same, and is written back
    // one entry per line with the untouched entries unchanged.
    void prettyPrintedFilesLoadAndAreWrittenOneEntryPerLine() {
        QJsonArray entries;
        for (const char *name : {"a", "b"}) {
            Account a = makeAccount(QString::fromLatin1(name));
            a.token.hasAccessToken = true;
            a.token.accessExpiresAt = QDateTime(QDate(2031, 1, 1), QTime(0, 0), Qt::UTC);
            entries.append(accountToJson(a));
        }
        const QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("accounts"), entries},
                               {QStringLiteral("note"), QStringLiteral("kept")}};
        writeAll(path(), QJsonDocument(root).toJson(QJsonDocument::Indented));
        AccountStore store(path());
        QVERIFY(store.load().ok());
        QCOMPARE(store.count(), 2);
        QCOMPARE(store.accounts().at(1).token.accessExpiresAt, QDateTime(QDate(2031, 1, 1), QTime(0, 0), Qt::UTC));
        QVERIFY(store.add(makeAccount(QStringLiteral("c"))).ok);
        const QByteArray written = readAll(path());
        QCOMPARE(written.count('\n'), 4 + 3 + 2); // { version note "accounts": [ 3 entries ] }
        const QJsonObject back = QJsonDocument::fromJson(written).object();
        QCOMPARE(back.value(QLatin1String("note")).toString(), QStringLiteral("kept"));
        QCOMPARE(back.value(QLatin1String("accounts")).toArray().at(0), entries.at(0));
        QCOMPARE(back.value(QLatin1String("accounts")).toArray().at(1), entries.at(1));
    }

    // What the fast reader leaves to the general JSON parser (escaped keys, a repeated key, a byte order
    // mark, broken JSON after good entries) reads exactly as before.
    void unusualFilesReadAsBefore() {
        const QByteArray entry = json("{'id': 'a', 'name': 'x', 'providerId': 'p', 'baseUrl': 'https://h'}");
        AccountStore store(path());
        writeAll(path(), json("{'vers\\u0069on': 1, 'accounts': [") + entry + "]}");
        QVERIFY(store.load().ok());
        QCOMPARE(store.count(), 1);
        writeAll(path(), "\xef\xbb\xbf" + json("{'version': 1, 'accounts': [") + entry + "]}");
        QCOMPARE(store.load().ok(), QJsonDocument::fromJson(readAll(path())).isObject());
        writeAll(path(), json("{'version': 1, 'accounts': [") + entry + ", {'id': }]}");
        const AccountStore::LoadResult broken = store.load();
        QCOMPARE(broken.status, AccountStore::LoadStatus::ParseError);
        QVERIFY2(broken.message.contains(QLatin1String("not valid JSON")), qPrintable(broken.message));
        writeAll(path(), json("{'version': 1, 'accounts': [") + entry + "," + entry + "]}");
        QVERIFY2(store.load().message.contains(QLatin1String("the id 'a' is used by account 1 too")),
                 qPrintable(store.load().message));
    }

    void largeListsAreFast() {
        constexpr int kCount = 10000;
        AccountFile::Snapshot snapshot;
        for (int i = 0; i < kCount; ++i) {
            Account a = makeAccount(QStringLiteral("account-%1").arg(i));
            a.username = QStringLiteral("user%1@example.com").arg(i);
            a.token.hasAccessToken = true;
            a.token.accessObtainedAt = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i);
            a.token.accessExpiresAt = a.token.accessObtainedAt.addSecs(3600);
            a.token.extras.insert(QStringLiteral("client_id"), QStringLiteral("client-%1").arg(i));
            a.token.lastState = TokenState::Valid;
            a.token.addHistory(
                {a.token.accessObtainedAt, QStringLiteral("login"), AuthError::Kind::None, {}});
            snapshot.accounts.append(a);
        }
        QString error;
        QVERIFY2(AccountFile::write(path(), AccountFile::serialize(&snapshot), &error), qPrintable(error));

        AccountStore store(path());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(store.load().status, AccountStore::LoadStatus::Ok);
        const qint64 loadMs = timer.elapsed();
        QCOMPARE(store.count(), kCount);

        Account one = store.accounts().at(kCount / 2);
        one.username = QStringLiteral("changed");
        QSignalSpy changed(&store, &AccountStore::accountChanged);
        timer.restart();
        QVERIFY(store.update(one).ok);
        const qint64 updateMs = timer.elapsed();
        QCOMPARE(changed.count(), 1);

        timer.restart();
        QVERIFY(store.reloadAccount(one.id));
        const qint64 unchangedReloadMs = timer.elapsed();

        qInfo(
            "10,000 accounts (%lld KiB): load %lld ms, one update %lld ms, reloadAccount (unchanged) %lld ms",
            static_cast<long long>(QFileInfo(path()).size() / 1024), static_cast<long long>(loadMs),
            static_cast<long long>(updateMs), static_cast<long long>(unchangedReloadMs));
        // Generous bounds (Debug builds, loaded CI machines); they still catch anything quadratic.
        QVERIFY2(loadMs < 2000, qPrintable(QString::number(loadMs)));
        QVERIFY2(updateMs < 2000, qPrintable(QString::number(updateMs)));
    }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
