/// Many listening rules matched against each message. Every accepted query needs something
/// present (see `ListeningQuery`), so each rule has a short list of anchors, one of which any
/// matching message must contain: a search key, a wildcard's first three letters or a
/// metadata fact. A message looks up only its own keys in the anchor index, and only the rules
/// found there are evaluated; with hundreds of rules on different topics, most are never
/// touched.
public struct ListeningRuleSet<RuleID: Sendable>: Sendable {
    public let rules: [(id: RuleID, query: ListeningQuery)]
    private let byKey: [String: [Int]]
    private let byPrefix: [String: [Int]]
    private let byFact: [String: [Int]]
    /// Rules without anchors; none come from the parser, kept for safety.
    private let unanchored: [Int]

    public init(_ rules: [(id: RuleID, query: ListeningQuery)]) {
        self.rules = rules
        var byKey: [String: [Int]] = [:], byPrefix: [String: [Int]] = [:], byFact: [String: [Int]] = [:]
        var unanchored: [Int] = []
        for (index, rule) in rules.enumerated() {
            guard let anchors = Anchor.required(by: rule.query.expression) else {
                unanchored.append(index)
                continue
            }
            for anchor in Set(anchors) {
                switch anchor {
                case .key(let key): byKey[key, default: []].append(index)
                case .prefix(let start): byPrefix[start, default: []].append(index)
                case .fact(let fact): byFact[fact, default: []].append(index)
                }
            }
        }
        self.byKey = byKey
        self.byPrefix = byPrefix
        self.byFact = byFact
        self.unanchored = unanchored
    }

    public var count: Int { rules.count }

    /// The ids of the rules the message matches, in the order the rules were given.
    public func matches(_ document: ListeningDocument) -> [RuleID] {
        var candidate = [Bool](repeating: false, count: rules.count)
        var any = false
        func mark(_ list: [Int]?) {
            guard let list else { return }
            for index in list { candidate[index] = true }
            any = true
        }
        if byKey.count < document.positions.count {
            for (key, list) in byKey where document.positions[key] != nil { mark(list) }
        } else {
            for key in document.positions.keys { mark(byKey[key]) }
        }
        if !byPrefix.isEmpty {
            for word in document.words.keys where word.count >= Anchor.prefixLength {
                mark(byPrefix[String(word.prefix(Anchor.prefixLength))])
            }
        }
        if !byFact.isEmpty {
            for fact in document.facts { mark(byFact[fact]) }
        }
        mark(unanchored.isEmpty ? nil : unanchored)
        guard any else { return [] }
        var matched: [RuleID] = []
        for index in rules.indices where candidate[index] && rules[index].query.matches(document) {
            matched.append(rules[index].id)
        }
        return matched
    }

    /// Every rule evaluated, without the index: the reference the index must agree with.
    public func matchesWithoutIndex(_ document: ListeningDocument) -> [RuleID] {
        rules.filter { $0.query.matches(document) }.map(\.id)
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
