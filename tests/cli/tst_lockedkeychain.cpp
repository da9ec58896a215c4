// A locked keychain, for real: gnome-keyring answers reads from a locked collection with "Entry not
// found". KeychainSecretStore must report Unavailable with a "locked" message instead of NotFound for an
// item that exists (and NotFound, as ever, for one that does not), and
// `tokendesk-cli token` must fail with the keychain exit code and change nothing. The test locks the
// default collection of its own private keyring (CMake runs it under scripts/with-test-keyring.sh, apart
// from the shared test keyring) and unlocks it again through gnome-keyring's internal interface.
#include "CliTestSupport.h"

#include "demo/DemoServer.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString kService = u"org.freedesktop.secrets"_s;
const QString kServicePath = u"/org/freedesktop/secrets"_s;
const QString kDefault = u"/org/freedesktop/secrets/aliases/default"_s;
// The password scripts/with-test-keyring.sh gives its throw-away keyring.
const QByteArray kKeyringPassword = "tokendesk-test-keyring";

QDBusMessage callService(const QString &path, const QString &interface, const QString &method,
                         const QVariantList &arguments) {
    QDBusMessage call = QDBusMessage::createMethodCall(kService, path, interface, method);
    call.setArguments(arguments);
    return QDBusConnection::sessionBus().call(call, QDBus::Block, 10000); // test code: blocking is fine
}

bool defaultCollectionLocked() {
    const QDBusMessage reply = callService(kDefault, u"org.freedesktop.DBus.Properties"_s, u"Get"_s,
                                           {u"org.freedesktop.Secret.Collection"_s, u"Locked"_s});
    return reply.type() == QDBusMessage::ReplyMessage &&
           qvariant_cast<QDBusVariant>(reply.arguments().value(0)).variant().toBool();
}

// org.freedesktop.Secret.Service.Lock: gnome-keyring locks without a prompt.
bool lockDefaultCollection() {
    const QDBusMessage reply =
        callService(kServicePath, u"org.freedesktop.Secret.Service"_s, u"Lock"_s,
                    {QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(kDefault)})});
    return reply.type() == QDBusMessage::ReplyMessage && defaultCollectionLocked();
}

// Unlocking through the Secret Service API needs a prompt; gnome-keyring's internal interface takes the
// master password instead, as a Secret struct (session, parameters, value, content type) over a "plain"
// session opened on this same connection.
bool unlockDefaultCollection() {
    const QDBusMessage session =
        callService(kServicePath, u"org.freedesktop.Secret.Service"_s, u"OpenSession"_s,
                    {u"plain"_s, QVariant::fromValue(QDBusVariant(QString()))});
    if (session.type() != QDBusMessage::ReplyMessage)
        return false;
    QDBusArgument master;
    master.beginStructure();
    master << session.arguments().value(1).value<QDBusObjectPath>() << QByteArray() << kKeyringPassword
           << u"text/plain"_s;
    master.endStructure();
    const QDBusMessage reply =
        callService(kServicePath, u"org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"_s,
                    u"UnlockWithMasterPassword"_s,
                    {QVariant::fromValue(QDBusObjectPath(kDefault)), QVariant::fromValue(master)});
    return reply.type() == QDBusMessage::ReplyMessage && !defaultCollectionLocked();
}

SecretResult waitFor(const std::function<void(QObject *, SecretStore::Callback)> &start) {
    std::optional<SecretResult> result;
    QObject context;
    start(&context, [&](const SecretResult &r) { result = r; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); }();
    return result.value_or(SecretResult{SecretResult::Status::Error, u"no answer"_s, {}});
}

// The account file without the record of the last attempt (history, last error and state), which a failed
// `token` adds like any failure.
QJsonDocument withoutFailureRecord(const QByteArray &accountFile) {
    QJsonObject root = QJsonDocument::fromJson(accountFile).object();
    QJsonArray accounts = root.value(u"accounts"_s).toArray();
    for (auto it = accounts.begin(); it != accounts.end(); ++it) {
        QJsonObject account = it->toObject();
        QJsonObject token = account.value(u"token"_s).toObject();
        for (const QString &key : {u"history"_s, u"lastError"_s, u"lastErrorAt"_s, u"lastState"_s})
            token.remove(key);
        account.insert(u"token"_s, token);
        *it = account;
    }
    root.insert(u"accounts"_s, accounts);
    return QJsonDocument(root);
}

