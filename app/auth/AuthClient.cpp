#include "AuthClient.h"

#include "Clock.h"
#include "Hardening.h"
#include "HttpClient.h"
#include "ProviderResponse.h"
#include "accounts/Account.h"
#include "providers/ProviderProfile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

namespace {
QByteArray substitute(const QString &pattern, const QString &username, const QByteArray &secret,
                      const QByteArray &refreshToken)
{
    QByteArray value = pattern.toUtf8();
    value.replace("{username}", username.toUtf8());
    value.replace("{secret}", secret);
    value.replace("{refreshToken}", refreshToken);
    return value;
}

void wipe(QByteArray &bytes)
{
    Hardening::wipe(bytes);
}

HttpCall buildCall(const Account &account, const RequestTemplate &request, const QByteArray &secret,
                   const QByteArray &refreshToken)
{
    HttpCall call;
    call.method = request.method;
    call.url = AuthClient::endpointUrl(account.baseUrl, request.path);
    call.allowInsecureHttp = account.allowInsecureHttp;
    if (request.body == RequestTemplate::BodyFormat::Form) {
        QByteArray body;
        for (const auto &[name, pattern] : request.fields) {
            QByteArray value = substitute(pattern, account.username, secret, refreshToken);
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(QString::fromUtf8(value));
            wipe(value);
        }
        call.body = body;
        call.headers.append({QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")});
    } else {
        QJsonObject object;
        for (const auto &[name, pattern] : request.fields) {
            QByteArray value = substitute(pattern, account.username, secret, refreshToken);
            object.insert(name, QString::fromUtf8(value));
            wipe(value);
        }
        call.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        call.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    }
    return call;
}
} // namespace

AuthClient::AuthClient(HttpClient *http, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_clock(clock)
{
}

QUrl AuthClient::endpointUrl(const QUrl &baseUrl, const QString &path)
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

HttpCall AuthClient::buildLoginCall(const Account &account, const ProviderProfile &profile, const QByteArray &secret)
{
    return buildCall(account, profile.login, secret, {});
}

HttpCall AuthClient::buildRefreshCall(const Account &account, const ProviderProfile &profile,
                                      const QByteArray &refreshToken)
{
    return buildCall(account, profile.refresh, {}, refreshToken);
}

AuthOperation *AuthClient::login(const Account &account, const ProviderProfile &profile, const QByteArray &secret)
{
    SecretRedactor secrets;
    secrets.add(secret);
    secrets.addBasicAuth(account.username.toUtf8(), secret);
    return send(buildLoginCall(account, profile, secret), profile, false, secrets);
}

AuthOperation *AuthClient::refresh(const Account &account, const ProviderProfile &profile,
                                   const QByteArray &refreshToken)
{
    SecretRedactor secrets;
    secrets.add(refreshToken);
    return send(buildRefreshCall(account, profile, refreshToken), profile, true, secrets);
}

AuthOperation *AuthClient::send(HttpCall call, const ProviderProfile &profile, bool isRefresh,
                                 const SecretRedactor &secrets)
{
    auto *operation = new AuthOperation(this);
    HttpJob *job = m_http->send(call);
    wipe(call.body);
    const ProviderProfile profileCopy = profile; // the registry may change while the request is in flight
    const auto request = isRefresh ? ProviderResponse::Request::Refresh : ProviderResponse::Request::Login;
    connect(job, &HttpJob::finished, operation, [this, operation, profileCopy, request, secrets](const HttpResult &response) {
        AuthOutcome outcome;
        const QDateTime now = m_clock->now();
        if (!response.error && response.status >= 200 && response.status < 300) {
            auto parsed = ProviderResponse::parseTokens(profileCopy, request, response, now);
            if (auto *tokens = std::get_if<TokenSet>(&parsed))
                outcome.tokens = std::move(*tokens);
            else
                outcome.error = std::get<AuthError>(parsed);
        } else {
            outcome.error = ProviderResponse::classifyError(profileCopy, request, response, now, secrets);
        }
        Q_EMIT operation->finished(outcome);
        outcome.tokens.wipe();
        operation->deleteLater();
    });
    return operation;
}
