#include "ExpiryNotifier.h"

#include "accounts/AccountStore.h"
#include "auth/Clock.h"
#include "auth/RefreshScheduler.h"
#include "auth/TokenManager.h"

#include <QLocale>

ExpiryNotifier::ExpiryNotifier(AccountStore *accounts, TokenManager *tokens, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_tokens(tokens)
    , m_clock(clock)
    , m_schedule(new RefreshScheduler(clock, this)) // the same one-timer queue, for notices
    , m_expiries(new RefreshScheduler(clock, this))
{
    connect(m_schedule, &RefreshScheduler::due, this, &ExpiryNotifier::onDue);
    connect(m_expiries, &RefreshScheduler::due, this, &ExpiryNotifier::onExpired);
    connect(m_accounts, &AccountStore::accountAdded, this, &ExpiryNotifier::update);
    connect(m_accounts, &AccountStore::accountChanged, this, &ExpiryNotifier::update);
    connect(m_accounts, &AccountStore::accountRemoved, this, [this](const QString &id) {
        m_schedule->unschedule(id);
        m_expiries->unschedule(id);
        m_noticedExpiry.remove(id);
        m_failureNoticed.remove(id);
    });
    connect(m_accounts, &AccountStore::accountsReloaded, this, &ExpiryNotifier::rescan);
    connect(m_tokens, &TokenManager::automaticRenewalFinished, this, &ExpiryNotifier::onAutomaticRenewal);
    // Only a new token from the provider makes a new failure news again: not a logout, not reading a token
    // that is still valid (someone copying it every minute would otherwise be told again on every retry).
    connect(m_tokens, &TokenManager::renewed, this, [this](const QString &id) {
        m_failureNoticed.remove(id);
        Q_EMIT outdated(id);
    });
    rescan();
}

void ExpiryNotifier::setNoticeLeadSeconds(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    if (seconds == m_leadSeconds)
        return;
    m_leadSeconds = seconds;
    rescan();
}

void ExpiryNotifier::rescan()
{
    m_schedule->clear();
    for (const Account &account : m_accounts->accounts())
        update(account.id);
}

void ExpiryNotifier::runDue()
{
    m_schedule->runDue();
    m_expiries->runDue();
}

qsizetype ExpiryNotifier::pendingCount() const
{
    return m_schedule->size();
}

bool ExpiryNotifier::needsExpiryNotice(const Account &account) const
{
    const TokenMeta &t = account.token;
    if (m_leadSeconds <= 0 || !t.hasAccessToken || !t.accessExpiresAt.isValid())
        return false;
    if (t.accessExpiresAt <= m_clock->now())
        return false; // already expired: the window shows it; a notice now would come too late to help
    if (m_noticedExpiry.value(account.id) == t.accessExpiresAt.toMSecsSinceEpoch())
        return false; // this token was announced already
    const bool renewsItself = m_tokens->autoRefresh() && m_tokens->canRenew(account)
                              && t.lastState != TokenState::Failed;
    return !renewsItself;
}

void ExpiryNotifier::update(const QString &accountId)
{
    const Account *account = m_accounts->find(accountId);
    if (!account || !needsExpiryNotice(*account)) {
        m_schedule->unschedule(accountId);
        return;
    }
    m_schedule->schedule(accountId, account->token.accessExpiresAt.addSecs(-m_leadSeconds));
}

void ExpiryNotifier::onDue(const QString &accountId)
{
    const Account *account = m_accounts->find(accountId);
    if (!account || !needsExpiryNotice(*account))
        return;
    const QDateTime expires = account->token.accessExpiresAt;
    const qint64 secondsLeft = m_clock->now().secsTo(expires);
    if (secondsLeft > m_leadSeconds) { // woken early (the timer is coarse): wait for the real time
        update(accountId);
        return;
    }
    m_noticedExpiry.insert(accountId, expires.toMSecsSinceEpoch());
    m_expiries->schedule(accountId, expires);
    QString reason;
    if (!m_tokens->autoRefresh())
        reason = tr("Automatic renewal is off.");
    else if (account->token.lastState == TokenState::Failed)
        reason = tr("The last attempt to renew it failed.");
    else
        reason = tr("It cannot be renewed automatically.");
    // The time of day, not "in 2 minutes": the notice is shown once (in the banner, a tray balloon or a
    // desktop notification) and a countdown in it would be wrong a minute later. The row counts down.
    const QLocale locale;
    const QDateTime localExpiry = expires.toLocalTime();
    const QString time = locale.toString(localExpiry.time(), QLocale::LongFormat); // with seconds and zone
    const QString expiresAt =
        localExpiry.date() == m_clock->now().toLocalTime().date()
            //: %1 is the account name, %2 the time of day its token expires (14:05:30 CET)
            ? tr("The token of %1 expires at %2.").arg(account->name, time)
            //: %1 is the account name, %2 the date and %3 the time of day its token expires
            : tr("The token of %1 expires on %2 at %3.")
                  .arg(account->name, locale.toString(localExpiry.date(), QLocale::ShortFormat), time);
    const QString text = expiresAt + QLatin1Char(' ') + reason + QLatin1Char(' ') + tr("Log in again to get a new one.");
    Q_EMIT notify(accountId, tr("Token expires soon"), text);
}

void ExpiryNotifier::onExpired(const QString &accountId)
{
    const Account *account = m_accounts->find(accountId);
    const auto noticed = m_noticedExpiry.constFind(accountId);
    if (!account || noticed == m_noticedExpiry.constEnd())
        return;
    if (*noticed > m_clock->now().toMSecsSinceEpoch()) { // woken early: wait for the real time
        m_expiries->schedule(accountId, *noticed);
        return;
    }
    Q_EMIT outdated(accountId);
}

void ExpiryNotifier::onAutomaticRenewal(const QString &accountId, const AuthError &error)
{
    if (!error || error.kind == AuthError::Kind::Cancelled || m_failureNoticed.contains(accountId))
        return;
    m_failureNoticed.insert(accountId);
    // AuthError::message is written for people and never carries a secret (see AuthError).
    //: %1 is the account name, %2 what went wrong
    Q_EMIT notify(accountId, tr("Token renewal failed"),
                  tr("Automatic renewal of %1 failed: %2").arg(accountName(accountId), error.message));
}

QString ExpiryNotifier::accountName(const QString &accountId) const
{
    const Account *account = m_accounts->find(accountId);
    return account ? account->name : accountId;
}
