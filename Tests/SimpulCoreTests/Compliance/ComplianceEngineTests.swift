import Foundation
import SimpulCore
import Testing

@Suite struct ComplianceEngineTests {
    static let election = RulePack.skb5(contests: [DemoCompliance.election], on: "2026-11-21")!
    static let engine = ComplianceEngine(packs: [.skb11, election, .se137, DemoCompliance.etiquettePack])

    @Test func findingsCarryRulePackSeveritySpansAndACitation() throws {
        let text = "Ayo coblos no 2, jangan salah pilih!"
        let finding = try #require(Self.engine.check(text).first { $0.ruleID == "skb5.nomor-urut" })
        #expect(finding.packID == "skb5")
        #expect(finding.severity == .block)
        #expect(finding.explanation.contains("SKB 5 Instansi"))
        #expect(finding.spans.map { text.excerpt($0) } == ["coblos", "no 2"])
    }

    @Test func spansPointIntoTheOriginalTextEvenAfterNormalising() throws {
        let text = "Yg gk pilih 02 rugi, C0BL0S n0 2!!! 🙏"
        let finding = try #require(Self.engine.check(text).first { $0.packID == "skb5" })
        let excerpts = finding.spans.map { text.excerpt($0) }
        #expect(excerpts.contains { $0.contains("C0BL0S") || $0.contains("pilih") })
    }

    @Test func negationAndReportingCancelAMatch() {
        #expect(Self.engine.check("ASN tidak boleh mendukung paslon 01 di media sosial.").isEmpty)
        #expect(Self.engine.check("Jangan pernah menghina Pancasila.").isEmpty)
        #expect(Self.engine.check("Beredar pesan \"sebarkan sebelum dihapus\" soal air PDAM. Itu hoaks, abaikan.").isEmpty)
        #expect(Self.engine.check("Bawaslu menerima laporan ASN yang mengunggah dukungan ke paslon 01.").isEmpty)
        #expect(!Self.engine.check("Pancasila itu sampah, ganti saja.").isEmpty)
    }

    @Test func innocentWordsDoNotTrip() {
        for text in ["Ikan bakar khas Tirtamaya, serbu diskon UMKM akhir pekan!",
                     "Vaksinasi rabies gratis untuk anjing dan kucing peliharaan.",
                     "Rahasia sambal enak: cabai segar dan terasi bakar.",
                     "KPU menetapkan tiga paslon; debat paslon 02 dan 03 hari Sabtu.",
                     "Silakan pilih layanan 01 atau 02 di mesin antrean."] {
            #expect(Self.engine.check(text).isEmpty, "\(text)")
        }
    }

    /// The packs with a finding of warning or block on `text`, "tenant" for the city's own pack.
    static func packs(_ text: String) -> Set<String> {
        Set(engine.check(text).filter { $0.severity >= .warning }.map { RulePack.builtInIDs.contains($0.packID) ? $0.packID : "tenant" })
    }

    // The classes of miss a review found on texts nobody on the team had written. The texts here
    // are new, not taken from the evaluation sets.

    @Test(arguments: [
        "Kumpulkan golok di masjid, malam ini kita datangi rumah dinas wali kota.",
        "Pejabat dinas yang menggusur kami pantas dibacok.",
        "lawan aparat pk bambu runcing, jgn takut!!",
    ])
    func forceAgainstTheGovernmentBreaksBothPacks(text: String) {
        #expect(Self.packs(text).isSuperset(of: ["skb11", "se137"]), "\(text)")
    }

    @Test(arguments: [
        "Sudah waktunya Pancasila kita buang, ganti dengan aturan kelompok kami.",
        "Turunkan Sang Saka dari tiang kantor, kibarkan panji hitam kita.",
        "Lambang Garuda di aula itu hancurkan saja, simbol syirik.",
    ])
    func replacingPancasilaOrDestroyingStateSymbolsIsRadicalism(text: String) {
        #expect(Self.packs(text).contains("skb11"), "\(text)")
    }

    @Test(arguments: [
        "Kaum kafir di perumahan kita harus disingkirkan sebelum puasa.",
        "Jangan belanja di warung aseng, biar mereka gulung tikar.",
        "Orang Cina tidak boleh punya tanah di kampung ini.",
        "Usir pendatang dari pasar, pasar ini milik pribumi!",
        "Jemaat gereja itu jangan dikasih izin bikin acara Natal di balai warga.",
        "k4f1r2 di gang sebelah mending pulang ke kampungnya aj",
    ])
    func expellingBoycottingOrRestrictingAGroupIsSaraHatred(text: String) {
        #expect(Self.packs(text).isSuperset(of: ["skb11", "se137"]), "\(text)")
    }

