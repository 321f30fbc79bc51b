import Fluent

/// Library images keep a small PNG preview beside the file.
struct AddMediaPreview: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("media_files").field("preview_key", .string).update()
    }
    func revert(on db: Database) async throws {
        try await db.dropColumns("preview_key", from: "media_files")
    }
}
