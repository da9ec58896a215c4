#pragma once

#include <QByteArray>
#include <QString>

// The demo providers' credentials. Public on purpose: they unlock nothing but this loopback server.
namespace DemoCredentials {

inline QString quadrataApiKey() {
    return QStringLiteral("demo-quadrata-key");
}

inline QString kycUsername() {
    return QStringLiteral("demo@example.com");
}
inline QString kycUnverifiedUsername() {
    return QStringLiteral("unverified@example.com");
}
inline QString kycPassword() {
    return QStringLiteral("demo-kyc-password");
}

inline QString partnerApiKey() {
    return QStringLiteral("demo-partner-key");
}
inline QString companyApiKey() {
    return QStringLiteral("demo-company-key");
}

inline QString b2bUsername() {
    return QStringLiteral("demo-b2b");
}
inline QString b2bRateLimitedUsername() {
    return QStringLiteral("ratelimited");
}
inline QString b2bPassword() {
    return QStringLiteral("demo-b2b-password");
}

inline QString userUsername() {
    return QStringLiteral("demo-user");
}
inline QString userSecondUsername() {
    return QStringLiteral("demo-user-2");
} // auth headers are per user
inline QString userExpiredUsername() {
    return QStringLiteral("expired-user");
}
inline QString userPassword() {
    return QStringLiteral("demo-user-password");
}

} // namespace DemoCredentials
