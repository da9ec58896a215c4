#!/usr/bin/env bash
# shellcheck disable=SC2317 # the cleanup functions run from traps
# Runs a command inside a private D-Bus session with a freshly created, unlocked gnome-keyring, in a
# temporary home, so the real keychain path is exercised and the user's own keyring, config and
# accounts are never touched:
#
#   scripts/with-test-keyring.sh COMMAND [ARGS...]
#
# HOME and XDG_{DATA,CONFIG,CACHE}_HOME and XDG_RUNTIME_DIR (0700) point into a new `mktemp -d`
# directory; DISPLAY and WAYLAND_DISPLAY are unset so nothing can prompt. The keyring is verified
# (scripts/check-keyring.sh) before COMMAND runs. Afterwards the daemon is stopped and the directory
# removed. Exits with COMMAND's exit status.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ "${1:-}" != "--inside-session" ]]; then
    (($# > 0)) || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

    tmp="$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-keyring.XXXXXX")"
    cleanup() {
        local pid
        pid="$(cat "$tmp/keyring.pid" 2>/dev/null || true)"
        # Backstop for an interrupted session: stop our daemon (and only ours) if it is still running.
        if [[ -n "$pid" && "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == gnome-keyring-d* ]]; then
            kill "$pid" 2>/dev/null || true
        fi
        rm -rf "$tmp"
    }
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    mkdir -p "$tmp"/{home,data,config,cache,runtime}
    chmod 0700 "$tmp/runtime"
    export HOME="$tmp/home"
    export XDG_DATA_HOME="$tmp/data"
    export XDG_CONFIG_HOME="$tmp/config"
    export XDG_CACHE_HOME="$tmp/cache"
    export XDG_RUNTIME_DIR="$tmp/runtime"
    export TOKENDESK_KEYRING_TMP="$tmp"
    # Nothing may reach the user's session: no display to prompt on, no bus, no running keyring.
    unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_PID \
          GNOME_KEYRING_CONTROL GNOME_KEYRING_PID SSH_AUTH_SOCK

    # Not exec: the EXIT trap must run after the session ends. dbus-run-session exits with the
    # command's status.
    status=0
    dbus-run-session -- "$here/with-test-keyring.sh" --inside-session "$@" </dev/null || status=$?
    exit "$status"
fi

# Inside the private session bus.
shift
tmp="$TOKENDESK_KEYRING_TMP"
unset TOKENDESK_KEYRING_TMP

# The password only protects a throw-away keyring in a directory that is deleted afterwards.
printf '%s' "tokendesk-test-keyring" |
    gnome-keyring-daemon --foreground --unlock --components=secrets >"$tmp/keyring.log" 2>&1 &
daemon=$!
echo "$daemon" >"$tmp/keyring.pid"
stop_daemon() {
    kill "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
}
trap stop_daemon EXIT

# Wait (up to 5 s) until the daemon owns the Secret Service name; asking with NameHasOwner does not
# auto-start a second, locked daemon from the bus's .service files.
for _ in $(seq 100); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
           org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
           grep -q 'boolean true'; then
        break
    fi
    if ! kill -0 "$daemon" 2>/dev/null; then
        break
    fi
    sleep 0.05
done

if ! "$here/check-keyring.sh"; then
    echo "keyring: the private gnome-keyring did not come up usable; its log:" >&2
    sed 's/^/  /' "$tmp/keyring.log" >&2
    exit 1
fi

status=0
"$@" || status=$?
exit "$status"
