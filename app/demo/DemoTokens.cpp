#include "DemoTokens.h"

#include "DemoJwt.h"

#include <QJsonValue>
#include <QRandomGenerator>

namespace {
const QString kFamilyClaim = QStringLiteral("sid");
}

DemoTokens::DemoTokens(const DemoClock &clock)
    : m_clock(clock)
    , m_key(32, Qt::Uninitialized) {
    // A fresh signing key per server: tokens from an earlier run are simply invalid.
    for (char &c : m_key)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
}

QString DemoTokens::issuer(const QString &presetId) {
    return QStringLiteral("tokendesk-demo/") + presetId;
}

QByteArray DemoTokens::newFamily() const {
    return DemoJwt::randomId(12);
}

DemoTokens::Issued DemoTokens::issueAccess(const QString &presetId, const QString &subject,
                                           const QByteArray &family) {
    const QDateTime issuedAt = m_clock.nowSeconds();
    const QDateTime expiresAt = issuedAt.addSecs(m_accessLifetime);
    QJsonObject claims{
        {QStringLiteral("iss"), issuer(presetId)},
        {QStringLiteral("sub"), subject},
        {QStringLiteral("aud"), presetId},
        {QStringLiteral("iat"), issuedAt.toSecsSinceEpoch()},
        {QStringLiteral("exp"), expiresAt.toSecsSinceEpoch()},
        {QStringLiteral("jti"), QString::fromLatin1(DemoJwt::randomId())},
    };
    if (!family.isEmpty())
        claims.insert(kFamilyClaim, QString::fromLatin1(family));
    return {DemoJwt::sign(claims, m_key), expiresAt};
}

std::optional<DemoTokens::Verified> DemoTokens::verifyAccess(const QString &presetId,
                                                             QByteArrayView token) const {
    const auto claims = DemoJwt::verify(token, m_key);
    if (!claims || claims->value(QLatin1String("iss")).toString() != issuer(presetId))
        return std::nullopt;
    const QJsonValue exp = claims->value(QLatin1String("exp"));
    if (!exp.isDouble() || m_clock.now().toSecsSinceEpoch() >= exp.toInteger())
        return std::nullopt;
    const QString family = claims->value(kFamilyClaim).toString();
    if (!family.isEmpty() && m_revokedFamilies.contains(family.toLatin1()))
        return std::nullopt;
    return Verified{claims->value(QLatin1String("sub")).toString(), *claims};
}

DemoTokens::Issued DemoTokens::issueRefresh(const QString &presetId, const QString &subject,
                                            const QByteArray &family) {
    const QDateTime expiresAt = m_clock.nowSeconds().addSecs(m_refreshLifetime);
    const QByteArray token = DemoJwt::randomId(32);
    m_refreshTokens.insert(token, RefreshEntry{presetId, subject, family, expiresAt, false});
    return {token, expiresAt};
}

DemoTokens::Rotation DemoTokens::consumeRefresh(const QString &presetId, const QByteArray &token) {
    const auto it = m_refreshTokens.find(token);
    if (it == m_refreshTokens.end() || it->presetId != presetId)
        return {RefreshOutcome::Unknown, {}, {}};
    if (m_revokedFamilies.contains(it->family))
        return {RefreshOutcome::Unknown, {}, {}};
    if (it->used) {
        // Someone holds an old token: assume theft and end every token of this login.
        ++m_reuseDetections;
        m_revokedFamilies.insert(it->family);
        return {RefreshOutcome::Reused, it->subject, it->family};
    }
    if (m_clock.now() >= it->expiresAt)
        return {RefreshOutcome::Expired, it->subject, it->family};
    it->used = true;
    m_refreshCounts[presetId] += 1;
    return {RefreshOutcome::Rotated, it->subject, it->family};
}
