import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// A database made by an earlier main (the demo with an hour of Sandbox traffic, replies, notes,
/// findings and content, before states, kinds and platforms became typed fields) opens, takes
/// the newer migrations, and reads and renders as it did. SQLite only: the fixture is a file.
@Suite("Upgrade from an earlier database")
struct UpgradeTests {
    static func unpackedFixture() throws -> String {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/demo-db-before-typed-fields.sqlite.gz")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simpul-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let target = directory.appendingPathComponent("demo.sqlite")
        FileManager.default.createFile(atPath: target.path, contents: nil)
        let gunzip = Process()
        gunzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gunzip.arguments = ["-c", "gzip -dc \"$0\" > \"$1\"", fixture.path, target.path]
        try gunzip.run()
        gunzip.waitUntilExit()
        #expect(gunzip.terminationStatus == 0)
        return target.path
    }

    @Test("every stored row decodes with today's models, and the inbox and threads render for the demo's supervisor")
    func olderDatabase() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        let path = try Self.unpackedFixture()
        try await withTestApp(environment: ["SIMPUL_SQLITE_PATH": path]) { app in
            let messages = try await MessageModel.query(on: app.db).all()
            #expect(messages.count == 374)
            // The JSON columns read as values: media references and kind-specific facts as the
            // ingest path wrote them.
            #expect(messages.filter { !$0.media.value.isEmpty }.count == 5)
            #expect(messages.contains { $0.media.value.contains { $0.type == "image" && $0.mimeType == "image/jpeg" } })
            #expect(messages.contains { !$0.detail.value.isEmpty })
            let replies = try await MessageReplyModel.query(on: app.db).all()
            #expect(!replies.isEmpty)
            let events = try await AuditEventModel.query(on: app.db).all()
            #expect(events.count > 300)
            #expect(events.contains { $0.action == .unitCreate && $0.summary.value.after?["code"] == "PEMKOT" && $0.summary.value.before == nil })
            #expect(try await ContentItemModel.query(on: app.db).count() > 0)
            #expect(try await FindingModel.query(on: app.db).count() >= 0)
            let coordinator = try #require(try await UserModel.query(on: app.db).filter(\.$email == "sri.wahyuni@tirtamayakota.go.id").first())
            let browser = try await World.signIn(coordinator, app: app)
            let inbox = try await app.web(.GET, "/inbox", as: browser)
            #expect(inbox.status == .ok)
            for message in messages.filter({ Inbox.kinds.contains($0.kind) }).prefix(25) {
                let thread = try await app.web(.GET, "/inbox/\(message.id!)", as: browser)
                #expect(thread.status == .ok, "thread \(message.id!)")
            }
            #expect(try await app.web(.GET, "/audit", as: browser).status == .ok)
            #expect(try await app.web(.GET, "/settings/sla", as: browser).status == .ok)
            for state in ["new", "closed"] {
                #expect(try await app.web(.GET, "/inbox?state=\(state)", as: browser).status == .ok)
            }
        }
    }
}
