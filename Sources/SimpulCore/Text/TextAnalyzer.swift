import Foundation

/// Turns social-media Indonesian into normalised, stemmed tokens that the compliance rules,
/// search and the plain-language score can rely on: "Mantaaap bgt pelayanannya!!!" becomes
/// mantap · banget · pelayanannya (stem layan), and "s4ra itu b0d0h" becomes sara · itu · bodoh.
/// Every token keeps its span in the original text, so findings can be shown in place.
public struct TextAnalyzer: Sendable {
    public let lexicon: TextLexicon
    public let stemmer: IndonesianStemmer

    public init(lexicon: TextLexicon = .standard, stemmer: IndonesianStemmer = IndonesianStemmer()) {
        self.lexicon = lexicon
        self.stemmer = stemmer
    }

    public func analyze(_ text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        for raw in Tokenizer.tokenize(text) {
            switch raw.kind {
            case .word:
                for (word, kind) in normalizeWord(raw.surface) {
                    tokens.append(token(kind, word, raw))
                }
            case .number:
                tokens.append(token(.number, raw.surface, raw))
            case .mention, .hashtag:
                let folded = Self.fold(raw.surface)
                tokens.append(TextToken(kind: raw.kind, text: folded, stem: folded, span: raw.span,
                                        sentence: raw.sentence, clause: raw.clause, quoted: raw.quoted))
                if raw.kind == .hashtag {
                    for (word, kind) in splitHashtag(raw.surface.dropFirst()) {
                        var part = token(kind, word, raw)
                        part.fromHashtag = true
                        tokens.append(part)
                    }
                }
            case .url:
                tokens.append(TextToken(kind: .url, text: "<url>", stem: "<url>", span: raw.span,
                                        sentence: raw.sentence, clause: raw.clause, quoted: raw.quoted))
            case .emoji:
                tokens.append(TextToken(kind: .emoji, text: raw.surface, stem: raw.surface, span: raw.span,
                                        sentence: raw.sentence, clause: raw.clause, quoted: raw.quoted))
            }
        }
        return tokens
    }

    /// The normalised text as one line of words: what `simpul text normalize` prints. Emoji and
    /// the words split out of hashtags are left out; the hashtag itself stays.
    public func normalizedLine(_ text: String) -> String {
        analyze(text).filter { $0.kind != .emoji && !$0.fromHashtag }.map(\.text).joined(separator: " ")
    }

    public func stem(_ word: String) -> String {
        stemmer.stem(word)
    }

    /// In the known-word list, the slang list, or inflected from a known root.
    public func isKnown(_ word: String) -> Bool {
        lexicon.knownWords.contains(word) || lexicon.slang[word] != nil || lexicon.knownWords.contains(stemmer.stem(word))
    }

    private func token(_ kind: TokenKind, _ text: String, _ raw: RawToken) -> TextToken {
        let stem: String
        switch kind {
        case .number: stem = Self.numberKey(text)
        case .word: stem = stemWord(text)
        default: stem = text
        }
        return TextToken(kind: kind, text: text, stem: stem, span: raw.span, sentence: raw.sentence, clause: raw.clause, quoted: raw.quoted)
    }

    /// Reduplicated words ("anak-anak") stem to their base.
    private func stemWord(_ word: String) -> String {
        if let dash = word.firstIndex(of: "-") {
            return stemmer.stem(String(word[..<dash]))
        }
        return stemmer.stem(word)
    }

    /// "02" and "2" name the same ballot number; separators in "1.500" are dropped.
    static func numberKey(_ text: String) -> String {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? (digits.isEmpty ? text : "0") : String(trimmed)
    }

    // MARK: Words

    /// One surface word → its normalised word(s), each a word or a number.
    func normalizeWord(_ surface: String) -> [(String, TokenKind)] {
        var word = Self.fold(surface)
        word.removeAll { $0 == "'" || $0 == "’" }
        if let expansion = lexicon.slang[word] { return expansion.map { ($0, .word) } }
        if word.contains("-") {
            let parts = word.split(separator: "-").map { normalizeLetters(String($0)) }
            if parts.count == 2, parts[0] == parts[1], parts[0].count == 1 {
                return [(parts[0][0] + "-" + parts[0][0], .word)]
            }
            return parts.flatMap { $0.map { ($0, TokenKind.word) } }
        }
        if word.contains(where: { $0.isASCII && $0.isNumber }) {
            return normalizeDigits(word)
        }
        return normalizeLetters(word).map { ($0, .word) }
    }

    /// Letters only: repeated letters reduced where that gives a known word, then slang expanded.
    private func normalizeLetters(_ word: String) -> [String] {
        let reduced = reduceRepeats(word)
        if let expansion = lexicon.slang[reduced] { return expansion }
        return [reduced]
    }

    /// Runs of three or more letters are cut to two when that spells a known word ("maaaaf" →
    /// "maaf", "saaaat" → "saat"), otherwise to one ("mantaaap" → "mantap"). Runs of two stay:
    /// "jamaah", "sunnah" and "pelayanannya" are spelt that way.
    func reduceRepeats(_ word: String) -> String {
        let characters = Array(word)
        guard characters.count > 2 else { return word }
        var runs: [(Character, Int)] = []
        for character in characters {
            if let last = runs.last, last.0 == character {
                runs[runs.count - 1].1 += 1
            } else {
                runs.append((character, 1))
            }
        }
        guard runs.contains(where: { $0.1 >= 3 }) else { return word }
        func build(long: Int) -> String {
            String(runs.flatMap { character, count in Array(repeating: character, count: count >= 3 ? long : count) })
        }
        // Only an exact entry counts here: the stemmer would read "tinggii" as "tinggi" + "-i".
        let kept = build(long: 2)
        return lexicon.knownWords.contains(kept) || lexicon.slang[kept] != nil ? kept : build(long: 1)
    }

