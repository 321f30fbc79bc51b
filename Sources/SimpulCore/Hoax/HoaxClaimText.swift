/// One register entry as the matcher sees it: an id the caller chooses (the server's claim UUID,
/// a fixture id) and the phrasings it circulates in. Every variant indexes to the same claim.
public struct HoaxClaimText: Sendable, Equatable {
    public var id: String
    public var variants: [String]

    public init(id: String, variants: [String]) {
        self.id = id
        self.variants = variants
    }
}

/// How a text was found to carry a claim.
public enum HoaxMatchMethod: String, Codable, Sendable {
    /// A copy with small edits: most word pairs are the claim's (MinHash estimate of Jaccard).
    case nearCopy = "near_copy"
    /// The same content in other words: weighted overlap of stems after synonyms.
    case paraphrase
}

/// Whether a matching text passes a claim on or refutes it. An official clarification repeats
/// the claim's words, and a pemda must not flag its own debunk as a hoax.
public enum HoaxStance: String, Codable, Sendable {
    case spreads
    case refutes
}

public struct HoaxMatch: Sendable, Equatable {
    public var claimID: String
    /// 0…1: the estimated Jaccard for a near-copy, the weighted cosine for a paraphrase.
    public var score: Double
    public var method: HoaxMatchMethod
    public var stance: HoaxStance

    public init(claimID: String, score: Double, method: HoaxMatchMethod, stance: HoaxStance) {
        self.claimID = claimID
        self.score = score
        self.method = method
        self.stance = stance
    }
}

/// A tenant's thresholds. The defaults come from the labelled evaluation set
/// (Tests/SimpulCoreTests/Fixtures/hoax): recall of paraphrases at least 0.9 with at most 1% of
/// same-topic unrelated texts matched.
public struct HoaxMatchParameters: Sendable, Equatable {
    /// Least estimated Jaccard of word-pair shingles for a near-copy.
    public var nearCopyThreshold: Double
    /// Least weighted cosine of stems for a paraphrase; above 1, paraphrases are not looked for
    /// (near-copies only).
    public var paraphraseThreshold: Double
    /// Least number of shared content terms for a paraphrase: two shared rare words are chance.
    public var minimumSharedTerms: Int
    /// Also return matches of texts that refute the claim (marked `.refutes`).
    public var includeRefutations: Bool
    /// At most this many matches per text, best first.
    public var maximumMatches: Int
    /// The share of the shared weight whose polarity differs between text and claim ("akan
    /// jebol" against "tidak akan jebol") that makes a text a refutation, as a verdict word does.
    public var refutingPolarityShare: Double

    public init(nearCopyThreshold: Double = 0.5, paraphraseThreshold: Double = 0.56, minimumSharedTerms: Int = 3,
                includeRefutations: Bool = false, maximumMatches: Int = 5, refutingPolarityShare: Double = 0.2) {
        self.nearCopyThreshold = nearCopyThreshold
        self.paraphraseThreshold = paraphraseThreshold
        self.minimumSharedTerms = minimumSharedTerms
        self.includeRefutations = includeRefutations
        self.maximumMatches = maximumMatches
        self.refutingPolarityShare = refutingPolarityShare
    }
}
