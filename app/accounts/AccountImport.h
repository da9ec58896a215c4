#pragma once

#include "AccountExchange.h"
#include "providers/ProviderProfile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class ProviderRegistry;

// Reads and validates a whole shared-setup file (see AccountExchange.h) before anything is changed.
// Every problem is reported with the place it is at: "accounts[3].baseUrl: not a valid URL".
namespace AccountImport {

struct SharedProfile
{
    ProviderProfile profile;
    QJsonObject json;
};

struct Parsed
{
    QList<AccountExchange::SharedAccount> accounts;
    QList<SharedProfile> providers;
    QStringList errors; // empty: the file is usable
    bool ok() const { return errors.isEmpty(); }
};

constexpr int kMaxErrors = 20; // the rest is summarised as "… and N more problems"
constexpr qsizetype kMaxAccounts = 10000; // per file
constexpr qsizetype kMaxProfiles = 1000;  // per file

// `registry` tells which provider ids exist here; profiles the file brings count as known too.
Parsed parse(const QByteArray &bytes, const ProviderRegistry &registry);
// Reads `path` (at most AccountExchange::kMaxFileSize + 1 bytes, also from a FIFO or a device whose size
// is unknown: a longer one is refused) and parses it.
Parsed readFile(const QString &path, const ProviderRegistry &registry);

} // namespace AccountImport
