import Fluent
import SQLKit

/// The queue all background work goes through (publishing first). The due index does not start
/// with tenant_id, unlike every other index: workers serve all tenants, and on a distributed
/// PostgreSQL the queue stays a local table of the coordinator.
struct CreateJobs: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("jobs")
            .tenantOwned()
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("state", .string, .required)
            .field("run_at", .datetime, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("dedupe_key", .string)
            .field("lease_token", .string)
            .field("lease_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("finished_at", .datetime)
            .unique(on: "tenant_id", "kind", "dedupe_key")
            .create()
        try await db.createIndex("jobs_due", on: "jobs", ["state", "run_at"])
    }
    func revert(on db: Database) async throws { try await db.schema("jobs").delete() }
}
