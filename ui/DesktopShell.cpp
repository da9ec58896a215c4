#include "DesktopShell.h"

#include "AccountActions.h"
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "DesktopNotifications.h"
#include "ExpiryNotifier.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QSystemTrayIcon>

DesktopShell::DesktopShell(const Parts &parts, bool withTray, bool useNotificationService, QObject *parent)
    : QObject(parent)
    , m_parts(parts) {
    MainWindow *window = m_parts.window;
    CoreServices *core = m_parts.core;
    if (withTray) {
        m_tray = std::make_unique<TrayIcon>(core->accounts(), core->tokens(), core->clock(),
                                            window->actions(), window);
        QApplication::setQuitOnLastWindowClosed(false); // a dialog closed while the window is hidden
        m_tray->show();
        connect(m_tray.get(), &TrayIcon::settingsRequested, this, &DesktopShell::openSettings);
        connect(m_tray.get(), &TrayIcon::quitRequested, window, &MainWindow::requestQuit);
    }
    applyTrayOptions();
    connect(m_parts.settings, &AppSettings::changed, this, &DesktopShell::applyTrayOptions);
    connect(window, &MainWindow::quitRequested, this, &DesktopShell::quit);
    connect(window, &MainWindow::hiddenToTray, this, &DesktopShell::onHiddenToTray);
    connect(window, &MainWindow::settingsRequested, this, &DesktopShell::openSettings);

    // Notifications: the tray's balloon, the desktop's notification service, or the window's banner.
    m_notifications =
        std::make_unique<DesktopNotifications>([this, window](const QString &title, const QString &text) {
            const QString shown = tr("%1: %2", "notification shown in the window: title: text").arg(title, text);
            window->showMessage(shown, true);
            if (!m_noticeAccount.isEmpty())
                m_bannerNotices.insert(m_noticeAccount, shown);
        });
    m_notifications->setUseNotificationService(useNotificationService);
    m_notifications->setTrayIcon(m_tray ? m_tray->icon() : nullptr);
    if (m_parts.notifier) {
        connect(m_parts.notifier, &ExpiryNotifier::notify, m_notifications.get(),
                [this](const QString &accountId, const QString &title, const QString &text) {
                    m_noticeAccount = accountId; // the banner, if that is where it goes, remembers whose it is
                    m_notifications->show(title, text);
                    m_noticeAccount.clear();
                });
        // A stale notice ("Token expires soon… automatic renewal is off") leaves the banner once the
        // account has a new token.
        connect(m_parts.notifier, &ExpiryNotifier::outdated, window, [this](const QString &accountId) {
            const QString shown = m_bannerNotices.take(accountId);
            if (!shown.isEmpty())
                m_parts.window->withdrawMessage(shown);
        });
    }
    // A copy from the tray menu that failed, while the window (and its banner) is hidden.
    connect(window->actions(), &AccountActions::message, m_notifications.get(),
            [this](const QString &text, bool isError) {
                if (isError && !m_parts.window->isVisible() &&
                    m_notifications->channel() != DesktopNotifications::Channel::Fallback)
                    m_notifications->show(tr("TokenDesk"), text);
            });
}

DesktopShell::~DesktopShell() {
    delete m_settingsDialog.data(); // a child of the window, which may outlive the shell
}

bool DesktopShell::startsInTray() const {
    return m_tray && m_parts.settings->values().startMinimized;
}

void DesktopShell::applyTrayOptions() {
    m_parts.window->setKeepRunningInTray(m_tray && m_parts.settings->values().closeToTray);
}

void DesktopShell::onHiddenToTray() {
    if (m_toldAboutTray || !m_tray)
        return;
    m_toldAboutTray = true;
    m_tray->icon()->showMessage(tr("TokenDesk is still running"),
                                tr("It keeps your tokens fresh from the tray. Quit it from the tray menu."),
                                QSystemTrayIcon::Information, DesktopNotifications::kTimeoutMs);
}

void DesktopShell::openSettings() {
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_parts.settings, m_tray != nullptr, m_parts.window);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void DesktopShell::quit() {
    // Not left to aboutToQuit alone: the clipboard is cleared while the application can still serve it.
    m_parts.clipboard->clearNow();
    QCoreApplication::quit();
}

SettingsDialog *DesktopShell::settingsDialog() const {
    return m_settingsDialog.data();
}
