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
///
/// Everything a text is compared with is laid out in flat arrays indexed by small integer ids
/// (terms, variants, band buckets): at 5,000 claims the matcher spends its time walking these,
/// and a dictionary of arrays would cost a hash, a retain and a pointer chase per step.
public struct HoaxRegister: Sendable {
    public let analyzer: TextAnalyzer
    public let extractor: HoaxTermExtractor
    public let hasher: MinHasher
    public let shingleSize: Int
    public let claimIDs: [String]

    private let bands: BandTable
    private let variantClaim: [Int32]
    /// Every variant's signature, `hasher.count` values each, one after another.
    private let signatures: [UInt32]
    /// Every variant's sorted term ids, variant v at `variantTermStart[v]..<variantTermStart[v + 1]`,
    /// and parallel to them whether the term is negated in that variant.
    private let variantTermStart: [Int32]
    private let variantTerms: [Int32]
    private let variantTermNegated: [Bool]
    private let variantNorm: [Double]
    private let terms: TermTable
    private let termWeights: [Double]
    /// The weights squared, as the scores add them.
    private let termSquares: [Double]
    /// Each term's place when all are ordered by weight, heaviest first (ties by id), and the
    /// term at each place: a text's terms are put in that order by sorting small integers.
    private let termRank: [Int32]
    private let termAtRank: [Int32]
    /// The variants holding each term, ascending, term t at `postingStart[t]..<postingStart[t + 1]`.
    private let postingStart: [Int32]
    private let postings: [Int32]
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
        var termTexts: [String] = []
        var claimFrequency: [Int] = []
        var variantClaim: [Int32] = []
        var variantTermLists: [[Int32]] = []
        var variantNegatedSets: [Set<Int32>] = []
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
                        termTexts.append(term)
                        claimFrequency.append(0)
                    }
                    termList.append(id)
                    if variant.polarity[position] == .negated { negated.insert(id) }
                    if seenInClaim.insert(id).inserted { claimFrequency[Int(id)] += 1 }
                }
                variantClaim.append(Int32(claimIndex))
                variantTermLists.append(Array(Set(termList)).sorted())
                variantNegatedSets.append(negated)
            }
        }
        let claimCount = Double(max(1, documents.count))
        let weights = claimFrequency.map { log(1 + claimCount / Double($0)) }
        let hashes = termTexts.map(StableHash.of)
        terms = TermTable(texts: termTexts, hashes: hashes)
        termWeights = weights
        termSquares = weights.map { $0 * $0 }
        let byWeight = (0..<Int32(weights.count)).sorted { (first: Int32, second: Int32) -> Bool in
            let a = weights[Int(first)], b = weights[Int(second)]
            return a != b ? a > b : first < second
        }
        var rank = [Int32](repeating: 0, count: byWeight.count)
        for (place, term) in byWeight.enumerated() { rank[Int(term)] = Int32(place) }
        termRank = rank
        termAtRank = byWeight

        var postingLists = [[Int32]](repeating: [], count: ids.count)
        for (variant, terms) in variantTermLists.enumerated() {
            for term in terms { postingLists[Int(term)].append(Int32(variant)) }
        }
        (postingStart, postings) = Self.flatten(postingLists)
        (variantTermStart, variantTerms) = Self.flatten(variantTermLists)
        variantTermNegated = zip(variantTermLists, variantNegatedSets).flatMap { terms, negated in terms.map(negated.contains) }

        var buckets: [UInt64: [Int32]] = [:]
        var signatures: [UInt32] = []
        signatures.reserveCapacity(variantClaim.count * hasher.count)
        var variantIndex: Int32 = 0
        for claim in documents {
            for variant in claim.variants {
                let signature = hasher.signature(of: Shingles.hashes(ofTermHashes: variant.terms.map { hashes[Int(ids[$0]!)] },
                                                                     size: shingleSize))
                for band in 0..<min(bands, signature.count / rows) {
                    buckets[BandTable.key(signature, band: band, rows: rows), default: []].append(variantIndex)
                }
                signatures.append(contentsOf: signature)
                variantIndex += 1
            }
        }
        self.bands = BandTable(buckets: buckets, bands: bands, rows: rows)
        self.variantClaim = variantClaim
        self.signatures = signatures
        variantNorm = variantTermLists.map { $0.reduce(0) { $0 + weights[Int($1)] * weights[Int($1)] } }
        let occurrenceWeights = variantTermLists.flatMap { $0.map { weights[Int($0)] } }.sorted()
        unknownTermWeight = occurrenceWeights.isEmpty ? 1 : occurrenceWeights[occurrenceWeights.count / 2]
    }

    private static func flatten(_ lists: [[Int32]]) -> (starts: [Int32], values: [Int32]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(lists.count + 1)
        var values: [Int32] = []
        values.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists {
            values.append(contentsOf: list)
            starts.append(Int32(values.count))
        }
        return (starts, values)
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
        match(document: document, parameters: parameters, workspace: HoaxMatchWorkspace())
    }

    /// The same, with buffers kept between calls: a thread matching many texts keeps one
    /// workspace and allocates nothing per text but the result.
    public func match(document: HoaxDocument, parameters: HoaxMatchParameters = HoaxMatchParameters(),
                      workspace: HoaxMatchWorkspace) -> [HoaxMatch] {
        guard !document.terms.isEmpty, !variantClaim.isEmpty else { return [] }
        let dense = workspace.dense(variantCount: variantClaim.count, termCount: termWeights.count, signatureCount: hasher.count)
        // Taken out of the workspace for the call: a class's properties are checked for
        // exclusive access on every use, a local struct's once, by the compiler.
        var buffers = workspace.buffers
        workspace.buffers = HoaxMatchBuffers()
        defer { workspace.buffers = buffers }
        readTerms(of: document, into: &buffers)
        buffers.best.removeAll(keepingCapacity: true)

        matchNearCopies(parameters: parameters, buffers: &buffers, dense: dense)
        if parameters.paraphraseThreshold <= 1 {
            matchParaphrases(parameters: parameters, buffers: &buffers, dense: dense)
        }

        var matches: [HoaxMatch] = []
        for found in buffers.best {
            let stance = stance(of: document, variant: found.variant, parameters: parameters, buffers: buffers)
            if stance == .refutes, !parameters.includeRefutations { continue }
            matches.append(HoaxMatch(claimID: claimIDs[Int(found.claim)], score: found.score, method: found.method, stance: stance))
        }
        matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.claimID < $1.claimID }
        if matches.count > parameters.maximumMatches { matches.removeLast(matches.count - max(0, parameters.maximumMatches)) }
        return matches
    }

    /// Each term's hash (a known term's is the register's, computed once), the known terms'
    /// ids ascending with their polarities, and the number of distinct unknown terms.
    private func readTerms(of document: HoaxDocument, into buffers: inout HoaxMatchBuffers) {
        buffers.termHashes.removeAll(keepingCapacity: true)
        buffers.knownPacked.removeAll(keepingCapacity: true)
        buffers.unknownHashes.removeAll(keepingCapacity: true)
        buffers.unknownPositions.removeAll(keepingCapacity: true)
        for (position, term) in document.terms.enumerated() {
            let hash = StableHash.of(term)
            buffers.termHashes.append(hash)
            if let id = terms.id(of: term, hash: hash) {
                let flag: UInt64 = switch document.polarity[position] {
                case .negated: KnownFlag.negated
                case .uncertain: KnownFlag.uncertain
                case .affirmed: 0
                }
                buffers.knownPacked.append(UInt64(id) << 2 | flag)
            } else {
                var seen = false
                for (index, other) in buffers.unknownHashes.enumerated() where other == hash {
                    if document.terms[buffers.unknownPositions[index]] == term { seen = true; break }
                }
                if !seen {
                    buffers.unknownHashes.append(hash)
                    buffers.unknownPositions.append(position)
                }
            }
        }
        // Packed as id and polarity bits, so that sorting integers groups each term's occurrences.
        buffers.knownPacked.sort()
        buffers.known.removeAll(keepingCapacity: true)
        buffers.knownFlags.removeAll(keepingCapacity: true)
        for packed in buffers.knownPacked {
            let id = Int32(truncatingIfNeeded: packed >> 2)
            if let last = buffers.known.last, last == id {
                buffers.knownFlags[buffers.knownFlags.count - 1] |= UInt8(packed & 3)
            } else {
                buffers.known.append(id)
                buffers.knownFlags.append(UInt8(packed & 3))
            }
        }
    }

    private enum KnownFlag {
        static let negated: UInt64 = 1
        static let uncertain: UInt64 = 2
    }

    /// A near-copy outranks a paraphrase of the same claim; within a method the higher score wins.
    private func offer(_ variant: Int32, _ score: Double, _ method: HoaxMatchMethod, to best: inout [HoaxMatchBuffers.Best]) {
        let claim = variantClaim[Int(variant)]
        if let index = best.firstIndex(where: { $0.claim == claim }) {
            let current = best[index]
            let better = (method == .nearCopy && current.method == .paraphrase) || (method == current.method && score > current.score)
            if better { best[index] = HoaxMatchBuffers.Best(claim: claim, score: score, method: method, variant: variant) }
        } else {
            best.append(HoaxMatchBuffers.Best(claim: claim, score: score, method: method, variant: variant))
        }
    }

    /// The candidates sharing a band are marked in a bitmap of all variants, which gives them
    /// each once and in ascending order (the order ties between variants are settled in)
    /// without sorting.
    private func matchNearCopies(parameters: HoaxMatchParameters, buffers: inout HoaxMatchBuffers, dense: HoaxMatchDenseBuffers) {
        Shingles.hashes(ofTermHashes: buffers.termHashes, size: shingleSize, into: &buffers.shingles)
        let count = hasher.count
        let signature = UnsafeMutableBufferPointer(start: dense.signature, count: count)
        buffers.shingles.withUnsafeBufferPointer { hasher.fill(signature, from: $0) }
        let bits = dense.candidateBits
        var lowestWord = Int.max
        var highestWord = -1
        bands.withCandidates(of: UnsafeBufferPointer(signature)) { variant in
            let word = Int(variant) >> 6
            bits[word] |= 1 << UInt64(variant & 63)
            lowestWord = min(lowestWord, word)
            highestWord = max(highestWord, word)
        }
        guard highestWord >= 0 else { return }
        let threshold = parameters.nearCopyThreshold
        signatures.withUnsafeBufferPointer { all in
            for word in lowestWord...highestWord {
                var found = bits[word]
                bits[word] = 0
                while found != 0 {
                    let variant = word << 6 | found.trailingZeroBitCount
                    found &= found - 1
                    // Without branches or overflow checks, so that the compiler compares four
                    // values per instruction.
                    let equal = Self.equalPositions(UnsafePointer(dense.signature), all.baseAddress! + variant &* count, count: count)
                    // As MinHasher.estimatedJaccard: the share of equal positions.
                    let estimate = Double(equal) / Double(count)
                    if estimate >= threshold { offer(Int32(variant), estimate, .nearCopy, to: &buffers.best) }
                }
            }
        }
    }

    /// How many of `count` values are equal in both, four at a time.
    @inline(__always)
    private static func equalPositions(_ first: UnsafePointer<UInt32>, _ second: UnsafePointer<UInt32>, count: Int) -> Int {
        var counts = SIMD4<UInt32>(repeating: 0)
        let ones = SIMD4<UInt32>(repeating: 1)
        let zeros = SIMD4<UInt32>(repeating: 0)
        var index = 0
        let a = UnsafeRawPointer(first), b = UnsafeRawPointer(second)
        while index + 4 <= count {
            let left = a.loadUnaligned(fromByteOffset: index &* 4, as: SIMD4<UInt32>.self)
            let right = b.loadUnaligned(fromByteOffset: index &* 4, as: SIMD4<UInt32>.self)
            counts &+= zeros.replacing(with: ones, where: left .== right)
            index &+= 4
        }
        var equal = Int(counts.wrappedSum())
        while index < count {
            if first[index] == second[index] { equal &+= 1 }
            index &+= 1
        }
        return equal
    }

    /// Accumulates shared weight and shared-term count per variant through the postings, in
    /// dense arrays (cheaper than hashing or sorting at thousands of postings), rarest terms
    /// first. Once the terms left weigh less than threshold² of the text, no variant met only
    /// through them can reach the threshold (its cosine is at most √(shared/text)), so the rest
    /// only update variants already met, and the long postings of common words are never walked.
    private func matchParaphrases(parameters: HoaxMatchParameters, buffers: inout HoaxMatchBuffers, dense: HoaxMatchDenseBuffers) {
        // By rank: heaviest first, ties broken by id, so that the order of additions, and so
        // every score, is the same in every run.
        buffers.byWeight.removeAll(keepingCapacity: true)
        for term in buffers.known { buffers.byWeight.append(termRank[Int(term)]) }
        buffers.byWeight.sort()
        for index in buffers.byWeight.indices { buffers.byWeight[index] = termAtRank[Int(buffers.byWeight[index])] }
        let byWeight = buffers.byWeight
        let unknownCount = buffers.unknownHashes.count
        var textNorm = Double(unknownCount) * unknownTermWeight * unknownTermWeight
        for term in byWeight { textNorm += termSquares[Int(term)] }
        let threshold = max(0, parameters.paraphraseThreshold)
        let admissionBound = threshold * threshold * textNorm
        var remaining = textNorm - Double(unknownCount) * unknownTermWeight * unknownTermWeight
        let dots = dense.dots
        let shared = dense.shared
        buffers.touched.removeAll(keepingCapacity: true)
        var next = 0
        postings.withUnsafeBufferPointer { postings in
            while next < byWeight.count, remaining >= admissionBound, remaining > 0 {
                let term = Int(byWeight[next])
                let square = termSquares[term]
                for index in Int(postingStart[term])..<Int(postingStart[term + 1]) {
                    let variant = Int(postings[index])
                    if shared[variant] == 0 { buffers.touched.append(Int32(variant)) }
                    dots[variant] += square
                    shared[variant] += 1
                }
                remaining -= square
                next += 1
            }
        }
        if next < byWeight.count {
            // A variant that could not reach the threshold even if it held every remaining
            // term is left out of the rest (with a margin far above rounding, so no variant
            // that could pass is ever dropped); most met through one rare word are.
            var remainingSquares = 0.0
            for term in byWeight[next...] { remainingSquares += termSquares[Int(term)] }
            let remainingCount = byWeight.count - next
            buffers.live.removeAll(keepingCapacity: true)
            for variant in buffers.touched {
                let index = Int(variant)
                guard Int(shared[index]) + remainingCount >= parameters.minimumSharedTerms else { continue }
                let reachable = (dots[index] + remainingSquares) * (1 + 1e-9)
                if reachable >= parameters.paraphraseThreshold * (textNorm * variantNorm[index]).squareRoot() {
                    buffers.live.append(variant)
                }
            }
            addRemainingTerms(byWeight[next...], to: buffers.live, dense: dense)
        }
        for variant in buffers.touched {
            let index = Int(variant)
            if Int(shared[index]) >= parameters.minimumSharedTerms {
                let cosine = dots[index] / (textNorm * variantNorm[index]).squareRoot()
                if cosine >= parameters.paraphraseThreshold { offer(variant, cosine, .paraphrase, to: &buffers.best) }
            }
            dots[index] = 0
            shared[index] = 0
        }
    }

    /// The terms after the admission cut, for the variants already met that can still pass.
    /// Each term is marked with its place among them; then each variant's own terms are looked
    /// up in those marks (a variant has a few dozen terms, while a common word's postings run
    /// to thousands), and the weights are added per variant in the order of the places, the
    /// order the scores have always been summed in.
    private func addRemainingTerms(_ remainingTerms: ArraySlice<Int32>, to live: [Int32], dense: HoaxMatchDenseBuffers) {
        let dots = dense.dots
        let shared = dense.shared
        guard remainingTerms.count <= 64 else {
            for term in remainingTerms {
                let square = termSquares[Int(term)]
                for variant in live where containsTerm(term, variant: Int(variant)) {
                    dots[Int(variant)] += square
                    shared[Int(variant)] += 1
                }
            }
            return
        }
        let places = dense.termPlace
        for (place, term) in remainingTerms.enumerated() { places[Int(term)] = Int8(place) }
        variantTerms.withUnsafeBufferPointer { variantTerms in
            for variant in live {
                var found: UInt64 = 0
                for index in Int(variantTermStart[Int(variant)])..<Int(variantTermStart[Int(variant) + 1]) {
                    let place = places[Int(variantTerms[index])]
                    if place >= 0 { found |= 1 << UInt64(place) }
                }
                guard found != 0 else { continue }
                var dot = dots[Int(variant)]
                shared[Int(variant)] += Int32(found.nonzeroBitCount)
                while found != 0 {
                    dot += termSquares[Int(remainingTerms[remainingTerms.startIndex + found.trailingZeroBitCount])]
                    found &= found - 1
                }
                dots[Int(variant)] = dot
            }
        }
        for term in remainingTerms { places[Int(term)] = -1 }
    }

    private func containsTerm(_ term: Int32, variant: Int) -> Bool {
        var low = Int(variantTermStart[variant])
        var high = Int(variantTermStart[variant + 1])
        let end = high
        while low < high {
            let middle = (low + high) / 2
            if variantTerms[middle] < term { low = middle + 1 } else { high = middle }
        }
        return low < end && variantTerms[low] == term
    }

    /// Both term lists are sorted by id, so the shared terms come from one merge, in the order
    /// of the text's terms.
    private func stance(of document: HoaxDocument, variant: Int32, parameters: HoaxMatchParameters, buffers: HoaxMatchBuffers) -> HoaxStance {
        if document.hasRefutationCue { return .refutes }
        var shared = 0.0
        var flipped = 0.0
        var claimIndex = Int(variantTermStart[Int(variant)])
        let claimEnd = Int(variantTermStart[Int(variant) + 1])
        for (index, term) in buffers.known.enumerated() {
            while claimIndex < claimEnd, variantTerms[claimIndex] < term { claimIndex += 1 }
            guard claimIndex < claimEnd else { break }
            guard variantTerms[claimIndex] == term else { continue }
            let weight = termSquares[Int(term)]
            shared += weight
            let flags = UInt64(buffers.knownFlags[index])
            if flags & KnownFlag.uncertain == 0, (flags & KnownFlag.negated != 0) != variantTermNegated[claimIndex] { flipped += weight }
        }
        return shared > 0 && flipped / shared >= parameters.refutingPolarityShare ? .refutes : .spreads
    }
}

