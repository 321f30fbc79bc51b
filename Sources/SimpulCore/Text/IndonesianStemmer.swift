/// Indonesian stemmer.
///
/// Default mode reproduces the Snowball "indonesian" stemmer, which implements
/// Tala (2003), "A Study of Stemming Effects on Information Retrieval in Bahasa
/// Indonesia": a Porter-style, dictionary-free affix stripper. Its output must
/// match the Snowball reference byte for byte, because stems are stored and
/// compared across runs and against data produced by other tools; the test
/// fixture checks this on 120,000 dictionary word forms.
///
/// Dictionary mode (`init(rootWords:)`) first tries Enhanced Confix Stripping
/// against an operator-supplied root list and falls back to the Snowball stem
/// when no candidate is a known root (see `ConfixStripper`).
///
/// Input is expected to be one lowercased word. Words containing anything
/// other than the ASCII letters a–z come back unchanged: the algorithm is only
/// defined for those letters, and the tokenizer already folds case.
public struct IndonesianStemmer: Sendable {
    private let confix: ConfixStripper?

    /// Snowball/Tala mode.
    public init() {
        confix = nil
    }

    /// Dictionary mode: Enhanced Confix Stripping against `rootWords`, with the
    /// Snowball stem as the fallback.
    public init(rootWords: RootLexicon) {
        confix = ConfixStripper(lexicon: rootWords)
    }

    public func stem(_ word: String) -> String {
        if let confix {
            return confix.stem(word) ?? snowballStem(word)
        }
        return snowballStem(word)
    }

    public func stem(utf8 word: [UInt8]) -> [UInt8] {
        if let confix, let root = confix.stem(utf8: word) {
            return root
        }
        return word.withUnsafeBufferPointer { buffer in
            let cut = SnowballCut(buffer)
            if cut.isIdentity(count: buffer.count) { return word }
            return [UInt8](unsafeUninitializedCapacity: cut.length) { out, initialized in
                initialized = cut.write(from: buffer, to: out)
            }
        }
    }

    /// Allocation-free path for tight loops: replaces the contents of `output`
    /// with the stem of `word`, reusing `output`'s storage.
    public func stem(utf8 word: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        if let confix, let root = confix.stem(utf8: Array(word)) {
            output.removeAll(keepingCapacity: true)
            output.append(contentsOf: root)
            return
        }
        let cut = SnowballCut(word)
        output.replaceSubrange(
            output.startIndex..<output.endIndex,
            with: UnsafeBufferPointer(rebasing: word[cut.lo..<cut.hi])
        )
        if cut.head != 0 { output[0] = cut.head }
    }

    /// The Snowball stem only, whatever the mode.
    public func snowballStem(_ word: String) -> String {
        let result: String?? = word.utf8.withContiguousStorageIfAvailable { buffer in
            Self.stemString(buffer)
        }
        switch result {
        case .some(.some(let stem)): return stem
        case .some(.none): return word
        case .none:
            // Bridged, non-contiguous strings (rare): copy once.
            let bytes = Array(word.utf8)
            return bytes.withUnsafeBufferPointer { Self.stemString($0) } ?? word
        }
    }

    /// Returns nil when the stem equals the input, so the caller can hand the
    /// original string back without building a new one.
    private static func stemString(_ buffer: UnsafeBufferPointer<UInt8>) -> String? {
        let cut = SnowballCut(buffer)
        if cut.isIdentity(count: buffer.count) { return nil }
        return String(unsafeUninitializedCapacity: cut.length) { out in
            cut.write(from: buffer, to: out)
        }
    }
}

/// The Snowball result expressed as a view of the input: every step of the
/// algorithm either drops letters from one end or replaces a leading prefix
/// by a single letter (meny→s, peny→s, mem→p, pem→p). So the stem is always
/// `input[lo..<hi]` with the first byte optionally swapped for `head`, and the
/// hot path never copies or allocates.
struct SnowballCut {
    private(set) var lo: Int
    private(set) var hi: Int
    /// Replacement for the byte at `lo`; 0 when there is none.
    private(set) var head: UInt8 = 0

    var length: Int { hi - lo }

