import Fluent

/// What the pages every admin opens read, each through its own index, so that a page costs
/// what it shows and not the table (without these they walked the tenant's messages):
/// - a thread page's conversation and what its sender wrote before; partial, so a message
///   without a thread or a known sender (most statuses) writes into neither;
/// - the home page's count of messages past their SLA due time and still waiting, per
///   account; partial, so only open messages with a due time are in it.
struct AddPageIndexes: AsyncMigration {
    static let waiting = "state IN ('new', 'assigned') AND due_at IS NOT NULL"

    func prepare(on db: Database) async throws {
        try await db.createPartialIndex("messages_thread", on: "messages", ["tenant_id", "platform", "thread_ref", "received_at"],
                                        where: "thread_ref IS NOT NULL")
        try await db.createPartialIndex("messages_author", on: "messages", ["tenant_id", "platform", "author_id", "received_at"],
                                        where: "author_id IS NOT NULL")
        try await db.createPartialIndex("messages_waiting_due", on: "messages", ["tenant_id", "account_id", "due_at"], where: Self.waiting)
    }

    func revert(on db: Database) async throws {
        for name in ["messages_thread", "messages_author", "messages_waiting_due"] { try await db.dropIndex(name) }
    }
}
