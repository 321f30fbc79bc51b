#!/usr/bin/env python3
"""Build the Indonesian stemmer reference data.

Outputs (paths relative to the package root):
  Tests/SimpulCoreTests/Fixtures/stemmer/indonesian-stems.tsv
      word<TAB>stem lines, sorted by word, stems from the Snowball
      "indonesian" algorithm (checked with two independent implementations).
  Sources/SimpulCore/Resources/text/words-id.txt
      the hunspell-id root words, lowercased, letters only, one per line.

Word source: Debian's hunspell-id dictionary (LGPL-3).

Why there is a second expander next to `unmunch`: hunspell-id uses
`FLAG long` (two-character flags), continuation classes and CIRCUMFIX.
`unmunch` predates all three; on this dictionary it misreads the flags,
emits forms that are not words and misses most nasal-prefix forms
(meny-, meng-, peny-). So the candidate set is the union of `unmunch`'s
output and a small expander below that understands those features and
deliberately over-generates; every candidate is then checked by
`hunspell -G` (the real spell checker on the same dictionary), and only
accepted words are kept. That keeps the list to genuine dictionary forms
whatever the expander gets wrong.

Requires: Debian packages hunspell-id, hunspell-tools, hunspell;
PyPI packages snowballstemmer and PyStemmer.
"""

import argparse
import hashlib
import os
import re
import subprocess
import sys
from importlib import metadata

DIC = "/usr/share/hunspell/id_ID.dic"
AFF = "/usr/share/hunspell/id_ID.aff"
ENCODING = "iso-8859-1"  # the .aff says SET ISO8859-1
SAMPLE_SIZE = 120_000
LETTERS = re.compile(r"^[a-z]+$")

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE = os.path.join(ROOT, "Tests/SimpulCoreTests/Fixtures/stemmer/indonesian-stems.tsv")
LEXICON = os.path.join(ROOT, "Sources/SimpulCore/Resources/text/words-id.txt")


def debian_version(package):
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package],
        check=True, capture_output=True, text=True,
    )
    return out.stdout.strip()


# ---------------------------------------------------------------- .aff/.dic

def split_flags(flags):
    """FLAG long: every two characters form one flag."""
    return {flags[i:i + 2] for i in range(0, len(flags) - 1, 2)}


def compile_condition(cond, kind):
    """Hunspell conditions are a tiny regex subset; anchor them at the end
    (suffix) or start (prefix) of the word. A '^' inside a negated class
    (as in `[^l^r]`) is just another excluded character, as in hunspell."""
    if cond == ".":
        return None
    parts = []
    i = 0
    while i < len(cond):
        ch = cond[i]
        if ch == "[":
            j = cond.index("]", i)
            body = cond[i + 1:j]
            if body.startswith("^"):
                parts.append("[^" + re.escape(body[1:]) + "]")
            else:
                parts.append("[" + re.escape(body) + "]")
            i = j + 1
        elif ch == ".":
            parts.append(".")
            i += 1
        else:
            parts.append(re.escape(ch))
            i += 1
    pattern = "".join(parts)
    return re.compile(pattern + "$" if kind == "SFX" else "^" + pattern)


def read_aff(path):
    """Return ({flag: (kind, cross, [(strip, add, contclass, cond_re)])},
    circumfix flag, needaffix flag)."""
    affixes = {}
    circumfix = needaffix = None
    with open(path, encoding=ENCODING) as fh:
        lines = [ln.split("#", 1)[0].split() for ln in fh]
    for f in lines:
        if not f:
            continue
        if f[0] == "CIRCUMFIX":
            circumfix = f[1]
        if f[0] == "NEEDAFFIX":
            needaffix = f[1]
        if f[0] not in ("PFX", "SFX"):
            continue
        kind, flag = f[0], f[1]
        if flag not in affixes:  # header: PFX flag Y count
            affixes[flag] = (kind, f[2] == "Y", [])
            continue
        strip = "" if f[2] == "0" else f[2]
        add, _, cont = f[3].partition("/")
        add = "" if add == "0" else add
        cond = f[4] if len(f) > 4 else "."
        affixes[flag][2].append((strip, add, split_flags(cont), compile_condition(cond, kind)))
    return affixes, circumfix, needaffix


def read_dic(path):
    entries = []
    with open(path, encoding=ENCODING) as fh:
        next(fh)  # first line is the entry count
        for line in fh:
            line = line.strip()
            if not line:
                continue
            word, _, flags = line.partition("/")
            entries.append((word, split_flags(flags)))
    return entries


def apply_suffix(word, rule):
    strip, add, cont, cond = rule
    if cond is not None and not cond.search(word):
        return None
    if strip:
        if not word.endswith(strip) or len(word) <= len(strip):
            return None
        word = word[: -len(strip)]
    return word + add


def apply_prefix(word, rule):
    strip, add, cont, cond = rule
    if cond is not None and not cond.search(word):
        return None
    if strip:
        if not word.startswith(strip) or len(word) <= len(strip):
            return None
        word = word[len(strip):]
    return add + word


