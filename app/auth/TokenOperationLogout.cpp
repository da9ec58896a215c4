// TokenOperation: logging out (the tokens leave the keychain, the credential stays).
#include "TokenOperation.h"

#include "Clock.h"
#include "accounts/AccountStore.h"

namespace {
using ErrorKind = AuthError::Kind;
} // namespace

void TokenOperation::doLogout()
{
    auto removeRefresh = [this] {
        m_services.secrets->remove(m_accountId, SecretKind::RefreshToken, this, [this](const SecretResult &r) {
            if (!r.ok() && r.status != SecretResult::Status::NotFound) {
                fail(keychainError(r), false);
                return;
            }
            const QDateTime now = m_services.clock->now();
            const auto saved = m_services.accounts->modify(m_accountId, [&now](Account &a) {
                a.token.hasAccessToken = false;
                a.token.hasRefreshToken = false;
                a.token.accessExpiresAt = {};
                a.token.accessObtainedAt = {};
                a.token.refreshExpiresAt = {};
                a.token.lastState = TokenState::SignedOut;
                a.token.lastError = {};
                a.token.lastErrorAt = {};
                a.token.addHistory({now, QStringLiteral("logout"), ErrorKind::None, {}});
            });
            TokenResult result;
            if (!saved.ok)
                result.saveError = tr("%1 The tokens were removed from the keychain, but the account still "
                                      "lists them until it can be saved.")
                                       .arg(saved.error);
            finish(result);
        });
    };
    m_services.secrets->remove(m_accountId, SecretKind::AccessToken, this, [this, removeRefresh](const SecretResult &r) {
        if (!r.ok() && r.status != SecretResult::Status::NotFound) {
            fail(keychainError(r), false);
            return;
        }
        removeRefresh();
    });
}
