// TokenOperation: a rotating refresh token spent by a refresh that failed.
#include "TokenOperation.h"

#include "accounts/AccountStore.h"
#include "providers/ProviderRegistry.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcToken)

namespace {
using ErrorKind = AuthError::Kind;
} // namespace

// A rotating refresh token dies when the provider takes it, whatever its answer then says (an unusable 200,
// a 5xx, a 429) or if the answer never came (a timeout). Sending it again would earn a 401 at best and trip
// the provider's reuse detection at worst, so it goes, and the next renewal logs in with the stored
// credential. Only a request that never left (no connection, TLS refused, nothing to send) keeps it.
void TokenOperation::failWithSpentRefreshToken(const AuthError &error)
{
    qCInfo(lcToken) << "refresh of account" << m_accountId << "failed after the provider got the rotating token"
                    << "- dropping it";
    m_refreshTokenSpent = true;
    m_services.secrets->remove(m_accountId, SecretKind::RefreshToken, this, [this, error](const SecretResult &r) {
        // If it stays, the account file written next still stops its use.
        if (!r.ok() && r.status != SecretResult::Status::NotFound)
            qCWarning(lcToken) << "could not remove the spent refresh token of" << m_accountId << ":" << r.errorString;
        fail(error);
    });
}

bool TokenOperation::mayHaveReachedTheProvider(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::CredentialsRejected:
    case ErrorKind::PasswordExpired:
    case ErrorKind::NotVerified:
    case ErrorKind::InvalidRequest:
    case ErrorKind::RateLimited:
    case ErrorKind::Timeout:
    case ErrorKind::ProviderError:
    case ErrorKind::MalformedAnswer:
    case ErrorKind::RefreshRejected:
        return true;
    default: // Network (refused, DNS, reset), Tls, InsecureUrl, Keychain, MissingCredential, Configuration…
        return false;
    }
}
