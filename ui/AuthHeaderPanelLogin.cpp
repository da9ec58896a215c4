// The auth-header panel and a credential the provider refused: the panel never logs in with it on its own
// (the README's promise for a rejected password also holds when the tab opens), says why and what to do,
// and loads the list once a login has succeeded.
#include "AuthHeaderPanel.h"

#include "CoreServices.h"
#include "accounts/AccountStore.h"
#include "auth/Clock.h"
#include "auth/TokenManager.h"

// Shows `what` and why nothing was sent, and returns true, when the call would have to log in with the
// account's refused credential.
bool AuthHeaderPanel::showsRefusedCredential(const QString &what)
{
    const auto account = m_core->accounts()->account(m_accountId);
    if (!account || !AuthHeaderClient::needsRefusedCredential(*account, m_core->clock()->now()))
        return false;
    // The provider's own words while the refusal is still the last error; a logout has cleared them since.
    const TokenMeta &t = account->token;
    AuthError error = t.lastError.kind == t.credentialProblem ? t.lastError : AuthError::make(t.credentialProblem);
    switch (error.kind) {
    case AuthError::Kind::PasswordExpired:
        error.message = tr("At the last login the provider said the password has expired, and TokenDesk does "
                           "not send it again on its own. Change it at the provider, enter the new one in the "
                           "account settings (F2), then log in (Ctrl+L).");
        break;
    case AuthError::Kind::NotVerified:
        error.message = tr("At the last login the provider said the user is not verified, and TokenDesk does "
                           "not log in again on its own. Verify the user at the provider, then log in (Ctrl+L).");
        break;
    default:
        error.message = tr("The provider rejected this account's API key or password at the last login, and "
                           "TokenDesk does not send it again on its own. Correct it in the account settings "
                           "(F2), then log in (Ctrl+L).");
        break;
    }
    error.message += u' ' + tr("The list loads after the login.");
    m_waitingForLogin = true;
    showError(what, error);
    return true;
}

void AuthHeaderPanel::reloadAfterLogin()
{
    connect(m_core->tokens(), &TokenManager::operationFinished, this,
            [this](const QString &accountId, const AuthError &error) {
                if (accountId != m_accountId || error || !m_waitingForLogin || !isVisible())
                    return;
                // A logout finishes without an error too; only a token from the provider means a good login.
                const auto account = m_core->accounts()->account(accountId);
                if (!account || account->token.lastState != TokenState::Valid)
                    return;
                m_waitingForLogin = false;
                refresh();
            });
}
