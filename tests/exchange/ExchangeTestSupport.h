#pragma once

// Helpers shared by the import/export tests: a "sixth provider" made from a demo preset's JSON under a
// new id, and file helpers.

#include "providers/ProviderRegistry.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace ExchangeTest {

// The quadrata preset under another id and name: the demo server answers it at the quadrata base URL.
inline QByteArray customProfile(const QString &id = QStringLiteral("acme-keys"),
                                const QString &name = QStringLiteral("Acme Keys"))
{
    QFile preset(QStringLiteral(":/providers/quadrata.json"));
    if (!preset.open(QIODevice::ReadOnly))
        return {};
    QJsonObject o = QJsonDocument::fromJson(preset.readAll()).object();
    o.insert(QLatin1String("id"), id);
    o.insert(QLatin1String("name"), name);
    o.insert(QLatin1String("description"), QStringLiteral("A team's own provider."));
    o.remove(QLatin1String("knownHosts"));
    return QJsonDocument(o).toJson();
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace ExchangeTest
