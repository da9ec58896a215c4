#include "ProviderRegistry.h"
#include "PresetTexts.h"

#include "ProfileFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>
#include <optional>

namespace {
constexpr qint64 kMaxProfileSize = 256 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("ProviderRegistry", text);
}

const QString kBuiltInDirectory = QStringLiteral(":/providers/");

// A user profile file's bytes; nothing, with the problem added to `errors`, if it cannot be read or is too large.
std::optional<QByteArray> readProfileFile(const QString &path, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors->append(QCoreApplication::translate("ProviderRegistry", "%1: cannot be read: %2")
                           .arg(file.fileName(), file.errorString()));
        return std::nullopt;
    }
    // At most one byte more than allowed: the size of a FIFO or device is unknown.
    QByteArray bytes = file.read(kMaxProfileSize + 1);
    if (bytes.size() > kMaxProfileSize) {
        errors->append(QCoreApplication::translate("ProviderRegistry", "%1: the file is larger than %2 KiB; skipped")
                           .arg(file.fileName())
                           .arg(kMaxProfileSize / 1024));
        return std::nullopt;
    }
    return bytes;
}
} // namespace

ProviderRegistry::ProviderRegistry()
{
    // No name filter: QDir turns "*.json" into a regular expression and JIT-compiles it, which costs more
    // than listing the few compiled-in files does.
    const QStringList files = QDir(kBuiltInDirectory).entryList(QDir::Files, QDir::Name);
    for (const QString &name : files) {
        if (name.endsWith(QLatin1String(".json")))
            m_unparsedBuiltIns.append(name.chopped(5)); // "<id>.json"
    }
}

void ProviderRegistry::parseBuiltIn(const QString &id) const
{
    m_unparsedBuiltIns.removeOne(id);
    QFile file(kBuiltInDirectory + id + QStringLiteral(".json"));
    QString error;
    std::optional<ProviderProfile> profile;
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray json = file.readAll();
        QJsonObject object;
        profile = ProviderProfile::fromJson(json, file.fileName(), &error, &object);
        if (profile && profile->id != id)
            error = QStringLiteral("its id is not its file name");
        if (profile && error.isEmpty()) {
            profile->builtIn = true;
            PresetTexts::translate(*profile);
            insert(std::move(*profile), object);
            return;
        }
    }
    qFatal("Built-in provider preset %s is broken: %s", qPrintable(file.fileName()), qPrintable(error));
}

void ProviderRegistry::parseBuiltIns() const
{
    while (!m_unparsedBuiltIns.isEmpty()) {
        const QString id = m_unparsedBuiltIns.constFirst(); // a copy: parseBuiltIn() removes it
        parseBuiltIn(id);
    }
}

const ProviderRegistry::Entry *ProviderRegistry::entry(const QString &id) const
{
    auto it = m_index.constFind(id);
    if (it == m_index.constEnd() && m_unparsedBuiltIns.contains(id)) {
        parseBuiltIn(id);
        it = m_index.constFind(id);
    }
    return it == m_index.constEnd() ? nullptr : &m_entries[size_t(*it)];
}

ProviderRegistry::~ProviderRegistry() = default;

int ProviderRegistry::loadUserProfiles(const QString &directory)
{
    if (directory.isEmpty()) // QDir("") is the working directory
        return 0;
    m_userDirectory = directory;
    const QDir dir(directory);
    if (!dir.exists())
        return 0;
    int loaded = 0;
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        const std::optional<QByteArray> bytes = readProfileFile(path, &m_errors);
        if (!bytes)
            continue;
        QString error;
        if (addProfile(*bytes, path, false, &error))
            ++loaded;
        else
            m_errors.append(error);
    }
    return loaded;
}

bool ProviderRegistry::reloadUserProfiles()
{
    if (m_userDirectory.isEmpty())
        return false;
    m_errors.clear();
    struct Fresh
    {
        ProviderProfile profile;
        QJsonObject json;
    };
    QHash<QString, Fresh> fresh;
    const QDir dir(m_userDirectory);
    const QStringList files =
        dir.exists() ? dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name) : QStringList();
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        const std::optional<QByteArray> bytes = readProfileFile(path, &m_errors);
        if (!bytes)
            continue;
        QString error;
        QJsonObject object;
        auto profile = ProviderProfile::fromJson(*bytes, path, &error, &object);
        if (!profile) {
            m_errors.append(error);
            continue;
        }
        const ProviderProfile *here = find(profile->id);
        const auto other = fresh.constFind(profile->id);
        if ((here && here->builtIn) || other != fresh.constEnd()) {
            m_errors.append(tr("%1: field 'id': \"%2\" is already used by %3; skipped")
                                .arg(path, profile->id,
                                     here && here->builtIn ? here->sourceFile : other->profile.sourceFile));
            continue;
        }
        profile->builtIn = false;
        // The key is copied first: the Fresh argument moves the profile (and its id) out before insert() runs.
        const QString id = profile->id;
        fresh.insert(id, {std::move(*profile), object});
    }
    bool changed = false;
    for (qsizetype i = qsizetype(m_entries.size()) - 1; i >= 0; --i) {
        const Entry &e = m_entries[size_t(i)];
        if (e.profile->builtIn)
            continue;
        const auto it = fresh.find(e.profile->id);
        if (it != fresh.end() && it->json == e.json && it->profile.sourceFile == e.profile->sourceFile) {
            fresh.erase(it); // unchanged: keep the very same object
            continue;
        }
        retire(i);
        changed = true;
    }
    for (auto it = fresh.begin(); it != fresh.end(); ++it) {
        insert(std::move(it->profile), it->json);
        changed = true;
    }
    if (changed)
        ++m_revision;
    return changed;
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
    insert(std::move(*profile), QJsonDocument::fromJson(json).object());
    ++m_revision;
    return true;
}

