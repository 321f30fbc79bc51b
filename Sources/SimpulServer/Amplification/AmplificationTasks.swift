import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Reading and writing amplification tasks: which posts may be handed out, to whom, and how a
/// staff member's part is proven (a link the platform confirms, or a share the connector sees).
enum AmplificationTasks {
    /// Platforms where a share can be proven: Facebook and X let Simpul read a post by its id
    /// and deliver shares and quotes; Instagram, YouTube and TikTok do neither.
    static let provablePlatforms: [Platform] = [.facebook, .x]
    /// How far back a published post may still be handed out.
    static let candidateWindow: TimeInterval = 30 * 86_400
    /// Shares keep counting (as late) for this long after the deadline.
    static let lateWindow: TimeInterval = 7 * 86_400

    struct Candidate {
        let variant: ContentVariantModel
        let title: String
        let account: AccountModel
        let text: String
    }

    /// Posts published in the last 30 days on official Facebook and X accounts in units where
    /// the person may hand out tasks, newest first.
    static func candidates(_ principal: Principal, now: Date, on db: Database) async throws -> [Candidate] {
        let units = Array(principal.scope.units(with: .manageAmplification))
        guard !units.isEmpty else { return [] }
        let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$kind == .official)
            .filter(\.$platform ~~ provablePlatforms).filter(\.$unitID ~~ units).all()
        guard !accounts.isEmpty else { return [] }
        let byID = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id!, $0) })
        let variants = try await ContentVariantModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$status == .published).filter(\.$accountID ~~ Array(byID.keys))
            .filter(\.$platformPostID != nil).filter(\.$publishedAt >= now.addingTimeInterval(-candidateWindow))
            .sort(\.$publishedAt, .descending).limit(200).all()
        let items = try await ContentItemModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$id ~~ Array(Set(variants.map(\.itemID)))).all()
        let itemByID = Dictionary(uniqueKeysWithValues: items.map { ($0.id!, $0) })
        return variants.compactMap { variant in
            guard let item = itemByID[variant.itemID], let account = byID[variant.accountID] else { return nil }
            return Candidate(variant: variant, title: item.title, account: account, text: variant.text ?? item.body)
        }
    }

    struct StaffMember {
        let user: UserModel
        let unitID: UUID
    }

    /// Active staff members (the `staff` role) on units where the person may hand out tasks,
    /// each once, on the first such unit found.
    static func staff(_ principal: Principal, on db: Database) async throws -> [StaffMember] {
        let units = Array(principal.scope.units(with: .manageAmplification))
        guard !units.isEmpty else { return [] }
        let memberships = try await MembershipModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$role == .staff).filter(\.$unitID ~~ units).all()
        let users = try await UserModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$id ~~ Array(Set(memberships.map(\.userID)))).filter(\.$active == true).all()
        let unitOf = Dictionary(memberships.map { ($0.userID, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        return users.compactMap { user in unitOf[user.id!].map { StaffMember(user: user, unitID: $0) } }
            .sorted { $0.user.name < $1.user.name }
    }

    /// Everyone the chosen units (with their sub-units) and the chosen people add up to, each once.
    static func recipients(units chosenUnits: Set<UUID>, users chosenUsers: Set<UUID>, from staff: [StaffMember], tree: UnitTree) -> [StaffMember] {
        let reached = chosenUnits.reduce(into: Set<UUID>()) { $0.formUnion(tree.subtree(of: $1)) }
        return staff.filter { reached.contains($0.unitID) || chosenUsers.contains($0.user.id!) }
    }

    static func create(_ candidate: Candidate, caption: String, deadline: Date, recipients: [StaffMember], principal: Principal,
                       actor: Auditor.Actor, now: Date, on db: Database) async throws -> AmplificationTaskModel {
        let task = AmplificationTaskModel(variant: candidate.variant, account: candidate.account, title: candidate.title, caption: caption,
                                          deadline: deadline, createdBy: principal.userID, at: now)
        let zone = principal.tenant.zone
        try await db.transaction { db in
            try await task.create(on: db)
            for member in recipients {
                try await AmplificationAssignmentModel(task: task, userID: member.user.id!, unitID: member.unitID).create(on: db)
                try await notify(member.user.id!, task: task, text: "Tugas amplifikasi baru: bagikan \"\(task.title)\" di \(task.platform.displayName) paling lambat "
                    + IndonesianFormat.dateTime(deadline, zone: zone, english: false) + ".", at: now, on: db)
            }
            try await Auditor.record(actor, on: db, action: .amplificationCreate, targetType: .amplificationTask, targetID: task.id, label: task.title,
                                     after: ["post": task.postID, "platform": task.platform.rawValue, "deadline": ISO8601DateFormatter().string(from: deadline),
                                             "recipients": String(recipients.count)])
        }
        return task
    }

    static func notify(_ userID: UUID, task: AmplificationTaskModel, text: String, at now: Date, on db: Database) async throws {
        try await NotificationModel.tell([userID], tenantID: task.tenantID, text: text, link: .myAmplification, at: now, on: db)
    }

    /// The person's own registered staff accounts on a platform, as the verification sees them.
    static func handles(of userID: UUID, tenantID: UUID, platform: Platform, on db: Database) async throws -> [(AccountModel, StaffHandle)] {
        try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$kind == .staff).filter(\.$ownerID == userID)
            .filter(\.$platform == platform).filter(\.$active == true).all()
            .map { ($0, StaffHandle(platform: $0.platform, externalID: $0.externalID, handle: $0.handle)) }
    }

    enum LinkOutcome: Equatable {
        case verified
        case refused(String)
    }

    /// Checks a submitted link: its shape first, then the platform, read through the official
    /// account that published the post. Marks the assignment done, or keeps why it was not.
    static func submitLink(_ link: String, assignment: AmplificationAssignmentModel, task: AmplificationTaskModel, app: Application,
                           now: Date, on db: Database) async throws -> LinkOutcome {
        let refusal: String
        switch ShareLink.parse(link) {
        case .failure(let problem):
            refusal = problem.message
        case .success(let parsed):
            if let wrong = ShareVerification.precheck(parsed, post: task.amplified) {
                refusal = wrong.message
            } else {
                let owned = try await handles(of: assignment.userID, tenantID: task.tenantID, platform: task.platform, on: db)
                switch try await lookUp(parsed, task: task, app: app, on: db) {
                case .refused(let problem):
                    refusal = problem
                case .found(let facts):
                    let verdict = ShareVerification.verdict(facts, post: task.amplified, staff: owned.map(\.1))
                    guard verdict == .verified else {
                        refusal = verdict.message
                        break
                    }
                    let account = owned.first { $0.1.externalID == facts.authorID || $0.1.handle.lowercased() == facts.authorHandle?.lowercased() }?.0
                    assignment.completedAt = now
                    assignment.method = AmplificationAssignmentModel.Method.link.rawValue
                    assignment.accountID = account?.id
                    assignment.proofURL = String(link.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500))
                    assignment.proofPostID = facts.id
                    assignment.lastRefusal = nil
                    assignment.lastRefusalAt = nil
                    try await assignment.save(on: db)
                    return .verified
                }
            }
        }
        assignment.lastRefusal = refusal
        assignment.lastRefusalAt = now
        try await assignment.save(on: db)
        return .refused(refusal)
    }

    /// Asks the platform for the post, through the official account that published the task's
    /// post; platform trouble comes back as a sentence for the person, not an error page.
    private enum LookUp {
        case found(SharedPostFacts)
        case refused(String)
    }

    private static func lookUp(_ link: ShareLink, task: AmplificationTaskModel, app: Application, on db: Database) async throws -> LookUp {
        guard let variant = try await ContentVariantModel.query(on: db).filter(\.$tenantID == task.tenantID).filter(\.$id == task.variantID).first(),
              let official = try await AccountModel.query(on: db).filter(\.$tenantID == task.tenantID).filter(\.$id == variant.accountID).first() else {
            return .refused("Akun resmi unggahan ini tidak ditemukan lagi, jadi tautan tidak dapat diperiksa.")
        }
        let name = task.platform.displayName
        do {
            guard let connector = try AccountConnector.make(for: official, app: app) as? any ShareLookupConnector else {
                return .refused("Kiriman \(name) tidak dapat diperiksa lewat tautan.")
            }
            return .found(try await connector.sharedPost(id: link.postID))
        } catch let error as PlatformError {
            let reason = switch error {
            case .rateLimited: "\(name) sedang membatasi permintaan. Coba kirim lagi beberapa menit lagi."
            case .authInvalid: "Akun resmi @\(official.handle) perlu disambungkan ulang sebelum tautan dapat diperiksa. Hubungi admin unit."
            case .transient, .invalidResponse: "\(name) tidak menjawab dengan benar. Coba kirim lagi nanti."
            case .rejected: "Kiriman pada tautan itu tidak ditemukan di \(name) atau tidak publik."
            }
            return .refused(reason)
        }
    }
}
