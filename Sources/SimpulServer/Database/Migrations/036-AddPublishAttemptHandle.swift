import Fluent

/// Posts a platform prepares before they appear (Instagram containers, TikTok uploads) keep the
/// platform's handle on their attempt.
struct AddPublishAttemptHandle: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("publish_attempts").field("processing_handle", .string).update()
    }
    func revert(on db: Database) async throws {
        try await db.dropColumns("processing_handle", from: "publish_attempts")
    }
}
