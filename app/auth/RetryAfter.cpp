#include "RetryAfter.h"

#include <QRegularExpression>
#include <QStringList>
#include <QString>
#include <QTimeZone>

namespace RetryAfter {

std::optional<QDateTime> parseHttpDate(const QByteArray &value)
{
    const QString text = QString::fromLatin1(value).simplified();
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    // IMF-fixdate (RFC 9110), plus the obsolete RFC 850 and asctime forms it says to accept. Read field by
    // field straight into UTC: QLocale::toDateTime() goes through local time (an instant in the local DST gap
    // comes back invalid) and reads RFC 850's "yy" as 19yy, whose weekday then does not match.
    // anchoredPattern, not ^…$: PCRE's "$" also matches before a final newline.
    static const QRegularExpression imf(QRegularExpression::anchoredPattern(QStringLiteral(
        R"([A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT)")));
    static const QRegularExpression rfc850(QRegularExpression::anchoredPattern(QStringLiteral(
        R"([A-Z][a-z]{5,8}, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT)")));
    static const QRegularExpression asctime(QRegularExpression::anchoredPattern(QStringLiteral(
        R"([A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}))")));
    static const QStringList months{QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"),
                                    QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"),
                                    QStringLiteral("Jul"), QStringLiteral("Aug"), QStringLiteral("Sep"),
                                    QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")};
    int day = 0, month = 0, year = 0, timeAt = 0;
    QRegularExpressionMatch m;
    if ((m = imf.match(text)).hasMatch()) {
        day = m.captured(1).toInt();
        month = int(months.indexOf(m.captured(2))) + 1;
        year = m.captured(3).toInt();
        timeAt = 4;
    } else if ((m = rfc850.match(text)).hasMatch()) {
        day = m.captured(1).toInt();
        month = int(months.indexOf(m.captured(2))) + 1;
        const int yy = m.captured(3).toInt();
        year = yy < 70 ? 2000 + yy : 1900 + yy;
        timeAt = 4;
    } else if ((m = asctime.match(text)).hasMatch()) {
        month = int(months.indexOf(m.captured(1))) + 1;
        day = m.captured(2).toInt();
        year = m.captured(6).toInt();
        timeAt = 3;
    } else {
        return std::nullopt;
    }
    const QDate date(year, month, day);
    const QTime time(m.captured(timeAt).toInt(), m.captured(timeAt + 1).toInt(), m.captured(timeAt + 2).toInt());
    if (month < 1 || !date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc());
}

std::optional<QDateTime> parse(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool allDigits = true;
    for (char c : trimmed)
        allDigits = allDigits && c >= '0' && c <= '9';
    if (allDigits) {
        // More than 12 digits is far beyond the cap (and could overflow toLongLong).
        const qint64 seconds = trimmed.size() > 12 ? kMaxDelaySeconds : qMin(trimmed.toLongLong(), kMaxDelaySeconds);
        return now.addSecs(seconds);
    }
    const auto date = parseHttpDate(trimmed);
    if (!date)
        return std::nullopt;
    if (*date < now)
        return now;
    return qMin(*date, now.addSecs(kMaxDelaySeconds));
}

Wait read(const QByteArray &value, const QDateTime &now, qint64 fallbackSeconds)
{
    Wait wait;
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        wait.until = now.addSecs(fallbackSeconds);
        return wait;
    }
    const auto until = parse(trimmed, now);
    if (!until) {
        wait.asked = Wait::Asked::Unreadable;
        wait.until = now.addSecs(fallbackSeconds);
        return wait;
    }
    wait.until = *until;
    if (const auto date = parseHttpDate(trimmed)) {
        wait.asked = Wait::Asked::Date;
        wait.askedUntil = *date;
    } else {
        wait.asked = Wait::Asked::Seconds;
        wait.askedSeconds = trimmed.size() > 12 ? kMaxDelaySeconds + 1 : qMin(trimmed.toLongLong(), kMaxDelaySeconds + 1);
    }
    return wait;
}

Wait shifted(Wait wait, qint64 skewMs)
{
    if (wait.until.isValid())
        wait.until = wait.until.addMSecs(-skewMs);
    if (wait.askedUntil.isValid())
        wait.askedUntil = wait.askedUntil.addMSecs(-skewMs);
    return wait;
}

} // namespace RetryAfter
