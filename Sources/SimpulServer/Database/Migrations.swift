import Fluent
import SQLKit

/// The schema's history, oldest first. Never edit a migration that has landed: add a new one.
enum SimpulMigrations {
    static let all: [any AsyncMigration] = [
        CreateTenants(),
        CreateUnits(),
        CreateUsers(),
        CreateMemberships(),
        CreateAccounts(),
        CreateAuditEvents(),
        MakeAuditEventsAppendOnly(),
        CreateUserSessions(),
        CreateAPITokens(),
        CreateLoginAttempts(),
        AddAccountConnection(),
        CreateMessages(),
        CreateWebhookDeliveries(),
        CreatePollCursors(),
        CreateCompliance(),
        CreateContentItems(),
        AddMessageComplianceCheck(),
        AddMessageTriage(),
        CreateInboxThreads(),
        AddInboxAssignment(),
        CreateSavedReplies(),
        CreateSLASettings(),
        CreateRoutingRules(),
        DropAccountLastEventAt(),
        CreateMessageTags(),
        AddMessageResolution(),
        CreateThreadPresence(),
        CreateWhatsAppTemplates(),
        CreateJobs(),
        CreatePublishing(),
        CreateContentPlanning(),
        CreateNotifications(),
        CreateMediaLibrary(),
        CreateAccountHoldingPolicy(),
        CreateAmplificationTasks(),
        AddPublishAttemptHandle(),
        AddMediaPreview(),
        NarrowMessageIndexes(),
    ]
}

struct CreateTenants: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("tenants")
            .id()
            .field("name", .string, .required)
            .field("slug", .string, .required)
            .field("time_zone", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "slug")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("tenants").delete() }
}

struct CreateUnits: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("units")
            .tenantOwned()
            .field("parent_id", .uuid)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("code", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "code")
            .sameTenantReference("parent_id", to: "units")
            .create()
        try await db.createIndex("units_tenant_parent", on: "units", ["tenant_id", "parent_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("units").delete() }
}

struct CreateUsers: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("users")
            .tenantOwned()
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("nip", .string)
            .field("phone", .string)
            .field("password_hash", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "email")
            .unique(on: "tenant_id", "nip")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("users").delete() }
}

struct CreateMemberships: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("memberships")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("unit_id", .uuid, .required)
            .field("role", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "user_id", "unit_id", "role")
            .sameTenantReference("user_id", to: "users", onDelete: .cascade)
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("memberships_tenant_unit", on: "memberships", ["tenant_id", "unit_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("memberships").delete() }
}

struct CreateAccounts: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("accounts")
            .tenantOwned()
            .field("platform", .string, .required)
            .field("handle", .string, .required)
            .field("display_name", .string, .required)
            .field("kind", .string, .required)
            .field("unit_id", .uuid, .required)
            .field("owner_id", .uuid)
            .field("status", .string, .required)
            .field("follower_count", .int64, .required)
            .field("credentials", .data)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "platform", "handle")
            .sameTenantReference("unit_id", to: "units")
            .sameTenantReference("owner_id", to: "users")
            .create()
        try await db.createIndex("accounts_tenant_unit", on: "accounts", ["tenant_id", "unit_id"])
        try await db.createIndex("accounts_tenant_status", on: "accounts", ["tenant_id", "status"])
    }
    func revert(on db: Database) async throws { try await db.schema("accounts").delete() }
}

struct CreateAuditEvents: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("audit_events")
            .tenantOwned()
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target_id", .uuid)
            .field("target_label", .string, .required)
            .field("at", .datetime, .required)
            .field("ip", .string)
            .field("summary", .string, .required)
            .create()
        try await db.createIndex("audit_events_tenant_at", on: "audit_events", ["tenant_id", "at"])
        try await db.createIndex("audit_events_tenant_target", on: "audit_events", ["tenant_id", "target_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("audit_events").delete() }
}

/// The audit trail must hold even against a buggy route or a hand-typed SQL statement.
struct MakeAuditEventsAppendOnly: AsyncMigration {
    func prepare(on db: Database) async throws {
        let sql = try db.sql
        if db.isPostgres {
            try await sql.raw("""
                CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'audit_events is append-only'; END;
                $$ LANGUAGE plpgsql
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
                """).run()
        } else {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw("""
                    CREATE TRIGGER audit_events_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_events
                    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END
                    """).run()
            }
        }
    }
    func revert(on db: Database) async throws {
        let sql = try db.sql
        if db.isPostgres {
            try await sql.raw("DROP TRIGGER audit_events_no_change ON audit_events").run()
            try await sql.raw("DROP FUNCTION audit_events_append_only()").run()
        } else {
            try await sql.raw("DROP TRIGGER audit_events_no_update").run()
            try await sql.raw("DROP TRIGGER audit_events_no_delete").run()
        }
    }
}

