#pragma once

#include "AuthError.h"
#include "SecretRedactor.h"
#include "TokenSet.h"

#include <QObject>

class Clock;
class HttpClient;
struct Account;
struct HttpCall;
struct ProviderProfile;

struct AuthOutcome
{
    TokenSet tokens;   // valid when error is None
    AuthError error;
};

// One login or refresh in flight; finished() fires once, then it deletes itself later.
class AuthOperation : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
Q_SIGNALS:
    void finished(const AuthOutcome &outcome);
};

// Speaks a provider's login and refresh requests exactly as its profile describes them.
class AuthClient : public QObject
{
    Q_OBJECT
public:
    AuthClient(HttpClient *http, const Clock *clock, QObject *parent = nullptr);

    AuthOperation *login(const Account &account, const ProviderProfile &profile, const QByteArray &secret);
    AuthOperation *refresh(const Account &account, const ProviderProfile &profile, const QByteArray &refreshToken);

    // The request a login would send (for tests and the account dialog's preview); no I/O.
    static HttpCall buildLoginCall(const Account &account, const ProviderProfile &profile, const QByteArray &secret);
    static HttpCall buildRefreshCall(const Account &account, const ProviderProfile &profile,
                                     const QByteArray &refreshToken);
    static QUrl endpointUrl(const QUrl &baseUrl, const QString &path);

    HttpClient *http() const { return m_http; }
    const Clock *clock() const { return m_clock; }

private:
    AuthOperation *send(HttpCall call, const ProviderProfile &profile, bool isRefresh, const SecretRedactor &secrets);

    HttpClient *m_http;
    const Clock *m_clock;
};
