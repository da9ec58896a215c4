#include "LibSecretSession.h"

#include <QLibrary>

namespace LibSecretSession {

bool isStale(const QString &backendMessage) {
    // gnome-keyring's words (org.freedesktop.DBus.Error.UnknownObject on the old session's path).
    return backendMessage.contains(QLatin1String("session does not exist"), Qt::CaseInsensitive);
}

namespace {
quint64 g_generation = 0; // QtKeychain's jobs and their answers run on the main thread only
} // namespace

quint64 generation() {
    return g_generation;
}

bool forget(quint64 seen) {
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    if (seen != g_generation)
        return true; // another call has already forgotten that session
    // The library QtKeychain has loaded (libsecret-1.so.0); resolving does not load a second copy.
    using Disconnect = void (*)();
    const auto disconnect =
        reinterpret_cast<Disconnect>(QLibrary::resolve(QStringLiteral("secret-1"), 0, "secret_service_disconnect"));
    if (!disconnect)
        return false;
    disconnect();
    ++g_generation;
    return true;
#else
    Q_UNUSED(seen)
    return false;
#endif
}

} // namespace LibSecretSession
