#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class AppSettings;
class ClipboardGuard;
class CoreServices;
class DesktopNotifications;
class ExpiryNotifier;
class MainWindow;
class SettingsDialog;
class TrayIcon;

// The desktop around the main window: the tray icon where the desktop has one (and closing to it), the
// notifications (tray balloon, notification service or the window's banner), the settings dialog, and
// quitting, which takes a secret the ClipboardGuard left on the clipboard off it first. ui/main.cpp
// builds one after the window; tests build one with or without a tray.
class DesktopShell : public QObject {
    Q_OBJECT
public:
    struct Parts {
        CoreServices *core = nullptr;
        MainWindow *window = nullptr;
        ClipboardGuard *clipboard = nullptr;
        AppSettings *settings = nullptr;
        ExpiryNotifier *notifier = nullptr;
    };

    // `withTray`: QSystemTrayIcon::isSystemTrayAvailable() (tests choose). `useNotificationService`: look
    // for org.freedesktop.Notifications on the session bus (tests turn it off).
    DesktopShell(const Parts &parts, bool withTray, bool useNotificationService = true,
                 QObject *parent = nullptr);
    ~DesktopShell() override;

    TrayIcon *tray() const { return m_tray.get(); }
    DesktopNotifications *notifications() const { return m_notifications.get(); }
    SettingsDialog *settingsDialog() const; // null until openSettings(), and after it closed

    // Whether the window should stay hidden at start (a tray and "start minimized").
    bool startsInTray() const;
    void openSettings();
    // Clears our text from the clipboard, then ends the event loop.
    void quit();

private:
    void applyTrayOptions();
    void onHiddenToTray();

    Parts m_parts;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<DesktopNotifications> m_notifications;
    QPointer<SettingsDialog> m_settingsDialog;
    bool m_toldAboutTray = false;
    QString m_noticeAccount;                // the account whose notice is being shown now
    QHash<QString, QString> m_bannerNotices; // account id → its notice as shown on the window's banner
};
