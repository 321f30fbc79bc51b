import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Seeds `DemoContent` once: pillars by name, policies per unit, items by title. The scheduled
/// item's job is queued, so the running demo publishes it to the Sandbox minutes after start.
enum DemoContentSeeder {
    static func seed(tenant: Tenant, app: Application, on db: Database) async throws {
        let tenantID = tenant.id!
        let now = app.clock.now()
        let zone = tenant.zone
        let actor = Auditor.Actor.system(tenantID: tenantID, at: now, name: "simpul demo")
        let units = Dictionary(try await UnitQueries.all(tenantID: tenantID, on: db).map { ($0.code, $0.id!) }, uniquingKeysWith: { a, _ in a })
        let users = Dictionary(try await UserModel.query(on: db).filter(\.$tenantID == tenantID).all().map { ($0.email, $0.id!) }, uniquingKeysWith: { a, _ in a })
        func user(_ localPart: String) -> UUID? { users[localPart + "@" + DemoCatalog.emailDomain] }
        let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).all()

        var pillars = Dictionary(try await ContentPillarModel.query(on: db).filter(\.$tenantID == tenantID).all().map { ($0.name, $0.id!) },
                                 uniquingKeysWith: { a, _ in a })
        for name in DemoContent.pillars where pillars[name] == nil {
            let pillar = ContentPillarModel(tenantID: tenantID, name: name, at: now)
            try await pillar.create(on: db)
            pillars[name] = pillar.id
        }
        for policy in DemoContent.policies {
            guard let unitID = units[policy.unitCode], try await ApprovalPolicies.own(unitID: unitID, tenantID: tenantID, on: db) == nil else { continue }
            let row = ApprovalPolicyModel()
            row.id = UUID()
            row.tenantID = tenantID
            row.unitID = unitID
            row.steps = policy.steps.map(\.rawValue).joined(separator: ",")
            row.updatedAt = now
            try await row.create(on: db)
        }

        let titles = Set(try await ContentItemModel.query(on: db).filter(\.$tenantID == tenantID).all().map(\.title))
        let today = LocalTime.instant(date: CalendarGrid.day(of: now, zone: zone), time: "00:00", zone: zone) ?? now
        for seed in DemoContent.items where !titles.contains(seed.title) {
            guard let unitID = units[seed.unitCode], let writer = user(seed.writer) else { continue }
            let item = ContentItemModel()
            item.id = UUID()
            item.tenantID = tenantID
            item.unitID = unitID
            item.title = seed.title
            item.body = seed.body
            item.pillarID = pillars[seed.pillar]
            item.campaign = seed.campaign
            item.segments = seed.segments.map(AudienceSegments.init)
            item.plannedAt = today.addingTimeInterval(Double(seed.plannedInDays) * 86_400)
            item.createdBy = writer
            item.createdAt = now
            item.updatedAt = now
            var variantStatus = ContentVariantModel.Status.pending
            var publishedAt: Date?
            switch seed.stage {
            case .draft:
                item.status = .draft
            case .inReview(let approvedBy):
                item.status = .inReview
                item.approvals = approvedBy.compactMap(user)
            case .rejected(let comment):
                item.status = .rejected
                item.reviewComment = comment
            case .scheduled(let approvedBy, let minutes):
                item.status = .scheduled
                item.approvals = approvedBy.compactMap(user)
                item.scheduledAt = now.addingTimeInterval(Double(minutes) * 60)
                variantStatus = .scheduled
            case .published(let approvedBy, let days):
                item.status = .published
                item.approvals = approvedBy.compactMap(user)
                publishedAt = now.addingTimeInterval(-Double(days) * 86_400)
                item.scheduledAt = publishedAt
                variantStatus = .published
            }
            if item.status != .draft {
                item.submittedBy = writer
                item.submittedAt = now
            }
            try await item.create(on: db)
            for (platform, handle) in seed.targets {
                guard let account = accounts.first(where: { $0.platform == platform && $0.handle == handle }) else { continue }
                let variant = ContentVariantModel()
                variant.id = UUID()
                variant.tenantID = tenantID
                variant.itemID = item.id!
                variant.accountID = account.id!
                variant.hashtags = seed.hashtags
                variant.status = variantStatus
                variant.createdAt = now
                variant.updatedAt = now
                if let publishedAt {
                    let postID = SandboxReplyTransport.postID(platform: account.platform, accountExternalID: account.externalID ?? "")
                    variant.platformPostID = postID
                    variant.url = switch account.platform {
                    case .facebook: "https://www.facebook.com/" + postID.replacingOccurrences(of: "_", with: "/posts/")
                    case .x: "https://x.com/\(account.handle)/status/\(postID)"
                    default: nil
                    }
                    variant.publishedAt = publishedAt
                }
                try await variant.create(on: db)
                if let at = item.scheduledAt, variantStatus == .scheduled {
                    try await PublishVariantJob.enqueue(variant, at: at, on: db, now: now)
                }
            }
            try await Auditor.record(actor, on: db, action: .contentCreate, targetType: .content, targetID: item.id, label: item.title)
        }
    }

    /// The demo's amplification task: the published post handed to every ASN, once.
    static func seedAmplification(tenant: Tenant, app: Application, on db: Database) async throws {
        let tenantID = tenant.id!
        let now = app.clock.now()
        let seed = DemoContent.amplification
        guard try await AmplificationTaskModel.query(on: db).filter(\.$tenantID == tenantID).count() == 0,
              let item = try await ContentItemModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$title == seed.itemTitle).first(),
              let variant = try await ContentVariantModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$itemID == item.id!)
                .filter(\.$platformPostID != nil).first(),
              let account = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == variant.accountID).first(),
              let creator = try await UserModel.query(on: db).filter(\.$tenantID == tenantID)
                .filter(\.$email == seed.createdBy + "@" + DemoCatalog.emailDomain).first() else { return }
        let memberships = try await MembershipModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$role == .staff).all()
        let unitOf = Dictionary(memberships.map { ($0.userID, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        let task = AmplificationTaskModel(variant: variant, account: account, title: item.title, caption: seed.caption,
                                          deadline: now.addingTimeInterval(Double(seed.hoursToDeadline) * 3600), createdBy: creator.id, at: now)
        try await task.create(on: db)
        for (userID, unitID) in unitOf {
            try await AmplificationAssignmentModel(task: task, userID: userID, unitID: unitID).create(on: db)
        }
    }
}
