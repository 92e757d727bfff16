# Shared by the benchmark scripts (bash bench/<name>.sh): logging, stopping the service, cleaning up on any exit,
# free ports and how idle the machine is. Source it after setting BENCH_LABEL (log prefix), WORK (a scratch
# directory to remove), DB (the database to drop unless BENCH_KEEP_DB=1) and PSQL (the psql command as an array).
APP_PID=""

say() { printf '[%s %s] %s\n' "$BENCH_LABEL" "$(date +%H:%M:%S)" "$*" >&2; }

# TERM, then KILL after 15 s.
stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        say "stopping service (pid $APP_PID)"
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 150); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$APP_PID" 2>/dev/null; then
            say "service did not stop within 15 s; killing pid $APP_PID"
            kill -KILL "$APP_PID" 2>/dev/null || true
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_app
    rm -rf "$WORK"
    if [[ "${BENCH_KEEP_DB:-0}" != 1 ]]; then
        "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The first free port from $1, trying 50.
free_port() {
    local p=$1
    for _ in $(seq 1 50); do
        if port_free "$p"; then echo "$p"; return 0; fi
        p=$((p + 1))
    done
    echo "no free port from $1" >&2
    return 1
}
# Percentage of the machine's CPU that was idle over the next $1 seconds.
idle_pct() {
    local a b
    a=$(head -1 /proc/stat); sleep "$1"; b=$(head -1 /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); busy = 0; tot = 0
        for (i = 2; i <= 9; i++) { d = y[i] - x[i]; tot += d; if (i != 5 && i != 6) busy += d }
        printf "%.0f", tot ? 100 * (tot - busy) / tot : 0 }'
}
# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Other work on the machine makes the figures worse: waits at most QUIET_WAIT seconds for it to be >= 80% idle,
# then sets IDLE_BEFORE (idle % over 3 s) and LOADAVG_BEFORE for the summary.
wait_for_quiet() {
    local deadline=$(( $(date +%s) + ${QUIET_WAIT:-60} ))
    IDLE_BEFORE=$(idle_pct 3)
    while (( IDLE_BEFORE < 80 && $(date +%s) < deadline )); do
        say "machine busy (${IDLE_BEFORE}% idle); waiting for it to go quiet"
        sleep 5
        IDLE_BEFORE=$(idle_pct 3)
    done
    LOADAVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
}
