#pragma once

#include <QDateTime>
#include <QList>
#include <QMenu>
#include <QPointer>
#include <QString>

class AccountActions;
class AccountStore;
class Clock;

// The tray icon's menu: the accounts whose tokens expire soonest, with their time left, each with "Copy
// token" and "Copy header line" (through AccountActions, as the window's copy actions); then show/hide the
// window, Settings… and Quit. Built when it is about to show, never per second.
class TrayMenu : public QMenu
{
    Q_OBJECT
public:
    struct Entry
    {
        QString accountId;
        QString name;
        QDateTime expiresAt; // invalid: a token whose expiry the provider does not tell
    };

    TrayMenu(AccountStore *accounts, const Clock *clock, AccountActions *actions, QWidget *window,
             QWidget *parent = nullptr);

    void rebuild();                              // aboutToShow calls it; tests call it
    QString toolTipText() const;                 // "TokenDesk" and the soonest expiries, one a line
    QAction *toggleWindowAction() const { return m_toggleWindow; }
    QAction *settingsAction() const { return m_settings; }
    QAction *quitAction() const { return m_quit; }
    QList<QAction *> accountActions() const { return m_accountActions; } // one per listed account

    // The `count` accounts holding a token, soonest expiry first (unknown expiries last, by name).
    static QList<Entry> soonest(const AccountStore &accounts, int count);
    static QString timeLeft(qint64 seconds);     // "4 min left", "expired"
    static void toggleWindow(QWidget *window);   // hide it, or bring it back to the front

    static constexpr int kMaxAccounts = 6;

Q_SIGNALS:
    void settingsRequested();
    void quitRequested();

private:
    QString entryText(const Entry &entry) const;

    AccountStore *m_accounts;
    const Clock *m_clock;
    QPointer<AccountActions> m_actions;
    QPointer<QWidget> m_window;
    QList<QAction *> m_accountActions;
    QList<QPointer<QMenu>> m_submenus;
    QAction *m_toggleWindow;
    QAction *m_settings;
    QAction *m_quit;
};
