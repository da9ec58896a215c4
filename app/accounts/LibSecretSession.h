#pragma once

#include <QString>
#include <QtGlobal>

// QtKeychain reaches the Secret Service through libsecret, which opens one session on the daemon the first
// time a process asks and keeps it for the life of the process. When the daemon is restarted (a crash, a
// log-out of another session, `gnome-keyring-daemon --replace`), that session is gone and every later call
// fails with "The session does not exist" until the process ends. KeychainSecretStore then forgets the
// session and runs the call once more.
namespace LibSecretSession {

// Whether a backend's error message says the session libsecret holds is gone.
bool isStale(const QString &backendMessage);

// How many sessions have been forgotten so far; a call notes it when it starts.
quint64 generation();

// Makes libsecret open a new session on its next call (secret_service_disconnect()), unless one was already
// forgotten since `seen` (the generation when the failed call started): several calls that met the same dead
// session then forget it once, and none drops the new session another's retry is using. True if a call
// may run again; false where libsecret is not what QtKeychain uses (not loaded, or not a freedesktop
// system): there is nothing to forget.
bool forget(quint64 seen);

} // namespace LibSecretSession
