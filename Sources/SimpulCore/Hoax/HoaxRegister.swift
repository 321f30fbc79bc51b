import Foundation

/// A tenant's hoax register, indexed for matching incoming texts against every claim. Built once
/// from the claims (and rebuilt when they change); matching does not mutate it, so one register
/// serves every worker thread.
///
/// Two methods, each with its own index:
/// - near-copies: MinHash signatures of word-pair shingles, banded into an LSH table, so only
///   claims sharing a band are compared, by estimated Jaccard;
/// - paraphrases: an inverted index from content terms to claim variants, scored by cosine over
///   IDF weights computed from the register itself.
public struct HoaxRegister: Sendable {
    public let analyzer: TextAnalyzer
    public let extractor: HoaxTermExtractor
    public let hasher: MinHasher
    public let shingleSize: Int
    public let claimIDs: [String]

    private var lsh: LSHIndex
    private let variantClaim: [Int32]
    private let variantSignatures: [[UInt32]]
    /// Sorted term ids of each variant, and the ids among them that are negated there.
    private let variantTerms: [[Int32]]
    private let variantNegated: [Set<Int32>]
    private let variantNorm: [Double]
    private let termIDs: [String: Int32]
    private let termWeights: [Double]
    private let termHashes: [UInt64]
    private let postings: [[Int32]]
    /// Weight of a term no claim has. Not the weight of the rarest term, which grows with the
    /// register and would let the chatter around a claim drown it in a large register, but the
    /// median weight of a term in a claim: as telling as a typical claim word.
    private let unknownTermWeight: Double

    /// 20 bands of 3 rows: candidates from an estimated Jaccard of about 0.37, with a 93% chance
    /// at 0.5, the default near-copy threshold.
    public init(claims: [HoaxClaimText], analyzer: TextAnalyzer = TextAnalyzer(), vocabulary: HoaxVocabulary = .standard,
                bands: Int = 20, rows: Int = 3, shingleSize: Int = 2) {
        let extractor = HoaxTermExtractor(vocabulary: vocabulary, analyzer: analyzer)
        self.init(documents: claims.map { claim in
            (claim.id, claim.variants.map { extractor.document(analyzer.analyze($0), source: $0) })
        }, analyzer: analyzer, vocabulary: vocabulary, bands: bands, rows: rows, shingleSize: shingleSize)
    }

    /// Claims already reduced to documents (the benchmark feeds the same term streams to Simpul
    /// and to datasketch this way).
    public init(documents: [(id: String, variants: [HoaxDocument])], analyzer: TextAnalyzer = TextAnalyzer(),
                vocabulary: HoaxVocabulary = .standard, bands: Int = 20, rows: Int = 3, shingleSize: Int = 2) {
        self.analyzer = analyzer
        extractor = HoaxTermExtractor(vocabulary: vocabulary, analyzer: analyzer)
        hasher = MinHasher(count: bands * rows)
        self.shingleSize = shingleSize
        claimIDs = documents.map(\.id)

        var ids: [String: Int32] = [:]
        var claimFrequency: [Int] = []
        var variantClaim: [Int32] = []
        var variantTermLists: [[Int32]] = []
        var variantNegated: [Set<Int32>] = []
        for (claimIndex, claim) in documents.enumerated() {
            var seenInClaim = Set<Int32>()
            for variant in claim.variants {
                var termList: [Int32] = []
                var negated = Set<Int32>()
                for (position, term) in variant.terms.enumerated() {
                    let id: Int32
                    if let known = ids[term] {
                        id = known
                    } else {
                        id = Int32(ids.count)
                        ids[term] = id
                        claimFrequency.append(0)
                    }
                    termList.append(id)
                    if variant.polarity[position] == .negated { negated.insert(id) }
                    if seenInClaim.insert(id).inserted { claimFrequency[Int(id)] += 1 }
                }
                variantClaim.append(Int32(claimIndex))
                variantTermLists.append(Array(Set(termList)).sorted())
                variantNegated.append(negated)
            }
        }
        let claimCount = Double(max(1, documents.count))
        let weights = claimFrequency.map { log(1 + claimCount / Double($0)) }
        var postings = [[Int32]](repeating: [], count: ids.count)
        for (variant, terms) in variantTermLists.enumerated() {
            for term in terms { postings[Int(term)].append(Int32(variant)) }
        }
        var hashes = [UInt64](repeating: 0, count: ids.count)
        for (term, id) in ids { hashes[Int(id)] = StableHash.of(term) }

        var lsh = LSHIndex(bands: bands, rows: rows)
        var signatures: [[UInt32]] = []
        var variantIndex: Int32 = 0
        for claim in documents {
            for variant in claim.variants {
                let signature = hasher.signature(of: Shingles.hashes(ofTermHashes: variant.terms.map { term in ids[term].map { hashes[Int($0)] } ?? StableHash.of(term) },
                                                                     size: shingleSize))
                lsh.insert(signature, id: variantIndex)
                signatures.append(signature)
                variantIndex += 1
            }
        }
        self.lsh = lsh
        self.variantClaim = variantClaim
        variantSignatures = signatures
        variantTerms = variantTermLists
        self.variantNegated = variantNegated
        variantNorm = variantTermLists.map { $0.reduce(0) { $0 + weights[Int($1)] * weights[Int($1)] } }
        termIDs = ids
        termWeights = weights
        termHashes = hashes
        self.postings = postings
        let occurrenceWeights = variantTermLists.flatMap { $0.map { weights[Int($0)] } }.sorted()
        unknownTermWeight = occurrenceWeights.isEmpty ? 1 : occurrenceWeights[occurrenceWeights.count / 2]
    }

