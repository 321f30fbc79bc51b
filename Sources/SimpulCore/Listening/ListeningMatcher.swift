/// Many listening rules matched against a stream of messages, fast: what the server runs on
/// ingest. It gives the same answers as `ListeningQuery.matches` on a `ListeningDocument` of
/// each message (the tests hold it to that), by doing less per message:
///
/// - Analysis per distinct word, not per message. The text is only cut at ASCII spaces, tabs and
///   line breaks, which no token of the tokenizer ever spans; each piece ("jalan", "rusak!!",
///   "#InfoPublik") is analysed once by the message analyser (normalised, stemmed, split) and
///   remembered with the search keys it gives, as numbers. Keys no rule uses are not remembered,
///   and a piece's wildcard matches are worked out once too.
/// - An anchor index. Every accepted query needs something present, so each rule has a short
///   list of keys of which a matching message holds at least one; only rules whose anchor the
///   message holds are evaluated.
/// - No hashing while evaluating: a message's keys are marked in arrays indexed by key number.
///
/// Not thread-safe (it keeps its word memory and scratch space): give each worker its own.
public final class ListeningMatcher<RuleID> {
    public let rules: [(id: RuleID, query: ListeningQuery)]
    private let analyzer: TextAnalyzer

    private let keyIDs: [String: Int32]
    private let factIDs: [String: Int32]
    /// Wildcard prefixes by their first `Anchor.prefixLength` characters.
    private let prefixesByStart: [String: [(prefix: String, id: Int32)]]
    private let compiled: [MatchExpression]
    /// Rule numbers anchored on each key number.
    private let rulesByAnchor: [[Int32]]
    private let unanchored: [Int32]

    /// Pieces of text seen so far: their key hits and how many positions they take.
    private var words: [String: WordEntry] = [:]
    /// Bounds the word memory; past it, it starts again (a piece is cheap to analyse again).
    public let wordMemoryLimit: Int

    // Scratch for one message.
    private var generation: UInt32 = 0
    private var keyStamp: [UInt32]
    private var keyHead: [Int32]
    private var positionValue: [Int32] = []
    private var positionNext: [Int32] = []
    private var ruleStamp: [UInt32]
    private var candidates: [Int32] = []

    /// `wordMemoryLimit` bounds how many distinct pieces of text are remembered (0: none).
    public init(rules: [(id: RuleID, query: ListeningQuery)], analyzer: TextAnalyzer, wordMemoryLimit: Int = 200_000) {
        self.rules = rules
        self.analyzer = analyzer
        self.wordMemoryLimit = max(0, wordMemoryLimit)
        var vocabulary = Vocabulary()
        var compiled: [MatchExpression] = []
        var anchorsByRule: [[Int32]?] = []
        for rule in rules {
            compiled.append(vocabulary.compile(rule.query.expression))
            anchorsByRule.append(Anchor.required(by: rule.query.expression).map { anchors in
                Set(anchors).map { anchor in
                    switch anchor {
                    case .key(let key): vocabulary.keyID(key)
                    case .prefix(let start): vocabulary.prefixStartID(start)
                    case .fact(let fact): vocabulary.factID(fact)
                    }
                }
            })
        }
        var rulesByAnchor = [[Int32]](repeating: [], count: Int(vocabulary.count))
        var unanchored: [Int32] = []
        for (index, anchors) in anchorsByRule.enumerated() {
            guard let anchors else {
                unanchored.append(Int32(index))
                continue
            }
            for id in anchors { rulesByAnchor[Int(id)].append(Int32(index)) }
        }
        self.keyIDs = vocabulary.keys
        self.factIDs = vocabulary.facts
        var prefixesByStart: [String: [(prefix: String, id: Int32)]] = [:]
        for (prefix, id) in vocabulary.prefixes {
            prefixesByStart[String(prefix.prefix(Anchor.prefixLength)), default: []].append((prefix, id))
        }
        // A word that starts like a wildcard also carries the anchor of its first letters.
        for (start, id) in vocabulary.prefixStarts {
            prefixesByStart[start, default: []].append((start, id))
        }
        self.prefixesByStart = prefixesByStart
        self.compiled = compiled
        self.rulesByAnchor = rulesByAnchor
        self.unanchored = unanchored
        keyStamp = [UInt32](repeating: 0, count: Int(vocabulary.count))
        keyHead = [Int32](repeating: -1, count: Int(vocabulary.count))
        ruleStamp = [UInt32](repeating: 0, count: rules.count)
    }

    public var count: Int { rules.count }

    /// How many distinct pieces of text are remembered now.
    public var rememberedPieces: Int { words.count }

