"""datasketch's MinHashLSH on the term streams HoaxBench wrote, on one core.

Each claim and text is one line: an id or label, a tab, and its terms separated by spaces,
the same terms Simpul's matcher compares. Shingles are word pairs, as in Simpul; a line with
one term is one shingle. MinHash with 60 permutations in LSH of 20 bands of 3 rows, Simpul's
defaults. A text counts as found when its claim is among the LSH candidates whose estimated
Jaccard reaches the near-copy threshold (0.5), as Simpul verifies its candidates.

    python3 datasketch_bench.py CLAIMS.txt TEXTS.txt
"""
import sys
import time

from datasketch import MinHash, MinHashLSH

NUM_PERM = 60
BANDS, ROWS = 20, 3
THRESHOLD = 0.5


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
    claims = list(read(sys.argv[1]))
    texts = list(read(sys.argv[2]))

    start = time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, params=(BANDS, ROWS))
    signatures = {}
    for key, terms in claims:
        signatures[key] = minhash(terms)
        lsh.insert(key, signatures[key])
    build = time.perf_counter() - start

    start = time.perf_counter()
    results = []
    for _, terms in texts:
        signature = minhash(terms)
        found = [key for key in lsh.query(signature) if signature.jaccard(signatures[key]) >= THRESHOLD]
        results.append(found)
    elapsed = time.perf_counter() - start

    labelled = [(label, found) for (label, _), found in zip(texts, results) if label != "-"]
    unlabelled = [found for (label, _), found in zip(texts, results) if label == "-"]
    recall = sum(1 for label, found in labelled if label in found) / max(1, len(labelled))
    false_share = sum(1 for found in unlabelled if found) / max(1, len(unlabelled))
    print(f"datasketch: {len(claims)} claims indexed in {build:.2f} s")
    print(f"datasketch MinHashLSH (term streams): {len(texts) / elapsed:.0f} texts/s ({elapsed:.2f} s), "
          f"recall {recall:.3f}, unrelated texts matched {false_share:.4f}")


if __name__ == "__main__":
    main()
