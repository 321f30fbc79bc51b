#!/usr/bin/env bash
# Signed webhook ingest throughput against a bare route, on SQLite and (with --postgres URL)
# on PostgreSQL. Builds Simpul in release mode, prepares distinct signed deliveries, seeds the
# demo, starts `simpul serve` on loopback, and alternates wrk runs on the bare route
# (GET /healthz) and on the Meta webhook; the medians of the rounds are compared, so that a
# slow spell of the machine does not land on one side. Needs wrk (Debian package `wrk`).
#
#   Benchmarks/run-ingest.sh [--postgres postgres://user@127.0.0.1:5432/db] [--seconds 5] [--rounds 5] [--connections 32]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
postgres=""
seconds=5
rounds=5
connections=32
threads=1
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
(cd "$root" && swift build -c release --product simpul --scratch-path "$root/.build-release")
(cd "$here" && swift build -c release --product IngestDeliveries)
work="$(mktemp -d)"
port=18181
export SIMPUL_PORT=$port SIMPUL_LOG_LEVEL=warning SIMPUL_WORKERS=false SIMPUL_MEDIA_DIR="$work/media"
if [ -n "$postgres" ]; then export DATABASE_URL="$postgres"; else export SIMPUL_SQLITE_PATH="$work/bench.sqlite"; fi
"$root/.build-release/release/simpul" demo --seed-only >/dev/null
# The deliveries are for one of the demo's own Facebook Pages, so each is matched to its account
# (and checked against it) as a real delivery is.
page_query="SELECT external_id FROM accounts WHERE platform = 'facebook' AND external_id IS NOT NULL ORDER BY external_id LIMIT 1"
if [ -n "$postgres" ]; then page="$(psql -At "$postgres" -c "$page_query")"; else page="$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$work/bench.sqlite" "$page_query")"; fi
# More deliveries a round than ingest can take in it (up to about 28,000 a second here with 128
# connections), so none repeats; a run that runs out fails instead of measuring duplicates.
"$here/.build/release/IngestDeliveries" --out "$work/deliveries" --secret simpul-sandbox-app-secret --page "$page" \
  --rounds "$((rounds + 1))" --threads "$threads" --per-file $((seconds * 40000))
if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then echo "port $port is taken by another server" >&2; exit 1; fi
"$root/.build-release/release/simpul" serve >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
if [ -n "$postgres" ]; then echo "database: PostgreSQL"; else echo "database: SQLite (WAL)"; fi

# With perf (Debian's linux-perf) one more pair of runs, after the measured rounds, counts the
# server's own user-space instructions per request: unlike requests per second, that figure does
# not move with the machine's fast and slow spells. (On PostgreSQL the database server's work is
# not in it.) Those runs are apart from the rates: perf, attached to the server, slows each
# switch between its threads, and ingest switches far more often than the bare route.
counting=""
if command -v perf >/dev/null && perf stat -e instructions:u true >/dev/null 2>&1; then counting=1; fi

# Fails the benchmark on a run with any error or repeat.
check() {
  if grep -qE "Non-2xx|Socket errors|EXHAUSTED" <<<"$1"; then echo "$1" >&2; echo "a run had failures" >&2; return 1; fi
}
rate() {
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"${seconds}s" "$@")"; check "$out" || exit 1
  awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
}
# The server's user-space instructions per request over one run.
count() {
  local out
  out="$(perf stat -e instructions:u -x, -o "$work/perf.csv" -p "$server" -- wrk -t"$threads" -c"$connections" -d"${seconds}s" "$@")"
  check "$out" || exit 1
  awk -F, -v n="$(awk '/requests in/ { print $1 }' <<<"$out")" '/instructions/ { printf "%.0f", $1 / n }' "$work/perf.csv"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bare_rates=""; ingest_rates=""
for round in $(seq 1 "$rounds"); do
  # A failed run ends the benchmark (inside $(…) its exit would only end the subshell).
  bare="$(rate "http://127.0.0.1:$port/healthz")" || exit 1
  ingest="$(rate -s "$here/ingest.lua" "http://127.0.0.1:$port" -- "$work/deliveries/round-$round" tirtamaya)" || exit 1
  bare_rates+="$bare"$'\n'; ingest_rates+="$ingest"$'\n'
  awk -v r="$round" -v b="$bare" -v i="$ingest" 'BEGIN { printf "round %d: bare %8.0f req/s, ingest %8.0f req/s (%.1f%%)\n", r, b, i, i / b * 100 }'
done
if [ -n "$counting" ]; then
  bare_count="$(count "http://127.0.0.1:$port/healthz")" || exit 1
  ingest_count="$(count -s "$here/ingest.lua" "http://127.0.0.1:$port" -- "$work/deliveries/round-$((rounds + 1))" tirtamaya)" || exit 1
fi
bare="$(printf '%s' "$bare_rates" | median)"; ingest="$(printf '%s' "$ingest_rates" | median)"
# A shared machine has fast and slow spells, and the two medians may come from different ones.
# Each round pairs an ingest run with the bare run just before it, so the ratio reported is the
# median of the rounds' own ratios; their range shows how far they spread.
ratios="$(paste <(printf '%s' "$bare_rates") <(printf '%s' "$ingest_rates") | awk '{ printf "%.4f\n", $2 / $1 * 100 }')"
ratio="$(printf '%s' "$ratios" | median)"
spread="$(printf '%s' "$ratios" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f%%-%.1f%%", lo, hi }')"
awk -v b="$bare" -v i="$ingest" -v r="$ratio" -v n="$rounds" -v c="$connections" -v s="$seconds" -v spread="$spread" 'BEGIN {
  printf "bare route  (GET /healthz):          %8.0f req/s  (median of %d)\n", b, n
  printf "signed ingest (POST /webhooks/meta): %8.0f req/s  (median of %d)\n", i, n
  printf "ingest / bare: %.1f%%  (median of the ratios of the rounds, from %s; wrk, %d connections, %d s a run)\n", r, spread, c, s }'
if [ -n "$counting" ]; then
  awk -v b="$bare_count" -v i="$ingest_count" 'BEGIN {
    printf "server instructions per request (one more run each, under perf): bare %.0f, ingest %.0f (bare / ingest %.1f%%)\n", b, i, b / i * 100 }'
fi
# Every stored delivery must have found its account, or the run measured something else.
count_query="SELECT count(*), count(account_id) FROM messages WHERE account_ref = '$page'"
if [ -n "$postgres" ]; then counts="$(psql -At -F' ' "$postgres" -c "$count_query")"; else counts="$(python3 -c 'import sqlite3, sys; print(*sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone())' "$work/bench.sqlite" "$count_query")"; fi
read -r stored matched <<<"$counts"
echo "stored: $stored deliveries for Page $page, $matched matched to its account"
[ "$stored" -gt 0 ] && [ "$stored" = "$matched" ] || { echo "deliveries were not matched to the account" >&2; exit 1; }
# Each answer waits for a sync of the log (SQLite) or of the WAL (PostgreSQL): how long this
# disk takes for one helps to read the figures, and it too has slow spells.
python3 - "$work/sync-probe" <<'PROBE'
import os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
start = time.perf_counter()
for i in range(200):
    os.pwrite(fd, b"x" * 8192, (i % 40) * 8192)
    os.fdatasync(fd)
print("disk: an 8 KB write and fdatasync take %.0f µs" % ((time.perf_counter() - start) / 200 * 1e6))
PROBE
