/// Whether a term stands under a negator in its clause.
public enum HoaxPolarity: Sendable, Equatable {
    case affirmed
    /// After a formal negator: "tidak akan jebol".
    case negated
    /// After a colloquial one ("gak", "nggak"), which is as often part of the rumour as a denial
    /// of it: such a term counts neither way.
    case uncertain
}

/// A text reduced to what the matcher compares: its content terms in order (stems, synonyms
/// mapped to one canonical term, numbers and amounts in one spelling, stopwords and chatter
/// dropped), their polarity, and whether the text reads as a fact-check's verdict.
public struct HoaxDocument: Sendable, Equatable {
    public var terms: [String]
    /// Parallel to `terms`.
    public var polarity: [HoaxPolarity]
    /// "[HOAKS]", "tidak benar", "klarifikasi" and the like, not themselves negated ("bukan hoaks").
    public var hasRefutationCue: Bool

    public init(terms: [String], polarity: [HoaxPolarity]? = nil, hasRefutationCue: Bool = false) {
        self.terms = terms
        self.polarity = polarity ?? Array(repeating: .affirmed, count: terms.count)
        self.hasRefutationCue = hasRefutationCue
    }
}
