import Fluent
import Foundation
import SimpulCore
import SQLKit
import Vapor

/// Looks at every ingested message once, after it is committed (never on the ingest path):
/// a post or comment written by a staff account is checked by the guard; a staff account's
/// like, share or comment is judged by what it endorses — content with findings, or a
/// candidate's account.
enum ComplianceWorker {
    static let batchSize = 200

    /// One pass over every tenant; returns how many messages it looked at.
    @discardableResult
    static func runOnce(db: Database, now: Date) async throws -> Int {
        var processed = 0
        for tenant in try await Tenant.query(on: db).all() {
            processed += try await runOnce(tenant: tenant, db: db, now: now)
        }
        return processed
    }

    static func runOnce(tenant: Tenant, db: Database, now: Date) async throws -> Int {
        let tenantID = try tenant.requireID()
        let pending = try await MessageModel.query(on: db)
            .filter(\.$tenantID == tenantID)
            .filter(\.$complianceCheckedAt == nil)
            .sort(\.$receivedAt)
            .limit(batchSize)
            .all()
        guard !pending.isEmpty else { return 0 }
        let staff = try await StaffDirectory.load(tenantID: tenantID, on: db)
        let tenantGuard = try await ComplianceService.guardFor(tenantID: tenantID, zone: tenant.zone, now: now, on: db)
        for message in pending {
            guard let member = staff.author(of: message) else { continue }
            try await assess(message, by: member, tenantID: tenantID, guard: tenantGuard, now: now, on: db)
        }
        let ids = pending.compactMap(\.id)
        // The triage pass updates the same rows; a deadlock between the two aborts this
        // statement, which changed nothing and runs again.
        let checked = try db.sql.update(MessageModel.schema)
            .set("compliance_checked_at", to: now)
            .where("tenant_id", .equal, tenantID)
            .where("id", .in, ids)
        try await WriteContention.retrying { try await checked.run() }
        return pending.count
    }

    private static func assess(_ message: MessageModel, by member: StaffDirectory.Member, tenantID: UUID, guard tenantGuard: TenantGuard,
                               now: Date, on db: Database) async throws {
        let messageID = try message.requireID()
        let text = message.text ?? ""
        if TextInputProblem.check(text) == nil {
            try await ComplianceService.record(tenantGuard.check(text), source: .message, sourceID: messageID, tenantID: tenantID,
                                               accountID: member.accountID, unitID: member.unitID, excerpt: text, at: now, on: db)
        }
        guard let activity = activityKind(message), let targetRef = message.parentRef ?? message.threadRef else { return }
        let target = try await MessageModel.query(on: db)
            .filter(\.$tenantID == tenantID)
            .filter(\.$platform == message.platform)
            .filter(\.$externalID == targetRef)
            .first()
        let targetText = target?.text ?? ""
        let targetFindings = TextInputProblem.check(targetText) == nil ? tenantGuard.check(targetText) : []
        let findings = StaffActivity.assess(activity, targetFindings: targetFindings, targetAccount: target?.authorHandle,
                                            candidateAccounts: tenantGuard.candidateAccounts)
        try await ComplianceService.record(findings, source: .activity, sourceID: messageID, tenantID: tenantID,
                                           accountID: member.accountID, unitID: member.unitID, excerpt: targetText, at: now, on: db)
    }

    static func activityKind(_ message: MessageModel) -> StaffActivityKind? {
        switch message.kind {
        case .reaction: .reaction
        case .share: .share
        case .comment, .reply: .comment
        default: nil
        }
    }
}

/// The tenant's staff accounts, found by the id or handle a platform reports for an author.
struct StaffDirectory {
    struct Member {
        let accountID: UUID
        let unitID: UUID
    }

    private var byExternalID: [String: Member] = [:]
    private var byHandle: [String: Member] = [:]

    static func load(tenantID: UUID, on db: Database) async throws -> StaffDirectory {
        var directory = StaffDirectory()
        let accounts = try await AccountModel.query(on: db)
            .filter(\.$tenantID == tenantID)
            .filter(\.$kind == .staff)
            .all()
        for account in accounts {
            let member = Member(accountID: try account.requireID(), unitID: account.unitID)
            if let external = account.externalID { directory.byExternalID[account.platform.rawValue + "|" + external] = member }
            directory.byHandle[account.platform.rawValue + "|" + account.handle.lowercased()] = member
        }
        return directory
    }

    func author(of message: MessageModel) -> Member? {
        if let id = message.authorID, let member = byExternalID[message.platform.rawValue + "|" + id] { return member }
        if let handle = message.authorHandle?.lowercased(), let member = byHandle[message.platform.rawValue + "|" + handle] { return member }
        return nil
    }
}
