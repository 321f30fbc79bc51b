import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Vapor

/// Writes what publishing one variant did to the variant, its item and the audit log. Each
/// write that touches the item locks the item's row first, so that two variants of one item
/// finishing at once cannot both miss that the item is now fully published.
struct PublishRecorder {
    let app: Application
    let tenant: Tenant
    let item: ContentItemModel
    let variant: ContentVariantModel

    var db: Database { app.db }
    var now: Date { app.clock.now() }
    var actor: Auditor.Actor { .system(tenantID: tenant.id!, at: now, name: "penerbit") }

    /// Moves the item to publishing and the variant with it, and writes `attempt` (the record
    /// that a platform call is about to be made) in the same commit. False when the item can no
    /// longer publish as approved (its unit's chain grew a step since): it goes back to review.
    func start(attempt: PublishAttemptModel?) async throws -> Bool {
        // Only the first variant of an item moves it; the others find it publishing already.
        var policy = ApprovalPolicy.withoutApproval
        if item.status == .scheduled {
            let tree = try await UnitQueries.tree(tenantID: tenant.id!, on: db)
            policy = try await ApprovalPolicies.policy(for: item.unitID, tenantID: tenant.id!, tree: tree, on: db)
        }
        return try await db.transaction { [policy] db in
            let item = try await lockedItem(on: db)
            if item.status == .scheduled {
                switch ContentWorkflow.apply(.startPublishing, to: item.workflowItem, by: .system, policy: policy, now: now) {
                case .success(let transition):
                    item.adopt(transition.item)
                case .failure:
                    item.status = .inReview
                    item.scheduledAt = nil
                    item.updatedAt = now
                    try await item.save(on: db)
                    try await ContentVariantModel.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$itemID == item.id!)
                        .filter(\.$status != .published)
                        .set(\.$status, to: .pending).update()
                    try await Auditor.record(actor, on: db, action: .contentReviewRequired, targetType: .content, targetID: item.id, label: item.title,
                                             after: ["reason": "approval steps added after approval"])
                    return false
                }
                item.updatedAt = now
                try await item.save(on: db)
            }
            variant.status = .publishing
            variant.updatedAt = now
            try await variant.save(on: db)
            try await attempt?.create(on: db)
            return true
        }
    }

    func published(_ post: PublishedPost, attempt: PublishAttemptModel, outcome: PublishAttemptModel.Outcome, job: JobQueue.ClaimedJob) async throws {
        try await db.transaction { db in
            // Done with the job in the same commit; if another worker took the lease meanwhile,
            // nothing here is kept and that worker finds the post instead.
            guard try await JobQueue(db: db).complete(job, now: now) else { throw PublishVariantJob.LeaseLost() }
            let item = try await lockedItem(on: db)
            attempt.outcome = outcome.rawValue
            attempt.finishedAt = now
            attempt.platformPostID = post.id
            try await attempt.save(on: db)
            variant.status = .published
            variant.platformPostID = post.id
            variant.url = post.url
            variant.publishedAt = now
            variant.lastError = nil
            variant.updatedAt = now
            try await variant.save(on: db)
            try await Auditor.record(actor, on: db, action: .contentPublish, targetType: .content, targetID: item.id, label: item.title,
                                     after: ["variant": variant.id!.uuidString, "post": post.id, "found_after_crash": outcome == .found ? "ya" : "tidak"])
            let unpublished = try await ContentVariantModel.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$itemID == item.id!)
                .filter(\.$status != .published).count()
            if unpublished == 0, case .success(let transition) = ContentWorkflow.apply(.published, to: item.workflowItem, by: .system, policy: .withoutApproval, now: now) {
                item.adopt(transition.item)
                item.updatedAt = now
                try await item.save(on: db)
                try await ContentNotifier.notify(transition.notify, about: item, status: .published, actorID: nil, zone: tenant.zone, at: now, on: db)
            }
        }
    }

    /// The variant will not publish without a person's help; the item shows as failed.
    func failed(_ message: String) async throws {
        try await db.transaction { db in
            let item = try await lockedItem(on: db)
            variant.status = .failed
            variant.lastError = String(message.prefix(1_000))
            variant.updatedAt = now
            try await variant.save(on: db)
            // A variant can fail before any publishing started (its account was switched off).
            var current = item.workflowItem
            if current.status == .scheduled { current.status = .publishing }
            if case .success(let transition) = ContentWorkflow.apply(.failed, to: current, by: .system, policy: .withoutApproval, now: now) {
                item.adopt(transition.item)
                item.updatedAt = now
                try await item.save(on: db)
                try await ContentNotifier.notify(transition.notify, about: item, status: .failed, actorID: nil, detail: message, zone: tenant.zone, at: now, on: db)
            }
            try await Auditor.record(actor, on: db, action: .contentPublishFailed, targetType: .content, targetID: item.id, label: item.title,
                                     after: ["variant": variant.id!.uuidString, "error": String(message.prefix(300))])
        }
    }

    /// The item's row, read again under a lock (PostgreSQL) or the write lock (SQLite, whose
    /// first write in a transaction waits for other writers to finish).
    private func lockedItem(on db: Database) async throws -> ContentItemModel {
        try await (try db.sql).raw("UPDATE content_items SET updated_at = \(bind: now) WHERE tenant_id = \(bind: tenant.id!) AND id = \(bind: item.id!)").run()
        guard let fresh = try await ContentItemModel.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$id == item.id!).first() else {
            throw JobFailure.permanent("content item deleted")
        }
        return fresh
    }
}
