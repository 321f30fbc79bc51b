/// One piece of a query as typed, with the 1-based column where it starts.
struct QueryToken: Equatable {
    enum Kind: Equatable {
        /// A bare word as written (it may end in `*`).
        case word(String)
        /// The text between quotation marks; `column` is the opening mark's.
        case phrase(String)
        /// `name:value`; `valueColumn` is where the value (or its opening mark) starts.
        case field(ListeningField, value: String, quoted: Bool, valueColumn: Int)
        case open
        case close
        case and
        case or
        case not
        case proximity(distance: Int, order: ProximityOrder, written: String)
    }

    let kind: Kind
    let column: Int

    /// Whether a term, a group or NOT can begin here.
    var startsOperand: Bool {
        switch kind {
        case .word, .phrase, .field, .open, .not: true
        case .close, .and, .or, .proximity: false
        }
    }

    /// The operator as written, for messages.
    var operatorName: String {
        switch kind {
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        case .proximity(_, _, let written): written
        default: ""
        }
    }
}

/// Cuts a query into words, phrases, fields, brackets and operators. Operators are recognised
/// only in capitals (AND, OR, NOT, NEAR/n, ONEAR/n); the same words in any other case are refused
/// with a hint, because "banjir or genangan" almost always means OR and silently searching for
/// the word "or" would hide the mistake. To search for such a word, quote it: "and".
enum QueryLexer {
    static let quoteMarks: Set<Character> = ["\"", "“", "”"]
    static let maxDistance = 50

    static func tokens(_ query: String) throws(ListeningQueryError) -> [QueryToken] {
        let characters = Array(query)
        var tokens: [QueryToken] = []
        var index = 0

        /// The quoted text starting at the mark at `start`, and the index after its closing mark.
        func quoted(from start: Int) throws(ListeningQueryError) -> (String, Int) {
            var end = start + 1
            while end < characters.count, !quoteMarks.contains(characters[end]) { end += 1 }
            guard end < characters.count else { throw ListeningQueryError(.unclosedQuote, column: start + 1) }
            return (String(characters[(start + 1)..<end]), end + 1)
        }

        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character == "(" {
                tokens.append(QueryToken(kind: .open, column: column))
                index += 1
            } else if character == ")" {
                tokens.append(QueryToken(kind: .close, column: column))
                index += 1
            } else if quoteMarks.contains(character) {
                let (text, next) = try quoted(from: index)
                tokens.append(QueryToken(kind: .phrase(text), column: column))
                index = next
            } else {
                var end = index
                while end < characters.count, !isBoundary(characters[end]) { end += 1 }
                let word = String(characters[index..<end])
                index = end
                if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
                   word[..<colon].allSatisfy({ $0.isASCII && $0.isLetter }) {
                    let name = String(word[..<colon])
                    guard let field = ListeningField(rawValue: name.lowercased()) else {
                        throw ListeningQueryError(.unknownField(name), column: column)
                    }
                    var value = String(word[word.index(after: colon)...])
                    var isQuoted = false
                    let valueColumn = column + name.count + 1
                    if value.isEmpty, index < characters.count, quoteMarks.contains(characters[index]) {
                        let (text, next) = try quoted(from: index)
                        value = text
                        isQuoted = true
                        index = next
                    }
                    tokens.append(QueryToken(kind: .field(field, value: value, quoted: isQuoted, valueColumn: valueColumn), column: column))
                } else {
                    tokens.append(QueryToken(kind: try classify(word, column: column), column: column))
                }
            }
        }
        return tokens
    }

    static func isBoundary(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || quoteMarks.contains(character)
    }

    /// An operator, or a plain word.
    static func classify(_ word: String, column: Int) throws(ListeningQueryError) -> QueryToken.Kind {
        switch word {
        case "AND": return .and
        case "OR": return .or
        case "NOT": return .not
        default: break
        }
        let upper = word.uppercased()
        if ["AND", "OR", "NOT"].contains(upper) { throw ListeningQueryError(.lowercaseOperator(word), column: column) }
        for order in [ProximityOrder.ordered, .any] where upper == order.keyword || upper.hasPrefix(order.keyword + "/") {
            guard word.hasPrefix(order.keyword) else { throw ListeningQueryError(.lowercaseOperator(word), column: column) }
            let digits = word.dropFirst(order.keyword.count + 1)
            guard word.count > order.keyword.count, !digits.isEmpty, digits.count <= 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let distance = Int(digits), (1...maxDistance).contains(distance) else {
                throw ListeningQueryError(.proximityDistance(order), column: column)
            }
            return .proximity(distance: distance, order: order, written: word)
        }
        return .word(word)
    }
}
