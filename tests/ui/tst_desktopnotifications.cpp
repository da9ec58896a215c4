// Where a notification goes: without a tray, to the freedesktop notification service when one is on the
// session bus (a fake one here, on the test's private bus), else to the window's banner.
#include "DesktopNotifications.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
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

class TestDesktopNotifications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fallsBackToTheBanner();
    void usesTheNotificationService();
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
    QCOMPARE(n.channel(), DesktopNotifications::Channel::NotificationService);
    n.show(QStringLiteral("Token renewal failed"), QStringLiteral("Automatic renewal of prod failed."));
    QTRY_COMPARE(fake.summaries.size(), 1);
    QCOMPARE(fake.summaries.first(), QStringLiteral("Token renewal failed"));
    QCOMPARE(fake.bodies.first(), QStringLiteral("Automatic renewal of prod failed."));
    QCOMPARE(fallbacks, 0);

    bus.unregisterService(service);
    bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    QCOMPARE(n.channel(), DesktopNotifications::Channel::Fallback);
}

QTEST_GUILESS_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"