/// The buffers one matching thread reuses from text to text. Not shared between threads.
public final class HoaxMatchWorkspace {
    var buffers = HoaxMatchBuffers()
    private var denseBuffers: HoaxMatchDenseBuffers?

    public init() {}

    func dense(variantCount: Int, termCount: Int, signatureCount: Int) -> HoaxMatchDenseBuffers {
        if let denseBuffers, denseBuffers.variantCount >= variantCount, denseBuffers.termCount >= termCount,
           denseBuffers.signatureCount == signatureCount {
            return denseBuffers
        }
        let made = HoaxMatchDenseBuffers(variantCount: variantCount, termCount: termCount, signatureCount: signatureCount)
        denseBuffers = made
        return made
    }
}

/// The per-text lists, a few dozen entries each.
struct HoaxMatchBuffers {
    struct Best {
        var claim: Int32
        var score: Double
        var method: HoaxMatchMethod
        var variant: Int32
    }

    var termHashes: [UInt64] = []
    var knownPacked: [UInt64] = []
    var known: [Int32] = []
    var knownFlags: [UInt8] = []
    var unknownHashes: [UInt64] = []
    var unknownPositions: [Int] = []
    var shingles: [UInt64] = []
    var byWeight: [Int32] = []
    var touched: [Int32] = []
    var live: [Int32] = []
    var best: [Best] = []
}

