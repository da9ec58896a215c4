#!/usr/bin/env bash
# Runs every benchmark under tests/bench/ and prints one table: figure | baseline | TokenDesk | ratio |
# target | met?. Each TokenDesk figure is measured in the same run as its baseline (the same work done by a
# bare Qt program, or the keychain's and curl's own cost), alternating where both are processes, and
# reported as medians. The benchmarks are built with everything else but never run by the test command.
#
#   scripts/bench.sh [--runs N] [--idle SECONDS]
#
#   --runs N        repetitions per start-up/CLI figure (default 7; the medians are over these)
#   --idle SECONDS  length of the idle CPU measurement (default 60; e.g. 10 for a quick check)
#   --only "N ..."  run only these figures (1-7; 1 and 2 come together), e.g. --only "5 6"; "i" is the
#                   instruction count of start-up under valgrind's callgrind (figure 1's load-independent
#                   cross-check, skipped when valgrind is not installed)
#   BUILD_DIR       build directory (default build/, as scripts/build.sh)
#
# Everything runs inside a private keyring and temporary home (scripts/with-test-keyring.sh), on the
# offscreen platform; the CLI figures need the keyring, the others run without one. Uses hyperfine for the
# CLI figures when installed, otherwise a timing loop of its own.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

runs=7
idle=60
only="1 2 3 4 5 6 7 i"
inside=0
while (($# > 0)); do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --idle) idle="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        --inside-keyring) inside=1; shift ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

if ((inside == 0)); then
    scripts/setup.sh
    scripts/build.sh --target tokendesk-cli tokendesk-demo-providers bench_floor_window bench_window \
        bench_startup bench_countdown bench_models bench_logins bench_logins_floor bench_keychain_floor
    BUILD_DIR="$(cd "${BUILD_DIR:-build}" && pwd)"
    export BUILD_DIR
    exec scripts/with-test-keyring.sh "$repo/scripts/bench.sh" --inside-keyring --runs "$runs" --idle "$idle" --only "$only"
fi

# ---- inside the private keyring -------------------------------------------------------------------
bench="$BUILD_DIR/tests/bench"
cli="$BUILD_DIR/app/cli/tokendesk-cli"
providers="$BUILD_DIR/app/demo/tokendesk-demo-providers"
export QT_QPA_PLATFORM=offscreen
work="$(mktemp -d "${TMPDIR:-/tmp}/tokendesk-bench.XXXXXX")"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
results="$work/results"
: >"$results"

note() { echo "bench: $*" >&2; }
# Appends the RESULT lines of a benchmark's output to the results, prefixed with $2 if given.
collect() { sed -n "s/^RESULT /${2:-}/p" "$1" >>"$results"; }
value() { awk -v k="$1" '$1 == k { print $2; exit }' "$results"; }
# Median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# Median of every value recorded under key $1 (several runs).
median_of() { awk -v k="$1" '$1 == k { print $2 }' "$results" | median; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

want() { [[ " $only " == *" $1 "* ]]; }
load_start="$(load)"
note "load average at start: $load_start ($(nproc) cores)"

if want 1 || want 2; then
    note "1, 2: start-up and peak memory ($runs runs each, floor and TokenDesk alternating)"
    "$bench/bench_startup" --runs "$runs" | tee "$work/startup.out" >&2
    collect "$work/startup.out"
fi
# Instructions of the whole process (exit included) do not depend on the machine's load, so they are the
# figures to compare between versions. The account files are written beforehand, outside the measurement.
if want i && ! command -v valgrind >/dev/null 2>&1; then
    note "1 (instructions): valgrind is not installed (apt-get install valgrind), skipped"
elif want i; then
    note "1 (instructions): the floor and TokenDesk under callgrind, once each"
    "$bench/bench_startup" --write-configs "$work/configs"
    # Prints the millions of instructions a program executes, all threads together.
    instructions() {
        env -u DBUS_SESSION_BUS_ADDRESS XDG_CONFIG_HOME="$work/instr-xdg" \
            valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
            awk '/Collected :/ { printf "%.1f\n", $NF / 1e6 }'
    }
    floor_instr="$(instructions "$bench/bench_floor_window")"
    for n in 0 1000 10000; do
        echo "instr_floor_m_$n $floor_instr" >>"$results"
        echo "instr_tokendesk_m_$n $(instructions "$bench/bench_window" --config "$work/configs/config-$n")" >>"$results"
    done
fi
if want 3; then
    note "3: countdown tick"
    "$bench/bench_countdown" | tee "$work/countdown.out" >&2
    collect "$work/countdown.out"
fi
if want 4; then
    note "4: model work at 10,000 accounts"
    "$bench/bench_models" | tee "$work/models.out" >&2
    collect "$work/models.out"
fi

# The demo providers as their own process, for the logins and the CLI.
"$providers" --access-lifetime 3600 >"$work/port" 2>"$work/providers.err" &
server_pid=$!
for _ in $(seq 100); do
    [[ -s "$work/port" ]] && break
    sleep 0.05
done
port="$(head -n1 "$work/port")"
[[ -n "$port" ]] || { note "tokendesk-demo-providers did not start:"; cat "$work/providers.err" >&2; exit 1; }

want 5 && note "5: 1,000 concurrent logins against tokendesk-demo-providers on port $port (3 runs each, alternating)"
want 5 && for i in 1 2 3; do
    "$bench/bench_logins_floor" --port "$port" >"$work/lf.out"
    collect "$work/lf.out" floor_
    "$bench/bench_logins" --port "$port" >"$work/lt.out" 2>"$work/lt.err"
    collect "$work/lt.out" tokendesk_
    note "  run $i: floor $(awk '$1=="RESULT"&&$2=="login_wall_ms"{print $3}' "$work/lf.out") ms," \
         "TokenDesk $(awk '$1=="RESULT"&&$2=="login_wall_ms"{print $3}' "$work/lt.out") ms"
done

if want 6; then
note "6: CLI inside the private keyring"
base_url="http://127.0.0.1:$port/b2b-api"
printf '%s' demo-b2b-password |
    "$cli" add bench --provider b2b-api --base-url "$base_url" --username demo-b2b >/dev/null 2>&1
"$cli" login bench >/dev/null 2>&1
account_id="$(jq -r '.accounts[] | select(.name == "bench") | .id' "$XDG_CONFIG_HOME/tokendesk/accounts.json")"
# QtKeychain's libsecret items: attribute server = the service, user = the key.
lookup_cmd="secret-tool lookup server TokenDesk user $account_id/access-token"
[[ -n "$($lookup_cmd)" ]] || { note "the access token is not where secret-tool looks for it"; exit 1; }
token_cmd="$cli token bench"
body='{"username":"demo-b2b","password":"demo-b2b-password"}'
store_cmd="curl -sf -H 'Content-Type: application/json' -d '$body' $base_url/auth/login | secret-tool store --label=bench server bench-floor user login"
login_cmd="$cli login bench"
# A login stores two keychain items (the refresh token, then the access token; SECURITY.md), each of which
# gnome-keyring writes and fsyncs its file for; the cross-check baseline stores two items, one after the other.
store2_cmd="answer=\$(curl -sf -H 'Content-Type: application/json' -d '$body' $base_url/auth/login) && printf %s \"\$answer\" | secret-tool store --label=bench server bench-floor user login-refresh && printf %s \"\$answer\" | secret-tool store --label=bench server bench-floor user login-access"

# Median wall times in ms of several shell command lines, measured in one go (back to back, under the same
# load), as result keys:
#   time_set "KEY1 KEY2 …" CMD1 CMD2 …
# hyperfine subtracts the shell's own start-up; the fallback loop does not, for any of them.
time_set() {
    local -a keys cmds
    read -r -a keys <<<"$1"
    shift
    cmds=("$@")
    local n="${#cmds[@]}" i j start end
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --style none --warmup 3 --runs "$cli_runs" --export-json "$work/hf.json" "${cmds[@]}" >/dev/null 2>&1
        for ((j = 0; j < n; j++)); do
            echo "${keys[j]} $(jq ".results[$j].median * 1000" "$work/hf.json")" >>"$results"
        done
    else
        for ((j = 0; j < n; j++)); do bash -c "${cmds[j]}" >/dev/null 2>&1 || true; done # warm-up
        for ((i = 0; i < cli_runs; i++)); do
            for ((j = 0; j < n; j++)); do
                start=$(date +%s%N); bash -c "${cmds[j]}" >/dev/null 2>&1; end=$(date +%s%N)
                echo "${keys[j]} $(((end - start) / 1000))"
            done
        done >"$work/loop"
        for key in "${keys[@]}"; do
            echo "$key $(awk -v k="$key" '$1 == k { print $2 / 1000 }' "$work/loop" | median)" >>"$results"
        done
    fi
}
timer="$(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo "a bash timing loop (hyperfine not installed)")"
cli_runs=$((runs * 3)) # each run is short and the keyring daemon's answer times vary: more runs
note "  timing with $timer, $cli_runs runs each"
# The cross-checks: QtKeychain alone, one job in a bare Qt program, the same way TokenDesk calls it.
kc_read_cmd="$bench/bench_keychain_floor read TokenDesk $account_id/access-token"
$kc_read_cmd || { note "bench_keychain_floor cannot read the access token"; exit 1; }
kc_write_cmd="$bench/bench_keychain_floor write bench-floor qtkeychain-write"
$kc_write_cmd || { note "bench_keychain_floor cannot write to the keychain"; exit 1; }
secret_store_cmd="printf bench-keychain-floor-value | secret-tool store --label=bench server bench-floor user secret-tool-write"
time_set "cli_token_floor_ms cli_token_qtkeychain_ms cli_token_tokendesk_ms" "$lookup_cmd" "$kc_read_cmd" "$token_cmd"
time_set "cli_login_floor_ms cli_login_tokendesk_ms cli_login2_floor_ms" "$store_cmd" "$login_cmd" "$store2_cmd"
time_set "cli_write_floor_ms cli_write_qtkeychain_ms" "$secret_store_cmd" "$kc_write_cmd"
fi
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

if want 7; then
    note "7: idle CPU over $idle s with 10,000 accounts (floor and TokenDesk at the same time)"
    "$bench/bench_floor_window" --idle "$idle" >"$work/idle-floor.out" &
    floor_pid=$!
    "$bench/bench_window" --accounts 10000 --idle "$idle" >"$work/idle-td.out"
    wait "$floor_pid"
    collect "$work/idle-floor.out" idle_floor_
    collect "$work/idle-td.out" idle_tokendesk_
fi
load_end="$(load)"

# ---- the table --------------------------------------------------------------------------------------
# row FIGURE BASELINE TOKENDESK UNIT TARGET_KIND TARGET_VALUE
#   ratio: met if TokenDesk / baseline <= value; plus: met if TokenDesk - baseline <= value;
#   max: met if TokenDesk <= value; none: no target.
row() {
    awk -v f="$1" -v b="$2" -v t="$3" -v u="$4" -v kind="$5" -v lim="$6" 'BEGIN {
        if (b == "" || t == "") { printf "| %s | — | — | — | | not measured |\n", f; exit }
        ratio = (b > 0.05) ? sprintf("%.2f", t / b) : "—"
        if (kind == "plus") { ratio = sprintf("%+.1f %s", t - b, u); target = sprintf("≤ baseline + %s %s", lim, u); met = (t - b <= lim) }
        else if (kind == "ratio") { target = sprintf("≤ %s×", lim); met = (b > 0 && t / b <= lim) }
        else if (kind == "max") { target = sprintf("≤ %s %s", lim, u); met = (t <= lim) }
        else { target = "—"; met = -1 }
        fmt = (b < 10 && t < 10) ? "%.2f %s" : "%.1f %s"
        printf "| %s | " fmt " | " fmt " | %s | %s | %s |\n", f, b, u, t, u, ratio, target, (met < 0 ? "" : (met ? "yes" : "**no**"))
    }'
}

declare -A labels=([0]=0 [1000]=1,000 [10000]=10,000)
# Figure 1's targets by account count: sets kind and lim for row.
startup_target() {
    kind=none; lim=0
    if [[ $1 == 1000 ]]; then kind=ratio; lim=1.3; elif [[ $1 == 10000 ]]; then kind=ratio; lim=2; fi
}
echo
echo "| figure | baseline | TokenDesk | ratio | target | met? |"
echo "|---|---|---|---|---|---|"
for n in 0 1000 10000; do
    startup_target "$n"
    row "1. start-up to first paint, ${labels[$n]} accounts (vs bare QMainWindow + QTableView)" \
        "$(value "startup_floor_ms_$n")" "$(value "startup_tokendesk_ms_$n")" ms "$kind" "$lim"
done
for n in 0 1000 10000; do
    startup_target "$n"
    row "1. (cross-check) CPU time to first paint, ${labels[$n]} accounts" \
        "$(value "startup_cpu_floor_ms_$n")" "$(value "startup_cpu_tokendesk_ms_$n")" ms "$kind" "$lim"
done
if want i && command -v valgrind >/dev/null 2>&1; then
    for n in 0 1000 10000; do
        startup_target "$n"
        row "1. (cross-check) instructions, whole process, ${labels[$n]} accounts (callgrind)" \
            "$(value "instr_floor_m_$n")" "$(value "instr_tokendesk_m_$n")" M "$kind" "$lim"
    done
fi
for n in 0 1000 10000; do
    kind=none; lim=0
    if [[ $n == 10000 ]]; then kind=plus; lim=20; fi
    row "2. peak resident memory, ${labels[$n]} accounts" \
        "$(value "rss_floor_mb_$n")" "$(value "rss_tokendesk_mb_$n")" MB "$kind" "$lim"
done
row "3. countdown tick, 100,000 accounts (baseline: 100 accounts)" \
    "$(value countdown_tick_ms_100)" "$(value countdown_tick_ms_100000)" ms ratio 1.5
for f in load filter sort add remove; do
    row "4. model $f, 10,000 accounts (vs Qt doing the same, see bench_models.cpp)" \
        "$(value "model_${f}_floor_ms")" "$(value "model_${f}_tokendesk_ms")" ms none 0
done
row "5. 1,000 concurrent logins, wall time (vs bare QNetworkAccessManager)" \
    "$(median_of floor_login_wall_ms)" "$(median_of tokendesk_login_wall_ms)" ms ratio 1.5
row "5. longest event-loop stall meanwhile" \
    "$(median_of floor_login_stall_ms)" "$(median_of tokendesk_login_stall_ms)" ms max 50
row "6. tokendesk-cli token, still valid (vs secret-tool lookup)" \
    "$(value cli_token_floor_ms)" "$(value cli_token_tokendesk_ms)" ms ratio 1.5
row "6. tokendesk-cli login (vs curl POST + secret-tool store)" \
    "$(value cli_login_floor_ms)" "$(value cli_login_tokendesk_ms)" ms ratio 1.5
row "6. (cross-check) tokendesk-cli login (vs curl POST + two secret-tool stores, the items login writes)" \
    "$(value cli_login2_floor_ms)" "$(value cli_login_tokendesk_ms)" ms none 0
row "6. (cross-check) one bare QtKeychain read, bench_keychain_floor (vs secret-tool lookup)" \
    "$(value cli_token_floor_ms)" "$(value cli_token_qtkeychain_ms)" ms none 0
row "6. (cross-check) tokendesk-cli token (vs the bare QtKeychain read)" \
    "$(value cli_token_qtkeychain_ms)" "$(value cli_token_tokendesk_ms)" ms none 0
row "6. (cross-check) one bare QtKeychain write, bench_keychain_floor (vs secret-tool store)" \
    "$(value cli_write_floor_ms)" "$(value cli_write_qtkeychain_ms)" ms none 0
row "7. idle CPU over $idle s, 10,000 accounts (% of one core)" \
    "$(value idle_floor_idle_cpu_percent)" "$(value idle_tokendesk_idle_cpu_percent)" % max 1
echo
failed="$(awk '$1 ~ /login_failed$/ && $2 > 0' "$results")"
[[ -z "$failed" ]] || note "some logins failed: $failed"
echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)," \
     "Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), build type" \
     "$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt"), offscreen platform." \
     "Load average (1, 5, 15 min): $load_start at start, $load_end at the end.${timer:+ CLI timed with $timer.}"
