#pragma once

#include <QByteArray>

#include <cstdint>

// Process and memory hardening for the executables that hold secrets (tokendesk, tokendesk-cli).
namespace Hardening {

// What apply() achieved, read back from the kernel.
struct Status {
    bool dumpableOff = false;  // prctl(PR_GET_DUMPABLE) == 0
    bool coreLimitZero = false; // RLIMIT_CORE soft and hard limits are 0
    bool ok() const { return dumpableOff && coreLimitZero; }
};

// Disables core dumps for this process: prctl(PR_SET_DUMPABLE, 0) (no core file, no ptrace attach by
// other processes of the same user, /proc/<pid>/ files owned by root) and RLIMIT_CORE {0, 0}. Call it
// first thing in main(), before any secret is read. With TOKENDESK_PRINT_HARDENING=1 in the environment
// it prints one line, "tokendesk-hardening: dumpable=<0|1> core=<soft>/<hard>", to stderr so tests can
// check the real executables.
Status apply();

// The current state, without changing it.
Status current();

// Zeroes every byte of `bytes`' buffer (up to its capacity) if `bytes` is its only owner, and returns
// true; returns false and leaves the buffer alone if it is shared with another QByteArray (zeroing would
// detach and wipe a fresh copy, or corrupt the other owner's data) or is not owned at all
// (fromRawData). Does not clear `bytes`.
bool zeroIfSoleOwner(QByteArray &bytes);

// Releases a secret: zeroes its buffer when this is the last reference to it, then clears `bytes`.
// Where the secret was copied (implicitly shared), the last owner to call wipe() zeroes it; move secrets
// instead of copying them so that this owner is the last one.
void wipe(QByteArray &bytes);

} // namespace Hardening
