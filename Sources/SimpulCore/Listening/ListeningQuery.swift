/// A listening rule's query ("Pemantauan"), parsed, checked and compiled once, matched against
/// many messages.
///
/// Syntax (operators in capitals; "and", "or", "not", "near/3" in any other case are refused
/// with a hint, and a quoted "and" searches for the word):
///   banjir                 a word, normalised and stemmed like the inbox ("pelayanan" = "layanan",
///                          "gak" = "tidak"); a word the normaliser expands ("otw") is a phrase
///   "banjir bandang"       a phrase: the words next to each other, in order
///   lapor*                 any stem or normalised word starting with "lapor" (3+ letters before *)
///   #banjir  @dinkes       a hashtag or mention exactly; the bare word also finds them
///   a AND b, a b           both (side by side means AND)
///   a OR b                 either
///   NOT a                  not present (a query, or an OR branch, must need something present)
///   a NEAR/3 b             at most 3 other words between them, either order (1–50)
///   a ONEAR/3 b            the same, a first
///   ( … )                  grouping, at most 10 deep (NOT counts as a level)
///   platform:x  account:dinkes_tirtamaya  unit:DINKES  kind:comment  author:"Budi Santoso"
///                          message facts; values may be quoted, compared without case
/// Precedence, tightest first: NOT, NEAR/ONEAR, AND, OR. NEAR/ONEAR take terms, phrases,
/// wildcards or bracketed OR groups of them on each side, and do not chain.
public struct ListeningQuery: Sendable {
    public static let maxLength = 2_000
    public static let maxDepth = QueryParser.maxDepth

    /// The query as the person wrote it.
    public let source: String
    public let expression: ListeningExpression

    public init(_ source: String, analyzer: TextAnalyzer) throws(ListeningQueryError) {
        guard source.count <= Self.maxLength else { throw ListeningQueryError(.tooLong(maximum: Self.maxLength), column: Self.maxLength + 1) }
        let syntax = try QueryParser.parse(try QueryLexer.tokens(source))
        if !syntax.requiresPresence { throw ListeningQueryError(.onlyNegation, column: syntax.negationCulprit.column) }
        self.source = source
        self.expression = try QueryCompiler(analyzer: analyzer).compile(syntax)
    }

    public func matches(_ document: ListeningDocument) -> Bool {
        QueryEvaluator.matches(expression, document)
    }
}

/// Turns the written query into search keys with the message analyser.
struct QueryCompiler {
    let analyzer: TextAnalyzer

    func compile(_ syntax: QuerySyntax) throws(ListeningQueryError) -> ListeningExpression {
        switch syntax {
        case .word(let text, let column):
            return try word(text, column: column)
        case .phrase(let text, let column):
            if let star = text.firstIndex(of: "*") {
                throw ListeningQueryError(.wildcardInPhrase, column: column + 1 + text.distance(from: text.startIndex, to: star))
            }
            if text.allSatisfy(\.isWhitespace) { throw ListeningQueryError(.emptyPhrase, column: column) }
            return try keys(text, column: column)
        case .field(let field, let value, let quoted, let column, let valueColumn):
            return try self.field(field, value: value, quoted: quoted, column: column, valueColumn: valueColumn)
        case .all(let children):
            var compiled: [ListeningExpression] = []
            for child in children { compiled.append(try compile(child)) }
            return .all(compiled)
        case .any(let children):
            var compiled: [ListeningExpression] = []
            for child in children { compiled.append(try compile(child)) }
            return .any(compiled)
        case .not(let inner, _):
            return .not(try compile(inner))
        case .near(let left, let right, let distance, let order, let written, let column):
            let a = try compile(left), b = try compile(right)
            guard a.isPositional, b.isPositional else { throw ListeningQueryError(.proximityOperand(written), column: column) }
            return .near(a, b, distance: distance, order: order)
        }
    }

