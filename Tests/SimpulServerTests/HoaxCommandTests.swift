import Foundation
import Testing
@testable import SimpulServer

/// `simpul hoax import` and `simpul hoax match`, run as the real executable on one database.
@Suite("simpul hoax")
struct HoaxCommandTests {
    @Test("import fills the register (or refuses a bad file row by row, importing nothing); match answers one JSON line per text")
    func importAndMatch() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-hoax-\(UUID().uuidString).sqlite").path
        func run(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String, errors: String) {
            try TextCommandTests.run(arguments, input: Data(input.utf8), database: database)
        }
        let created = try run(["tenant", "create", "--name", "Pemkot Uji", "--slug", "uji", "--zone", "Asia/Jakarta"])
        #expect(created.status == 0, "\(created.errors)")
        let directory = FileManager.default.temporaryDirectory
        let bad = directory.appendingPathComponent("hoax-bad-\(UUID().uuidString).csv")
        try "title,content\n\"[HOAKS] Air mati\",\n\"[ENTAH] Lain\",isi\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try run(["hoax", "import", "--tenant", "uji", bad.path])
        #expect(refused.status == 2 && refused.errors.contains("Baris 2: isi klaim (content) kosong.") && refused.errors.contains("Baris 3: label \"[ENTAH]\""))
        let good = directory.appendingPathComponent("hoax-good-\(UUID().uuidString).csv")
        try """
        title,content,fact,references,tags,date
        "[HOAKS] Bendungan Cisalak jebol","Bendungan Cisalak jebol malam ini, warga diminta segera mengungsi","BPBD: bendungan aman",https://bpbd.contoh.go.id,fabricated,2026-12-07
        "[HOAKS] Bansos cair lewat tautan","Bantuan sosial Rp600.000 cair, isi data KTP di tautan ini","Penipuan; bansos tidak lewat tautan",,"impostor",2026-12-05

        """.write(to: good, atomically: true, encoding: .utf8)
        let imported = try run(["hoax", "import", "--tenant", "uji", good.path])
        #expect(imported.status == 0 && imported.output.contains("2 klaim diimpor ke register uji"), "\(imported.errors)")
        let matched = try run(["hoax", "match"], input: "Info grup sebelah: bendungan cisalak jebol malam ini, warga disuruh ngungsi!\nJadwal posyandu bulan ini kapan?\n")
        #expect(matched.status == 0, "\(matched.errors)")
        let lines = matched.output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2)
        let first = lines[0]?["matches"] as? [[String: Any]] ?? []
        #expect(first.count == 1 && (first.first?["score"] as? Double ?? 0) > 0.3 && first.first?["claim_id"] is String)
        #expect((lines[1]?["matches"] as? [Any])?.isEmpty == true && lines[1]?["line"] as? Int == 2)
    }
}
