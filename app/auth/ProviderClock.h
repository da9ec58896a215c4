#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

struct JwtInfo;

// A provider's clock as its Date header shows it, to read the provider's instants (expiries, a Retry-After
// date) on this computer's clock. A disagreement of up to kMaxTrustedSkewSecs is corrected: clocks drift and
// get set to the wrong time zone. Beyond that the Date header is not believed (a Date of 1970 must not turn
// a one-hour token into one valid until 2083): the access token's expiry is then taken only where a JWT
// vouches for it (accessExpiry(); an opaque token's is unknown, and TokenDesk says so), while the refresh
// token's and the password's expiries are read as sent. Differences of 2 s or less are noise (one-second
// resolution, transit time) and ignored.
class ProviderClock {
public:
    ProviderClock(const QByteArray &dateHeader, const QDateTime &now);

    // Provider minus ours, in ms; 0 when small, absent, unreadable or not believed.
    qint64 skewMs() const { return m_skewMs; }
    bool dateRejected() const { return m_rejected; } // a readable Date header too far from our clock
    QDateTime toLocal(const QDateTime &providerInstant) const { return providerInstant.addMSecs(-m_skewMs); }

    // The access token's expiry on our clock from the answer's own instant (nullopt: none) or else the JWT's
    // exp. Never later than the JWT allows: its exp, and now plus its own lifetime (exp − iat). With a Date
    // header not believed, an instant is used only where a JWT vouches for it: as sent if that is still
    // ahead, else corrected by the Date header when the JWT's lifetime bounds the result. Invalid: unknown
    // (or, with a believed Date, nothing to read); a believed instant may be past, which the caller reports.
    QDateTime accessExpiry(const std::optional<QDateTime> &answered, const JwtInfo &jwt,
                           const QDateTime &now) const;

    static constexpr qint64 kMaxTrustedSkewSecs = 12 * 3600;

private:
    qint64 m_skewMs = 0;
    qint64 m_rejectedSkewMs = 0; // what a Date header not believed claimed
    bool m_rejected = false;
};
