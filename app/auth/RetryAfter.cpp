#include "RetryAfter.h"

#include <QRegularExpression>
#include <QStringList>
#include <QString>
#include <QStringView>
#include <QTimeZone>

namespace {

bool isUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool isLower(QChar c)
{
    return c >= u'a' && c <= u'z';
}

// Exactly `count` ASCII digits at `at` as a number, or -1.
int digitsAt(QStringView s, qsizetype at, int count)
{
    int value = 0;
    for (int k = 0; k < count; ++k) {
        const QChar c = s.at(at + k);
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

// IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT", the whole text:
//   [A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT
// Every current server sends this form (the Date header of each provider answer), so it is read by hand:
// a QRegularExpression is JIT-compiled on first use, about 0.4 M instructions in a CLI login.
bool readImfFixdate(QStringView s, int *day, QStringView *month, int *year, int fields[3])
{
    static constexpr QStringView kShape = u"Aaa, 00 Aaa 0000 00:00:00 GMT";
    if (s.size() != kShape.size())
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar want = kShape.at(i);
        const QChar c = s.at(i);
        const bool ok = want == u'A' ? isUpper(c)
                        : want == u'a' ? isLower(c)
                        : want == u'0' ? (c >= u'0' && c <= u'9')
                                       : c == want;
        if (!ok)
            return false;
    }
    *day = digitsAt(s, 5, 2);
    *month = s.sliced(8, 3);
    *year = digitsAt(s, 12, 4);
    fields[0] = digitsAt(s, 17, 2);
    fields[1] = digitsAt(s, 20, 2);
    fields[2] = digitsAt(s, 23, 2);
    return true;
}

} // namespace

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
    static const QStringList months{QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"),
                                    QStringLiteral("Apr"), QStringLiteral("May"), QStringLiteral("Jun"),
                                    QStringLiteral("Jul"), QStringLiteral("Aug"), QStringLiteral("Sep"),
                                    QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")};
    int day = 0, month = 0, year = 0;
    int hms[3] = {0, 0, 0};
    QStringView monthName;
    if (readImfFixdate(text, &day, &monthName, &year, hms)) {
        month = int(months.indexOf(monthName)) + 1;
    } else {
        static const QRegularExpression rfc850(QRegularExpression::anchoredPattern(QStringLiteral(
            R"([A-Z][a-z]{5,8}, (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT)")));
        static const QRegularExpression asctime(QRegularExpression::anchoredPattern(QStringLiteral(
            R"([A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}))")));
        QRegularExpressionMatch m;
        int timeAt = 0;
        if ((m = rfc850.match(text)).hasMatch()) {
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
        for (int k = 0; k < 3; ++k)
            hms[k] = m.captured(timeAt + k).toInt();
    }
    const QDate date(year, month, day);
    const QTime time(hms[0], hms[1], hms[2]);
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
