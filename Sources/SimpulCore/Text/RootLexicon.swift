import Foundation

/// A set of Indonesian root words (kata dasar) for the dictionary mode of
/// `IndonesianStemmer`.
///
/// The operator supplies the list: good root lists carry licences that do not
/// allow redistribution, so none is shipped for this purpose. Entries are
/// trimmed and lowercased, so lookups must use lowercased words too (as the
/// tokenizer produces).
public struct RootLexicon: Sendable {
    private var roots: Set<String>

    public init(words: some Sequence<String>) {
        roots = []
        for word in words {
            add(word)
        }
    }

    /// Reads a UTF-8 text file with one word per line. Blank lines and lines
    /// starting with `#` are skipped, so a licence header can stay in the file.
    public init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        roots = []
        for line in text.split(whereSeparator: \.isNewline) {
            add(String(line))
        }
    }

    private mutating func add(_ raw: String) {
        let word = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if word.isEmpty || word.hasPrefix("#") { return }
        roots.insert(word)
    }

    public var count: Int { roots.count }
    public var isEmpty: Bool { roots.isEmpty }

    public func contains(_ word: String) -> Bool {
        roots.contains(word)
    }

    /// Looks up UTF-8 bytes. Candidate roots are short, and Swift keeps
    /// strings of up to 15 UTF-8 bytes inline, so this rarely allocates.
    public func contains(utf8 word: some Collection<UInt8>) -> Bool {
        roots.contains(String(decoding: word, as: UTF8.self))
    }
}
