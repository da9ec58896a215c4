#include "AuthHeaderCall.h"

#include "AuthHeaderClient.h"
#include "accounts/AccountStore.h"
#include "auth/AuthClient.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

namespace {
using Kind = AuthError::Kind;

void wipe(QByteArray &bytes) {
    bytes.fill('\0');
    bytes.clear();
}
} // namespace

AuthHeaderCall::AuthHeaderCall(const Services &services, AuthHeaderOperation operation,
                               const QString &accountId, const QByteArray &body, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_operation(operation)
    , m_accountId(accountId)
    , m_body(body) {
    if (operation == AuthHeaderOperation::Delete)
        m_secrets.addJsonStrings(body); // {"text": "<the header's token>"}
}

AuthHeaderCall::~AuthHeaderCall() {
    wipe(m_body);
}

const ProviderProfile *AuthHeaderCall::profile() const {
    return m_providerId.isEmpty() ? nullptr : m_services.providers->find(m_providerId);
}

void AuthHeaderCall::start() {
    if (m_finished) // cancelled before it began
        return;
    const auto account = m_services.accounts->account(m_accountId);
    if (!account) {
        fail(AuthError::make(Kind::Configuration, tr("This account no longer exists.")));
        return;
    }
    const ProviderProfile *found = m_services.providers->find(account->providerId);
    if (!found) {
        fail(AuthError::make(
            Kind::Configuration,
            tr("The account's provider type \"%1\" is unknown: its profile is missing or broken.")
                .arg(account->providerId)));
        return;
    }
    if (!AuthHeaderClient::supports(*found)) {
        fail(AuthError::make(Kind::Configuration,
                             tr("The provider \"%1\" of account \"%2\" does not offer auth headers.")
                                 .arg(found->name, account->name)));
        return;
    }
    m_providerId = found->id;
    m_services.tokens->ensureValid(m_accountId, AuthHeaderClient::kMinValidSeconds, this,
                                   [this](const TokenResult &result) { onToken(result); });
}

void AuthHeaderCall::onToken(const TokenResult &result) {
    if (m_finished)
        return;
    QByteArray token = result.accessToken;
    if (result.error)
        fail(result.error);
    else if (token.isEmpty())
        fail(AuthError::make(Kind::MissingCredential));
    else
        send(token);
    wipe(token);
}

void AuthHeaderCall::send(const QByteArray &accessToken) {
    // Read again: the login may have taken a while, and the account or its profile may have changed.
    const auto account = m_services.accounts->account(m_accountId);
    const ProviderProfile *current = profile();
    if (!account || !current) {
        fail(AuthError::make(Kind::Configuration, tr("This account or its provider type no longer exists.")));
        return;
    }
    HttpCall call;
    call.method = AuthHeaderAnswer::method(m_operation);
    call.url = AuthClient::endpointUrl(account->baseUrl, AuthHeaderAnswer::path(m_operation));
    call.allowInsecureHttp = account->allowInsecureHttp;
    call.headers.append({current->headerName.toUtf8(), current->headerValueFor(accessToken)});
    m_secrets.add(accessToken);
    call.headers.append({QByteArray("Accept"), QByteArray("application/json")});
    if (call.method == "POST") {
        call.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
        call.body = m_body;
    }
    m_job = m_services.http->send(call);
    wipe(call.headers.first().second);
    wipe(call.body);
    connect(m_job, &HttpJob::finished, this, &AuthHeaderCall::onAnswer);
}

void AuthHeaderCall::onAnswer(const HttpResult &answer) {
    m_job.clear();
    if (m_finished)
        return;
    if (answer.error || answer.status != 401) {
        finish(answer);
        return;
    }
    const ProviderProfile *current = profile();
    if (m_retried || !current) {
        fail(current ? AuthHeaderAnswer::rejectedAfterLogin(*current, answer, m_secrets)
                     : AuthError::make(Kind::Configuration));
        return;
    }
    // The provider no longer takes the stored token (revoked, or expired early): one fresh login, one retry.
    m_retried = true;
    m_services.tokens->login(m_accountId, this, [this](const TokenResult &result) { onToken(result); });
}

void AuthHeaderCall::cancel() {
    if (m_finished)
        return;
    if (m_job)
        m_job->abort(); // finishes through onAnswer
    if (!m_finished)
        fail(AuthError::make(Kind::Cancelled));
}

void AuthHeaderCall::fail(const AuthError &error) {
    HttpResult result;
    result.error = error;
    finish(result);
}

void AuthHeaderCall::finish(const HttpResult &answer) {
    if (m_finished)
        return;
    m_finished = true;
    wipe(m_body);
    Q_EMIT finished(answer);
    deleteLater();
}
