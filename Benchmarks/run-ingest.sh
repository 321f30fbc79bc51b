#!/usr/bin/env bash
# Signed webhook ingest throughput against a bare route, on SQLite and (with --postgres URL)
# on PostgreSQL. Builds Simpul and the load generator in release mode, seeds the demo, starts
# `simpul serve` on loopback, runs IngestLoad, stops the server.
#
#   Benchmarks/run-ingest.sh [--postgres postgres://user@127.0.0.1:5432/db] [--seconds 5] [--rounds 3] [--concurrency 32]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
postgres=""
seconds=5
rounds=3
concurrency=32
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
(cd "$root" && swift build -c release --product simpul --scratch-path "$root/.build-release")
(cd "$here" && swift build -c release --product IngestLoad)
work="$(mktemp -d)"
port=18181
export SIMPUL_PORT=$port SIMPUL_LOG_LEVEL=warning SIMPUL_WORKERS=false
if [ -n "$postgres" ]; then export DATABASE_URL="$postgres"; else export SIMPUL_SQLITE_PATH="$work/bench.sqlite"; fi
"$root/.build-release/release/simpul" demo --seed-only >/dev/null
"$root/.build-release/release/simpul" serve >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
if [ -n "$postgres" ]; then echo "database: PostgreSQL"; else echo "database: SQLite (WAL)"; fi
"$here/.build/release/IngestLoad" --url "http://127.0.0.1:$port" --tenant tirtamaya --secret simpul-sandbox-app-secret \
  --page 100000000000001 --seconds "$seconds" --rounds "$rounds" --concurrency "$concurrency"