struct CreateUserSessions: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("user_sessions")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("ip", .string)
            .field("user_agent", .string)
            .unique(on: "tenant_id", "token_hash")
            .sameTenantReference("user_id", to: "users", onDelete: .cascade)
            .create()
        try await db.createIndex("user_sessions_tenant_user", on: "user_sessions", ["tenant_id", "user_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("user_sessions").delete() }
}

struct CreateAPITokens: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("api_tokens")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "tenant_id", "token_hash")
            .sameTenantReference("user_id", to: "users", onDelete: .cascade)
            .create()
        try await db.createIndex("api_tokens_tenant_user", on: "api_tokens", ["tenant_id", "user_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("api_tokens").delete() }
}

struct CreateLoginAttempts: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("login_attempts")
            .tenantOwned()
            .field("email", .string, .required)
            .field("ip", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        try await db.createIndex("login_attempts_tenant_email_at", on: "login_attempts", ["tenant_id", "email", "at"])
        try await db.createIndex("login_attempts_tenant_ip_at", on: "login_attempts", ["tenant_id", "ip", "at"])
    }
    func revert(on db: Database) async throws { try await db.schema("login_attempts").delete() }
}

/// Where an account lives on its platform and how its connection is doing.
struct AddAccountConnection: AsyncMigration {
    func prepare(on db: Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
        try await db.schema("accounts").field("external_id", .string).update()
        try await db.schema("accounts").field("sandbox", .bool, .required, .sql(.default(false))).update()
        try await db.schema("accounts").field("last_event_at", .datetime).update()
        try await db.schema("accounts").field("paused_until", .datetime).update()
        try await db.schema("accounts").field("last_error", .string).update()
        try await (try db.sql).create(index: "accounts_tenant_platform_external").unique().on("accounts")
            .column("tenant_id").column("platform").column("external_id").run()
    }
    func revert(on db: Database) async throws {
        try await db.dropIndex("accounts_tenant_platform_external")
        for field in ["external_id", "sandbox", "last_event_at", "paused_until", "last_error"] {
            try await db.schema("accounts").deleteField(.string(field)).update()
        }
    }
}

/// Every comment, mention, DM, reply, status and reaction that reached Simpul, exactly once.
struct CreateMessages: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("messages")
            .tenantOwned()
            .field("account_id", .uuid)
            .field("platform", .string, .required)
            .field("kind", .string, .required)
            .field("external_id", .string, .required)
            .field("account_ref", .string, .required)
            .field("author_id", .string)
            .field("author_name", .string)
            .field("author_handle", .string)
            .field("text", .string)
            .field("media", .string, .required)
            .field("parent_ref", .string)
            .field("thread_ref", .string)
            .field("occurred_at", .datetime)
            .field("received_at", .datetime, .required)
            .field("detail", .string, .required)
            .field("raw", .string, .required)
            .field("state", .string, .required)
            .unique(on: "tenant_id", "platform", "external_id")
            .sameTenantReference("account_id", to: "accounts")
            .create()
        try await db.createIndex("messages_tenant_account_received", on: "messages", ["tenant_id", "account_id", "received_at"])
        try await db.createIndex("messages_tenant_received", on: "messages", ["tenant_id", "received_at"])
    }
    func revert(on db: Database) async throws { try await db.schema("messages").delete() }
}

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

