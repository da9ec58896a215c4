#pragma once

#include "Account.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

// The shared-setup file: selected accounts and the user provider profiles they need, without any secret.
//
//   {"format": "tokendesk-export", "version": 1,
//    "accounts": [{"name", "providerId", "baseUrl", "username"?, "allowInsecureHttp"?, "keepSignedIn"?}],
//    "providers": [<provider profile JSON>, ...]}
//
// Only what defines an account travels: never an id (ids name keychain entries on one machine), a token,
// a password, an API key, an expiry or an error. AccountExport writes it, AccountImport reads it.
namespace AccountExchange {

inline QString formatName()
{
    return QStringLiteral("tokendesk-export");
}
constexpr int kVersion = 1;
constexpr qint64 kMaxFileSize = 8 * 1024 * 1024;

// The defining fields of one account, as the file carries them.
struct SharedAccount
{
    QString name;
    QString providerId;
    QUrl baseUrl;
    QString username;
    bool allowInsecureHttp = false;
    bool keepSignedIn = true;
};

SharedAccount fromAccount(const Account &account);
QJsonObject toJson(const SharedAccount &account);
// Copies the shared fields onto `account`, leaving its id and token state alone.
void applyTo(const SharedAccount &shared, Account *account);
// The JSON keys of the fields that differ ("baseUrl", "username", …), in file order.
QStringList differences(const SharedAccount &a, const SharedAccount &b);
// A shared field's value as people read it ("yes"/"no" for the options, the URL, "(none)" when empty).
QString displayValue(const SharedAccount &account, const QString &field);
// A shared field's name as people read it ("Base URL").
QString fieldLabel(const QString &field);

} // namespace AccountExchange
