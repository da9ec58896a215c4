// Keychain edge cases beyond tests/accounts/tst_keychainsecretstore.cpp: mid-sized secrets, two accounts
// with the same username at different providers, and the window over a keychain that never answers
// (TokenDesk's own deadline fires, the window keeps running, the late answer changes nothing).
// The real-keyring cases need scripts/with-test-keyring.sh (TOKENDESK_TEST_KEYRING=1); the hanging one
// runs a child process with a fake session bus of its own and needs no keyring.
#include "KeychainTestSupport.h"

#include "AccountActions.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "MainWindow.h"
#include "accounts/AccountStore.h"
#include "accounts/KeychainSecretStore.h"
#include "auth/TokenManager.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
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

#include <cstdio>
#include <cstdlib>

using namespace std::chrono_literals;

namespace {

constexpr auto kHangFlag = "--gui-over-hanging-keychain";
constexpr int kKeychainTimeoutMs = 1500;
constexpr int kHeartbeatMs = 50;

// Child mode. A "session bus" in this very process accepts connections and never says a word; the
// window is built over a real CoreServices (KeychainSecretStore with a short deadline) and asked to copy
// a token its metadata says is valid, which needs one keychain read.
int runGuiOverHangingKeychain(int argc, char **argv) {
    QTemporaryDir dir;
    if (!dir.isValid())
        return 2;
    const QString busPath = dir.filePath(QStringLiteral("bus"));
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(busPath));
    QApplication app(argc, argv);
    QLocalServer bus;
    bus.setSocketOptions(QLocalServer::UserAccessOption);
    if (!bus.listen(busPath))
        return 3;
    QList<QLocalSocket *> connections;
    QObject::connect(&bus, &QLocalServer::newConnection, &bus, [&] {
        while (QLocalSocket *s = bus.nextPendingConnection())
            connections.append(s); // kept open, never read, never answered
    });

    Account account;
    account.id = Account::newId();
    account.name = QStringLiteral("hanging");
    account.providerId = QStringLiteral("quadrata");
    account.baseUrl = QUrl(QStringLiteral("https://api.example.invalid"));
    account.token.hasAccessToken = true;
    account.token.accessObtainedAt = QDateTime::currentDateTimeUtc();
    account.token.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    account.token.lastState = TokenState::Valid;
    const QString configDir = dir.filePath(QStringLiteral("config"));
    {
        AccountStore seed(QDir(configDir).filePath(QStringLiteral("accounts.json")));
        if (!seed.load().ok() || !seed.add(account).ok)
            return 4;
    }

    CoreOptions options;
    options.configDirectory = configDir;
    options.keychainService = QStringLiteral("TokenDeskHangTest");
    options.keychainTimeoutMs = kKeychainTimeoutMs;
    CoreServices core(options);
    ClipboardGuard clipboard(QGuiApplication::clipboard());
    MainWindow window(&core, &clipboard, MainWindow::Mode::Normal);
    window.show();
    window.selectAccount(account.id);
    int messages = 0;
    QObject::connect(window.actions(), &AccountActions::message, &window, [&](const QString &, bool isError) {
        messages += isError ? 1 : 0;
    });

