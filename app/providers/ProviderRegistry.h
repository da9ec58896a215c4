#pragma once

#include "ProviderProfile.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

// The built-in presets (compiled in under :/providers/) plus the user's own profiles (*.json in a
// directory of the config dir). A broken user profile is skipped and reported; it never stops the app.
//
// User profiles can also be saved, replaced and removed while the app runs (the providers dialog, an
// import). Pointers returned by find() and profiles() stay valid for the registry's lifetime: a replaced
// or removed profile is retired, not freed, so an operation in flight keeps the profile it started with.
//
// A built-in preset is parsed when first asked for (its file is named after its id): `tokendesk-cli token`
// needs one profile, not all of them with their patterns compiled. So even the const functions may parse;
// use a registry from one thread.
class ProviderRegistry
{
public:
    ProviderRegistry();
    ~ProviderRegistry();
    ProviderRegistry(const ProviderRegistry &) = delete;
    ProviderRegistry &operator=(const ProviderRegistry &) = delete;

    // Loads the user's profiles from `directory` (missing directory: none) and remembers it as the place
    // where saveUserProfile() writes. Returns the number loaded; problems are in errors().
    int loadUserProfiles(const QString &directory);
    // Reads the user directory again (another process, such as the CLI, saved or removed a profile):
    // new profiles are added, changed ones replaced, those whose file is gone removed. Replaced and removed
    // profiles are retired, so operations in flight keep theirs. errors() then lists this read's problems.
    // Returns whether any profile changed.
    bool reloadUserProfiles();
    // Adds one profile from JSON text (used by the user-profile loader and by tests).
    bool addProfile(const QByteArray &json, const QString &fileName, bool builtIn, QString *error = nullptr);

    const ProviderProfile *find(const QString &id) const;
    // Changes whenever a profile is added, replaced or removed (not when a built-in is parsed on first
    // use): what was derived from profiles before (a model's search text) is to be derived again.
    quint64 revision() const { return m_revision; }
    QList<const ProviderProfile *> profiles() const; // built-ins first, then by name
    QStringList errors() const { return m_errors; }
    // The JSON object the profile was read from (export, the providers dialog); empty for an unknown id.
    QJsonObject json(const QString &id) const;

    // Where user profiles are saved; empty: they live in memory only (demo mode, tests).
    QString userDirectory() const { return m_userDirectory; }
    void setUserDirectory(const QString &directory) { m_userDirectory = directory; }
    // Validates `json` as a user profile and adds it, or replaces the user profile with the same id. With a
    // user directory the file is written first (QSaveFile, mode 0600; "<dir>/<id>.json", or the file the
    // profile was loaded from): on failure nothing changes. A built-in id is refused. `*id` gets the id.
    bool saveUserProfile(const QByteArray &json, QString *error, QString *id = nullptr);
    // Removes a user profile and its file. Built-ins cannot be removed. Callers check that no account uses it.
    bool removeUserProfile(const QString &id, QString *error);

    static QString defaultUserDirectory(); // <AppConfigLocation>/providers

private:
    struct Entry
    {
        std::unique_ptr<ProviderProfile> profile;
        QJsonObject json;
    };
    const Entry *entry(const QString &id) const; // parses a built-in asked for the first time
    void parseBuiltIn(const QString &id) const;
    void parseBuiltIns() const;
    void insert(ProviderProfile profile, const QJsonObject &json) const;
    void retire(qsizetype index);
    void reindex();

    mutable std::vector<Entry> m_entries;
    std::vector<std::unique_ptr<ProviderProfile>> m_retired; // replaced or removed: kept for pointers in flight
    mutable QHash<QString, qsizetype> m_index;
    mutable QStringList m_unparsedBuiltIns; // ids (file names) of the presets not parsed yet
    QStringList m_errors;
    QString m_userDirectory;
    quint64 m_revision = 0;
};
