#include "AuthHeaderClient.h"

#include "AuthHeaderAnswer.h"
#include "AuthHeaderCall.h"
#include "accounts/Account.h"
#include "providers/ProviderProfile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace {
QByteArray jsonBody(const QString &key, const QString &value) {
    return QJsonDocument(QJsonObject{{key, value}}).toJson(QJsonDocument::Compact);
}
} // namespace

AuthHeaderClient::AuthHeaderClient(TokenManager *tokens, AccountStore *accounts,
                                   const ProviderRegistry *providers, HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_accounts(accounts)
    , m_providers(providers)
    , m_http(http) {}

AuthHeaderClient::~AuthHeaderClient() = default;

bool AuthHeaderClient::supports(const ProviderProfile &profile) {
    return profile.authHeaders;
}

bool AuthHeaderClient::needsRefusedCredential(const Account &account, const QDateTime &now) {
    const TokenMeta &t = account.token;
    if (t.credentialProblem == AuthError::Kind::None)
        return false;
    const bool tokenUsable = t.hasAccessToken
                             && (!t.accessExpiresAt.isValid() || now.secsTo(t.accessExpiresAt) > kMinValidSeconds);
    return !tokenUsable;
}

void AuthHeaderClient::list(const QString &accountId, QObject *context, ListCallback callback) {
    start(AuthHeaderOperation::List, accountId, {}, context,
          [callback = std::move(callback)](const HttpResult &answer, const AuthError &error) {
              if (error) {
                  callback({}, error);
                  return;
              }
              auto parsed = AuthHeaderAnswer::parseList(answer.body);
              if (const auto *failure = std::get_if<AuthError>(&parsed)) {
                  callback({}, *failure);
                  return;
              }
              QList<AuthHeader> &headers = std::get<QList<AuthHeader>>(parsed);
              callback(headers, {});
              for (AuthHeader &header : headers)
                  header.token.fill('\0');
          });
}

void AuthHeaderClient::add(const QString &accountId, const QString &name, QObject *context,
                           HeaderCallback callback) {
    start(AuthHeaderOperation::Add, accountId, jsonBody(QStringLiteral("name"), name), context,
          [name, callback = std::move(callback)](const HttpResult &answer, const AuthError &error) {
              if (error) {
                  callback({}, error);
                  return;
              }
              auto parsed = AuthHeaderAnswer::parseAdded(answer.body, name);
              if (const auto *failure = std::get_if<AuthError>(&parsed)) {
                  callback({}, *failure);
                  return;
              }
              AuthHeader &header = std::get<AuthHeader>(parsed);
              callback(header, {});
              header.token.fill('\0');
          });
}

void AuthHeaderClient::remove(const QString &accountId, const QByteArray &token, QObject *context,
                              DoneCallback callback) {
    QByteArray body = jsonBody(QStringLiteral("text"), QString::fromUtf8(token));
    start(AuthHeaderOperation::Delete, accountId, body, context,
          [callback = std::move(callback)](const HttpResult &, const AuthError &error) { callback(error); });
    body.fill('\0');
}

void AuthHeaderClient::start(AuthHeaderOperation operation, const QString &accountId, const QByteArray &body,
                             QObject *context, AnswerHandler handler) {
    AuthHeaderCall::Services services;
    services.tokens = m_tokens;
    services.accounts = m_accounts;
    services.providers = m_providers;
    services.http = m_http;
    auto *call = new AuthHeaderCall(services, operation, accountId, body, this);

    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    const QMetaObject::Connection delivery = connect(
        call, &AuthHeaderCall::finished, this,
        [call, guard, hasContext, handler = std::move(handler)](const HttpResult &answer) {
            if (!handler || (hasContext && !guard))
                return;
            if (answer.error) {
                handler(answer, answer.error);
                return;
            }
            if (answer.status >= 200 && answer.status < 300) {
                handler(answer, {});
                return;
            }
            const ProviderProfile *profile = call->profile();
            handler(answer, profile ? AuthHeaderAnswer::classifyError(*profile, call->operation(), answer,
                                                                            call->secrets())
                                    : AuthError::make(AuthError::Kind::Configuration));
        });
    // Nobody is left to hear the answer: stop asking. Unhook the callback first: cancel() finishes at once,
    // and a widget emits destroyed() from ~QWidget, after its own destructor has run and while `guard` is
    // still set, so the callback would run on a half-destroyed context (found by UBSan: tst_authheaderpanel).
    if (context) {
        connect(context, &QObject::destroyed, call, [call, delivery] {
            QObject::disconnect(delivery);
            call->cancel();
        });
    }
    // Callbacks always run from the event loop, even for an error found before any request.
    QMetaObject::invokeMethod(call, &AuthHeaderCall::start, Qt::QueuedConnection);
}
