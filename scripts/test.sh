#!/usr/bin/env bash
# THE test command: installs what is missing (scripts/setup.sh), builds (scripts/build.sh), then runs the
# whole suite with ctest inside a private D-Bus session with a fresh, unlocked gnome-keyring in a
# temporary directory (scripts/with-test-keyring.sh), with QT_QPA_PLATFORM=offscreen.
#
#   scripts/test.sh [CTEST ARGS...]      e.g. scripts/test.sh -R SecretStore -V
#
# BUILD_DIR and BUILD_TYPE as for scripts/build.sh. Exits with ctest's exit status. Needs no stdin and
# works from any directory.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

scripts/setup.sh
scripts/build.sh

build_dir="$(cd "${BUILD_DIR:-build}" && pwd)"

export QT_QPA_PLATFORM=offscreen
export TOKENDESK_TEST_KEYRING=1
exec scripts/with-test-keyring.sh ctest --test-dir "$build_dir" --output-on-failure -j2 "$@"
