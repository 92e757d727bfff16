#!/usr/bin/env bash
# Twilio webhook benchmark: how close the signed, durable webhook (POST /webhooks/twilio: signature check, one
# committed insert, 200 with empty TwiML) comes to an in-memory Camel platform-http route on the same server in the
# same run, and its latency at a steady 200 posts a second. Everything runs on 127.0.0.1. See docs/twilio.md, "Benchmark".
#
#   bash bench/twilio-run.sh
#
# Settings (environment, all optional):
#   BENCH_JAVA_OPTS      JVM flags for the service (default: let Java thread priorities reach Linux, so the
#                        processing that follows each answer yields the CPU to answering; set it to "" to compare)
#   BENCH_PORT           first port to try for the service (default 18180)
#   BENCH_DB             PostgreSQL database, dropped and recreated (default hearth_bench_twilio)
#   BENCH_THREADS        wrk threads (default 2) and BENCH_CONNECTIONS wrk connections (default 16)
#   BENCH_SECONDS        seconds per measured wrk phase (default 15); each side is measured twice, alternating
#   BENCH_WARMUP         warm-up seconds per endpoint before measuring (default 20: with 5 the first in-memory
#                        phase was still being compiled and measured a third of the second)
#   BENCH_RATE           posts per second for the latency phase (default 200), BENCH_RATE_SECONDS (default 30)
#   BENCH_RATE_WARMUP    seconds the latency client sends at that rate before measuring (default 3: it is a fresh
#                        JVM opening new connections, and its own start is not the service's latency)
#   BENCH_POSTS          signed posts generated per webhook phase (default 120000; never replayed)
#   BENCH_QUIET_WAIT     seconds to wait at most for the machine to be >= 80% idle (default 120)
#   BENCH_CHECKPOINT     1: ask PostgreSQL for a checkpoint before the latency phase, so the pages the closed-loop
#                        phases dirtied are not written out during it; 0 (default): leave it to PostgreSQL (one run
#                        each way on 2026-11-30 measured the same, p99 31.8 and 33.6 ms)
#   BENCH_KEEP_DB=1      keep the database afterwards
# Output: a summary on stdout; the service log and each phase's output under bench/results/twilio-<time>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

JAVA_OPTS=${BENCH_JAVA_OPTS-"-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19"}
DB=${BENCH_DB:-hearth_bench_twilio}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
SECONDS_PER_PHASE=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP:-20}
RATE=${BENCH_RATE:-200}
RATE_SECONDS=${BENCH_RATE_SECONDS:-30}
RATE_WARMUP=${BENCH_RATE_WARMUP:-3}
POSTS=${BENCH_POSTS:-120000}
QUIET_WAIT=${BENCH_QUIET_WAIT:-120}
CHECKPOINT=${BENCH_CHECKPOINT:-0}
JAR=target/hearth.jar
PSQL=(env PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
T_RATIO=0.70
T_P99_MS=50

STAMP=$(date +%Y%m%dT%H%M%S)
RESULTS="$ROOT/bench/results/twilio-$STAMP"
mkdir -p "$RESULTS"
LOG="$RESULTS/app.log"
WORK=$(mktemp -d /tmp/hearth-twilio-bench.XXXXXX)
RUN_ID=$(date +%s | tail -c 6)
TOKEN="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
PUBLIC_URL="https://hearth.bench.example"
BENCH_LABEL=twilio-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; } # the service's user + system clock ticks
# PostgreSQL's: every server process's user + system ticks (the connection pool keeps its backends alive). A process
# that exits between pgrep and the read is skipped: under pipefail its failed read ended a run on 2026-12-01.
db_ticks() { for p in $(pgrep -x postgres); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || true; done \
                 | awk '{ s += $1 } END { print s + 0 }'; }

command -v wrk >/dev/null || { say "wrk is not installed: apt-get install -y wrk"; exit 1; }
if [[ ! -f "$JAR" ]]; then
    say "building $JAR"
    mvn -q -o package -DskipTests || mvn -q package -DskipTests
fi

