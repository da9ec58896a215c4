#!/usr/bin/env bash
# Configures (first run only) and builds TokenDesk with Ninja.
#
#   BUILD_DIR   build directory (default: build/ in the repository; relative paths are taken from the
#               repository root)
#   BUILD_TYPE  CMake build type for a new build directory (default: RelWithDebInfo). Set it for an
#               existing build directory to switch that directory's type.
#
# Extra arguments go to `cmake --build` (e.g. a target: scripts/build.sh --target tokendesk).
# Up to date, it is a Ninja no-op.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

build_dir="${BUILD_DIR:-build}"
cache="$build_dir/CMakeCache.txt"

configure_args=()
if [[ ! -f "$cache" || ! -f "$build_dir/build.ninja" ]]; then
    configure_args=(-G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}")
    if command -v ccache >/dev/null 2>&1; then
        configure_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
elif [[ -n "${BUILD_TYPE:-}" ]] &&
     ! grep -qx "CMAKE_BUILD_TYPE:STRING=${BUILD_TYPE}" "$cache"; then
    configure_args=(-DCMAKE_BUILD_TYPE="$BUILD_TYPE")
fi

if [[ -f "$cache" ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$cache"; then
    echo "build: $build_dir was configured with another generator than Ninja;" \
         "remove it or set BUILD_DIR to another directory." >&2
    exit 1
fi

if ((${#configure_args[@]} > 0)); then
    cmake -S . -B "$build_dir" "${configure_args[@]}"
fi

# Ninja re-runs CMake by itself when a CMakeLists.txt changed.
cmake --build "$build_dir" "$@"
