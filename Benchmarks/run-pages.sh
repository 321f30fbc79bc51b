#!/usr/bin/env bash
# Home, inbox and thread pages for many distinct signed-in admins at once, on a demo grown to
# a province's size (`simpul demo --scale`: numbered kelurahan, each with a Sandbox account and
# its own admin, so every session has its own scope). Builds Simpul and the client in release
# mode, seeds the demo on SQLite (or, with --postgres URL, an empty PostgreSQL database) with
# Sandbox history, serves it without background workers and drives it with PageLoad.
# Targets on a 2-core machine: p99 under 500 ms at 50 concurrent admins, RSS under 512 MB.
#
#   Benchmarks/run-pages.sh [--postgres URL] [--accounts 300] [--admins 300] [--concurrency 50]
#                           [--duration 60] [--history 100000]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
postgres=""
accounts=300
admins=300
concurrency=50
duration=60
history=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres="$2"; shift 2 ;;
    --accounts) accounts="$2"; shift 2 ;;
    --admins) admins="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --history) history="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
(cd "$root" && swift build -c release --product simpul --scratch-path "$root/.build-release")
(cd "$here" && swift build -c release --product PageLoad)
simpul="$root/.build-release/release/simpul"
work="$(mktemp -d)"
port=18183
export SIMPUL_PORT=$port SIMPUL_LOG_LEVEL=warning SIMPUL_WORKERS=false
if [ -n "$postgres" ]; then export DATABASE_URL="$postgres"; else export SIMPUL_SQLITE_PATH="$work/pages.sqlite"; fi
server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT

if [ -n "$postgres" ]; then echo "database: PostgreSQL"; else echo "database: SQLite (WAL)"; fi
start=$(date +%s)
"$simpul" demo --seed-only --scale "$accounts" --admins "$admins" --logins "$work/logins.txt" --history "$history" | grep -v '^  '
echo "seeded in $(( $(date +%s) - start )) s"
"$simpul" serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
"$here/.build/release/PageLoad" --url "http://127.0.0.1:$port" --logins "$work/logins.txt" --password simpul-demo-2026 \
  --admins "$admins" --concurrency "$concurrency" --duration "$duration" --pid "$server"
