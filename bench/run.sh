#!/usr/bin/env bash
# Hearth benchmark: start-up time, idle memory, bare and durable request rates, accept latency at a
# fixed arrival rate, and inbound-to-acknowledgement-queued latency. Everything runs on 127.0.0.1.
#
#   bash bench/run.sh
#
# Settings (environment, all optional):
#   BENCH_JAVA_OPTS   JVM flags for the service (default: the Docker image's, its ENV JAVA_OPTS line;
#                     BENCH_JAVA_OPTS=" " for the JVM's own defaults)
#   BENCH_PORT        first port to try for the service (default 18080)
#   BENCH_DB          PostgreSQL database, dropped and recreated (default hearth_bench)
#   BENCH_RATE        arrival rate for the open-loop phase, req/s (default 200)
#   BENCH_CONCURRENCY workers for the closed-loop phases (default 16)
#   BENCH_WARMUP      warm-up seconds before each measured phase (default 5)
#   BENCH_BARE_SECONDS / BENCH_MAX_SECONDS / BENCH_RATE_SECONDS  measured seconds (15 / 20 / 30)
#   BENCH_IDLE_SECONDS idle wait before reading RSS (default 10)
#   BENCH_EXTRA_RATES  more open-loop rates to try after the main one, e.g. "50 100" (20 s each)
#   BENCH_QUIET_WAIT  seconds to wait at most for the machine to be >= 80% idle before starting (60)
#   BENCH_KEEP_DB=1   keep the database afterwards for inspection (default: dropped)
#   BENCH_START_ONLY=1 measure start-up and idle RSS only (to compare JVM flags), no load
# Output: a summary block on stdout; the service log and each phase's output under bench/results/<time>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The image's flags, so the figures are the image's: its one `ENV JAVA_OPTS="…"` line.
IMAGE_JAVA_OPTS=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' Dockerfile)
JAVA_OPTS=${BENCH_JAVA_OPTS-$IMAGE_JAVA_OPTS}
DB=${BENCH_DB:-hearth_bench}
RATE=${BENCH_RATE:-200}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
WARMUP=${BENCH_WARMUP:-5}
BARE_SECONDS=${BENCH_BARE_SECONDS:-15}
MAX_SECONDS=${BENCH_MAX_SECONDS:-20}
RATE_SECONDS=${BENCH_RATE_SECONDS:-30}
IDLE_SECONDS=${BENCH_IDLE_SECONDS:-10}
JAR=target/hearth.jar
PSQL=(env PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
EXTRA_RATES=${BENCH_EXTRA_RATES:-}

# Targets
T_P99_MS=50
T_ACK_P99_MS=1000
T_START_S=8
T_RSS_MB=350

STAMP=$(date +%Y%m%dT%H%M%S)
RESULTS="$ROOT/bench/results/$STAMP"
mkdir -p "$RESULTS"
LOG="$RESULTS/app.log"
WORK=$(mktemp -d /tmp/hearth-bench.XXXXXX)
RUN_ID=$(date +%s | tail -c 7)$RANDOM
API_KEY="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
BENCH_LABEL=bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

# --- (a) build the jar if missing -------------------------------------------------------------------
if [[ ! -f "$JAR" ]]; then
    say "building $JAR"
    if ! mvn -q -o package -DskipTests; then
        say "offline build failed; trying with the network"
        mvn -q package -DskipTests
    fi
fi
say "jar: $JAR ($(du -m "$JAR" | cut -f1) MB, built $(date -r "$JAR" '+%Y-%m-%d %H:%M'))"

# Run a private copy, laid out as the Dockerfile lays it out: the jar extracted, and a class-data-sharing
# archive recorded from a start that stops once the context is refreshed (others may rebuild target/
# while the benchmark runs).
say "extracting the jar and recording the class-data-sharing archive (as the Dockerfile does)"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
SPRING_DATASOURCE_URL=jdbc:h2:mem:cds java -XX:ArchiveClassesAtExit="$WORK/hearth.jsa" \
    -Dspring.context.exit=onRefresh -jar "$WORK/app/hearth.jar" >"$RESULTS/cds-training.log" 2>&1

say "compiling the load generator"
javac -d "$WORK" bench/Load.java
LOAD=(java -cp "$WORK" Load)

# Other work on the machine makes every figure worse: wait (a bounded time) for it to go quiet, and say
# in the summary how busy it was.
QUIET_WAIT=${BENCH_QUIET_WAIT:-60}
wait_for_quiet
say "machine before start: ${IDLE_BEFORE}% idle over 3 s, load average $LOADAVG_BEFORE"

# --- (b) fresh database -----------------------------------------------------------------------------
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    say "PostgreSQL is not answering on 127.0.0.1:5432; trying to start it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    for _ in $(seq 1 50); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.2; done
fi
say "recreating database $DB"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
"${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null

# --- (c) start the service and time it ----------------------------------------------------------------
PORT=$(free_port "${BENCH_PORT:-18080}")
SMTP_PORT=$(free_port 2599)   # nothing listens here: acknowledgement sends fail fast and are retried later
BASE="http://127.0.0.1:$PORT"

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
export SPRING_DATASOURCE_USERNAME=postgres
export SPRING_DATASOURCE_PASSWORD=
export HEARTH_API_KEY="$API_KEY"
export HEARTH_API_KEY_NAME=bench
export PORT
export HEARTH_SMTP_HOST=127.0.0.1
export HEARTH_SMTP_PORT="$SMTP_PORT"
export HEARTH_PUBLIC_BASE_URL="$BASE"

say "starting service on port $PORT (JVM flags: ${JAVA_OPTS:-none}); log: $LOG"
START_MS=$(now_ms)
# shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
java $JAVA_OPTS -XX:SharedArchiveFile="$WORK/hearth.jsa" -jar "$WORK/app/hearth.jar" >"$LOG" 2>&1 &
APP_PID=$!

READY_MS=""
while (( $(now_ms) - START_MS < 120000 )); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        say "service exited during start-up; last log lines:"
        tail -n 40 "$LOG" >&2
        APP_PID=""
        exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/actuator/health/readiness" || true)
    if [[ "$code" == 200 ]]; then
        READY_MS=$(now_ms)
        break
    fi
    sleep 0.1
done
if [[ -z "$READY_MS" ]]; then
    say "service not ready after 120 s; last log lines:"
    tail -n 40 "$LOG" >&2
    exit 1
fi
START_WALL=$(awk -v ms=$((READY_MS - START_MS)) 'BEGIN { printf "%.2f", ms / 1000 }')
STARTED_LINE=$(grep -m1 -o 'Started HearthApplication in [0-9.]* seconds[^)]*)\?' "$LOG" || true)
START_SPRING=$(sed -n 's/.*Started HearthApplication in \([0-9.]*\) seconds.*/\1/p' "$LOG" | head -1)
START_SPRING=${START_SPRING:-n/a}
say "ready after $START_WALL s (log: ${STARTED_LINE:-no 'Started HearthApplication' line})"

# --- (d) idle RSS -------------------------------------------------------------------------------------
say "idling $IDLE_SECONDS s before reading RSS"
sleep "$IDLE_SECONDS"
RSS_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status")
RSS_MB=$(awk -v kb="$RSS_KB" 'BEGIN { printf "%.0f", kb / 1024 }')
say "idle RSS: $RSS_MB MB"
if [[ "${BENCH_START_ONLY:-0}" == 1 ]]; then
    printf 'start-only: flags [%s]  start %s s (log: %s s)  idle RSS %s MB  (machine %s%% idle before start)\n' \
        "${JAVA_OPTS:-none}" "$START_WALL" "$START_SPRING" "$RSS_MB" "$IDLE_BEFORE" | tee "$RESULTS/summary.txt"
    exit 0
fi

# --- (e) load -----------------------------------------------------------------------------------------
result() { # file key -> value from the RESULT line
    sed -n 's/^RESULT .*[[:space:]]'"$2"'=\([^[:space:]]*\).*/\1/p' "$1" | tail -1
}
phase() { # name args...
    local name=$1; shift
    say "phase $name"
    "${LOAD[@]}" "$@" --base "$BASE" --key "$API_KEY" --run-id "$RUN_ID" --warmup "$WARMUP" --app-pid "$APP_PID" \
        | tee "$RESULTS/$name.txt" >&2
}

phase bare bare --url "$BASE/actuator/health/liveness" --concurrency "$CONCURRENCY" --duration "$BARE_SECONDS"
phase max max --concurrency "$CONCURRENCY" --duration "$MAX_SECONDS"
# Let the outbox catch up a little so the open-loop phase does not start in the max phase's wake.
sleep 3
RATE_START=$(date -u +%H:%M:%S)
phase rate rate --rate "$RATE" --duration "$RATE_SECONDS"
RATE_END=$(date -u +%H:%M:%S)
for extra in $EXTRA_RATES; do
    "${LOAD[@]}" rate --rate "$extra" --duration 20 --base "$BASE" --key "$API_KEY" --run-id "${RUN_ID}r$extra" \
        --warmup "$WARMUP" --app-pid "$APP_PID" | tee "$RESULTS/rate-$extra.txt" >&2
done

BARE_RPS=$(result "$RESULTS/bare.txt" per_s)
BARE_ERR=$(result "$RESULTS/bare.txt" errors)
MAX_RPS=$(result "$RESULTS/max.txt" per_s)
MAX_ERR=$(result "$RESULTS/max.txt" errors)
MAX_P50=$(result "$RESULTS/max.txt" p50_ms)
MAX_P99=$(result "$RESULTS/max.txt" p99_ms)
R_SCHED=$(result "$RESULTS/rate.txt" scheduled)
R_OK=$(result "$RESULTS/rate.txt" ok)
R_NON=$(result "$RESULTS/rate.txt" non202)
R_P50=$(result "$RESULTS/rate.txt" p50_ms)
R_P90=$(result "$RESULTS/rate.txt" p90_ms)
R_P99=$(result "$RESULTS/rate.txt" p99_ms)
R_MAX=$(result "$RESULTS/rate.txt" max_ms)
cpu_line() { # file -> "service X% (Y ms/request), PostgreSQL Z%, load generator W%, other processes V%"
    local f=$1
    [[ -n "$(result "$f" svc_cpu_pct)" ]] || { echo "n/a"; return; }
    echo "service $(result "$f" svc_cpu_pct)% ($(result "$f" svc_cpu_ms_per_req) ms/req), PostgreSQL $(result "$f" pg_cpu_pct)%, load generator $(result "$f" gen_cpu_pct)%, other processes $(result "$f" other_cpu_pct)%, idle $(result "$f" idle_pct)%"
}

# --- (f) inbound stored -> acknowledgement queued, from the database ------------------------------------
# Give processing that is still retrying no extra time: what is not queued now is reported as missing.
ack_latency() { # external-id prefix -> "stored queued p50 p99 max"
    "${PSQL[@]}" -d "$DB" -A -t -F ' ' <<SQL
with rate_phase as (
    select i.id, i.stored_at, i.status,
           (select min(o.created_at) from outbound_message o
             where o.case_id = i.case_id and o.kind = 'acknowledgement') as queued_at
    from inbound_message i
    where i.channel = 'api' and i.external_id like '$1%'
), lat as (
    select extract(epoch from (queued_at - stored_at)) * 1000 as ms from rate_phase where queued_at is not null
)
select (select count(*) from rate_phase),
       (select count(*) from lat),
       coalesce(round((select percentile_cont(0.5) within group (order by ms) from lat)::numeric, 1)::text, 'n/a'),
       coalesce(round((select percentile_cont(0.99) within group (order by ms) from lat)::numeric, 1)::text, 'n/a'),
       coalesce(round((select max(ms) from lat)::numeric, 1)::text, 'n/a');
SQL
}
ACK=$(ack_latency "bench-rate-$RUN_ID-")
read -r ACK_STORED ACK_QUEUED ACK_P50 ACK_P99 ACK_MAX <<<"$ACK"
DB_TOTALS=$("${PSQL[@]}" -d "$DB" -A -t -F ' ' -c \
    "select (select count(*) from inbound_message), (select count(*) from case_file),
            (select count(*) from outbound_message), (select count(*) from inbound_message where status <> 'PROCESSED')")
read -r DB_INBOUND DB_CASES DB_OUTBOUND DB_UNPROCESSED <<<"$DB_TOTALS"

EXTRA_LINES=""
for extra in $EXTRA_RATES; do
    f="$RESULTS/rate-$extra.txt"
    read -r _ _ e_p50 e_p99 _ <<<"$(ack_latency "bench-rate-${RUN_ID}r$extra-")"
    EXTRA_LINES+=$(printf '\n  at %s req/s (20 s): accept p50 %s / p99 %s / max %s ms, non-202 %s; ack queued p50 %s / p99 %s ms' \
        "$extra" "$(result "$f" p50_ms)" "$(result "$f" p99_ms)" "$(result "$f" max_ms)" "$(result "$f" non202)" "$e_p50" "$e_p99")
done

# --- (g) summary --------------------------------------------------------------------------------------
RSS_AFTER_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
RSS_AFTER_MB=$(awk -v kb="$RSS_AFTER_KB" 'BEGIN { printf "%.0f", kb / 1024 }')
stop_app

RATIO=$(awk -v a="$MAX_RPS" -v b="$BARE_RPS" 'BEGIN { if (b > 0) printf "%.3f (%.1f%%)", a / b, 100 * a / b; else print "n/a" }')
# verdict value op target
verdict() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {
    if (v == "" || v == "n/a") { print "n/a"; exit }
    ok = (op == "<=") ? (v + 0 <= t + 0) : (v + 0 >= t + 0); print ok ? "PASS" : "FAIL" }'; }
V_P99=$(verdict "$R_P99" '<=' "$T_P99_MS")
[[ "$R_NON" != 0 && "$V_P99" == PASS ]] && V_P99="FAIL (non-202 responses)"
V_ACK=$(verdict "$ACK_P99" '<=' "$T_ACK_P99_MS")
[[ "$ACK_QUEUED" != "$ACK_STORED" && "$V_ACK" == PASS ]] && V_ACK="FAIL (not all queued)"
V_START=$(verdict "$START_WALL" '<=' "$T_START_S")
V_RSS=$(verdict "$RSS_MB" '<=' "$T_RSS_MB")

# Log lines proper (not stack-trace lines). Failed SMTP sends are expected: the port is closed on purpose.
# Each shows up twice: Camel's error handler (ERROR, with message history and stack trace) and the
# outbox dispatcher (WARN).
LOGLINE='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z? +(WARN|ERROR) '
EXPECTED='Outbound message [0-9]+ on email failed|Failed delivery for .*MailConnectException'
WARN_LINES=$(grep -cE '^[0-9-]+T[0-9:.]+Z? +WARN ' "$LOG" || true)
ERROR_LINES=$(grep -cE '^[0-9-]+T[0-9:.]+Z? +ERROR ' "$LOG" || true)
SMTP_LINES=$(grep -E "$LOGLINE" "$LOG" | grep -cE "$EXPECTED" || true)
OTHER_WARN_ERR=$(grep -E "$LOGLINE" "$LOG" | grep -vcE "$EXPECTED" || true)

SUMMARY="$RESULTS/summary.txt"
{
cat <<EOF
================================ Hearth benchmark ================================
date            $(date '+%Y-%m-%d %H:%M %Z')   host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2/1048576 }' /proc/meminfo)
java            $(java -version 2>&1 | head -1)
service JVM     flags: ${JAVA_OPTS:-none (JVM defaults)}
postgres        $("${PSQL[@]}" -d postgres -A -t -c 'show server_version' 2>/dev/null || echo '?') on 127.0.0.1:5432, database $DB
load generator  same machine (competes with the service for the $(nproc) cores); warm-up ${WARMUP} s per phase

                                        measured      target       verdict
start-up, launch -> readiness 200       ${START_WALL} s        <= ${T_START_S} s       ${V_START}
  ("Started HearthApplication in")      ${START_SPRING} s
idle RSS after ${IDLE_SECONDS} s                     ${RSS_MB} MB        <= ${T_RSS_MB} MB     ${V_RSS}
accept latency at ${RATE} req/s (${RATE_SECONDS} s)
  p50 / p90                             ${R_P50} / ${R_P90} ms
  p99                                   ${R_P99} ms       <= ${T_P99_MS} ms      ${V_P99}
  max                                   ${R_MAX} ms
  202 / scheduled, non-202              ${R_OK} / ${R_SCHED}, ${R_NON}
stored -> acknowledgement queued (DB)
  p50                                   ${ACK_P50} ms
  p99                                   ${ACK_P99} ms       <= ${T_ACK_P99_MS} ms    ${V_ACK}
  max; queued / stored                  ${ACK_MAX} ms; ${ACK_QUEUED} / ${ACK_STORED}
bare rate, GET liveness (${CONCURRENCY} workers)    ${BARE_RPS} req/s   (errors ${BARE_ERR})
durable accept rate (${CONCURRENCY} workers)       ${MAX_RPS} accepted/s   (errors ${MAX_ERR}; p50 ${MAX_P50} ms, p99 ${MAX_P99} ms)
durable / bare                          ${RATIO}${EXTRA_LINES:+
other arrival rates${EXTRA_LINES}}
RSS after load                          ${RSS_AFTER_MB} MB
database after run                      ${DB_INBOUND} inbound, ${DB_CASES} cases, ${DB_OUTBOUND} outbound, ${DB_UNPROCESSED} inbound not processed
CPU, bare phase                         $(cpu_line "$RESULTS/bare.txt")
CPU, durable phase                      $(cpu_line "$RESULTS/max.txt")
CPU, ${RATE} req/s phase                    $(cpu_line "$RESULTS/rate.txt")
machine before start                    ${IDLE_BEFORE}% idle, load average ${LOADAVG_BEFORE}
service log                             ${WARN_LINES} WARN, ${ERROR_LINES} ERROR lines (${SMTP_LINES} are the expected SMTP send failures; ${OTHER_WARN_ERR} others)
files                                   ${RESULTS#"$ROOT"/}/
==================================================================================
EOF
} | tee "$SUMMARY"
if [[ "$OTHER_WARN_ERR" != 0 ]]; then
    echo "Other WARN/ERROR lines in the service log, by kind (numbers replaced by N):"
    grep -E "$LOGLINE" "$LOG" | grep -vE "$EXPECTED" \
        | sed -E 's/^[0-9T:.Z-]+ +(WARN|ERROR) [0-9]+ --- \[[^]]*\] \[[^]]*\] ([^ ]+) *: (.{0,160}).*/\1 \2: \3/; s/[0-9]+/N/g' \
        | sort | uniq -c | sort -rn | awk 'NR <= 12' | tee -a "$SUMMARY"
fi
