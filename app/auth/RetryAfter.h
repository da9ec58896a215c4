#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

// Parses an HTTP Retry-After value: delay-seconds ("120") or an HTTP-date
// ("Wed, 21 Oct 2026 07:28:00 GMT"). Returns the absolute instant, capped to one day ahead; nullopt for
// anything else. A date in the past means "now".
namespace RetryAfter {
std::optional<QDateTime> parse(const QByteArray &value, const QDateTime &now);

// What a provider asked for and what TokenDesk makes of it, so a message can tell the two apart.
struct Wait
{
    enum class Asked { Nothing, Unreadable, Seconds, Date };
    Asked asked = Asked::Nothing;
    qint64 askedSeconds = 0; // Seconds: as sent (kMaxDelaySeconds + 1 when longer than that)
    QDateTime askedUntil;    // Date: the instant sent
    QDateTime until;         // when TokenDesk tries again: capped to a day, never before now
};
// `fallbackSeconds` is the wait for a missing or unreadable value.
Wait read(const QByteArray &value, const QDateTime &now, qint64 fallbackSeconds);
// Moves the instants of a Wait read on the provider's clock onto this computer's (skew: theirs minus ours).
Wait shifted(Wait wait, qint64 skewMs);
// "Too many attempts: the provider asked to wait 2 minutes; TokenDesk retries after that."
QString describe(const Wait &wait, const QDateTime &now);
// A wait for people: seconds up to two minutes, then minutes up to two hours, then hours (rounded up).
QString duration(qint64 seconds);
std::optional<QDateTime> parseHttpDate(const QByteArray &value);
constexpr qint64 kMaxDelaySeconds = 24 * 3600;
} // namespace RetryAfter
