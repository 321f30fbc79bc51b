#!/usr/bin/env bash
# Text engine throughput on one core: the Swift stemmer against PyStemmer's C stemmer on the
# same word list, and the compliance guard over 100,000 texts. Needs `pip install PyStemmer`.
#
#   Benchmarks/run-text.sh [--core 1]
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
(cd "$here" && swift build -c release --product TextBench)
stems="$root/Tests/SimpulCoreTests/Fixtures/stemmer/indonesian-stems.tsv"
taskset -c "$core" python3 "$here/pystemmer_bench.py" "$stems"
taskset -c "$core" "$here/.build/release/TextBench" "$stems" "$root/Tests/SimpulCoreTests/Fixtures/compliance"
