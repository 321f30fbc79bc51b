import Foundation

/// The word lists the normaliser leans on: a known-word list (to tell a repaired spelling from
/// noise and to split hashtags), the slang and abbreviation dictionary, and the jargon list for
/// the plain-language score. The shipped lists live in `Resources/text`; see SOURCES.md there.
public struct TextLexicon: Sendable {
    public private(set) var knownWords: Set<String>
    /// Slang or abbreviation → its standard words ("otw" → ["dalam", "perjalanan"]).
    public private(set) var slang: [String: [String]]
    /// Jargon phrase (as words) → a plainer alternative.
    public private(set) var jargon: [[String]: String]

    public init(knownWords: Set<String> = [], slang: [String: [String]] = [:], jargon: [[String]: String] = [:]) {
        self.knownWords = knownWords
        self.slang = slang
        self.jargon = jargon
    }

    /// The lists shipped with Simpul, read once per process.
    public static let standard: TextLexicon = {
        var lexicon = TextLexicon()
        if let words = resource("words-id", "txt") {
            lexicon.knownWords = Set(words.split(whereSeparator: \.isNewline).map(String.init))
        }
        if let text = resource("slang-id", "tsv") {
            lexicon.slang = parsePairs(text).reduce(into: [:]) { map, pair in
                map[pair.0] = pair.1.split(separator: " ").map(String.init)
            }
        }
        if let text = resource("jargon-id", "tsv") {
            lexicon.jargon = parsePairs(text).reduce(into: [:]) { map, pair in
                map[pair.0.split(separator: " ").map(String.init)] = pair.1
            }
        }
        // The standard side of the slang list is real Indonesian by construction.
        for words in lexicon.slang.values { lexicon.knownWords.formUnion(words) }
        return lexicon
    }()

    /// Adds words that count as known, e.g. the terms of the active rule packs, so that "k0munis"
    /// is repaired even when the general list lacks the word.
    public func adding(knownWords extra: some Sequence<String>) -> TextLexicon {
        var copy = self
        copy.knownWords.formUnion(extra)
        return copy
    }

    /// `key<TAB>value` lines; `#` starts a comment line. Keys are lower-cased.
    static func parsePairs(_ text: String) -> [(String, String)] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            let key = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
            let value = parts[1].trimmingCharacters(in: .whitespaces).lowercased()
            return key.isEmpty || value.isEmpty ? nil : (key, value)
        }
    }

    private static func resource(_ name: String, _ ext: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/text")
            ?? Bundle.module.url(forResource: name, withExtension: ext) else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
