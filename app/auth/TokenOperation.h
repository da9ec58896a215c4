#pragma once

#include "AuthError.h"
#include "TokenSet.h"
#include "accounts/Account.h"
#include "accounts/SecretStore.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class AccountLock;
class AccountStore;
class AuthClient;
class Clock;
class ProviderRegistry;
struct ProviderProfile;

// What a TokenOperation needs; the composition root builds one and TokenManager passes it on.
struct TokenServices
{
    AccountStore *accounts = nullptr;
    SecretStore *secrets = nullptr;
    const ProviderRegistry *providers = nullptr;
    AuthClient *auth = nullptr;
    const Clock *clock = nullptr;
    QString lockDirectory;        // per-account lock files shared with other TokenDesk processes
    int lockTimeoutMs = 60000;
};

struct TokenResult
{
    AuthError error;
    QByteArray accessToken;       // the valid access token on success (not for Logout)
    QDateTime accessExpiresAt;
    bool usedNetwork = false;
    // Set when the operation worked but the account file could not be updated (a full disk, a broken
    // file): for people, naming the file, the cause and what to do. Not an error: the token is valid.
    QString saveError;
};

// One login, refresh, "make sure it is valid" or logout of one account, start to finish:
// take the cross-process lock → re-read the account → read a secret → ask the provider → store the
// secrets in the keychain first, then the metadata → release the lock → finished(). Deletes itself later.
class TokenOperation : public QObject
{
    Q_OBJECT
public:
    enum class Kind {
        Login,       // always log in with the stored credential
        Refresh,     // refresh token if there is one, else log in; forced even if the token is valid
        EnsureValid, // nothing if the token is valid for minValidSeconds; else as Refresh
        Logout,      // drop the tokens, keep the credential
    };

    TokenOperation(const TokenServices &services, const QString &accountId, Kind kind, qint64 minValidSeconds,
                   QObject *parent = nullptr);
    ~TokenOperation() override;

    void start();
    Kind kind() const { return m_kind; }
    bool isLoggingIn() const { return m_loggingIn; }
    bool isRenewing() const { return m_renewing; } // talking to the provider, not just reading the keychain
    QString accountId() const { return m_accountId; }

Q_SIGNALS:
    void phaseChanged(); // started talking to the provider, or a refresh fell back to a login
    void finished(const TokenResult &result);

private:
    void onLocked();
    bool tokenStillGood(const Account &account) const;
    void readAccessTokenAndFinish();
    void clearKeychainFailure();
    void doRefresh();
    void failWithSpentRefreshToken(const AuthError &error);
    static bool mayHaveReachedTheProvider(AuthError::Kind kind);
    void doLogin();
    void onTokens(const TokenSet &tokens, bool refreshed);
    QString storeMetadata(const TokenSet &tokens); // returns the saveError, if any
    void doLogout();
    void fail(const AuthError &error, bool record = true);
    void finish(TokenResult result);
    AuthError lockError(const QString &message) const; // the lock was not taken: timed out, or no lock file
    AuthError keychainError(const SecretResult &result) const;

    TokenServices m_services;
    QString m_accountId;
    Kind m_kind;
    qint64 m_minValidSeconds;
    Account m_account;
    const ProviderProfile *m_profile = nullptr;
    AccountLock *m_lock = nullptr;
    QDateTime m_startObtainedAt;
    bool m_loggingIn = false;
    bool m_renewing = false;
    bool m_triedLogin = false;
    bool m_finished = false;
    bool m_dropSpentRefreshToken = false; // a rotating refresh answered without a new refresh token
    bool m_refreshTokenSpent = false;     // a rotating refresh failed after the provider may have taken it
};
