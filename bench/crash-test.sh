#!/usr/bin/env bash
# Crash test for the PostgreSQL work queue: two worker processes over N documents (default 5,000),
# one SIGKILLed mid-run and started again; then the store must hold every document once and exactly
# the events of a single clean run.
#   bench/crash-test.sh [DOCS]        (starts its own throwaway cluster on port 55435)
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${1:-5000}"; port=55435
work="$(mktemp -d)"
admin="$(tools/pg/test-cluster.sh start "$port")"
admin="${admin/Database=sitrep/Database=postgres}"
trap 'tools/pg/test-cluster.sh stop "$port" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
psql() { /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$port" -U postgres -Atq "$@"; }
psql -d postgres -c "CREATE DATABASE crash" -c "CREATE DATABASE clean"
db() { echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$1"; }

dotnet build bench/Sitrep.Bench -c Release -v q -nologo >/dev/null
./sitrep --help >/dev/null   # builds the CLI when stale
dotnet bench/Sitrep.Bench/bin/Release/net10.0/Sitrep.Bench.dll --write-corpus "$work/corpus.jsonl" --docs "$docs"

echo "== clean run: one process, 2 workers"
./sitrep extract "$work/corpus.jsonl" --pg "$(db clean)" --workers 2 --out "$work/clean" >/dev/null

echo "== crash run: worker A and worker B (1 thread each); A is killed with SIGKILL mid-run"
./sitrep extract "$work/corpus.jsonl" --pg "$(db crash)" --workers 1 --out "$work/a" >"$work/a.log" 2>&1 & a=$!
./sitrep extract "$work/corpus.jsonl" --pg "$(db crash)" --workers 1 --out "$work/b" >"$work/b.log" 2>&1 & b=$!
until [ "$(psql -d crash -c "SELECT count(*) FROM queue WHERE state = 1" 2>/dev/null || echo 0)" -ge $((docs / 4)) ]; do sleep 0.2; done
inflight="$(psql -d crash -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sitrep-$a' AND xact_start IS NOT NULL")"
done_at_kill="$(psql -d crash -c "SELECT count(*) FROM queue WHERE state = 1")"
kill -9 "$a"
echo "killed A (pid $a) with $done_at_kill of $docs documents done and $inflight transaction(s) of A open (a claimed batch in flight)"
sleep 1
echo "A's connection after the kill: $(psql -d crash -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sitrep-$a'") open"
echo "== A started again"
./sitrep extract "$work/corpus.jsonl" --pg "$(db crash)" --workers 1 --out "$work/a2" >"$work/a2.log" 2>&1 & a2=$!
wait "$b"; wait "$a2"

echo "== results"
for d in clean crash; do
  printf '%-6s documents %s (distinct %s), queue done %s pending %s failed %s, events %s (distinct ids %s), claims %s, mentions %s, events digest %s\n' "$d" \
    "$(psql -d $d -c "SELECT count(*) FROM documents")" "$(psql -d $d -c "SELECT count(DISTINCT id) FROM documents")" \
    "$(psql -d $d -c "SELECT count(*) FROM queue WHERE state = 1")" "$(psql -d $d -c "SELECT count(*) FROM queue WHERE state = 0")" \
    "$(psql -d $d -c "SELECT count(*) FROM queue WHERE state = 2")" \
    "$(psql -d $d -c "SELECT count(*) FROM events")" "$(psql -d $d -c "SELECT count(DISTINCT id) FROM events")" \
    "$(psql -d $d -c "SELECT count(*) FROM claims")" "$(psql -d $d -c "SELECT count(*) FROM mentions")" \
    "$(psql -d $d -c "SELECT md5(string_agg(id || ':' || json::text, E'\n' ORDER BY id)) FROM events")"
done
echo "queue rows committed more than once in the crash run: $(psql -d crash -c "SELECT count(*) FROM queue WHERE attempts > 1")"
same_events=$([ "$(psql -d clean -c "SELECT md5(string_agg(id || ':' || json::text, E'\n' ORDER BY id)) FROM events")" = "$(psql -d crash -c "SELECT md5(string_agg(id || ':' || json::text, E'\n' ORDER BY id)) FROM events")" ] && echo yes || echo no)
same_docs=$([ "$(psql -d crash -c "SELECT count(DISTINCT id) FROM documents")" = "$docs" ] && [ "$(psql -d crash -c "SELECT count(*) FROM documents")" = "$docs" ] && echo yes || echo no)
echo "every document once: $same_docs; events identical to the clean run: $same_events"
[ "$same_events" = yes ] && [ "$same_docs" = yes ]
