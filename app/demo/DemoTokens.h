#pragma once

#include "DemoClock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

// Issues and checks the demo's tokens: HS256 access JWTs and opaque, rotating refresh tokens grouped
// in families (one family per login). Presenting a refresh token twice revokes its whole family.
class DemoTokens {
public:
    explicit DemoTokens(const DemoClock &clock);

    struct Issued {
        QByteArray token;
        QDateTime expiresAt; // whole seconds, equal to the JWT's exp
    };

    struct Verified {
        QString subject;
        QJsonObject claims;
    };

    enum class RefreshOutcome { Rotated, Unknown, Expired, Reused };
    struct Rotation {
        RefreshOutcome outcome = RefreshOutcome::Unknown;
        QString subject;
        QByteArray family;
    };

    void setAccessLifetime(int seconds) { m_accessLifetime = seconds; }
    void setRefreshLifetime(int seconds) { m_refreshLifetime = seconds; }
    int accessLifetime() const { return m_accessLifetime; }
    int refreshLifetime() const { return m_refreshLifetime; }

    QByteArray newFamily() const;
    Issued issueAccess(const QString &presetId, const QString &subject, const QByteArray &family = {});
    // Signature, issuer (the preset), expiry against the demo clock, and a family that is not revoked.
    std::optional<Verified> verifyAccess(const QString &presetId, QByteArrayView token) const;

    Issued issueRefresh(const QString &presetId, const QString &subject, const QByteArray &family);
    // Uses up the refresh token. Rotated: issue the next pair in the same family.
    Rotation consumeRefresh(const QString &presetId, const QByteArray &token);

    int reuseDetections() const { return m_reuseDetections; }
    int refreshCount(const QString &presetId) const { return m_refreshCounts.value(presetId); }

    static QString issuer(const QString &presetId);

private:
    struct RefreshEntry {
        QString presetId;
        QString subject;
        QByteArray family;
        QDateTime expiresAt;
        bool used = false;
    };

    const DemoClock &m_clock;
    QByteArray m_key;
    int m_accessLifetime = 300;
    int m_refreshLifetime = 3600;
    QHash<QByteArray, RefreshEntry> m_refreshTokens;
    QSet<QByteArray> m_revokedFamilies;
    QHash<QString, int> m_refreshCounts;
    int m_reuseDetections = 0;
};
