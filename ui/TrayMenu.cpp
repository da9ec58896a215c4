#include "TrayMenu.h"

#include "AccountActions.h"
#include "accounts/AccountStore.h"
#include "auth/Clock.h"

#include <QWidget>

#include <algorithm>

TrayMenu::TrayMenu(AccountStore *accounts, const Clock *clock, AccountActions *actions, QWidget *window,
                   QWidget *parent)
    : QMenu(parent)
    , m_accounts(accounts)
    , m_clock(clock)
    , m_actions(actions)
    , m_window(window)
{
    setObjectName(QStringLiteral("trayMenu"));
    // Kept across rebuilds. QMenu::clear() deletes the actions whose parent is the menu, and removing an
    // action from a menu disconnects it from the menu: so they belong to, and connect through, a plain
    // child object. The account entries are made anew each time.
    auto *keep = new QObject(this);
    m_toggleWindow = new QAction(keep);
    m_settings = new QAction(tr("&Settings…"), keep);
    m_quit = new QAction(tr("&Quit TokenDesk"), keep);
    connect(m_toggleWindow, &QAction::triggered, keep, [this] { toggleWindow(m_window); });
    connect(m_settings, &QAction::triggered, keep, [this] { Q_EMIT settingsRequested(); });
    connect(m_quit, &QAction::triggered, keep, [this] { Q_EMIT quitRequested(); });
    connect(this, &QMenu::aboutToShow, this, &TrayMenu::rebuild);
    rebuild();
}

QList<TrayMenu::Entry> TrayMenu::soonest(const AccountStore &accounts, int count)
{
    QList<const Account *> withToken;
    for (const Account &a : accounts.accounts()) {
        if (a.token.hasAccessToken)
            withToken.append(&a);
    }
    auto earlier = [](const Account *a, const Account *b) {
        const QDateTime &x = a->token.accessExpiresAt;
        const QDateTime &y = b->token.accessExpiresAt;
        if (x.isValid() != y.isValid())
            return x.isValid();
        if (x.isValid() && x != y)
            return x < y;
        return a->name.localeAwareCompare(b->name) < 0;
    };
    const qsizetype n = qMin<qsizetype>(count, withToken.size());
    std::partial_sort(withToken.begin(), withToken.begin() + n, withToken.end(), earlier);
    QList<Entry> entries;
    for (qsizetype i = 0; i < n; ++i)
        entries.append({withToken[i]->id, withToken[i]->name, withToken[i]->token.accessExpiresAt});
    return entries;
}

QString TrayMenu::timeLeft(qint64 seconds)
{
    if (seconds <= 0)
        return tr("expired", "token in the tray menu");
    if (seconds < 60)
        return tr("less than a minute left");
    if (seconds < 3600) // whole minutes, rounded down: never more time than there is
        return tr("%n min left", "minutes", int(seconds / 60));
    if (seconds < 2 * 86400)
        return tr("%n h left", "hours", int(seconds / 3600));
    return tr("%n days left", nullptr, int(seconds / 86400));
}

QString TrayMenu::entryText(const Entry &entry) const
{
    const QString left = entry.expiresAt.isValid() ? timeLeft(m_clock->now().secsTo(entry.expiresAt))
                                                   : tr("expiry unknown");
    //: tray menu entry: %1 the account name, %2 the time left, e.g. "4 min left"
    return tr("%1 — %2").arg(entry.name, left);
}

void TrayMenu::rebuild()
{
    clear(); // deletes the entries made here; the kept actions survive (see the constructor)
    for (const QPointer<QMenu> &submenu : std::as_const(m_submenus))
        delete submenu.data();
    m_submenus.clear();
    m_accountActions.clear();

    const QList<Entry> entries = soonest(*m_accounts, kMaxAccounts);
    if (entries.isEmpty()) {
        addAction(tr("No tokens yet"))->setEnabled(false);
    } else {
        addSection(tr("Expiring soonest"));
        for (const Entry &entry : entries) {
            QString label = entryText(entry);
            label.replace(QLatin1Char('&'), QLatin1String("&&")); // a name's "&" is not a mnemonic
            auto *submenu = new QMenu(label, this);
            m_submenus.append(submenu);
            const QString id = entry.accountId;
            QAction *copyToken = submenu->addAction(tr("Copy &token"));
            QAction *copyHeader = submenu->addAction(tr("Copy &header line"));
            connect(copyToken, &QAction::triggered, submenu, [this, id] {
                if (m_actions)
                    m_actions->copyAccount(id, AccountActions::CopyToken);
            });
            connect(copyHeader, &QAction::triggered, submenu, [this, id] {
                if (m_actions)
                    m_actions->copyAccount(id, AccountActions::CopyHeaderLine);
            });
            QAction *entryAction = addMenu(submenu);
            entryAction->setData(id);
            m_accountActions.append(entryAction);
        }
    }
    addSeparator();
    const bool shown = m_window && m_window->isVisible() && !m_window->isMinimized();
    m_toggleWindow->setText(shown ? tr("&Hide TokenDesk") : tr("&Show TokenDesk"));
    addAction(m_toggleWindow);
    addAction(m_settings);
    addSeparator();
    addAction(m_quit);
}

QString TrayMenu::toolTipText() const
{
    QStringList lines{tr("TokenDesk")};
    const QList<Entry> entries = soonest(*m_accounts, kMaxAccounts);
    if (entries.isEmpty())
        lines.append(tr("No tokens yet"));
    for (const Entry &entry : entries)
        lines.append(entryText(entry));
    return lines.join(QLatin1Char('\n'));
}

void TrayMenu::toggleWindow(QWidget *window)
{
    if (!window)
        return;
    if (window->isVisible() && !window->isMinimized()) {
        window->hide();
        return;
    }
    window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
    window->show();
    window->raise();
    window->activateWindow();
}