    /// The ids of the rules the message matches, in the order the rules were given.
    public func matches(text: String, metadata: ListeningMetadata = ListeningMetadata()) -> [RuleID] {
        begin()
        var position: Int32 = 0
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        func piece(_ end: String.Index) {
            guard start < end else { return }
            let surface = String(text[start..<end])
            let entry = words[surface] ?? remember(surface)
            for hit in entry.hits { mark(hit.id, at: position + hit.offset) }
            position += entry.width
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                piece(index)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        piece(utf8.endIndex)
        metadata.forEachFactKey { fact in
            if let id = factIDs[fact] { mark(id, at: -1) }
        }
        for rule in unanchored { addCandidate(rule) }
        guard !candidates.isEmpty else { return [] }
        candidates.sort()
        var matched: [RuleID] = []
        for rule in candidates where evaluate(compiled[Int(rule)]) {
            matched.append(rules[Int(rule)].id)
        }
        return matched
    }

    // MARK: Words

    private struct WordEntry {
        var hits: [(id: Int32, offset: Int32)]
        var width: Int32
    }

    /// The key hits of one piece of text, analysed as the message analyser does.
    private func remember(_ surface: String) -> WordEntry {
        var hits: [(id: Int32, offset: Int32)] = []
        func hit(_ id: Int32, _ offset: Int) {
            let offset = Int32(truncatingIfNeeded: offset)
            if !hits.contains(where: { $0.id == id && $0.offset == offset }) { hits.append((id, offset)) }
        }
        let width = ListeningKeys.walk(analyzer.analyze(surface)) { key, offset, surfaces in
            if let id = keyIDs[key] { hit(id, offset) }
            for word in surfaces where word.count >= Anchor.prefixLength {
                for (prefix, id) in prefixesByStart[String(word.prefix(Anchor.prefixLength))] ?? [] where word.hasPrefix(prefix) {
                    hit(id, offset)
                }
            }
        }
        let entry = WordEntry(hits: hits, width: Int32(truncatingIfNeeded: width))
        guard wordMemoryLimit > 0 else { return entry }
        if words.count >= wordMemoryLimit { words.removeAll(keepingCapacity: true) }
        words[surface] = entry
        return entry
    }

    // MARK: One message's keys

    private func begin() {
        generation &+= 1
        if generation == 0 {
            // After four billion messages the stamps would repeat: start them again.
            for index in keyStamp.indices { keyStamp[index] = 0 }
            for index in ruleStamp.indices { ruleStamp[index] = 0 }
            generation = 1
        }
        positionValue.removeAll(keepingCapacity: true)
        positionNext.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
    }

    private func mark(_ id: Int32, at position: Int32) {
        let key = Int(id)
        if keyStamp[key] != generation {
            keyStamp[key] = generation
            keyHead[key] = -1
            for rule in rulesByAnchor[key] { addCandidate(rule) }
        }
        positionValue.append(position)
        positionNext.append(keyHead[key])
        keyHead[key] = Int32(positionValue.count - 1)
    }

    private func addCandidate(_ rule: Int32) {
        if ruleStamp[Int(rule)] != generation {
            ruleStamp[Int(rule)] = generation
            candidates.append(rule)
        }
    }

    private func has(_ id: Int32) -> Bool { keyStamp[Int(id)] == generation }

    private func has(_ id: Int32, at position: Int32) -> Bool {
        guard has(id) else { return false }
        var link = keyHead[Int(id)]
        while link >= 0 {
            if positionValue[Int(link)] == position { return true }
            link = positionNext[Int(link)]
        }
        return false
    }

    private func forEachPosition(_ id: Int32, _ body: (Int32) -> Void) {
        guard has(id) else { return }
        var link = keyHead[Int(id)]
        while link >= 0 {
            body(positionValue[Int(link)])
            link = positionNext[Int(link)]
        }
    }

    // MARK: Evaluation

    private func evaluate(_ expression: MatchExpression) -> Bool {
        switch expression {
        case .key(let id): return has(id)
        case .phrase(let words): return phraseStarts(words, limit: 1) > 0
        case .all(let children): return children.allSatisfy { evaluate($0) }
        case .any(let children): return children.contains { evaluate($0) }
        case .not(let inner): return !evaluate(inner)
        case .near(let left, let right, let distance, let order):
            var a: [QueryEvaluator.Span] = []
            spans(left, into: &a)
            guard !a.isEmpty else { return false }
            var b: [QueryEvaluator.Span] = []
            spans(right, into: &b)
            return QueryEvaluator.near(a, b, distance: distance, order: order)
        }
    }

    /// How many places the phrase starts at, counting up to `limit`; each start goes to `found`.
    private func phraseStarts(_ words: [(id: Int32, offset: Int32)], limit: Int, found: ((Int32) -> Void)? = nil) -> Int {
        guard let first = words.first, words.allSatisfy({ has($0.id) }) else { return 0 }
        var count = 0
        forEachPosition(first.id) { start in
            guard count < limit, words.dropFirst().allSatisfy({ has($0.id, at: start + $0.offset) }) else { return }
            count += 1
            found?(start)
        }
        return count
    }

    private func spans(_ expression: MatchExpression, into spans: inout [QueryEvaluator.Span]) {
        switch expression {
        case .key(let id): forEachPosition(id) { spans.append(QueryEvaluator.Span(first: $0, last: $0)) }
        case .phrase(let words):
            let width = words.last?.offset ?? 0
            var starts: [Int32] = []
            _ = phraseStarts(words, limit: .max) { starts.append($0) }
            spans += starts.map { QueryEvaluator.Span(first: $0, last: $0 + width) }
        case .any(let children): for child in children { self.spans(child, into: &spans) }
        case .all, .not, .near: break
        }
    }
}

/// A compiled expression over key numbers: terms, wildcards and fields are all keys.
indirect enum MatchExpression {
    case key(Int32)
    case phrase([(id: Int32, offset: Int32)])
    case all([MatchExpression])
    case any([MatchExpression])
    case not(MatchExpression)
    case near(MatchExpression, MatchExpression, distance: Int, order: ProximityOrder)
}

/// Numbers for every key, wildcard and fact the rules use.
struct Vocabulary {
    var keys: [String: Int32] = [:]
    var prefixes: [String: Int32] = [:]
    var prefixStarts: [String: Int32] = [:]
    var facts: [String: Int32] = [:]
    var count: Int32 = 0

