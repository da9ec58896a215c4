#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

#include <optional>

// Decodes a JWT's header and claims for display and for its `exp`. Nothing here verifies a signature:
// what it returns is information, never trusted for anything but a countdown.
struct JwtInfo
{
    bool isJwt = false; // three dot-separated base64url parts whose first two are JSON objects
    QJsonObject header;
    QJsonObject claims;

    // `exp` / `iat` / `nbf` when they are whole numbers of seconds within a sane range, else nullopt
    // (a string, a float, a huge or negative number all give nullopt, never a crash).
    std::optional<QDateTime> expiresAt() const;
    std::optional<QDateTime> issuedAt() const;
    std::optional<QDateTime> notBefore() const;

    static JwtInfo decode(const QByteArray &token);
    static std::optional<QDateTime> numericDate(const QJsonValue &value);
};
