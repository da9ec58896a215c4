#pragma once

#include "TokenOperation.h"
#include "TokenState.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class RefreshScheduler;

// Every account's token lifecycle: login, refresh, logout, "a token valid for N seconds", the state a
// person sees, and automatic renewal ahead of expiry. One operation per account at a time (requests that
// arrive meanwhile join it); across processes the per-account lock in TokenOperation does the same.
//
// At most maxConcurrent() operations that may go to the network run at once; the others wait in arrival
// order, shown as logging in or renewing, and start as running ones finish. "Log in all" over thousands of
// accounts then costs the event loop a few operations at a time instead of all of them at once, and the
// provider sees no more requests at once than a connection pool serves anyway. Reading a token that is
// still valid and logging out never wait: a logout drops the account's operation that still waits for a
// slot (its callers get Cancelled). Automatic renewals and token reads that must go to the network wait
// ahead of queued logins and refreshes.
class TokenManager : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const TokenResult &)>;

    explicit TokenManager(const TokenServices &services, QObject *parent = nullptr);
    ~TokenManager() override;

    void login(const QString &accountId, QObject *context = nullptr, Callback callback = {});
    void refresh(const QString &accountId, QObject *context = nullptr, Callback callback = {});
    void logout(const QString &accountId, QObject *context = nullptr, Callback callback = {});
    // A token valid for at least minValidSeconds: the stored one if it is, else refreshed or logged in.
    void ensureValid(const QString &accountId, qint64 minValidSeconds, QObject *context, Callback callback);

    TokenState state(const QString &accountId) const;
    TokenState state(const Account &account) const; // the same for an account the caller already holds
    bool isBusy(const QString &accountId) const { return m_pending.contains(accountId); }

    static constexpr int kDefaultMaxConcurrent = 16;
    void setMaxConcurrent(int count) { m_maxConcurrent = qMax(1, count); }
    int maxConcurrent() const { return m_maxConcurrent; }
    int runningCount() const { return m_running; }  // operations started and not finished
    int waitingCount() const { return int(m_waiting.size()); } // waiting for one of them to finish

    // Automatic renewal ahead of expiry (the GUI turns it on; the CLI renews on demand only).
    void setAutoRefresh(bool enabled);
    bool autoRefresh() const { return m_autoRefresh; }
    RefreshScheduler *scheduler() const { return m_scheduler; }
    void reschedule(const QString &accountId);

    // The most a token is renewed ahead of its expiry (default 5 min); short-lived tokens are renewed at
    // 90 % of their lifetime, at the latest 10 s before expiry. Clamped to 10 s … 24 h; reschedules.
    void setRefreshLeadSeconds(qint64 seconds);
    qint64 refreshLeadSeconds() const { return m_maxLeadSeconds; }
    qint64 leadSeconds(const Account &account) const; // this account's lead with the current setting

    // Whether automatic renewal could renew this account's token, auto-refresh being on: a usable refresh
    // token or a re-login with the stored credential, and no failure that retrying cannot fix.
    bool canRenew(const Account &account) const;

    static constexpr qint64 kMinAutoIntervalSeconds = 2;
    static constexpr qint64 kFailureBackoffSeconds = 60;

Q_SIGNALS:
    void stateChanged(const QString &accountId);
    void operationFinished(const QString &accountId, const AuthError &error);
    // After operationFinished, for the renewals automatic refresh started and no person's request joined.
    void automaticRenewalFinished(const QString &accountId, const AuthError &error);
    // After operationFinished, when a login or refresh got a new token from the provider.
    void renewed(const QString &accountId);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hasContext = false;
        Callback callback;
    };
    struct Pending
    {
        QPointer<TokenOperation> operation; // null while waiting for a slot
        TokenOperation::Kind kind;
        QList<Waiter> waiters;
        QList<std::pair<TokenOperation::Kind, Waiter>> queued; // different kind: runs after this one
        qint64 minValidSeconds = 0;
        bool automatic = false; // started by the scheduler, and no person's request joined it
        bool urgent = false;    // waits ahead of plain logins and refreshes (see enqueue)
    };
    using Queued = QList<std::pair<TokenOperation::Kind, Waiter>>;

    void request(const QString &accountId, TokenOperation::Kind kind, qint64 minValidSeconds, QObject *context,
                 Callback callback);
    void startOperation(const QString &accountId, TokenOperation::Kind kind, qint64 minValidSeconds, Waiter waiter,
                        bool automatic = false, Queued queued = {});
    void enqueue(const QString &accountId);
    void dropWaiting(const QString &accountId);
    void launch(const QString &accountId);
    void startWaiting();
    bool needsSlot(const QString &accountId, TokenOperation::Kind kind, qint64 minValidSeconds) const;
    void onFinished(const QString &accountId, const TokenResult &result);
    void onDue(const QString &accountId);
    std::optional<TokenState> busyState(const QString &accountId) const;
    void rescheduleAll();
    // When `account`'s automatic renewal (or, with nothing to renew with, its expiry) is due, in ms since
    // epoch as `nowMs`; none: nothing to schedule. Plain integers: start-up asks for every account.
    std::optional<qint64> nextDue(const Account &account, qint64 nowMs) const;
    std::optional<qint64> nextDue(const Account &account, const ProviderProfile *profile, qint64 nowMs) const;
    bool canRenew(const Account &account, const ProviderProfile *profile, qint64 nowMs) const;

    TokenServices m_services;
    RefreshScheduler *m_scheduler;
    QHash<QString, Pending> m_pending;
    QHash<QString, QDateTime> m_lastAutoAttempt;
    // Failures the account file does not record (a keychain this process cannot reach): when the last one
    // was, so that automatic renewal backs off from them as from recorded ones.
    QHash<QString, QDateTime> m_unrecordedFailureAt;
    QList<QString> m_waiting; // accounts whose operation waits for a slot, oldest first
    int m_running = 0;
    int m_maxConcurrent = kDefaultMaxConcurrent;
    bool m_startingWaiting = false;
    bool m_autoRefresh = false;
    qint64 m_maxLeadSeconds;
};
