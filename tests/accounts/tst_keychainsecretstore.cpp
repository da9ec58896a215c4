#include "accounts/Account.h"
#include "accounts/KeychainErrors.h"
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
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace std::chrono_literals;

namespace {

constexpr auto kChildFlag = "--child-write";
constexpr int kAnswerWaitMs = 15000;

// Runs one store call and waits for its answer.
struct Call {
    int answers = 0;
    SecretResult result;
    SecretStore::Callback callback() {
        return [this](const SecretResult &r) {
            ++answers;
            result = r;
        };
    }
    bool wait() {
        return QTest::qWaitFor([this] { return answers > 0; }, kAnswerWaitMs);
    }
};

QString statusName(SecretResult::Status s) {
    switch (s) {
    case SecretResult::Status::Ok:
        return QStringLiteral("Ok");
    case SecretResult::Status::NotFound:
        return QStringLiteral("NotFound");
    case SecretResult::Status::Unavailable:
        return QStringLiteral("Unavailable");
    case SecretResult::Status::Timeout:
        return QStringLiteral("Timeout");
    case SecretResult::Status::Error:
        return QStringLiteral("Error");
    }
    return {};
}

QByteArray describe(const SecretResult &r) {
    return (statusName(r.status) + QStringLiteral(": ") + r.errorString).toUtf8();
}

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
    bool m_keyringRequired = false;
    QString m_service;

    bool skipWithoutKeyring() { return !m_keyringRequired; }

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
    void initTestCase() {
        m_keyringRequired = qEnvironmentVariable("TOKENDESK_TEST_KEYRING") == QLatin1String("1");
        m_service = QStringLiteral("TokenDeskTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!m_keyringRequired)
            return;
        // Fail loudly (not skip) when the keyring we were promised is not usable.
        KeychainSecretStore store(m_service);
        Call probe;
        store.write(QStringLiteral("probe"), SecretKind::Credential, "probe", this, probe.callback());
        QVERIFY2(probe.wait(), "the keychain did not answer at all");
        QVERIFY2(probe.result.ok(), describe(probe.result).constData());
    }

    void cleanupTestCase() {
        if (m_keyringRequired)
            QProcess::execute(QStringLiteral("secret-tool"),
                              {QStringLiteral("clear"), QStringLiteral("server"), m_service});
    }

    void errorMapping_data() {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<SecretResult::Status>("status");
        QTest::addColumn<bool>("saysLocked"); // the "keychain is locked" text, with the way out

        // The answers seen on Debian 12 (see ENVIRONMENT.md).
        QTest::newRow("no bus") << int(QKeychain::OtherError)
                                << "Cannot autolaunch D-Bus without X11 $DISPLAY"
                                << SecretResult::Status::Unavailable << false;
        QTest::newRow("no secret service")
            << int(QKeychain::OtherError)
            << "The name org.freedesktop.secrets was not provided by any .service files"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("bus address points nowhere")
            << int(QKeychain::OtherError) << "Could not connect: No such file or directory"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("no collection")
            << int(QKeychain::OtherError)
            << "Object does not exist at path \u201c/org/freedesktop/secrets/collection/login\u201d"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("locked") << int(QKeychain::AccessDenied)
                                << "Cannot create an item in a locked collection"
                                << SecretResult::Status::Unavailable << true;
        QTest::newRow("denied by user")
            << int(QKeychain::AccessDeniedByUser) << "" << SecretResult::Status::Unavailable << false;
        QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << ""
                                    << SecretResult::Status::Unavailable << false;
        QTest::newRow("not implemented")
            << int(QKeychain::NotImplemented) << "" << SecretResult::Status::Unavailable << false;
        QTest::newRow("not found") << int(QKeychain::EntryNotFound) << "Entry not found"
                                   << SecretResult::Status::NotFound << false;
        QTest::newRow("other") << int(QKeychain::OtherError) << "Unknown error" << SecretResult::Status::Error
                               << false;
        // Only whole phrases mean "locked": not "unlocked", "blocked" or "not locked".
        QTest::newRow("is locked") << int(QKeychain::OtherError) << "The keyring is locked"
                                   << SecretResult::Status::Unavailable << true;
        QTest::newRow("IsLocked error name")
            << int(QKeychain::OtherError) << "org.freedesktop.Secret.Error.IsLocked: Cannot get secret"
            << SecretResult::Status::Unavailable << true;
        QTest::newRow("unlocked") << int(QKeychain::OtherError) << "Item was unlocked but has no secret"
                                  << SecretResult::Status::Error << false;
        QTest::newRow("blocked") << int(QKeychain::OtherError) << "Request blocked by policy"
                                 << SecretResult::Status::Error << false;
        QTest::newRow("not locked") << int(QKeychain::OtherError) << "The collection is not locked"
                                    << SecretResult::Status::Error << false;
        QTest::newRow("denied, blocked")
            << int(QKeychain::AccessDenied) << "Access blocked; collection unlocked"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("bus error, unlocked")
            << int(QKeychain::OtherError) << "D-Bus call failed after the wallet was unlocked"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("delete") << int(QKeychain::CouldNotDeleteEntry) << "nope"
                                << SecretResult::Status::Error << false;
    }

    void errorMapping() {
        QFETCH(int, error);
        QFETCH(QString, message);
        QFETCH(SecretResult::Status, status);
        QFETCH(bool, saysLocked);
        const SecretResult r = KeychainErrors::fromJobError(static_cast<QKeychain::Error>(error), message);
        QCOMPARE(r.status, status);
        QVERIFY(!r.errorString.isEmpty());
        QCOMPARE(r.errorString.contains(QLatin1String("keychain is locked")), saysLocked);
        if (saysLocked) {
            // Said plainly, with the way out (tst_lockedkeychain covers a really locked keyring).
            QVERIFY2(r.errorString.contains(QLatin1String("keychain is locked")), qPrintable(r.errorString));
            QVERIFY2(r.errorString.contains(QLatin1String("Unlock it")), qPrintable(r.errorString));
            return;
        }
        if (status == SecretResult::Status::Unavailable) {
            QVERIFY2(r.errorString.contains(QLatin1String("keychain is not available")),
                     qPrintable(r.errorString));
            QVERIFY2(r.errorString.contains(QLatin1String("Unlock it or start a Secret Service")),
                     qPrintable(r.errorString));
        }
        if (status != SecretResult::Status::NotFound)
            QVERIFY(r.errorString.contains(message)); // the backend's words help whoever fixes it
    }

    void roundTripEveryKind_data() {
        QTest::addColumn<SecretKind>("kind");
        QTest::newRow("credential") << SecretKind::Credential;
        QTest::newRow("access token") << SecretKind::AccessToken;
        QTest::newRow("refresh token") << SecretKind::RefreshToken;
    }

    void roundTripEveryKind() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service; scripts/test.sh provides one and sets "
                  "TOKENDESK_TEST_KEYRING=1.");
        QFETCH(SecretKind, kind);
        KeychainSecretStore store(m_service);
        const QString id = Account::newId();
        const QByteArray secret = "s3cr3t-" + QByteArray::number(int(kind)) + "-\xc3\xa9";

