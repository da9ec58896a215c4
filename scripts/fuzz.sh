#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, -fsanitize=fuzzer,address,undefined; the "fuzz" preset in
# CMakePresets.json, build directory build-fuzz/) and runs each for SECONDS (default 60) from its seed
# corpus, tests/fuzz/corpus/<target>/, plus the saved crashers in tests/fuzz/regressions/<target>/.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 300 provider_answer
#
# The seeds are copied into a scratch directory first, so what a run discovers never lands in the
# repository. Prints one line per target and exits 1 if any target found something (a crash, a sanitizer
# report, a leak, a failed FUZZ_CHECK, an input slower than 10 s or a run above 2 GiB): the input is kept
# in build-fuzz/findings/<target>/ with its log. Fix the bug, then copy the input into
# tests/fuzz/regressions/<target>/ so that tst_fuzzregressions replays it in every test run.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

seconds="${1:-60}"
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "usage: $0 [SECONDS] [TARGET...]" >&2; exit 2; }
shift || true

all_targets=(provider_answer timestamp jwt provider_profile account_file retry_after authheader_answer)
targets=("$@")
((${#targets[@]} > 0)) || targets=("${all_targets[@]}")

scripts/setup.sh

build_dir="$repo/build-fuzz"
if [[ ! -f "$build_dir/CMakeCache.txt" || ! -f "$build_dir/build.ninja" ]]; then
    cmake --preset fuzz
fi
# Only the fuzz executables and what they link (tokendesk_core); Ninja re-runs CMake when needed.
cmake --build "$build_dir" --target tokendesk_fuzz_targets

scratch="$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# Qt is not instrumented; its allocations are still checked. A leak fails the run (libFuzzer's
# -detect_leaks=1 is the default); any UBSan report is fatal (-fno-sanitize-recover in the build).
export ASAN_OPTIONS="detect_leaks=1:symbolize=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
if [[ -z "${ASAN_SYMBOLIZER_PATH:-}" && -x /usr/bin/llvm-symbolizer-14 ]]; then
    export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
fi
export QT_QPA_PLATFORM=offscreen

failed=()
printf 'fuzz: %s s per target\n' "$seconds"
for target in "${targets[@]}"; do
    binary="$build_dir/tests/fuzz/fuzz_$target"
    if [[ ! -x "$binary" ]]; then
        echo "fuzz: unknown target '$target' (known: ${all_targets[*]})" >&2
        exit 2
    fi
    corpus="$scratch/$target"
    findings="$build_dir/findings/$target"
    mkdir -p "$corpus" "$findings"
    cp -r "tests/fuzz/corpus/$target/." "$corpus/"
    inputs=("$corpus")
    [[ -d "tests/fuzz/regressions/$target" ]] && inputs+=("tests/fuzz/regressions/$target")
    log="$findings/last-run.log"

    status=0
    "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$findings/" "${inputs[@]}" >"$log" 2>&1 || status=$?

    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
    units="$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
    artifacts="$(find "$findings" -maxdepth 1 -type f -newer "$corpus" ! -name last-run.log | sort)"
    if ((status == 0)) && [[ -z "$artifacts" ]]; then
        printf 'fuzz: %-18s ok        %10s runs, coverage %s, corpus %s\n' "$target" "${runs:-?}" "${cov:-?}" "${units:-?}"
    else
        printf 'fuzz: %-18s FINDING   exit %s after %s runs; input and log in %s\n' \
            "$target" "$status" "${runs:-?}" "$findings" >&2
        grep -E -m 12 'ERROR: |SUMMARY: |runtime error|fuzz check failed|==[0-9]+==.*(leak|timeout|out-of-memory)|Test unit written to' \
            "$log" | sed 's/^/    /' >&2 || true
        failed+=("$target")
    fi
done

if ((${#failed[@]} > 0)); then
    echo "fuzz: findings in: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: all ${#targets[@]} targets ran ${seconds} s without a finding"
