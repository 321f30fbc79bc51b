#!/usr/bin/env bash
# The first inbox page with two filters and a search term, at a small and a large number of
# messages, on SQLite and (with --postgres URL, an empty database) on PostgreSQL. Builds Simpul
# and the client in release mode, fills the database with Sandbox history through
# `simpul demo --history`, serves it on loopback and times GET /api/v1/inbox one request at a
# time. Target: large / small at most 1.5.
#
#   Benchmarks/run-inbox.sh [--postgres postgres://user@127.0.0.1:5432/db] [--small 10000] [--large 1000000]
#                           [--query "state=new&platform=instagram&q=jalan"]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
postgres=""
small=10000
large=1000000
query="state=new&platform=instagram&q=jalan"
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres="$2"; shift 2 ;;
    --small) small="$2"; shift 2 ;;
    --large) large="$2"; shift 2 ;;
    --query) query="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
(cd "$root" && swift build -c release --product simpul --scratch-path "$root/.build-release")
(cd "$here" && swift build -c release --product InboxLatency)
simpul="$root/.build-release/release/simpul"
work="$(mktemp -d)"
port=18182
export SIMPUL_PORT=$port SIMPUL_LOG_LEVEL=warning SIMPUL_WORKERS=false
if [ -n "$postgres" ]; then export DATABASE_URL="$postgres"; else export SIMPUL_SQLITE_PATH="$work/inbox.sqlite"; fi
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

measure() {
  "$simpul" serve >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  "$here/.build/release/InboxLatency" --url "http://127.0.0.1:$port" --token "$token" --query "$query" >"$work/latency.out"
  head -1 "$work/latency.out" >&2
  kill $server; wait $server 2>/dev/null || true
  server=""
  grep MEDIAN_MS "$work/latency.out" | cut -d= -f2
}

if [ -n "$postgres" ]; then echo "database: PostgreSQL"; else echo "database: SQLite (WAL)"; fi
echo "query: $query"
start=$(date +%s)
"$simpul" demo --seed-only --history "$small" | tail -1
echo "filled in $(( $(date +%s) - start )) s"
token="$("$simpul" user token --tenant tirtamaya --email sri.wahyuni@tirtamayakota.go.id --name benchmark)"
echo "== $small messages"
small_ms=$(measure | tail -1)
start=$(date +%s)
"$simpul" demo --seed-only --history "$(( large - small ))" | tail -1
echo "filled in $(( $(date +%s) - start )) s"
echo "== $large messages"
large_ms=$(measure | tail -1)
python3 -c "print(f'large / small: {float($large_ms) / float($small_ms):.2f}  ({$large_ms} ms / {$small_ms} ms)')"