        Call write;
        store.write(id, kind, secret, this, write.callback());
        QCOMPARE(write.answers, 0); // never synchronous
        QVERIFY(write.wait());
        QVERIFY2(write.result.ok(), describe(write.result).constData());

        Call read;
        store.read(id, kind, this, read.callback());
        QVERIFY(read.wait());
        QVERIFY2(read.result.ok(), describe(read.result).constData());
        QCOMPARE(read.result.data, secret);

        // The other kinds of this account are separate entries.
        const SecretKind other =
            kind == SecretKind::Credential ? SecretKind::AccessToken : SecretKind::Credential;
        Call readOther;
        store.read(id, other, this, readOther.callback());
        QVERIFY(readOther.wait());
        QCOMPARE(readOther.result.status, SecretResult::Status::NotFound);

        Call remove;
        store.remove(id, kind, this, remove.callback());
        QVERIFY(remove.wait());
        QVERIFY2(remove.result.ok(), describe(remove.result).constData());

        Call gone;
        store.read(id, kind, this, gone.callback());
        QVERIFY(gone.wait());
        QCOMPARE(gone.result.status, SecretResult::Status::NotFound);
        QVERIFY(gone.result.data.isEmpty());
        QCOMPARE(write.answers + read.answers + remove.answers + gone.answers, 4); // each answered once
    }

    void missingEntryIsNotFound() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        KeychainSecretStore store(m_service);
        Call read;
        store.read(Account::newId(), SecretKind::AccessToken, this, read.callback());
        QVERIFY(read.wait());
        QCOMPARE(read.result.status, SecretResult::Status::NotFound);
    }

    void accountsAndServicesDoNotCollide() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        KeychainSecretStore store(m_service);
        KeychainSecretStore otherService(m_service + QStringLiteral("-other"));
        const QString a = Account::newId();
        const QString b = Account::newId();
        Call w1, w2, w3;
        store.write(a, SecretKind::Credential, "key-a", this, w1.callback());
        store.write(b, SecretKind::Credential, "key-b", this, w2.callback());
        otherService.write(a, SecretKind::Credential, "key-a-elsewhere", this, w3.callback());
        QVERIFY(w1.wait() && w2.wait() && w3.wait());
        QVERIFY(w1.result.ok() && w2.result.ok() && w3.result.ok());

        Call r1, r2, r3;
        store.read(a, SecretKind::Credential, this, r1.callback());
        store.read(b, SecretKind::Credential, this, r2.callback());
        otherService.read(a, SecretKind::Credential, this, r3.callback());
        QVERIFY(r1.wait() && r2.wait() && r3.wait());
        QCOMPARE(r1.result.data, QByteArrayLiteral("key-a"));
        QCOMPARE(r2.result.data, QByteArrayLiteral("key-b"));
        QCOMPARE(r3.result.data, QByteArrayLiteral("key-a-elsewhere"));

        Call c;
        otherService.remove(a, SecretKind::Credential, this, c.callback());
        QVERIFY(c.wait());
    }

    void binaryAndLongSecretsRoundTrip() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        KeychainSecretStore store(m_service);
        QByteArray secret(10000, '\0');
        for (int i = 0; i < secret.size(); ++i)
            secret[i] = char((i * 131 + 7) % 256); // NULs, 0xFF, invalid UTF-8, newlines
        const QString id = Account::newId();
        Call write;
        store.write(id, SecretKind::RefreshToken, secret, this, write.callback());
        QVERIFY(write.wait());
        QVERIFY2(write.result.ok(), describe(write.result).constData());
        Call read;
        store.read(id, SecretKind::RefreshToken, this, read.callback());
        QVERIFY(read.wait());
        QVERIFY2(read.result.ok(), describe(read.result).constData());
        QCOMPARE(read.result.data.size(), secret.size());
        QCOMPARE(read.result.data, secret);

        // Overwriting replaces.
        Call rewrite;
        store.write(id, SecretKind::RefreshToken, "short", this, rewrite.callback());
        QVERIFY(rewrite.wait());
        Call reread;
        store.read(id, SecretKind::RefreshToken, this, reread.callback());
        QVERIFY(reread.wait());
        QCOMPARE(reread.result.data, QByteArrayLiteral("short"));
    }

    void secretToolSeesTheItem() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        KeychainSecretStore store(m_service);
        const QString id = Account::newId();
        const QByteArray secret = "api-key-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        Call write;
        store.write(id, SecretKind::Credential, secret, this, write.callback());
        QVERIFY(write.wait());
        QVERIFY(write.result.ok());

        QProcess lookup;
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("lookup"), QStringLiteral("server"), m_service, QStringLiteral("user"),
                      SecretStore::keyFor(id, SecretKind::Credential)});
        QVERIFY(lookup.waitForFinished(10000));
        QCOMPARE(lookup.exitCode(), 0);
        // Stored as binary data, which QtKeychain keeps base64-encoded (type=base64).
        QCOMPARE(lookup.readAllStandardOutput().trimmed(), secret.toBase64());
    }

    void tinyTimeoutReportsTimeoutOnceAndDropsTheLateAnswer() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        // A 1 ms deadline expires before a D-Bus round trip to the keyring can complete.
        KeychainSecretStore hasty(m_service, 1ms);
        const QString id = Account::newId();
        Call write;
        hasty.write(id, SecretKind::AccessToken, "late-but-written", this, write.callback());
        QVERIFY(write.wait());
        QCOMPARE(write.result.status, SecretResult::Status::Timeout);
        QVERIFY2(write.result.errorString.contains(QLatin1String("did not answer")),
                 qPrintable(write.result.errorString));

        // QtKeychain runs jobs one after another: once this read is answered, the timed-out write
        // has finished too, and its late answer must have been dropped.
        KeychainSecretStore patient(m_service);
        Call read;
        patient.read(id, SecretKind::AccessToken, this, read.callback());
        QVERIFY(read.wait());
        QVERIFY2(read.result.ok(),
                 describe(read.result).constData()); // "Timeout" meant "unknown": it was written
        QCOMPARE(read.result.data, QByteArrayLiteral("late-but-written"));
        QCOMPARE(write.answers, 1);
        QCOMPARE(write.result.status, SecretResult::Status::Timeout);
    }

    void storeOrContextMayGoAwayWhileAJobRuns() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        const QString id = Account::newId();

        // The store goes first: the answer still arrives.
        auto store = std::make_unique<KeychainSecretStore>(m_service);
        Call write;
        store->write(id, SecretKind::Credential, "k", this, write.callback());
        store.reset();
        QVERIFY(write.wait());
        QVERIFY(write.result.ok());

        // The context goes first: no callback, no crash.
        KeychainSecretStore kept(m_service);
        auto context = std::make_unique<QObject>();
        Call orphan;
        kept.read(id, SecretKind::Credential, context.get(), orphan.callback());
        context.reset();
        Call marker; // answered after the orphaned read (jobs run in order)
        kept.read(id, SecretKind::Credential, this, marker.callback());
        QVERIFY(marker.wait());
        QCOMPARE(orphan.answers, 0);
    }

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
