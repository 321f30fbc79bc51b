import Fluent

/// Every index of messages is written by every ingested message, on the one writer that all
/// webhooks wait for. Three of them indexed columns that are empty when a message arrives:
/// - the workers' queues (`compliance_checked_at`, `priority` still unset) now index only the
///   messages still waiting, so they stay as small as the backlog instead of growing with the
///   table, and yield the oldest first;
/// - the priority and assignee filters index only messages that have a value: a new message
///   no longer writes into them, and "unassigned" or "any priority" never used them.
struct NarrowMessageIndexes: AsyncMigration {
    func prepare(on db: Database) async throws {
        for name in ["messages_tenant_compliance", "messages_tenant_priority", "messages_tenant_assignee"] { try await db.dropIndex(name) }
        try await db.createPartialIndex("messages_compliance_pending", on: "messages", ["tenant_id", "received_at"], where: "compliance_checked_at IS NULL")
        try await db.createPartialIndex("messages_triage_pending", on: "messages", ["tenant_id", "received_at"], where: "priority IS NULL")
        try await db.createPartialIndex("messages_tenant_priority", on: "messages", ["tenant_id", "priority"], where: "priority IS NOT NULL")
        try await db.createPartialIndex("messages_tenant_assignee", on: "messages", ["tenant_id", "assignee_user_id"], where: "assignee_user_id IS NOT NULL")
    }
    func revert(on db: Database) async throws {
        for name in ["messages_compliance_pending", "messages_triage_pending", "messages_tenant_priority", "messages_tenant_assignee"] { try await db.dropIndex(name) }
        try await db.createIndex("messages_tenant_compliance", on: "messages", ["tenant_id", "compliance_checked_at"])
        try await db.createIndex("messages_tenant_priority", on: "messages", ["tenant_id", "priority"])
        try await db.createIndex("messages_tenant_assignee", on: "messages", ["tenant_id", "assignee_user_id"])
    }
}
