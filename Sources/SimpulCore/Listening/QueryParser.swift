/// A query as written, before its words are analysed: what the parser builds.
indirect enum QuerySyntax: Equatable {
    case word(String, column: Int)
    case phrase(String, column: Int)
    case field(ListeningField, value: String, quoted: Bool, column: Int, valueColumn: Int)
    case all([QuerySyntax])
    case any([QuerySyntax])
    case not(QuerySyntax, column: Int)
    case near(QuerySyntax, QuerySyntax, distance: Int, order: ProximityOrder, written: String, column: Int)

    /// Where this part of the query begins.
    var column: Int {
        switch self {
        case .word(_, let column), .phrase(_, let column), .field(_, _, _, let column, _), .not(_, let column): column
        case .all(let children), .any(let children): children.first?.column ?? 1
        case .near(let left, _, _, _, _, _): left.column
        }
    }

    /// Whether a match needs something present in the message (a word or a metadata fact), not
    /// only things absent: a query that only excludes would match nearly every message.
    var requiresPresence: Bool {
        switch self {
        case .word, .phrase, .field, .near: true
        case .not: false
        case .all(let children): children.contains(where: \.requiresPresence)
        case .any(let children): children.allSatisfy(\.requiresPresence)
        }
    }

    /// For a part that needs nothing present: the piece to point at (the OR branch that only
    /// excludes, or the part itself).
    var negationCulprit: QuerySyntax {
        switch self {
        case .any(let children): children.first(where: { !$0.requiresPresence })?.negationCulprit ?? self
        default: self
        }
    }
}

/// Recursive descent over the tokens. Precedence, tightest first:
///   NOT  >  NEAR/n, ONEAR/n  >  AND (also two terms side by side)  >  OR
/// so `a OR b c` is `a OR (b AND c)`, `NOT a b` is `(NOT a) AND b`, and `a b NEAR/3 c` is
/// `a AND (b NEAR/3 c)`. Brackets and NOT may nest at most `maxDepth` deep, which also bounds
/// the recursion of everything that later walks the tree.
struct QueryParser {
    static let maxDepth = 10

    private let tokens: [QueryToken]
    private var index = 0
    private var depth = 0

    static func parse(_ tokens: [QueryToken]) throws(ListeningQueryError) -> QuerySyntax {
        var parser = QueryParser(tokens: tokens)
        guard !tokens.isEmpty else { throw ListeningQueryError(.empty, column: 1) }
        let syntax = try parser.parseOr()
        if let rest = parser.peek {
            // Everything that can start an operand is taken by the AND loop; what is left over
            // is a bracket that closes nothing.
            throw ListeningQueryError(rest.kind == .close ? .unmatchedClosingParenthesis : .missingOperand(rest.operatorName), column: rest.column)
        }
        return syntax
    }

    private init(tokens: [QueryToken]) {
        self.tokens = tokens
    }

    private var peek: QueryToken? { index < tokens.count ? tokens[index] : nil }

    private mutating func next() -> QueryToken? {
        defer { index += 1 }
        return peek
    }

    /// After an operator: the next token must begin an operand.
    private func requireOperand(after op: QueryToken) throws(ListeningQueryError) {
        guard let following = peek, following.startsOperand else {
            throw ListeningQueryError(.missingOperand(op.operatorName), column: op.column)
        }
    }

    private mutating func parseOr() throws(ListeningQueryError) -> QuerySyntax {
        var branches = [try parseAnd()]
        while let op = peek, op.kind == .or {
            index += 1
            try requireOperand(after: op)
            branches.append(try parseAnd())
        }
        return branches.count == 1 ? branches[0] : .any(branches)
    }

    private mutating func parseAnd() throws(ListeningQueryError) -> QuerySyntax {
        var parts = [try parseNear()]
        while let token = peek {
            if token.kind == .and {
                index += 1
                try requireOperand(after: token)
            } else if !token.startsOperand {
                break
            }
            parts.append(try parseNear())
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private mutating func parseNear() throws(ListeningQueryError) -> QuerySyntax {
        var left = try parseUnary()
        while let op = peek, case .proximity(let distance, let order, let written) = op.kind {
            index += 1
            try requireOperand(after: op)
            let right = try parseUnary()
            left = .near(left, right, distance: distance, order: order, written: written, column: op.column)
        }
        return left
    }

    private mutating func parseUnary() throws(ListeningQueryError) -> QuerySyntax {
        guard let token = peek else { throw ListeningQueryError(.empty, column: 1) }
        if token.kind == .not {
            index += 1
            try requireOperand(after: token)
            try enter(at: token.column)
            defer { depth -= 1 }
            return .not(try parseUnary(), column: token.column)
        }
        return try parsePrimary()
    }

    private mutating func enter(at column: Int) throws(ListeningQueryError) {
        depth += 1
        if depth > Self.maxDepth { throw ListeningQueryError(.tooDeep(maximum: Self.maxDepth), column: column) }
    }

    private mutating func parsePrimary() throws(ListeningQueryError) -> QuerySyntax {
        guard let token = next() else { throw ListeningQueryError(.empty, column: 1) }
        switch token.kind {
        case .word(let text): return .word(text, column: token.column)
        case .phrase(let text): return .phrase(text, column: token.column)
        case .field(let field, let value, let quoted, let valueColumn):
            return .field(field, value: value, quoted: quoted, column: token.column, valueColumn: valueColumn)
        case .open:
            try enter(at: token.column)
            defer { depth -= 1 }
            guard let following = peek else { throw ListeningQueryError(.unclosedParenthesis, column: token.column) }
            if following.kind == .close { throw ListeningQueryError(.emptyParentheses, column: token.column) }
            if !following.startsOperand { throw ListeningQueryError(.missingOperand(following.operatorName), column: following.column) }
            let inner = try parseOr()
            guard let close = next(), close.kind == .close else { throw ListeningQueryError(.unclosedParenthesis, column: token.column) }
            return inner
        case .close: throw ListeningQueryError(.unmatchedClosingParenthesis, column: token.column)
        case .and, .or, .not, .proximity: throw ListeningQueryError(.missingOperand(token.operatorName), column: token.column)
        }
    }
}
