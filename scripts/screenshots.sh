#!/usr/bin/env bash
# Saves screenshots of the main window (demo data, one row selected, details visible), the account
# dialog and the auth-header panel into screenshots/ (or $SCREENSHOT_DIR), from the GUI tests' own
# screenshot cases, offscreen. Look at them after changing the UI.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
scripts/setup.sh
scripts/build.sh
build_dir="$(cd "${BUILD_DIR:-build}" && pwd)"
out="${SCREENSHOT_DIR:-$repo/screenshots}"
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen TOKENDESK_SCREENSHOT_DIR="$out"
ctest --test-dir "$build_dir" -L gui --output-on-failure >/dev/null
ls -1 "$out"/*.png
