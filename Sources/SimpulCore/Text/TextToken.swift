/// What a piece of social-media text is. Links, mentions, hashtags and emoji carry meaning of
/// their own, so they are kept as typed tokens instead of being lost as punctuation.
public enum TokenKind: String, Codable, Sendable {
    case word
    case number
    case url
    case mention
    case hashtag
    case emoji
}

/// A stretch of the original text, counted in Unicode scalars (code points) from its start.
/// Code points, not bytes or UTF-16 units, so that a span names the same characters whatever
/// language reads it, and stays valid through our own normalisation.
public struct TextSpan: Codable, Equatable, Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    public var length: Int { end - start }
}

/// One token of an analysed text: its normalised form, its stem, and where it came from.
/// A slang expansion ("otw" → "dalam perjalanan") and the words split out of a hashtag give
/// several tokens that share one span of the original.
public struct TextToken: Equatable, Sendable {
    public var kind: TokenKind
    /// Lower-case, slang expanded, repeated letters reduced, digit spellings repaired.
    public var text: String
    /// The Snowball stem of `text` for words; `text` itself for the other kinds, except numbers,
    /// whose leading zeros are dropped so that "02" and "2" meet.
    public var stem: String
    public var span: TextSpan
    /// Which sentence of the text it is in, counting from 0.
    public var sentence: Int
    /// Which clause: a negation reaches no further than its clause.
    public var clause: Int
    /// Inside quotation marks in the original text.
    public var quoted: Bool
    /// A word that was split out of a hashtag.
    public var fromHashtag: Bool

    /// Reduplications that mean something else than many of their base: "pura-pura" is pretending,
    /// not temples.
    static let lexicalised: Set<String> = [
        "pura-pura", "hati-hati", "mata-mata", "kupu-kupu", "kura-kura", "laba-laba", "undang-undang", "oleh-oleh",
        "kuda-kuda", "tiba-tiba", "jangan-jangan", "masing-masing", "kira-kira", "paling-paling", "sia-sia", "rata-rata",
    ]

    /// "cina" for the reduplicated "cina-cina"; nil for any other word.
    public var reduplicatedBase: String? {
        guard kind == .word, text.count >= 3, text.count % 2 == 1, !Self.lexicalised.contains(text) else { return nil }
        let half = text.count / 2
        let middle = text.index(text.startIndex, offsetBy: half)
        guard text[middle] == "-" else { return nil }
        let base = text[..<middle]
        return base == text[text.index(after: middle)...] ? String(base) : nil
    }

    public init(kind: TokenKind, text: String, stem: String, span: TextSpan, sentence: Int = 0, clause: Int = 0,
                quoted: Bool = false, fromHashtag: Bool = false) {
        self.kind = kind
        self.text = text
        self.stem = stem
        self.span = span
        self.sentence = sentence
        self.clause = clause
        self.quoted = quoted
        self.fromHashtag = fromHashtag
    }
}