/// Where each polled account's last poll stopped (X since_id, YouTube newest time).
struct CreatePollCursors: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("poll_cursors")
            .tenantOwned()
            .field("account_id", .uuid, .required)
            .field("cursor", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "account_id")
            .sameTenantReference("account_id", to: "accounts", onDelete: .cascade)
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("poll_cursors").delete() }
}

/// The compliance guard's tables: findings and their review, tenant packs, pack switches,
/// election data and the allow-list that false positives feed.
struct CreateCompliance: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("compliance_findings")
            .tenantOwned()
            .field("source", .string, .required)
            .field("source_id", .uuid, .required)
            .field("account_id", .uuid)
            .field("unit_id", .uuid)
            .field("pack_id", .string, .required)
            .field("pack_name", .string, .required)
            .field("rule_id", .string, .required)
            .field("rule_title", .string, .required)
            .field("severity", .string, .required)
            .field("explanation", .string, .required)
            .field("excerpt", .string, .required)
            .field("spans", .string, .required)
            .field("matched", .string, .required)
            .field("status", .string, .required)
            .field("review_note", .string)
            .field("reviewed_by", .uuid)
            .field("reviewed_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "source", "source_id", "rule_id")
            .sameTenantReference("account_id", to: "accounts")
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("compliance_findings_tenant_created", on: "compliance_findings", ["tenant_id", "created_at"])
        try await db.createIndex("compliance_findings_tenant_status", on: "compliance_findings", ["tenant_id", "status", "created_at"])

        try await db.schema("compliance_tenant_packs")
            .tenantOwned()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("regulation", .string, .required)
            .field("summary", .string, .required)
            .field("rules", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "code")
            .create()

        try await db.schema("compliance_pack_settings")
            .tenantOwned()
            .field("pack_id", .string, .required)
            .field("enabled", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "pack_id")
            .create()

        try await db.schema("election_contests")
            .tenantOwned()
            .field("name", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_until", .string, .required)
            .field("data", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await db.schema("compliance_allowlist")
            .tenantOwned()
            .field("rule_id", .string, .required)
            .field("matched", .string, .required)
            .field("finding_id", .uuid)
            .field("created_by", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "rule_id", "matched")
            .create()
    }

    func revert(on db: Database) async throws {
        for table in ["compliance_allowlist", "election_contests", "compliance_pack_settings", "compliance_tenant_packs", "compliance_findings"] {
            try await db.schema(table).delete()
        }
    }
}

/// Drafts of content, gated by the compliance guard on submission.
struct CreateContentItems: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("content_items")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .uuid)
            .field("submitted_by", .uuid)
            .field("submitted_at", .datetime)
            .field("override_reason", .string)
            .field("override_by", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("content_items_tenant_updated", on: "content_items", ["tenant_id", "updated_at"])
    }
    func revert(on db: Database) async throws { try await db.schema("content_items").delete() }
}

/// Messages wait for the compliance worker until this is set.
struct AddMessageComplianceCheck: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("messages").field("compliance_checked_at", .datetime).update()
        try await db.createIndex("messages_tenant_compliance", on: "messages", ["tenant_id", "compliance_checked_at"])
    }
    func revert(on db: Database) async throws {
        try await db.dropIndex("messages_tenant_compliance")
        try await db.schema("messages").deleteField("compliance_checked_at").update()
    }
}

/// What the enrichment pass adds to each message: sentiment, priority and SLA due time set by
/// the triage rules, and the normalised, stemmed words that full-text search reads (an FTS5
/// table on SQLite, a tsvector column on PostgreSQL).
struct AddMessageTriage: AsyncMigration {
    func prepare(on db: Database) async throws {
        for (field, type) in [("sentiment", DatabaseSchema.DataType.string), ("priority", .string), ("due_at", .datetime), ("search_text", .string)] {
            try await db.schema("messages").field(.string(field), type).update()
        }
        try await db.createIndex("messages_tenant_priority", on: "messages", ["tenant_id", "priority"])
        let sql = try db.sql
        if db.isPostgres {
            try await sql.raw("ALTER TABLE messages ADD COLUMN search_vector tsvector").run()
            // GIN has no ordering for a leading tenant_id without btree_gin; the search is
            // always combined with the tenant's own rows in the same query.
            try await sql.raw("CREATE INDEX messages_search ON messages USING GIN (search_vector)").run()
        } else {
            try await sql.raw("CREATE VIRTUAL TABLE messages_fts USING fts5(body, tenant_id UNINDEXED, message_id UNINDEXED, tokenize = 'unicode61')").run()
        }
    }

