#pragma once

#include <QDateTime>
#include <QJsonValue>

#include <optional>

// Parses the timestamps providers send. Accepted: ISO 8601 with `Z`, with an offset and optional
// fractional seconds (`2026-06-26T07:56:42.199+00:00`), or with no zone at all (read as UTC), and JSON
// numbers as Unix seconds. Anything else, or an instant outside 1970..2200, gives nullopt.
namespace Timestamp {
std::optional<QDateTime> parse(const QString &text);
std::optional<QDateTime> parse(const QJsonValue &value);
std::optional<QDateTime> fromUnixSeconds(double seconds);
} // namespace Timestamp
