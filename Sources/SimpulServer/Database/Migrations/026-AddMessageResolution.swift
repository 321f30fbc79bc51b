import Fluent

/// When a message was resolved, beside its first response: the two times service reports read.
struct AddMessageResolution: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("messages").field("resolved_at", .datetime).update()
    }
    func revert(on db: Database) async throws {
        try await db.dropColumns("resolved_at", from: "messages")
    }
}
