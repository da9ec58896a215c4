#pragma once

// The environment for starting a real TokenDesk executable in a test: its own home, config, data and cache
// directories under `dir`, no display (offscreen) and no session bus (nothing reaches the user's keychain).

#include <QDir>
#include <QProcessEnvironment>
#include <QTemporaryDir>

inline QProcessEnvironment isolatedEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"})
        env.remove(QString::fromLatin1(name));
    for (const char *sub : {"home", "config", "data", "cache"})
        QDir(dir.path()).mkpath(QString::fromLatin1(sub));
    env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}
