#!/usr/bin/env bash
# THE test command: installs what is missing (scripts/setup.sh), builds (scripts/build.sh), then runs the
# whole suite with ctest inside a private D-Bus session with a fresh, unlocked gnome-keyring in a
# temporary directory (scripts/with-test-keyring.sh), with QT_QPA_PLATFORM=offscreen. Then, in stages:
#
#   1. the suite          build/ (BUILD_DIR), as above
#   2. the suite again    under AddressSanitizer + UndefinedBehaviorSanitizer with leak detection, in
#                         build-asan/ (the "asan" preset of CMakePresets.json, cmake/Sanitizers.cmake), in
#                         its own private keyring. Any ASan/UBSan/LSan report fails the test it happens in.
#   3. the fuzzers        scripts/fuzz.sh 60: every libFuzzer target for 60 s (build-fuzz/).
#
#   scripts/test.sh [CTEST ARGS...]      e.g. scripts/test.sh -R SecretStore -V   (args go to both ctest runs)
#   TOKENDESK_QUICK=1 scripts/test.sh    stage 1 only, for quick local runs
#   TOKENDESK_SANITIZE=0 / TOKENDESK_FUZZ=0   skip stage 2 / stage 3 only
#
# BUILD_DIR and BUILD_TYPE as for scripts/build.sh (stage 1 only). Runs every stage even after one fails,
# prints each stage's result and time, and exits with the first failing stage's status (ctest's for the
# suites). Needs no stdin and works from any directory.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

scripts/setup.sh

export QT_QPA_PLATFORM=offscreen
export TOKENDESK_TEST_KEYRING=1

status=0
summary=()
# run_stage NAME COMMAND...: runs one stage, records its result and time, keeps the first failure.
run_stage() {
    local name="$1" started rc=0
    shift
    started=$SECONDS
    echo "test: === $name ===" >&2
    "$@" || rc=$?
    summary+=("$(printf '%-28s %s, %d s' "$name" "$([[ $rc == 0 ]] && echo ok || echo "FAILED (exit $rc)")" \
                 $((SECONDS - started)))")
    if ((rc != 0 && status == 0)); then
        status=$rc
    fi
    return 0
}

# Stage bodies run in an `||` context, where `set -e` does not apply: every step checks its own status.
suite() {
    scripts/build.sh || return
    local build_dir
    build_dir="$(cd "${BUILD_DIR:-build}" && pwd)" || return
    scripts/with-test-keyring.sh ctest --test-dir "$build_dir" --output-on-failure -j2 "$@"
}

sanitized_suite() {
    if [[ ! -f build-asan/CMakeCache.txt || ! -f build-asan/build.ninja ]]; then
        cmake --preset asan || return
    fi
    cmake --build build-asan || return
    # abort_on_error: a report ends the process with SIGABRT, which no test can mistake for success.
    # detect_leaks: LeakSanitizer runs at every test process's exit (child processes included).
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
        scripts/with-test-keyring.sh ctest --test-dir "$repo/build-asan" --output-on-failure -j2 "$@"
}

run_stage "suite (build/)" suite "$@"
if [[ "${TOKENDESK_QUICK:-0}" != 1 && "${TOKENDESK_SANITIZE:-1}" != 0 ]]; then
    run_stage "ASan+UBSan suite (build-asan/)" sanitized_suite "$@"
else
    echo "test: sanitizer suite skipped (TOKENDESK_QUICK=1 or TOKENDESK_SANITIZE=0)" >&2
fi
if [[ "${TOKENDESK_QUICK:-0}" != 1 && "${TOKENDESK_FUZZ:-1}" != 0 ]]; then
    run_stage "fuzzers, 60 s each" scripts/fuzz.sh 60
else
    echo "test: fuzzers skipped (TOKENDESK_QUICK=1 or TOKENDESK_FUZZ=0)" >&2
fi

echo "test: summary" >&2
printf 'test:   %s\n' "${summary[@]}" >&2
exit "$status"
