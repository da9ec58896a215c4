#include "DesktopNotifications.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kBusService = QStringLiteral("org.freedesktop.DBus");
const QString kBusPath = QStringLiteral("/org/freedesktop/DBus");

// Calls a method of the bus daemon without waiting; `done` gets the reply's first argument, or nothing.
template<typename Done>
void askBus(QObject *context, const QString &method, Done done)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kBusService, kBusPath, kBusService, method);
    if (method == QLatin1String("NameHasOwner"))
        call << kService;
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [done](QDBusPendingCallWatcher *w) {
        const QDBusMessage reply = w->reply(); // finished: nothing to wait for
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
            done(reply.arguments().constFirst());
        w->deleteLater();
    });
}
} // namespace

DesktopNotifications::DesktopNotifications(Fallback fallback, QObject *parent)
    : QObject(parent)
    , m_fallback(std::move(fallback))
{
    lookForService();
}

void DesktopNotifications::lookForService()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    m_watcher = new QDBusServiceWatcher(kService, bus,
                                        QDBusServiceWatcher::WatchForRegistration
                                            | QDBusServiceWatcher::WatchForUnregistration,
                                        this);
    connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this, [this] {
        m_registered = true;
        m_watched = true;
    });
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        m_registered = false;
        m_watched = true;
    });
    // Registered now, or started on demand by the bus.
    askBus(this, QStringLiteral("NameHasOwner"), [this](const QVariant &owned) {
        if (!m_watched)
            m_registered = owned.toBool();
    });
    askBus(this, QStringLiteral("ListActivatableNames"),
           [this](const QVariant &names) { m_activatable = names.toStringList().contains(kService); });
}

void DesktopNotifications::setTrayIcon(QSystemTrayIcon *tray)
{
    m_tray = tray;
}

bool DesktopNotifications::serviceAvailable() const
{
    return m_useService && (m_registered || m_activatable);
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
        // Never wait for the desktop; if it refuses or does not answer in time, the banner shows it instead.
        auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call, kTimeoutMs), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, title, text](QDBusPendingCallWatcher *w) {
            if (w->isError() && m_fallback)
                m_fallback(title, text);
            w->deleteLater();
        });
        return;
    }
    case Channel::Fallback:
        if (m_fallback)
            m_fallback(title, text);
        return;
    }
}