    func isIdentity(count: Int) -> Bool {
        lo == 0 && hi == count && head == 0
    }

    /// Copies the stem to `out` (which has room for `length` bytes) and
    /// returns the number of bytes written.
    @discardableResult
    func write(from word: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard length > 0, let base = word.baseAddress, let target = out.baseAddress else { return 0 }
        target.initialize(from: base + lo, count: length)
        if head != 0 { target[0] = head }
        return length
    }

    /// Bit k set when the letter 'a'+k is a vowel (a, e, i, o, u); the
    /// algorithm treats every other letter, including y, as a consonant.
    private static var vowelMask: UInt32 { 0x104111 }

    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool {
        let offset = c &- 0x61
        return offset < 26 && (vowelMask >> UInt32(offset)) & 1 != 0
    }

    /// Runs the whole algorithm on `word`.
    init(_ word: UnsafeBufferPointer<UInt8>) {
        lo = 0
        hi = word.count
        guard let base = word.baseAddress else { return }

        // "Measure" in Tala's paper is the number of vowels. It is counted once
        // and then decremented per removed affix (each affix has exactly one
        // vowel), exactly as the reference does, rather than recounted.
        var measure = 0
        for c in word {
            let offset = c &- 0x61
            if offset >= 26 { return }  // not a–z: leave the word alone
            measure &+= Int((Self.vowelMask >> UInt32(offset)) & 1)
        }
        guard measure > 2 else { return }

        var state = State(base: base, lo: 0, hi: word.count, measure: measure)
        state.run()
        lo = state.lo
        hi = state.hi
        head = state.head
    }

    /// Mutable working state; kept separate so `SnowballCut` stays a plain value.
    private struct State {
        let base: UnsafePointer<UInt8>
        var lo: Int
        var hi: Int
        var measure: Int
        var head: UInt8 = 0
        /// Which prefix family was removed, as the suffix rules depend on it:
        /// 0 none, 1 di/meng/ter, 2 per, 3 ke/peng, 4 ber.
        var prefix = 0

        init(base: UnsafePointer<UInt8>, lo: Int, hi: Int, measure: Int) {
            self.base = base
            self.lo = lo
            self.hi = hi
            self.measure = measure
        }

        /// Byte `offset` letters into the current stem, or 0 past its end.
        /// Returning 0 lets the rules compare without separate length checks,
        /// as 0 never equals a letter and is not a vowel.
        @inline(__always)
        func front(_ offset: Int) -> UInt8 {
            let index = lo + offset
            if index >= hi { return 0 }
            if offset == 0 && head != 0 { return head }
            return base[index]
        }

        /// Byte `offset` letters before the end of the current stem (1 = last),
        /// or 0 before its start.
        @inline(__always)
        func back(_ offset: Int) -> UInt8 {
            let index = hi - offset
            if index < lo { return 0 }
            if index == lo && head != 0 { return head }
            return base[index]
        }

        mutating func run() {
            // Inflectional particle, then possessive pronoun; each step only
            // runs while the word still has more than two vowels.
            if removeParticle() { measure -= 1 }
            guard measure > 2 else { return }
            if removePossessive() { measure -= 1 }
            guard measure > 2 else { return }

            if removeFirstOrderPrefix() {
                measure -= 1
                // After a first-order prefix the suffix goes next, and a
                // second-order prefix is only tried when a suffix came off
                // (e.g. mem-per-baik-i).
                guard measure > 2, removeSuffix() else { return }
                measure -= 1
                guard measure > 2 else { return }
                if removeSecondOrderPrefix() { measure -= 1 }
            } else {
                if removeSecondOrderPrefix() { measure -= 1 }
                guard measure > 2 else { return }
                if removeSuffix() { measure -= 1 }
            }
        }

        /// -kah, -lah, -pun.
        mutating func removeParticle() -> Bool {
            let c3 = back(3), c2 = back(2), c1 = back(1)
            let isKahLah = c2 == .a && c1 == .h && (c3 == .k || c3 == .l)
            let isPun = c3 == .p && c2 == .u && c1 == .n
            guard isKahLah || isPun else { return false }
            hi -= 3
            return true
        }

