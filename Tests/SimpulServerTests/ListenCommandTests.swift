import Foundation
import Testing
@testable import SimpulServer

/// `simpul listen test`, run as the real executable on stdin.
@Suite("simpul listen test")
struct ListenCommandTests {
    static let input = Data("""
    Sudah 3 hari gak ada air di Cimaya
    Banjir bandang di jalan Merdeka, hoaks?
    pelayanan puskesmas cepat, makasih
    genangan air di Jalan Merdeka
    lampu jalan mati

    """.utf8)

    @Test("prints the matching lines as they came in, and the count on standard error")
    func goodQuery() throws {
        let result = try TextCommandTests.run(["listen", "test", "--query", "\"tidak ada air\" OR ((banjir OR genangan) NEAR/3 jalan NOT hoaks)"], input: Self.input)
        #expect(result.status == 0)
        #expect(result.output == "Sudah 3 hari gak ada air di Cimaya\ngenangan air di Jalan Merdeka\n")
        #expect(result.errors.contains("2 dari 5 baris cocok."))

        let stemmed = try TextCommandTests.run(["listen", "test", "--query", "layanan"], input: Self.input)
        #expect(stemmed.output == "pelayanan puskesmas cepat, makasih\n")
    }

    @Test("field options give every line its facts")
    func fields() throws {
        let onX = try TextCommandTests.run(["listen", "test", "--query", "jalan platform:x", "--platform", "x"], input: Self.input)
        #expect(onX.status == 0)
        #expect(onX.output.split(separator: "\n").count == 3)
        let elsewhere = try TextCommandTests.run(["listen", "test", "--query", "jalan platform:x", "--platform", "facebook"], input: Self.input)
        #expect(elsewhere.status == 0)
        #expect(elsewhere.output.isEmpty)
    }

    @Test("a bad query is refused with the error, its column and the usage, status 2")
    func badQuery() throws {
        let unclosed = try TextCommandTests.run(["listen", "test", "--query", "banjir AND (hujan OR angin"], input: Self.input)
        #expect(unclosed.status == 2)
        #expect(unclosed.output.isEmpty)
        #expect(unclosed.errors.contains("--query: tanda kurung tidak ditutup di kolom 12"))
        #expect(unclosed.errors.contains("Pemakaian: simpul listen test"))
        #expect(unclosed.errors.contains("--query"))

        let negation = try TextCommandTests.run(["listen", "test", "--query", "NOT banjir"], input: Self.input)
        #expect(negation.status == 2)
        #expect(negation.errors.contains("hanya berisi NOT"))

        let missing = try TextCommandTests.run(["listen", "test"], input: Self.input)
        #expect(missing.status == 2)
        #expect(missing.errors.contains("--query belum diisi"))
    }
}
