import Foundation
import Testing
@testable import SimpulServer

/// Every command of `simpul --help`, given a wrong name, a missing or bad argument or an
/// unreadable file, as the real executable: a short Indonesian message, the usage, status 2,
/// never a crash.
@Suite("Command line")
struct CommandLineTests {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        try TextCommandTests.run(arguments, input: Data(), environment: environment)
    }

    static let badLines: [(arguments: [String], says: String, usage: String)] = [
        (["hoaks"], "perintah `hoaks` tidak dikenal", "Pemakaian: simpul <command>"),
        (["hoax"], "perintah belum disebut", "Pemakaian: simpul hoax <command>"),
        (["hoax", "import", "/tidak/ada.csv"], "--tenant belum diisi", "Pemakaian: simpul hoax import"),
        (["hoax", "import", "--tenant", "uji", "/tidak/ada.csv"], "tidak ditemukan", "Pemakaian: simpul hoax import"),
        (["hoax", "match", "--file", "/tidak/ada.txt"], "tidak ditemukan", "Pemakaian: simpul hoax match"),
        (["tenat", "create"], "mungkin maksud Anda `tenant`?", "Pemakaian: simpul <command>"),
        (["tenant"], "perintah belum disebut", "Pemakaian: simpul tenant <command>"),
        (["tenant", "buat"], "perintah `buat` tidak dikenal", "Pemakaian: simpul tenant <command>"),
        (["tenant", "create", "--name", "Pemkot Uji", "--slug", "uji", "--zone", "Mars/Olympus"], "Perintah dibatalkan", "Pemakaian: simpul tenant create"),
        (["tenant", "create", "--slug"], "Perintah dibatalkan", "Pemakaian: simpul tenant create"),
        (["user"], "perintah belum disebut", "Pemakaian: simpul user <command>"),
        (["user", "create"], "Perintah dibatalkan", "Pemakaian: simpul user create"),
        (["user", "token", "--tenant", "tidak-ada", "--email", "a@b.go.id", "--name", "x"], "--tenant tidak dikenal", "Pemakaian: simpul user token"),
        (["text", "stem", "--dictionary", "/tidak/ada.txt"], "tidak bisa dibaca", "Pemakaian: simpul text stem"),
        (["text", "normalize", "lebih"], "masukan tidak dikenal", "Pemakaian: simpul text normalize"),
        (["check", "--file", "/tidak/ada.csv"], "tidak bisa dibaca", "Pemakaian: simpul check"),
        (["check", "--tenant", "tidak-ada"], "tidak ditemukan", "Pemakaian: simpul check"),
        (["webhook", "parse"], "file belum diisi", "Pemakaian: simpul webhook parse"),
        (["webhook", "parse", "--platform", "tiktok", "/tidak/ada.json"], "--platform harus salah satu", "Pemakaian: simpul webhook parse"),
        (["listen"], "perintah belum disebut", "Pemakaian: simpul listen <command>"),
        (["listen", "test", "--query", "banjir AND"], "--query: operator AND tanpa istilah di kolom 8", "Pemakaian: simpul listen test"),
        (["listen", "test", "--query", "banjir", "--platform", "friendster"], "--platform harus salah satu", "Pemakaian: simpul listen test"),
        (["demo", "--port", "delapan"], "--port harus bilangan bulat", "Pemakaian: simpul demo"),
        (["demo", "--history", "0"], "--history harus antara", "Pemakaian: simpul demo"),
        (["migrate", "sekarang"], "masukan tidak dikenal", "Pemakaian: simpul migrate"),
        (["worker", "--cepat"], "masukan tidak dikenal", "Pemakaian: simpul worker"),
        (["routes", "--semua"], "masukan tidak dikenal", "Pemakaian: simpul routes"),
        (["serve", "--port", "delapan"], "--port harus bilangan bulat", "Pemakaian: simpul serve"),
    ]

    @Test("bad command lines say what is wrong in Indonesian, show the usage and exit 2", arguments: badLines.indices)
    func badInput(_ index: Int) throws {
        let line = Self.badLines[index]
        let result = try Self.run(line.arguments)
        let joined = line.arguments.joined(separator: " ")
        #expect(result.status == 2, "simpul \(joined): status \(result.status)\n\(result.errors)")
        #expect(result.errors.contains(line.says), "simpul \(joined): \(result.errors)")
        #expect(result.errors.contains(line.usage), "simpul \(joined): \(result.errors)")
        #expect(!result.errors.contains("Fatal error") && !result.errors.contains("Backtrac"), "simpul \(joined) crashed")
        // Said once, on standard error: no English help from ConsoleKit on standard output.
        #expect(!result.output.contains("Usage:") && !result.output.contains("Commands:"), "simpul \(joined): \(result.output)")
    }

    @Test("every command of `simpul --help` is among the bad lines tried")
    func everyCommandTried() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        let listed = help.output.split(separator: "\n").drop { !$0.hasPrefix("Commands:") }.dropFirst()
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { !$0.hasPrefix("Use") }
        #expect(Set(listed) == ["check", "demo", "hoax", "listen", "migrate", "routes", "serve", "tenant", "text", "user", "webhook", "worker"])
        let tried = Set(Self.badLines.map { $0.arguments[0] })
        for command in listed { #expect(tried.contains(command), "no bad input tried for \(command)") }
    }

    @Test("help touches no database, and migrating prints one summary line instead of a line per migration")
    func quietMigrations() throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-cli-\(UUID().uuidString).sqlite").path
        let help = try Self.run(["--help"], environment: ["SIMPUL_SQLITE_PATH": database, "SIMPUL_LOG_LEVEL": "info"])
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(!(help.output + help.errors).contains("Migrator"))
        let migrated = try Self.run(["migrate"], environment: ["SIMPUL_SQLITE_PATH": database, "SIMPUL_LOG_LEVEL": "info"])
        #expect(migrated.status == 0)
        #expect(!(migrated.output + migrated.errors).contains("[Migrator]"))
        #expect(migrated.output.contains("migrasi diterapkan"))
        let seeded = try Self.run(["demo", "--seed-only"], environment: ["SIMPUL_LOG_LEVEL": "info"])
        #expect(seeded.status == 0)
        let lines = (seeded.output + seeded.errors).split(separator: "\n")
        #expect(!lines.contains { $0.contains("[Migrator]") })
        #expect(lines.filter { $0.contains("migrasi diterapkan") }.count == 1)
    }
}