    // The heartbeat: if the keychain call blocked the GUI thread, it would stop ticking.
    int ticks = 0;
    qint64 maxGapMs = 0;
    QElapsedTimer sinceTick;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &window, [&] {
        ++ticks;
        maxGapMs = qMax(maxGapMs, sinceTick.restart());
    });
    QElapsedTimer elapsed;
    elapsed.start();
    sinceTick.start();
    heartbeat.start(kHeartbeatMs);
    window.actions()->copyTokenAction()->trigger();
    const bool bannerShown = QTest::qWaitFor([&] { return !window.bannerText().isEmpty(); }, 15000);
    const qint64 bannerAfterMs = elapsed.elapsed();
    const int ticksUntilBanner = ticks;
    const qint64 maxGapUntilBanner = maxGapMs;
    const QString banner = window.bannerText();

    // The late answer: the bus goes away, so QtKeychain's hung job finally fails. QtKeychain runs its
    // jobs one after another, so once a later call is answered the first job has finished too; its
    // answer must change nothing.
    const int connectionsSeen = int(connections.size());
    bus.close();
    qDeleteAll(connections);
    connections.clear();
    KeychainSecretStore marker(options.keychainService, 20s);
    int markerStatus = -1;
    marker.read(account.id, SecretKind::AccessToken, &window,
                [&](const SecretResult &r) { markerStatus = int(r.status); });
    const bool markerAnswered = QTest::qWaitFor([&] { return markerStatus >= 0; }, 20000);
    QTest::qWait(200); // let anything the late answer queued run
    heartbeat.stop();

    QJsonObject report;
    report.insert(QStringLiteral("bannerShown"), bannerShown);
    report.insert(QStringLiteral("bannerAfterMs"), bannerAfterMs);
    report.insert(QStringLiteral("ticksUntilBanner"), ticksUntilBanner);
    report.insert(QStringLiteral("maxGapUntilBannerMs"), maxGapUntilBanner);
    report.insert(QStringLiteral("banner"), banner);
    report.insert(QStringLiteral("bannerAtEnd"), window.bannerText());
    report.insert(QStringLiteral("clipboard"), QGuiApplication::clipboard()->text());
    report.insert(QStringLiteral("errorMessages"), messages);
    report.insert(QStringLiteral("busy"), core.tokens()->isBusy(account.id));
    report.insert(QStringLiteral("connectionsSeen"), connectionsSeen);
    report.insert(QStringLiteral("markerAnswered"), markerAnswered);
    report.insert(QStringLiteral("markerStatus"), markerStatus);
    report.insert(QStringLiteral("accountState"),
                  tokenStateKey(core.accounts()->account(account.id).value_or(Account{}).token.lastState));
    std::fputs(QJsonDocument(report).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    std::fflush(stdout);
    std::_Exit(0); // a hung backend may hold threads that would block an orderly exit
}

} // namespace

