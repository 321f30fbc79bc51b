/// Dictionary-backed stemming in the style of Enhanced Confix Stripping
/// (Nazief & Adriani; Asian et al. 2007; Arifin et al. 2009).
///
/// Tala's rules cannot tell "menulis" (tulis) from "menanti" (nanti): the
/// nasal prefix swallows the root's first letter, and only a list of roots
/// knows which letter it was. So this generates the plausible readings of a
/// word — suffixes off, then up to three prefixes off with each recoding
/// alternative — and returns the first reading that is a known root. When no
/// reading is, the caller falls back to the Snowball stem.
struct ConfixStripper: Sendable {
    let lexicon: RootLexicon

    /// Indonesian stacks at most three prefixes (di-per-…, ke-ber-…, mem-per-…).
    private static let maxPrefixes = 3
    /// Shorter readings match too many unrelated roots to be worth trusting.
    private static let minRootLength = 2

    func stem(_ word: String) -> String? {
        if lexicon.contains(word) { return word }
        guard let root = stem(utf8: Array(word.utf8)) else { return nil }
        return String(decoding: root, as: UTF8.self)
    }

    /// The root found in the lexicon, or nil when there is none.
    func stem(utf8 word: [UInt8]) -> [UInt8]? {
        if lexicon.contains(utf8: word) { return word }
        // The affix rules are defined for a–z only.
        guard word.allSatisfy({ $0 &- 0x61 < 26 }) else { return nil }

        // Suffixes come off first, outermost first: particle, possessive
        // pronoun, then derivational suffix. Each intermediate form may
        // already be the root.
        var inflected: [Reading] = [Reading(word[...], suffix: nil)]
        var current = word[...]
        for endings in [Self.particles, Self.possessives] {
            guard let ending = endings.first(where: { Self.hasSuffix(current, $0) }) else { continue }
            current = current.dropLast(ending.utf8CodeUnitCount)
            if current.count < Self.minRootLength { break }
            if lexicon.contains(utf8: current) { return Array(current) }
            inflected.append(Reading(current, suffix: nil))
        }

        var derived: [Reading] = []
        let base = inflected[inflected.count - 1].word
        for suffix in DerivationalSuffix.allCases where Self.hasSuffix(base, suffix.text) {
            let rest = base.dropLast(suffix.text.utf8CodeUnitCount)
            if rest.count < Self.minRootLength { continue }
            if lexicon.contains(utf8: rest) { return Array(rest) }
            derived.append(Reading(rest, suffix: suffix))
        }

        // Then prefixes, starting from the most stripped reading and putting
        // suffixes back one by one when that fails, because a suffix-like
        // ending may belong to the root: "dimakan" is di-makan, not di-mak-an.
        for reading in derived + inflected.reversed() {
            if let root = stripPrefixes(reading.word, suffix: reading.suffix, depth: 0, previous: nil) {
                return root
            }
        }
        return nil
    }

    private struct Reading {
        var word: ArraySlice<UInt8>
        var suffix: DerivationalSuffix?

        init(_ word: ArraySlice<UInt8>, suffix: DerivationalSuffix?) {
            self.word = word
            self.suffix = suffix
        }
    }

    private static let particles: [StaticString] = ["lah", "kah", "tah", "pun"]
    private static let possessives: [StaticString] = ["nya", "ku", "mu"]

    enum DerivationalSuffix: CaseIterable {
        // "kan" before "an" so that a word ending in -kan tries the longer
        // suffix first.
        case kan, an, i

        var text: StaticString {
            switch self {
            case .kan: "kan"
            case .an: "an"
            case .i: "i"
            }
        }
    }

    enum PrefixFamily {
        case di, ke, se, be, te, me, pe

        /// Prefix–suffix pairs that do not occur together in Indonesian; a
        /// reading that needs one is wrong (e.g. "dimakan" is di-makan, not
        /// di-mak-an).
        func forbids(_ suffix: DerivationalSuffix) -> Bool {
            switch (self, suffix) {
            case (.be, .i), (.di, .an), (.ke, .i), (.ke, .kan), (.me, .an),
                 (.se, .i), (.se, .kan), (.te, .an):
                return true
            default:
                return false
            }
        }
    }

    /// Depth-first search over prefix readings. All readings of one prefix are
    /// looked up before any of them is stripped further, so the shallowest
    /// root wins.
    private func stripPrefixes(
        _ word: ArraySlice<UInt8>, suffix: DerivationalSuffix?, depth: Int, previous: PrefixFamily?
    ) -> [UInt8]? {
        guard depth < Self.maxPrefixes else { return nil }
        for (family, readings) in Self.prefixReadings(word) {
            // The same prefix twice in a row (di-di-) is not a word form.
            if family == previous { continue }
            // Only the outermost prefix pairs with the derivational suffix.
            if depth == 0, let suffix, family.forbids(suffix) { continue }
            let usable = readings.filter { $0.count >= Self.minRootLength }
            if let root = usable.first(where: { lexicon.contains(utf8: $0) }) {
                return root
            }
            for reading in usable {
                if let root = stripPrefixes(reading[...], suffix: suffix, depth: depth + 1, previous: family) {
                    return root
                }
            }
        }
        return nil
    }

