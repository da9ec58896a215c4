#pragma once

#include "auth/AuthError.h"
#include "auth/TokenState.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

// One entry of an account's recent login/refresh history (non-secret).
struct HistoryEntry
{
    QDateTime at;
    QString operation;          // "login", "refresh", "logout"
    AuthError::Kind result = AuthError::Kind::None;
    QString message;            // empty on success
};

// Non-secret token metadata. The tokens themselves live only in the SecretStore.
struct TokenMeta
{
    bool hasAccessToken = false;
    bool hasRefreshToken = false;
    QDateTime accessObtainedAt;
    QDateTime accessExpiresAt;   // invalid: unknown
    QDateTime refreshExpiresAt;  // invalid: unknown
    QDateTime passwordExpiresAt; // invalid: the provider does not say
    QDateTime rateLimitedUntil;  // invalid: not rate limited
    QJsonObject extras;          // client_id, user profile fields
    TokenState lastState = TokenState::SignedOut;
    AuthError lastError;         // kind None: no error
    QDateTime lastErrorAt;
    // The provider refused the stored credential at a login: CredentialsRejected, PasswordExpired or
    // NotVerified (None: not known to be refused). Unlike lastError it outlives a logout and later
    // failures; only a good login or a changed credential clears it (nothing logs in with it on its own).
    AuthError::Kind credentialProblem = AuthError::Kind::None;
    QList<HistoryEntry> history; // newest last, at most kMaxHistory

    static constexpr int kMaxHistory = 20;
    // The window and the CLI warn about a password that expires within this many days.
    static constexpr int kPasswordWarningDays = 14;
    void addHistory(const HistoryEntry &entry);
    // credentialProblem as files without that field mean it (those written before it, and entries where
    // it is what the last error says): the last error's kind if that is a credential problem.
    static AuthError::Kind impliedCredentialProblem(const AuthError &lastError)
    {
        return lastError.isCredentialProblem() ? lastError.kind : AuthError::Kind::None;
    }
};

// One login at one provider. Everything here is safe to write to the config file.
struct Account
{
    QString id;                 // stable random id; namespaces the account's keychain entries
    QString name;               // unique, chosen by the user ("prod-kyc")
    QString providerId;         // a ProviderProfile id ("kyc-jwt")
    QUrl baseUrl;
    QString username;           // empty for API-key providers
    bool allowInsecureHttp = false; // explicit opt-in for http:// to a non-loopback host
    bool keepSignedIn = true;   // re-login automatically with the stored credential
    TokenMeta token;

    static QString newId();
    // The form every name is kept and looked up in (Unicode NFC): "café" typed with a combining accent
    // (NFD, as some keyboards and macOS file names give it) is the same account as with a precomposed é.
    static QString normalName(const QString &name) { return name.normalized(QString::NormalizationForm_C); }
};

// What reading many entries in a row shares: base URLs already parsed (accounts at one provider share
// one, and with it one QUrl's memory).
struct AccountReadCache
{
    QHash<QString, QUrl> baseUrls; // valid base URLs only
    QHash<QString, QString> providerIds; // one shared copy of each provider id
    QHash<QByteArray, QString> sharedTexts; // readAccountEntry's: provider ids, base URLs, states by their bytes
    QString lastShared[3]; // readAccountEntry's last provider id, base URL and state: most repeat the entry before
    bool unknownFields = false;    // set by each read: the entry has top-level fields accountToJson() does not write
};

QJsonObject accountToJson(const Account &account);
// Whether `id` can be an account id: 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-'.
bool isValidAccountId(const QString &id);
// Why `url` (parsed in QUrl::StrictMode) cannot be an account's base URL; empty if it can.
QString baseUrlProblem(const QUrl &url);
// `url` as people are shown it: no user info, and the host in ACE form (xn--…), as a look-alike Unicode
// host would hide which site it is; so is any other non-ASCII text (percent-encoded).
QString displayedUrl(const QUrl &url);
// Returns nullopt and sets *error ("field 'baseUrl': not a valid URL") when the object is unusable.
std::optional<Account> accountFromJson(const QJsonObject &object, QString *error, AccountReadCache *cache = nullptr);
