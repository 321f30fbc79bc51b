import Foundation
import SimpulCore
import Testing

@Suite("Indonesian stemmer")
struct StemmerTests {
    // MARK: Snowball conformance

    /// Every word of the reference fixture must stem exactly as the Snowball
    /// "indonesian" stemmer does (the fixture's stems were produced by two
    /// independent Snowball implementations that agree on every word).
    @Test func matchesSnowballOnFixture() throws {
        let url = try #require(
            Bundle.module.url(
                forResource: "indonesian-stems", withExtension: "tsv", subdirectory: "Fixtures/stemmer"
            ),
            "fixture missing from the test bundle"
        )
        let text = try String(contentsOf: url, encoding: .utf8)
        let stemmer = IndonesianStemmer()

        var checked = 0
        var mismatches: [String] = []
        var mismatchCount = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed fixture line: \(line)")
            let word = String(fields[0])
            let expected = String(fields[1])
            checked += 1

            let viaString = stemmer.stem(word)
            let viaBytes = String(decoding: stemmer.stem(utf8: Array(word.utf8)), as: UTF8.self)
            if viaString != expected || viaBytes != expected {
                mismatchCount += 1
                if mismatches.count < 20 {
                    mismatches.append("\(word): expected \(expected), got \(viaString) / \(viaBytes)")
                }
            }
        }

        #expect(checked >= 50_000, "fixture has only \(checked) words")
        #expect(
            mismatchCount == 0,
            "\(mismatchCount) of \(checked) words differ; first: \(mismatches.joined(separator: "; "))"
        )
    }

    // MARK: Readable examples (outputs as the Snowball reference gives them)

    @Test(arguments: [
        ("pelayanan", "layan"),
        ("menyampaikan", "sampai"),   // meny- before a vowel stands for s-
        ("menyapu", "sapu"),
        ("memperbaiki", "baik"),      // mem- + per- + -i
        ("mempunyai", "punya"),
        ("memakai", "paka"),          // mem- before a vowel stands for p-; -i goes too
        ("keberhasilan", "hasil"),
        ("kebersihan", "bersih"),     // stops at two vowels, so ber- stays
        ("pelajaran", "ajar"),        // irregular pel-ajar
        ("belajar", "ajar"),
        ("bekerja", "kerja"),         // be- before consonant + "er"
        ("diberikan", "beri"),
        ("peledakan", "ledak"),
        ("dimakan", "makan"),         // -an is kept after di-
        ("bukunya", "buku"),
        ("bukukah", "buku"),
        ("menulis", "ulis"),          // no dictionary: the t- cannot be restored
        ("televisi", "televisi"),     // -si words keep their -i
        ("ibu", "ibu"),               // two vowels or fewer: unchanged
        ("sapu", "sapu"),
    ])
    func snowballExamples(word: String, stem: String) {
        let stemmer = IndonesianStemmer()
        #expect(stemmer.stem(word) == stem)
        #expect(stemmer.stem(utf8: Array(word.utf8)) == Array(stem.utf8))
    }

    @Test func reusableOutputBufferGivesTheSameStems() {
        let stemmer = IndonesianStemmer()
        var output: [UInt8] = []
        for (word, stem) in [("menyampaikan", "sampai"), ("pelayanan", "layan"), ("ibu", "ibu"), ("", "")] {
            Array(word.utf8).withUnsafeBufferPointer { stemmer.stem(utf8: $0, into: &output) }
            #expect(output == Array(stem.utf8), "\(word)")
        }
    }

    // MARK: Dictionary mode

    private static let lexicon = RootLexicon(words: [
        "layan", "sapu", "ajar", "tani", "tulis", "nanti", "kirim", "pakai",
        "masak", "baik", "hasil", "kerja", "rawat", "lari", "cat", "makan",
    ])

    @Test(arguments: [
        ("sapu", "sapu"),                 // already a root
        ("pelayanan", "layan"),
        ("pelayanannya", "layan"),        // possessive, then confix pe-…-an
        ("dilayani", "layan"),
        ("menyapu", "sapu"),              // meny- → s
        ("menyapukan", "sapu"),
        ("pelajaran", "ajar"),
        ("petani", "tani"),
        ("menulis", "tulis"),             // men- → t
        ("menanti", "nanti"),             // men- → n
        ("mengirim", "kirim"),            // meng- → k
        ("memakai", "pakai"),             // mem- → p
        ("memasak", "masak"),             // mem- → m
        ("memperbaiki", "baik"),          // two prefixes
        ("keberhasilan", "hasil"),        // ke-ber-…-an
        ("bekerja", "kerja"),
        ("perawat", "rawat"),             // per- before a vowel → r
        ("pelari", "lari"),
        ("mengecat", "cat"),              // menge- before a one-syllable root
        ("dimakan", "makan"),             // di-…-an is not a confix: di-makan
    ])
    func dictionaryMode(word: String, root: String) {
        let stemmer = IndonesianStemmer(rootWords: Self.lexicon)
        #expect(stemmer.stem(word) == root)
        #expect(stemmer.stem(utf8: Array(word.utf8)) == Array(root.utf8))
    }

    @Test func dictionaryModeFallsBackToSnowball() {
        let stemmer = IndonesianStemmer(rootWords: Self.lexicon)
        // "sampai" is not in the lexicon, so the Snowball stem is returned.
        #expect(stemmer.stem("menyampaikan") == "sampai")
        #expect(stemmer.stem("kebersihan") == "bersih")
        #expect(stemmer.stem("ibu") == "ibu")
    }

    @Test func lexiconNormalisesEntries() throws {
        let lexicon = RootLexicon(words: ["  Ajar ", "", "# comment", "tani"])
        #expect(lexicon.count == 2)
        #expect(lexicon.contains("ajar"))
        #expect(lexicon.contains(utf8: Array("tani".utf8)))
        #expect(!lexicon.contains("# comment"))

        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("roots-\(UUID().uuidString).txt")
        try "# roots\nsapu\r\nlayan\n\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try RootLexicon(contentsOf: url)
        #expect(fromFile.count == 2)
        #expect(IndonesianStemmer(rootWords: fromFile).stem("menyapu") == "sapu")
    }

    // MARK: Robustness

    @Test(arguments: [
        "", "a", "m", "me", "meny", "peng", "kan", "nya",
        "méngambil",          // non-ASCII: unchanged
        "menyanyi🙂",
        "MENYAPU",            // not lowercased: unchanged
        "mem123kan",
    ])
    func oddInputsAreSafe(word: String) {
        for stemmer in [IndonesianStemmer(), IndonesianStemmer(rootWords: Self.lexicon)] {
            let stem = stemmer.stem(word)
            #expect(stem.utf8.count <= word.utf8.count)
            _ = stemmer.stem(utf8: Array(word.utf8))
        }
    }

    @Test func nonLettersAreLeftAlone() {
        let stemmer = IndonesianStemmer()
        for word in ["méngambil", "MENYAPU", "mem123kan", "menyanyi🙂"] {
            #expect(stemmer.stem(word) == word)
        }
    }

    @Test func veryLongWordsAreSafe() {
        let long = String(repeating: "meng", count: 10_000) + "kannya"
        let stemmer = IndonesianStemmer()
        let stem = stemmer.stem(long)
        #expect(stem.hasPrefix("meng") && stem.count < long.count)
        _ = IndonesianStemmer(rootWords: Self.lexicon).stem(long)
        let letters = String(repeating: "a", count: 100_000)
        #expect(stemmer.stem(letters) == letters)
    }
}
