import Fluent
import Foundation
import SimpulCore
import SQLKit
import Vapor

/// Gives every stored message its sentiment, priority and SLA due time, and the normalised,
/// stemmed words that search reads. Runs after ingest, never on it.
enum TriageWorker {
    static let batchSize = 500

    @discardableResult
    static func runOnce(db: Database, now: Date, app: Application? = nil) async throws -> Int {
        var processed = 0
        for tenant in try await Tenant.query(on: db).all() {
            processed += try await runOnce(tenant: tenant, db: db, app: app, now: now)
        }
        return processed
    }

    static func runOnce(tenant: Tenant, db: Database, app: Application? = nil, now: Date? = nil) async throws -> Int {
        let tenantID = try tenant.requireID()
        // No ORDER BY: the index of untriaged messages (messages_triage_pending) yields them in
        // the order they came.
        let pending = try await MessageModel.query(on: db)
            .filter(\.$tenantID == tenantID)
            .filter(\.$priority == nil)
            .limit(batchSize)
            .all()
        guard !pending.isEmpty else { return 0 }
        let triage = MessageTriage()
        let sla = try await SLAService.load(tenant: tenant, on: db)
        // Other workers update the same rows (the compliance pass, the Sandbox history's
        // settling); on PostgreSQL two such writers may deadlock, and the aborted transaction,
        // which wrote nothing, runs again.
        try await WriteContention.retrying { try await db.transaction { db in
            let sql = try db.sql
            for message in pending {
                let text = message.text ?? ""
                let answerable = Inbox.kinds.contains(message.kind) && !text.isEmpty
                let result = answerable ? triage.assess(text) : nil
                let priority = result?.priority ?? .low
                let searchText = Inbox.searchText(text, analyzer: triage.analyzer)
                let due = answerable ? sla.policy.due(priority: priority, received: message.receivedAt, calendar: sla.calendar) : nil
                var update = sql.update(MessageModel.schema)
                    .set("sentiment", to: SQLBind((result?.sentiment ?? .neutral).rawValue))
                    .set("priority", to: SQLBind(priority.rawValue))
                    .set("due_at", to: SQLBind(due))
                    .set("search_text", to: SQLBind(searchText))
                    .where("tenant_id", .equal, SQLBind(tenantID))
                    .where("id", .equal, SQLBind(message.id!))
                if db.isPostgres {
                    // PostgreSQL's search column sits on the row itself: one statement does both.
                    update = update.set(SQLIdentifier("search_vector"), to: Inbox.searchVector(searchText))
                    try await update.run()
                } else {
                    try await update.run()
                    try await Inbox.index(messageID: message.id!, tenantID: tenantID, searchText: searchText, on: db)
                }
                message.searchText = searchText
            }
        } }
        let at = now ?? app?.clock.now() ?? Date()
        try await HoaxWatch.match(pending, tenantID: tenantID, now: at, on: db)
        if let new = try await ListeningWatch.match(pending, tenantID: tenantID, analyzer: triage.analyzer, on: db) {
            try await SpikeWatch.run(tenantID: tenantID, hits: new, now: at, on: db)
        }
        try await AccountSpikeWatch.run(pending, tenantID: tenantID, now: at, on: db)
        let routedAccounts = Set(pending.compactMap(\.accountID))
        if !routedAccounts.isEmpty {
            let accounts = Dictionary(uniqueKeysWithValues: try await AccountModel.query(on: db).filter(\.$tenantID == tenantID)
                .filter(\.$id ~~ Array(routedAccounts)).all().map { ($0.id!, $0) })
            try await Routing.route(pending, tenantID: tenantID, accounts: accounts,
                                    tree: try await UnitQueries.tree(tenantID: tenantID, on: db), analyzer: triage.analyzer, on: db)
        }
        if let app {
            // Open inboxes learn of the messages that are now ready, with their unit for scope.
            let accountIDs = Set(pending.filter { Inbox.kinds.contains($0.kind) }.compactMap(\.accountID))
            let units = accountIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await AccountModel.query(on: db)
                .filter(\.$tenantID == tenantID).filter(\.$id ~~ Array(accountIDs)).all().map { ($0.id!, $0.unitID) })
            let events = pending.compactMap { message -> InboxEvent? in
                guard Inbox.kinds.contains(message.kind), let unit = message.accountID.flatMap({ units[$0] }) else { return nil }
                return InboxEvent(tenant: tenantID, message: message.id!, unit: unit, change: "new")
            }
            try await InboxEvents.publish(events, app: app, on: db)
        }
        return pending.count
    }
}

/// The background loop of `simpul serve` and `simpul demo`: triage, then the compliance guard.
enum EnrichmentWorker {
    static func start(app: Application, every interval: Duration = .seconds(3)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do {
                    let now = app.clock.now()
                    try await TriageWorker.runOnce(db: app.db, now: now, app: app)
                    try await ComplianceWorker.runOnce(db: app.db, now: now)
                } catch {
                    app.logger.warning("enrichment pass failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
