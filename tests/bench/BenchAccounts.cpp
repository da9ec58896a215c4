#include "BenchAccounts.h"

#include "accounts/Account.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

bool writeBenchAccounts(const QString &path, int count) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonArray accounts;
    for (int i = 0; i < count; ++i) {
        Account a;
        a.id = Account::newId();
        a.name = QStringLiteral("account-%1").arg(i, 6, 10, QLatin1Char('0'));
        a.providerId = QStringLiteral("b2b-api");
        a.baseUrl = QUrl(QStringLiteral("https://api%1.example.com").arg(i % 97));
        a.username = QStringLiteral("user%1").arg(i);
        a.token.hasAccessToken = true;
        a.token.hasRefreshToken = true;
        a.token.accessObtainedAt = now;
        a.token.accessExpiresAt = now.addSecs(600 + i % 3000);
        a.token.refreshExpiresAt = now.addDays(7);
        a.token.lastState = TokenState::Valid;
        accounts.append(accountToJson(a));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("accounts"), accounts}})
            .toJson(QJsonDocument::Compact));
    return file.commit();
}