    @Test(arguments: [
        "Kita menangkan Yoket di kelurahan ini, target 60 persen!",
        "Buktiin di TPS, nomor tiga untuk Tirtamaya!",
        "Gabung grup WA Sahabat HendraSri, pegawai kelurahan juga banyak kok.",
        "Pilih yang di tengah ya, jangan yang lain.",
        "Saya mengimbau wali murid memilih Pak Yohanes.",
    ])
    func pairShortNamesAndBallotHintsWithCampaignWordsAreCampaigning(text: String) {
        #expect(Self.packs(text).contains("skb5"), "\(text)")
    }

    @Test(arguments: [
        "Air PAM di Tirta Barat sudah tercemar bakteri. Viralkan sebelum ada korban!",
        "Kabar dari grup sebelah, tabung gas 3 kg langka sampai Lebaran. Sebarkan ke tetangga!",
        "copas dr grp sblh: surat suara di TPS 7 udh dicoblos duluan, sebarin!!",
        // "Waspada" is a reporting word, but a text that says "share" spreads what it reports.
        "Waspada!!! Ada penculik anak berkeliaran pakai mobil putih. Share ke grup sekolah sekarang!",
    ])
    func alarmingClaimsWithACallToSpreadThemAreHoaxPatterns(text: String) {
        #expect(Self.packs(text).contains("se137"), "\(text)")
    }

