#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QDBusServiceWatcher;
class QSystemTrayIcon;

// Shows a notification the best way this desktop offers: the tray icon's balloon when there is a tray,
// else the freedesktop notification service (org.freedesktop.Notifications on the session bus), else the
// fallback the composition root gives (the main window's message banner). Never blocks: whether the service
// is there is learned asynchronously (one look at construction, then a QDBusServiceWatcher) and cached, and
// Notify is an asynchronous call; if it fails, the fallback shows the notification.
class DesktopNotifications : public QObject
{
    Q_OBJECT
public:
    enum class Channel { Tray, NotificationService, Fallback };
    using Fallback = std::function<void(const QString &title, const QString &text)>;

    explicit DesktopNotifications(Fallback fallback, QObject *parent = nullptr);

    void setTrayIcon(QSystemTrayIcon *tray); // null: no tray
    // Whether to look for the notification service on the session bus (tests turn it off).
    void setUseNotificationService(bool use) { m_useService = use; }
    Channel channel() const; // where the next notification goes

    void show(const QString &title, const QString &text);

    static constexpr int kTimeoutMs = 10000;

private:
    bool serviceAvailable() const;
    void lookForService();

    Fallback m_fallback;
    QPointer<QSystemTrayIcon> m_tray;
    QDBusServiceWatcher *m_watcher = nullptr;
    bool m_useService = true;
    bool m_registered = false;  // the service has an owner on the session bus
    bool m_activatable = false; // the bus starts it on demand
    bool m_watched = false;     // the watcher has spoken: newer than the first look
};
