#!/usr/bin/env bash
# Publishing throughput: N approved posts due in the same minute, published by `simpul worker`
# through the real connectors to a fake platform on loopback (Facebook Page posts and X posts).
# Reports the time from the due minute to the last post published and the queue's jobs per
# second, on SQLite and (with --postgres URL, an empty database) on PostgreSQL.
#
#   Benchmarks/run-publish.sh [--postgres postgres://user@127.0.0.1:5432/db] [--posts 10000] [--concurrency 8]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
postgres=""
posts=10000
concurrency=8
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres="$2"; shift 2 ;;
    --posts) posts="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
(cd "$root" && swift build -c release --product simpul --scratch-path "$root/.build-release")
(cd "$here" && swift build -c release --product FakePlatform)
simpul="$root/.build-release/release/simpul"
work="$(mktemp -d)"
fake_port=18400
export SIMPUL_LOG_LEVEL=warning SIMPUL_JOB_CONCURRENCY=$concurrency
export SIMPUL_GRAPH_URL="http://127.0.0.1:$fake_port" SIMPUL_X_API_URL="http://127.0.0.1:$fake_port"
if [ -n "$postgres" ]; then export DATABASE_URL="$postgres"; else export SIMPUL_SQLITE_PATH="$work/publish.sqlite"; fi
fake=""; worker=""
trap '[ -n "$worker" ] && kill $worker 2>/dev/null; [ -n "$fake" ] && kill $fake 2>/dev/null; rm -rf "$work"' EXIT

query() {
  if [ -n "$postgres" ]; then psql "$postgres" -tAc "$1"; else python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$SIMPUL_SQLITE_PATH" "$1"; fi
}
epoch() { if [ -n "$postgres" ]; then echo "extract(epoch from $1)"; else echo "$1"; fi; }

"$here/.build/release/FakePlatform" --port $fake_port >"$work/fake.log" 2>&1 &
fake=$!
if [ -n "$postgres" ]; then echo "database: PostgreSQL"; else echo "database: SQLite (WAL)"; fi
"$simpul" demo --seed-only --publish-load "$posts" | tee "$work/seed.out" | tail -1
due=$(grep -o 'epoch [0-9]*' "$work/seed.out" | tail -1 | cut -d' ' -f2)
"$simpul" worker >"$work/worker.log" 2>&1 &
worker=$!
echo "waiting for the due minute ($(( due - $(date +%s) )) s) and for $posts posts…"
deadline=$(( due + 1800 ))
while :; do
  done_count=$(query "SELECT COUNT(*) FROM jobs WHERE kind = 'publish.variant' AND state IN ('done', 'dead')")
  [ "$done_count" -ge "$posts" ] && break
  [ "$(date +%s)" -gt "$deadline" ] && { echo "timed out with $done_count of $posts"; tail -20 "$work/worker.log"; exit 1; }
  sleep 1
done
kill $worker; wait $worker 2>/dev/null || true; worker=""
load="content_variants v JOIN content_items i ON i.tenant_id = v.tenant_id AND i.id = v.item_id WHERE i.title LIKE 'Uji beban %' AND v.status = 'published'"
published=$(query "SELECT COUNT(*) FROM $load")
dead=$(query "SELECT COUNT(*) FROM jobs WHERE kind = 'publish.variant' AND state = 'dead'")
served=$(curl -fsS "http://127.0.0.1:$fake_port/stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['posts'])")
first=$(query "SELECT MIN($(epoch v.published_at)) FROM $load")
last=$(query "SELECT MAX($(epoch v.published_at)) FROM $load")
python3 - "$due" "$first" "$last" "$published" "$served" "$dead" "$posts" "$concurrency" <<'PY'
import sys
due, first, last = (float(x) for x in sys.argv[1:4])
published, served, dead, posts, concurrency = (int(x) for x in sys.argv[4:9])
span = last - due
print(f"posts: {posts}, published: {published}, posts the platform received: {served}, dead jobs: {dead}, worker concurrency {concurrency}")
print(f"due → first published: {first - due:.2f} s; due → all published: {span:.2f} s")
print(f"queue throughput: {published / span:.1f} jobs/s (due to last), {published / max(last - first, 1e-9):.1f} jobs/s (first to last)")
PY
