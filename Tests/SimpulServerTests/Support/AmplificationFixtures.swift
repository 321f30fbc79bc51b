import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// A published official post on a Sandbox Facebook page of OPD-A, and tasks made from it.
enum AmplificationFixtures {
    /// A published item whose variant sits on `account` (a new Sandbox page of OPD-A if nil).
    static func publishedVariant(_ world: World, app: Application, n: Int, account: AccountModel? = nil, postID: String? = nil) async throws -> ContentVariantModel {
        let (item, variant) = try await PublishingFixtures.item(world, app: app, n: n, status: .published)
        item.title = "Jadwal posyandu \(n)"
        try await item.save(on: app.db)
        if let account { variant.accountID = account.id! }
        let owner = try await AccountModel.find(variant.accountID, on: app.db)
        variant.status = .published
        variant.platformPostID = postID ?? "\(owner?.externalID ?? "100")_\(100_000_000_000_000 + n)"
        variant.url = "https://www.facebook.com/\(variant.platformPostID!)"
        variant.publishedAt = app.clock.now().addingTimeInterval(-3_600)
        try await variant.save(on: app.db)
        return variant
    }

    /// A task on a fresh published post, with an assignment for `assignee` when given.
    static func task(_ world: World, app: Application, n: Int, assignee: UserModel? = nil) async throws -> AmplificationTaskModel {
        let variant = try await publishedVariant(world, app: app, n: n)
        let account = try #require(try await AccountModel.find(variant.accountID, on: app.db))
        let task = AmplificationTaskModel(variant: variant, account: account, title: "Jadwal posyandu \(n)", caption: "Yuk bagikan!",
                                          deadline: app.clock.now().addingTimeInterval(86_400), createdBy: nil, at: app.clock.now())
        try await task.create(on: app.db)
        if let assignee, assignee.tenantID == world.tenantA.id {
            try await AmplificationAssignmentModel(task: task, userID: assignee.id!, unitID: world.units["OPD-A"]!).create(on: app.db)
        }
        return task
    }

    /// A personal account of `owner` on the platform, with its platform id.
    @discardableResult
    static func staffAccount(_ world: World, app: Application, owner: UserModel, platform: Platform, handle: String, externalID: String) async throws -> AccountModel {
        let draft = AccountDraft(platform: platform, handle: handle, displayName: "ASN \(handle)", kind: .staff, unitID: world.units["OPD-A"]!,
                                 ownerID: owner.id, followers: 800, status: .connected)
        let account = AccountModel(tenantID: world.tenantA.id!, draft: draft, at: app.clock.now())
        account.externalID = externalID
        try await account.create(on: app.db)
        return account
    }
}
