#pragma once

#include <QDateTime>
#include <QString>

// The demo server's notion of now: the system clock shifted by an offset, to play a provider whose
// clock is skewed. Every timestamp the server writes (Date header, JWT iat/exp, expiry fields) and
// every expiry check it makes read this clock.
class DemoClock {
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_offsetSeconds); }
    // Whole seconds: JWT NumericDate and the expiry fields must agree to the second.
    QDateTime nowSeconds() const {
        const QDateTime t = now();
        return t.addMSecs(-t.time().msec());
    }
    qint64 offsetSeconds() const { return m_offsetSeconds; }
    void setOffsetSeconds(qint64 seconds) { m_offsetSeconds = seconds; }

private:
    qint64 m_offsetSeconds = 0;
};

// The timestamp shapes the providers' documents use.
namespace DemoTime {
// "2024-01-15T10:30:00Z" (b2b-api)
inline QString utcZ(const QDateTime &t) {
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'");
}
// "2026-06-26T07:56:42.199+00:00" (partner-api, partner key login)
inline QString utcOffsetMillis(const QDateTime &t) {
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'+00:00'");
}
// "2026-06-01T12:00:00", no zone, meaning UTC (partner-api company key, refresh; user-authheader)
inline QString utcNoZone(const QDateTime &t) {
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss");
}
} // namespace DemoTime
