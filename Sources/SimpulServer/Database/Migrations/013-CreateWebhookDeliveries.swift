import Fluent

/// Signed deliveries Simpul could not read (not JSON, unexpected envelope): kept verbatim for
/// support, the newest few hundred per tenant for a month (`IngestStore.keepUnreadable`).
struct CreateWebhookDeliveries: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("webhook_deliveries")
            .tenantOwned()
            .field("format", .string, .required)
            .field("received_at", .datetime, .required)
            .field("reason", .string, .required)
            .field("body", .string, .required)
            .create()
        try await db.createIndex("webhook_deliveries_tenant_received", on: "webhook_deliveries", ["tenant_id", "received_at"])
    }
    func revert(on db: Database) async throws { try await db.schema("webhook_deliveries").delete() }
}