    private static let leet: [Character: [Character]] = [
        "4": ["a"], "0": ["o"], "1": ["i", "l"], "3": ["e"], "5": ["s"], "7": ["t"], "8": ["b"], "9": ["g"], "6": ["g"],
    ]

    /// Letters mixed with digits: "anak2" (reduplication), "s4ra" (digits for letters), or a word
    /// glued to a number ("paslon02", "no2").
    private func normalizeDigits(_ word: String) -> [(String, TokenKind)] {
        let characters = Array(word)
        if characters.count >= 4, characters.last == "2", characters.dropLast().allSatisfy(\.isLetter) {
            let base = normalizeLetters(String(characters.dropLast()))
            if base.count == 1, isKnown(base[0]) { return [(base[0] + "-" + base[0], .word)] }
        }
        // "k4f1r2": a respelt word, then the reduplication digit. A digit before the "2" makes it a
        // number ("no12"), not a reduplication.
        if characters.count >= 5, characters.last == "2", characters[characters.count - 2].isLetter {
            for candidate in leetCandidates(Array(characters.dropLast())) {
                let base = normalizeLetters(candidate)
                if base.count == 1, isKnown(base[0]) { return [(base[0] + "-" + base[0], .word)] }
            }
        }
        if characters.contains(where: \.isLetter) {
            for candidate in leetCandidates(characters) {
                let normalized = normalizeLetters(candidate)
                if normalized.count > 1 || isKnown(normalized[0]) { return normalized.map { ($0, .word) } }
            }
        }
        // Not a respelt word: split letters from digits.
        var parts: [(String, TokenKind)] = []
        var current = ""
        var currentIsDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if currentIsDigit {
                parts.append((current, .number))
            } else {
                parts.append(contentsOf: normalizeLetters(current).map { ($0, TokenKind.word) })
            }
            current = ""
        }
        for character in characters {
            let isDigit = character.isASCII && character.isNumber
            if isDigit != currentIsDigit { flush() }
            current.append(character)
            currentIsDigit = isDigit
        }
        flush()
        return parts
    }

    /// Every reading of the digits as letters, the first choice first; at most 16.
    private func leetCandidates(_ characters: [Character]) -> [String] {
        var candidates: [[Character]] = [[]]
        for character in characters {
            if let options = Self.leet[character] {
                candidates = candidates.flatMap { prefix in options.map { prefix + [$0] } }
                if candidates.count > 16 { candidates = Array(candidates.prefix(16)) }
            } else if character.isASCII && character.isNumber {
                return []
            } else {
                candidates = candidates.map { $0 + [character] }
            }
        }
        return candidates.map { String($0) }
    }

    // MARK: Hashtags

    /// "#TirtamayaBangkit" → tirtamaya, bangkit; "#infopublik" → info, publik when both parts are
    /// known words. Parts that cannot be split into known words stay whole.
    func splitHashtag(_ body: Substring) -> [(String, TokenKind)] {
        var pieces: [String] = []
        var current = ""
        var previous: Character?
        for character in body {
            let boundary = character == "_"
                || (previous.map { $0.isLowercase } ?? false && character.isUppercase)
                || (previous.map { $0.isNumber } ?? false) != character.isNumber
            if boundary, !current.isEmpty, previous != nil {
                pieces.append(current)
                current = ""
            }
            if character != "_" { current.append(character) }
            previous = character
        }
        if !current.isEmpty { pieces.append(current) }
        var result: [(String, TokenKind)] = []
        for piece in pieces {
            let lowered = Self.fold(piece)
            if lowered.allSatisfy({ $0.isASCII && $0.isNumber }) {
                result.append((lowered, .number))
            } else if isKnown(lowered) {
                result.append(contentsOf: normalizeLetters(lowered).map { ($0, .word) })
            } else if let words = segment(lowered) {
                result.append(contentsOf: words.map { ($0, .word) })
            } else {
                result.append((lowered, .word))
            }
        }
        // A single piece that is the whole tag adds nothing the hashtag token does not say.
        return result.count == 1 && result[0].0 == Self.fold(String(body)) ? [(result[0].0, result[0].1)] : result
    }

    /// The split of `word` into the fewest known words of at least three letters, if any.
    private func segment(_ word: String) -> [String]? {
        let characters = Array(word)
        let count = characters.count
        guard count >= 6, count <= 40 else { return nil }
        var best: [[String]?] = Array(repeating: nil, count: count + 1)
        best[0] = []
        for end in 3...count {
            for start in stride(from: end - 3, through: 0, by: -1) {
                guard let prefix = best[start] else { continue }
                let piece = String(characters[start..<end])
                guard lexicon.knownWords.contains(piece) || lexicon.slang[piece] != nil else { continue }
                if best[end] == nil || best[end]!.count > prefix.count + 1 {
                    best[end] = prefix + [piece]
                }
            }
        }
        guard let words = best[count], words.count > 1 else { return nil }
        return words.flatMap { lexicon.slang[$0] ?? [$0] }
    }

    // MARK: Folding

    /// Lower case, compatibility-normalised (full-width and styled letters become plain) and
    /// without diacritics. ASCII takes a fast path because nearly all input is ASCII.
    public static func fold(_ text: String) -> String {
        var isASCII = true
        var hasUpper = false
        for byte in text.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        if isASCII {
            guard hasUpper else { return text }
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
