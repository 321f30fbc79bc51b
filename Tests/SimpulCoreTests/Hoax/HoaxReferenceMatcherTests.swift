import Foundation
import SimpulCore
import Testing

/// The register's matcher is built for speed (flat tables, a bitmap of candidates, an admission
/// cut on the postings, buffers reused between texts). These tests hold it to a plain reading of
/// the same rules, which scores every variant in full with sets and dictionaries.
@Suite struct HoaxReferenceMatcherTests {
    /// Near-copies and paraphrases by the definitions alone.
    struct ReferenceMatcher {
        let claimIDs: [String]
        let variantClaim: [Int]
        let variantTerms: [Set<String>]
        let variantNegated: [Set<String>]
        let variantNorm: [Double]
        let variantSignatures: [[UInt32]]
        let lsh: LSHIndex
        let weights: [String: Double]
        let unknownTermWeight: Double
        let hasher = MinHasher(count: 60)

        init(documents: [(id: String, variants: [HoaxDocument])]) {
            claimIDs = documents.map(\.id)
            var claimFrequency: [String: Int] = [:]
            for claim in documents {
                for term in Set(claim.variants.flatMap(\.terms)) { claimFrequency[term, default: 0] += 1 }
            }
            let claimCount = Double(max(1, documents.count))
            let weights = claimFrequency.mapValues { log(1 + claimCount / Double($0)) }
            self.weights = weights
            var variantClaim: [Int] = []
            var variantTerms: [Set<String>] = []
            var variantNegated: [Set<String>] = []
            var signatures: [[UInt32]] = []
            var lsh = LSHIndex(bands: 20, rows: 3)
            for (index, claim) in documents.enumerated() {
                for variant in claim.variants {
                    variantClaim.append(index)
                    variantTerms.append(Set(variant.terms))
                    variantNegated.append(Set(zip(variant.terms, variant.polarity).filter { $0.1 == .negated }.map(\.0)))
                    let signature = hasher.signature(of: Shingles.hashes(of: variant.terms))
                    lsh.insert(signature, id: Int32(signatures.count))
                    signatures.append(signature)
                }
            }
            self.variantClaim = variantClaim
            self.variantTerms = variantTerms
            self.variantNegated = variantNegated
            variantNorm = variantTerms.map { $0.reduce(0) { $0 + weights[$1]! * weights[$1]! } }
            variantSignatures = signatures
            self.lsh = lsh
            let occurrences = variantTerms.flatMap { $0.map { weights[$0]! } }.sorted()
            unknownTermWeight = occurrences.isEmpty ? 1 : occurrences[occurrences.count / 2]
        }

