import Foundation
import Testing
@testable import SimpulServer

/// `simpul text stem|normalize` and `simpul check`, run as the real executable on stdin.
@Suite("simpul text and simpul check")
struct TextCommandTests {
    static func run(_ arguments: [String], input: Data, database: String? = nil, environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = try CrashSafetyTests.executable()
        process.arguments = arguments
        let path = database ?? FileManager.default.temporaryDirectory.appendingPathComponent("simpul-text-\(UUID().uuidString).sqlite").path
        process.environment = ["SIMPUL_SQLITE_PATH": path, "SIMPUL_LOG_LEVEL": "error", "SIMPUL_BCRYPT_COST": "4", "PATH": "/usr/bin:/bin"]
            .merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    @Test("stem and normalize answer line for line, even past a line that is not UTF-8")
    func stemAndNormalize() throws {
        let stems = try Self.run(["text", "stem"], input: Data("pelayanan\nmenyampaikan\nBerlari\n".utf8))
        #expect(stems.status == 0)
        #expect(stems.output == "layan\nsampai\nlari\n")

        var input = Data("Mantaaap bgt!!!\n".utf8)
        input.append(contentsOf: [0xFF, 0xFE, 0x0A])
        input.append(Data("gak ada air udh 3 hari\n".utf8))
        let normalized = try Self.run(["text", "normalize"], input: input)
        #expect(normalized.status == 0)
        #expect(normalized.output == "mantap banget\n\ntidak ada air sudah 3 hari\n")
        #expect(normalized.errors.contains("baris 2"))
    }

    @Test("stem takes the operator's root-word list for the dictionary mode")
    func dictionaryMode() throws {
        let roots = FileManager.default.temporaryDirectory.appendingPathComponent("akar-\(UUID().uuidString).txt")
        try Data("# daftar uji\nsapu\najar\n".utf8).write(to: roots)
        // Snowball alone reads "menyapu" as "sapu" and "pelajaran" as "ajar" too; "mengajarkan" shows the kamus at work.
        let stems = try Self.run(["text", "stem", "--dictionary", roots.path], input: Data("menyapu\nmengajarkan\n".utf8))
        #expect(stems.status == 0)
        #expect(stems.output == "sapu\najar\n")
        let missing = try Self.run(["text", "stem", "--dictionary", "/tidak/ada.txt"], input: Data("kata\n".utf8))
        #expect(missing.status != 0)
        #expect(missing.errors.contains("tidak bisa dibaca"))
    }

    @Test("check prints one JSON line per finding with pack, rule, severity and spans")
    func check() throws {
        let result = try Self.run(["check"], input: Data("Selamat pagi warga Tirtamaya\nPancasila itu sampah, tegakkan khilafah!\n\n".utf8))
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["line"] as? Int == 2)
            #expect(object["pack"] as? String == "skb11")
            #expect(["warning", "block"].contains(object["severity"] as? String ?? ""))
            #expect(!((object["spans"] as? [[String: Any]]) ?? []).isEmpty)
        }
        #expect(result.errors.contains("3 teks diperiksa"))
    }

    @Test("check reads a CSV column and refuses a CSV without it")
    func checkCSV() throws {
        let csv = "id,text\n1,\"Ayo serbu kantor camat, bakar saja!\"\n2,Posyandu buka Senin\n"
        let result = try Self.run(["check", "--csv"], input: Data(csv.utf8))
        #expect(result.status == 0)
        #expect(result.output.contains(#""line":2"#) && result.output.contains("se137"))
        #expect(!result.output.contains(#""line":3"#))
        let missing = try Self.run(["check", "--csv", "--column", "isi"], input: Data(csv.utf8))
        #expect(missing.status != 0)
        #expect(missing.errors.contains("tidak punya kolom isi"))
    }
}