    @Test(arguments: [
        "Pemerintah Kota Tirtamaya mengecam unggahan yang menyerukan pengusiran warga Madura dari pasar.",
        "Kami menolak keras ujaran kebencian terhadap umat Buddha dan mengajak warga menjaga kerukunan.",
        "Kami mengutuk ajakan membakar kantor kecamatan yang beredar semalam; pelakunya sudah dilaporkan.",
        "Pemkot mengingatkan: ajakan memboikot pedagang Tionghoa itu provokasi, jangan diikuti.",
        "Jangan sebarkan pesan soal harga beras tembus 30 ribu. Itu tidak benar.",
        "Wali Kota mengingatkan ASN agar tidak ikut grup relawan Hendra-Sri maupun paslon lain.",
        "Kepala sekolah mengimbau guru tidak mengunggah dukungan untuk paslon 03.",
        "Diskominfo menghapus akun yang mengajak mengganti Pancasila.",
    ])
    func condemningOrWarningAgainstAViolationIsNotOne(text: String) {
        #expect(Self.packs(text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        "Serbu bazar UMKM di halaman Kantor Kecamatan Timur, diskon sampai 50 persen!",
        "Juara 1 lomba kebersihan: Kelurahan Cempaka. Selamat!",
        "Denda 1 juta bagi yang buang sampah sembarangan, jangan ganti alasan.",
        "Warga keturunan Tionghoa dan Arab bergotong royong membersihkan masjid.",
        "Bupati dan Kapolres memusnahkan 200 senjata api rakitan hasil operasi.",
        "Bantu sebarkan: pemadaman listrik bergilir hari ini di Kecamatan Timur sesuai jadwal PLN.",
        "Ayo bersihkan masjid dan gereja di lingkungan kita menjelang hari raya.",
        "Vaksinasi rabies untuk anjing peliharaan gratis hari Sabtu.",
    ])
    func governmentNoticesThatShareWordsWithViolationsStayClean(text: String) {
        #expect(Self.packs(text).isEmpty, "\(text)")
    }

    @Test func theCitysPackCatchesPrivatePaymentAndOaths() {
        #expect(Self.packs("Sertifikat bisa terbit minggu ini, titipkan 500 ribu saja ke saya.") == ["tenant"])
        #expect(Self.packs("Anjir, antreannya panjang banget.") == ["tenant"])
        #expect(Self.packs("Biaya resmi pembuatan akta Rp0, layanan selesai dalam satu hari.").isEmpty)
    }

    @Test func aCallToSpreadPairsWithAClaimInAnotherSentenceOnlyWhereTheRuleSaysSo() throws {
        let text = "[t.sebar] peringatan\njudul: Sebar kabar\npenjelasan: Ajakan menyebarkan kabar (SE internal).\nkata: sebarkan\ndekat: jebol\njarak: 10"
        let within = try RuleText.parse(text).get()
        let across = try RuleText.parse(text + "\nlintas kalimat: ya").get()
        #expect(!within[0].acrossSentences && across[0].acrossSentences)
        #expect(try RuleText.parse(RuleText.render(across)).get() == across)
        let claim = "Tanggul di hulu sudah jebol dan airnya deras sekali. Tolong sebarkan."
        func engine(_ rules: [ComplianceRule]) -> ComplianceEngine {
            ComplianceEngine(packs: [RulePack(id: "internal", name: "Internal", regulation: "SE internal", summary: "", rules: rules)])
        }
        #expect(engine(within).check(claim).isEmpty)
        #expect(engine(across).check(claim).first?.ruleID == "t.sebar")
        // Rules stored before the option existed still decode.
        let stored = #"{"id":"a","title":"A","severity":"warning","explanation":"sepuluh karakter","terms":["x"]}"#
        #expect(try JSONDecoder().decode(ComplianceRule.self, from: Data(stored.utf8)).acrossSentences == false)
    }

    @Test func allowListSilencesTheSameWordsForThatRuleOnly() throws {
        let text = "Serbu kantor pos, ada promo prangko!"
        let finding = try #require(Self.engine.check(text).first)
        let allowed: Set<AllowListEntry> = [AllowListEntry(ruleID: finding.ruleID, matched: finding.matched)]
        #expect(Self.engine.check(text, allowList: allowed).allSatisfy { $0.ruleID != finding.ruleID })
    }

    @Test func electionPackFollowsItsValidityPeriod() {
        #expect(RulePack.skb5(contests: [DemoCompliance.election], on: "2026-08-31") == nil)
        #expect(RulePack.skb5(contests: [DemoCompliance.election], on: "2027-03-31") != nil)
        #expect(RulePack.skb5(contests: [DemoCompliance.election], on: "2027-04-01") == nil)
        let withoutElection = ComplianceEngine(packs: RulePack.builtIn)
        #expect(withoutElection.check("Coblos no 2!").isEmpty)
    }

    @Test func badInputGivesAClearProblemOrNoFinding() {
        #expect(TextInputProblem.check("") == .empty)
        #expect(TextInputProblem.check("   \n ") == .empty)
        #expect(TextInputProblem.check(String(repeating: "a", count: TextInputProblem.maxLength + 1)) == .tooLong(limit: TextInputProblem.maxLength))
        #expect(TextInputProblem.check("🙏🙏") == nil)
        #expect(Self.engine.check("🙏🔥😡").isEmpty)
        #expect(Self.engine.check("").isEmpty)
        #expect(Self.engine.check("Москва 東京 ΑΘΗΝΑ").isEmpty)
        let long = String(repeating: "Pelayanan publik yang baik. ", count: 350)
        #expect(Self.engine.check(long).isEmpty)
    }

    @Test func ruleTextRoundTripsAndReportsLines() throws {
        let text = """
        [etika.kasar] blokir
        judul: Kata kasar
        penjelasan: Akun resmi wajib santun (Pedoman).
        kata: goblok, =dasar bodoh
        dekat: kamu, anda
        jarak: 3
        kecuali: bercanda
        negasi: tidak
        """
        let rules = try RuleText.parse(text).get()
        #expect(rules.count == 1)
        #expect(rules[0].near == ["kamu", "anda"] && rules[0].window == 3 && !rules[0].negatable && rules[0].unless == ["bercanda"])
        #expect(try RuleText.parse(RuleText.render(rules)).get() == rules)

        guard case .failure(let errors) = RuleText.parse("[x] sangat\nkata: a\nwarna: merah") else {
            Issue.record("bad rule text parsed")
            return
        }
        #expect(errors.items.contains { $0.line == 1 && $0.message.contains("tingkat") })
        #expect(errors.items.contains { $0.line == 3 })
        guard case .failure(let unknownSet) = RuleText.parse("[a] info\njudul: A\npenjelasan: sepuluh karakter\nkata: $tidak-ada") else {
            Issue.record("unknown term set accepted")
            return
        }
        #expect(unknownSet.items.contains { $0.message.contains("$tidak-ada") })
    }

    @Test func tenantRulesWork() throws {
        let rules = try RuleText.parse("[t.rapat] peringatan\njudul: Bocor rapat\npenjelasan: Jangan bocorkan isi rapat (SE internal).\nkata: notulen rapat\ndekat: sebar, bocor\njarak: 3").get()
        let engine = ComplianceEngine(packs: [RulePack(id: "internal", name: "Internal", regulation: "SE internal", summary: "", rules: rules)])
        #expect(engine.check("Notulen rapat kemarin saya sebar ya").first?.ruleID == "t.rapat")
        #expect(engine.check("Notulen rapat sudah diarsipkan").isEmpty)
    }

    @Test func electionTextParsesCandidatesAndParties() throws {
        let candidates = try ElectionText.parseCandidates("01 | Hendra Wijaya; Sri Rahayu | #HendraSri01 | Tirtamaya Bangkit | @hendrasri01\n02 | Bambang").get()
        #expect(candidates.count == 2)
        #expect(candidates[0].accounts == ["hendrasri01"] && candidates[0].hashtags == ["#HendraSri01"])
        #expect(try ElectionText.parseCandidates(ElectionText.render(candidates: candidates)).get() == candidates)
        guard case .failure = ElectionText.parseCandidates("satu | Nama") else {
            Issue.record("a candidate without a ballot number was accepted")
            return
        }
        #expect(ElectionText.parseParties("Partai Karya Nusantara (PKN)\nPartai Tanpa Singkatan") == [
            .init(name: "Partai Karya Nusantara", abbreviation: "PKN"), .init(name: "Partai Tanpa Singkatan")])
    }

    @Test func staffActivityIsJudgedByWhatItEndorses() {
        let target = Self.engine.check("Pancasila itu thagut, tegakkan khilafah!")
        let findings = StaffActivity.assess(.share, targetFindings: target, targetAccount: "warga123", candidateAccounts: ["hendrasri01"])
        #expect(findings.map(\.ruleID) == ["skb11.aktivitas"])
        #expect(findings[0].explanation.contains("butir 3 dan 4"))
        let follow = StaffActivity.assess(.reaction, targetFindings: [], targetAccount: "@HendraSri01", candidateAccounts: ["hendrasri01"])
        #expect(follow.map(\.ruleID) == ["skb5.akun-kandidat"])
        #expect(StaffActivity.assess(.reaction, targetFindings: [], targetAccount: "warga", candidateAccounts: ["hendrasri01"]).isEmpty)
    }

    @Test func submissionGateNeedsAnApproversWrittenReason() throws {
        let blocking = Self.engine.check("Ayo coblos no 2!")
        #expect(try SubmissionGate.decide(findings: [], overrideReason: nil, mayOverride: false) == .clear)
        #expect(try SubmissionGate.decide(findings: blocking, overrideReason: nil, mayOverride: true) == .blocked(blocking))
        #expect(throws: SubmissionGate.Problem.notAllowedToOverride) {
            try SubmissionGate.decide(findings: blocking, overrideReason: "Kutipan berita resmi KPU", mayOverride: false)
        }
        #expect(throws: SubmissionGate.Problem.reasonTooShort) {
            try SubmissionGate.decide(findings: blocking, overrideReason: "oke", mayOverride: true)
        }
        #expect(try SubmissionGate.decide(findings: blocking, overrideReason: "Kutipan resmi dari siaran pers KPU", mayOverride: true)
                == .overridden(blocking, reason: "Kutipan resmi dari siaran pers KPU"))
    }
}

