#pragma once

#include "AuthHeaderAnswer.h"
#include "auth/HttpClient.h"
#include "auth/SecretRedactor.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class AccountStore;
class ProviderRegistry;
class TokenManager;
struct TokenResult;

// One /authheader/* call, start to finish: make sure the account's token is valid → send the request with
// the profile's header line → on a 401 log in once more and send it once again → finished(). A failure
// before or instead of an HTTP answer arrives as an HttpResult with its error set. Deletes itself later.
class AuthHeaderCall : public QObject {
    Q_OBJECT
public:
    struct Services {
        TokenManager *tokens = nullptr;
        AccountStore *accounts = nullptr;
        const ProviderRegistry *providers = nullptr;
        HttpClient *http = nullptr;
    };

    AuthHeaderCall(const Services &services, AuthHeaderOperation operation, const QString &accountId,
                   const QByteArray &body, QObject *parent = nullptr);
    ~AuthHeaderCall() override;

    void start();
    void cancel(); // finishes with Kind::Cancelled unless already finished

    AuthHeaderOperation operation() const { return m_operation; }
    const ProviderProfile *profile() const; // null before start() found it
    // The secrets this call sent (the access token, a header's token to delete), to keep out of messages.
    const SecretRedactor &secrets() const { return m_secrets; }

Q_SIGNALS:
    void finished(const HttpResult &answer);

private:
    void onToken(const TokenResult &result);
    void send(const QByteArray &accessToken);
    void onAnswer(const HttpResult &answer);
    void fail(const AuthError &error);
    void finish(const HttpResult &answer);

    Services m_services;
    AuthHeaderOperation m_operation;
    QString m_accountId;
    QByteArray m_body; // may hold a header's token (delete): wiped when done
    QString m_providerId;
    SecretRedactor m_secrets;
    QPointer<HttpJob> m_job;
    bool m_retried = false;
    bool m_finished = false;
};
