#!/usr/bin/env bash
# Email benchmark: drain a mailbox of BENCH_MAILS (default 1000) mails through IMAP into the inbox and
# acknowledge them over SMTP, against PostgreSQL (database hearth_bench_email, dropped and recreated). Prints one
# RESULT line; see docs/email.md ("Benchmark") and bench/README.md ("Email").
#
#   bash bench/email-bench.sh                      # the mailbox on GreenMail, in the benchmark's own JVM
#   BENCH_IMAP=dovecot bash bench/email-bench.sh   # the mailbox on a throwaway Dovecot (bench/dovecot.sh), stopped after
#   BENCH_IMAP_HOST=... bash bench/email-bench.sh  # the mailbox on another IMAP server (INBOX must be empty)
#
# Settings (environment, all optional):
#   BENCH_MAILS        mails in the mailbox (default 1000)
#   BENCH_IMAP         "dovecot": start bench/dovecot.sh's server for this run and stop it afterwards
#   BENCH_IMAP_HOST, BENCH_IMAP_PORT, BENCH_IMAP_USER, BENCH_IMAP_PASSWORD
#                      an IMAP server (plain IMAP, no TLS) holding the mailbox; the mails are put into its INBOX with
#                      APPEND, and Hearth/Processed and Hearth/Failed are created if missing. Unset: GreenMail.
#   BENCH_QUIET_WAIT   seconds to wait at most for the machine to be >= 80% idle before starting (default 60)
#   BENCH_JAVA_OPTS    JVM flags for the benchmark's JVM (which runs Hearth and GreenMail)
#   BENCH_KEEP_DB=1    keep the database afterwards
# SMTP is always GreenMail's, in the benchmark's JVM.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DB=hearth_bench_email
PSQL=(env PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
WORK=$(mktemp -d /tmp/hearth-email-bench.XXXXXX)
chmod 0755 "$WORK"   # the Dovecot mail processes (another user) reach their directory below it
BENCH_LABEL=email-bench
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

DOVECOT_DIR="$WORK/dovecot"
stop_dovecot() {
    if [[ -f "$DOVECOT_DIR/dovecot.conf" ]]; then
        HEARTH_DOVECOT_DIR="$DOVECOT_DIR" bash "$ROOT/bench/dovecot.sh" stop || true
    fi
}
SAMPLER=""
trap 'rc=$?; set +e; [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null; stop_dovecot; (exit $rc); cleanup' EXIT

# Maven offline first; once with the network if a plugin or dependency is not in the local repository yet.
maven() {
    if ! mvn -B -o -q "$@" >"$WORK/mvn.log" 2>&1; then
        say "offline Maven failed (mvn $1); trying with the network"
        mvn -B -q "$@" >"$WORK/mvn.log" 2>&1 || { tail -n 30 "$WORK/mvn.log" >&2; exit 1; }
    fi
}
CP_FILE="$WORK/classpath"
maven test-compile -DskipTests
maven dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"

if [[ "${BENCH_IMAP:-}" == dovecot ]]; then
    HEARTH_DOVECOT_DIR="$DOVECOT_DIR" bash "$ROOT/bench/dovecot.sh" start >/dev/null
    # shellcheck disable=SC1091
    source "$DOVECOT_DIR/env"
elif [[ -n "${BENCH_IMAP:-}" ]]; then
    say "BENCH_IMAP=$BENCH_IMAP: only 'dovecot' is known (or set BENCH_IMAP_HOST and the rest)"
    exit 2
fi
if [[ -n "${BENCH_IMAP_HOST:-}" ]]; then say "mailbox: IMAP server $BENCH_IMAP_HOST:${BENCH_IMAP_PORT:-143}"; else say "mailbox: GreenMail"; fi

# Other work on the machine makes the figures worse: wait (a bounded time) for it to go quiet, and say how busy it was.
QUIET_WAIT=${BENCH_QUIET_WAIT:-60}
wait_for_quiet
say "machine before start: ${IDLE_BEFORE}% idle over 3 s, load average $LOADAVG_BEFORE"

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
# CPU over the run: the whole machine from /proc/stat; the benchmark's JVM (Hearth and GreenMail) from this shell's
# waited-for children (fields 16 and 17 of /proc/$$/stat); PostgreSQL and Dovecot from their processes' own counters
# (sampled every second, so a process that ended during the run counts up to its last sample); everything else is
# what is left.
children_ticks() { awk '{ print $16 + $17 }' "/proc/$$/stat"; }
# "pid comm ticks" for every process (comm with spaces as _).
process_ticks() {
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '{ i = index($0, " ("); j = match($0, /\) [A-Za-z] /)
        comm = substr($0, i + 2, j - i - 2); gsub(/ /, "_", comm); split(substr($0, j + 2), f, " ")
        print $1, comm, f[12] + f[13] }'
}
START_STAT=$(head -1 /proc/stat)
START_CHILDREN=$(children_ticks)
process_ticks > "$WORK/ticks.start"
# Sampled every second: the service's database connections and IMAP session end with it, before the run does.
( set +e; while :; do process_ticks >> "$WORK/ticks.end"; sleep 1; done ) &
SAMPLER=$!
java ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" bench/EmailBench.java
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
SAMPLER=""
process_ticks >> "$WORK/ticks.end"
END_CHILDREN=$(children_ticks)
END_STAT=$(head -1 /proc/stat)
say "$(awk -v a="$START_STAT" -v b="$END_STAT" -v j=$(( END_CHILDREN - START_CHILDREN )) -v n="$(nproc)" '
    FNR == NR { start[$1 " " $2] = $3; next }
    { k = $1 " " $2; if ($3 > last[k]) last[k] = $3 }
    END {
      for (k in last) { split(k, p, " "); d = last[k] - start[k]
        if (p[2] == "postgres") pg += d
        else if (p[2] ~ /^(dovecot|imap|imap-login|auth|anvil|log|config|stats)$/) imap += d }
      split(a, x); split(b, y); busy = 0; tot = 0
      for (i = 2; i <= 9; i++) { d = y[i] - x[i]; tot += d; if (i != 5 && i != 6) busy += d }
      if (tot == 0) exit
      pct = 100 * n / tot
      printf "CPU over the run (%d cores, %.0f s), in %% of one core: benchmark JVM (Hearth, GreenMail) %.0f%%,", \
          n, tot / n / 100, j * pct
      printf " PostgreSQL %.0f%%, Dovecot %.0f%%, everything else %.0f%%; machine idle %.0f%%", pg * pct, \
          imap * pct, (busy - j - pg - imap) * pct, 100 * (tot - busy) / tot }' "$WORK/ticks.start" "$WORK/ticks.end")"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