@Suite struct PlainLanguageTests {
    static let analyzer = TextAnalyzer()

    @Test func shortPlainTextScoresHigh() {
        let report = PlainLanguage.assess("Pendaftaran KTP buka pukul 08.00. Bawa KK asli. Layanan ini gratis.", analyzer: Self.analyzer)
        #expect(report.level == .simple)
        #expect(report.reasons.isEmpty)
        #expect(report.sentences == 3)
    }

    @Test func bureaucraticTextGetsReasons() {
        let text = "Dalam rangka optimalisasi implementasi sinergi antar pemangku kepentingan terkait akselerasi pembangunan infrastruktur daerah yang berkelanjutan dan berkesinambungan sebagaimana telah disampaikan dan ditetapkan dalam rapat koordinasi yang diselenggarakan oleh pemerintah kota pada minggu lalu, maka disampaikan kepada seluruh perangkat daerah untuk ditindaklanjuti."
        let report = PlainLanguage.assess(text, analyzer: Self.analyzer)
        #expect(report.score < 80)
        let codes = Set(report.reasons.map(\.code))
        #expect(codes.contains("kalimat-panjang"))
        #expect(codes.contains("jargon"))
        #expect(report.jargon.contains { $0.phrase == "optimalisasi" })
        #expect(report.passiveVerbs >= 3)
    }

    @Test func emptyAndEmojiOnlyTextsDoNotBreak() {
        #expect(PlainLanguage.assess("", analyzer: Self.analyzer).score == 100)
        #expect(PlainLanguage.assess("🙏🙏", analyzer: Self.analyzer).words == 0)
    }
}
