#!/usr/bin/env bash
# Runs the benchmarks under tests/bench/ and prints their figures. They are built with everything else
# (scripts/build.sh) but never run by the test command.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
scripts/setup.sh
scripts/build.sh
build_dir="$(cd "${BUILD_DIR:-build}" && pwd)"
export QT_QPA_PLATFORM=offscreen
"$build_dir/tests/bench/bench_countdown"
