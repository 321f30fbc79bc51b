"""datasketch's MinHashLSH on the term streams HoaxBench wrote, on one core.

Each claim and text is one line: an id or label, a tab, and its terms separated by spaces,
the same terms Simpul's matcher compares. Shingles are word pairs, as in Simpul; a line with
one term is one shingle. MinHash with 60 permutations in LSH of 20 bands of 3 rows, Simpul's
defaults. A text counts as found when its claim is among the LSH candidates whose estimated
Jaccard reaches the near-copy threshold (0.5), as Simpul verifies its candidates.

With SIMPUL_FIGURES (the simpul-figures.txt HoaxBench writes next to the streams) it also
prints Simpul's throughput as a multiple of datasketch's and whether Simpul's recall is at
least datasketch's, the condition the comparison is made under. `--threshold T` runs
datasketch at another near-copy threshold (LSH bands and verification both), to see how much
recall a lower one buys and what it costs.

    python3 datasketch_bench.py CLAIMS.txt TEXTS.txt [SIMPUL_FIGURES] [--threshold T] [--repeat N]
"""
import sys
import time

from datasketch import MinHash, MinHashLSH

NUM_PERM = 60
BANDS, ROWS = 20, 3
THRESHOLD = 0.5
REPEAT = 3


def read(path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            key, _, terms = line.rstrip("\n").partition("\t")
            yield key, terms.split()


def shingles(terms):
    if len(terms) < 2:
        return [" ".join(terms).encode("utf-8")] if terms else []
    return [(terms[i] + " " + terms[i + 1]).encode("utf-8") for i in range(len(terms) - 1)]


def minhash(terms):
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    values = shingles(terms)
    if values:
        signature.update_batch(values)
    return signature


def main():
    arguments = sys.argv[1:]
    threshold, repeat = THRESHOLD, REPEAT
    if "--threshold" in arguments:
        at = arguments.index("--threshold")
        threshold = float(arguments[at + 1])
        del arguments[at:at + 2]
    if "--repeat" in arguments:
        at = arguments.index("--repeat")
        repeat = int(arguments[at + 1])
        del arguments[at:at + 2]
    claims = list(read(arguments[0]))
    texts = list(read(arguments[1]))
    figures_path = arguments[2] if len(arguments) > 2 else None

    start = time.perf_counter()
    # Simpul's banding (20 × 3) at the default threshold; at another threshold datasketch picks
    # its own bands for it, as a user lowering the threshold would get.
    params = (BANDS, ROWS) if threshold == THRESHOLD else None
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=params)
    signatures = {}
    for key, terms in claims:
        signatures[key] = minhash(terms)
        lsh.insert(key, signatures[key])
    build = time.perf_counter() - start

    # Best of `repeat` runs, as HoaxBench times Simpul.
    elapsed = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        results = []
        for _, terms in texts:
            signature = minhash(terms)
            found = [key for key in lsh.query(signature) if signature.jaccard(signatures[key]) >= threshold]
            results.append(found)
        elapsed = min(elapsed, time.perf_counter() - start)

    labelled = [(label, found) for (label, _), found in zip(texts, results) if label != "-"]
    unlabelled = [found for (label, _), found in zip(texts, results) if label == "-"]
    recall = sum(1 for label, found in labelled if label in found) / max(1, len(labelled))
    false_share = sum(1 for found in unlabelled if found) / max(1, len(unlabelled))
    rate = len(texts) / elapsed
    print(f"datasketch: {len(claims)} claims indexed in {build:.2f} s (bands × rows {lsh.b} × {lsh.r}, threshold {threshold})")
    print(f"datasketch MinHashLSH (term streams, best of {repeat}): {rate:.0f} texts/s ({elapsed:.2f} s), "
          f"recall {recall:.3f}, unrelated texts matched {false_share:.4f}")

    if figures_path:
        with open(figures_path, encoding="utf-8") as handle:
            simpul = {name: (float(r), float(c), float(f)) for name, r, c, f in (line.split() for line in handle if line.strip())}
        for name, label in (("full", "near-copies and paraphrases"), ("near", "near-copies only")):
            their_rate, their_recall, their_false = simpul[name]
            condition = "at least" if their_recall >= recall else "BELOW"
            print(f"simpul {label}: {their_rate / rate:.1f}× datasketch's throughput, "
                  f"recall {their_recall:.3f} {condition} datasketch's {recall:.3f} "
                  f"(unrelated texts matched {their_false:.4f} against {false_share:.4f})")


if __name__ == "__main__":
    main()
