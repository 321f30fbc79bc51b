#!/usr/bin/env bash
# Listening throughput on one core: 500 generated rules (AND/OR/NOT, phrases, NEAR/ONEAR,
# wildcards, fields) against 100,000 generated Indonesian messages, each analysed inside the
# measured time. The target is at least 20,000 messages a second.
#
#   Benchmarks/run-listen.sh [--core 1]
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
(cd "$here" && swift build -c release --product ListenBench)
taskset -c "$core" "$here/.build/release/ListenBench" "$root/Tests/SimpulCoreTests/Fixtures"
