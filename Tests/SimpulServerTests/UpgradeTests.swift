import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
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
            let items = try await ContentItemModel.query(on: app.db).all()
            #expect(items.count == 8)
            #expect(items.contains { $0.segments?.names == ["orang tua", "ibu hamil"] } && items.contains { $0.segments == nil })
            #expect(try await FindingModel.query(on: app.db).count() >= 0)
            try await Self.storedTextUnchanged(app, messages: messages, events: events, items: items)
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
            for item in items.prefix(3) {
                #expect(try await app.web(.GET, SiteRoute.contentItem(item.id!).path, as: browser).status == .ok)
            }
        }
    }

    /// The typed values hold the older version's text byte for byte, and today's writers would
    /// write the same text for the same values: nothing stored changes, now or on the next save.
    static func storedTextUnchanged(_ app: Application, messages: [MessageModel], events: [AuditEventModel], items: [ContentItemModel]) async throws {
        struct StoredMessage: Decodable { let id: UUID; let detail: String; let media: String }
        struct StoredEvent: Decodable { let id: UUID; let summary: String }
        struct StoredItem: Decodable { let id: UUID; let segments: String? }
        let sql = try app.db.sql
        let storedMessages = Dictionary(uniqueKeysWithValues: try await sql.select().columns("id", "detail", "media").from("messages")
            .all(decoding: StoredMessage.self).map { ($0.id, $0) })
        #expect(storedMessages.count == messages.count)
        for message in messages {
            let stored = try #require(storedMessages[message.id!])
            #expect(message.detail.value.storedText == stored.detail && EventDetail(message.detail.value.facts).storedText == stored.detail)
            #expect(message.media.value.storedText == stored.media && EventMedia(message.media.value.items).storedText == stored.media)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let storedEvents = Dictionary(uniqueKeysWithValues: try await sql.select().columns("id", "summary").from("audit_events")
            .all(decoding: StoredEvent.self).map { ($0.id, $0.summary) })
        for event in events {
            #expect(String(decoding: try encoder.encode(event.summary), as: UTF8.self) == String(decoding: try encoder.encode(storedEvents[event.id!]), as: UTF8.self))
        }
        let storedItems = Dictionary(uniqueKeysWithValues: try await sql.select().columns("id", "segments").from("content_items")
            .all(decoding: StoredItem.self).map { ($0.id, $0.segments) })
        for item in items { #expect(item.segments?.text == storedItems[item.id!] ?? nil) }
    }
}