QByteArray describe(const SecretResult &r) {
    return (QString::number(static_cast<int>(r.status)) + u": "_s + r.errorString).toUtf8();
}

} // namespace

class TestLockedKeychain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void storeSaysLockedNotMissing();
    void neverStoredStaysNotFoundWhileLocked();
    void cliTokenFailsAndChangesNothing();
    void cliAddWhileLockedSaysLockedOnce();
    void keychainFailureIsNotRecordedAndAnOldOneClears();

private:
    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
};

void TestLockedKeychain::initTestCase() {
    // Never lock a keyring the test did not make: only inside scripts/with-test-keyring.sh.
    if (!qEnvironmentVariable("XDG_RUNTIME_DIR").contains(u"/tokendesk-keyring."_s) ||
        qEnvironmentVariableIntValue("TOKENDESK_PRIVATE_KEYRING") != 1)
        QSKIP(
            "runs only in its own keyring: scripts/with-test-keyring.sh env TOKENDESK_PRIVATE_KEYRING=1 ...");
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    QVERIFY(!defaultCollectionLocked());
}

void TestLockedKeychain::cleanup() {
    if (defaultCollectionLocked())
        QVERIFY(unlockDefaultCollection());
    if (m_cli)
        verifyNoSecretsAndClean(*m_cli);
    m_cli.reset();
    m_server.reset();
}

void TestLockedKeychain::storeSaysLockedNotMissing() {
    KeychainSecretStore store(u"TokenDesk-locked-test"_s, 10s);
    const QString id = u"locked-account"_s;
    const QByteArray secret = "kept-while-locked-0123456789";
    QVERIFY(
        waitFor([&](QObject *c, auto cb) { store.write(id, SecretKind::Credential, secret, c, cb); }).ok());
    const SecretResult unlockedMissing =
        waitFor([&](QObject *c, auto cb) { store.read(id, SecretKind::AccessToken, c, cb); });
    QCOMPARE(unlockedMissing.status, SecretResult::Status::NotFound);

    QVERIFY(lockDefaultCollection());
    const SecretResult read =
        waitFor([&](QObject *c, auto cb) { store.read(id, SecretKind::Credential, c, cb); });
    QVERIFY2(read.status == SecretResult::Status::Unavailable, describe(read).constData());
    QVERIFY2(read.errorString.contains(u"locked"_s) && read.errorString.contains(u"Unlock"_s),
             describe(read).constData());
    QVERIFY(read.data.isEmpty());
    // The kind never stored is missing, locked collection or not (neverStoredStaysNotFoundWhileLocked).
    const SecretResult lockedMissing =
        waitFor([&](QObject *c, auto cb) { store.read(id, SecretKind::AccessToken, c, cb); });
    QVERIFY2(lockedMissing.status == SecretResult::Status::NotFound, describe(lockedMissing).constData());
    // Neither a delete nor a write may look like it worked.
    const SecretResult removed =
        waitFor([&](QObject *c, auto cb) { store.remove(id, SecretKind::Credential, c, cb); });
    QVERIFY2(removed.status == SecretResult::Status::Unavailable, describe(removed).constData());
    const SecretResult written =
        waitFor([&](QObject *c, auto cb) { store.write(id, SecretKind::Credential, "other-secret", c, cb); });
    QVERIFY2(written.status == SecretResult::Status::Unavailable && written.errorString.contains(u"locked"_s),
             describe(written).constData());

    QVERIFY(unlockDefaultCollection());
    const SecretResult after =
        waitFor([&](QObject *c, auto cb) { store.read(id, SecretKind::Credential, c, cb); });
    QVERIFY2(after.ok(), describe(after).constData());
    QCOMPARE(after.data, secret);
    QVERIFY(waitFor([&](QObject *c, auto cb) { store.removeAll(id, c, cb); }).ok());
}

