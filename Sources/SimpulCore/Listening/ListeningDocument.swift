/// What the server knows about a message besides its text, for `platform:`, `account:`,
/// `unit:`, `kind:` and `author:` in a query. Several values per field are allowed: pass a
/// unit's code together with the codes of the units above it, so `unit:DINKES` also finds
/// messages on its sub-units' accounts, or an account's handle together with its name.
public struct ListeningMetadata: Sendable, Equatable {
    public var platform: Platform?
    public var accounts: [String]
    public var units: [String]
    public var kind: String?
    public var authors: [String]

    public init(platform: Platform? = nil, accounts: [String] = [], units: [String] = [], kind: String? = nil, authors: [String] = []) {
        self.platform = platform
        self.accounts = accounts
        self.units = units
        self.kind = kind
        self.authors = authors
    }

    /// Every fact as the key a compiled `field` expression carries.
    var factKeys: Set<String> {
        var keys: Set<String> = []
        forEachFactKey { keys.insert($0) }
        return keys
    }

    func forEachFactKey(_ body: (String) -> Void) {
        if let platform { body(Self.factKey(.platform, platform.rawValue)) }
        if let kind { body(Self.factKey(.kind, kind)) }
        for account in accounts { body(Self.factKey(.account, account)) }
        for unit in units { body(Self.factKey(.unit, unit)) }
        for author in authors { body(Self.factKey(.author, author)) }
    }

    /// "unit\u{1F}dinkes": field and folded value in one string, so a message's facts are one
    /// set and a query's field is one look-up. Case, diacritics, a leading "@" and repeated
    /// spaces do not count.
    static func factKey(_ field: ListeningField, _ value: String) -> String {
        field.rawValue + "\u{1F}" + normalizedValue(value)
    }

    static func normalizedValue(_ value: String) -> String {
        var folded = TextAnalyzer.fold(value)
        // Splitting on Unicode whitespace is slow; ASCII without a space is the usual handle or code.
        if folded.utf8.contains(where: { $0 >= 0x80 || $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            folded = folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        if folded.hasPrefix("@") { folded.removeFirst() }
        return folded
    }
}

/// A message analysed once for every rule: where each search key stands, the normalised words
/// for wildcards, and its metadata facts. Keys are what the inbox's search text holds: the stem
/// of each word, numbers (leading zeros dropped, so "02" meets "2"), and hashtags and mentions,
/// both with their sign ("#banjir", "@dinkes", only found by a query that writes the sign) and
/// without it (found by the bare word, as in the inbox). The words split out of a hashtag stand
/// at the hashtag's own place and after it, so "#InfoPublik" is found by "info publik".
public struct ListeningDocument: Sendable, Equatable {
    /// Search key → its word positions, ascending.
    let positions: [String: [Int32]]
    /// Stems and normalised words → positions: what a wildcard's prefix is compared with.
    let words: [String: [Int32]]
    let facts: Set<String>
    /// How many word positions the text has.
    public let length: Int

    public init(text: String, metadata: ListeningMetadata = ListeningMetadata(), analyzer: TextAnalyzer) {
        self.init(tokens: analyzer.analyze(text), metadata: metadata)
    }

    public init(tokens: [TextToken], metadata: ListeningMetadata = ListeningMetadata()) {
        var positions: [String: [Int32]] = [:]
        var words: [String: [Int32]] = [:]
        positions.reserveCapacity(tokens.count * 2)
        words.reserveCapacity(tokens.count * 2)
        length = ListeningKeys.walk(tokens) { key, position, surfaces in
            let at = Int32(truncatingIfNeeded: position)
            Self.add(at, to: &positions[key, default: []])
            for surface in surfaces { Self.add(at, to: &words[surface, default: []]) }
        }
        self.positions = positions
        self.words = words
        self.facts = metadata.factKeys
    }

    /// Positions arrive in order; the same key twice at one place (a hashtag and its only
    /// word) is kept once.
    private static func add(_ position: Int32, to list: inout [Int32]) {
        if list.last != position { list.append(position) }
    }

    /// The positions of every stem or word starting with `prefix`, ascending.
    func positions(withPrefix prefix: String) -> [Int32] {
        var found: [Int32] = []
        for (word, places) in words where word.hasPrefix(prefix) { found.append(contentsOf: places) }
        if found.count > 1 { found.sort() }
        return found
    }

    func hasWord(withPrefix prefix: String) -> Bool {
        words.keys.contains { $0.hasPrefix(prefix) }
    }
}

/// The one mapping from analysed tokens to search keys and word positions, shared by messages
/// and query terms so that both sides always meet.
enum ListeningKeys {
    /// Calls `emit` for each key with its position and the words a wildcard may match there,
    /// and returns the number of positions used. Links and emoji take no place, as in the
    /// inbox's search text.
    @discardableResult
    static func walk(_ tokens: [TextToken], emit: (String, Int, [String]) -> Void) -> Int {
        var position = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .word:
                emit(token.stem, position, token.text == token.stem ? [token.stem] : [token.stem, token.text])
                position += 1
            case .number:
                emit(token.stem, position, [token.text])
                position += 1
            case .mention:
                let body = String(token.text.dropFirst())
                emit(token.text, position, [])
                emit(body, position, [body])
                position += 1
            case .hashtag:
                let body = String(token.text.dropFirst())
                emit(token.text, position, [])
                emit(body, position, [body])
                var parts = 0
                while index < tokens.count, tokens[index].fromHashtag {
                    let part = tokens[index]
                    emit(part.stem, position + parts, part.text == part.stem ? [part.stem] : [part.stem, part.text])
                    parts += 1
                    index += 1
                }
                position += max(1, parts)
            case .url, .emoji:
                continue
            }
        }
        return position
    }

    /// A query word or phrase as keys with their offsets. A hashtag or mention is its signed key
    /// only (its words are not required a second time); everything else as in a message.
    static func queryWords(_ tokens: [TextToken]) -> [PhraseWord] {
        var result: [PhraseWord] = []
        var position = 0
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .word, .number:
                result.append(PhraseWord(key: token.stem, offset: position))
                position += 1
            case .mention:
                result.append(PhraseWord(key: token.text, offset: position))
                position += 1
            case .hashtag:
                result.append(PhraseWord(key: token.text, offset: position))
                var parts = 0
                while index < tokens.count, tokens[index].fromHashtag {
                    parts += 1
                    index += 1
                }
                position += max(1, parts)
            case .url, .emoji:
                continue
            }
        }
        return result
    }
}
