#include "TokenOperation.h"

#include "AccountLock.h"
#include "AuthClient.h"
#include "Clock.h"
#include "RetryAfter.h"
#include "Hardening.h"
#include "accounts/AccountStore.h"
#include "providers/ProviderRegistry.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcToken, "tokendesk.token")

namespace {
using ErrorKind = AuthError::Kind;

void wipe(QByteArray &bytes)
{
    Hardening::wipe(bytes);
}

// Whether tokens obtained for `before` still belong to `now`: the same provider, address and user.
bool sameOrigin(const Account &before, const Account &now)
{
    return before.providerId == now.providerId && before.baseUrl == now.baseUrl && before.username == now.username;
}
} // namespace

TokenOperation::TokenOperation(const TokenServices &services, const QString &accountId, Kind kind,
                               qint64 minValidSeconds, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_accountId(accountId)
    , m_kind(kind)
    , m_minValidSeconds(qMax<qint64>(0, minValidSeconds))
    , m_loggingIn(kind == Kind::Login)
{
}

TokenOperation::~TokenOperation() = default;

void TokenOperation::start()
{
    const auto account = m_services.accounts->account(m_accountId);
    if (!account) {
        fail(AuthError::make(ErrorKind::Configuration, tr("This account no longer exists.")), false);
        return;
    }
    m_account = *account;
    m_profile = m_services.providers->find(m_account.providerId);
    if (!m_profile) {
        fail(AuthError::make(ErrorKind::Configuration, tr("The provider \"%1\" of this account is not known. Check its "
                                                     "provider profile.").arg(m_account.providerId)));
        return;
    }
    m_startObtainedAt = m_account.token.accessObtainedAt;
    // The common case of `token`: still valid, so read one keychain entry and touch nothing else.
    if (m_kind == Kind::EnsureValid && tokenStillGood(m_account)) {
        readAccessTokenAndFinish();
        return;
    }
    m_lock = new AccountLock(m_services.lockDirectory, m_accountId, this);
    m_lock->acquire(m_services.lockTimeoutMs, [this](bool locked, const QString &error) {
        if (!locked) {
            fail(lockError(error), false);
            return;
        }
        onLocked();
    });
}

bool TokenOperation::tokenStillGood(const Account &account) const
{
    const TokenMeta &t = account.token;
    if (!t.hasAccessToken)
        return false;
    if (!t.accessExpiresAt.isValid())
        return true; // unknown expiry: the best we can do is use it
    return m_services.clock->now().secsTo(t.accessExpiresAt) >= m_minValidSeconds;
}

void TokenOperation::onLocked()
{
    // Another process may have renewed or removed the account while we waited for the lock.
    const auto fresh = m_services.accounts->reloadAccount(m_accountId);
    if (!fresh) {
        fail(AuthError::make(ErrorKind::Configuration, tr("This account no longer exists.")), false);
        return;
    }
    m_account = *fresh;
    if (m_kind == Kind::Logout) {
        doLogout();
        return;
    }
    const bool renewedElsewhere = m_account.token.accessObtainedAt.isValid()
                                  && (!m_startObtainedAt.isValid() || m_account.token.accessObtainedAt > m_startObtainedAt);
    if ((m_kind == Kind::EnsureValid || (m_kind == Kind::Refresh && renewedElsewhere)) && tokenStillGood(m_account)) {
        readAccessTokenAndFinish();
        return;
    }
    const QDateTime now = m_services.clock->now();
    if (m_account.token.rateLimitedUntil.isValid() && m_account.token.rateLimitedUntil > now) {
        AuthError e = AuthError::make(ErrorKind::RateLimited);
        e.retryAfter = m_account.token.rateLimitedUntil;
        e.message = tr("Rate limited by the provider — retry in %1.")
                        .arg(RetryAfter::duration(qMax<qint64>(1, now.secsTo(e.retryAfter))));
        fail(e, false);
        return;
    }
    const TokenMeta &t = m_account.token;
    const bool refreshUsable = t.hasRefreshToken && (!t.refreshExpiresAt.isValid() || t.refreshExpiresAt > now.addSecs(5));
    if (m_kind != Kind::Login && m_profile->hasRefresh() && refreshUsable)
        doRefresh();
    else
        doLogin();
}

void TokenOperation::readAccessTokenAndFinish()
{
    m_services.secrets->read(m_accountId, SecretKind::AccessToken, this, [this](const SecretResult &r) {
        if (r.ok() && !r.data.isEmpty()) {
            if (m_account.token.lastError.kind == ErrorKind::Keychain)
                clearKeychainFailure();
            TokenResult result;
            result.accessToken = r.data;
            result.accessExpiresAt = m_account.token.accessExpiresAt;
            finish(result);
            return;
        }
        if (r.status != SecretResult::Status::NotFound && !r.ok()) {
            fail(keychainError(r));
            return;
        }
        // The metadata promised a token the keychain does not have: renew it.
        qCInfo(lcToken) << "access token missing from the keychain for account" << m_accountId << "- renewing";
        m_account.token.hasAccessToken = false;
        if (m_lock && m_lock->isLocked()) {
            m_profile->hasRefresh() && m_account.token.hasRefreshToken ? doRefresh() : doLogin();
            return;
        }
        m_lock = new AccountLock(m_services.lockDirectory, m_accountId, this);
        m_startObtainedAt = m_account.token.accessObtainedAt.addSecs(1);
        m_lock->acquire(m_services.lockTimeoutMs, [this](bool locked, const QString &error) {
            locked ? onLocked() : fail(lockError(error), false);
        });
    });
}

// The failure on record was the keychain's (locked, not answering), and the keychain has just handed out a
// valid token: that failure is over, so the account no longer needs attention. Only in this case does a
// valid token cost an account-file write; otherwise it stays one keychain read (README, figure 6).
void TokenOperation::clearKeychainFailure()
{
    m_services.accounts->modify(m_accountId, [](Account &a) {
        if (a.token.lastError.kind != ErrorKind::Keychain)
            return; // another process recorded something else meanwhile: keep it
        a.token.lastError = {};
        a.token.lastErrorAt = {};
        if (a.token.lastState == TokenState::Failed)
            a.token.lastState = TokenState::Valid;
    });
}

void TokenOperation::doRefresh()
{
    if (!m_renewing) {
        m_renewing = true;
        Q_EMIT phaseChanged();
    }
    m_services.secrets->read(m_accountId, SecretKind::RefreshToken, this, [this](const SecretResult &r) {
        if (r.status == SecretResult::Status::NotFound || (r.ok() && r.data.isEmpty())) {
            doLogin();
            return;
        }
        if (!r.ok()) {
            fail(keychainError(r));
            return;
        }
        QByteArray refreshToken = r.data;
        AuthOperation *op = m_services.auth->refresh(m_account, *m_profile, refreshToken);
        wipe(refreshToken);
        connect(op, &AuthOperation::finished, this, [this](const AuthOutcome &outcome) {
            if (!outcome.error) {
                onTokens(outcome.tokens, true);
            } else if (outcome.error.kind == ErrorKind::RefreshRejected && !m_triedLogin) {
                qCInfo(lcToken) << "refresh token rejected for account" << m_accountId << "- logging in again";
                doLogin();
            } else if (m_profile->refresh.rotates && mayHaveReachedTheProvider(outcome.error.kind)) {
                failWithSpentRefreshToken(outcome.error);
            } else {
                fail(outcome.error);
            }
        });
    });
}

void TokenOperation::doLogin()
{
    m_triedLogin = true;
    if (!m_loggingIn || !m_renewing) {
        m_loggingIn = true;
        m_renewing = true;
        Q_EMIT phaseChanged();
    }
    m_services.secrets->read(m_accountId, SecretKind::Credential, this, [this](const SecretResult &r) {
        if (r.status == SecretResult::Status::NotFound || (r.ok() && r.data.isEmpty())) {
            fail(AuthError::make(ErrorKind::MissingCredential));
            return;
        }
        if (!r.ok()) {
            fail(keychainError(r));
            return;
        }
        QByteArray secret = r.data;
        AuthOperation *op = m_services.auth->login(m_account, *m_profile, secret);
        wipe(secret);
        connect(op, &AuthOperation::finished, this, [this](const AuthOutcome &outcome) {
            outcome.error ? fail(outcome.error) : onTokens(outcome.tokens, false);
        });
    });
}

void TokenOperation::onTokens(const TokenSet &tokens, bool refreshed)
{
    // The account may have been edited while the request was on the network. Tokens for another provider,
    // address or user must not be stored as this account's.
    const auto current = m_services.accounts->reloadAccount(m_accountId);
    if (!current) {
        fail(AuthError::make(ErrorKind::Configuration, tr("This account no longer exists.")), false);
        return;
    }
    if (!sameOrigin(m_account, *current)) {
        qCInfo(lcToken) << "account" << m_accountId << "changed while its tokens were requested - dropping them";
        fail(AuthError::make(ErrorKind::Configuration, tr("The account changed while logging in. Try again.")), false);
        return;
    }
    // Keychain first (the rotated refresh token before anything else), metadata last: a crash in between
    // leaves a stale expiry in the config, which only makes the next renewal come early.
    auto writeAccess = [this, tokens] {
        m_services.secrets->write(m_accountId, SecretKind::AccessToken, tokens.accessToken, this,
                                  [this, tokens](const SecretResult &r) {
                                      if (!r.ok()) {
                                          fail(keychainError(r));
                                          return;
                                      }
                                      TokenResult result;
                                      result.saveError = storeMetadata(tokens);
                                      result.accessToken = tokens.accessToken;
                                      result.accessExpiresAt = tokens.accessExpiresAt;
                                      result.usedNetwork = true;
                                      finish(result);
                                  });
    };
    // A rotating provider's refresh token died when it was sent. An answer without a new one leaves nothing
    // worth keeping: sending the spent one again would only earn a 401 (or trip the provider's reuse
    // detection). It leaves the keychain before the new access token goes in, and the account file says so
    // last; the next renewal logs in with the stored credential.
    m_dropSpentRefreshToken = refreshed && m_profile->refresh.rotates && tokens.refreshToken.isEmpty();
    if (m_dropSpentRefreshToken) {
        m_services.secrets->remove(m_accountId, SecretKind::RefreshToken, this,
                                   [this, writeAccess](const SecretResult &r) {
                                       // If it stays, the account file written last still stops its use.
                                       if (!r.ok() && r.status != SecretResult::Status::NotFound)
                                           qCWarning(lcToken) << "could not remove the spent refresh token of"
                                                              << m_accountId << ":" << r.errorString;
                                       writeAccess();
                                   });
        return;
    }
    if (tokens.refreshToken.isEmpty()) {
        writeAccess();
        return;
    }
    m_services.secrets->write(m_accountId, SecretKind::RefreshToken, tokens.refreshToken, this,
                              [this, writeAccess, refreshed](const SecretResult &r) {
                                  if (r.ok()) {
                                      writeAccess();
                                  } else if (refreshed && m_profile->refresh.rotates) {
                                      // The keychain still holds the token this refresh spent.
                                      failWithSpentRefreshToken(keychainError(r));
                                  } else {
                                      fail(keychainError(r));
                                  }
                              });
}

QString TokenOperation::storeMetadata(const TokenSet &tokens)
{
    // Only the token fields this operation owns: a rename or an import made meanwhile stays.
    const QString operation = m_loggingIn ? QStringLiteral("login") : QStringLiteral("refresh");
    const bool dropRefresh = m_dropSpentRefreshToken;
    const bool loggedIn = m_loggingIn;
    const auto change = [&tokens, &operation, dropRefresh, loggedIn](Account &a) {
        TokenMeta &t = a.token;
        t.hasAccessToken = true;
        t.accessObtainedAt = tokens.obtainedAt;
        t.accessExpiresAt = tokens.accessExpiresAt;
        if (!tokens.refreshToken.isEmpty()) {
            t.hasRefreshToken = true;
            t.refreshExpiresAt = tokens.refreshExpiresAt;
        } else if (dropRefresh) {
            t.hasRefreshToken = false;
            t.refreshExpiresAt = {};
        } // else: an answer without a refresh token keeps the old one (a login; a refresh that does not rotate)
        if (tokens.passwordExpiresAt.isValid())
            t.passwordExpiresAt = tokens.passwordExpiresAt;
        if (!tokens.extras.isEmpty())
            t.extras = tokens.extras;
        t.rateLimitedUntil = {};
        t.lastState = TokenState::Valid;
        t.lastError = {};
        t.lastErrorAt = {};
        if (loggedIn) // the provider took the credential; a refresh says nothing about it
            t.credentialProblem = ErrorKind::None;
        t.addHistory({tokens.obtainedAt, operation, ErrorKind::None, {}});
    };
    const auto saved = m_services.accounts->modify(m_accountId, change);
    change(m_account);
    if (saved.ok)
        return {};
    return tr("%1 The new token is in the keychain, but the account does not record it: fix the cause, "
              "then log in again.")
        .arg(saved.error);
}

void TokenOperation::fail(const AuthError &error, bool record)
{
    // A keychain this process cannot reach (a cron job without a session bus, a locked collection) says
    // nothing about the account, which other processes share: it is reported, not recorded.
    if (error.kind == ErrorKind::Keychain)
        record = false;
    if ((record || m_refreshTokenSpent) && !m_account.id.isEmpty()) {
        const QDateTime now = m_services.clock->now();
        const QString operation = m_kind == Kind::Logout ? QStringLiteral("logout")
                                  : m_loggingIn          ? QStringLiteral("login")
                                                         : QStringLiteral("refresh");
        m_services.accounts->modify(m_accountId, [&](Account &a) {
            if (m_refreshTokenSpent) {
                a.token.hasRefreshToken = false;
                a.token.refreshExpiresAt = {};
            }
            if (!record)
                return;
            a.token.lastError = error;
            a.token.lastErrorAt = now;
            if (error.isCredentialProblem())
                a.token.credentialProblem = error.kind; // kept past a logout, unlike the last error
            if (error.kind == ErrorKind::RateLimited) {
                a.token.lastState = TokenState::RateLimited;
                a.token.rateLimitedUntil = error.retryAfter;
            } else {
                a.token.lastState = TokenState::Failed;
            }
            a.token.addHistory({now, operation, error.kind, error.message});
        });
    }
    TokenResult result;
    result.error = error;
    finish(result);
}

void TokenOperation::finish(TokenResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_lock)
        m_lock->release();
    Q_EMIT finished(result);
    wipe(result.accessToken);
    deleteLater();
}

AuthError TokenOperation::lockError(const QString &message) const
{
    // Waiting for another process's renewal ran out: a timeout (CLI exit 4, like any other), not a
    // configuration problem. A lock file that cannot be created is one.
    const bool timedOut = m_lock && m_lock->timedOut();
    return AuthError::make(timedOut ? ErrorKind::Timeout : ErrorKind::Configuration, message);
}

AuthError TokenOperation::keychainError(const SecretResult &result) const
{
    return AuthError::make(ErrorKind::Keychain, result.errorString.isEmpty() ? AuthError::defaultMessage(ErrorKind::Keychain)
                                                                         : result.errorString);
}