// Only the item is asked about: with the default collection locked, a key that was never stored (here:
// another service's, and a kind never written) is still "not found", and deleting it still succeeds, so a
// logout is not refused for secrets that do not exist. gnome-keyring's SearchItems lists items of a locked
// collection (as locked), which is what tells the two cases apart.
void TestLockedKeychain::neverStoredStaysNotFoundWhileLocked() {
    KeychainSecretStore store(u"TokenDesk-locked-test"_s, 10s);
    KeychainSecretStore other(u"TokenDesk-locked-other"_s, 10s);
    const QString id = u"locked-neighbour"_s;
    QVERIFY(waitFor([&](QObject *c, auto cb) {
                store.write(id, SecretKind::Credential, "neighbour-secret-0123456789", c, cb);
            }).ok());

    QVERIFY(lockDefaultCollection());
    for (const auto &[target, kind] :
         {std::pair{&other, SecretKind::Credential}, std::pair{&store, SecretKind::RefreshToken}}) {
        const SecretResult read = waitFor([&](QObject *c, auto cb) { target->read(id, kind, c, cb); });
        QVERIFY2(read.status == SecretResult::Status::NotFound, describe(read).constData());
        QVERIFY2(read.errorString.contains(u"No secret is stored"_s), describe(read).constData());
        const SecretResult removed = waitFor([&](QObject *c, auto cb) { target->remove(id, kind, c, cb); });
        QVERIFY2(removed.ok(), describe(removed).constData());
    }
    // The stored one next to them is still reported as locked, not missing.
    const SecretResult stored =
        waitFor([&](QObject *c, auto cb) { store.read(id, SecretKind::Credential, c, cb); });
    QVERIFY2(stored.status == SecretResult::Status::Unavailable && stored.errorString.contains(u"locked"_s),
             describe(stored).constData());

    QVERIFY(unlockDefaultCollection());
    QVERIFY(waitFor([&](QObject *c, auto cb) { store.removeAll(id, c, cb); }).ok());
}

void TestLockedKeychain::cliTokenFailsAndChangesNothing() {
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"locked"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const QString accountId = m_cli->idOf(u"locked"_s);
    const CliRun first = m_cli->run({u"token"_s, u"locked"_s});
    CLI_EXPECT(first, 0);
    m_cli->rememberSecret(first.out.trimmed());

    QFile accounts(m_cli->accountsPath());
    QVERIFY(accounts.open(QIODevice::ReadOnly));
    const QByteArray before = accounts.readAll();
    accounts.close();
    const qsizetype requestsBefore = m_server->requests().size();

    QVERIFY(lockDefaultCollection());
    for (const QStringList &arguments :
         {QStringList{u"token"_s, u"locked"_s},
          QStringList{u"token"_s, u"locked"_s, u"--min-valid"_s, u"100000"_s}}) {
        const CliRun r = m_cli->run(arguments);
        CLI_EXPECT(r, 6); // ExitCode::Keychain, as for an unavailable keychain
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("keychain is locked"), r.err.constData());
        QVERIFY2(!r.err.contains("No secret is stored"), r.err.constData());
    }
    // The account and what it knows about its tokens are untouched; only the failure is on record.
    QVERIFY(accounts.open(QIODevice::ReadOnly));
    QCOMPARE(withoutFailureRecord(accounts.readAll()), withoutFailureRecord(before));
    accounts.close();
    QCOMPARE(m_server->requests().size(), requestsBefore);

    // Removing the account while locked must fail and keep it: its secrets could not be deleted.
    const CliRun remove = m_cli->run({u"remove"_s, u"locked"_s});
    CLI_EXPECT(remove, 6);
    QVERIFY2(remove.err.contains("keychain is locked"), remove.err.constData());
    QCOMPARE(m_cli->idOf(u"locked"_s), accountId);

    QVERIFY(unlockDefaultCollection());
    const CliRun again = m_cli->run({u"token"_s, u"locked"_s});
    CLI_EXPECT(again, 0);
    QCOMPARE(again.out, first.out); // the stored token survived
}

