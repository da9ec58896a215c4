#pragma once

#include "SecretStore.h"

#include <qt6keychain/keychain.h>

#include <chrono>

// Turns QtKeychain's answers into SecretResults a caller can act on. Internal to KeychainSecretStore
// (and its test): it exposes QtKeychain types.
namespace KeychainErrors {

// `backendMessage` is QtKeychain's errorString(); it never contains the secret.
SecretResult fromJobError(QKeychain::Error error, const QString &backendMessage);

// True for the answers that mean "there is no usable keychain right now" rather than a failed call:
// no D-Bus session, no Secret Service, no collection, a locked collection.
bool looksUnavailable(QKeychain::Error error, const QString &backendMessage);

SecretResult timeout(std::chrono::milliseconds after);

// The keychain is locked: Unavailable (the secret could not be read, nothing is known about it), with a
// message that says so and how to unlock it.
SecretResult locked();

} // namespace KeychainErrors
