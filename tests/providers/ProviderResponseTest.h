#pragma once

// What the ProviderResponse tests share: the base class with the preset profiles, a fixed "now", an HTTP
// answer built from its parts, and parseTokens() checked to give tokens or an error.

#include "auth/ProviderResponse.h"
#include "providers/ProviderRegistry.h"

#include <QTest>
#include <QTimeZone>

#include <variant>

namespace ProviderResponseTesting {
using Kind = AuthError::Kind;
using Source = TokenSet::ExpirySource;
using Request = ProviderResponse::Request;

// Monday 2026-06-01 10:00:00 UTC.
inline const QDateTime kNow(QDate(2026, 6, 1), QTime(10, 0), QTimeZone::utc());

inline HttpResult answer(int status, const QByteArray &body, const QByteArray &date = {},
                         const QByteArray &retryAfter = {}) {
    HttpResult r;
    r.status = status;
    r.body = body;
    r.contentType = QByteArrayLiteral("application/json");
    r.dateHeader = date;
    r.retryAfter = retryAfter;
    return r;
}

inline QString describe(const std::variant<TokenSet, AuthError> &result) {
    if (const auto *e = std::get_if<AuthError>(&result))
        return AuthError::kindKey(e->kind) + QStringLiteral(": ") + e->message;
    return QStringLiteral("tokens");
}

inline QByteArray jsonString(const QByteArray &s) {
    return '"' + s + '"';
}
} // namespace ProviderResponseTesting

// parseTokens() must give a TokenSet; binds it to `name`.
#define PARSE_OK(name, profile, request, result, now)                                                        \
    const auto name##Result = ProviderResponse::parseTokens(profile, request, result, now);                  \
    QVERIFY2(std::holds_alternative<TokenSet>(name##Result), qPrintable(describe(name##Result)));            \
    const TokenSet &name = std::get<TokenSet>(name##Result)

// parseTokens() must give an AuthError; binds it to `name`.
#define PARSE_ERROR(name, profile, request, result, now)                                                     \
    const auto name##Result = ProviderResponse::parseTokens(profile, request, result, now);                  \
    QVERIFY2(std::holds_alternative<AuthError>(name##Result), "expected an error, got tokens");              \
    const AuthError &name = std::get<AuthError>(name##Result)

// The base of the ProviderResponse tests: the built-in presets' profiles. Call checkPresets() from
// initTestCase(): profile() trusts that every preset is there.
class ProviderResponseTest : public QObject {
protected:
    void checkPresets() {
        for (const char *id : {"quadrata", "kyc-jwt", "partner-api", "b2b-api", "user-authheader"})
            QVERIFY2(m_registry.find(QString::fromLatin1(id)), id);
    }

    const ProviderProfile &profile(const QString &id) const {
        const ProviderProfile *p = m_registry.find(id);
        Q_ASSERT(p);
        return *p;
    }

    ProviderRegistry m_registry;
};
