#include "ExitCode.h"

ExitCode exitCodeFor(AuthError::Kind kind) {
    using Kind = AuthError::Kind;
    switch (kind) {
    case Kind::None:
        return ExitCode::Ok;
    case Kind::CredentialsRejected:
    case Kind::PasswordExpired:
    case Kind::NotVerified:
    case Kind::MissingCredential: // only the user can fix it, by supplying the credential
    case Kind::RefreshRejected:   // normally answered by one re-login; if it escapes, the login is needed
        return ExitCode::CredentialsRejected;
    case Kind::Network:
    case Kind::Tls:
    case Kind::Timeout:
    case Kind::InsecureUrl: // the transport was refused before anything was sent
        return ExitCode::Network;
    case Kind::RateLimited:
    case Kind::ProviderError:
    case Kind::MalformedAnswer:
    case Kind::InvalidRequest:
        return ExitCode::ProviderError;
    case Kind::Keychain:
        return ExitCode::Keychain;
    case Kind::Configuration:
    case Kind::Cancelled:
        return ExitCode::Failure;
    }
    return ExitCode::Failure;
}
