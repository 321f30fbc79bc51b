import Foundation
import Testing
@testable import SimpulServer

/// `simpul webhook parse`, run as the real executable: support's tool for captured payloads.
@Suite("simpul webhook parse")
struct WebhookParseCommandTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try CrashSafetyTests.executable()
        process.arguments = ["webhook", "parse"] + arguments
        // The command never opens the database: the SQLite file it is given must not appear.
        process.environment = ["SIMPUL_SQLITE_PATH": untouchedDatabase.path, "SIMPUL_LOG_LEVEL": "error", "SIMPUL_BCRYPT_COST": "4", "PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: untouchedDatabase.path))
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let untouchedDatabase = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-parse-\(UUID().uuidString)/never.sqlite")

    static func fixturePath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SimpulPlatformsTests/Fixtures/upstream/" + name).path
    }

    static func temporary(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("payload-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("prints one JSON line per normalised event")
    func parsesFixtures() throws {
        let meta = try Self.run(["--platform", "meta", Self.fixturePath("meta/feed-comment-add-211.json")])
        #expect(meta.status == 0)
        let lines = meta.output.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(lines.count == 1)
        let event = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(event?["eventID"] as? String == "901097836652708_903438993085259")
        #expect(event?["kind"] as? String == "comment")

        let x = try Self.run(["--platform", "x", Self.fixturePath("x/lookup_mentions.json")])
        #expect(x.status == 0)
        #expect(x.output.contains("\"platform\":\"x\""))
    }

    @Test("unknown change types come out as unknown events; bad input is a clear error")
    func badInput() throws {
        let unknown = try Self.run(["--platform", "meta", try Self.temporary(#"{"object":"page","entry":[{"id":"1","time":1,"changes":[{"field":"ratings","value":{"x":1}}]}]}"#)])
        #expect(unknown.status == 0)
        #expect(unknown.output.contains("\"kind\":\"unknown\""))
        let notJSON = try Self.run(["--platform", "whatsapp", try Self.temporary("ini bukan json")])
        #expect(notJSON.status != 0)
        #expect(notJSON.output.contains("bukan JSON"))
        let wrongEnvelope = try Self.run(["--platform", "meta", Self.fixturePath("whatsapp/webhook-incoming-message-text.json")])
        #expect(wrongEnvelope.status != 0)
        #expect(wrongEnvelope.output.contains("bukan payload meta"))
        let missing = try Self.run(["--platform", "meta", "/tidak/ada.json"])
        #expect(missing.status != 0 && missing.output.contains("tidak ditemukan"))
        let platform = try Self.run(["--platform", "friendster", Self.fixturePath("meta/feed-comment-add-211.json")])
        #expect(platform.status != 0 && platform.output.contains("--platform harus salah satu dari"))
    }
}
