#pragma once

#include "AuthError.h"
#include "HttpClient.h"
#include "SecretRedactor.h"
#include "TokenSet.h"

#include <QDateTime>

#include <variant>

struct ProviderProfile;

// Turns a provider's HTTP answer into tokens or into an error a person understands, as the provider's
// profile describes. Pure functions: no I/O, time passed in.
namespace ProviderResponse {
enum class Request { Login, Refresh };

std::variant<TokenSet, AuthError> parseTokens(const ProviderProfile &profile, Request request,
                                              const HttpResult &response, const QDateTime &now);
// The provider's own words are kept only after `redactor` removed the secrets the request carried, and any
// token the answer holds at the profile's token pointers.
AuthError classifyError(const ProviderProfile &profile, Request request, const HttpResult &response,
                        const QDateTime &now, const SecretRedactor &redactor = {});
// Server clock minus local clock from a Date header, in ms; 0 when absent, unparsable, within 2 s or more
// than ProviderClock::kMaxTrustedSkewSecs off (not believed).
qint64 clockSkewMs(const QByteArray &dateHeader, const QDateTime &now);
// A token may only hold visible ASCII: anything else (CR/LF above all) could inject headers. Nor may it be
// longer than kMaxTokenBytes.
bool isSafeToken(const QByteArray &token);
enum class TokenProblem { None, Empty, TooLong, BadCharacter };
TokenProblem tokenProblem(const QByteArray &token); // why isSafeToken() says no; a length first
// "is 204800 bytes long, more than the 16384 bytes (16 KiB) TokenDesk accepts" for a message about `what`.
QString tooLongMessage(const QString &what, qsizetype bytes);

constexpr qint64 kDefaultRateLimitSeconds = 30;
constexpr qsizetype kMaxTokenBytes = 16 * 1024;
} // namespace ProviderResponse
