#include "ProviderClock.h"

#include "RetryAfter.h"
#include "providers/Jwt.h"

ProviderClock::ProviderClock(const QByteArray &dateHeader, const QDateTime &now) {
    const auto serverNow = RetryAfter::parseHttpDate(dateHeader);
    if (!serverNow)
        return;
    const qint64 skew = now.msecsTo(*serverNow);
    if (qAbs(skew) > kMaxTrustedSkewSecs * 1000) {
        m_rejected = true;
        m_rejectedSkewMs = skew;
    } else if (qAbs(skew) > 2000) {
        m_skewMs = skew;
    }
}

QDateTime ProviderClock::accessExpiry(const std::optional<QDateTime> &answered, const JwtInfo &jwt,
                                      const QDateTime &now) const {
    const std::optional<QDateTime> exp = jwt.expiresAt();
    const std::optional<QDateTime> stated = answered ? answered : exp;
    if (!stated)
        return {};
    const std::optional<QDateTime> iat = jwt.issuedAt();
    const QDateTime lifetimeEnd = iat && exp && *iat < *exp ? now.addSecs(iat->secsTo(*exp)) : QDateTime();
    const auto read = [&](qint64 skewMs) {
        QDateTime local = stated->addMSecs(-skewMs);
        if (exp)
            local = qMin(local, exp->addMSecs(-skewMs));
        if (lifetimeEnd.isValid())
            local = qMin(local, lifetimeEnd);
        return local;
    };
    if (!m_rejected)
        return read(m_skewMs);
    if (!exp)
        return {}; // nothing vouches for an instant on a clock this far off
    if (const QDateTime asSent = read(0); asSent > now)
        return asSent;
    if (const QDateTime corrected = read(m_rejectedSkewMs); lifetimeEnd.isValid() && corrected > now)
        return corrected;
    return {};
}
