#pragma once

#include "ProviderProfile.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// The built-in presets (compiled in under :/providers/) plus the user's own profiles (*.json in a
// directory of the config dir). A broken user profile is skipped and reported; it never stops the app.
class ProviderRegistry
{
public:
    ProviderRegistry();

    // Loads the user's profiles from `directory` (missing directory: none). Returns the number loaded;
    // problems are in errors().
    int loadUserProfiles(const QString &directory);
    // Adds one profile from JSON text (used by the user-profile loader and by tests).
    bool addProfile(const QByteArray &json, const QString &fileName, bool builtIn, QString *error = nullptr);

    const ProviderProfile *find(const QString &id) const;
    QList<const ProviderProfile *> profiles() const; // built-ins first, then by name
    QStringList errors() const { return m_errors; }

    static QString defaultUserDirectory(); // <AppConfigLocation>/providers

private:
    QList<ProviderProfile> m_profiles;
    QHash<QString, qsizetype> m_index;
    QStringList m_errors;
};