class TestKeychainEdges : public QObject {
    Q_OBJECT

private:
    bool m_keyring = false;
    QString m_service;

private Q_SLOTS:
    void initTestCase() {
        m_keyring = qEnvironmentVariable("TOKENDESK_TEST_KEYRING") == QLatin1String("1");
        m_service = QStringLiteral("TokenDeskEdges-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void cleanupTestCase() {
        if (m_keyring)
            QProcess::execute(QStringLiteral("secret-tool"),
                              {QStringLiteral("clear"), QStringLiteral("server"), m_service});
    }

    // 10,000 bytes is covered by tst_keychainsecretstore; these sizes straddle D-Bus and base64 buffer
    // boundaries of the Secret Service path.
    void midSizedSecretsRoundTrip_data() {
        QTest::addColumn<int>("size");
        QTest::newRow("1000") << 1000;
        QTest::newRow("3000") << 3000;
        QTest::newRow("10000") << 10000;
    }

    void midSizedSecretsRoundTrip() {
        if (!m_keyring)
            QSKIP("Needs the private Secret Service of scripts/with-test-keyring.sh (TOKENDESK_TEST_KEYRING=1).");
        QFETCH(int, size);
        QByteArray secret(size, '\0');
        for (int i = 0; i < size; ++i)
            secret[i] = char((i * 7 + size) % 256);
        KeychainSecretStore store(m_service);
        const QString id = Account::newId();
        Call write;
        store.write(id, SecretKind::AccessToken, secret, this, write.callback());
        QVERIFY(write.wait());
        QVERIFY2(write.result.ok(), qPrintable(write.result.errorString));
        Call read;
        store.read(id, SecretKind::AccessToken, this, read.callback());
        QVERIFY(read.wait());
        QVERIFY2(read.result.ok(), qPrintable(read.result.errorString));
        QCOMPARE(read.result.data.size(), size);
        QCOMPARE(read.result.data, secret);
    }

    void sameUsernameAtTwoProvidersNeverCollides() {
        if (!m_keyring)
            QSKIP("Needs the private Secret Service of scripts/with-test-keyring.sh (TOKENDESK_TEST_KEYRING=1).");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AccountStore accounts(dir.filePath(QStringLiteral("accounts.json")));
        QVERIFY(accounts.load().ok());
        Account b2b;
        b2b.id = Account::newId();
        b2b.name = QStringLiteral("ops-b2b");
        b2b.providerId = QStringLiteral("b2b-api");
        b2b.baseUrl = QUrl(QStringLiteral("https://b2b.example.com"));
        b2b.username = QStringLiteral("ops@example.com");
        Account kyc = b2b;
        kyc.id = Account::newId();
        kyc.name = QStringLiteral("ops-kyc");
        kyc.providerId = QStringLiteral("kyc-jwt");
        kyc.baseUrl = QUrl(QStringLiteral("https://kyc.example.com"));
        QVERIFY(accounts.add(b2b).ok && accounts.add(kyc).ok);
        QVERIFY(b2b.id != kyc.id);

        KeychainSecretStore store(m_service);
        Call w1, w2;
        store.write(b2b.id, SecretKind::Credential, "b2b-password", this, w1.callback());
        store.write(kyc.id, SecretKind::Credential, "kyc-password", this, w2.callback());
        QVERIFY(w1.wait() && w2.wait());
        QVERIFY(w1.result.ok() && w2.result.ok());

        // Two real entries, each under its own account id, whatever the username.
        for (const auto &[id, expected] : {std::pair{b2b.id, QByteArrayLiteral("b2b-password")},
                                           std::pair{kyc.id, QByteArrayLiteral("kyc-password")}}) {
            QProcess lookup;
            lookup.start(QStringLiteral("secret-tool"),
                         {QStringLiteral("lookup"), QStringLiteral("server"), m_service, QStringLiteral("user"),
                          SecretStore::keyFor(id, SecretKind::Credential)});
            QVERIFY(lookup.waitForFinished(10000));
            QCOMPARE(lookup.exitCode(), 0);
            QCOMPARE(QByteArray::fromBase64(lookup.readAllStandardOutput().trimmed()), expected);
        }

        // Removing one leaves the other.
        Call removed;
        store.remove(b2b.id, SecretKind::Credential, this, removed.callback());
        QVERIFY(removed.wait());
        QVERIFY(removed.result.ok());
        Call r1, r2;
        store.read(b2b.id, SecretKind::Credential, this, r1.callback());
        store.read(kyc.id, SecretKind::Credential, this, r2.callback());
        QVERIFY(r1.wait() && r2.wait());
        QCOMPARE(r1.result.status, SecretResult::Status::NotFound);
        QVERIFY(r2.result.ok());
        QCOMPARE(r2.result.data, QByteArrayLiteral("kyc-password"));
    }

    void windowStaysResponsiveOverAHangingKeychain() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "TOKENDESK_TEST_KEYRING"})
            env.remove(QString::fromLatin1(name));
        for (const char *sub : {"home", "config", "data", "cache"}) {
            QDir(home.path()).mkpath(QString::fromLatin1(sub));
        }
        env.insert(QStringLiteral("HOME"), home.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kHangFlag)});
        QVERIFY(child.waitForStarted());
        QVERIFY2(child.waitForFinished(60000), "the child did not finish");
        const QByteArray err = child.readAllStandardError();
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 0, err.constData());
        const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
        const QJsonObject r = QJsonDocument::fromJson(lines.last()).object();
        QVERIFY2(!r.isEmpty(), err.constData());
        const QByteArray summary = QJsonDocument(r).toJson(QJsonDocument::Compact);

        // TokenDesk's own deadline answered, and the banner says so.
        QVERIFY2(r.value(QLatin1String("connectionsSeen")).toInt() > 0, "the child never tried the fake bus");
        QVERIFY2(r.value(QLatin1String("bannerShown")).toBool(), summary.constData());
        const QString banner = r.value(QLatin1String("banner")).toString();
        QVERIFY2(banner.contains(QLatin1String("did not answer within 2 second")), qPrintable(banner));
        const qint64 after = r.value(QLatin1String("bannerAfterMs")).toInteger();
        QVERIFY2(after >= kKeychainTimeoutMs - 50 && after < kKeychainTimeoutMs + 2000, summary.constData());
        // Responsive all along: the heartbeat kept ticking, never stalled for long.
        const int ticks = r.value(QLatin1String("ticksUntilBanner")).toInt();
        QVERIFY2(ticks >= int(after / kHeartbeatMs) / 2, summary.constData());
        QVERIFY2(r.value(QLatin1String("maxGapUntilBannerMs")).toInteger() < 500, summary.constData());
        // Nothing was copied, one error was reported, and the operation is over.
        QCOMPARE(r.value(QLatin1String("clipboard")).toString(), QString());
        QCOMPARE(r.value(QLatin1String("busy")).toBool(), false);

        // The late answer arrived (the later call behind it was answered) and changed nothing.
        QVERIFY2(r.value(QLatin1String("markerAnswered")).toBool(), summary.constData());
        QCOMPARE(r.value(QLatin1String("errorMessages")).toInt(), 1);
        QCOMPARE(r.value(QLatin1String("bannerAtEnd")).toString(), banner);
        QCOMPARE(r.value(QLatin1String("clipboard")).toString(), QString());
    }
};

int main(int argc, char **argv) {
    if (argc > 1 && qstrcmp(argv[1], kHangFlag) == 0)
        return runGuiOverHangingKeychain(argc, argv);
    QCoreApplication app(argc, argv);
    TestKeychainEdges test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainedges.moc"
