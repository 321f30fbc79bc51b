/// A message fact a query can name with `field:value`. The server fills them in
/// `ListeningMetadata`; values are compared folded (case and diacritics ignored) and without a
/// leading "@".
public enum ListeningField: String, CaseIterable, Sendable {
    case platform
    case account
    case unit
    case kind
    case author
}

/// NEAR/n finds both sides in either order, ONEAR/n only the left one first.
public enum ProximityOrder: Sendable, Equatable {
    case any
    case ordered

    public var keyword: String {
        switch self {
        case .any: "NEAR"
        case .ordered: "ONEAR"
        }
    }
}

/// One word of a phrase: its search key and how many words after the phrase's first it stands.
/// Usually 0, 1, 2…; a hashtag split into words takes as many places as its words.
public struct PhraseWord: Sendable, Equatable {
    public let key: String
    public let offset: Int
}

/// A compiled listening query: every term already normalised and stemmed into the keys that
/// `ListeningDocument` holds, so matching is only set and position look-ups.
public indirect enum ListeningExpression: Sendable, Equatable {
    /// One search key: a stem, a number, "#tag" or "@handle".
    case term(String)
    case phrase([PhraseWord])
    /// Any stem or normalised word that starts with this (folded) prefix.
    case prefix(String)
    /// A metadata fact, as `ListeningMetadata.factKey` spells it.
    case field(ListeningField, String)
    case all([ListeningExpression])
    case any([ListeningExpression])
    case not(ListeningExpression)
    /// Both sides with at most `distance` other words between them.
    case near(ListeningExpression, ListeningExpression, distance: Int, order: ProximityOrder)

    /// Whether it can stand on one side of NEAR/ONEAR: it has word positions.
    var isPositional: Bool {
        switch self {
        case .term, .phrase, .prefix: true
        case .any(let children): children.allSatisfy(\.isPositional)
        case .field, .all, .not, .near: false
        }
    }
}
