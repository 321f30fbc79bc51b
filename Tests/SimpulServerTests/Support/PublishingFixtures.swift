import Fluent
import Foundation
import SimpulCore
import VaporTesting
@testable import SimpulServer

/// Content items at each stage, with a variant on a Sandbox Facebook page of OPD-A.
enum PublishingFixtures {
    static func pageAccount(_ world: World, app: Application, n: Int) async throws -> AccountModel {
        let draft = AccountDraft(platform: .facebook, handle: "halaman.uji.\(n).\(UUID().uuidString.prefix(6).lowercased())", displayName: "Halaman Uji \(n)",
                                 kind: .official, unitID: world.units["OPD-A"]!, ownerID: nil, followers: 100, status: .connected)
        let account = AccountModel(tenantID: world.tenantA.id!, draft: draft, at: app.clock.now())
        try DemoSeeder.connectToSandbox(account, box: app.secretBox)
        try await account.create(on: app.db)
        return account
    }

    static func item(_ world: World, app: Application, n: Int, status: ContentStatus, body: String = "Posyandu buka Senin pukul 08.00.") async throws
        -> (ContentItemModel, ContentVariantModel) {
        let item = try await ComplianceFixtures.draft(world, app: app, body: body)
        let writer = world.target.id!
        item.createdBy = writer
        item.status = status
        if status != .draft { item.submittedBy = writer }
        if [.approved, .scheduled, .failed, .published].contains(status) { item.approvals = [UUID()] }
        if [.scheduled, .failed].contains(status) { item.scheduledAt = app.clock.now().addingTimeInterval(3_600) }
        try await item.save(on: app.db)
        let account = try await pageAccount(world, app: app, n: n)
        let variant = ContentVariantModel()
        variant.id = UUID()
        variant.tenantID = item.tenantID
        variant.itemID = item.id!
        variant.accountID = account.id!
        variant.hashtags = ""
        variant.status = status == .scheduled ? .scheduled : status == .failed ? .failed : .pending
        variant.createdAt = app.clock.now()
        variant.updatedAt = app.clock.now()
        try await variant.create(on: app.db)
        return (item, variant)
    }

    static func policy(_ world: World, unit code: String, steps: [Role], app: Application) async throws {
        let unitID = world.units[code]!
        let row = try await ApprovalPolicies.own(unitID: unitID, tenantID: world.tenantA.id!, on: app.db) ?? ApprovalPolicyModel()
        if row.id == nil {
            row.id = UUID()
            row.tenantID = world.tenantA.id!
            row.unitID = unitID
        }
        row.steps = steps.map(\.rawValue).joined(separator: ",")
        row.updatedAt = app.clock.now()
        try await row.save(on: app.db)
    }

    /// Makes OPD-A's single approval step the person's own role, so that each reviewer in the
    /// authorization matrix is the one the step waits for.
    static func letApprove(_ user: UserModel?, _ world: World, app: Application) async throws {
        guard let user, user.tenantID == world.tenantA.id else { return }
        let roles = try await MembershipModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).filter(\.$userID == user.id!).all().map(\.role)
        guard let role = roles.first(where: { ApprovalPolicy.approvingRoles.contains($0) }) else { return }
        try await policy(world, unit: "OPD-A", steps: [role], app: app)
    }

    /// A 1×1 PNG, as bytes on disk and a library row of OPD-A.
    static let pixel = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
                             0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])

    static func media(_ world: World, app: Application, format: MediaFacts.Format = .png, writeFile: Bool = true) async throws -> MediaFileModel {
        let media = MediaFileModel()
        media.id = UUID()
        media.tenantID = world.tenantA.id!
        media.unitID = world.units["OPD-A"]!
        media.name = "foto-\(UUID().uuidString.prefix(6)).png"
        media.format = format.rawValue
        media.bytes = pixel.count
        media.width = 1080
        media.height = 1080
        media.storageKey = Secrets.random()
        media.createdAt = app.clock.now()
        try await media.create(on: app.db)
        if writeFile {
            let folder = MediaLibrary.directory(app, tenantID: world.tenantA.id!)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try pixel.write(to: folder.appendingPathComponent(media.storageKey))
        }
        return media
    }
}
