#include "ProviderRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <algorithm>

namespace {
constexpr qint64 kMaxProfileSize = 256 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("ProviderRegistry", text);
}
} // namespace

ProviderRegistry::ProviderRegistry()
{
    const QDir builtIns(QStringLiteral(":/providers"));
    const QStringList files = builtIns.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(builtIns.filePath(name));
        QString error;
        if (!file.open(QIODevice::ReadOnly) || !addProfile(file.readAll(), file.fileName(), true, &error))
            qFatal("Built-in provider preset %s is broken: %s", qPrintable(name), qPrintable(error));
    }
}

int ProviderRegistry::loadUserProfiles(const QString &directory)
{
    if (directory.isEmpty()) // QDir("") is the working directory
        return 0;
    const QDir dir(directory);
    if (!dir.exists())
        return 0;
    int loaded = 0;
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (file.size() > kMaxProfileSize) {
            m_errors.append(tr("%1: the file is larger than %2 KiB; skipped").arg(file.fileName()).arg(kMaxProfileSize / 1024));
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            m_errors.append(tr("%1: cannot be read: %2").arg(file.fileName(), file.errorString()));
            continue;
        }
        QString error;
        if (addProfile(file.readAll(), file.fileName(), false, &error))
            ++loaded;
        else
            m_errors.append(error);
    }
    return loaded;
}

bool ProviderRegistry::addProfile(const QByteArray &json, const QString &fileName, bool builtIn, QString *error)
{
    auto profile = ProviderProfile::fromJson(json, fileName, error);
    if (!profile)
        return false;
    if (const ProviderProfile *existing = find(profile->id)) {
        if (error)
            *error = tr("%1: field 'id': \"%2\" is already used by %3; skipped")
                         .arg(fileName, profile->id, existing->sourceFile);
        return false;
    }
    profile->builtIn = builtIn;
    m_index.insert(profile->id, m_profiles.size());
    m_profiles.append(std::move(*profile));
    return true;
}

const ProviderProfile *ProviderRegistry::find(const QString &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_profiles.at(*it);
}

QList<const ProviderProfile *> ProviderRegistry::profiles() const
{
    QList<const ProviderProfile *> list;
    list.reserve(m_profiles.size());
    for (const ProviderProfile &p : m_profiles)
        list.append(&p);
    std::stable_sort(list.begin(), list.end(), [](const ProviderProfile *a, const ProviderProfile *b) {
        if (a->builtIn != b->builtIn)
            return a->builtIn;
        return a->name.localeAwareCompare(b->name) < 0;
    });
    return list;
}

QString ProviderRegistry::defaultUserDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/providers");
}
