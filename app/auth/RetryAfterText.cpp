// The sentences for a Retry-After: what the provider asked for, and what TokenDesk does about it.
#include "RetryAfter.h"

#include <QCoreApplication>
#include <QString>

namespace RetryAfter {

QString duration(qint64 seconds)
{
    // The count is worked out first: lupdate loses its way in a template argument list inside translate().
    const qint64 limit = 1000000;
    if (seconds < 120) {
        const int n = int(qBound(qint64(0), seconds, limit));
        return QCoreApplication::translate("RetryAfter", "%n second(s)", nullptr, n);
    }
    if (seconds < 2 * 3600) {
        const int n = int(qMin((seconds + 59) / 60, limit));
        return QCoreApplication::translate("RetryAfter", "%n minute(s)", nullptr, n);
    }
    const int n = int(qMin((seconds + 3599) / 3600, limit));
    return QCoreApplication::translate("RetryAfter", "%n hour(s)", nullptr, n);
}

QString describe(const Wait &wait, const QDateTime &now)
{
    const QString tokenDeskWaits = duration(qMax<qint64>(0, now.secsTo(wait.until)));
    switch (wait.asked) {
    case Wait::Asked::Nothing:
        return QCoreApplication::translate("RetryAfter", "Too many attempts: the provider asked to wait but did not say how long; TokenDesk waits %1.")
            .arg(tokenDeskWaits);
    case Wait::Asked::Unreadable:
        return QCoreApplication::translate("RetryAfter", "Too many attempts: the provider asked to wait (unreadable Retry-After); TokenDesk waits %1.")
            .arg(tokenDeskWaits);
    case Wait::Asked::Seconds:
        if (wait.askedSeconds <= 0)
            return QCoreApplication::translate("RetryAfter", "Too many attempts, but the provider allows trying again right away (Retry-After: 0).");
        if (wait.askedSeconds > kMaxDelaySeconds)
            return QCoreApplication::translate("RetryAfter", "Too many attempts: the provider asked to wait more than a day; TokenDesk waits at most "
                        "%1.")
                .arg(duration(kMaxDelaySeconds));
        return QCoreApplication::translate("RetryAfter", "Too many attempts: the provider asked to wait %1; TokenDesk sends nothing before then.")
            .arg(duration(wait.askedSeconds));
    case Wait::Asked::Date: {
        const QString at = wait.askedUntil.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        if (wait.askedUntil <= now)
            return QCoreApplication::translate("RetryAfter", "Too many attempts: the provider asked to wait until %1, which has passed; TokenDesk may "
                        "try again right away.")
                .arg(at);
        if (now.secsTo(wait.askedUntil) > kMaxDelaySeconds)
            return QCoreApplication::translate("RetryAfter", "Too many attempts: the provider asked to wait until %1; TokenDesk waits at most %2.")
                .arg(at, tokenDeskWaits);
        return QCoreApplication::translate("RetryAfter", "Too many attempts: the provider asked to wait until %1; TokenDesk waits %2.")
            .arg(at, tokenDeskWaits);
    }
    }
    return {};
}

} // namespace RetryAfter
