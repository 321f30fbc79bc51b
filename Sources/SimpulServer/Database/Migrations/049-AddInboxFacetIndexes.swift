import Fluent

/// The inbox reads a page as ranges of these indexes, newest first (see `InboxPlan`): every
/// combination of the filters' facet values is one range, so a rare combination reads its own
/// rows instead of walking the table for them.
/// - The two facet indexes cover only what the inbox lists, so statuses and reactions, the
///   bulk of WhatsApp's traffic, do not write into them.
/// - The assignee indexes end with the time too, so one person's or one unit's assignments come
///   out in the inbox's order; they replace the assignee index without it.
struct AddInboxFacetIndexes: AsyncMigration {
    static let inboxKinds = "kind IN ('comment', 'dm', 'mention', 'reply')"

    func prepare(on db: Database) async throws {
        try await db.createPartialIndex("messages_inbox_facets", on: "messages",
                                        ["tenant_id", "state", "platform", "priority", "sentiment", "received_at", "id"], where: Self.inboxKinds)
        try await db.createPartialIndex("messages_inbox_account_facets", on: "messages",
                                        ["tenant_id", "account_id", "state", "priority", "sentiment", "received_at", "id"], where: Self.inboxKinds)
        try await db.dropIndex("messages_tenant_assignee")
        try await db.createPartialIndex("messages_assigned_user", on: "messages", ["tenant_id", "assignee_user_id", "received_at", "id"],
                                        where: "assignee_user_id IS NOT NULL")
        try await db.createPartialIndex("messages_assigned_unit", on: "messages", ["tenant_id", "assignee_unit_id", "received_at", "id"],
                                        where: "assignee_unit_id IS NOT NULL")
    }

    func revert(on db: Database) async throws {
        for name in ["messages_inbox_facets", "messages_inbox_account_facets", "messages_assigned_user", "messages_assigned_unit"] {
            try await db.dropIndex(name)
        }
        try await db.createPartialIndex("messages_tenant_assignee", on: "messages", ["tenant_id", "assignee_user_id"], where: "assignee_user_id IS NOT NULL")
    }
}
