import SimpulCore
import Testing

@Suite struct TurnBackHoaxImportTests {
    static let header = "title,content,fact,references,tags,date\n"

    @Test func goodRowsAreRead() throws {
        let csv = Self.header + """
            "[HOAKS] Air PDAM mati tiga hari","PDAM menghentikan air ke seluruh kota selama tiga hari.","Tidak benar; hanya empat jam di Cimaya.","https://a.example/1; https://b.example/2","Konten Palsu, air",2026-12-07
            [DISINFORMASI] Vaksin berisi chip,"Vaksin MR mengandung chip, katanya.",,,,07/12/2026
            Judul tanpa label,Isi tanpa label,,,,

            """
        let outcome = try TurnBackHoaxImport.read(csv)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.rows.count == 3)
        let first = outcome.rows[0]
        #expect(first.line == 2)
        #expect(first.title == "Air PDAM mati tiga hari")
        #expect(first.label == .hoaks)
        #expect(first.type == .fabricated)
        #expect(first.content == "PDAM menghentikan air ke seluruh kota selama tiga hari.")
        #expect(first.conclusion == "Tidak benar; hanya empat jam di Cimaya.")
        #expect(first.references == ["https://a.example/1", "https://b.example/2"])
        #expect(first.tags == ["Konten Palsu", "air"])
        #expect(first.date == "2026-12-07")
        #expect(outcome.rows[1].label == .disinformasi)
        #expect(outcome.rows[1].content == "Vaksin MR mengandung chip, katanya.")
        #expect(outcome.rows[1].conclusion == nil && outcome.rows[1].type == nil)
        #expect(outcome.rows[2].label == nil && outcome.rows[2].date == nil)
    }

    @Test func onlyTitleAndContentAreRequiredAndIndonesianHeadersWork() throws {
        let outcome = try TurnBackHoaxImport.read("Judul;Narasi\n[FAKTA] Uang 75 ribu sah;Uang Rp75.000 sah.\n")
        #expect(outcome.rows.count == 1)
        #expect(outcome.rows[0].label == .fakta)
    }

    @Test func eachKindOfBadRowIsReportedWithItsLine() throws {
        let csv = Self.header + """
            ,Isi tanpa judul,,,,
            Judul tanpa isi,,,,,
            Tanggal salah,Isi,,,,2026-13-40
            Kolom lebih,Isi,,,,2026-01-01,lebih
            [NGAWUR] Label aneh,Isi,,,,
            Baik,Isi yang baik,,,,31/12/2026

            """
        let outcome = try TurnBackHoaxImport.read(csv)
        #expect(outcome.rows.map(\.line) == [7])
        #expect(outcome.problems.map(\.line) == [2, 3, 4, 5, 6])
        #expect(outcome.problems.map(\.issue) == [
            .missingTitle, .missingContent, .invalidDate("2026-13-40"), .extraFields(expected: 6, found: 7), .unknownLabel("[NGAWUR]"),
        ])
        #expect(outcome.problems[0].message == "Baris 2: judul (title) kosong.")
        #expect(outcome.problems[1].message == "Baris 3: isi klaim (content) kosong.")
        #expect(outcome.problems[2].message.hasPrefix("Baris 4: tanggal \"2026-13-40\" tidak dikenali."))
        #expect(outcome.problems[3].message.hasPrefix("Baris 5: berisi 7 kolom"))
        #expect(outcome.problems[4].message.hasPrefix("Baris 6: label \"[NGAWUR]\" tidak dikenal."))
    }

    @Test func aRowMissingBothIsReportedTwice() throws {
        let outcome = try TurnBackHoaxImport.read(Self.header + ",,,,,2026-01-01\n")
        #expect(outcome.problems.map(\.issue) == [.missingTitle, .missingContent])
        #expect(outcome.problems.allSatisfy { $0.line == 2 })
    }

    @Test func fileProblems() {
        #expect(throws: TurnBackHoaxImport.FileProblem.empty) { try TurnBackHoaxImport.read("") }
        #expect(throws: TurnBackHoaxImport.FileProblem.missingColumns(["content"])) { try TurnBackHoaxImport.read("title,date\nA,2026-01-01\n") }
        #expect(throws: TurnBackHoaxImport.FileProblem.noRows) { try TurnBackHoaxImport.read(Self.header) }
        #expect(throws: TurnBackHoaxImport.FileProblem.unreadable(line: 2)) { try TurnBackHoaxImport.read(Self.header + "\"A,B\n") }
        #expect(TurnBackHoaxImport.FileProblem.missingColumns(["title", "content"]).message == "Kolom wajib tidak ada: title, content.")
    }

    @Test func rowsBecomeRegisterEntries() throws {
        let outcome = try TurnBackHoaxImport.read(Self.header + "[HOAKS] Bendungan jebol,Bendungan Cimaya retak dan akan jebol malam ini,,,,\n")
        let register = HoaxRegister(claims: outcome.rows.map { HoaxClaimText(id: "row-\($0.line)", variants: [$0.content]) })
        #expect(register.match("bendungan cimaya udh retak, malem ini jebol!!").first?.claimID == "row-2")
    }
}