    func revert(on db: Database) async throws {
        let sql = try db.sql
        if db.isPostgres {
            try await sql.raw("DROP INDEX messages_search").run()
            try await sql.raw("ALTER TABLE messages DROP COLUMN search_vector").run()
        } else {
            try await sql.raw("DROP TABLE messages_fts").run()
        }
        try await db.dropIndex("messages_tenant_priority")
        for field in ["sentiment", "priority", "due_at", "search_text"] {
            try await db.schema("messages").deleteField(.string(field)).update()
        }
    }
}

/// Internal notes on a message and the replies sent from Simpul, with their outcome; the time
/// of the first reply for SLA reporting.
struct CreateInboxThreads: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("message_notes")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("user_id", .uuid)
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .sameTenantReference("message_id", to: "messages")
            .create()
        try await db.createIndex("message_notes_tenant_message", on: "message_notes", ["tenant_id", "message_id", "created_at"])
        try await db.schema("message_replies")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("user_id", .uuid)
            .field("author_name", .string, .required)
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("platform_id", .string)
            .field("error", .string)
            .field("attempts", .int, .required)
            .field("override_reason", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .sameTenantReference("message_id", to: "messages")
            .create()
        try await db.createIndex("message_replies_tenant_message", on: "message_replies", ["tenant_id", "message_id", "created_at"])
        try await db.schema("messages").field("first_response_at", .datetime).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("messages").deleteField("first_response_at").update()
        try await db.schema("message_replies").delete()
        try await db.schema("message_notes").delete()
    }
}

/// Who a message is assigned to (a person or a unit), and the operators' corrections of the
/// triage rules, kept to evaluate and improve them.
struct AddInboxAssignment: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("messages").field("assignee_user_id", .uuid).update()
        try await db.schema("messages").field("assignee_unit_id", .uuid).update()
        try await db.createIndex("messages_tenant_assignee", on: "messages", ["tenant_id", "assignee_user_id"])
        try await db.schema("triage_corrections")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("field", .string, .required)
            .field("from_value", .string)
            .field("to_value", .string, .required)
            .field("text", .string, .required)
            .field("user_id", .uuid)
            .field("created_at", .datetime, .required)
            .sameTenantReference("message_id", to: "messages")
            .create()
        try await db.createIndex("triage_corrections_tenant_created", on: "triage_corrections", ["tenant_id", "created_at"])
    }

    func revert(on db: Database) async throws {
        try await db.schema("triage_corrections").delete()
        try await db.dropIndex("messages_tenant_assignee")
        try await db.schema("messages").deleteField("assignee_unit_id").update()
        try await db.schema("messages").deleteField("assignee_user_id").update()
    }
}

/// Saved replies for the inbox, for one unit (and the units below it) or the whole tenant.
struct CreateSavedReplies: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("saved_replies")
            .tenantOwned()
            .field("unit_id", .uuid)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("created_by", .uuid)
            .field("updated_at", .datetime, .required)
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.createIndex("saved_replies_tenant_title", on: "saved_replies", ["tenant_id", "title"])
    }
    func revert(on db: Database) async throws { try await db.schema("saved_replies").delete() }
}

/// A tenant's SLA targets and office hours, and its holidays (national, regional, cuti bersama).
struct CreateSLASettings: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("sla_settings")
            .tenantOwned()
            .field("policy", .string, .required)
            .field("hours", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
        try await db.schema("holidays")
            .tenantOwned()
            .field("day", .string, .required)
            .field("name", .string, .required)
            .unique(on: "tenant_id", "day")
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema("holidays").delete()
        try await db.schema("sla_settings").delete()
    }
}