    /// The document of one text. Builds the term extractor each time: for many texts use
    /// `extractor.document(_:source:)` of a register or of one extractor.
    public static func document(_ text: String, analyzer: TextAnalyzer, vocabulary: HoaxVocabulary = .standard) -> HoaxDocument {
        HoaxTermExtractor(vocabulary: vocabulary, analyzer: analyzer).document(analyzer.analyze(text), source: text)
    }

    public var variantCount: Int { variantClaim.count }

    // MARK: Matching

    public func match(_ text: String, parameters: HoaxMatchParameters = HoaxMatchParameters()) -> [HoaxMatch] {
        match(document: extractor.document(analyzer.analyze(text), source: text), parameters: parameters)
    }

    /// For a text the caller has analysed already (the inbox worker analyses every message once);
    /// `text` is the one the tokens came from.
    public func match(tokens: [TextToken], of text: String, parameters: HoaxMatchParameters = HoaxMatchParameters()) -> [HoaxMatch] {
        match(document: extractor.document(tokens, source: text), parameters: parameters)
    }

    public func match(document: HoaxDocument, parameters: HoaxMatchParameters = HoaxMatchParameters()) -> [HoaxMatch] {
        guard !document.terms.isEmpty, !variantClaim.isEmpty else { return [] }
        var termHashList: [UInt64] = []
        termHashList.reserveCapacity(document.terms.count)
        var known: [Int32] = []
        var negatedKnown = Set<Int32>()
        var uncertainKnown = Set<Int32>()
        var unknownCount = 0
        var seenUnknown = Set<String>()
        for (position, term) in document.terms.enumerated() {
            if let id = termIDs[term] {
                termHashList.append(termHashes[Int(id)])
                known.append(id)
                switch document.polarity[position] {
                case .negated: negatedKnown.insert(id)
                case .uncertain: uncertainKnown.insert(id)
                case .affirmed: break
                }
            } else {
                termHashList.append(StableHash.of(term))
                if seenUnknown.insert(term).inserted { unknownCount += 1 }
            }
        }
        known.sort()
        known = known.enumerated().filter { $0.offset == 0 || known[$0.offset - 1] != $0.element }.map(\.element)

        var best: [Int32: (score: Double, method: HoaxMatchMethod, variant: Int32)] = [:]
        // A near-copy outranks a paraphrase of the same claim; within a method the higher score wins.
        func offer(_ variant: Int32, _ score: Double, _ method: HoaxMatchMethod) {
            let claim = variantClaim[Int(variant)]
            if let current = best[claim] {
                let better = (method == .nearCopy && current.method == .paraphrase) || (method == current.method && score > current.score)
                guard better else { return }
            }
            best[claim] = (score, method, variant)
        }

        // Near-copies.
        let signature = hasher.signature(of: Shingles.hashes(ofTermHashes: termHashList, size: shingleSize))
        for variant in lsh.candidates(signature) {
            let estimate = MinHasher.estimatedJaccard(signature, variantSignatures[Int(variant)])
            if estimate >= parameters.nearCopyThreshold { offer(variant, estimate, .nearCopy) }
        }

        if parameters.paraphraseThreshold <= 1 {
            matchParaphrases(known: known, unknownCount: unknownCount, parameters: parameters, offer: offer)
        }

        var matches: [HoaxMatch] = []
        for (claim, found) in best {
            let stance = stance(of: document, negatedKnown: negatedKnown, uncertainKnown: uncertainKnown, known: known, variant: found.variant, parameters: parameters)
            if stance == .refutes, !parameters.includeRefutations { continue }
            matches.append(HoaxMatch(claimID: claimIDs[Int(claim)], score: found.score, method: found.method, stance: stance))
        }
        matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.claimID < $1.claimID }
        return Array(matches.prefix(parameters.maximumMatches))
    }

    /// Accumulates shared weight and shared-term count per variant through the postings, in
    /// dense arrays (cheaper than hashing or sorting at thousands of postings), rarest terms
    /// first. Once the terms left weigh less than threshold² of the text, no variant met only
    /// through them can reach the threshold (its cosine is at most √(shared/text)), so the rest
    /// only update variants already met, by binary search in their term lists, and the long
    /// postings of common words are never walked.
    private func matchParaphrases(known: [Int32], unknownCount: Int, parameters: HoaxMatchParameters,
                                  offer: (Int32, Double, HoaxMatchMethod) -> Void) {
        // Ties broken by id, so that the order of additions, and so every score, is the same in every run.
        let byWeight = known.sorted { termWeights[Int($0)] != termWeights[Int($1)] ? termWeights[Int($0)] > termWeights[Int($1)] : $0 < $1 }
        var textNorm = Double(unknownCount) * unknownTermWeight * unknownTermWeight
        for term in byWeight { textNorm += termWeights[Int(term)] * termWeights[Int(term)] }
        let threshold = max(0, parameters.paraphraseThreshold)
        let admissionBound = threshold * threshold * textNorm
        var remaining = textNorm - Double(unknownCount) * unknownTermWeight * unknownTermWeight
        var dots = [Double](repeating: 0, count: variantClaim.count)
        var shared = [Int32](repeating: 0, count: variantClaim.count)
        var touched: [Int32] = []
        var next = 0
        dots.withUnsafeMutableBufferPointer { dots in
            shared.withUnsafeMutableBufferPointer { shared in
                while next < byWeight.count, remaining >= admissionBound, remaining > 0 {
                    let term = byWeight[next]
                    let square = termWeights[Int(term)] * termWeights[Int(term)]
                    for variant in postings[Int(term)] {
                        let index = Int(variant)
                        if shared[index] == 0 { touched.append(variant) }
                        dots[index] += square
                        shared[index] += 1
                    }
                    remaining -= square
                    next += 1
                }
                // Each remaining term the cheaper way: walk its postings touching only variants
                // already met, or look it up in each met variant's terms.
                let searchCost = touched.count * 5
                for term in byWeight[next...] {
                    let square = termWeights[Int(term)] * termWeights[Int(term)]
                    if postings[Int(term)].count <= searchCost {
                        for variant in postings[Int(term)] where shared[Int(variant)] > 0 {
                            dots[Int(variant)] += square
                            shared[Int(variant)] += 1
                        }
                    } else {
                        for variant in touched where variantTerms[Int(variant)].binarySearchContains(term) {
                            dots[Int(variant)] += square
                            shared[Int(variant)] += 1
                        }
                    }
                }
            }
        }
        for variant in touched where Int(shared[Int(variant)]) >= parameters.minimumSharedTerms {
            let cosine = dots[Int(variant)] / (textNorm * variantNorm[Int(variant)]).squareRoot()
            if cosine >= parameters.paraphraseThreshold { offer(variant, cosine, .paraphrase) }
        }
    }

    private func stance(of document: HoaxDocument, negatedKnown: Set<Int32>, uncertainKnown: Set<Int32>, known: [Int32], variant: Int32, parameters: HoaxMatchParameters) -> HoaxStance {
        if document.hasRefutationCue { return .refutes }
        let claimTerms = variantTerms[Int(variant)]
        let claimNegated = variantNegated[Int(variant)]
        var shared = 0.0
        var flipped = 0.0
        for term in known where claimTerms.binarySearchContains(term) {
            let weight = termWeights[Int(term)] * termWeights[Int(term)]
            shared += weight
            if !uncertainKnown.contains(term), negatedKnown.contains(term) != claimNegated.contains(term) { flipped += weight }
        }
        return shared > 0 && flipped / shared >= parameters.refutingPolarityShare ? .refutes : .spreads
    }
}

extension Array where Element == Int32 {
    func binarySearchContains(_ value: Int32) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}