/// The buffers as large as the register: one entry per variant or per term, each back to its
/// resting value (zero, -1) when a text is done, so the next text does not clear them. Raw
/// memory behind constant pointers, which the matcher writes without checks of exclusive access.
final class HoaxMatchDenseBuffers {
    let variantCount: Int
    let termCount: Int
    let signatureCount: Int
    let dots: UnsafeMutablePointer<Double>
    let shared: UnsafeMutablePointer<Int32>
    /// One bit per variant.
    let candidateBits: UnsafeMutablePointer<UInt64>
    /// A term's place among a text's remaining terms, -1 for none.
    let termPlace: UnsafeMutablePointer<Int8>
    let signature: UnsafeMutablePointer<UInt32>

    init(variantCount: Int, termCount: Int, signatureCount: Int) {
        self.variantCount = variantCount
        self.termCount = termCount
        self.signatureCount = signatureCount
        dots = .allocate(capacity: max(1, variantCount))
        dots.initialize(repeating: 0, count: max(1, variantCount))
        shared = .allocate(capacity: max(1, variantCount))
        shared.initialize(repeating: 0, count: max(1, variantCount))
        let words = max(1, (variantCount + 63) / 64)
        candidateBits = .allocate(capacity: words)
        candidateBits.initialize(repeating: 0, count: words)
        termPlace = .allocate(capacity: max(1, termCount))
        termPlace.initialize(repeating: -1, count: max(1, termCount))
        signature = .allocate(capacity: max(1, signatureCount))
        signature.initialize(repeating: 0, count: max(1, signatureCount))
    }

