#include "TrayIcon.h"

#include "TrayMenu.h"
#include "accounts/AccountStore.h"
#include "auth/TokenManager.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimer>

namespace {
QIcon trayIconImage()
{
    const QIcon app = QGuiApplication::windowIcon();
    if (!app.isNull())
        return app;
    return QIcon::fromTheme(QStringLiteral("dialog-password"),
                            QApplication::style()->standardIcon(QStyle::SP_DriveNetIcon));
}
} // namespace

TrayIcon::TrayIcon(AccountStore *accounts, TokenManager *tokens, const Clock *clock, AccountActions *actions,
                   QWidget *window, QObject *parent)
    : QObject(parent)
    , m_menu(new TrayMenu(accounts, clock, actions, window))
    , m_icon(new QSystemTrayIcon(trayIconImage(), this))
    , m_toolTipDelay(new QTimer(this))
    , m_toolTipRefresh(new QTimer(this))
{
    m_icon->setContextMenu(m_menu); // does not take ownership
    connect(m_menu, &TrayMenu::settingsRequested, this, &TrayIcon::settingsRequested);
    connect(m_menu, &TrayMenu::quitRequested, this, &TrayIcon::quitRequested);
    connect(m_icon, &QSystemTrayIcon::activated, this, [window](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            TrayMenu::toggleWindow(window);
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [window] {
        if (window && !window->isVisible())
            TrayMenu::toggleWindow(window);
    });

    m_toolTipDelay->setSingleShot(true);
    m_toolTipDelay->setInterval(kToolTipDelayMs);
    connect(m_toolTipDelay, &QTimer::timeout, this, &TrayIcon::updateToolTip);
    m_toolTipRefresh->setInterval(kToolTipRefreshMs);
    m_toolTipRefresh->setTimerType(Qt::VeryCoarseTimer);
    connect(m_toolTipRefresh, &QTimer::timeout, this, &TrayIcon::updateToolTip);
    m_toolTipRefresh->start();
    connect(accounts, &AccountStore::accountAdded, this, &TrayIcon::toolTipSoon);
    connect(accounts, &AccountStore::accountChanged, this, &TrayIcon::toolTipSoon);
    connect(accounts, &AccountStore::accountRemoved, this, &TrayIcon::toolTipSoon);
    connect(accounts, &AccountStore::accountsReloaded, this, &TrayIcon::toolTipSoon);
    connect(tokens, &TokenManager::stateChanged, this, &TrayIcon::toolTipSoon);
    updateToolTip();
}

TrayIcon::~TrayIcon()
{
    delete m_icon; // first: it refers to the menu
    delete m_menu; // a menu without a parent widget
}

void TrayIcon::show()
{
    m_icon->show();
}

void TrayIcon::toolTipSoon()
{
    // Not restarted while pending: a stream of changes ("Log in all") still updates once a second.
    if (!m_toolTipDelay->isActive())
        m_toolTipDelay->start();
}

void TrayIcon::updateToolTip()
{
    m_icon->setToolTip(m_menu->toolTipText());
}