say "generating signed posts (${POSTS} per webhook phase)"
javac -d "$WORK" bench/TwilioBench.java
GEN=(java -cp "$WORK" TwilioBench gen --token "$TOKEN" --url "$PUBLIC_URL/webhooks/twilio")
"${GEN[@]}" --count 50000 --run-id "${RUN_ID}m" --out "$WORK/memory.txt" >/dev/null
"${GEN[@]}" --count 60000 --run-id "${RUN_ID}w" --out "$WORK/warm.txt" >/dev/null
"${GEN[@]}" --count "$POSTS" --run-id "${RUN_ID}a" --out "$WORK/webhook-1.txt" >/dev/null
"${GEN[@]}" --count "$POSTS" --run-id "${RUN_ID}b" --out "$WORK/webhook-2.txt" >/dev/null
"${GEN[@]}" --count $((RATE * (RATE_SECONDS + RATE_WARMUP))) --run-id "${RUN_ID}r" --out "$WORK/rate.txt" >/dev/null

wait_for_quiet

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    for _ in $(seq 1 50); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.2; done
fi
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
"${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null

PORT=$(free_port "${BENCH_PORT:-18180}")
CLOSED_PORT=$(free_port 18290) # Twilio's API: nothing listens, so no acknowledgement leaves the machine
BASE="http://127.0.0.1:$PORT"
say "starting the service on port $PORT (JVM flags: ${JAVA_OPTS:-none}); log: $LOG"
# shellcheck disable=SC2086
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD= PORT=$PORT HEARTH_PUBLIC_BASE_URL="$PUBLIC_URL" \
TWILIO_ACCOUNT_SID=ACbench0000000000000000000000000000 TWILIO_AUTH_TOKEN="$TOKEN" \
HEARTH_TWILIO_SMS_FROM=+441619999000 HEARTH_TWILIO_API_BASE_URL="http://127.0.0.1:$CLOSED_PORT" \
    java $JAVA_OPTS -jar "$JAR" \
    "--camel.main.routes-include-pattern=file:$ROOT/routes/*.camel.yaml,file:$ROOT/bench/twilio-routes/*.camel.yaml" \
    --hearth.outbox.poll-interval=3600000 >"$LOG" 2>&1 &
APP_PID=$!
START_MS=$(now_ms)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/actuator/health/readiness" || true)" == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { say "the service stopped during start-up:"; tail -n 30 "$LOG" >&2; exit 1; }
    (( $(now_ms) - START_MS < 180000 )) || { say "not ready after 180 s"; exit 1; }
    sleep 0.2
done
say "ready after $(( ($(now_ms) - START_MS) / 1000 )) s"

unprocessed() { "${PSQL[@]}" -d "$DB" -A -t -c "select count(*) from inbound_message where status <> 'PROCESSED'"; }
stored() { "${PSQL[@]}" -d "$DB" -A -t -c "select count(*) from inbound_message"; }
# Background processing from a webhook phase must not spill into the next phase: wait for it, and time it.
drain() {
    local start left
    start=$(now_ms)
    left=$(unprocessed)
    while (( left > 0 )) && (( $(now_ms) - start < 600000 )); do sleep 1; left=$(unprocessed); done
    echo $(( $(now_ms) - start ))
}
# clock ticks (10 ms each) over a phase -> milliseconds of CPU per request
ms_per_request() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.2f", n ? t * 10 / n : 0 }'; }
# wrk phase: name url posts-file seconds -> RESULT line in $RESULTS/name.txt
phase() {
    local name=$1 url=$2 file=$3 seconds=$4 before after
    local db_before db_after
    before=$(cpu_ticks)
    db_before=$(db_ticks)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s bench/twilio-replay.lua "$url" -- "$file" "$THREADS" \
        >"$RESULTS/$name.txt" 2>&1
    after=$(cpu_ticks)
    db_after=$(db_ticks)
    local rps non2xx requests p99
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$RESULTS/$name.txt")
    non2xx=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$RESULTS/$name.txt")
    requests=$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$RESULTS/$name.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$RESULTS/$name.txt")
    local cpu_ms db_ms
    cpu_ms=$(ms_per_request $((after - before)) "${requests:-0}")
    db_ms=$(ms_per_request $((db_after - db_before)) "${requests:-0}")
    echo "RESULT name=$name rps=${rps:-0} requests=${requests:-0} non2xx=${non2xx:-0} p99=${p99:-n/a} cpu_ms=$cpu_ms db_ms=$db_ms" \
        | tee -a "$RESULTS/$name.txt" >&2
}
result() { sed -n 's/^RESULT .*[[:space:]]'"$2"'=\([^[:space:]]*\).*/\1/p' "$RESULTS/$1.txt" | tail -1; }

