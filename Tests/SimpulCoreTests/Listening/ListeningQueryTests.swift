import Foundation
import SimpulCore
import Testing

@Suite("Listening query language")
struct ListeningQueryTests {
    static let analyzer = TextAnalyzer()

    static func query(_ text: String) throws -> ListeningQuery {
        try ListeningQuery(text, analyzer: analyzer)
    }

    static func matches(_ query: String, _ text: String, _ metadata: ListeningMetadata = ListeningMetadata()) throws -> Bool {
        try Self.query(query).matches(ListeningDocument(text: text, metadata: metadata, analyzer: analyzer))
    }

    /// The error a query is refused with.
    static func refusal(_ query: String) -> ListeningQueryError? {
        do {
            _ = try ListeningQuery(query, analyzer: analyzer)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Terms, slang and affixes

    @Test("terms are normalised and stemmed like the inbox: slang, affixes, repeated letters, case")
    func termsMeetTheirForms() throws {
        #expect(try Self.matches("\"gak ada air\"", "Sudah tiga hari tidak ada air di Cimaya"))
        #expect(try Self.matches("\"tidak ada air\"", "udh 3 hari gak ada air!!!"))
        #expect(try Self.matches("pelayanan", "layanan puskesmas lambat"))
        #expect(try Self.matches("layanan", "Pelayanannya mantaaap"))
        #expect(try Self.matches("BANJIR", "banjirnya sampai lutut"))
        #expect(try !Self.matches("banjir", "jalan berlubang di Sukamaju"))
    }

    @Test("a word the normaliser expands to several is a phrase")
    func expandedSlangIsAPhrase() throws {
        // "otw" is "dalam perjalanan".
        #expect(try Self.matches("otw", "petugas dalam perjalanan ke lokasi"))
        #expect(try !Self.matches("otw", "perjalanan petugas dalam kota"))
    }

    @Test("hashtags and mentions: the bare word finds them, the signed one only them")
    func hashtagsAndMentions() throws {
        #expect(try Self.matches("banjir", "Waspada #banjir sore ini"))
        #expect(try Self.matches("#banjir", "Waspada #Banjir sore ini"))
        #expect(try !Self.matches("#banjir", "Waspada banjir sore ini"))
        #expect(try Self.matches("@dinkes_tirtamaya", "tolong @Dinkes_Tirtamaya cek"))
        #expect(try !Self.matches("@dinkes_tirtamaya", "dinkes_tirtamaya tolong cek"))
        #expect(try Self.matches("\"info publik\"", "Simak #InfoPublik hari ini"))
    }

    // MARK: Operators and precedence

    @Test("AND, implicit AND, OR and NOT")
    func booleanOperators() throws {
        #expect(try Self.matches("banjir AND jalan", "banjir di jalan merdeka"))
        #expect(try !Self.matches("banjir AND jalan", "banjir di gang mawar"))
        #expect(try Self.matches("banjir jalan", "jalan merdeka banjir"))
        #expect(try !Self.matches("banjir jalan", "jalan merdeka macet"))
        #expect(try Self.matches("banjir OR genangan", "genangan setinggi betis"))
        #expect(try !Self.matches("banjir OR genangan", "jalan berlubang"))
        #expect(try Self.matches("banjir NOT hoaks", "banjir di pasar"))
        #expect(try !Self.matches("banjir NOT hoaks", "banjir di pasar itu hoaks"))
        #expect(try Self.matches("banjir AND NOT hoaks", "banjir di pasar"))
        #expect(try !Self.matches("banjir AND NOT hoaks", "banjir di pasar itu hoaks"))
    }

    @Test("precedence: NOT binds tightest, then NEAR, then AND, then OR")
    func precedence() throws {
        // a OR b c is a OR (b AND c).
        #expect(try Self.matches("banjir OR jalan rusak", "banjir lagi"))
        #expect(try !Self.matches("banjir OR jalan rusak", "jalan lagi"))
        #expect(try Self.matches("banjir OR jalan rusak", "jalan itu rusak"))
        // a OR b AND c likewise.
        #expect(try !Self.matches("banjir OR jalan AND rusak", "jalan lagi"))
        // NOT a b is (NOT a) AND b.
        #expect(try Self.matches("NOT hoaks banjir", "banjir lagi"))
        #expect(try !Self.matches("NOT hoaks banjir", "banjir hoaks"))
        #expect(try !Self.matches("NOT hoaks banjir", "hujan saja"))
        // NOT a OR b is (NOT a) OR b; refused because the first branch only excludes.
        #expect(Self.refusal("NOT hoaks OR banjir")?.problem == .onlyNegation)
        // a b NEAR/1 c is a AND (b NEAR/1 c).
        #expect(try Self.matches("warga jalan NEAR/1 rusak", "warga bilang jalan sangat rusak"))
        #expect(try !Self.matches("warga jalan NEAR/1 rusak", "warga bilang jalan di sana sangat rusak"))
        #expect(try !Self.matches("warga jalan NEAR/1 rusak", "jalan sangat rusak"))
    }

    @Test("brackets override precedence and nest")
    func brackets() throws {
        #expect(try Self.matches("(banjir OR genangan) jalan", "genangan di jalan"))
        #expect(try !Self.matches("(banjir OR genangan) jalan", "banjir di gang"))
        #expect(try Self.matches("((banjir OR genangan) AND (jalan OR gang)) NOT hoaks", "banjir di gang"))
        #expect(try !Self.matches("((banjir OR genangan) AND (jalan OR gang)) NOT hoaks", "banjir di gang, hoaks"))
        #expect(try Self.matches("NOT (hoaks OR bohong) banjir", "banjir beneran"))
        #expect(try !Self.matches("NOT (hoaks OR bohong) banjir", "banjir itu bohong"))
    }

    @Test("phrases need their words next to each other, in order")
    func phrases() throws {
        #expect(try Self.matches("\"banjir bandang\"", "Banjir bandang melanda Sukamaju"))
        #expect(try !Self.matches("\"banjir bandang\"", "bandang banjir"))
        #expect(try !Self.matches("\"banjir bandang\"", "banjir besar dan bandang"))
        #expect(try Self.matches("“banjir bandang”", "banjir bandang lagi"))
        // Affixes inside a phrase are stemmed too.
        #expect(try Self.matches("\"pelayanan kesehatan\"", "layanan kesehatan gratis"))
        // A quoted operator word is a word.
        #expect(try Self.matches("\"and\" rock", "rock and roll"))
    }

    @Test("NEAR/n: at most n other words between, either order")
    func near() throws {
        #expect(try Self.matches("banjir NEAR/2 jalan", "banjir di jalan"))
        #expect(try Self.matches("banjir NEAR/2 jalan", "jalan yang banjir"))
        #expect(try Self.matches("banjir NEAR/2 jalan", "banjir di sekitar jalan"))
        #expect(try !Self.matches("banjir NEAR/2 jalan", "banjir di sekitar ujung jalan"))
        #expect(try Self.matches("banjir NEAR/1 jalan", "banjir jalan"))
        // Phrases and OR groups on either side; the distance counts from the phrase's ends.
        #expect(try Self.matches("\"banjir bandang\" NEAR/1 (jalan OR jembatan)", "jembatan putus banjir bandang"))
        #expect(try !Self.matches("\"banjir bandang\" NEAR/1 (jalan OR jembatan)", "jembatan sudah putus karena banjir bandang"))
        // Wildcards too.
        #expect(try Self.matches("lapor* NEAR/3 warga", "warga sudah melaporkan"))
    }

    @Test("ONEAR/n: the same, with the left side first")
    func orderedNear() throws {
        #expect(try Self.matches("jalan ONEAR/2 rusak", "jalan sangat rusak"))
        #expect(try !Self.matches("jalan ONEAR/2 rusak", "rusak sekali jalan"))
        #expect(try !Self.matches("jalan ONEAR/2 rusak", "jalan di sana sangat rusak"))
        #expect(try Self.matches("jalan ONEAR/3 rusak", "jalan di sana sangat rusak"))
    }

    @Test("trailing wildcard matches any stem or normalised word with the prefix")
    func wildcard() throws {
        #expect(try Self.matches("lapor*", "sudah dilaporkan ke kelurahan"))
        #expect(try Self.matches("lapor*", "Laporan saya belum dibalas"))
        #expect(try Self.matches("pengadu*", "pengaduan warga"))
        #expect(try !Self.matches("lapor*", "lampu jalan mati"))
        #expect(try Self.matches("vaks*", "#VaksinGratis di puskesmas"))
    }

    @Test("fields match the message's metadata, quoted or not, without case")
    func fields() throws {
        let metadata = ListeningMetadata(platform: .instagram, accounts: ["dinkes_tirtamaya", "Dinas Kesehatan"], units: ["DINKES", "PEMDA"],
                                         kind: "comment", authors: ["@budi_s", "Budi Santoso"])
        let text = "antrean puskesmas panjang"
        #expect(try Self.matches("antrean platform:instagram", text, metadata))
        #expect(try !Self.matches("antrean platform:facebook", text, metadata))
        #expect(try Self.matches("antrean platform:Instagram", text, metadata))
        #expect(try Self.matches("antrean account:@dinkes_tirtamaya", text, metadata))
        #expect(try Self.matches("antrean account:\"dinas kesehatan\"", text, metadata))
        #expect(try Self.matches("antrean unit:dinkes", text, metadata))
        #expect(try Self.matches("antrean unit:PEMDA", text, metadata))
        #expect(try !Self.matches("antrean unit:DISHUB", text, metadata))
        #expect(try Self.matches("antrean kind:comment", text, metadata))
        #expect(try !Self.matches("antrean kind:dm", text, metadata))
        #expect(try Self.matches("antrean author:\"Budi  Santoso\"", text, metadata))
        #expect(try Self.matches("antrean author:budi_s", text, metadata))
        #expect(try Self.matches("platform:instagram NOT banjir", text, metadata))
        #expect(try Self.matches("antrean (platform:x OR platform:twitter OR unit:dinkes)", text, metadata))
        #expect(try !Self.matches("antrean NOT kind:comment", text, metadata))
    }

    // MARK: Errors

    @Test("errors name the problem in Indonesian and the 1-based column")
    func errors() {
        let cases: [(String, String)] = [
            ("banjir AND (hujan OR angin", "tanda kurung tidak ditutup di kolom 12"),
            ("banjir AND ((hujan) OR angin", "tanda kurung tidak ditutup di kolom 12"),
            ("banjir \"jalan rusak", "tanda kutip tidak ditutup di kolom 8"),
            ("ab\"x", "tanda kutip tidak ditutup di kolom 3"),
            ("banjir OR AND hujan", "operator OR tanpa istilah di kolom 8"),
            ("banjir OR hujan AND", "operator AND tanpa istilah di kolom 17"),
            ("AND hujan", "operator AND tanpa istilah di kolom 1"),
            ("banjir NEAR/3", "operator NEAR/3 tanpa istilah di kolom 8"),
            ("banjir NOT", "operator NOT tanpa istilah di kolom 8"),
            ("(OR hujan)", "operator OR tanpa istilah di kolom 2"),
            ("jalan la*", "wildcard butuh minimal 3 huruf sebelum * di kolom 9"),
            ("la*por", "wildcard * hanya boleh di akhir kata di kolom 3"),
            ("\"banjir band*\"", "wildcard * tidak bisa dipakai di dalam frasa di kolom 13"),
            ("lokasi:cimaya banjir", "bidang tidak dikenal \"lokasi\" di kolom 1; pilih salah satu: platform:, account:, unit:, kind:, author:"),
            ("banjir platform:fb", "platform tidak dikenal \"fb\" di kolom 17; pilih salah satu: instagram, facebook, x, youtube, tiktok, whatsapp"),
            ("banjir unit:", "bidang unit: belum diberi nilai di kolom 8"),
            ("banjir account:dinkes*", "wildcard * tidak bisa dipakai pada nilai bidang di kolom 22"),
            ("banjir NEAR/0 jalan", "NEAR/n butuh angka 1–50 di kolom 8"),
            ("banjir NEAR/51 jalan", "NEAR/n butuh angka 1–50 di kolom 8"),
            ("banjir NEAR jalan", "NEAR/n butuh angka 1–50 di kolom 8"),
            ("banjir ONEAR/x jalan", "ONEAR/n butuh angka 1–50 di kolom 8"),
            ("(banjir jalan) NEAR/3 rusak", "NEAR/3 hanya menghubungkan istilah, frasa, wildcard atau kelompok OR dari itu di kolom 16"),
            ("banjir NEAR/3 jalan NEAR/3 rusak", "NEAR/3 hanya menghubungkan istilah, frasa, wildcard atau kelompok OR dari itu di kolom 21"),
            ("banjir NEAR/3 NOT jalan", "NEAR/3 hanya menghubungkan istilah, frasa, wildcard atau kelompok OR dari itu di kolom 8"),
            ("banjir or genangan", "tulis operator dengan huruf besar (OR), atau beri tanda kutip bila maksudnya kata \"or\" di kolom 8"),
            ("banjir near/3 jalan", "tulis operator dengan huruf besar (NEAR/3), atau beri tanda kutip bila maksudnya kata \"near/3\" di kolom 8"),
            ("banjir )", "tanda kurung tutup tanpa pasangan di kolom 8"),
            ("banjir ()", "tanda kurung kosong di kolom 8"),
            ("banjir \"\"", "frasa kosong di kolom 8"),
            ("banjir !!!", "istilah \"!!!\" tidak berisi kata yang bisa dicari di kolom 8"),
            ("NOT banjir", "bagian ini hanya berisi NOT sehingga cocok dengan hampir semua pesan; tambahkan istilah yang dicari di kolom 1"),
            ("NOT banjir NOT hujan", "bagian ini hanya berisi NOT sehingga cocok dengan hampir semua pesan; tambahkan istilah yang dicari di kolom 1"),
            ("banjir OR (NOT hujan)", "bagian ini hanya berisi NOT sehingga cocok dengan hampir semua pesan; tambahkan istilah yang dicari di kolom 12"),
            // Columns count characters as seen: curly quotes and emoji are one each.
            ("“banjir” (jalan", "tanda kurung tidak ditutup di kolom 10"),
            ("banjir 👍👍 (jalan", "tanda kurung tidak ditutup di kolom 11"),
            ("banjir 👍👍", "istilah \"👍👍\" tidak berisi kata yang bisa dicari di kolom 8"),
            ("", "kueri kosong: tulis minimal satu istilah"),
            ("   ", "kueri kosong: tulis minimal satu istilah"),
        ]
        for (query, message) in cases {
            #expect(Self.refusal(query)?.message == message, "\(query)")
        }
        #expect(Self.refusal("lokasi:cimaya")?.problem == .unknownField("lokasi"))
        #expect(Self.refusal("banjir ONEAR/x jalan")?.problem == .proximityDistance(.ordered))
    }

    @Test("length and nesting are limited with a clear error, never a crash")
    func limits() {
        let long = Array(repeating: "banjir", count: 400).joined(separator: " OR ")
        let tooLong = Self.refusal(long)
        #expect(tooLong?.problem == .tooLong(maximum: ListeningQuery.maxLength))
        #expect(tooLong?.message == "kueri terlalu panjang (maksimal 2.000 karakter)")

        let deep = String(repeating: "(", count: 11) + "banjir" + String(repeating: ")", count: 11)
        #expect(Self.refusal(deep)?.message == "kueri terlalu bertingkat (maksimal 10 tingkat kurung atau NOT) di kolom 11")
        let fine = String(repeating: "(", count: 10) + "banjir" + String(repeating: ")", count: 10)
        #expect(Self.refusal(fine) == nil)
        // A thousand brackets: refused at the eleventh, the parser never goes deeper.
        #expect(Self.refusal(String(repeating: "(", count: 1_000))?.problem == .tooDeep(maximum: 10))
        #expect(Self.refusal("banjir " + String(repeating: "NOT ", count: 20) + "hujan")?.problem == .tooDeep(maximum: 10))
    }

    @Test("quoted field values and curly quotes")
    func quotedValues() throws {
        let metadata = ListeningMetadata(units: ["Kecamatan Sukamaju"])
        #expect(try Self.matches("unit:“kecamatan sukamaju” jalan", "jalan rusak", metadata))
        #expect(Self.refusal("unit:\"kecamatan sukamaju") == ListeningQueryError(.unclosedQuote, column: 6))
    }
}
