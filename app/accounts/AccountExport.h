#pragma once

#include "Account.h"

#include <QByteArray>
#include <QList>
#include <QString>

class ProviderRegistry;

// Writes the shared-setup file (see AccountExchange.h): the accounts' defining fields and the user
// provider profiles, never a secret.
namespace AccountExport {

struct Document
{
    QByteArray json;
    int accountCount = 0;
    int providerCount = 0;
};

// `accounts` in the given order. Providers: the user (non-built-in) profiles the accounts use; with
// `allUserProfiles` every user profile, used or not (exporting the whole setup).
Document build(const QList<Account> &accounts, const ProviderRegistry &registry, bool allUserProfiles);

// Writes `json` to `path` atomically (QSaveFile). The file holds no secret: ordinary permissions.
bool writeFile(const QString &path, const QByteArray &json, QString *error);

} // namespace AccountExport
