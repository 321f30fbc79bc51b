import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// `simpul demo --publish-load N`: N approved posts due in the same minute, on twenty load
/// accounts (ten Facebook pages, ten X accounts) that are not Sandbox accounts, so that the
/// publisher calls the configured platform URLs — in the benchmark, a fake platform on
/// loopback. Returns the minute they are due.
enum PublishLoad {
    static let accountsPerPlatform = 10
    static let batch = 500

    static func generate(_ count: Int, tenant: Tenant, app: Application, progress: (Int) -> Void) async throws -> Date {
        let db = app.db
        let now = app.clock.now()
        let tenantID = tenant.id!
        guard let unit = try await UnitQueries.all(tenantID: tenantID, on: db).first(where: { $0.code == "DISKOMINFO" }),
              let writer = try await UserModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$email == "dimas.aditya@" + DemoCatalog.emailDomain).first(),
              let approver = try await UserModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$email == "hermawan.adiputra@" + DemoCatalog.emailDomain).first()
        else { throw CommandFailure(["data demo belum lengkap: jalankan simpul demo --seed-only lebih dulu"]) }
        let accounts = try await loadAccounts(tenantID: tenantID, unitID: unit.id!, app: app)
        // The next whole minute with at least a minute to spare, so the workers are up when it comes.
        let due = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.up) * 60 + 60)
        var made = 0
        while made < count {
            let size = min(batch, count - made)
            let range = made..<(made + size)
            try await db.transaction { db in
                var items: [ContentItemModel] = []
                var variants: [ContentVariantModel] = []
                for n in range {
                    let item = ContentItemModel()
                    item.id = UUID()
                    item.tenantID = tenantID
                    item.unitID = unit.id!
                    item.title = "Uji beban \(n + 1)"
                    item.body = "Informasi layanan publik nomor \(n + 1): kantor pelayanan buka pukul 08.00–15.00."
                    item.status = .scheduled
                    item.createdBy = writer.id
                    item.submittedBy = writer.id
                    item.submittedAt = now
                    item.approvals = [approver.id!]
                    item.scheduledAt = due
                    item.createdAt = now
                    item.updatedAt = now
                    items.append(item)
                    let variant = ContentVariantModel()
                    variant.id = UUID()
                    variant.tenantID = tenantID
                    variant.itemID = item.id!
                    variant.accountID = accounts[n % accounts.count].id!
                    variant.hashtags = ""
                    variant.status = .scheduled
                    variant.createdAt = now
                    variant.updatedAt = now
                    variants.append(variant)
                }
                try await items.create(on: db)
                try await variants.create(on: db)
                for variant in variants { try await PublishVariantJob.enqueue(variant, at: due, on: db, now: now) }
            }
            made += size
            progress(made)
        }
        return due
    }

    static func loadAccounts(tenantID: UUID, unitID: UUID, app: Application) async throws -> [AccountModel] {
        let db = app.db
        let now = app.clock.now()
        var result: [AccountModel] = []
        for platform in [Platform.facebook, .x] {
            for n in 1...accountsPerPlatform {
                let handle = platform == .facebook ? "uji.beban.fb.\(n)" : "uji_beban_x_\(n)"
                if let existing = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$platform == platform)
                    .filter(\.$handle == handle).first() {
                    result.append(existing)
                    continue
                }
                let externalID = String(910_000_000_000_000 + (platform == .facebook ? 0 : 100) + n)
                let draft = AccountDraft(platform: platform, handle: handle, displayName: "Akun uji beban \(n)", kind: .official, unitID: unitID,
                                         ownerID: nil, followers: 0, status: .connected)
                let account = AccountModel(tenantID: tenantID, draft: draft, at: now)
                account.externalID = externalID
                var credentials = AccountCredentials(accessToken: "uji-beban")
                if platform == .facebook { credentials.pageID = externalID } else { credentials.xUserID = externalID }
                account.credentials = try CredentialVault(box: app.secretBox).seal(credentials)
                try await account.create(on: db)
                result.append(account)
            }
        }
        return result
    }
}