    private mutating func next() -> Int32 {
        count += 1
        return count - 1
    }

    mutating func keyID(_ key: String) -> Int32 {
        if let id = keys[key] { return id }
        let id = next()
        keys[key] = id
        return id
    }

    mutating func prefixID(_ prefix: String) -> Int32 {
        if let id = prefixes[prefix] { return id }
        let id = next()
        prefixes[prefix] = id
        return id
    }

    mutating func prefixStartID(_ start: String) -> Int32 {
        if let id = prefixStarts[start] { return id }
        let id = next()
        prefixStarts[start] = id
        return id
    }

    mutating func factID(_ fact: String) -> Int32 {
        if let id = facts[fact] { return id }
        let id = next()
        facts[fact] = id
        return id
    }

    mutating func compile(_ expression: ListeningExpression) -> MatchExpression {
        switch expression {
        case .term(let key): return .key(keyID(key))
        case .phrase(let words): return .phrase(words.map { (keyID($0.key), Int32($0.offset)) })
        case .prefix(let prefix): return .key(prefixID(prefix))
        case .field(_, let fact): return .key(factID(fact))
        case .all(let children): return .all(children.map { compile($0) })
        case .any(let children): return .any(children.map { compile($0) })
        case .not(let inner): return .not(compile(inner))
        case .near(let left, let right, let distance, let order):
            return .near(compile(left), compile(right), distance: distance, order: order)
        }
    }
}

/// Something a message must contain for a rule to match it.
enum Anchor: Hashable {
    case key(String)
    case prefix(String)
    case fact(String)

    static let prefixLength = 3

    /// How many messages an anchor lets through, roughly: a word is rarer than the start of a
    /// word, which is rarer than a fact such as the platform.
    var cost: Int {
        switch self {
        case .key: 1
        case .prefix: 4
        case .fact: 16
        }
    }

    /// Anchors of which every matching message contains at least one; nil when a message could
    /// match without containing anything (only under NOT).
    static func required(by expression: ListeningExpression) -> [Anchor]? {
        switch expression {
        case .term(let key): return [.key(key)]
        case .phrase(let words):
            // Any one word of a phrase will do; the longest is the likeliest to be rare.
            guard let longest = words.max(by: { $0.key.count < $1.key.count }) else { return nil }
            return [.key(longest.key)]
        case .prefix(let prefix): return [.prefix(String(prefix.prefix(prefixLength)))]
        case .field(_, let fact): return [.fact(fact)]
        case .not: return nil
        case .any(let children):
            var anchors: [Anchor] = []
            for child in children {
                guard let childAnchors = required(by: child) else { return nil }
                anchors += childAnchors
            }
            return anchors
        case .all(let children):
            return cheapest(children.compactMap(required(by:)))
        case .near(let left, let right, _, _):
            return cheapest([required(by: left), required(by: right)].compactMap { $0 })
        }
    }

    private static func cheapest(_ options: [[Anchor]]) -> [Anchor]? {
        options.min { $0.reduce(0) { $0 + $1.cost } < $1.reduce(0) { $0 + $1.cost } }
    }
}
