#include "accounts/AccountStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

Account makeAccount(const QString &name) {
    Account a;
    a.id = Account::newId();
    a.name = name;
    a.providerId = QStringLiteral("simple-key");
    a.baseUrl = QUrl(QStringLiteral("https://api.example.com"));
    return a;
}

// JSON text written with single quotes, which read better inside C++ strings. (Raw string literals
// that span lines confuse moc in Qt 6.4.)
QByteArray json(const char *text) {
    return QByteArray(text).replace('\'', '"');
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

mode_t modeOf(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

// A store whose config write can be made to fail, as if the process died after the keychain write.
namespace {
// True when nobody holds the store's flock on `lockPath` (the file itself may stay behind).
bool lockIsFree(const QString &lockPath) {
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return free;
}
} // namespace

class FailingStore : public AccountStore {
public:
    using AccountStore::AccountStore;
    bool failWrites = false;

protected:
    bool writeFile(const QByteArray &contents, QString *error) override {
        if (failWrites) {
            *error = QStringLiteral("simulated crash");
            return false;
        }
        return AccountStore::writeFile(contents, error);
    }
};

} // namespace

class TestAccountStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name = QStringLiteral("accounts.json")) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanup() {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

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
