import SimpulCore
import Testing

@Suite struct MinHashTests {
    /// Well-spread 64-bit values standing for shingle hashes.
    static func set(_ range: Range<Int>) -> [UInt64] {
        range.map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ 0x1234_5678 }
    }

    @Test func identicalSetsEstimateOne() {
        let hasher = MinHasher()
        let words = Shingles.hashes(of: ["air", "pdam", "padam", "tiga", "hari"])
        #expect(MinHasher.estimatedJaccard(hasher.signature(of: words), hasher.signature(of: words)) == 1)
        // Order and repetition inside a set do not matter.
        #expect(hasher.signature(of: words) == hasher.signature(of: words.reversed() + words))
    }

    @Test func disjointSetsEstimateNearZero() {
        let hasher = MinHasher(count: 128)
        let estimate = MinHasher.estimatedJaccard(hasher.signature(of: Self.set(0..<100)), hasher.signature(of: Self.set(1000..<1100)))
        #expect(estimate < 0.03)
    }

    @Test(arguments: [(0..<200, 100..<300), (0..<100, 50..<100), (0..<300, 30..<300), (0..<50, 45..<95)])
    func estimateIsCloseToTheTrueJaccard(first: Range<Int>, second: Range<Int>) {
        let hasher = MinHasher(count: 256)
        let a = Set(first), b = Set(second)
        let truth = Double(a.intersection(b).count) / Double(a.union(b).count)
        let estimate = MinHasher.estimatedJaccard(hasher.signature(of: Self.set(first)), hasher.signature(of: Self.set(second)))
        // 256 functions: a standard error of at most 0.031; 0.1 is more than three of them.
        #expect(abs(estimate - truth) < 0.1, "estimate \(estimate) for \(truth)")
    }

    @Test func signaturesDependOnlyOnTheSeed() {
        let words = Shingles.hashes(of: ["listrik", "padam", "lima", "hari"])
        #expect(MinHasher(count: 64, seed: 7).signature(of: words) == MinHasher(count: 64, seed: 7).signature(of: words))
        #expect(MinHasher(count: 64, seed: 7).signature(of: words) != MinHasher(count: 64, seed: 8).signature(of: words))
    }

    /// Pinned values: a signature stored today must compare equal with one computed by any later
    /// build on any machine, so the hash may never change silently.
    @Test func hashingIsStableAcrossRuns() {
        let signature = MinHasher(count: 4).signature(of: Shingles.hashes(of: ["air", "mati"]))
        #expect(signature == Self.pinnedSignature)
    }
    static let pinnedSignature: [UInt32] = [786_892_212, 2_449_384_021, 4_238_425_286, 3_010_693_803]

    @Test func shinglesArePairsInOrder() {
        #expect(Shingles.hashes(of: ["a", "b", "c"]).count == 2)
        #expect(Shingles.hashes(of: ["a", "b"]) != Shingles.hashes(of: ["b", "a"]))
        #expect(Shingles.hashes(of: ["a"]).count == 1)
        #expect(Shingles.hashes(of: []).isEmpty)
        #expect(Shingles.hashes(of: ["a", "b", "c"], size: 3).count == 1)
    }
}

@Suite struct LSHIndexTests {
    @Test func thresholdFollowsBandsAndRows() {
        #expect(abs(LSHIndex(bands: 20, rows: 3).threshold - 0.368) < 0.01)
        #expect(abs(LSHIndex(bands: 16, rows: 4).threshold - 0.5) < 0.01)
    }

    @Test func similarSetsBecomeCandidatesAndDissimilarOnesDoNot() {
        let hasher = MinHasher(count: 60)
        var index = LSHIndex(bands: 20, rows: 3)
        // Three stored sets; the query shares 90 of 110 elements with set 1 (Jaccard 0.82).
        index.insert(hasher.signature(of: MinHashTests.set(0..<100)), id: 1)
        index.insert(hasher.signature(of: MinHashTests.set(5000..<5100)), id: 2)
        index.insert(hasher.signature(of: MinHashTests.set(9000..<9100)), id: 3)
        let found = index.candidates(hasher.signature(of: MinHashTests.set(10..<110)))
        #expect(found == [1])
        #expect(index.candidates(hasher.signature(of: MinHashTests.set(20000..<20100))).isEmpty)
    }

    @Test func candidatesAreUniqueAndSorted() {
        let hasher = MinHasher(count: 60)
        var index = LSHIndex(bands: 20, rows: 3)
        let signature = hasher.signature(of: MinHashTests.set(0..<40))
        index.insert(signature, id: 9)
        index.insert(signature, id: 4)
        #expect(index.candidates(signature) == [4, 9])
    }

    /// Over many pairs at Jaccard about 0.6, 20×3 bands find nearly all (1 − (1 − 0.6³)²⁰ ≈ 0.99);
    /// at about 0.1 almost none (≈ 0.02).
    @Test func candidateRateFollowsTheSCurve() {
        let hasher = MinHasher(count: 60)
        var high = 0, low = 0
        for trial in 0..<100 {
            let base = trial * 10_000
            var index = LSHIndex(bands: 20, rows: 3)
            index.insert(hasher.signature(of: MinHashTests.set(base..<(base + 100))), id: 0)
            if !index.candidates(hasher.signature(of: MinHashTests.set((base + 25)..<(base + 125)))).isEmpty { high += 1 }
            if !index.candidates(hasher.signature(of: MinHashTests.set((base + 82)..<(base + 182)))).isEmpty { low += 1 }
        }
        #expect(high >= 95)
        #expect(low <= 10)
    }
}
