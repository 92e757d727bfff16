#!/usr/bin/env bash
# Benchmark of the Meta (Messenger / Instagram) webhook: signed posts accepted per second (one message per post,
# and batches), accept latency at a fixed arrival rate, and the time from Meta's post to the acknowledgement
# reaching the Graph API (a stand-in on 127.0.0.1 run by the load generator). Everything runs on this machine.
#
#   bash bench/meta-run.sh
#
# Settings (environment, all optional): META_BENCH_CONCURRENCY (8), META_BENCH_SECONDS (20),
# META_BENCH_BATCH (10), META_BENCH_RATE (20), META_BENCH_RATE_SECONDS (30), META_BENCH_DB (hearth_bench_meta),
# META_BENCH_POLL_MS (outbox poll interval, 1000 as shipped), BENCH_JAVA_OPTS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CONCURRENCY=${META_BENCH_CONCURRENCY:-8}
SECONDS_EACH=${META_BENCH_SECONDS:-20}
BATCH=${META_BENCH_BATCH:-10}
RATE=${META_BENCH_RATE:-20}
RATE_SECONDS=${META_BENCH_RATE_SECONDS:-30}
DB=${META_BENCH_DB:-hearth_bench_meta}
POLL_MS=${META_BENCH_POLL_MS:-1000}
JAVA_OPTS=${BENCH_JAVA_OPTS:-}
PSQL=(env PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
STAMP=$(date +%Y%m%dT%H%M%S)
RESULTS="$ROOT/bench/results/meta-$STAMP"
mkdir -p "$RESULTS"
WORK=$(mktemp -d /tmp/hearth-meta-bench.XXXXXX)
SECRET="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
BENCH_LABEL=meta-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

[[ -f target/hearth.jar ]] || mvn -q -o package -DskipTests
cp target/hearth.jar "$WORK/hearth.jar"   # a private copy: a build elsewhere may replace target/ meanwhile
javac -d "$WORK" bench/MetaLoad.java

pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
"${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null

STUB_PORT=$(free_port 18181)
LOADAVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# The service takes a free port itself (server.port 0) and says which in its log: no race with other checkouts.
say "starting the service (Graph stand-in on $STUB_PORT)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD= PORT=0 HEARTH_PUBLIC_BASE_URL="http://127.0.0.1" \
HEARTH_META_APP_SECRET="$SECRET" HEARTH_META_VERIFY_TOKEN="$SECRET" HEARTH_META_PAGE_ACCESS_TOKEN="bench-token" \
HEARTH_META_GRAPH_BASE_URL="http://127.0.0.1:$STUB_PORT" \
    java $JAVA_OPTS -Dhearth.outbox.poll-interval="$POLL_MS" -jar "$WORK/hearth.jar" >"$RESULTS/app.log" 2>&1 &
APP_PID=$!
PORT=""
READY=0
for _ in $(seq 1 1200); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$RESULTS/app.log" >&2; exit 1; }
    PORT=${PORT:-$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$RESULTS/app.log" | head -1)}
    if [[ -n "$PORT" && "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 \
            "http://127.0.0.1:$PORT/actuator/health/readiness" || true)" == 200 ]]; then
        READY=1
        break
    fi
    sleep 0.1
done
(( READY )) || { say "service not ready after 120 s"; tail -n 40 "$RESULTS/app.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
say "service ready on $PORT"

say "load: $CONCURRENCY workers x ${SECONDS_EACH}s (single, then batches of $BATCH), then $RATE posts/s for ${RATE_SECONDS}s"
java -cp "$WORK" MetaLoad --base "$BASE" --secret "$SECRET" --stub-port "$STUB_PORT" --concurrency "$CONCURRENCY" \
    --duration "$SECONDS_EACH" --batch "$BATCH" --rate "$RATE" --rate-duration "$RATE_SECONDS" --app-pid "$APP_PID" \
    | tee "$RESULTS/load.txt"

LOADAVG_AT_END=$(cut -d' ' -f1-3 /proc/loadavg)
result() { sed -n 's/^RESULT phase='"$1"'\( .*\)\{0,1\} '"$2"'=\([^ ]*\).*/\2/p' "$RESULTS/load.txt" | tail -1; }
COUNTS=$("${PSQL[@]}" -d "$DB" -A -t -F ' ' -c "select (select count(*) from inbound_message where channel = 'messenger'),
    (select count(*) from inbound_message where channel = 'messenger' and status <> 'PROCESSED'),
    (select count(*) from outbound_message where channel = 'messenger' and status = 'SENT')")
read -r INBOUND UNPROCESSED SENT <<<"$COUNTS"
stop_app
{
cat <<EOF
=========================== Hearth Meta webhook benchmark ===========================
date              $(date '+%Y-%m-%d %H:%M %Z'), $(nproc) cores, load average before: $LOADAVG_BEFORE, at the end: $LOADAVG_AT_END
                  (the load generator, the Graph stand-in, PostgreSQL and the service share these cores)
one message/post  $(result max posts_per_s) posts/s ($CONCURRENCY workers), p50 $(result max p50_ms) / p99 $(result max p99_ms) ms, non-200 $(result max non200); service CPU $(result max svc_cpu_ms_per_msg) ms/message
$BATCH messages/post  $(result batch messages_per_s) messages/s, p50 $(result batch p50_ms) / p99 $(result batch p99_ms) ms per post, non-200 $(result batch non200); service CPU $(result batch svc_cpu_ms_per_msg) ms/message
at $RATE posts/s      accept p50 $(result rate p50_ms) / p90 $(result rate p90_ms) / p99 $(result rate p99_ms) / max $(result rate max_ms) ms, non-200 $(result rate non200); service CPU $(result rate svc_cpu_ms_per_msg) ms/message
post -> ack at Graph  p50 $(result ack p50_ms) / p90 $(result ack p90_ms) / p99 $(result ack p99_ms) ms ($(result ack acknowledged) of $(result ack posted); outbox polls every $POLL_MS ms)
database          $INBOUND messenger messages stored, $UNPROCESSED not processed, $SENT acknowledgements sent
files             ${RESULTS#"$ROOT"/}/
======================================================================================
EOF
} | tee "$RESULTS/summary.txt"