/// The tenant's routing rules: which new messages go to which unit or person, in order.
struct CreateRoutingRules: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("routing_rules")
            .tenantOwned()
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("source_unit_id", .uuid)
            .field("keyword", .string)
            .field("platform", .string)
            .field("kind", .string)
            .field("target_unit_id", .uuid, .required)
            .field("round_robin", .bool, .required)
            .field("rotation", .int, .required)
            .field("updated_at", .datetime, .required)
            .sameTenantReference("source_unit_id", to: "units")
            .sameTenantReference("target_unit_id", to: "units")
            .create()
        try await db.createIndex("routing_rules_tenant_position", on: "routing_rules", ["tenant_id", "position"])
    }
    func revert(on db: Database) async throws { try await db.schema("routing_rules").delete() }
}

/// An account's last event time is now read from `messages` (see `AccountQueries.lastEventAt`):
/// keeping a copy here cost every ingest commit a transaction and a second statement.
struct DropAccountLastEventAt: AsyncMigration {
    func prepare(on db: Database) async throws {
        // Fluent's SQLite driver refuses DROP COLUMN; both databases accept it in SQL.
        try await (try db.sql).raw("ALTER TABLE accounts DROP COLUMN last_event_at").run()
    }
    func revert(on db: Database) async throws {
        try await db.schema("accounts").field("last_event_at", .datetime).update()
    }
}

/// Operators' labels on messages, filtered on in the inbox.
struct CreateMessageTags: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("message_tags")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("tag", .string, .required)
            .field("user_id", .uuid)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "message_id", "tag")
            .sameTenantReference("message_id", to: "messages")
            .create()
        try await db.createIndex("message_tags_tenant_tag", on: "message_tags", ["tenant_id", "tag", "message_id"])
    }
    func revert(on db: Database) async throws { try await db.schema("message_tags").delete() }
}

/// When a message was resolved, beside its first response: the two times service reports read.
struct AddMessageResolution: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("messages").field("resolved_at", .datetime).update()
    }
    func revert(on db: Database) async throws {
        try await (try db.sql).raw("ALTER TABLE messages DROP COLUMN resolved_at").run()
    }
}

/// Who has a thread open right now: the collision guard's record, kept in the database so that
/// every app process sees it.
struct CreateThreadPresence: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("thread_presence")
            .tenantOwned()
            .field("message_id", .uuid, .required)
            .field("user_id", .uuid, .required)
            .field("user_name", .string, .required)
            .field("seen_at", .datetime, .required)
            .unique(on: "tenant_id", "message_id", "user_id")
            .sameTenantReference("message_id", to: "messages")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("thread_presence").delete() }
}

/// The WhatsApp templates Meta approved for the tenant, the only messages that may go to a
/// resident more than 24 hours after their last message; and, on a reply, the template it used,
/// so a failed template send can be retried as it was.
struct CreateWhatsAppTemplates: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("whatsapp_templates")
            .tenantOwned()
            .field("name", .string, .required)
            .field("language", .string, .required)
            .field("body", .string, .required)
            .field("approved", .bool, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "name", "language")
            .create()
        try await db.schema("message_replies").field("template_name", .string).update()
        try await db.schema("message_replies").field("template_language", .string).update()
        try await db.schema("message_replies").field("template_parameters", .string).update()
    }
    func revert(on db: Database) async throws {
        let sql = try db.sql
        for column in ["template_parameters", "template_language", "template_name"] {
            try await sql.raw("ALTER TABLE message_replies DROP COLUMN \(unsafeRaw: column)").run()
        }
        try await db.schema("whatsapp_templates").delete()
    }
}

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

