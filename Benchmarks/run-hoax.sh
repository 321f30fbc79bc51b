#!/usr/bin/env bash
# Hoax matcher throughput on one core: Simpul's matcher (5,000 claims, 100,000 texts, release
# build) against datasketch's MinHashLSH on the same term streams, which HoaxBench writes.
# Needs `pip install datasketch`.
#
#   Benchmarks/run-hoax.sh [--core 1]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
core=1
while [ $# -gt 0 ]; do
  case "$1" in
    --core) core="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
streams="$(mktemp -d)"
trap 'rm -rf "$streams"' EXIT
(cd "$here" && swift build -c release --product HoaxBench)
taskset -c "$core" "$here/.build/release/HoaxBench" "$root/Tests/SimpulCoreTests/Fixtures/hoax" "$streams"
taskset -c "$core" python3 "$here/datasketch_bench.py" "$streams/claims.txt" "$streams/texts.txt"
