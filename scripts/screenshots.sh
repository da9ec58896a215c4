#!/usr/bin/env bash
# Saves screenshots of the main window (demo data, one row selected, details visible), the account
# dialog and the auth-header panel into screenshots/ (or $SCREENSHOT_DIR), from the GUI tests' own
# screenshot cases, offscreen. tests/i18n/tst_appearance adds the main window in a light and a dark palette
# (main-window-light.png, main-window-dark.png), the main window, its menus and the dialogs in German
# (main-window-de.png, main-window-de-authheaders.png, menu-de-*.png, account-dialog-de.png,
# settings-dialog-de.png, providers-dialog-de.png, import-dialog-de.png) and the application icon from 16 to
# 256 px (application-icon.png). Look at them after changing the UI or a translation.
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
