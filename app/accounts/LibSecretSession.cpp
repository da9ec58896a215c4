#include "LibSecretSession.h"

#include <QLibrary>

namespace LibSecretSession {

bool isStale(const QString &backendMessage) {
    // gnome-keyring's words (org.freedesktop.DBus.Error.UnknownObject on the old session's path).
    return backendMessage.contains(QLatin1String("session does not exist"), Qt::CaseInsensitive);
}

bool forget() {
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    // The library QtKeychain has loaded (libsecret-1.so.0); resolving does not load a second copy.
    using Disconnect = void (*)();
    const auto disconnect =
        reinterpret_cast<Disconnect>(QLibrary::resolve(QStringLiteral("secret-1"), 0, "secret_service_disconnect"));
    if (!disconnect)
        return false;
    disconnect();
    return true;
#else
    return false;
#endif
}

} // namespace LibSecretSession
