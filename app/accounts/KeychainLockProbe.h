#pragma once

#include <QString>

#include <chrono>
#include <functional>

// Asks the Secret Service, without waiting for the answer, whether QtKeychain's item for (service, key)
// exists and is locked. gnome-keyring answers reads from a locked collection with "Entry not found" and
// deletes there with success, which would otherwise read as "no secret stored" / "deleted". Used by
// KeychainSecretStore after such an answer only.
//
// It asks about the item itself (org.freedesktop.Secret.Service.SearchItems with QtKeychain's attributes
// server=<service>, user=<key>, which gnome-keyring answers for locked collections too), never about a
// collection: QtKeychain may be using KWallet while a locked gnome-keyring runs beside it, and a key that
// was never stored is "not found" whatever state the collection is in.
//
// `done(true)` runs on the calling thread's event loop when the Secret Service lists a matching item as
// locked; `done(false)` when it lists none, when the question fails or times out, and at once where there
// is no Secret Service to ask (no session bus, not a freedesktop platform). It never starts a service.
namespace KeychainLockProbe {

void isItemLocked(const QString &service, const QString &key, std::chrono::milliseconds timeout,
                  std::function<void(bool locked)> done);

} // namespace KeychainLockProbe
