#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

// Parses an HTTP Retry-After value: delay-seconds ("120") or an HTTP-date
// ("Wed, 21 Oct 2026 07:28:00 GMT"). Returns the absolute instant, capped to one day ahead; nullopt for
// anything else. A date in the past means "now".
namespace RetryAfter {
std::optional<QDateTime> parse(const QByteArray &value, const QDateTime &now);
std::optional<QDateTime> parseHttpDate(const QByteArray &value);
constexpr qint64 kMaxDelaySeconds = 24 * 3600;
} // namespace RetryAfter