        func match(_ document: HoaxDocument, parameters: HoaxMatchParameters) -> [HoaxMatch] {
            guard !document.terms.isEmpty, !variantClaim.isEmpty else { return [] }
            let known = Set(document.terms.filter { weights[$0] != nil })
            let unknownCount = Set(document.terms).count - known.count
            var best: [Int: (score: Double, method: HoaxMatchMethod, variant: Int)] = [:]
            func offer(_ variant: Int, _ score: Double, _ method: HoaxMatchMethod) {
                let claim = variantClaim[variant]
                if let current = best[claim],
                   !((method == .nearCopy && current.method == .paraphrase) || (method == current.method && score > current.score)) {
                    return
                }
                best[claim] = (score, method, variant)
            }
            let signature = hasher.signature(of: Shingles.hashes(of: document.terms))
            for variant in lsh.candidates(signature) {
                let estimate = MinHasher.estimatedJaccard(signature, variantSignatures[Int(variant)])
                if estimate >= parameters.nearCopyThreshold { offer(Int(variant), estimate, .nearCopy) }
            }
            if parameters.paraphraseThreshold <= 1 {
                let textNorm = Double(unknownCount) * unknownTermWeight * unknownTermWeight + known.reduce(0) { $0 + weights[$1]! * weights[$1]! }
                for variant in variantTerms.indices {
                    let shared = known.intersection(variantTerms[variant])
                    guard shared.count >= parameters.minimumSharedTerms else { continue }
                    let dot = shared.reduce(0) { $0 + weights[$1]! * weights[$1]! }
                    let cosine = dot / (textNorm * variantNorm[variant]).squareRoot()
                    if cosine >= parameters.paraphraseThreshold { offer(variant, cosine, .paraphrase) }
                }
            }
            let negated = Set(zip(document.terms, document.polarity).filter { $0.1 == .negated }.map(\.0))
            let uncertain = Set(zip(document.terms, document.polarity).filter { $0.1 == .uncertain }.map(\.0))
            var matches: [HoaxMatch] = []
            for (claim, found) in best {
                var stance = HoaxStance.spreads
                if document.hasRefutationCue {
                    stance = .refutes
                } else {
                    var shared = 0.0, flipped = 0.0
                    for term in known.intersection(variantTerms[found.variant]) {
                        let weight = weights[term]! * weights[term]!
                        shared += weight
                        if !uncertain.contains(term), negated.contains(term) != variantNegated[found.variant].contains(term) { flipped += weight }
                    }
                    if shared > 0, flipped / shared >= parameters.refutingPolarityShare { stance = .refutes }
                }
                if stance == .refutes, !parameters.includeRefutations { continue }
                matches.append(HoaxMatch(claimID: claimIDs[claim], score: found.score, method: found.method, stance: stance))
            }
            matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.claimID < $1.claimID }
            return Array(matches.prefix(parameters.maximumMatches))
        }
    }

    static let analyzer = TextAnalyzer()

    static func parameterSets() -> [HoaxMatchParameters] {
        var loose = HoaxMatchParameters(nearCopyThreshold: 0.3, paraphraseThreshold: 0.3, minimumSharedTerms: 2, includeRefutations: true, maximumMatches: 20)
        loose.refutingPolarityShare = 0.1
        var nearOnly = HoaxMatchParameters()
        nearOnly.paraphraseThreshold = 2
        return [HoaxMatchParameters(), loose, nearOnly, HoaxMatchParameters(paraphraseThreshold: 0.8, minimumSharedTerms: 4)]
    }

    static func compare(claims: [HoaxClaimText], texts: [String]) {
        let extractor = HoaxTermExtractor(analyzer: analyzer)
        let documents = claims.map { claim in (id: claim.id, variants: claim.variants.map { extractor.document(analyzer.analyze($0), source: $0) }) }
        let register = HoaxRegister(documents: documents, analyzer: analyzer)
        let reference = ReferenceMatcher(documents: documents)
        let workspace = HoaxMatchWorkspace()
        var matched = 0
        for parameters in parameterSets() {
            for text in texts {
                let document = extractor.document(analyzer.analyze(text), source: text)
                let expected = reference.match(document, parameters: parameters)
                let reused = register.match(document: document, parameters: parameters, workspace: workspace)
                let fresh = register.match(document: document, parameters: parameters)
                #expect(reused == fresh, "\(text)")
                #expect(reused.map(\.claimID) == expected.map(\.claimID), "\(text)")
                #expect(reused.map(\.method) == expected.map(\.method), "\(text)")
                #expect(reused.map(\.stance) == expected.map(\.stance), "\(text)")
                for (found, wanted) in zip(reused, expected) {
                    // The reference sums the same weights in another order.
                    #expect(abs(found.score - wanted.score) < 1e-9, "\(text)")
                }
                if !expected.isEmpty { matched += 1 }
            }
        }
        // The comparison means something only if many texts match.
        #expect(matched > texts.count)
    }

    static func evaluationTexts() throws -> [String] {
        try HoaxFixtures.paraphrases().map(\.text) + HoaxFixtures.unrelated().map(\.text) + HoaxFixtures.claims().map(\.text)
    }

    @Test func theRegisterMatchesAsTheReferenceOnTheEvaluationSet() throws {
        Self.compare(claims: try HoaxFixtures.claims().map { HoaxClaimText(id: $0.id, variants: [$0.text]) }, texts: try Self.evaluationTexts())
    }

    /// Two variants per claim: the variant that wins within a claim decides the stance.
    @Test func theRegisterMatchesAsTheReferenceWithVariants() throws {
        Self.compare(claims: try HoaxFixtures.claims().map { HoaxClaimText(id: $0.id, variants: [$0.text, $0.title + ". " + $0.clarification]) },
                     texts: try Self.evaluationTexts())
    }
}
