#!/usr/bin/env bash
# Email benchmark: drain a mailbox of BENCH_MAILS (default 1000) mails through IMAP into the inbox and
# acknowledge them over SMTP, against GreenMail on 127.0.0.1 and PostgreSQL (database hearth_bench_email,
# dropped and recreated). Prints one RESULT line; see README-EMAIL.md.
#
#   bash bench/email-bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DB=hearth_bench_email
PSQL=(env PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)

mvn -B -o -q test-compile -DskipTests
CP_FILE=$(mktemp /tmp/hearth-email-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"; "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true' EXIT
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
java ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" bench/EmailBench.java