    /// Every way the start of `word` can be read as a prefix, with the root
    /// letter the prefix may have absorbed put back (meny- → s, mem- → p or m,
    /// men- → t or n, meng- → k or nothing, and the same for pe-).
    private static func prefixReadings(_ word: ArraySlice<UInt8>) -> [(PrefixFamily, [[UInt8]])] {
        let letters = Letters(word)
        let c = letters.at
        func rest(_ count: Int, after letter: UInt8? = nil) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(word.count - count + 1)
            if let letter { out.append(letter) }
            out.append(contentsOf: word.dropFirst(count))
            return out
        }
        let isVowel = SnowballCut.isVowel
        func isConsonant(_ b: UInt8) -> Bool { b != 0 && !isVowel(b) }

        var out: [(PrefixFamily, [[UInt8]])] = []
        switch (c(0), c(1)) {
        case (.d, .i): out.append((.di, [rest(2)]))
        case (.k, .e): out.append((.ke, [rest(2)]))
        case (.s, .e): out.append((.se, [rest(2)]))

        case (.b, .e):
            if letters.hasPrefix("belajar") {
                out.append((.be, [rest(3)]))
            } else if c(2) == .r {
                // ber+vowel is ambiguous: berarti (arti) vs berumah (rumah).
                out.append((.be, isVowel(c(3)) ? [rest(3), rest(2)] : [rest(3)]))
            } else if isConsonant(c(2)) && c(3) == .e && c(4) == .r {
                out.append((.be, [rest(2)]))  // bekerja → kerja
            }

        case (.t, .e):
            if c(2) == .r {
                out.append((.te, isVowel(c(3)) ? [rest(3), rest(2)] : [rest(3)]))
            } else if isConsonant(c(2)) && c(3) == .e && c(4) == .r {
                out.append((.te, [rest(2)]))
            }

        case (.m, .e), (.p, .e):
            let family: PrefixFamily = c(0) == .m ? .me : .pe
            var readings = nasalReadings(letters, rest: rest)
            if family == .pe {
                readings += peReadings(letters, rest: rest)
            } else if [.l, .r, .w, .y].contains(c(2)) && isVowel(c(3)) {
                readings.append(rest(2))  // melihat → lihat
            }
            if !readings.isEmpty { out.append((family, readings)) }

        default:
            break
        }
        return out
    }

    /// Readings of the nasal forms shared by me- and pe- (m/n/ng/ny).
    private static func nasalReadings(
        _ letters: Letters, rest: (Int, UInt8?) -> [UInt8]
    ) -> [[UInt8]] {
        let c = letters.at
        let isVowel = SnowballCut.isVowel
        var readings: [[UInt8]] = []
        switch (c(2), c(3)) {
        case (.n, .g):
            if c(4) == .e && c(5) != 0 && !isVowel(c(5)) {
                readings.append(rest(5, nil))  // mengecat → cat (one-syllable roots)
            }
            if [.g, .h, .q, .k].contains(c(4)) {
                readings.append(rest(4, nil))  // menggambar, mengkritik
            } else if isVowel(c(4)) {
                readings += [rest(4, nil), rest(4, .k)]  // mengambil / mengirim → kirim
            }
        case (.n, .y):
            if isVowel(c(4)) {
                readings += [rest(4, .s), rest(2, nil)]  // menyapu → sapu / menyanyi → nyanyi
            }
        case (.n, _):
            if [.c, .d, .j, .s, .z].contains(c(3)) {
                readings.append(rest(3, nil))  // mencuri → curi
            } else if isVowel(c(3)) {
                readings += [rest(3, .t), rest(2, nil)]  // menulis → tulis / menanti → nanti
            }
        case (.m, _):
            if [.b, .f, .v, .p].contains(c(3)) {
                readings.append(rest(3, nil))  // membaca, mempunyai, memperbaiki → perbaiki
            } else if isVowel(c(3)) || (c(3) == .r && isVowel(c(4))) {
                readings += [rest(3, .p), rest(2, nil)]  // memakai → pakai / memasak → masak
            }
        default:
            break
        }
        return readings
    }

    /// Readings only pe- has: per-, pel-, and plain pe- before a consonant.
    private static func peReadings(
        _ letters: Letters, rest: (Int, UInt8?) -> [UInt8]
    ) -> [[UInt8]] {
        let c = letters.at
        let isVowel = SnowballCut.isVowel
        switch c(2) {
        case .r:
            // perawat → rawat, perempuan; per+consonant → per-baik
            return isVowel(c(3)) ? [rest(3, nil), rest(2, nil)] : [rest(3, nil)]
        case .l:
            // pelajar → ajar, pelari → lari
            return isVowel(c(3)) ? [rest(3, nil), rest(2, nil)] : []
        case .w, .y:
            return isVowel(c(3)) ? [rest(2, nil)] : []
        case .m, .n:
            return []  // handled as nasal forms
        case 0:
            return []
        default:
            // petani → tani, pekerja → kerja, pedagang → dagang
            return isVowel(c(2)) ? [] : [rest(2, nil)]
        }
    }

    private static func hasSuffix(_ word: ArraySlice<UInt8>, _ ending: StaticString) -> Bool {
        let count = ending.utf8CodeUnitCount
        guard word.count > count else { return false }
        let tail = word.suffix(count)
        return ending.withUTF8Buffer { tail.elementsEqual($0) }
    }

    /// Bounds-safe access to the first letters of a word (0 past the end).
    private struct Letters {
        let word: ArraySlice<UInt8>

        init(_ word: ArraySlice<UInt8>) {
            self.word = word
        }

        func at(_ offset: Int) -> UInt8 {
            offset < word.count ? word[word.startIndex + offset] : 0
        }

        func hasPrefix(_ text: StaticString) -> Bool {
            text.withUTF8Buffer { word.starts(with: $0) }
        }
    }
}
