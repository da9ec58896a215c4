#include "TokenState.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<TokenState, const char *>, 7> kKeys{{
    {TokenState::SignedOut, "signed_out"},
    {TokenState::LoggingIn, "logging_in"},
    {TokenState::Valid, "valid"},
    {TokenState::Refreshing, "refreshing"},
    {TokenState::Expired, "expired"},
    {TokenState::Failed, "failed"},
    {TokenState::RateLimited, "rate_limited"},
}};
} // namespace

QString tokenStateKey(TokenState state)
{
    for (const auto &[s, key] : kKeys) {
        if (s == state)
            return QString::fromLatin1(key);
    }
    return QStringLiteral("signed_out");
}

TokenState tokenStateFromKey(const QString &key, bool *ok)
{
    for (const auto &[s, k] : kKeys) {
        if (key == QLatin1String(k)) {
            if (ok)
                *ok = true;
            return s;
        }
    }
    if (ok)
        *ok = false;
    return TokenState::SignedOut;
}

QString tokenStateText(TokenState state)
{
    switch (state) {
    case TokenState::SignedOut:
        return QCoreApplication::translate("TokenState", "Signed out");
    case TokenState::LoggingIn:
        return QCoreApplication::translate("TokenState", "Logging in…");
    case TokenState::Valid:
        return QCoreApplication::translate("TokenState", "Valid");
    case TokenState::Refreshing:
        return QCoreApplication::translate("TokenState", "Refreshing…");
    case TokenState::Expired:
        return QCoreApplication::translate("TokenState", "Expired");
    case TokenState::Failed:
        return QCoreApplication::translate("TokenState", "Failed");
    case TokenState::RateLimited:
        return QCoreApplication::translate("TokenState", "Rate limited");
    }
    return {};
}
