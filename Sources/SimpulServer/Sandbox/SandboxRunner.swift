import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Keeps the demo alive: the simulated platform produces Indonesian comments, mentions, DMs
/// and WhatsApp messages and hands them to exactly the code real platforms reach — signed
/// webhook bodies to `WebhookReceiver`, polled X and YouTube pages to the polling store.
enum SandboxRunner {
    /// The app secret and verify token of the Sandbox "Meta app"; fake by design.
    static let appSecret = "simpul-sandbox-app-secret"
    static let verifyToken = "simpul-sandbox-verify"

    static func credentials(for platform: Platform, externalID: String) -> AccountCredentials {
        var c = AccountCredentials(accessToken: "sandbox-token", appSecret: appSecret, verifyToken: verifyToken)
        switch platform {
        case .facebook: c.pageID = externalID
        case .instagram: c.instagramUserID = externalID
        case .whatsapp: c.phoneNumberID = externalID
        case .x: c.xUserID = externalID
        case .youtube: c.channelID = externalID
        case .tiktok: break
        }
        return c
    }

    /// Sends one batch through the ingest path; returns how many events were stored.
    @discardableResult
    static func deliver(_ deliveries: [SandboxDelivery], tenant: Tenant, app: Application) async throws -> Int {
        var stored = 0
        for delivery in deliveries {
            switch delivery.format {
            case .meta, .instagram, .whatsapp:
                let outcome = try await WebhookReceiver.receive(
                    format: delivery.format, tenantSlug: tenant.slug, signature256: WebhookSignature.sign(delivery.body, secret: appSecret),
                    legacySignature: nil, body: delivery.body, app: app, db: app.db, logger: app.logger)
                if case .stored(let count, _) = outcome { stored += count }
            case .x, .youtube:
                stored += try await PollingIngest.ingestPolledBody(delivery.body, format: delivery.format, accountExternalID: delivery.accountExternalID,
                                                                   tenant: tenant, app: app)
            }
        }
        return stored
    }

    /// The tenant's active accounts connected to the Sandbox, as the generator knows them.
    static func sandboxAccounts(tenantID: UUID, on db: Database) async throws -> [SandboxAccount] {
        let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$sandbox == true).filter(\.$active == true).all()
        return accounts.compactMap { account in
            account.externalID.map { SandboxAccount(platform: account.platform, externalID: $0, handle: account.handle, displayName: account.displayName, kind: account.kind) }
        }
    }

    /// The posts of open amplification tasks, per official account's platform id, so that the
    /// Sandbox's staff answer them the way ASN would.
    static func amplifiedPosts(tenantID: UUID, now: Date, on db: Database) async throws -> [String: [String]] {
        let tasks = try await AmplificationTaskModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$deadline > now).all()
        guard !tasks.isEmpty else { return [:] }
        let variants = try await ContentVariantModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ tasks.map(\.variantID)).all()
        let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id ~~ variants.map(\.accountID)).all()
        let externalIDs = Dictionary(uniqueKeysWithValues: accounts.compactMap { account in account.externalID.map { (account.id!, $0) } })
        let accountOfVariant = Dictionary(uniqueKeysWithValues: variants.map { ($0.id!, $0.accountID) })
        var posts: [String: [String]] = [:]
        for task in tasks {
            guard let accountID = accountOfVariant[task.variantID], let external = externalIDs[accountID] else { continue }
            posts[external, default: []].append(task.postID)
        }
        return posts
    }

    /// When the city suddenly talks about one thing: a water outage, a minute after the demo
    /// starts and again every few hours, so the listening rules see a surge and raise an alert.
    struct SurgePlan: Sendable {
        /// Ticks from the start to the first surge, and between surges.
        var firstTick: Int
        var everyTicks: Int
        /// How long a surge lasts, how many deliveries each of its ticks has, and which share of
        /// residents' messages is about the outage.
        var ticks: Int
        var perTick: Int
        var share: Double

        static let demo = SurgePlan(firstTick: 8, everyTicks: 1_350, ticks: 4, perTick: 12, share: 0.8)

        func isSurging(tick: Int) -> Bool {
            tick >= firstTick && (tick - firstTick) % everyTicks < ticks
        }
    }

    /// A backlog first, so the demo opens on a city that has been talking for a while, then a
    /// steady trickle: a few events every `interval`, until the application stops.
    static func start(tenant: Tenant, app: Application, interval: Duration = .seconds(8), perTick: Int = 3,
                      backlog: Int = 300, surge: SurgePlan? = .demo) async throws -> Task<Void, Never> {
        let sandboxAccounts = try await sandboxAccounts(tenantID: tenant.id!, on: app.db)
        let logger = app.logger
        return Task {
            var generator = SandboxGenerator(accounts: sandboxAccounts, seed: UInt64(UInt32.random(in: 0...UInt32.max)))
            do {
                try await deliver(generator.next(backlog, now: app.clock.now()), tenant: tenant, app: app)
            } catch {
                logger.warning("sandbox backlog failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            var tick = 0
            while !Task.isCancelled {
                tick += 1
                do {
                    generator.amplifiedPosts = try await amplifiedPosts(tenantID: tenant.id!, now: app.clock.now(), on: app.db)
                    let surging = surge.flatMap { $0.isSurging(tick: tick) ? $0 : nil }
                    generator.surgeShare = surging?.share
                    let batch = generator.next(surging?.perTick ?? perTick, now: app.clock.now())
                    try await deliver(batch, tenant: tenant, app: app)
                } catch {
                    logger.warning("sandbox delivery failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
