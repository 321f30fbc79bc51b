#!/usr/bin/env python3
"""Throughput of PyStemmer's C Indonesian stemmer on the fixture word list.

This is the yardstick for the Swift stemmer: same words, single core.
PyStemmer memoises stems by default, which would turn every round after
the first into dictionary look-ups, so the cache is switched off.

Usage: python3 Benchmarks/pystemmer_bench.py [path/to/indonesian-stems.tsv]
"""

import os
import sys
import time

import Stemmer

DEFAULT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "Tests", "SimpulCoreTests", "Fixtures", "stemmer", "indonesian-stems.tsv",
)
ROUNDS = 5


def load_words(path):
    words = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            words.append(line.split("\t", 1)[0])
    return words


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    words = load_words(path)
    stemmer = Stemmer.Stemmer("indonesian")
    stemmer.maxCacheSize = 0  # 0 disables the memo cache

    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        stemmer.stemWords(words)
        best = min(best, time.perf_counter() - start)

    print(f"words: {len(words)}")
    print(f"pystemmer words/s: {len(words) / best:.0f}")


if __name__ == "__main__":
    main()
