import Foundation
import SimpulCore
import Testing

@Suite("Listening rule set")
struct ListeningRuleSetTests {
    static let analyzer = TextAnalyzer()

    static let queries = [
        "banjir", "\"tidak ada air\"", "air NEAR/3 mati", "pdam OR \"air bersih\"", "lapor*", "puskesmas NOT terima kasih",
        "(jalan OR jembatan) ONEAR/2 rusak", "platform:instagram pelayanan", "unit:DINKES (antre* OR lama)", "kind:dm",
        "sampah NOT (bersih OR terima)", "ktp OR kk OR akta", "hoaks OR bohong OR fitnah", "pajak* NEAR/5 (bayar OR denda)",
        "author:\"Budi Santoso\"", "#tirtamaya", "platform:x NOT banjir", "vaksin*", "\"terima kasih\" NOT (tapi OR namun)",
        "macet ONEAR/4 (pagi OR sore)", "lampu NEAR/2 (mati OR padam)", "bansos* OR blt", "sara* OR kafir*",
    ]

    static func texts() throws -> [String] {
        var texts: [String] = []
        for (folder, name) in [("compliance", "eval-set"), ("compliance", "second-set"), ("inbox", "sentiment-set")] {
            let url = try #require(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures/\(folder)"))
            texts += try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
                .compactMap { $0.split(separator: "\t", maxSplits: 3).last.map(String.init) }
        }
        return texts
    }

    @Test("the anchor index finds exactly what evaluating every rule finds")
    func indexAgreesWithEveryRule() throws {
        let rules = try Self.queries.enumerated().map { index, text in (id: index, query: try ListeningQuery(text, analyzer: Self.analyzer)) }
        let set = ListeningRuleSet(rules)
        let platforms: [Platform] = [.instagram, .facebook, .x, .whatsapp]
        var matched = 0
        for (index, text) in try Self.texts().enumerated() {
            let metadata = ListeningMetadata(platform: platforms[index % platforms.count], units: index % 3 == 0 ? ["DINKES"] : ["DISHUB"],
                                             kind: index % 5 == 0 ? "dm" : "comment", authors: index % 7 == 0 ? ["Budi Santoso"] : [])
            let document = ListeningDocument(text: text, metadata: metadata, analyzer: Self.analyzer)
            let indexed = set.matches(document)
            #expect(indexed == set.matchesWithoutIndex(document), "\(text)")
            matched += indexed.count
        }
        // The corpus is about these topics: a set that matched nothing would prove nothing.
        #expect(matched > 300)
    }

    @Test("matches come back in the order the rules were given")
    func order() throws {
        let set = ListeningRuleSet([("b", try ListeningQuery("jalan", analyzer: Self.analyzer)),
                                    ("a", try ListeningQuery("rusak", analyzer: Self.analyzer)),
                                    ("c", try ListeningQuery("banjir", analyzer: Self.analyzer))])
        #expect(set.matches(ListeningDocument(text: "rusak parah jalan kami", analyzer: Self.analyzer)) == ["b", "a"])
        #expect(set.matches(ListeningDocument(text: "aman terkendali", analyzer: Self.analyzer)).isEmpty)
    }
}