    deinit {
        dots.deallocate()
        shared.deallocate()
        candidateBits.deallocate()
        termPlace.deallocate()
        signature.deallocate()
    }
}

/// Open addressing from a term's stable hash to its id; the text is compared as well, so a
/// collision of hashes never joins two terms.
struct TermTable: Sendable {
    private let slots: [Int32]
    private let mask: Int
    private let texts: [String]
    private let hashes: [UInt64]

    init(texts: [String], hashes: [UInt64]) {
        var capacity = 16
        while capacity < texts.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(id)
        }
        self.slots = slots
        mask = capacity - 1
        self.texts = texts
        self.hashes = hashes
    }

    func id(of text: String, hash: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, texts[Int(id)] == text { return id }
            slot = (slot + 1) & mask
        }
    }
}

/// The LSH buckets frozen into open addressing: each band key's variants lie in one flat array.
/// The keys are `LSHIndex`'s, so the same variants meet. A slot holds its key and its range
/// together: at 5,000 claims the table is megabytes, and each probe is one cache miss, not three.
struct BandTable: Sendable {
    struct Slot: Sendable {
        var key: UInt64
        /// Where its variants lie in `members`; `start` -1 for an empty slot.
        var start: Int32
        var end: Int32
    }

    let bands: Int
    let rows: Int
    private let slots: [Slot]
    private let members: [Int32]
    private let mask: Int

