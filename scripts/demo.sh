#!/usr/bin/env bash
# THE demo command: installs what is missing (scripts/setup.sh), builds (scripts/build.sh) and starts
# `tokendesk --demo`, the app on its embedded demo providers with in-memory accounts and secrets (it
# never touches your keyring or your accounts).
#
#   scripts/demo.sh [APP ARGS...]
#
# With a display ($DISPLAY or $WAYLAND_DISPLAY) it just runs the app. Without one it runs the app under
# Xvfb, saves a screenshot of the main window (default screenshots/main-window.png in the repository;
# set SCREENSHOT to change it), prints the PNG's absolute path and exits 0.
# Only the path goes to stdout. BUILD_DIR and BUILD_TYPE as for scripts/build.sh.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

scripts/setup.sh >&2
scripts/build.sh --target tokendesk >&2

app="$(cd "${BUILD_DIR:-build}" && pwd)/ui/tokendesk"

if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    exec "$app" --demo "$@"
fi

shot="${SCREENSHOT:-screenshots/main-window.png}"
mkdir -p "$(dirname "$shot")"
shot="$(cd "$(dirname "$shot")" && pwd)/$(basename "$shot")"
rm -f "$shot"

echo "demo: no display; running under Xvfb and saving a screenshot" >&2
status=0
xvfb-run -a "$app" --demo --screenshot "$shot" "$@" </dev/null >/dev/null || status=$?

if ((status != 0)) || [[ ! -s "$shot" ]]; then
    echo "demo: FAILED: no screenshot was produced at $shot (tokendesk exited with status $status)" >&2
    exit 1
fi
echo "$shot"
