// KeychainSecretStore without a Secret Service, in child processes with an isolated environment: no
// session bus means Unavailable at once, a bus that never answers means Timeout, and neither leaves the
// secret in any file. Needs no keyring. With one: tst_keychainroundtrip; the error texts:
// tst_keychainerrors.
#include "KeychainTestSupport.h"

#include "accounts/Account.h"
#include "accounts/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace {

constexpr auto kChildFlag = "--child-write";

// Child mode: write one secret with the given service and timeout, print the outcome as one JSON line.
int runChild(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5)
        return 2;
    KeychainSecretStore store(args.at(2), std::chrono::milliseconds(args.at(3).toInt()));
    QJsonObject report{{QStringLiteral("status"), -1}};
    QElapsedTimer timer;
    timer.start();
    store.write(QStringLiteral("child-account"), SecretKind::Credential,
                QByteArray::fromHex(args.at(4).toLatin1()), &app, [&](const SecretResult &r) {
                    report.insert(QStringLiteral("status"), static_cast<int>(r.status));
                    report.insert(QStringLiteral("message"), r.errorString);
                    report.insert(QStringLiteral("elapsedMs"), timer.elapsed());
                    QCoreApplication::quit();
                });
    QTimer::singleShot(20000, &app, &QCoreApplication::quit);
    QCoreApplication::exec();
    std::fputs(QJsonDocument(report).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    std::fflush(stdout);
    // A backend that hangs may hold threads that would block an orderly exit; the report is out.
    std::_Exit(0);
}

// Every file below `root` whose contents include any of `needles`.
QStringList filesContaining(const QString &root, const QList<QByteArray> &needles) {
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray data = f.readAll();
        for (const QByteArray &needle : needles) {
            if (data.contains(needle))
                hits.append(path);
        }
    }
    return hits;
}

} // namespace

class TestKeychainSecretStore : public QObject {
    Q_OBJECT

private:
    // The child writes under a service of its own; its isolated environment has no keyring to clear.
    const QString m_service = QStringLiteral("TokenDeskTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    // The outcome of a child run: status, message, elapsed ms.
    QJsonObject runChildProcess(const QProcessEnvironment &env, const QString &workDir,
                                const QString &service, int timeoutMs, const QByteArray &secret) {
        QProcess child;
        child.setProcessEnvironment(env);
        child.setWorkingDirectory(workDir);
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({QString::fromLatin1(kChildFlag), service, QString::number(timeoutMs),
                            QString::fromLatin1(secret.toHex())});
        child.start();
        if (!child.waitForStarted())
            return {};
        // Keep this process's event loop running: the fake bus below lives in it.
        if (!QTest::qWaitFor([&child] { return child.state() == QProcess::NotRunning; }, 25000)) {
            child.kill();
            child.waitForFinished();
            return {};
        }
        const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object();
    }

    QProcessEnvironment isolatedEnvironment(const QTemporaryDir &home) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name :
             {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
              "KDE_SESSION_VERSION", "GNOME_KEYRING_CONTROL", "TOKENDESK_TEST_KEYRING"}) {
            env.remove(QString::fromLatin1(name));
        }
        env.insert(QStringLiteral("HOME"), home.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        for (const char *dir : {"home", "config", "data", "cache", "cwd"})
            QDir(home.path()).mkpath(QString::fromLatin1(dir));
        return env;
    }
private Q_SLOTS:
    void noSessionBusMeansUnavailableAndNoFile_data() {
        QTest::addColumn<QString>("busAddress"); // empty: not set at all
        QTest::newRow("address points nowhere") << QStringLiteral("unix:path=/nonexistent/bus");
        QTest::newRow("no address, no display") << QString();
    }

    void noSessionBusMeansUnavailableAndNoFile() {
        // Runs without a keyring too: it needs no Secret Service, only the absence of one.
        QFETCH(QString, busAddress);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = isolatedEnvironment(home);
        if (busAddress.isEmpty())
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        else
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        const QByteArray secret = "no-dbus-secret-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);

        const QJsonObject report =
            runChildProcess(env, home.filePath(QStringLiteral("cwd")), m_service, 10000, secret);
        QVERIFY2(!report.isEmpty(), "the child process did not report");
        const auto status = static_cast<SecretResult::Status>(report.value(QLatin1String("status")).toInt());
        const QString message = report.value(QLatin1String("message")).toString();
        QVERIFY2(status == SecretResult::Status::Unavailable,
                 qPrintable(statusName(status) + QStringLiteral(": ") + message));
        QVERIFY2(message.contains(QLatin1String("keychain is not available")), qPrintable(message));
        QVERIFY2(!message.contains(QString::fromLatin1(secret)), qPrintable(message));
        QVERIFY2(report.value(QLatin1String("elapsedMs")).toInteger() < 1000,
                 qPrintable(QString::number(report.value(QLatin1String("elapsedMs")).toInteger())));

        const QStringList leaks = filesContaining(home.path(), {secret, secret.toBase64(), secret.toHex()});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u',')));
    }

    void backendThatNeverAnswersTimesOut() {
        // A "session bus" that accepts connections and never says a word: QtKeychain's job would wait
        // forever; the store's own deadline must answer.
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QLocalServer bus;
        bus.setSocketOptions(QLocalServer::UserAccessOption);
        QVERIFY(bus.listen(home.filePath(QStringLiteral("bus"))));
        QList<QLocalSocket *> connections;
        connect(&bus, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket *s = bus.nextPendingConnection())
                connections.append(s); // kept open, never read, never answered
        });
        QProcessEnvironment env = isolatedEnvironment(home);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + bus.fullServerName());
        const QByteArray secret = "hang-secret-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);

        constexpr int kTimeoutMs = 500;
        const QJsonObject report =
            runChildProcess(env, home.filePath(QStringLiteral("cwd")), m_service, kTimeoutMs, secret);
        QVERIFY2(!report.isEmpty(), "the child process did not report");
        const auto status = static_cast<SecretResult::Status>(report.value(QLatin1String("status")).toInt());
        const QString message = report.value(QLatin1String("message")).toString();
        const qint64 elapsed = report.value(QLatin1String("elapsedMs")).toInteger();
        QVERIFY2(status == SecretResult::Status::Timeout,
                 qPrintable(statusName(status) + QStringLiteral(": ") + message));
        QVERIFY2(elapsed >= kTimeoutMs - 50 && elapsed < kTimeoutMs + 1500,
                 qPrintable(QString::number(elapsed)));
        QVERIFY2(!connections.isEmpty(), "the child never tried the fake bus");
        const QStringList leaks = filesContaining(home.path(), {secret, secret.toBase64(), secret.toHex()});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u',')));
        qDeleteAll(connections);
    }
};

int main(int argc, char **argv) {
    if (argc > 1 && qstrcmp(argv[1], kChildFlag) == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestKeychainSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainsecretstore.moc"
