import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Completes amplification tasks from what the connectors deliver: a Facebook share of the
/// official post, or an X quote or repost of it, made by one of the assignee's registered staff
/// accounts. Nobody has to send a link for a share the platform already told us about.
enum AmplificationObserver {
    static func start(app: Application, every interval: Duration = .seconds(20)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do {
                    try await runOnce(db: app.db, now: app.clock.now())
                } catch {
                    app.logger.warning("amplification pass failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass over the tasks still open (or within a week after their deadline); returns how
    /// many assignments it completed.
    @discardableResult
    static func runOnce(db: Database, now: Date, tenantID: UUID? = nil) async throws -> Int {
        var query = AmplificationTaskModel.query(on: db).filter(\.$deadline >= now.addingTimeInterval(-AmplificationTasks.lateWindow))
        if let tenantID { query = query.filter(\.$tenantID == tenantID) }
        let tasks = try await query.all()
        var completed = 0
        for task in tasks {
            let pending = try await AmplificationAssignmentModel.query(on: db).filter(\.$tenantID == task.tenantID)
                .filter(\.$taskID == task.id!).filter(\.$completedAt == nil).all()
            guard !pending.isEmpty else { continue }
            let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == task.tenantID).filter(\.$kind == .staff)
                .filter(\.$platform == task.platform).filter(\.$ownerID ~~ pending.map(\.userID)).filter(\.$externalID != nil).all()
            guard !accounts.isEmpty else { continue }
            let accountByExternalID = Dictionary(accounts.map { ($0.externalID!, $0) }, uniquingKeysWith: { first, _ in first })
            let messages = try await MessageModel.query(on: db).filter(\.$tenantID == task.tenantID)
                .filter(\.$platform == task.platform).filter(\.$authorID ~~ Array(accountByExternalID.keys))
                .filter(\.$kind ~~ [MessageKind.share, .mention, .reply])
                .sort(\.$receivedAt).all()
            for assignment in pending {
                let proof = messages.first { message in
                    guard let author = message.authorID, accountByExternalID[author]?.ownerID == assignment.userID else { return false }
                    return passesOn(message, post: task.postID)
                }
                guard let proof, let account = accountByExternalID[proof.authorID!] else { continue }
                assignment.completedAt = proof.occurredAt ?? proof.receivedAt
                assignment.method = AmplificationAssignmentModel.Method.observed.rawValue
                assignment.accountID = account.id
                assignment.proofPostID = proof.externalID
                assignment.proofURL = task.platform == .x ? "https://x.com/\(account.handle)/status/\(proof.externalID)" : nil
                assignment.lastRefusal = nil
                try await assignment.save(on: db)
                completed += 1
            }
        }
        return completed
    }

    /// A Facebook share names the shared post as its thread; an X post names the post it
    /// quotes or reposts in its detail.
    static func passesOn(_ message: MessageModel, post postID: String) -> Bool {
        if message.kind == .share { return message.threadRef == postID || message.parentRef == postID }
        let detail = message.detail.value
        return detail["quoted_id"] == postID || detail["retweeted_id"] == postID
    }
}