    init(buckets: [UInt64: [Int32]], bands: Int, rows: Int) {
        self.bands = max(1, bands)
        self.rows = max(1, rows)
        var capacity = 16
        while capacity < buckets.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(key: 0, start: -1, end: -1), count: capacity)
        var members: [Int32] = []
        for (key, ids) in buckets {
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while slots[slot].start >= 0 { slot = (slot + 1) & (capacity - 1) }
            let start = Int32(members.count)
            members.append(contentsOf: ids)
            slots[slot] = Slot(key: key, start: start, end: Int32(members.count))
        }
        self.slots = slots
        self.members = members
        mask = capacity - 1
    }

    static func key(_ signature: some RandomAccessCollection<UInt32>, band: Int, rows: Int) -> UInt64 {
        var hash = UInt64(band) &* 0xD6E8_FEB8_6659_FD93
        let first = signature.index(signature.startIndex, offsetBy: band * rows)
        for row in 0..<rows { hash = StableHash.pair(hash, UInt64(signature[signature.index(first, offsetBy: row)])) }
        return hash
    }

    /// Calls `body` with every variant sharing a band with `signature` (a variant may come more than once).
    func withCandidates(of signature: UnsafeBufferPointer<UInt32>, _ body: (Int32) -> Void) {
        slots.withUnsafeBufferPointer { slots in
            members.withUnsafeBufferPointer { members in
                for band in 0..<min(bands, signature.count / rows) {
                    let key = Self.key(signature, band: band, rows: rows)
                    var slot = Int(truncatingIfNeeded: key) & mask
                    while slots[slot].start >= 0 {
                        if slots[slot].key == key {
                            for index in Int(slots[slot].start)..<Int(slots[slot].end) { body(members[index]) }
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }
}