MEMORY_URL="$BASE/webhooks/twilio/bench-memory"
WEBHOOK_URL="$BASE/webhooks/twilio"
say "warm-up: ${WARMUP} s on each endpoint"
phase warm-memory "$MEMORY_URL" "$WORK/memory.txt" "$WARMUP"
phase warm-webhook "$WEBHOOK_URL" "$WORK/warm.txt" "$WARMUP"
drain >/dev/null

say "measuring: in-memory and webhook, alternating, ${SECONDS_PER_PHASE} s each"
phase memory-1 "$MEMORY_URL" "$WORK/memory.txt" "$SECONDS_PER_PHASE"
STORED_0=$(stored)
phase webhook-1 "$WEBHOOK_URL" "$WORK/webhook-1.txt" "$SECONDS_PER_PHASE"
STORED_1=$(stored)
DRAIN_1=$(drain)
phase memory-2 "$MEMORY_URL" "$WORK/memory.txt" "$SECONDS_PER_PHASE"
STORED_1B=$(stored)
phase webhook-2 "$WEBHOOK_URL" "$WORK/webhook-2.txt" "$SECONDS_PER_PHASE"
STORED_2=$(stored)
DRAIN_2=$(drain)

# The closed-loop phases leave PostgreSQL with a hundred thousand rows' worth of dirty pages, and its next timed
# checkpoint may write them out during the latency phase; BENCH_CHECKPOINT=1 flushes them first.
if [[ "$CHECKPOINT" == 1 ]]; then
    say "checkpoint before the latency phase"
    "${PSQL[@]}" -d "$DB" -c "checkpoint" >/dev/null
fi
# Processing that waited for a burst of posts (IntakeFirst): a trickle of 200 a second should never wait.
waited_for_intake() {
    curl -s --max-time 5 "$BASE/actuator/prometheus" \
        | awk '/^hearth_messages_waited_for_intake_total/ { s += $2 } END { printf "%d", s }'
}
WAITED_BEFORE_RATE=$(waited_for_intake)
say "latency at $RATE posts a second for $RATE_SECONDS s (open loop)"
java -cp "$WORK" TwilioBench rate --file "$WORK/rate.txt" --target "$WEBHOOK_URL" --rate "$RATE" \
    --duration "$RATE_SECONDS" --warmup "$RATE_WARMUP" | tee "$RESULTS/rate.txt" >&2
DRAIN_RATE=$(drain)
WAITED_IN_RATE=$(( $(waited_for_intake) - WAITED_BEFORE_RATE ))
rate_result() { sed -n 's/^RESULT .*[[:space:]]'"$1"'=\([^[:space:]]*\).*/\1/p' "$RESULTS/rate.txt" | tail -1; }

# Stored -> acknowledgement queued, for the steady-rate posts: the processing that follows the answer.
read -r ACK_STORED ACK_QUEUED ACK_P50 ACK_P99 <<<"$("${PSQL[@]}" -d "$DB" -A -t -F ' ' <<SQL
with posts as (
    select i.stored_at, (select min(o.created_at) from outbound_message o
                          where o.case_id = i.case_id and o.kind = 'acknowledgement') as queued_at
    from inbound_message i where i.channel = 'sms' and i.external_id like 'SM${RUN_ID}r%'
), lat as (select extract(epoch from (queued_at - stored_at)) * 1000 as ms from posts where queued_at is not null)
select (select count(*) from posts), (select count(*) from lat),
       coalesce(round((select percentile_cont(0.5) within group (order by ms) from lat)::numeric, 1)::text, 'n/a'),
       coalesce(round((select percentile_cont(0.99) within group (order by ms) from lat)::numeric, 1)::text, 'n/a');
SQL
)"
read -r DB_INBOUND DB_CASES DB_OUTBOUND <<<"$("${PSQL[@]}" -d "$DB" -A -t -F ' ' -c \
    "select (select count(*) from inbound_message), (select count(*) from case_file),
            (select count(*) from outbound_message)")"
stop_app

