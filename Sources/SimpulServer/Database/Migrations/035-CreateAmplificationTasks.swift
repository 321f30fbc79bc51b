import Fluent

/// Amplification: a published official post handed to staff, and each person's part in it.
struct CreateAmplificationTasks: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("amplification_tasks")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("variant_id", .uuid, .required)
            .field("platform", .string, .required)
            .field("post_id", .string, .required)
            .field("post_url", .string)
            .field("title", .string, .required)
            .field("caption", .string, .required)
            .field("deadline", .datetime, .required)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .sameTenantReference("unit_id", to: "units")
            .sameTenantReference("variant_id", to: "content_variants")
            .create()
        try await db.createIndex("amplification_tasks_tenant_deadline", on: "amplification_tasks", ["tenant_id", "deadline"])
        try await db.schema("amplification_assignments")
            .tenantOwned()
            .field("task_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("unit_id", .uuid, .required)
            .field("completed_at", .datetime)
            .field("method", .string)
            .field("account_id", .uuid)
            .field("proof_url", .string)
            .field("proof_post_id", .string)
            .field("last_refusal", .string)
            .field("last_refusal_at", .datetime)
            .unique(on: "tenant_id", "task_id", "user_id")
            .sameTenantReference("task_id", to: "amplification_tasks", onDelete: .cascade, name: "amplification_assignments_task_fk")
            .sameTenantReference("user_id", to: "users", name: "amplification_assignments_user_fk")
            .create()
        try await db.createIndex("amplification_assignments_user", on: "amplification_assignments", ["tenant_id", "user_id"])
    }
    func revert(on db: Database) async throws {
        try await db.schema("amplification_assignments").delete()
        try await db.schema("amplification_tasks").delete()
    }
}
