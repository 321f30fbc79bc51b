import Fluent

/// An account's last event time is now read from `messages` (see `AccountQueries.lastEventAt`):
/// keeping a copy here cost every ingest commit a transaction and a second statement.
struct DropAccountLastEventAt: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.dropColumns("last_event_at", from: "accounts")
    }
    func revert(on db: Database) async throws {
        try await db.schema("accounts").field("last_event_at", .datetime).update()
    }
}
