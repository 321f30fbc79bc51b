import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Vapor

/// A past for the demo city: `count` stored messages from Sandbox deliveries spread evenly
/// over the last `days` days, parsed and stored as ingest stores them, then triaged and indexed
/// by the real triage pass. Lets a team try the inbox at the size of a province before going
/// live, and is what the inbox benchmark fills its database with. It counts messages, not
/// deliveries: one WhatsApp delivery may carry a message and several statuses.
enum SandboxHistory {
    static let batch = 1_000

    /// Returns how many messages were stored. `progress` hears the running totals.
    static func generate(_ count: Int, days: Int = 365, tenant: Tenant, app: Application, seed: UInt64 = .random(in: 1...UInt64.max),
                         progress: @escaping @Sendable (_ stored: Int, _ triaged: Int) -> Void = { _, _ in }) async throws -> Int {
        let tenantID = try tenant.requireID()
        let accounts = try await SandboxRunner.sandboxAccounts(tenantID: tenantID, on: app.db)
        let now = app.clock.now()
        guard count > 0, !accounts.isEmpty, let entry = try await app.connections.entry(slug: tenant.slug, now: now, db: app.db) else { return 0 }
        var generator = SandboxGenerator(accounts: accounts, seed: seed)
        let step = Double(days) * 24 * 3600 / Double(count)
        let start = now.addingTimeInterval(-Double(days) * 24 * 3600)
        var stored = 0
        while stored < count {
            var rows: [IngestStore.Row] = []
            for delivery in generator.next(batch, now: start.addingTimeInterval(Double(stored) * step)) {
                let events: [InboundEvent]
                switch delivery.format {
                case .x: events = try PayloadParser.parseXMentions(delivery.body, accountRef: delivery.accountExternalID).events
                case .youtube: events = try PayloadParser.parseYouTubeThreads(delivery.body, channelID: delivery.accountExternalID).events
                default: events = try PayloadParser.parse(delivery.body, as: delivery.format)
                }
                rows += IngestStore.rows(events, tenantID: tenantID, receivedAt: start.addingTimeInterval(Double(stored + rows.count) * step),
                                         accountFor: { entry.account(platform: $0.platform, externalID: $0.accountRef) })
            }
            // A batch that stores nothing would come round again forever.
            guard !rows.isEmpty else { break }
            rows = Array(rows.prefix(count - stored))
            // Several writes in flight at once, as concurrent deliveries would be: the writer
            // gathers them into its group commits.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for start in stride(from: 0, to: rows.count, by: 100) {
                    let chunk = Array(rows[start..<min(rows.count, start + 100)])
                    group.addTask { try await app.ingestWriter.write(chunk) }
                }
                try await group.waitForAll()
            }
            if (stored + rows.count) / 50_000 > stored / 50_000 || stored + rows.count == count { progress(stored + rows.count, 0) }
            stored += rows.count
        }
        var triaged = 0
        while true {
            let done = try await TriageWorker.runOnce(tenant: tenant, db: app.db)
            if done == 0 { break }
            triaged += done
            if triaged % 50_000 < TriageWorker.batchSize { progress(stored, triaged) }
        }
        progress(stored, triaged)
        try await settle(tenantID: tenantID, before: now.addingTimeInterval(-2 * 24 * 3600), on: app.db)
        if app.db.isPostgres {
            // After a bulk load the planner's statistics describe a table that is gone.
            try await (try app.db.sql).raw("ANALYZE messages").run()
        }
        return stored
    }

    /// A past the team has worked: of the messages older than `before`, about 85% were answered
    /// (within minutes to a day) and most of those closed some hours later; a few were spam.
    /// The rest stay open, as in any real backlog.
    static func settle(tenantID: UUID, before: Date, on db: Database) async throws {
        let sql = try db.sql
        let kinds = SQLBind.group(Inbox.kinds.map(\.rawValue).sorted())
        // Each database has its own random numbers and date arithmetic; the shape is the same.
        let roll = db.isPostgres ? SQLRaw("floor(random() * 100)") : SQLRaw("(abs(random()) % 100)")
        func later(_ column: String, minSeconds: Int, spread: Int) -> SQLExpression {
            db.isPostgres
                ? SQLRaw("\(column) + make_interval(secs => \(minSeconds) + floor(random() * \(spread)))")
                : SQLRaw("\(column) + \(minSeconds) + (abs(random()) % \(spread))")
        }
        try await retried(sql.update("messages")
            .set("state", to: SQLBind("replied"))
            .set(SQLIdentifier("first_response_at"), to: later("received_at", minSeconds: 300, spread: 86_400))
            .where("tenant_id", .equal, SQLBind(tenantID)).where("received_at", .lessThan, SQLBind(before))
            .where("kind", .in, kinds).where("state", .equal, SQLBind("new")).where(roll, .lessThan, SQLLiteral.numeric("85")))
        try await retried(sql.update("messages")
            .set("state", to: SQLBind("closed"))
            .set(SQLIdentifier("resolved_at"), to: later("first_response_at", minSeconds: 600, spread: 172_800))
            .where("tenant_id", .equal, SQLBind(tenantID)).where("state", .equal, SQLBind("replied"))
            .where("received_at", .lessThan, SQLBind(before)).where(roll, .lessThan, SQLLiteral.numeric("90")))
        try await retried(sql.update("messages")
            .set("state", to: SQLBind("spam"))
            .set(SQLIdentifier("resolved_at"), to: later("received_at", minSeconds: 600, spread: 86_400))
            .where("tenant_id", .equal, SQLBind(tenantID)).where("received_at", .lessThan, SQLBind(before))
            .where("kind", .in, kinds).where("state", .equal, SQLBind("new")).where(roll, .lessThan, SQLLiteral.numeric("20")))
    }

    /// A triage pass updating the same rows in another order may deadlock with these bulk
    /// updates on PostgreSQL; the aborted statement changed nothing and simply runs again.
    /// A bulk update holds its rows' locks for its whole run, so a busy triage pass can win
    /// several times in a row: it gets more attempts than one message's write.
    private static func retried(_ update: SQLUpdateBuilder) async throws {
        try await WriteContention.retrying(attempts: 12) { try await update.run() }
    }
}
