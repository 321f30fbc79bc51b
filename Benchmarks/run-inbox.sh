#!/usr/bin/env bash
# Inbox pages over a matrix of filter shapes (common and selective, with and without a search
# word, the first and the fifth page) at a small and a large number of stored messages, cold,
# warm and with concurrent clients, on SQLite or (with --postgres URL, an empty database) on
# PostgreSQL. Builds Simpul and the client in release mode, fills the database with Sandbox
# history through `simpul demo --history` up to the stored-message counts asked for, serves it
# on loopback and times GET /api/v1/inbox. Prints each shape's large / small ratio of the
# median. Target: every ratio at most 2.
#
#   Benchmarks/run-inbox.sh [--postgres postgres://user@127.0.0.1:5432/db] [--restart-postgres "command"]
#                           [--small 10000] [--large 1000000] [--requests 60] [--clients 20]
#
# Cold means a freshly started server after the operating system's page cache was emptied
# (when this user may write /proc/sys/vm/drop_caches) and, with --restart-postgres, after
# PostgreSQL was restarted, so its shared buffers are empty too.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
postgres=""
restart_postgres=""
small=10000
large=1000000
requests=60
clients=20
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres="$2"; shift 2 ;;
    --restart-postgres) restart_postgres="$2"; shift 2 ;;
    --small) small="$2"; shift 2 ;;
    --large) large="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
(cd "$root" && swift build -c release --product simpul --scratch-path "$root/.build-release")
(cd "$here" && swift build -c release --product InboxLatency)
simpul="$root/.build-release/release/simpul"
client="$here/.build/release/InboxLatency"
work="$(mktemp -d)"
port=18182
export SIMPUL_PORT=$port SIMPUL_LOG_LEVEL=warning SIMPUL_WORKERS=false
if [ -n "$postgres" ]; then export DATABASE_URL="$postgres"; else export SIMPUL_SQLITE_PATH="$work/inbox.sqlite"; fi
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

stored() {
  if [ -n "$postgres" ]; then
    psql "$postgres" -tAc "SELECT count(*) FROM messages"
  else
    python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM messages').fetchone()[0])" "$SIMPUL_SQLITE_PATH"
  fi
}

# Adds Sandbox history until the database holds $1 messages.
fill_to() {
  local have start
  have=$(stored 2>/dev/null || echo 0)
  if [ "$have" -lt "$1" ]; then
    start=$(date +%s)
    "$simpul" demo --seed-only --history "$(( $1 - have ))" | tail -1
    echo "filled in $(( $(date +%s) - start )) s"
  fi
  echo "stored messages: $(stored)"
}

start_server() {
  "$simpul" serve >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1
}

stop_server() {
  kill $server; wait $server 2>/dev/null || true
  server=""
}

empty_caches() {
  sync
  if [ -w /proc/sys/vm/drop_caches ] && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then cold_caches="page cache emptied"; else cold_caches="page cache kept (not permitted)"; fi
  if [ -n "$restart_postgres" ]; then sh -c "$restart_postgres" >/dev/null; cold_caches="$cold_caches, PostgreSQL restarted"; fi
}

# measure SIZE: every mode of the matrix into $work/SIZE.tsv.
measure() {
  local out="$work/$1.tsv"
  : >"$out"
  start_server
  "$client" --url "http://127.0.0.1:$port" --token "$token" --mode warm --requests "$requests" | grep '^RESULT' >>"$out"
  "$client" --url "http://127.0.0.1:$port" --token "$token" --mode concurrent --requests "$(( requests * clients / 4 ))" --clients "$clients" | grep '^RESULT' >>"$out"
  stop_server
  # Each shape cold on its own: a server that served one shape has the others' pages cached.
  for shape in $("$client" --list-shapes); do
    empty_caches
    start_server
    "$client" --url "http://127.0.0.1:$port" --token "$token" --mode cold --shape "$shape" | grep '^RESULT' >>"$out"
    stop_server
  done
  echo "cold: $cold_caches"
}

cold_caches=""
if [ -n "$postgres" ]; then echo "database: PostgreSQL"; else echo "database: SQLite (WAL)"; fi
fill_to "$small"
token="$("$simpul" user token --tenant tirtamaya --email sri.wahyuni@tirtamayakota.go.id --name benchmark)"
echo "== $small messages"
measure small
fill_to "$large"
echo "== $large messages"
measure large
python3 - "$work/small.tsv" "$work/large.tsv" "$small" "$large" <<'EOF'
import sys
def load(path):
    rows = {}
    for line in open(path):
        _, mode, shape, page, median, p95, items = line.rstrip("\n").split("\t")
        rows[(mode, shape, int(page))] = (median, p95, int(items))
    return rows
small, large = load(sys.argv[1]), load(sys.argv[2])
# The items each page held: a selective filter's page may be nearly empty at the small size and
# full at the large one, and then its ratio compares different amounts of work.
print(f"{'mode':<11}{'shape':<28}{'page':>4}{sys.argv[3] + ' ms':>14}{sys.argv[4] + ' ms':>16}{'items':>10}{'ratio':>8}")
over, worst = 0, 0.0
for key in sorted(large, key=lambda k: (["warm", "concurrent", "cold"].index(k[0]), k[1], k[2])):
    s, l = small.get(key, ("-", "-", 0)), large[key]
    if s[0] == "-" or l[0] == "-":
        ratio = f"{'-':>8}  (no page {key[2]} at {sys.argv[3] if s[0] == '-' else sys.argv[4]})"
    else:
        value = float(l[0]) / float(s[0])
        worst = max(worst, value)
        over += value > 2
        ratio = f"{value:8.2f}"
    print(f"{key[0]:<11}{key[1]:<28}{key[2]:>4}{s[0]:>14}{l[0]:>16}{str(s[2]) + '/' + str(l[2]):>10}{ratio}")
print(f"worst ratio {worst:.2f}; {over} of {len(large)} above 2")
EOF