void TestLockedKeychain::cliAddWhileLockedSaysLockedOnce() {
    // One sentence for what is wrong: the keychain is locked, not "not available" and then "locked".
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
    QVERIFY(lockDefaultCollection());
    const CliRun add = m_cli->addDemo(u"quadrata"_s, u"while-locked"_s, m_server->baseUrl(u"quadrata"_s));
    CLI_EXPECT(add, 6);
    QVERIFY2(add.err.contains("keychain is locked"), add.err.constData());
    QVERIFY2(!add.err.contains("not available"), add.err.constData());
    QVERIFY2(add.err.contains("Nothing was saved"), add.err.constData());
    // The reason, then what it means; the test runs with Qt's debug logging on, whose lines name a category.
    qsizetype messages = 0;
    for (const QByteArray &line : add.err.split('\n'))
        messages += line.startsWith("tokendesk-cli: ") && !line.startsWith("tokendesk-cli: qt.") ? 1 : 0;
    QCOMPARE(messages, 2);
    QVERIFY(!QFile::exists(m_cli->accountsPath()));

    QVERIFY(unlockDefaultCollection());
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"kept"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    QVERIFY(lockDefaultCollection());
    const CliRun credential = m_cli->run({u"credential"_s, u"kept"_s}, CliHarness::demoSecret(u"quadrata"_s));
    CLI_EXPECT(credential, 6);
    QVERIFY2(credential.err.contains("keychain is locked"), credential.err.constData());
    QVERIFY2(!credential.err.contains("not available"), credential.err.constData());
}

void TestLockedKeychain::keychainFailureIsNotRecordedAndAnOldOneClears() {
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"stale"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    const CliRun first = m_cli->run({u"token"_s, u"stale"_s});
    CLI_EXPECT(first, 0);
    m_cli->rememberSecret(first.out.trimmed());
    const auto listed = [&] {
        const CliRun list = m_cli->run({u"list"_s, u"--json"_s});
        return parseJson(list.out).array().at(0).toObject();
    };
    const auto accountFile = [&] {
        QFile f(m_cli->accountsPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const auto lastErrorKind = [&] {
        const QJsonObject account = parseJson(accountFile()).object().value(u"accounts"_s).toArray().at(0).toObject();
        return account.value(u"token"_s).toObject().value(u"lastError"_s).toObject().value(u"kind"_s).toString();
    };

    // A login while the keychain is locked fails with its own exit code, but the account file the window
    // and other processes share does not record it: the locked keychain is this process's problem (a cron
    // job's), not the account's.
    QVERIFY(lockDefaultCollection());
    CLI_EXPECT(m_cli->run({u"login"_s, u"stale"_s}), 6);
    QCOMPARE(listed().value(u"state"_s).toString(), u"valid"_s);
    QCOMPARE(lastErrorKind(), QString());

    // An account file from an older version, which recorded such a failure: cleared once the keychain answers.
    {
        QJsonObject root = parseJson(accountFile()).object();
        QJsonArray accounts = root.value(u"accounts"_s).toArray();
        QJsonObject account = accounts.at(0).toObject();
        QJsonObject token = account.value(u"token"_s).toObject();
        token.insert(u"lastState"_s, u"failed"_s);
        token.insert(u"lastError"_s, QJsonObject{{u"kind"_s, u"keychain"_s}, {u"message"_s, u"The keychain is locked."_s}});
        token.insert(u"lastErrorAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        account.insert(u"token"_s, token);
        accounts.replace(0, account);
        root.insert(u"accounts"_s, accounts);
        QFile f(m_cli->accountsPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(f.write(QJsonDocument(root).toJson()) > 0);
    }
    QCOMPARE(listed().value(u"state"_s).toString(), u"failed"_s);
    QCOMPARE(lastErrorKind(), u"keychain"_s);

    // Unlocked, the stored token is handed out: the keychain failure is over and cleared.
    QVERIFY(unlockDefaultCollection());
    const CliRun again = m_cli->run({u"token"_s, u"stale"_s});
    CLI_EXPECT(again, 0);
    QCOMPARE(again.out, first.out);
    QCOMPARE(listed().value(u"state"_s).toString(), u"valid"_s);
    QCOMPARE(lastErrorKind(), QString());

    // Any other failure on record stays (a valid token says nothing about it), and a valid token writes
    // nothing: one keychain read.
    m_server->setFault(u"quadrata"_s, DemoFault::serverError(503), 1);
    CLI_EXPECT(m_cli->run({u"login"_s, u"stale"_s}), 5);
    const QByteArray failed = accountFile();
    QCOMPARE(lastErrorKind(), u"provider_error"_s);
    const qsizetype requests = m_server->requests().size();
    CLI_EXPECT(m_cli->run({u"token"_s, u"stale"_s}), 0);
    QCOMPARE(accountFile(), failed);
    QCOMPARE(m_server->requests().size(), requests);
}

QTEST_GUILESS_MAIN(TestLockedKeychain)
#include "tst_lockedkeychain.moc"
