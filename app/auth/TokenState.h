#pragma once

#include <QString>

// The per-account token state shown to the user. "Expired" is also derived at read time from a Valid
// state whose expiry has passed, so nothing has to tick to make a token expire.
enum class TokenState {
    SignedOut,
    LoggingIn,
    Valid,
    Refreshing,
    Expired,
    Failed,
    RateLimited,
};

QString tokenStateKey(TokenState state);                 // stable, for JSON and the CLI ("valid")
TokenState tokenStateFromKey(const QString &key, bool *ok = nullptr);
QString tokenStateText(TokenState state);                // translated, for people
