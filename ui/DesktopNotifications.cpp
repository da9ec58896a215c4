#include "DesktopNotifications.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

DesktopNotifications::DesktopNotifications(Fallback fallback, QObject *parent)
    : QObject(parent)
    , m_fallback(std::move(fallback))
{
}

void DesktopNotifications::setTrayIcon(QSystemTrayIcon *tray)
{
    m_tray = tray;
}

bool DesktopNotifications::serviceAvailable() const
{
    if (!m_useService)
        return false;
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    // Registered now, or started on demand by the bus.
    if (bus.interface()->isServiceRegistered(kService).value())
        return true;
    return bus.interface()->activatableServiceNames().value().contains(kService);
}

DesktopNotifications::Channel DesktopNotifications::channel() const
{
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages())
        return Channel::Tray;
    if (serviceAvailable())
        return Channel::NotificationService;
    return Channel::Fallback;
}

void DesktopNotifications::show(const QString &title, const QString &text)
{
    switch (channel()) {
    case Channel::Tray:
        m_tray->showMessage(title, text, QSystemTrayIcon::Warning, kTimeoutMs);
        return;
    case Channel::NotificationService: {
        QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kService, QStringLiteral("Notify"));
        // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout)
        call << QCoreApplication::applicationName() << uint(0) << QStringLiteral("dialog-warning") << title << text
             << QStringList() << QVariantMap() << int(kTimeoutMs);
        QDBusConnection::sessionBus().send(call); // fire and forget: never wait for the desktop
        return;
    }
    case Channel::Fallback:
        if (m_fallback)
            m_fallback(title, text);
        return;
    }
}
