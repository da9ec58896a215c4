// Where a notification goes: without a tray, to the freedesktop notification service when one is on the
// session bus (a fake one here, on the test's private bus), else to the window's banner.
#include "DesktopNotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusError>
#include <QDBusServer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QVariantMap>

class FakeNotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries;
    QStringList bodies;
    QString appName;

public Q_SLOTS:
    uint Notify(const QString &app, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replacesId);
        Q_UNUSED(icon);
        Q_UNUSED(actions);
        Q_UNUSED(hints);
        Q_UNUSED(timeout);
        appName = app;
        summaries.append(summary);
        bodies.append(body);
        return uint(summaries.size());
    }
};

// A notification service that takes every call and never answers.
class SilentNotificationService : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    int calls = 0;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &, const QString &, const QStringList &,
                const QVariantMap &, int)
    {
        setDelayedReply(true); // and never send it
        ++calls;
        return 0;
    }
};

// A session bus that answers the handshake and then nothing about names: a desktop whose bus is stuck.
class StuckBusDaemon : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.DBus")
public Q_SLOTS:
    QString Hello() { return QStringLiteral(":1.1"); }
    void AddMatch(const QString &) {}
    void RemoveMatch(const QString &) {}
    bool NameHasOwner(const QString &)
    {
        setDelayedReply(true);
        return false;
    }
    QStringList ListActivatableNames()
    {
        setDelayedReply(true);
        return {};
    }
    QString GetNameOwner(const QString &)
    {
        setDelayedReply(true);
        return {};
    }
};

class TestDesktopNotifications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fallsBackToTheBanner();
    void usesTheNotificationService();
    void aServiceThatNeverAnswersDoesNotBlock();
    void aBusThatNeverAnswersDoesNotBlock();
    void stuckBusChild(); // run by the test above in a child process on the stuck bus; skipped otherwise
};

void TestDesktopNotifications::fallsBackToTheBanner()
{
    QStringList shown;
    DesktopNotifications n([&shown](const QString &title, const QString &text) { shown << title << text; });
    n.setUseNotificationService(false);
    n.setTrayIcon(nullptr);
    QCOMPARE(n.channel(), DesktopNotifications::Channel::Fallback);
    n.show(QStringLiteral("Token expires soon"), QStringLiteral("The token of prod expires in 5 minutes."));
    QCOMPARE(shown, (QStringList{QStringLiteral("Token expires soon"),
                                 QStringLiteral("The token of prod expires in 5 minutes.")}));
}

void TestDesktopNotifications::usesTheNotificationService()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        QSKIP("no session bus (scripts/test.sh provides a private one)");
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    if (bus.interface()->isServiceRegistered(service).value())
        QSKIP("a real notification service is running on this bus");
    FakeNotificationService fake;
    QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &fake,
                               QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(service));

    int fallbacks = 0;
    DesktopNotifications n([&fallbacks](const QString &, const QString &) { ++fallbacks; });
    QTRY_COMPARE(n.channel(), DesktopNotifications::Channel::NotificationService); // learned asynchronously
    n.show(QStringLiteral("Token renewal failed"), QStringLiteral("Automatic renewal of prod failed."));
    QTRY_COMPARE(fake.summaries.size(), 1);
    QCOMPARE(fake.summaries.first(), QStringLiteral("Token renewal failed"));
    QCOMPARE(fake.bodies.first(), QStringLiteral("Automatic renewal of prod failed."));
    QCOMPARE(fallbacks, 0);

    bus.unregisterService(service);
    bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    QTRY_COMPARE(n.channel(), DesktopNotifications::Channel::Fallback);
}

void TestDesktopNotifications::aServiceThatNeverAnswersDoesNotBlock()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        QSKIP("no session bus (scripts/test.sh provides a private one)");
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    if (bus.interface()->isServiceRegistered(service).value())
        QSKIP("a real notification service is running on this bus");
    // On a connection of its own, so that calls to it go through the bus like a real desktop's.
    const QString name = QStringLiteral("silent-notifications");
    {
        QDBusConnection own = QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
        QVERIFY(own.isConnected());
        SilentNotificationService silent;
        QVERIFY(own.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &silent,
                                   QDBusConnection::ExportAllSlots));
        QVERIFY(own.registerService(service));

        int fallbacks = 0;
        DesktopNotifications n([&fallbacks](const QString &, const QString &) { ++fallbacks; });
        QTRY_COMPARE(n.channel(), DesktopNotifications::Channel::NotificationService);
        // A functional check, not a benchmark: waiting for the answer would take the 10 s call timeout each.
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 3; ++i) {
            n.show(QStringLiteral("Token renewal failed"), QStringLiteral("Automatic renewal of prod failed."));
            QCOMPARE(n.channel(), DesktopNotifications::Channel::NotificationService);
        }
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE(silent.calls, 3); // they did arrive
        QCOMPARE(fallbacks, 0);        // and none has timed out yet

        own.unregisterService(service);
        own.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    }
    QDBusConnection::disconnectFromBus(name);
}

void TestDesktopNotifications::aBusThatNeverAnswersDoesNotBlock()
{
    // The session bus of a process is fixed at its first use, so a child process gets the stuck one.
    QDBusServer server;
    QVERIFY2(server.isConnected(), qPrintable(server.lastError().message()));
    StuckBusDaemon daemon;
    QList<QDBusConnection> clients;
    connect(&server, &QDBusServer::newConnection, this, [&](const QDBusConnection &connection) {
        clients.append(connection);
        clients.last().registerObject(QStringLiteral("/org/freedesktop/DBus"), &daemon,
                                      QDBusConnection::ExportAllSlots);
    });
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), server.address());
    env.insert(QStringLiteral("TOKENDESK_STUCK_BUS_CHILD"), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("stuckBusChild")});
    QVERIFY(child.waitForStarted());
    // Blocking calls would each wait for D-Bus's 25 s timeout; the child's bound is 3 s.
    const bool ended = QTest::qWaitFor([&child] { return child.state() == QProcess::NotRunning; }, 40000);
    if (!ended) {
        child.kill();
        child.waitForFinished(5000);
        QFAIL("showing a notification blocked: the child still ran after 40 s");
    }
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : TestDesktopNotifications::stuckBusChild()"), output.constData());
    for (QDBusConnection &c : clients)
        c.unregisterObject(QStringLiteral("/org/freedesktop/DBus"));
}

void TestDesktopNotifications::stuckBusChild()
{
    if (qEnvironmentVariableIsEmpty("TOKENDESK_STUCK_BUS_CHILD"))
        QSKIP("runs in the child process of aBusThatNeverAnswersDoesNotBlock");
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    int fallbacks = 0;
    QElapsedTimer timer;
    timer.start();
    DesktopNotifications n([&fallbacks](const QString &, const QString &) { ++fallbacks; });
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(n.channel(), DesktopNotifications::Channel::Fallback); // nothing known yet
        n.show(QStringLiteral("Token renewal failed"), QStringLiteral("Automatic renewal of prod failed."));
    }
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(fallbacks, 3); // shown in the window meanwhile
}

QTEST_GUILESS_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"
