#include "Timestamp.h"

#include <QStringView>
#include <QTimeZone>

#include <cmath>
#include <initializer_list>

namespace {
// Unix seconds of 1970-01-01 and 2200-01-01: anything outside is a bug or an attack, not an expiry.
constexpr double kMinSeconds = 0;
constexpr double kMaxSeconds = 7258118400.0;

// Exactly `count` ASCII digits at `at` as a number, or -1.
int digitsAt(QStringView s, qsizetype at, int count)
{
    if (at < 0 || at + count > s.size())
        return -1;
    int value = 0;
    for (int k = 0; k < count; ++k) {
        const char16_t c = s.at(at + k).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

struct IsoFields
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, msec = 0;
    int offsetSeconds = 0;
    bool badOffset = false; // hours above 18 or minutes above 59
};

// date T time [.fraction] [Z | ±hh:mm | ±hhmm], the whole text:
//   (\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?
// read by hand: a QRegularExpression is JIT-compiled on first use, about 0.5 M instructions in a CLI login.
std::optional<IsoFields> scanIso(QStringView s)
{
    IsoFields f;
    qsizetype i = 0;
    const auto number = [&](int count, int *out) {
        const int value = digitsAt(s, i, count);
        if (value < 0)
            return false;
        *out = value;
        i += count;
        return true;
    };
    const auto next = [&](std::initializer_list<char16_t> allowed) {
        if (i >= s.size())
            return false;
        for (const char16_t c : allowed) {
            if (s.at(i) == c) {
                ++i;
                return true;
            }
        }
        return false;
    };
    if (!number(4, &f.year) || !next({u'-'}) || !number(2, &f.month) || !next({u'-'}) || !number(2, &f.day)
        || !next({u'T', u' '}) || !number(2, &f.hour) || !next({u':'}) || !number(2, &f.minute))
        return std::nullopt;
    if (next({u':'})) {
        if (!number(2, &f.second))
            return std::nullopt;
        if (next({u'.', u','})) {
            const qsizetype start = i;
            while (i < s.size() && i - start < 9 && digitsAt(s, i, 1) >= 0)
                ++i;
            if (i == start)
                return std::nullopt;
            // Milliseconds: the first three digits, padded with zeros ("5" is 500 ms).
            for (qsizetype k = 0; k < 3; ++k)
                f.msec = f.msec * 10 + (start + k < i ? digitsAt(s, start + k, 1) : 0);
        }
    }
    if (next({u'Z', u'z'})) {
        // UTC
    } else if (i < s.size() && (s.at(i) == u'+' || s.at(i) == u'-')) {
        const int sign = s.at(i) == u'-' ? -1 : 1;
        ++i;
        int hours = 0, minutes = 0;
        if (!number(2, &hours))
            return std::nullopt;
        const qsizetype beforeMinutes = i;
        next({u':'});
        if (!number(2, &minutes))
            i = beforeMinutes; // "+05" alone; a lone ":" is left over and fails below
        f.badOffset = hours > 18 || minutes > 59;
        f.offsetSeconds = sign * (hours * 3600 + minutes * 60);
    }
    if (i != s.size())
        return std::nullopt;
    return f;
}
} // namespace

namespace Timestamp {

std::optional<QDateTime> fromUnixSeconds(double seconds)
{
    if (!std::isfinite(seconds) || seconds < kMinSeconds || seconds > kMaxSeconds)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)), QTimeZone::utc());
}

std::optional<QDateTime> parse(const QString &text)
{
    const auto f = scanIso(QStringView(text).trimmed());
    if (!f)
        return std::nullopt;
    const QDate date(f->year, f->month, f->day);
    const QTime time(f->hour, f->minute, f->second, f->msec);
    if (!date.isValid() || !time.isValid() || f->badOffset)
        return std::nullopt;
    const int offsetSeconds = f->offsetSeconds;
    // No zone: the providers' documents mean UTC.
    const QDateTime local(date, time, QTimeZone::utc());
    const QDateTime utc = local.addSecs(-offsetSeconds);
    const double seconds = double(utc.toMSecsSinceEpoch()) / 1000.0;
    if (seconds < kMinSeconds || seconds > kMaxSeconds)
        return std::nullopt;
    return utc;
}

std::optional<QDateTime> parse(const QJsonValue &value)
{
    if (value.isString())
        return parse(value.toString());
    if (value.isDouble())
        return fromUnixSeconds(value.toDouble());
    return std::nullopt;
}

} // namespace Timestamp