void ProviderRegistry::insert(ProviderProfile profile, const QJsonObject &json) const
{
    const QString id = profile.id;
    m_entries.push_back({std::make_unique<ProviderProfile>(std::move(profile)), json});
    m_index.insert(id, qsizetype(m_entries.size()) - 1);
}

void ProviderRegistry::retire(qsizetype index)
{
    m_retired.push_back(std::move(m_entries[size_t(index)].profile));
    m_entries.erase(m_entries.begin() + index);
    reindex();
}

void ProviderRegistry::reindex()
{
    m_index.clear();
    for (size_t i = 0; i < m_entries.size(); ++i)
        m_index.insert(m_entries[i].profile->id, qsizetype(i));
}

const ProviderProfile *ProviderRegistry::find(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? e->profile.get() : nullptr;
}

QJsonObject ProviderRegistry::json(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? e->json : QJsonObject();
}

QList<const ProviderProfile *> ProviderRegistry::profiles() const
{
    parseBuiltIns();
    QList<const ProviderProfile *> list;
    list.reserve(qsizetype(m_entries.size()));
    for (const Entry &e : m_entries)
        list.append(e.profile.get());
    std::stable_sort(list.begin(), list.end(), [](const ProviderProfile *a, const ProviderProfile *b) {
        if (a->builtIn != b->builtIn)
            return a->builtIn;
        return a->name.localeAwareCompare(b->name) < 0;
    });
    return list;
}

bool ProviderRegistry::saveUserProfile(const QByteArray &json, QString *error, QString *id)
{
    QString problem;
    auto profile = ProviderProfile::fromJson(json, tr("the profile"), &problem);
    if (!profile) {
        if (error)
            *error = problem;
        return false;
    }
    if (id)
        *id = profile->id;
    const ProviderProfile *existing = find(profile->id);
    if (existing && existing->builtIn) {
        if (error)
            *error = tr("field 'id': \"%1\" is a built-in provider; choose another id").arg(profile->id);
        return false;
    }
    QString fileName;
    if (!m_userDirectory.isEmpty()) {
        // A profile loaded from "corp.json" keeps its file; a new one gets "<id>.json".
        fileName = existing && !existing->sourceFile.isEmpty()
                       ? existing->sourceFile
                       : QDir(m_userDirectory).filePath(profile->id + QStringLiteral(".json"));
        // Never overwrite another profile's file: "<id>.json" may be the file a profile with another id
        // was loaded from, or a file that is not this profile's at all (one that failed to load).
        if (!existing || existing->sourceFile.isEmpty()) {
            const QString canonical = QFileInfo(fileName).absoluteFilePath();
            for (const Entry &e : m_entries) {
                if (!e.profile->sourceFile.isEmpty() && e.profile->id != profile->id
                    && QFileInfo(e.profile->sourceFile).absoluteFilePath() == canonical) {
                    if (error)
                        *error = QCoreApplication::translate(
                                     "ProviderRegistry",
                                     "The file %1 holds the provider profile \"%2\"; rename that file or choose "
                                     "another id.")
                                     .arg(QDir::toNativeSeparators(fileName), e.profile->id);
                    return false;
                }
            }
            if (QFileInfo::exists(fileName)) {
                if (error)
                    *error = QCoreApplication::translate(
                                 "ProviderRegistry",
                                 "The file %1 already exists and is not this profile's; move it away or choose "
                                 "another id.")
                                 .arg(QDir::toNativeSeparators(fileName));
                return false;
            }
        }
        if (!ProfileFile::write(fileName, json, error))
            return false;
    }
    profile->sourceFile = fileName;
    profile->builtIn = false;
    if (existing)
        retire(m_index.value(profile->id));
    insert(std::move(*profile), QJsonDocument::fromJson(json).object());
    ++m_revision;
    return true;
}

bool ProviderRegistry::removeUserProfile(const QString &id, QString *error)
{
    const ProviderProfile *existing = find(id);
    if (!existing || existing->builtIn) {
        if (error)
            *error = existing ? tr("\"%1\" is a built-in provider and cannot be removed.").arg(id)
                              : tr("There is no provider \"%1\".").arg(id);
        return false;
    }
    if (!existing->sourceFile.isEmpty() && !ProfileFile::remove(existing->sourceFile, error))
        return false;
    retire(m_index.value(id));
    ++m_revision;
    return true;
}

QString ProviderRegistry::defaultUserDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/providers");
}