    private func word(_ text: String, column: Int) throws(ListeningQueryError) -> ListeningExpression {
        guard let star = text.firstIndex(of: "*") else { return try keys(text, column: column) }
        let starColumn = column + text.distance(from: text.startIndex, to: star)
        guard text.index(after: star) == text.endIndex else {
            throw ListeningQueryError(.wildcardNotAtEnd, column: starColumn)
        }
        var prefix = TextAnalyzer.fold(String(text[..<star]))
        prefix.removeAll { $0 == "'" || $0 == "’" }
        guard prefix.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw ListeningQueryError(.wildcardNotAtEnd, column: starColumn)
        }
        guard prefix.filter(\.isLetter).count >= 3 else { throw ListeningQueryError(.wildcardTooShort, column: starColumn) }
        return .prefix(prefix)
    }

    /// A word or phrase: one key is a term, several a phrase.
    private func keys(_ text: String, column: Int) throws(ListeningQueryError) -> ListeningExpression {
        let words = ListeningKeys.queryWords(analyzer.analyze(text))
        switch words.count {
        case 0: throw ListeningQueryError(.nothingSearchable(text), column: column)
        case 1: return .term(words[0].key)
        default: return .phrase(words)
        }
    }

    private func field(_ field: ListeningField, value: String, quoted: Bool, column: Int, valueColumn: Int) throws(ListeningQueryError) -> ListeningExpression {
        let normalized = ListeningMetadata.normalizedValue(value)
        guard !normalized.isEmpty else { throw ListeningQueryError(.missingFieldValue(field), column: column) }
        if !quoted, let star = value.firstIndex(of: "*") {
            throw ListeningQueryError(.wildcardInField, column: valueColumn + value.distance(from: value.startIndex, to: star))
        }
        if field == .platform {
            guard let platform = Self.platform(normalized) else { throw ListeningQueryError(.unknownPlatform(value), column: valueColumn) }
            return .field(.platform, ListeningMetadata.factKey(.platform, platform.rawValue))
        }
        return .field(field, ListeningMetadata.factKey(field, normalized))
    }

    /// The platform's own name, its display name, or the name people still use for X.
    static func platform(_ value: String) -> Platform? {
        if let platform = Platform(rawValue: value) { return platform }
        if value == "twitter" { return .x }
        return Platform.allCases.first { TextAnalyzer.fold($0.displayName) == value }
    }
}

/// Matching a compiled expression against an analysed message: dictionary and position
/// look-ups only.
enum QueryEvaluator {
    static func matches(_ expression: ListeningExpression, _ document: ListeningDocument) -> Bool {
        switch expression {
        case .term(let key): return document.positions[key] != nil
        case .phrase(let words): return !phraseStarts(words, document, limit: 1).isEmpty
        case .prefix(let prefix): return document.hasWord(withPrefix: prefix)
        case .field(_, let key): return document.facts.contains(key)
        case .all(let children): return children.allSatisfy { matches($0, document) }
        case .any(let children): return children.contains { matches($0, document) }
        case .not(let inner): return !matches(inner, document)
        case .near(let left, let right, let distance, let order):
            let a = spans(left, document)
            guard !a.isEmpty else { return false }
            let b = spans(right, document)
            return near(a, b, distance: distance, order: order)
        }
    }

    /// A match's first and last word positions.
    struct Span: Equatable {
        let first: Int32
        let last: Int32
    }

    /// Where a positional expression occurs.
    static func spans(_ expression: ListeningExpression, _ document: ListeningDocument) -> [Span] {
        switch expression {
        case .term(let key): return (document.positions[key] ?? []).map { Span(first: $0, last: $0) }
        case .phrase(let words):
            let width = Int32(words.last?.offset ?? 0)
            return phraseStarts(words, document, limit: .max).map { Span(first: $0, last: $0 + width) }
        case .prefix(let prefix): return document.positions(withPrefix: prefix).map { Span(first: $0, last: $0) }
        case .any(let children): return children.flatMap { spans($0, document) }
        case .field, .all, .not, .near: return []
        }
    }

    /// The positions where every word of the phrase stands at its offset, up to `limit` of them.
    static func phraseStarts(_ words: [PhraseWord], _ document: ListeningDocument, limit: Int) -> [Int32] {
        guard let first = words.first, let starts = document.positions[first.key] else { return [] }
        var rest: [(places: [Int32], offset: Int32)] = []
        rest.reserveCapacity(words.count - 1)
        for word in words.dropFirst() {
            guard let places = document.positions[word.key] else { return [] }
            rest.append((places, Int32(word.offset)))
        }
        var found: [Int32] = []
        for start in starts where rest.allSatisfy({ $0.places.contains(start + $0.offset) }) {
            found.append(start)
            if found.count >= limit { break }
        }
        return found
    }

    /// At most `distance` other words between two non-overlapping occurrences; with `.ordered`,
    /// the left side's occurrence first.
    static func near(_ a: [Span], _ b: [Span], distance: Int, order: ProximityOrder) -> Bool {
        let limit = Int32(distance) + 1
        for x in a {
            for y in b {
                if y.first > x.last, y.first - x.last <= limit { return true }
                if order == .any, x.first > y.last, x.first - y.last <= limit { return true }
            }
        }
        return false
    }
}