/// Content on its way to the platforms: each unit's approval chain, who approved an item and
/// when it goes out, one variant per target account, and a record of every publishing attempt,
/// written before the platform is called, so that a worker that crashed mid-call can tell
/// afterwards that it has to look before it posts again.
struct CreatePublishing: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("content_items").field("approvals", .string).update()
        try await db.schema("content_items").field("scheduled_at", .datetime).update()
        try await db.schema("content_items").field("review_comment", .string).update()
        try await db.schema("approval_policies")
            .tenantOwned()
            .field("unit_id", .uuid, .required)
            .field("steps", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "unit_id")
            .sameTenantReference("unit_id", to: "units")
            .create()
        try await db.schema("content_variants")
            .tenantOwned()
            .field("item_id", .uuid, .required)
            .field("account_id", .uuid, .required)
            .field("text", .string)
            .field("link", .string)
            .field("hashtags", .string, .required)
            .field("first_comment", .string)
            .field("title", .string)
            .field("status", .string, .required)
            .field("platform_post_id", .string)
            .field("url", .string)
            .field("published_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "item_id", "account_id")
            .sameTenantReference("item_id", to: "content_items")
            .sameTenantReference("account_id", to: "accounts")
            .create()
        try await db.schema("publish_attempts")
            .tenantOwned()
            .field("variant_id", .uuid, .required)
            .field("number", .int, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("outcome", .string)
            .field("platform_post_id", .string)
            .field("error", .string)
            .unique(on: "tenant_id", "variant_id", "number")
            .sameTenantReference("variant_id", to: "content_variants")
            .create()
    }
    func revert(on db: Database) async throws {
        try await db.schema("publish_attempts").delete()
        try await db.schema("content_variants").delete()
        try await db.schema("approval_policies").delete()
        let sql = try db.sql
        for column in ["review_comment", "scheduled_at", "approvals"] {
            try await sql.raw("ALTER TABLE content_items DROP COLUMN \(unsafeRaw: column)").run()
        }
    }
}

/// Planning words on content: the tenant's content pillars, and on each item its pillar,
/// campaign, audience segments and the day it is planned for (before it has a schedule).
struct CreateContentPlanning: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("content_pillars")
            .tenantOwned()
            .field("name", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "name")
            .create()
        try await db.schema("content_items").field("pillar_id", .uuid).update()
        try await db.schema("content_items").field("campaign", .string).update()
        try await db.schema("content_items").field("segments", .string).update()
        try await db.schema("content_items").field("planned_at", .datetime).update()
        try await db.createIndex("content_items_tenant_scheduled", on: "content_items", ["tenant_id", "scheduled_at"])
        try await db.createIndex("content_items_tenant_planned", on: "content_items", ["tenant_id", "planned_at"])
    }
    func revert(on db: Database) async throws {
        try await db.dropIndex("content_items_tenant_planned")
        try await db.dropIndex("content_items_tenant_scheduled")
        let sql = try db.sql
        for column in ["planned_at", "segments", "campaign", "pillar_id"] {
            try await sql.raw("ALTER TABLE content_items DROP COLUMN \(unsafeRaw: column)").run()
        }
        try await db.schema("content_pillars").delete()
    }
}

/// What a person should know happened to work they take part in (content waiting for their
/// approval, rejected, published, failed), shown on their home page.
struct CreateNotifications: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("notifications")
            .tenantOwned()
            .field("user_id", .uuid, .required)
            .field("text", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await db.createIndex("notifications_tenant_user_created", on: "notifications", ["tenant_id", "user_id", "created_at"])
    }
    func revert(on db: Database) async throws { try await db.schema("notifications").delete() }
}

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
        try await (try db.sql).raw("ALTER TABLE content_variants DROP COLUMN media_ids").run()
        try await db.schema("media_files").delete()
    }
}

/// The tenant's rule for ASN personal accounts (how many, with how many followers each).
struct CreateAccountHoldingPolicy: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("account_holding_policies")
            .tenantOwned()
            .field("min_accounts", .int, .required)
            .field("min_followers", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id")
            .create()
    }
    func revert(on db: Database) async throws { try await db.schema("account_holding_policies").delete() }
}

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

/// Posts a platform prepares before they appear (Instagram containers, TikTok uploads) keep the
/// platform's handle on their attempt.
struct AddPublishAttemptHandle: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("publish_attempts").field("processing_handle", .string).update()
    }
    func revert(on db: Database) async throws {
        try await (try db.sql).raw("ALTER TABLE publish_attempts DROP COLUMN processing_handle").run()
    }
}

/// Library images keep a small PNG preview beside the file.
struct AddMediaPreview: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("media_files").field("preview_key", .string).update()
    }
    func revert(on db: Database) async throws {
        try await (try db.sql).raw("ALTER TABLE media_files DROP COLUMN preview_key").run()
    }
}

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
