import Fluent
import Foundation
import Plot
import SimpulCore
import SQLKit
import Vapor

/// Beranda: the real counts of the person's scope and what needs attention now.
enum HomeController {
    struct Counts {
        var units = 0
        var accountsByPlatform: [Platform: Int] = [:]
        var admins = 0
        var needsReconnect: [AccountModel] = []
        var staffAccounts = 0
        /// Compliance findings nobody has reviewed yet, on units in scope.
        var openFindings = 0
        /// Inbox messages past their SLA due time and still waiting for an answer.
        var overdueMessages = 0
        /// Content in review in the units where the person approves.
        var contentInReview = 0
        /// Posts that failed to publish and wait for a person, in the units in scope.
        var failedPosts = 0
        var accounts: Int { accountsByPlatform.values.reduce(0, +) }
    }

    static func register(_ routes: RouteCatalog) {
        routes.add(.home, show)
    }

    static func counts(for principal: Principal, now: Date, on db: Database) async throws -> Counts {
        let scope = principal.scope
        var counts = Counts()
        let unitIDs = scope.units(with: .viewHome)
        counts.units = unitIDs.count
        let accountUnits = scope.units(with: .viewAccounts), inboxUnits = scope.units(with: .viewInbox)
        let accounts = try await AccountQueries.facts(tenantID: principal.tenantID, units: accountUnits.union(inboxUnits), on: db)
        if !accountUnits.isEmpty {
            var reconnect: [UUID] = []
            for account in accounts where account.active && accountUnits.contains(account.unitID) {
                counts.accountsByPlatform[account.platform, default: 0] += 1
                if account.kind == .staff { counts.staffAccounts += 1 }
                if account.status == .needsReconnect { reconnect.append(account.id) }
            }
            if !reconnect.isEmpty {
                counts.needsReconnect = try await AccountModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ reconnect).all()
            }
        }
        let inboxAccounts = accounts.filter { inboxUnits.contains($0.unitID) }.map(\.id)
        if !inboxAccounts.isEmpty {
            counts.overdueMessages = try await overdue(tenantID: principal.tenantID, accounts: inboxAccounts, now: now, on: db)
        }
        if scope.allowsSomewhere(.viewFindings) {
            counts.openFindings = try await FindingModel.query(on: db).filter(\.$tenantID == principal.tenantID)
                .filter(\.$unitID ~~ Array(scope.units(with: .viewFindings))).filter(\.$status == .open).count()
        }
        if scope.allowsSomewhere(.approveContent) {
            counts.contentInReview = try await ContentItemModel.query(on: db).filter(\.$tenantID == principal.tenantID)
                .filter(\.$unitID ~~ Array(scope.units(with: .approveContent))).filter(\.$status == .inReview).count()
        }
        if scope.allowsSomewhere(.viewContent) {
            counts.failedPosts = try await ContentItemModel.query(on: db).filter(\.$tenantID == principal.tenantID)
                .filter(\.$unitID ~~ Array(scope.units(with: .viewContent))).filter(\.$status == .failed).count()
        }
        // Admins: active people holding any role other than staff on a unit in this scope.
        counts.admins = try await UserQueries.people(tenantID: principal.tenantID, except: [.staff], on: unitIDs, on: db).count
        return counts
    }

    /// Counted up to this many: past it the tile says "1.000+", and the count reads no more of a
    /// large backlog than that on every view of the page.
    static let overdueCap = 1_000

    /// Messages still waiting past their due time on `accounts`, up to `overdueCap`: each
    /// account's range of the waiting-due index (the `AddPageIndexes` predicate, written out
    /// so that the database may use it).
    static func overdue(tenantID: UUID, accounts: [UUID], now: Date, cap: Int = overdueCap, on db: Database) async throws -> Int {
        let hint: SQLQueryString = db.isPostgres ? "" : " INDEXED BY messages_waiting_due"
        let waiting = SQLQueryString(AddPageIndexes.waiting)
        let query: SQLQueryString = "SELECT COUNT(*) AS n FROM (SELECT 1 FROM messages" + hint + " WHERE tenant_id = \(bind: tenantID) AND account_id IN (\(binds: accounts)) AND "
            + waiting + " AND due_at < \(bind: now) LIMIT \(literal: cap)) AS overdue"
        return try await (try db.sql).raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func show(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let counts = try await counts(for: principal, now: req.now, on: req.db)
        let unread = try await NotificationsController.recent(principal, limit: 10, unreadOnly: true, on: req.db)
        return HomePages.home(PageContext(req), HomePages.Model(principal: principal, counts: counts, unread: unread))
    }
}
