#!/usr/bin/env bash
# Proves that the Secret Service on the current D-Bus session bus really works: the `login` collection
# exists, is the default and is unlocked, and a throw-away item can be stored, read back and removed.
# (gnome-keyring-daemon --unlock exits 0 even with a wrong password, so its exit code proves nothing.)
# Prints "keyring: unlocked, Secret Service OK" or a reason on stderr and exits 1.
set -euo pipefail

fail() {
    echo "keyring: FAILED: $*" >&2
    exit 1
}

[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || fail "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is empty)"

bus_call() {
    timeout 10 dbus-send --session --print-reply "$@" 2>&1
}

# NameHasOwner does not auto-start a daemon, unlike calling the Secret Service directly would.
owner="$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets)" ||
    fail "cannot ask the session bus for org.freedesktop.secrets: $owner"
grep -q 'boolean true' <<<"$owner" || fail "no Secret Service (org.freedesktop.secrets) on the session bus"

alias_path="$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.ReadAlias string:default)" ||
    fail "cannot read the default collection alias: $alias_path"
grep -q 'object path "/org/freedesktop/secrets/collection/login"' <<<"$alias_path" ||
    fail "the default collection is not 'login': $alias_path"

locked="$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
    org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked)" ||
    fail "cannot read the 'login' collection's Locked property: $locked"
grep -q 'boolean false' <<<"$locked" || fail "the 'login' collection is locked (wrong unlock password?)"

probe="tokendesk-keyring-check-$$-$RANDOM"
attrs=(tokendesk-check "$probe")
printf '%s' "$probe" | timeout 10 secret-tool store --label="TokenDesk keyring check" "${attrs[@]}" ||
    fail "secret-tool could not store an item"
read_back="$(timeout 10 secret-tool lookup "${attrs[@]}")" || fail "secret-tool could not read the item back"
timeout 10 secret-tool clear "${attrs[@]}" || fail "secret-tool could not remove the item"
[[ "$read_back" == "$probe" ]] || fail "the item read back differs from the one stored"
if timeout 10 secret-tool lookup "${attrs[@]}" >/dev/null 2>&1; then
    fail "the item is still there after removing it"
fi

echo "keyring: unlocked, Secret Service OK"
