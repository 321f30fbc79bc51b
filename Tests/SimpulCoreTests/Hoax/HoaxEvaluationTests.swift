import Foundation
import SimpulCore
import Testing

/// The labelled evaluation (Fixtures/hoax): with the default parameters the matcher must find
/// the right claim for at least 90% of the paraphrases and match at most 1% of the same-topic
/// unrelated texts to any claim.
@Suite struct HoaxEvaluationTests {
    static let minimumRecall = 0.9
    static let maximumFalseMatchShare = 0.01

    @Test func theSetIsLargeEnough() throws {
        let claims = try HoaxFixtures.claims()
        let paraphrases = try HoaxFixtures.paraphrases()
        #expect(claims.count >= 40)
        #expect(try HoaxFixtures.unrelated().count >= 200)
        let ids = Set(claims.map(\.id))
        #expect(ids.count == claims.count)
        for claim in claims {
            #expect(paraphrases.filter { $0.claimID == claim.id }.count >= 3, "paraphrases of \(claim.id)")
            #expect(HoaxLabel(parsing: claim.label) != nil, "label of \(claim.id)")
            #expect(claim.type == "-" || HoaxType(parsing: claim.type) != nil, "type of \(claim.id)")
        }
        #expect(paraphrases.allSatisfy { ids.contains($0.claimID) })
        #expect(Set(paraphrases.map(\.register)) == ["formal", "colloquial", "whatsapp-forward"])
    }

    @Test func paraphrasesAreFoundAndUnrelatedTextsAreNot() throws {
        let register = try HoaxFixtures.register()
        let paraphrases = try HoaxFixtures.paraphrases()
        var found = 0
        var byMethod: [HoaxMatchMethod: Int] = [:]
        for paraphrase in paraphrases {
            let matches = register.match(paraphrase.text)
            if let hit = matches.first(where: { $0.claimID == paraphrase.claimID }) {
                found += 1
                byMethod[hit.method, default: 0] += 1
            } else {
                print("missed \(paraphrase.id) (\(paraphrase.claimID), \(paraphrase.register)): \(Self.describe(matches)) \(paraphrase.text)")
            }
        }
        let recall = Double(found) / Double(paraphrases.count)

        let unrelated = try HoaxFixtures.unrelated()
        var falseMatches = 0
        for text in unrelated {
            let matches = register.match(text.text)
            guard !matches.isEmpty else { continue }
            falseMatches += 1
            print("false match \(text.id) (\(text.kind)): \(Self.describe(matches)) \(text.text)")
        }
        let falseShare = Double(falseMatches) / Double(unrelated.count)
        print("""
            hoax evaluation: recall \(String(format: "%.3f", recall)) (\(found)/\(paraphrases.count); \
            near-copy \(byMethod[.nearCopy, default: 0]), paraphrase \(byMethod[.paraphrase, default: 0])), \
            false matches \(String(format: "%.3f", falseShare)) (\(falseMatches)/\(unrelated.count))
            """)
        #expect(recall >= Self.minimumRecall)
        #expect(falseShare <= Self.maximumFalseMatchShare)
    }

    /// The claim's own narrative is a near-copy of itself, and a claim forwarded with chatter is
    /// still found by near-copy.
    @Test func claimsMatchThemselvesAsNearCopies() throws {
        let register = try HoaxFixtures.register()
        for claim in try HoaxFixtures.claims() {
            let best = register.match(claim.text).first
            #expect(best?.claimID == claim.id, "\(claim.id)")
            #expect(best?.method == .nearCopy, "\(claim.id)")
            #expect((best?.score ?? 0) > 0.95, "\(claim.id)")
        }
    }

    /// The official clarifications repeat a claim's words. Asked for, they are found as
    /// refutations; at most 5% of them may read as spreading their claim (they are also among
    /// the unrelated texts above, where every match counts against the 1%).
    @Test func debunksAreRefutationsNotSpreads() throws {
        let register = try HoaxFixtures.register()
        let debunks = try HoaxFixtures.unrelated().filter { $0.kind == "debunk" }
        #expect(debunks.count >= 30)
        var parameters = HoaxMatchParameters()
        parameters.includeRefutations = true
        var refuting = 0
        var spreading = 0
        for debunk in debunks {
            let matches = register.match(debunk.text, parameters: parameters)
            if matches.contains(where: { $0.stance == .spreads }) {
                spreading += 1
                print("debunk read as spreading: \(debunk.id) \(Self.describe(matches))")
            } else if !matches.isEmpty {
                refuting += 1
            }
        }
        print("debunks: \(refuting)/\(debunks.count) found as refutations, \(spreading) read as spreading")
        #expect(Double(spreading) / Double(debunks.count) <= 0.05)
        #expect(refuting >= debunks.count / 3)
    }

    static func describe(_ matches: [HoaxMatch]) -> String {
        matches.isEmpty ? "[]" : "[" + matches.map { "\($0.claimID) \($0.method.rawValue) \(String(format: "%.2f", $0.score))" }.joined(separator: ", ") + "]"
    }
}
