#include "Timestamp.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace {
// Unix seconds of 1970-01-01 and 2200-01-01: anything outside is a bug or an attack, not an expiry.
constexpr double kMinSeconds = 0;
constexpr double kMaxSeconds = 7258118400.0;

const QRegularExpression &isoPattern()
{
    // date T time [.fraction] [Z | ±hh:mm | ±hhmm]
    static const QRegularExpression re(QRegularExpression::anchoredPattern(QStringLiteral(
        R"((\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)")));
    return re;
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
    const auto m = isoPattern().match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;

    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    int msec = 0;
    if (const QString fraction = m.captured(7); !fraction.isEmpty())
        msec = QStringView(fraction).left(3).toString().leftJustified(3, u'0').toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;

    int offsetSeconds = 0;
    const QString zone = m.captured(8);
    if (!zone.isEmpty() && zone != u"Z" && zone != u"z") {
        const int sign = zone.startsWith(u'-') ? -1 : 1;
        const QString digits = zone.mid(1).remove(u':');
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        if (hours > 18 || minutes > 59)
            return std::nullopt;
        offsetSeconds = sign * (hours * 3600 + minutes * 60);
    }
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
