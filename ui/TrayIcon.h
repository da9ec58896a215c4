#pragma once

#include <QObject>

class AccountActions;
class AccountStore;
class Clock;
class QSystemTrayIcon;
class QTimer;
class QWidget;
class TokenManager;
class TrayMenu;

// The system tray icon: its menu (TrayMenu), a tooltip listing the soonest expiries, and a click that shows
// or hides the window. The tooltip is rebuilt at most once a second when accounts change, and once a
// minute for the time left; nothing per account per tick. Create it only when
// QSystemTrayIcon::isSystemTrayAvailable(); without a tray TokenDesk is a plain window app.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    TrayIcon(AccountStore *accounts, TokenManager *tokens, const Clock *clock, AccountActions *actions,
             QWidget *window, QObject *parent = nullptr);
    ~TrayIcon() override;

    QSystemTrayIcon *icon() const { return m_icon; }
    TrayMenu *menu() const { return m_menu; }
    void show();
    void updateToolTip();

    static constexpr int kToolTipDelayMs = 1000;
    static constexpr int kToolTipRefreshMs = 60000;

Q_SIGNALS:
    void settingsRequested();
    void quitRequested();

private:
    void toolTipSoon();

    TrayMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QTimer *m_toolTipDelay;
    QTimer *m_toolTipRefresh;
};
