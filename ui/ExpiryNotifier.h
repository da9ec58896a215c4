#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

class AccountStore;
class Clock;
class RefreshScheduler;
class TokenManager;
struct Account;
struct AuthError;

// Decides when a person must hear about a token, and says it in words without any secret:
// - an automatic renewal failed (once per account until a renewal or login gets a new token again);
// - a token that will not be renewed automatically (no refresh token and no re-login, auto-refresh off, or
//   the last renewal failed) comes within the notice lead time of its expiry: once per token.
// At the expiry of an announced token, outdated() withdraws the notice ("expires in…" no longer holds).
// One timer is armed for the next due notice (a RefreshScheduler): nothing per tick, O(log n) per change.
class ExpiryNotifier : public QObject
{
    Q_OBJECT
public:
    ExpiryNotifier(AccountStore *accounts, TokenManager *tokens, const Clock *clock, QObject *parent = nullptr);

    void setNoticeLeadSeconds(qint64 seconds); // 0 turns expiry notices off; rescans
    qint64 noticeLeadSeconds() const { return m_leadSeconds; }
    void rescan();            // after something the signals do not tell, such as auto-refresh turned on/off
    void runDue();            // emits what is due now; the timer calls it, tests call it after moving the clock
    qsizetype pendingCount() const; // notices waiting for their time

Q_SIGNALS:
    void notify(const QString &accountId, const QString &title, const QString &text);
    // The account has a new token from the provider, or the announced token expired: what was said about
    // it no longer holds.
    void outdated(const QString &accountId);

private:
    bool needsExpiryNotice(const Account &account) const;
    void update(const QString &accountId);
    void onDue(const QString &accountId);
    void onExpired(const QString &accountId);
    void onAutomaticRenewal(const QString &accountId, const AuthError &error);
    QString accountName(const QString &accountId) const;

    AccountStore *m_accounts;
    TokenManager *m_tokens;
    const Clock *m_clock;
    RefreshScheduler *m_schedule;
    RefreshScheduler *m_expiries; // announced tokens, at their expiry: the notice is withdrawn then
    qint64 m_leadSeconds = 600;
    QHash<QString, qint64> m_noticedExpiry; // account → the expiry (ms) already announced
    QSet<QString> m_failureNoticed;         // accounts whose renewal failure was announced
};
