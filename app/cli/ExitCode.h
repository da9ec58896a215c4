#pragma once

#include "auth/AuthError.h"

// tokendesk-cli's exit statuses: what a script can branch on. Documented in `tokendesk-cli --help`.
enum class ExitCode : int {
    Ok = 0,
    Failure = 1,             // anything not below: unusable config file, unknown provider profile, …
    Usage = 2,               // unknown command or option, missing or bad argument, unknown account
    CredentialsRejected = 3, // wrong credentials, not verified, password expired, no stored credential
    Network = 4,             // connection failed, timeout, TLS, refused insecure URL
    ProviderError = 5,       // rate limited, 5xx, malformed or unexpected answer
    Keychain = 6,            // keychain unavailable, locked or not answering
};

ExitCode exitCodeFor(AuthError::Kind kind);

inline int toInt(ExitCode code) {
    return static_cast<int>(code);
}