M1=$(result memory-1 rps); M2=$(result memory-2 rps); W1=$(result webhook-1 rps); W2=$(result webhook-2 rps)
MEMORY=$(awk -v a="$M1" -v b="$M2" 'BEGIN { printf "%.0f", (a + b) / 2 }')
WEBHOOK=$(awk -v a="$W1" -v b="$W2" 'BEGIN { printf "%.0f", (a + b) / 2 }')
RATIO=$(awk -v w="$WEBHOOK" -v m="$MEMORY" 'BEGIN { printf "%.2f", (m > 0 ? w / m : 0) }')
V_RATIO=$(awk -v r="$RATIO" -v t="$T_RATIO" 'BEGIN { print (r >= t) ? "PASS" : "FAIL" }')
R_P99=$(rate_result p99_ms); R_NON=$(rate_result non200)
V_P99=$(awk -v p="$R_P99" -v t="$T_P99_MS" -v n="$R_NON" 'BEGIN { print (p != "n/a" && p <= t && n == 0) ? "PASS" : "FAIL" }')
PROCESSED_RATE=$(awk -v n=$((STORED_1 - STORED_0)) -v ms="$DRAIN_1" -v s="$SECONDS_PER_PHASE" \
    'BEGIN { printf "%.0f", n / (s + ms / 1000) }')
W_NON=$(( $(result webhook-1 non2xx) + $(result webhook-2 non2xx) ))
# Every 200 from a webhook phase must be a newly stored message (a replayed post would be a duplicate).
W_ANSWERED=$(( $(result webhook-1 requests) + $(result webhook-2 requests) - W_NON ))
W_STORED=$(( STORED_1 - STORED_0 + STORED_2 - STORED_1B ))

{
cat <<EOF2
=========================== Hearth Twilio webhook benchmark ===========================
date            $(date '+%Y-%m-%d %H:%M %Z')   host: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2/1048576 }' /proc/meminfo)
java            $(java -version 2>&1 | head -1); service JVM flags: ${JAVA_OPTS:-none}
postgres        $("${PSQL[@]}" -d postgres -A -t -c 'show server_version' 2>/dev/null || echo '?') on 127.0.0.1:5432 (synchronous_commit $("${PSQL[@]}" -d postgres -A -t -c 'show synchronous_commit'))
load            wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }'), $THREADS threads, $CONNECTIONS connections, same machine
machine before  ${IDLE_BEFORE}% idle, load average ${LOADAVG_BEFORE}

closed loop, ${SECONDS_PER_PHASE} s per phase, alternating         run 1      run 2     mean
  in-memory platform-http route (req/s)              ${M1}    ${M2}    ${MEMORY}
  signed durable webhook (req/s)                     ${W1}    ${W2}    ${WEBHOOK}
  ratio webhook / in-memory                          ${RATIO}   target >= ${T_RATIO}   ${V_RATIO}
  p99 under full load, ms (memory / webhook)         $(result memory-1 p99) / $(result webhook-1 p99)    $(result memory-2 p99) / $(result webhook-2 p99)
  service CPU per request, ms (memory / webhook)     $(result memory-1 cpu_ms) / $(result webhook-1 cpu_ms)    $(result memory-2 cpu_ms) / $(result webhook-2 cpu_ms)
  PostgreSQL CPU per request, ms (memory / webhook)  $(result memory-1 db_ms) / $(result webhook-1 db_ms)    $(result memory-2 db_ms) / $(result webhook-2 db_ms)
  webhook answers other than 200                     ${W_NON}; 200s ${W_ANSWERED}, newly stored ${W_STORED}
  processing after the answer (triage, case, ack queued): ${PROCESSED_RATE} messages/s over webhook-1
    (drained ${DRAIN_1} ms after webhook-1 ended, ${DRAIN_2} ms after webhook-2)

open loop, ${RATE} posts/s for ${RATE_SECONDS} s (after ${RATE_WARMUP} s unmeasured; latency from the intended send time; checkpoint before: $([[ "$CHECKPOINT" == 1 ]] && echo yes || echo no))
  p50 / p90 / p99 / max                              $(rate_result p50_ms) / $(rate_result p90_ms) / ${R_P99} / $(rate_result max_ms) ms   target p99 <= ${T_P99_MS} ms   ${V_P99}
  200 / scheduled, other answers                     $(rate_result ok) / $(rate_result scheduled), ${R_NON}
  stored -> acknowledgement queued p50 / p99         ${ACK_P50} / ${ACK_P99} ms (${ACK_QUEUED} of ${ACK_STORED} queued)
  processing waits for a burst (IntakeFirst)       ${WAITED_IN_RATE} during the phase (messages and recovery batches)

database after  ${DB_INBOUND} inbound, ${DB_CASES} cases, ${DB_OUTBOUND} acknowledgements queued (dispatcher paused)
files           ${RESULTS#"$ROOT"/}/
=======================================================================================
EOF2
} | tee "$RESULTS/summary.txt"
