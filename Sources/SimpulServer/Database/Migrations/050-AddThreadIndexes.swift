import Fluent

/// A thread page shows the conversation the message belongs to and what its sender wrote
/// before. Without these both were read by walking the tenant's messages newest first and
/// testing each: on a supervisor's page, the whole table. Partial: a message without a thread
/// or a known sender (most statuses) writes into neither.
struct AddThreadIndexes: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.createPartialIndex("messages_thread", on: "messages", ["tenant_id", "platform", "thread_ref", "received_at"],
                                        where: "thread_ref IS NOT NULL")
        try await db.createPartialIndex("messages_author", on: "messages", ["tenant_id", "platform", "author_id", "received_at"],
                                        where: "author_id IS NOT NULL")
    }

    func revert(on db: Database) async throws {
        try await db.dropIndex("messages_thread")
        try await db.dropIndex("messages_author")
    }
}
