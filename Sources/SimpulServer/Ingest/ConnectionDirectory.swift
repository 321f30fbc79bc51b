import Fluent
import NIOConcurrencyHelpers
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// What the webhook path needs to know about a tenant's connected accounts, kept in memory so
/// that verifying and routing a delivery costs no database read. Entries expire after a short
/// time and are dropped at once when an account's connection changes.
final class ConnectionDirectory: Sendable {
    struct Connection: Sendable {
        let accountID: UUID
        let platform: Platform
        let externalID: String?
        let credentials: AccountCredentials
    }

    /// Everything the webhook path asks about one tenant, worked out once when loaded: a
    /// delivery then costs dictionary lookups, not a scan over every account.
    final class TenantEntry: Sendable {
        let tenantID: UUID
        let loadedAt: Date
        private let tokensByPlatform: [Platform: [String]]
        private let accounts: [Platform: [String: UUID]]
        /// The keys that may sign each format's deliveries, made ready when loaded, and for
        /// each key the accounts it speaks for: a delivery names accounts, and only the app
        /// secret of an account may sign events for it (a unit admin knows his own account's
        /// secret, not the others').
        private let signersByFormat: [PayloadFormat: (keys: [WebhookKey], covered: [AccountMap])]

        init(tenantID: UUID, connections: [Connection], loadedAt: Date) {
            self.tenantID = tenantID
            self.loadedAt = loadedAt
            var bySecret: [String: [Platform: [String: UUID]]] = [:], tokens: [Platform: Set<String>] = [:]
            var accounts: [Platform: [String: UUID]] = [:]
            for connection in connections {
                if let token = connection.credentials.verifyToken, !token.isEmpty { tokens[connection.platform, default: []].insert(token) }
                guard let external = connection.externalID else { continue }
                accounts[connection.platform, default: [:]][external] = connection.accountID
                if let secret = connection.credentials.appSecret, !secret.isEmpty {
                    bySecret[secret, default: [:]][connection.platform, default: [:]][external] = connection.accountID
                }
            }
            tokensByPlatform = tokens.mapValues { $0.sorted() }
            self.accounts = accounts
            signersByFormat = Dictionary(uniqueKeysWithValues: PayloadFormat.allCases.map { format in
                let platforms = WebhookReceiver.platforms(for: format)
                let signing = bySecret.compactMap { secret, covered -> (String, AccountMap)? in
                    let mine = covered.filter { platforms.contains($0.key) }
                    return mine.isEmpty ? nil : (secret, AccountMap(accounts: mine))
                }.sorted { $0.0 < $1.0 }
                return (format, (signing.map { WebhookKey(secret: $0.0) }, signing.map(\.1)))
            })
        }

        func keys(for format: PayloadFormat) -> [WebhookKey] {
            signersByFormat[format]?.keys ?? []
        }

        /// The accounts whose events the key at `index` of `keys(for: format)` may sign.
        func covered(by index: Int, format: PayloadFormat) -> AccountMap {
            guard let covered = signersByFormat[format]?.covered, covered.indices.contains(index) else { return AccountMap(accounts: [:]) }
            return covered[index]
        }

        func verifyTokens(for platforms: Set<Platform>) -> [String] {
            Array(Set(platforms.flatMap { tokensByPlatform[$0] ?? [] })).sorted()
        }

        func account(platform: Platform, externalID: String) -> UUID? {
            accounts[platform]?[externalID]
        }
    }

    /// Platform-side account ids to account rows.
    struct AccountMap: Sendable {
        let accounts: [Platform: [String: UUID]]

        func account(for event: InboundEvent) -> UUID? {
            accounts[event.platform]?[event.accountRef]
        }
    }

    static let lifetime: TimeInterval = 30

    /// A lock rather than actor isolation: nearly every call is a cache hit, answered without
    /// a suspension; only a miss goes to the database.
    private let cache = NIOLockedValueBox<[String: TenantEntry]>([:])
    private let box: SecretBox

    init(box: SecretBox) { self.box = box }

    /// The entry when it is cached and fresh; nil means "ask `entry`", not "no such tenant".
    func cached(slug: String, now: Date) -> TenantEntry? {
        guard let cached = cache.withLockedValue({ $0[slug] }), now.timeIntervalSince(cached.loadedAt) < Self.lifetime else { return nil }
        return cached
    }

    func entry(slug: String, now: Date, db: Database) async throws -> TenantEntry? {
        if let cached = cached(slug: slug, now: now) { return cached }
        guard let tenant = try await Tenant.query(on: db).filter(\.$slug == slug).first() else { return nil }
        let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$active == true).all()
        let vault = CredentialVault(box: box)
        let connections = accounts.map { account in
            Connection(accountID: account.id!, platform: account.platform, externalID: account.externalID,
                       credentials: vault.open(account.credentials) ?? AccountCredentials())
        }
        let entry = TenantEntry(tenantID: tenant.id!, connections: connections, loadedAt: now)
        cache.withLockedValue { $0[slug] = entry }
        return entry
    }

    func invalidate() { cache.withLockedValue { $0.removeAll() } }
}

/// Seals and opens account credentials. A value that does not open (another key, a damaged
/// row) reads as "no credentials": the account then needs reconnecting, nothing crashes.
struct CredentialVault: Sendable {
    let box: SecretBox

    func seal(_ credentials: AccountCredentials) throws -> Data {
        try box.seal(JSONEncoder().encode(credentials))
    }

    func open(_ sealed: Data?) -> AccountCredentials? {
        guard let sealed, let plain = try? box.open(sealed) else { return nil }
        return try? JSONDecoder().decode(AccountCredentials.self, from: plain)
    }
}

extension Application {
    private struct DirectoryKey: StorageKey { typealias Value = ConnectionDirectory }
    private struct BoxKey: StorageKey { typealias Value = SecretBox }

    /// Both are set once in `configure`, before any request or command runs.
    var secretBox: SecretBox {
        get { storage[BoxKey.self]! }
        set { storage[BoxKey.self] = newValue }
    }

    var connections: ConnectionDirectory {
        get { storage[DirectoryKey.self]! }
        set { storage[DirectoryKey.self] = newValue }
    }
}
