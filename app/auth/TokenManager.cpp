#include "TokenManager.h"

#include "Clock.h"
#include "RefreshScheduler.h"
#include "accounts/AccountStore.h"
#include "providers/ProviderRegistry.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcToken)

using OpKind = TokenOperation::Kind;

TokenManager::TokenManager(const TokenServices &services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_scheduler(new RefreshScheduler(services.clock, this))
    , m_maxLeadSeconds(RefreshScheduler::kDefaultMaxLeadSeconds)
{
    connect(m_scheduler, &RefreshScheduler::due, this, &TokenManager::onDue);
    AccountStore *store = m_services.accounts;
    connect(store, &AccountStore::accountAdded, this, [this](const QString &id) {
        reschedule(id);
        Q_EMIT stateChanged(id);
    });
    connect(store, &AccountStore::accountChanged, this, [this](const QString &id) {
        reschedule(id);
        Q_EMIT stateChanged(id);
    });
    connect(store, &AccountStore::accountRemoved, this, [this](const QString &id) {
        m_scheduler->unschedule(id);
        m_lastAutoAttempt.remove(id);
        m_unrecordedFailureAt.remove(id);
        // An operation waiting for a slot need not wait: it finishes at once with "no longer exists".
        if (const auto it = m_pending.constFind(id); it != m_pending.constEnd() && !it->operation) {
            m_waiting.removeOne(id);
            launch(id);
        }
    });
    connect(store, &AccountStore::accountsReloaded, this, &TokenManager::rescheduleAll);
}

TokenManager::~TokenManager() = default;

void TokenManager::login(const QString &accountId, QObject *context, Callback callback)
{
    request(accountId, OpKind::Login, 0, context, std::move(callback));
}

void TokenManager::refresh(const QString &accountId, QObject *context, Callback callback)
{
    request(accountId, OpKind::Refresh, 0, context, std::move(callback));
}

void TokenManager::logout(const QString &accountId, QObject *context, Callback callback)
{
    request(accountId, OpKind::Logout, 0, context, std::move(callback));
}

void TokenManager::ensureValid(const QString &accountId, qint64 minValidSeconds, QObject *context, Callback callback)
{
    request(accountId, OpKind::EnsureValid, minValidSeconds, context, std::move(callback));
}

void TokenManager::request(const QString &accountId, OpKind kind, qint64 minValidSeconds, QObject *context,
                           Callback callback)
{
    Waiter waiter{context, context != nullptr, std::move(callback)};
    const auto it = m_pending.find(accountId);
    if (it == m_pending.end()) {
        startOperation(accountId, kind, minValidSeconds, std::move(waiter));
        return;
    }
    // Logins, refreshes and "make it valid" join the one in flight: two refreshes asked for at once send
    // one request. A logout, or anything asked for during one, waits for its turn.
    // A logout never waits for a slot: it replaces an operation that has not started yet.
    if (kind == OpKind::Logout && !it->operation) {
        Pending dropped = m_pending.take(accountId);
        m_waiting.removeOne(accountId);
        startOperation(accountId, kind, minValidSeconds, std::move(waiter), false, std::move(dropped.queued));
        TokenResult cancelled;
        cancelled.error = AuthError::make(AuthError::Kind::Cancelled);
        Q_EMIT stateChanged(accountId);
        Q_EMIT operationFinished(accountId, cancelled.error);
        for (const Waiter &w : std::as_const(dropped.waiters)) {
            if (w.callback && (!w.hasContext || w.context))
                w.callback(cancelled);
        }
        return;
    }
    const bool joins = kind != OpKind::Logout && it->kind != OpKind::Logout
                       && !(kind == OpKind::Login && it->kind == OpKind::EnsureValid);
    if (!joins) {
        it->queued.append({kind, std::move(waiter)});
        return;
    }
    it->waiters.append(std::move(waiter));
    it->automatic = false; // a person asked for it too: its outcome is theirs to see
    if (kind == OpKind::EnsureValid && !it->urgent && !it->operation) {
        it->urgent = true; // someone waits for this token now
        m_waiting.removeOne(accountId);
        enqueue(accountId);
    }
}

void TokenManager::startOperation(const QString &accountId, OpKind kind, qint64 minValidSeconds, Waiter waiter,
                                  bool automatic, Queued queued)
{
    Pending pending;
    pending.kind = kind;
    pending.minValidSeconds = minValidSeconds;
    pending.automatic = automatic;
    pending.urgent = automatic || kind == OpKind::EnsureValid;
    pending.waiters.append(std::move(waiter));
    pending.queued = std::move(queued);
    m_pending.insert(accountId, std::move(pending));
    m_scheduler->unschedule(accountId);
    if (m_running < m_maxConcurrent || !needsSlot(accountId, kind, minValidSeconds)) {
        launch(accountId);
        return;
    }
    enqueue(accountId);
    if (kind == OpKind::Login || kind == OpKind::Refresh)
        Q_EMIT stateChanged(accountId); // shown as logging in / renewing while it waits
}

// Adds a waiting operation to m_waiting: an urgent one (an automatic renewal before the token expires, a
// token someone waits for) after the urgent ones already waiting, ahead of "Log in all"; others at the end.
void TokenManager::enqueue(const QString &accountId)
{
    const auto urgent = [this](const QString &id) {
        const auto it = m_pending.constFind(id);
        return it != m_pending.constEnd() && it->urgent;
    };
    if (!urgent(accountId)) {
        m_waiting.append(accountId);
        return;
    }
    qsizetype i = 0;
    while (i < m_waiting.size() && urgent(m_waiting.at(i)))
        ++i;
    m_waiting.insert(i, accountId);
}

// Drops an operation waiting for a slot that has no callers left to serve (an automatic renewal with
// auto-refresh turned off); what was queued behind it moves up.
void TokenManager::dropWaiting(const QString &accountId)
{
    Pending dropped = m_pending.take(accountId);
    m_waiting.removeOne(accountId);
    if (!dropped.queued.isEmpty()) {
        auto [kind, waiter] = dropped.queued.takeFirst();
        startOperation(accountId, kind, 0, std::move(waiter), false, std::move(dropped.queued));
    }
    Q_EMIT stateChanged(accountId);
}

// Whether the operation may go to the network: everything but a logout and reading a token that is
// still valid.
bool TokenManager::needsSlot(const QString &accountId, OpKind kind, qint64 minValidSeconds) const
{
    if (kind == OpKind::Logout)
        return false;
    if (kind != OpKind::EnsureValid)
        return true;
    const Account *account = m_services.accounts->find(accountId);
    if (!account || !account->token.hasAccessToken)
        return true;
    const TokenMeta &t = account->token;
    return t.accessExpiresAt.isValid() && m_services.clock->now().secsTo(t.accessExpiresAt) < minValidSeconds;
}

void TokenManager::launch(const QString &accountId)
{
    const auto it = m_pending.find(accountId);
    auto *operation = new TokenOperation(m_services, accountId, it->kind, it->minValidSeconds, this);
    it->operation = operation;
    const OpKind kind = it->kind;
    ++m_running;
    connect(operation, &TokenOperation::phaseChanged, this, [this, accountId] { Q_EMIT stateChanged(accountId); });
    connect(operation, &TokenOperation::finished, this,
            [this, accountId](const TokenResult &result) { onFinished(accountId, result); });
    if (kind == OpKind::Login)
        Q_EMIT stateChanged(accountId);
    operation->start(); // may finish at once: `it` is not used after this
}

// Starts waiting operations while there are free slots, oldest first.
void TokenManager::startWaiting()
{
    if (m_startingWaiting)
        return; // an operation that finished at once while starting: the loop below goes on
    m_startingWaiting = true;
    while (m_running < m_maxConcurrent && !m_waiting.isEmpty()) {
        const QString accountId = m_waiting.takeFirst();
        const auto it = m_pending.constFind(accountId);
        if (it != m_pending.constEnd() && !it->operation)
            launch(accountId);
    }
    m_startingWaiting = false;
}

void TokenManager::onFinished(const QString &accountId, const TokenResult &result)
{
    Pending pending = m_pending.take(accountId);
    --m_running;
    // Start what was queued behind this operation before any callback runs, so that a callback asking
    // for another operation on this account joins or queues behind it instead of racing it. It takes
    // this operation's slot.
    if (!pending.queued.isEmpty()) {
        auto [kind, waiter] = pending.queued.takeFirst();
        Pending next;
        next.kind = kind;
        next.waiters.append(std::move(waiter));
        next.queued = std::move(pending.queued);
        m_pending.insert(accountId, std::move(next));
        launch(accountId);
    }
    startWaiting();
    if (result.error.kind == AuthError::Kind::Keychain)
        m_unrecordedFailureAt.insert(accountId, m_services.clock->now());
    else
        m_unrecordedFailureAt.remove(accountId);
    Q_EMIT stateChanged(accountId);
    Q_EMIT operationFinished(accountId, result.error);
    if (pending.automatic)
        Q_EMIT automaticRenewalFinished(accountId, result.error);
    if (!result.error && result.usedNetwork)
        Q_EMIT renewed(accountId);
    for (const Waiter &w : std::as_const(pending.waiters)) {
        if (w.callback && (!w.hasContext || w.context))
            w.callback(result);
    }
    if (!m_pending.contains(accountId))
        reschedule(accountId);
}

TokenState TokenManager::state(const QString &accountId) const
{
    if (const Account *account = m_services.accounts->find(accountId))
        return state(*account);
    return busyState(accountId).value_or(TokenState::SignedOut);
}

// Logging in or renewing while an operation runs for the account.
std::optional<TokenState> TokenManager::busyState(const QString &accountId) const
{
    const auto pending = m_pending.constFind(accountId);
    if (pending == m_pending.constEnd() || pending->kind == OpKind::Logout)
        return std::nullopt;
    if (!pending->operation) { // waiting for a slot
        if (pending->kind == OpKind::Login)
            return TokenState::LoggingIn;
        if (pending->kind == OpKind::Refresh)
            return TokenState::Refreshing;
        return std::nullopt;
    }
    if (pending->operation->isLoggingIn())
        return TokenState::LoggingIn;
    if (pending->operation->isRenewing())
        return TokenState::Refreshing;
    return std::nullopt;
}

TokenState TokenManager::state(const Account &account) const
{
    if (const std::optional<TokenState> busy = busyState(account.id))
        return *busy;
    const TokenMeta &t = account.token;
    const QDateTime now = m_services.clock->now();
    if (t.rateLimitedUntil.isValid() && t.rateLimitedUntil > now)
        return TokenState::RateLimited;
    if (t.lastState == TokenState::Failed)
        return TokenState::Failed;
    if (t.hasAccessToken)
        return t.accessExpiresAt.isValid() && t.accessExpiresAt <= now ? TokenState::Expired : TokenState::Valid;
    // A login refused for too many attempts stays a failed one once the wait is over: no token came of it.
    if (t.lastState == TokenState::RateLimited)
        return TokenState::Failed;
    return TokenState::SignedOut;
}

void TokenManager::setAutoRefresh(bool enabled)
{
    if (m_autoRefresh == enabled)
        return;
    m_autoRefresh = enabled;
    if (!enabled) {
        // Automatic renewals still waiting for a slot no longer apply.
        const QList<QString> waiting = m_waiting;
        for (const QString &id : waiting) {
            if (const auto it = m_pending.constFind(id); it != m_pending.constEnd() && it->automatic && !it->operation)
                dropWaiting(id);
        }
    }
    rescheduleAll();
}

void TokenManager::rescheduleAll()
{
    m_scheduler->clear();
    if (!m_autoRefresh)
        return;
    // One batch, one timer arm: start-up schedules every account.
    const QList<Account> &accounts = m_services.accounts->accounts();
    const qint64 now = m_services.clock->now().toMSecsSinceEpoch();
    QList<std::pair<QString, qint64>> batch;
    batch.reserve(accounts.size());
    // Accounts mostly share a few providers: look a profile up again only when the id changes.
    QString providerId;
    const ProviderProfile *profile = nullptr;
    bool looked = false;
    for (const Account &a : accounts) {
        if (m_pending.contains(a.id))
            continue;
        if (!looked || a.providerId != providerId) {
            looked = true;
            providerId = a.providerId;
            profile = m_services.providers->find(providerId);
        }
        if (const std::optional<qint64> due = nextDue(a, profile, now))
            batch.append({a.id, *due});
    }
    m_scheduler->scheduleMany(batch);
}

void TokenManager::reschedule(const QString &accountId)
{
    if (!m_autoRefresh || m_pending.contains(accountId)) {
        if (!m_autoRefresh)
            m_scheduler->unschedule(accountId);
        return;
    }
    const Account *account = m_services.accounts->find(accountId);
    const std::optional<qint64> due =
        account ? nextDue(*account, m_services.clock->now().toMSecsSinceEpoch()) : std::nullopt;
    if (due)
        m_scheduler->schedule(accountId, *due);
    else
        m_scheduler->unschedule(accountId);
}

std::optional<qint64> TokenManager::nextDue(const Account &account, qint64 now) const
{
    return nextDue(account, m_services.providers->find(account.providerId), now);
}

std::optional<qint64> TokenManager::nextDue(const Account &account, const ProviderProfile *profile,
                                            qint64 now) const
{
    if (!profile)
        return {};
    const TokenMeta &t = account.token;
    if (t.hasAccessToken && t.rateLimitedUntil.isValid()) {
        if (const qint64 limitedUntil = t.rateLimitedUntil.toMSecsSinceEpoch(); limitedUntil > now)
            return limitedUntil;
    }
    if (!t.hasAccessToken || !t.accessExpiresAt.isValid())
        return {}; // signed out, or nothing to count down to
    const qint64 expires = t.accessExpiresAt.toMSecsSinceEpoch();
    if (!canRenew(account, profile, now)) {
        // Nothing to renew with: wake up at expiry only, so the state turns to Expired.
        return expires > now ? std::optional<qint64>(expires) : std::nullopt;
    }
    qint64 due = expires - leadSeconds(account) * 1000; // the same lead the window shows
    if (t.lastState == TokenState::Failed && t.lastErrorAt.isValid())
        due = qMax(due, t.lastErrorAt.toMSecsSinceEpoch() + kFailureBackoffSeconds * 1000);
    if (const auto failed = m_unrecordedFailureAt.constFind(account.id); failed != m_unrecordedFailureAt.constEnd())
        due = qMax(due, failed->toMSecsSinceEpoch() + kFailureBackoffSeconds * 1000);
    if (const auto last = m_lastAutoAttempt.constFind(account.id); last != m_lastAutoAttempt.constEnd())
        due = qMax(due, last->toMSecsSinceEpoch() + kMinAutoIntervalSeconds * 1000);
    return due;
}

bool TokenManager::canRenew(const Account &account) const
{
    return canRenew(account, m_services.providers->find(account.providerId),
                    m_services.clock->now().toMSecsSinceEpoch());
}

bool TokenManager::canRenew(const Account &account, const ProviderProfile *profile, qint64 now) const
{
    if (!profile)
        return false;
    const TokenMeta &t = account.token;
    const bool hopeless = t.lastState == TokenState::Failed
                          && (t.lastError.isCredentialProblem() || t.lastError.kind == AuthError::Kind::MissingCredential
                              || t.lastError.kind == AuthError::Kind::Configuration);
    const bool canRefresh =
        profile->hasRefresh() && t.hasRefreshToken
        && (!t.refreshExpiresAt.isValid() || t.refreshExpiresAt.toMSecsSinceEpoch() > now);
    return !hopeless && (canRefresh || account.keepSignedIn);
}

qint64 TokenManager::leadSeconds(const Account &account) const
{
    return RefreshScheduler::leadSeconds(account.token.accessObtainedAt, account.token.accessExpiresAt, m_maxLeadSeconds);
}

void TokenManager::setRefreshLeadSeconds(qint64 seconds)
{
    seconds = qBound(RefreshScheduler::kMinLeadSeconds, seconds, qint64(24 * 3600));
    if (seconds == m_maxLeadSeconds)
        return;
    m_maxLeadSeconds = seconds;
    rescheduleAll();
}

void TokenManager::onDue(const QString &accountId)
{
    if (!m_autoRefresh || m_pending.contains(accountId))
        return;
    const auto account = m_services.accounts->account(accountId);
    if (!account)
        return;
    const QDateTime now = m_services.clock->now();
    // Never more than one automatic attempt per account per 2 s.
    if (const auto last = m_lastAutoAttempt.constFind(accountId);
        last != m_lastAutoAttempt.constEnd() && last->secsTo(now) < kMinAutoIntervalSeconds) {
        m_scheduler->schedule(accountId, last->addSecs(kMinAutoIntervalSeconds));
        return;
    }
    reschedule(accountId);
    const QDateTime next = m_scheduler->dueAt(accountId);
    if (next.isValid() && next > now) {
        // Not time to renew (an expiry tick, or a back-off): only the derived state may have changed.
        Q_EMIT stateChanged(accountId);
        return;
    }
    if (!next.isValid()) {
        Q_EMIT stateChanged(accountId);
        return;
    }
    m_lastAutoAttempt.insert(accountId, now);
    qCDebug(lcToken) << "renewing account" << accountId << "ahead of expiry";
    startOperation(accountId, OpKind::Refresh, 0, Waiter{}, true); // nothing pending: checked above
}
