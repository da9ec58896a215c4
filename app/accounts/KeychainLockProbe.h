#pragma once

#include <chrono>
#include <functional>

// Asks the Secret Service, without waiting for the answer, whether its default collection is locked.
// gnome-keyring answers reads from a locked collection with "Entry not found", which would otherwise
// read as "no secret stored". Used by KeychainSecretStore after a NotFound answer only.
//
// `done(true)` runs on the calling thread's event loop when the collection's `Locked` property is true;
// `done(false)` when it is not, when the question fails or times out, and at once where there is no
// Secret Service to ask (no session bus, not a freedesktop platform).
namespace KeychainLockProbe {

void isDefaultCollectionLocked(std::chrono::milliseconds timeout, std::function<void(bool locked)> done);

} // namespace KeychainLockProbe
