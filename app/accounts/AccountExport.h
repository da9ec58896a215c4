#pragma once

#include "Account.h"

#include <QByteArray>
#include <QJsonObject>
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
    // Non-empty: the export is refused (json is empty), for one of two reasons. An account's provider
    // profile is not here (removed, or its file broken): the file could not be imported anywhere, so the
    // error names those accounts and profiles. Or a user profile's login.fields entry whose name looks
    // secret ("password", "client_secret", "api_key", "token", …) holds a literal value instead of a
    // placeholder such as {secret}: the file would carry that secret.
    QString error;
};

// The problem with a profile's JSON for sharing (see Document::error), or an empty string.
QString literalSecretIn(const QJsonObject &profile);

// `accounts` in the given order. Providers: the user (non-built-in) profiles the accounts use; with
// `allUserProfiles` every user profile, used or not (exporting the whole setup).
Document build(const QList<Account> &accounts, const ProviderRegistry &registry, bool allUserProfiles);

// Writes `json` to `path`: a regular file (or a new one) atomically (AtomicFile), an existing FIFO or
// character device (/dev/stdout, /dev/fd/N, a terminal) directly (DirectFile), never replacing it. The file
// holds no secret: ordinary permissions.
bool writeFile(const QString &path, const QByteArray &json, QString *error);

} // namespace AccountExport
