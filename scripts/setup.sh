#!/usr/bin/env bash
# Installs every Debian package that TokenDesk's build, app and tests need (Debian 12 "bookworm").
#
# Idempotent: one dpkg-query pass; apt-get runs only when something is missing. As root it calls
# apt-get directly, otherwise `sudo -n` (never a password prompt); without either it prints the exact
# command to run and exits 1. It downloads nothing but Debian packages.
#
# Never add dbus-x11: with it, a keychain call made with $DISPLAY set but no session bus autolaunches a
# bus and gnome-keyring opens a password prompt that blocks forever (see ENVIRONMENT.md).
set -euo pipefail

packages=(
    # build
    build-essential cmake ninja-build ccache
    qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
    qt6-svg-dev # Qt6::Svg for the icons; pulls in libqt6svg6 (also the SVG icon engine and image plugins)
    qtkeychain-qt6-dev qt6-httpserver-dev
    qt6-websockets-dev # Qt6HttpServer's CMake package needs it, qt6-httpserver-dev does not depend on it
    # run time
    libsecret-1-0 # QtKeychain loads it at run time without depending on it
    fonts-dejavu-core
    # tests and the headless demo
    xvfb xauth dbus gnome-keyring libsecret-tools imagemagick openssl
    desktop-file-utils # desktop-file-validate, in the install test
    # fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes, and llvm-symbolizer-14
    # (in llvm-14) for readable stack traces. The gcc sanitizer build (build-asan/) needs nothing extra.
    clang-14 libclang-rt-14-dev llvm-14
)

missing=()
# One pass for all packages. Packages dpkg has never heard of print nothing on stdout, so anything not
# reported as "install ok installed" counts as missing.
status="$(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)"
for pkg in "${packages[@]}"; do
    if ! grep -qx "${pkg} install ok installed" <<<"$status"; then
        missing+=("$pkg")
    fi
done

if dpkg-query -W -f='${Status}' dbus-x11 2>/dev/null | grep -q 'ok installed'; then
    echo "setup: warning: dbus-x11 is installed. Keychain calls made with \$DISPLAY set and no session" \
         "bus may then hang on a gnome-keyring prompt; TokenDesk's scripts avoid that, but consider" \
         "'apt-get remove dbus-x11'." >&2
fi

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "setup: missing Debian packages: ${missing[*]}" >&2
install_args=(install -y --no-install-recommends "${missing[@]}")

if ((EUID == 0)); then
    runner=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    runner=(sudo -n)
else
    echo "setup: need root to install them. Run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

"${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${runner[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${install_args[@]}" </dev/null
echo "setup: installed ${missing[*]}" >&2
