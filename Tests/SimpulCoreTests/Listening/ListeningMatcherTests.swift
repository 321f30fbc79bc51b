import Foundation
import SimpulCore
import Testing

@Suite("Listening matcher")
struct ListeningMatcherTests {
    static let analyzer = TextAnalyzer()

    static let queries = [
        "banjir", "\"tidak ada air\"", "air NEAR/3 mati", "pdam OR \"air bersih\"", "lapor*", "puskesmas NOT terima kasih",
        "(jalan OR jembatan) ONEAR/2 rusak", "platform:instagram pelayanan", "unit:DINKES (antre* OR lama)", "kind:dm",
        "sampah NOT (bersih OR terima)", "ktp OR kk OR akta", "hoaks OR bohong OR fitnah", "pajak* NEAR/5 (bayar OR denda)",
        "author:\"Budi Santoso\"", "#tirtamaya", "platform:x NOT banjir", "vaksin*", "\"terima kasih\" NOT (tapi OR namun)",
        "macet ONEAR/4 (pagi OR sore)", "lampu NEAR/2 (mati OR padam)", "bansos* OR blt", "sara* OR kafir*",
        "\"info publik\"", "#infopublik OR @dinkes_tirtamaya", "otw", "\"gak ada air\" NEAR/5 (hari OR minggu)", "anak*",
        "(\"banjir bandang\" OR longsor) ONEAR/3 (jalan OR \"jembatan cikal\")", "tirtamaya NOT (jalan OR air) NOT platform:x",
    ]

    static func texts() throws -> [String] {
        var texts: [String] = []
        for (folder, name) in [("compliance", "eval-set"), ("compliance", "second-set"), ("inbox", "sentiment-set")] {
            let url = try #require(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures/\(folder)"))
            texts += try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
                .compactMap { $0.split(separator: "\t", maxSplits: 3).last.map(String.init) }
        }
        // Hashtags split into words, mentions, slang expansions, links, emoji, digits for letters.
        texts += ["Simak #InfoPublik hari ini ya @Dinkes_Tirtamaya 👍", "otw ke lokasi, banjir bandang di jalan", "gak ada air udh 3 hari!!1!",
                  "cek https://tirtamaya.go.id/air gak ada air 2 minggu", "anak2 sekolah kebanjiran", "#BanjirBandang #Tirtamaya jembatan cikal putus",
                  "s4ra k4fir2 bikin rusuh", "laporrr min, lapor!!! pelaporan gmn?",
                  "banjir\tbandang\njalan\r\nrusak  parah", "  ", "", "“banjir” (jalan) rusak—parah", "BANJIR!!! BANDANG???"]
        return texts
    }

    @Test("the fast matcher finds exactly what each query finds on a fully analysed document")
    func matcherAgreesWithEachQuery() throws {
        let rules = try Self.queries.enumerated().map { index, text in (id: index, query: try ListeningQuery(text, analyzer: Self.analyzer)) }
        let matcher = ListeningMatcher(rules: rules, analyzer: Self.analyzer)
        // Without word memory, and with a memory so small it keeps starting again.
        let forgetful = ListeningMatcher(rules: rules, analyzer: Self.analyzer, wordMemoryLimit: 0)
        let tiny = ListeningMatcher(rules: rules, analyzer: Self.analyzer, wordMemoryLimit: 3)
        let platforms: [Platform] = [.instagram, .facebook, .x, .whatsapp]
        var matched = 0
        // Twice over, so the second pass runs on remembered words.
        for _ in 0..<2 {
            for (index, text) in try Self.texts().enumerated() {
                let metadata = ListeningMetadata(platform: platforms[index % platforms.count], units: index % 3 == 0 ? ["DINKES"] : ["DISHUB"],
                                                 kind: index % 5 == 0 ? "dm" : "comment", authors: index % 7 == 0 ? ["Budi Santoso"] : [])
                let document = ListeningDocument(text: text, metadata: metadata, analyzer: Self.analyzer)
                let expected = rules.filter { $0.query.matches(document) }.map(\.id)
                let found = matcher.matches(text: text, metadata: metadata)
                #expect(found == expected, "\(text)")
                #expect(forgetful.matches(text: text, metadata: metadata) == expected)
                #expect(tiny.matches(text: text, metadata: metadata) == expected)
                matched += found.count
            }
        }
        // The corpus is about these topics: a matcher that matched nothing would prove nothing.
        #expect(matched > 600)
    }

    @Test("matches come back in the order the rules were given")
    func order() throws {
        let matcher = ListeningMatcher(rules: [("b", try ListeningQuery("jalan", analyzer: Self.analyzer)),
                                               ("a", try ListeningQuery("rusak*", analyzer: Self.analyzer)),
                                               ("c", try ListeningQuery("banjir", analyzer: Self.analyzer))], analyzer: Self.analyzer)
        #expect(matcher.matches(text: "kerusakan parah jalan kami") == ["b", "a"])
        #expect(matcher.matches(text: "aman terkendali").isEmpty)
    }

    @Test("the demo's listening rules parse and find the Sandbox's kind of complaints")
    func demoRules() throws {
        let analyzer = TextAnalyzer()
        let queries = try DemoListening.rules.map { try ListeningQuery($0.query, analyzer: analyzer) }
        #expect(queries.count == DemoListening.rules.count)
        let water = ListeningDocument(text: "air PDAM di Sukamaju mati dari kemarin sore", analyzer: analyzer)
        #expect(queries[0].matches(water) && !queries[2].matches(water))
    }
}
