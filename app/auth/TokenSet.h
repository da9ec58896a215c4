#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

// The result of a successful login or refresh, already parsed by the provider profile. Instants are UTC
// and already corrected for the provider's clock skew.
struct TokenSet
{
    enum class ExpirySource { Response, JwtClaim, FixedLifetime, Unknown };

    QByteArray accessToken;
    QByteArray refreshToken;      // empty: the answer had none (keep the old one, unless it was spent)
    QDateTime obtainedAt;
    QDateTime accessExpiresAt;    // invalid: unknown
    QDateTime refreshExpiresAt;   // invalid: unknown or no refresh token
    QDateTime passwordExpiresAt;  // user-authheader's PasswordExpiration
    ExpirySource expirySource = ExpirySource::Unknown;
    QJsonObject extras;           // non-secret extra fields: client_id, the user profile

    void wipe(); // overwrite the secret bytes before they are released
};
