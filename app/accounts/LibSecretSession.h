#pragma once

#include <QString>

// QtKeychain reaches the Secret Service through libsecret, which opens one session on the daemon the first
// time a process asks and keeps it for the life of the process. When the daemon is restarted (a crash, a
// log-out of another session, `gnome-keyring-daemon --replace`), that session is gone and every later call
// fails with "The session does not exist" until the process ends. KeychainSecretStore then forgets the
// session and runs the call once more.
namespace LibSecretSession {

// Whether a backend's error message says the session libsecret holds is gone.
bool isStale(const QString &backendMessage);

// Makes libsecret open a new session on its next call (secret_service_disconnect()). False where libsecret
// is not what QtKeychain uses (not loaded, or not a freedesktop system): there is nothing to forget.
bool forget();

} // namespace LibSecretSession
