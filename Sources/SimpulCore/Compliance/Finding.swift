/// What the guard found in a text: which rule of which pack, how serious, where in the original
/// text, and why it matters, citing the regulation.
public struct Finding: Codable, Equatable, Sendable {
    public var packID: String
    public var packName: String
    public var ruleID: String
    public var ruleTitle: String
    public var severity: Severity
    public var explanation: String
    /// Where the matched words stand in the original text (Unicode scalar offsets), in order.
    public var spans: [TextSpan]
    /// The matched words as normalised, e.g. "coblos … no 2": what an allow-list entry names.
    public var matched: String

    public init(packID: String, packName: String, ruleID: String, ruleTitle: String, severity: Severity,
                explanation: String, spans: [TextSpan], matched: String) {
        self.packID = packID
        self.packName = packName
        self.ruleID = ruleID
        self.ruleTitle = ruleTitle
        self.severity = severity
        self.explanation = explanation
        self.spans = spans
        self.matched = matched
    }
}

/// A reviewer's "false positive" remembered for a tenant: this rule no longer fires on these
/// matched words.
public struct AllowListEntry: Codable, Hashable, Sendable {
    public var ruleID: String
    public var matched: String
    public init(ruleID: String, matched: String) {
        self.ruleID = ruleID
        self.matched = matched
    }
}

/// Limits on the text the guard accepts, with the message each broken limit shows.
public enum TextInputProblem: Error, Equatable, Sendable {
    case empty
    case tooLong(limit: Int)

    public static let maxLength = 10_000

    /// Nil when the text can be checked.
    public static func check(_ text: String) -> TextInputProblem? {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return .empty }
        if text.unicodeScalars.count > maxLength { return .tooLong(limit: maxLength) }
        return nil
    }

    public var message: String {
        switch self {
        case .empty: "Teks belum diisi."
        case .tooLong(let limit): "Teks terlalu panjang: paling banyak \(IndonesianFormat.number(limit)) karakter."
        }
    }
}

extension String {
    /// The characters of `span` in this string; empty when the span lies outside it.
    public func excerpt(_ span: TextSpan) -> String {
        let scalars = unicodeScalars
        guard span.start >= 0, span.end <= scalars.count, span.start < span.end else { return "" }
        let start = scalars.index(scalars.startIndex, offsetBy: span.start)
        let end = scalars.index(start, offsetBy: span.length)
        return String(scalars[start..<end])
    }
}
