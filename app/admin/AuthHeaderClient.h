#pragma once

#include "auth/AuthError.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class AccountStore;
class HttpClient;
class ProviderRegistry;
class TokenManager;
struct Account;
struct HttpResult;
struct ProviderProfile;
enum class AuthHeaderOperation;

// One long-lived auth header of the provider's /authheader admin API. The token is a secret: never log it.
struct AuthHeader {
    QString id;        // may be empty: the provider does not always say
    QString name;      // may be empty
    QByteArray token;  // never empty, visible ASCII only (ProviderResponse::isSafeToken)
    QDateTime created; // UTC; invalid when the provider did not say or said something unreadable
};

// Lists, adds and deletes an account's auth headers, authenticated with the account's current token:
// logs in or renews first when needed, and on a 401 logs in once more and retries once. Every callback
// runs later from the event loop, never inside the call, and only while `context` lives (a null context:
// always). Errors are sentences for people and carry no secret.
class AuthHeaderClient : public QObject {
    Q_OBJECT
public:
    AuthHeaderClient(TokenManager *tokens, AccountStore *accounts, const ProviderRegistry *providers,
                     HttpClient *http, QObject *parent = nullptr);
    ~AuthHeaderClient() override;

    using ListCallback = std::function<void(const QList<AuthHeader> &headers, const AuthError &error)>;
    using HeaderCallback = std::function<void(const AuthHeader &header, const AuthError &error)>;
    using DoneCallback = std::function<void(const AuthError &error)>;

    void list(const QString &accountId, QObject *context, ListCallback callback);
    void add(const QString &accountId, const QString &name, QObject *context, HeaderCallback callback);
    void remove(const QString &accountId, const QByteArray &token, QObject *context, DoneCallback callback);

    static bool supports(const ProviderProfile &profile); // profile.authHeaders
    // Whether a call for `account` now would have to log in with a credential the provider refused at the
    // last login (rejected, expired, user not verified): no access token valid for kMinValidSeconds, and
    // the account's credentialProblem says so (a logout does not end it; a good login or a new credential
    // does). A caller that was not asked to log in should not call.
    static bool needsRefusedCredential(const Account &account, const QDateTime &now);

    // Seconds the account's token must stay valid for an admin call; less and it is renewed first.
    static constexpr qint64 kMinValidSeconds = 30;

private:
    // The answer, and the error it means (kind None for a 2xx).
    using AnswerHandler = std::function<void(const HttpResult &answer, const AuthError &error)>;
    void start(AuthHeaderOperation operation, const QString &accountId, const QByteArray &body,
               QObject *context, AnswerHandler handler);

    TokenManager *m_tokens;
    AccountStore *m_accounts;
    const ProviderRegistry *m_providers;
    HttpClient *m_http;
};
