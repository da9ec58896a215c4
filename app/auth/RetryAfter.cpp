#include "RetryAfter.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>

namespace RetryAfter {

std::optional<QDateTime> parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).simplified();
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    // IMF-fixdate (RFC 9110), plus the obsolete RFC 850 and asctime forms it says to accept.
    static const char *const formats[] = {
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
        "ddd MMM d HH:mm:ss yyyy",
    };
    const QLocale c = QLocale::c();
    for (const char *format : formats) {
        QDateTime t = c.toDateTime(text, QLatin1String(format));
        if (t.isValid()) {
            t.setTimeZone(QTimeZone::utc());
            if (t.date().year() < 100) // two-digit years of RFC 850
                t = t.addYears(t.date().year() < 70 ? 2000 : 1900);
            return t;
        }
    }
    return std::nullopt;
}

std::optional<QDateTime> parse(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool allDigits = trimmed.size() <= 12;
    for (char c : trimmed)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        const qint64 seconds = qMin(trimmed.toLongLong(), kMaxDelaySeconds);
        return now.addSecs(seconds);
    }
    const auto date = parseHttpDate(trimmed);
    if (!date)
        return std::nullopt;
    if (*date < now)
        return now;
    return qMin(*date, now.addSecs(kMaxDelaySeconds));
}

} // namespace RetryAfter
