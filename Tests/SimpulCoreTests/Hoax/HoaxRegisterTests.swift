import SimpulCore
import Testing

@Suite struct HoaxRegisterTests {
    static let analyzer = TextAnalyzer()

    static func terms(_ text: String) -> [String] {
        HoaxRegister.document(text, analyzer: analyzer).terms
    }

    @Test func synonymsMeetOnOneTerm() {
        #expect(Self.terms("listrik padam") == Self.terms("setrum mati"))
        #expect(Self.terms("pendaftaran bantuan sosial") == Self.terms("pendaftaran bansos"))
        #expect(Self.terms("gas elpiji") == Self.terms("gas lpg"))
    }

    @Test func amountsAndNumberWordsHaveOneSpelling() {
        #expect(Self.terms("Rp15.000") == Self.terms("15 ribu"))
        #expect(Self.terms("3,5 juta") == Self.terms("Rp3.500.000"))
        #expect(Self.terms("tiga hari") == Self.terms("3 hari"))
        #expect(Self.terms("sebulan") == Self.terms("1 bulan"))
    }

    @Test func stopwordsAndChatterAreDropped() {
        #expect(Self.terms("Sebarkan ke grup sebelah ya, info penting!").isEmpty)
        #expect(Self.terms("yang dan di ke dari").isEmpty)
    }

    @Test func negationAndVerdictsAreSeen() {
        let negated = HoaxRegister.document("bendungan tidak akan jebol", analyzer: Self.analyzer)
        #expect(negated.terms == Self.terms("bendungan jebol"))
        #expect(negated.polarity == [.affirmed, .negated])
        #expect(HoaxRegister.document("bendungan gak akan jebol", analyzer: Self.analyzer).polarity == [.affirmed, .uncertain])
        #expect(HoaxRegister.document("[HOAKS] bendungan jebol", analyzer: Self.analyzer).hasRefutationCue)
        #expect(HoaxRegister.document("Informasi itu tidak benar", analyzer: Self.analyzer).hasRefutationCue)
        #expect(!HoaxRegister.document("ini asli, bukan hoax!", analyzer: Self.analyzer).hasRefutationCue)
    }

    static let register = HoaxRegister(claims: [
        HoaxClaimText(id: "air", variants: [
            "PDAM akan menghentikan aliran air ke seluruh kota selama tiga hari mulai 14 Desember.",
            "Air PDAM mati tiga hari se-kota mulai tanggal 14.",
        ]),
        HoaxClaimText(id: "listrik", variants: ["PLN memadamkan listrik di seluruh kota selama lima hari untuk penggantian gardu induk."]),
        HoaxClaimText(id: "bendungan", variants: ["Bendungan Cimaya sudah retak dan akan jebol malam ini, lima kecamatan terendam."]),
    ])

    @Test func aCopyIsANearCopyAndAParaphraseAParaphrase() throws {
        let copy = try #require(Self.register.match("INFO: PDAM akan menghentikan aliran air ke seluruh kota selama tiga hari mulai 14 Desember.").first)
        #expect(copy.claimID == "air")
        #expect(copy.method == .nearCopy)
        #expect(copy.stance == .spreads)
        let paraphrase = try #require(Self.register.match("setrum mau mati 5 hari sekota krn gardu induk diganti").first)
        #expect(paraphrase.claimID == "listrik")
        #expect(paraphrase.method == .paraphrase)
    }

    @Test func everyVariantIndexesToItsClaim() {
        #expect(Self.register.variantCount == 4)
        #expect(Self.register.match("Air PDAM mati tiga hari se-kota mulai tanggal 14.").map(\.claimID) == ["air"])
    }

    @Test func anUnrelatedTextMatchesNothing() {
        #expect(Self.register.match("Jadwal posyandu lansia di kelurahan Sukaraja setiap Rabu pagi").isEmpty)
        #expect(Self.register.match("").isEmpty)
        #expect(HoaxRegister(claims: []).match("air mati tiga hari").isEmpty)
    }

    @Test func refutationsAreLeftOutUnlessAskedFor() throws {
        let debunk = "Tidak benar bendungan Cimaya retak dan akan jebol malam ini."
        #expect(Self.register.match(debunk).isEmpty)
        var parameters = HoaxMatchParameters()
        parameters.includeRefutations = true
        let found = try #require(Self.register.match(debunk, parameters: parameters).first)
        #expect(found.claimID == "bendungan")
        #expect(found.stance == .refutes)
    }

    @Test func thresholdsArePerTenant() {
        let text = "setrum mau mati 5 hari sekota krn gardu induk diganti"
        var strict = HoaxMatchParameters()
        strict.paraphraseThreshold = 0.99
        #expect(Self.register.match(text, parameters: strict).isEmpty)
        #expect(!Self.register.match(text).isEmpty)
    }

    @Test func matchingTheSameTextTwiceGivesTheSameAnswer() {
        let text = "bendungan cimaya udh retak, malem ini jebol"
        #expect(Self.register.match(text) == Self.register.match(text))
    }
}