def expand(entries, affixes, circumfix):
    """Over-generate: up to two chained suffixes and one prefix, where a
    flag may come from the root or from an earlier affix's continuation
    class. CIRCUMFIX pairs are enforced loosely; hunspell -G is the judge."""
    out = set()

    def rules(flags, kind):
        for fl in flags:
            a = affixes.get(fl)
            if a and a[0] == kind:
                yield a[1], a[2]

    for word, flags in entries:
        # (form, flags that may still apply, has circumfix suffix)
        bases = [(word, set(flags), False)]
        for _, rs in rules(flags, "SFX"):
            for r in rs:
                w1 = apply_suffix(word, r)
                if w1 is None:
                    continue
                c1 = circumfix in r[2]
                bases.append((w1, flags | r[2], c1))
                for _, rs2 in rules(r[2], "SFX"):
                    for r2 in rs2:
                        w2 = apply_suffix(w1, r2)
                        if w2 is not None:
                            bases.append((w2, flags | r[2] | r2[2], c1 or circumfix in r2[2]))
        for form, allowed, circ in bases:
            if not circ:
                out.add(form)
            for _, rs in rules(allowed, "PFX"):
                for r in rs:
                    if (circumfix in r[2]) != circ:
                        continue
                    w = apply_prefix(form, r)
                    if w is not None:
                        out.add(w)
    return out


def run_unmunch():
    res = subprocess.run(["unmunch", DIC, AFF], capture_output=True, check=True)
    words = set()
    for line in res.stdout.decode(ENCODING).splitlines():
        line = line.strip()
        if line and "/" not in line and " " not in line and "\t" not in line:
            words.add(line)
    return words


def hunspell_accepts(candidates):
    """Keep the candidates that the hunspell spell checker accepts."""
    data = "\n".join(sorted(candidates)) + "\n"
    res = subprocess.run(
        ["hunspell", "-d", os.path.splitext(DIC)[0], "-G"],
        input=data.encode(ENCODING), capture_output=True, check=True,
    )
    return set(res.stdout.decode(ENCODING).split())


# ---------------------------------------------------------------- main

def stable_rank(word):
    return hashlib.sha256(word.encode("ascii")).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=SAMPLE_SIZE)
    args = ap.parse_args()

    import snowballstemmer
    import Stemmer

    affixes, circumfix, needaffix = read_aff(AFF)
    entries = read_dic(DIC)

    # NEEDAFFIX entries are bound stems ("lajar", "tidakadil") that only occur
    # with an affix, so they are not words of their own.
    roots = {w.lower() for w, flags in entries if needaffix not in flags}
    roots = sorted(w for w in roots if LETTERS.match(w))

    candidates = run_unmunch() | expand(entries, affixes, circumfix)
    accepted = hunspell_accepts(candidates)
    words = {w.lower() for w in accepted}
    words = {w for w in words if LETTERS.match(w)}
    words.update(roots)
    total = len(words)
    print(f"roots: {len(roots)}  accepted forms (letters only): {total}", file=sys.stderr)

    # Deterministic sample: every root, then derived forms in sha256 order.
    root_set = set(roots)
    if total > args.size:
        derived = sorted((w for w in words if w not in root_set), key=stable_rank)
        keep = max(0, args.size - len(root_set))
        words = root_set | set(derived[:keep])
    words = sorted(words)

    sb = snowballstemmer.stemmer("indonesian")
    ps = Stemmer.Stemmer("indonesian")
    ps.maxCacheSize = 0
    stems_a = sb.stemWords(words)
    stems_b = ps.stemWords(words)
    disagree = [(w, a, b) for w, a, b in zip(words, stems_a, stems_b) if a != b]
    if disagree:
        for w, a, b in disagree[:20]:
            print(f"disagree: {w} snowballstemmer={a} PyStemmer={b}", file=sys.stderr)
        sys.exit(f"{len(disagree)} words stem differently in the two implementations")

    hv = debian_version("hunspell-id")
    sv = metadata.version("snowballstemmer")
    pv = metadata.version("PyStemmer")
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w", encoding="ascii", newline="\n") as fh:
        fh.write(
            f"# words: Debian hunspell-id {hv} (LGPL-3), {len(words)} of {total} forms "
            f"(all roots + sha256-ordered sample); stems: snowballstemmer {sv} "
            f"'indonesian' == PyStemmer {pv}\n"
        )
        for w, s in zip(words, stems_a):
            fh.write(f"{w}\t{s}\n")

    os.makedirs(os.path.dirname(LEXICON), exist_ok=True)
    with open(LEXICON, "w", encoding="ascii", newline="\n") as fh:
        for w in roots:
            fh.write(w + "\n")

    print(f"wrote {len(words)} words to {os.path.relpath(FIXTURE, ROOT)}", file=sys.stderr)
    print(f"wrote {len(roots)} roots to {os.path.relpath(LEXICON, ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
