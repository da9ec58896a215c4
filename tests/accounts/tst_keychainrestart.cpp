// The Secret Service restarted under a running TokenDesk: libsecret keeps the session it opened on the
// old daemon, and every later call used to fail with "The session does not exist" until TokenDesk was
// restarted. KeychainSecretStore must reach the new daemon at once, and the secrets it stored before are
// still there (the keyring file outlives the daemon). The test stops and restarts the daemon of a keyring
// of its own: CMake runs it under scripts/with-test-keyring.sh (nested inside the one scripts/test.sh
// starts), so the shared test keyring is never touched. Without the wrapper it skips itself.
#include "KeychainTestSupport.h"

#include "accounts/Account.h"
#include "accounts/KeychainSecretStore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>

#include <csignal>
#include <memory>
#include <vector>

#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace {

const QString kSecretService = u"org.freedesktop.secrets"_s;
// The password scripts/with-test-keyring.sh gives its throw-away keyring.
const QByteArray kKeyringPassword = "tokendesk-test-keyring";

bool serviceRunning() {
    return QDBusConnection::sessionBus().interface()->isServiceRegistered(kSecretService).value();
}

} // namespace

class TestKeychainRestart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void storeReachesARestartedService();

private:
    // Stops the running daemon and starts a new one on the same keyring, unlocked.
    void restartDaemon();

    std::unique_ptr<QProcess> m_daemon; // the restarted daemon, stopped with the test
};

void TestKeychainRestart::initTestCase() {
    if (qEnvironmentVariableIntValue("TOKENDESK_PRIVATE_KEYRING") != 1)
        QSKIP("runs only in its own keyring: scripts/with-test-keyring.sh env TOKENDESK_PRIVATE_KEYRING=1 ...");
    QVERIFY2(serviceRunning(), "no Secret Service in this session");
}

void TestKeychainRestart::cleanupTestCase() {
    if (m_daemon) {
        m_daemon->terminate();
        m_daemon->waitForFinished(5000);
    }
}

void TestKeychainRestart::restartDaemon() {
    const QDBusReply<uint> pid = QDBusConnection::sessionBus().interface()->servicePid(kSecretService);
    QVERIFY2(pid.isValid(), qPrintable(pid.error().message()));
    QCOMPARE(::kill(pid_t(pid.value()), SIGTERM), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!serviceRunning(), 10000);

    m_daemon = std::make_unique<QProcess>();
    m_daemon->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_daemon->start(u"gnome-keyring-daemon"_s, {u"--foreground"_s, u"--unlock"_s, u"--components=secrets"_s});
    QVERIFY2(m_daemon->waitForStarted(10000), qPrintable(m_daemon->errorString()));
    m_daemon->write(kKeyringPassword);
    m_daemon->closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(serviceRunning(), 10000);
}

void TestKeychainRestart::storeReachesARestartedService() {
    KeychainSecretStore store(u"TokenDeskRestartTest"_s);
    const QString id = Account::newId();
    Call written;
    store.write(id, SecretKind::Credential, "before-the-restart", this, written.callback());
    QVERIFY(written.wait());
    QVERIFY2(written.result.ok(), describe(written.result).constData());

    restartDaemon();
    if (QTest::currentTestFailed())
        return;

    // Several calls at once all meet the dead session; each gets its answer from the new one.
    std::vector<Call> reads(5);
    for (Call &call : reads)
        store.read(id, SecretKind::Credential, this, call.callback());
    for (Call &call : reads) {
        QVERIFY(call.wait());
        QVERIFY2(call.result.ok(), describe(call.result).constData());
        QCOMPARE(call.result.data, QByteArrayLiteral("before-the-restart"));
    }

    Call read;
    store.read(id, SecretKind::Credential, this, read.callback());
    QVERIFY(read.wait());
    QVERIFY2(read.result.ok(), describe(read.result).constData());
    QCOMPARE(read.result.data, QByteArrayLiteral("before-the-restart"));

    Call rewritten;
    store.write(id, SecretKind::Credential, "after-the-restart", this, rewritten.callback());
    QVERIFY(rewritten.wait());
    QVERIFY2(rewritten.result.ok(), describe(rewritten.result).constData());
    Call reread;
    store.read(id, SecretKind::Credential, this, reread.callback());
    QVERIFY(reread.wait());
    QCOMPARE(reread.result.data, QByteArrayLiteral("after-the-restart"));
    QCOMPARE(reread.answers, 1);
}

QTEST_GUILESS_MAIN(TestKeychainRestart)
#include "tst_keychainrestart.moc"
