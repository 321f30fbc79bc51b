import Foundation
import SimpulCore
import Testing

@Suite struct NormalizerTests {
    static let analyzer = TextAnalyzer()

    static func cases() throws -> [(String, String)] {
        let url = try #require(Bundle.module.url(forResource: "normalizer-cases", withExtension: "tsv", subdirectory: "Fixtures/text"))
        return try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") }
            .compactMap { line in
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }
    }

    @Test func fixtureCases() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 60)
        var failures: [String] = []
        for (input, expected) in cases {
            let actual = Self.analyzer.normalizedLine(input)
            if actual != expected { failures.append("\(input)\n  expected: \(expected)\n  actual:   \(actual)") }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) cases differ:\n\(failures.joined(separator: "\n"))")
    }

    @Test func slangDictionaryIsLargeEnough() {
        #expect(TextAnalyzer().lexicon.slang.count >= 500)
        #expect(TextAnalyzer().lexicon.slang["yg"] == ["yang"])
        #expect(TextAnalyzer().lexicon.slang["gak"] == ["tidak"])
    }

    @Test func tokensKeepTheirPlaceInTheOriginal() {
        let text = "Cek https://tirtamaya.go.id ya @Diskominfo 👍 #InfoPublik"
        let tokens = Self.analyzer.analyze(text)
        let kinds = tokens.map(\.kind)
        #expect(kinds.contains(.url) && kinds.contains(.mention) && kinds.contains(.hashtag) && kinds.contains(.emoji))
        for token in tokens where token.kind != .word || !token.fromHashtag {
            #expect(!text.excerpt(token.span).isEmpty)
        }
        let url = tokens.first { $0.kind == .url }!
        #expect(text.excerpt(url.span) == "https://tirtamaya.go.id")
        let mention = tokens.first { $0.kind == .mention }!
        #expect(mention.text == "@diskominfo")
    }

    @Test func hashtagsSplitIntoKnownWords() {
        let tokens = Self.analyzer.analyze("#TirtamayaBangkit #infopublik")
        let split = tokens.filter(\.fromHashtag).map(\.text)
        #expect(split.contains("bangkit"))
        #expect(split.contains("info") && split.contains("publik"))
    }

    @Test func respellingsAreRepaired() {
        #expect(Self.analyzer.normalizedLine("s4ra itu b0d0h") == "sara itu bodoh")
        #expect(Self.analyzer.normalizedLine("mantaaap bgt") == "mantap banget")
        #expect(Self.analyzer.normalizedLine("maaaaf ya") == "maaf ya")
        // A real number stays a number; "anak2" is the common way to write "anak-anak".
        #expect(Self.analyzer.normalizedLine("antre 3 jam buat anak2") .contains("3 jam"))
        #expect(Self.analyzer.analyze("anak2").first?.text == "anak-anak")
        #expect(Self.analyzer.analyze("anak2").first?.stem == "anak")
    }

    @Test func initialsAndTypedOnesDoNotEndASentence() {
        // "Bambang P. korupsi": the initial's dot does not end the sentence.
        let initial = Self.analyzer.analyze("Bambang P. korupsi dana masjid")
        #expect(Set(initial.map(\.sentence)).count == 1)
        #expect(Set(Self.analyzer.analyze("Selesai. Besok lanjut").map(\.sentence)).count == 2)
        // "diusir!!1!": the "1" among exclamation marks is one of them, not a number.
        #expect(!Self.analyzer.analyze("harus diusir!!1!").contains { $0.kind == .number })
        #expect(Self.analyzer.analyze("nomor 1!").contains { $0.kind == .number })
    }

    @Test func respeltReduplicationsAreRepaired() {
        #expect(Self.analyzer.analyze("b4nd4r2").first?.text == "bandar-bandar")
        // A digit before the "2" makes a number, not a reduplication.
        #expect(Self.analyzer.analyze("no12").contains { $0.kind == .number })
        #expect(Self.analyzer.analyze("cina-cina").first?.reduplicatedBase == "cina")
        #expect(Self.analyzer.analyze("pura-pura").first?.reduplicatedBase == nil)
    }

    @Test func stemmedSearchFindsAffixedForms() {
        let stems = Set(Self.analyzer.analyze("pelayanan dilayani melayani").map(\.stem))
        #expect(stems == ["layan"])
    }

    @Test func oddInputDoesNotBreak() {
        #expect(Self.analyzer.analyze("").isEmpty)
        #expect(Self.analyzer.analyze("🙏🙏🔥").allSatisfy { $0.kind == .emoji })
        let mixed = Self.analyzer.analyze("Ｐｅｌａｙａｎａｎ ΑΘΗΝΑ Москва 東京 café")
        #expect(mixed.first?.text == "pelayanan")
        #expect(mixed.contains { $0.text == "cafe" })
        let long = String(repeating: "pelayanan publik ", count: 5_000)
        #expect(Self.analyzer.analyze(long).count == 10_000)
        #expect(Self.analyzer.analyze("\u{0000}\u{FFFD}\u{200D}").allSatisfy { $0.kind != .word || !$0.text.isEmpty })
    }
}
