import Fluent

/// The media library: files uploaded once and reused across content, each known by what its
/// bytes are (not its name), stored under a random key; and the media a variant carries.
struct CreateMediaLibrary: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("media_files")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("name", .string, .required)
            .field("format", .string, .required)
            .field("bytes", .int, .required)
            .field("width", .int)
            .field("height", .int)
            .field("duration_seconds", .double)
            .field("storage_key", .string, .required)
            .field("uploaded_by", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "storage_key")
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.schema("content_variants").field("media_ids", .string).update()
    }
    func revert(on db: Database) async throws {
        try await db.dropColumns("media_ids", from: "content_variants")
        try await db.schema("media_files").delete()
    }
}
