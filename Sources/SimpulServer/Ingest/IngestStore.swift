import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit

/// Turns inbound events into rows and hands them to the `IngestWriter`, which commits them
/// before the caller answers the platform. The unique key (tenant, platform, event id) turns a
/// redelivery into a no-op.
enum IngestStore {
    struct Row {
        let tenant_id: UUID
        let id: UUID
        let account_id: UUID?
        let platform: String
        let kind: String
        let external_id: String
        let account_ref: String
        let author_id: String?
        let author_name: String?
        let author_handle: String?
        let text: String?
        let media: String
        let parent_ref: String?
        let thread_ref: String?
        let occurred_at: Date?
        let received_at: Date
        let detail: String
        let raw: String
        let state: String
    }

    /// Limits that keep one hostile payload from bloating the database.
    static let maxText = 10_000
    static let maxRaw = 64_000

    static func clip(_ text: String, _ max: Int) -> String {
        // Counting characters walks every grapheme; a text with no more bytes than the limit
        // cannot have more characters, and that is nearly every text.
        guard text.utf8.count > max else { return text }
        return text.count > max ? String(text.prefix(max)) : text
    }

    static func clip(_ text: String?, _ max: Int) -> String? {
        text.map { clip($0, max) }
    }

    /// Rows for webhook events, each already matched to the account its signature covers.
    static func rows(_ accepted: [(event: InboundEvent, account: UUID)], tenantID: UUID, receivedAt: Date) -> [Row] {
        accepted.map { row($0.event, account: $0.account, tenantID: tenantID, receivedAt: receivedAt) }
    }

    static func rows(_ events: [InboundEvent], tenantID: UUID, receivedAt: Date, accountFor: (InboundEvent) -> UUID?) -> [Row] {
        events.map { row($0, account: accountFor($0), tenantID: tenantID, receivedAt: receivedAt) }
    }

    private static func row(_ event: InboundEvent, account: UUID?, tenantID: UUID, receivedAt: Date) -> Row {
        Row(tenant_id: tenantID, id: .timeOrdered(at: receivedAt), account_id: account, platform: event.platform.rawValue, kind: event.kind.rawValue,
            external_id: clip(event.eventID, 255), account_ref: clip(event.accountRef, 255),
            author_id: clip(event.author?.id, 255), author_name: clip(event.author?.name, 255), author_handle: clip(event.author?.handle, 255),
            text: clip(event.text, maxText), media: event.mediaJSON, parent_ref: clip(event.parentRef, 255), thread_ref: clip(event.threadRef, 255),
            occurred_at: event.occurredAt, received_at: receivedAt, detail: event.detailJSON, raw: clip(event.raw, maxRaw),
            state: "new")
    }

    /// Stores the events durably; returns once they are committed. `accountFor` maps the
    /// platform-side account id to the account row (nil: stored unassigned, never dropped).
    static func store(_ events: [InboundEvent], tenantID: UUID, receivedAt: Date, accountFor: (InboundEvent) -> UUID?, writer: IngestWriter) async throws {
        try await writer.write(rows(events, tenantID: tenantID, receivedAt: receivedAt, accountFor: accountFor))
    }

    /// Unreadable deliveries kept per tenant, and for how long: enough to debug a platform's
    /// change of format, while anyone holding one app secret cannot fill the disk.
    static let maxKeptPerTenant = 500
    static let keptFor: TimeInterval = 30 * 24 * 3600

    static func keepUnreadable(tenantID: UUID, format: PayloadFormat, reason: String, body: Data, at: Date, on db: Database) async throws {
        let text = String(decoding: body.prefix(maxRaw), as: UTF8.self)
        let sql = try db.sql
        try await sql.insert(into: "webhook_deliveries")
            .columns("tenant_id", "id", "format", "received_at", "reason", "body")
            .values(SQLBind(tenantID), SQLBind(UUID()), SQLBind(format.rawValue), SQLBind(at), SQLBind(reason), SQLBind(text))
            .run()
        try await pruneUnreadable(tenantID: tenantID, now: at, on: sql)
    }

    /// Drops the tenant's kept deliveries past their age, and the oldest beyond the cap.
    static func pruneUnreadable(tenantID: UUID, now: Date, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "webhook_deliveries").where("tenant_id", .equal, SQLBind(tenantID))
            .where("received_at", .lessThan, SQLBind(now.addingTimeInterval(-keptFor))).run()
        let newest = sql.select().column("id").from("webhook_deliveries").where("tenant_id", .equal, SQLBind(tenantID))
            .orderBy("received_at", .descending).orderBy("id", .descending).limit(maxKeptPerTenant)
        try await sql.delete(from: "webhook_deliveries").where("tenant_id", .equal, SQLBind(tenantID))
            .where("id", .notIn, SQLGroupExpression(newest.query)).run()
    }
}
