import Fluent
import Foundation
import SimpulCore
import Vapor

/// A person's move on a content item, through the state machine: the item, its variants and
/// the publishing jobs change together, and the move is audited.
enum ContentTransitions {
    /// Why a schedule was refused beyond the state machine: variants that would fail.
    struct VariantProblems: Error {
        let problems: [(variant: ContentVariantModel, account: AccountModel, problems: [PostProblem])]
        let noVariants: Bool
    }

    /// `alongside` writes what changed with the move (a variant), in the same transaction.
    static func apply(_ action: WorkflowAction, to item: ContentItemModel, principal: Principal, req: Request,
                      alongside: (@Sendable (Database) async throws -> Void)? = nil) async throws -> Result<WorkflowTransition, WorkflowDenial> {
        let db = req.db
        let now = req.now
        let policy = try await ApprovalPolicies.policy(for: item.unitID, tenantID: principal.tenantID, tree: principal.scope.tree, on: db)
        let actor = WorkflowActor.person(principal.userID, roles: principal.scope.roles(on: item.unitID))
        let before = item.workflowItem
        let result = ContentWorkflow.apply(action, to: before, by: actor, policy: policy, now: now)
        guard case .success(let transition) = result else { return result }
        let audit = req.auditActor(principal)
        try await db.transaction { db in
            try await alongside?(db)
            item.adopt(transition.item)
            if case .reject(let text) = action { item.reviewComment = text.trimmingWhitespace }
            if transition.item.status == .inReview, before.status != .inReview { item.reviewComment = nil }
            if case .submit = action { item.submittedAt = now }
            item.updatedAt = now
            try await item.save(on: db)
            let variants = try await VariantQueries.variants(of: item, on: db)
            for variant in variants where variant.status != .published {
                variant.status = transition.item.status == .scheduled ? .scheduled : .pending
                if transition.item.status == .scheduled { variant.lastError = nil }
                variant.updatedAt = now
                try await variant.save(on: db)
                if transition.item.status == .scheduled, let at = transition.item.scheduledAt {
                    try await PublishVariantJob.enqueue(variant, at: at, on: db, now: now)
                }
            }
            var after: [String: String] = ["status": transition.item.status.rawValue]
            if let at = transition.item.scheduledAt { after["scheduled_at"] = ISO8601DateFormatter().string(from: at) }
            if case .reject(let comment) = action { after["comment"] = String(comment.prefix(500)) }
            try await Auditor.record(audit, on: db, action: auditAction(of: action), targetType: .content, targetID: item.id, label: item.title,
                                     before: ["status": before.status.rawValue], after: after)
            let comment: String? = if case .reject(let text) = action { text.trimmingWhitespace } else { nil }
            try await ContentNotifier.notify(transition.notify, about: item, status: transition.item.status, actorID: principal.userID, detail: comment,
                                             zone: principal.tenant.zone, at: now, on: db)
        }
        return result
    }

    static func auditAction(of action: WorkflowAction) -> AuditAction {
        switch action {
        case .submit: .contentSubmit
        case .approve: .contentApprove
        case .reject: .contentReject
        case .edit: .contentEdit
        case .schedule: .contentSchedule
        case .unschedule: .contentUnschedule
        case .retry: .contentRetry
        case .startPublishing: .contentStartPublishing
        case .published: .contentPublished
        case .failed: .contentFailed
        }
    }

    /// Every variant checked against its platform as it would go out at `at`.
    static func problems(of item: ContentItemModel, at: Date, on db: Database) async throws -> VariantProblems {
        let variants = try await VariantQueries.variants(of: item, on: db)
        return try await problems(of: item, variants: variants, accounts: try await VariantQueries.accounts(of: variants, tenantID: item.tenantID, on: db),
                                  media: try await VariantQueries.media(of: variants, tenantID: item.tenantID, on: db), at: at, on: db)
    }

    /// The same, for a caller that has read the variants, their accounts and media already.
    static func problems(of item: ContentItemModel, variants: [ContentVariantModel], accounts: [UUID: AccountModel], media: [UUID: MediaFileModel],
                         at: Date, on db: Database) async throws -> VariantProblems {
        var found: [(ContentVariantModel, AccountModel, [PostProblem])] = []
        for variant in variants where variant.status != .published {
            guard let account = accounts[variant.accountID] else { continue }
            let recent = account.platform == .instagram
                ? try await VariantQueries.publishedCount(account: account, within: at.addingTimeInterval(-86_400)...at, on: db) : 0
            let draft = variant.draft(body: item.body, media: media)
            var problems = PostValidator.problems(draft, for: account.platform, situation: .init(publishedInLastDay: recent))
            if !publishable(draft.media, on: account.platform) { problems.append(.mediaNotPublishable) }
            if !problems.isEmpty { found.append((variant, account, problems)) }
        }
        return VariantProblems(problems: found, noVariants: variants.isEmpty)
    }

    /// What Simpul's publisher can send, beyond each platform's own rules: Facebook photos and
    /// videos, Instagram images, reels and carousels, TikTok and YouTube videos, X images and
    /// videos; animated GIFs on X are not sent yet.
    static func publishable(_ media: [MediaFacts], on platform: Platform) -> Bool {
        switch platform {
        case .facebook, .instagram, .tiktok, .youtube: true
        case .x: !media.contains { $0.kind == .gif }
        default: media.isEmpty
        }
    }
}

enum VariantQueries {
    static func variants(of item: ContentItemModel, on db: Database) async throws -> [ContentVariantModel] {
        try await ContentVariantModel.query(on: db).filter(\.$tenantID == item.tenantID).filter(\.$itemID == item.id!).sort(\.$createdAt).all()
    }

    static func accounts(of variants: [ContentVariantModel], tenantID: UUID, on db: Database) async throws -> [UUID: AccountModel] {
        guard !variants.isEmpty else { return [:] }
        let rows = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ variants.map(\.accountID)).all()
        return Dictionary(rows.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func media(of variants: [ContentVariantModel], tenantID: UUID, on db: Database) async throws -> [UUID: MediaFileModel] {
        let ids = Array(Set(variants.flatMap(\.mediaIDs)))
        guard !ids.isEmpty else { return [:] }
        let rows = try await MediaFileModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ ids).all()
        return Dictionary(rows.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func publishedCount(account: AccountModel, within range: ClosedRange<Date>, on db: Database) async throws -> Int {
        try await ContentVariantModel.query(on: db).filter(\.$tenantID == account.tenantID).filter(\.$accountID == account.id!)
            .filter(\.$status == .published)
            .filter(\.$publishedAt >= range.lowerBound).filter(\.$publishedAt <= range.upperBound).count()
    }
}
