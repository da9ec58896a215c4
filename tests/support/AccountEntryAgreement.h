#pragma once

// The differential check between the two ways an account entry is read: straight from its bytes
// (readAccountEntry) and the general way (QJsonDocument + accountFromJson), used by tst_accountentryreader
// and the account_file fuzz target. The direct reader may decline anything, but what it accepts the general
// way must accept too, without unknown fields, as the same account.

#include "accounts/Account.h"
#include "accounts/AccountEntryReader.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

namespace AccountEntryAgreement {

inline QString describeTime(const QDateTime &t) {
    return t.isValid() ? QString::number(t.toMSecsSinceEpoch()) + u'/' + QString::number(int(t.timeSpec()))
                       : QStringLiteral("-");
}

// Every field of `a`, as text.
inline QString describe(const Account &a) {
    const TokenMeta &t = a.token;
    QStringList parts{a.id,
                      a.name,
                      a.providerId,
                      a.baseUrl.toString(QUrl::FullyEncoded),
                      a.username,
                      QString::number(a.allowInsecureHttp),
                      QString::number(a.keepSignedIn),
                      QString::number(t.hasAccessToken),
                      QString::number(t.hasRefreshToken),
                      describeTime(t.accessObtainedAt),
                      describeTime(t.accessExpiresAt),
                      describeTime(t.refreshExpiresAt),
                      describeTime(t.passwordExpiresAt),
                      describeTime(t.rateLimitedUntil),
                      QString::fromUtf8(QJsonDocument(t.extras).toJson(QJsonDocument::Compact)),
                      QString::number(int(t.lastState)),
                      QString::number(int(t.lastError.kind)),
                      t.lastError.message,
                      t.lastError.providerMessage,
                      QString::number(t.lastError.httpStatus),
                      describeTime(t.lastError.retryAfter),
                      describeTime(t.lastErrorAt),
                      QString::number(int(t.credentialProblem)),
                      QString::number(t.history.size())};
    for (const HistoryEntry &h : t.history)
        parts << describeTime(h.at) << h.operation << QString::number(int(h.result)) << h.message;
    return parts.join(u'|');
}

// Empty if both ways agree on `text`; otherwise what differs.
inline QString disagreement(QByteArrayView text, bool *directlyRead = nullptr) {
    AccountReadCache directCache;
    const std::optional<Account> direct = readAccountEntry(text, &directCache);
    if (directlyRead)
        *directlyRead = direct.has_value();
    if (!direct)
        return {};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("read directly, but QJsonDocument says: ") + parseError.errorString();
    AccountReadCache cache;
    QString error;
    const std::optional<Account> general = accountFromJson(doc.object(), &error, &cache);
    if (!general)
        return QStringLiteral("read directly, but accountFromJson says: ") + error;
    if (cache.unknownFields)
        return QStringLiteral("read directly, but the entry has unknown fields");
    const QString a = describe(*direct);
    const QString b = describe(*general);
    return a == b ? QString() : QStringLiteral("direct: ") + a + QStringLiteral("\ngeneral: ") + b;
}

} // namespace AccountEntryAgreement