        /// -ku, -mu, -nya.
        mutating func removePossessive() -> Bool {
            if back(3) == .n && back(2) == .y && back(1) == .a {
                hi -= 3
                return true
            }
            if back(1) == .u && (back(2) == .k || back(2) == .m) {
                hi -= 2
                return true
            }
            return false
        }

        /// -kan, -an, -i, constrained by the prefix already removed. The
        /// longest ending is tried first and, when its condition fails, the
        /// next shorter one (so "-kan" can still lose "-an").
        mutating func removeSuffix() -> Bool {
            if back(1) == .n && back(2) == .a {
                if back(3) == .k && prefix != 2 && prefix != 3 {
                    hi -= 3
                    return true
                }
                if prefix != 1 {
                    hi -= 2
                    return true
                }
                return false
            }
            // -i is kept after ke/peng/ber, and after "s": words ending -si
            // are mostly loanwords (televisi, organisasi).
            if back(1) == .i && prefix <= 2 && back(2) != .s {
                hi -= 1
                return true
            }
            return false
        }

        mutating func drop(_ count: Int) {
            lo += count
            head = 0
        }

        /// Replaces the first `count` letters by one letter.
        mutating func replace(_ count: Int, with letter: UInt8) {
            lo += count - 1
            head = letter
        }

        /// di-, ke-, ter-, meng- and peng- with their nasal variants.
        /// meny-/peny- before a vowel stand for an elided s (menyapu → sapu)
        /// and mem-/pem- before a vowel for an elided p (memakai → pakai);
        /// other nasal forms are just dropped.
        mutating func removeFirstOrderPrefix() -> Bool {
            let c0 = front(0), c1 = front(1)
            if c0 == .m && c1 == .e {
                prefix = 1
                nasal()
                return true
            }
            if c0 == .p && c1 == .e {
                let c2 = front(2)
                guard c2 == .n || c2 == .m else { return false }
                prefix = 3
                nasal()
                return true
            }
            if c0 == .d && c1 == .i {
                prefix = 1
                drop(2)
                return true
            }
            if c0 == .t && c1 == .e && front(2) == .r {
                prefix = 1
                drop(3)
                return true
            }
            if c0 == .k && c1 == .e {
                prefix = 3
                drop(2)
                return true
            }
            return false
        }

        /// The nasal part shared by me- and pe- (the caller has matched the
        /// first two letters). For pe- only the -n/-m forms reach here, since
        /// plain pe- is a second-order prefix.
        mutating func nasal() {
            let c2 = front(2), c3 = front(3)
            if c2 == .n {
                if c3 == .g {
                    drop(4)
                } else if c3 == .y && SnowballCut.isVowel(front(4)) {
                    replace(4, with: .s)
                } else {
                    drop(3)
                }
            } else if c2 == .m {
                if SnowballCut.isVowel(c3) {
                    replace(3, with: .p)
                } else {
                    drop(3)
                }
            } else {
                drop(2)
            }
        }

        /// per-, pe-, ber-, be- (before consonant + "er"), and the irregular
        /// pelajar/belajar, whose root is "ajar".
        mutating func removeSecondOrderPrefix() -> Bool {
            // After meny-/peny-/mem-/pem- was recoded to one letter, the
            // reference matches the next prefix from just past that letter,
            // where a vowel always follows, so nothing matches: "memecahkan"
            // keeps its recoded "pe" and stems to "pecah", not "cah".
            if head != 0 { return false }
            let c0 = front(0), c1 = front(1)
            guard c1 == .e, c0 == .p || c0 == .b else { return false }
            let c2 = front(2)
            if c2 == .l && front(3) == .a && front(4) == .j && front(5) == .a && front(6) == .r {
                drop(3)
                if c0 == .b { prefix = 4 }
                return true
            }
            if c0 == .p {
                prefix = 2
                drop(c2 == .r ? 3 : 2)
                return true
            }
            if c2 == .r {
                prefix = 4
                drop(3)
                return true
            }
            if c2 != 0 && !SnowballCut.isVowel(c2) && front(3) == .e && front(4) == .r {
                prefix = 4
                drop(2)
                return true
            }
            return false
        }
    }
}
