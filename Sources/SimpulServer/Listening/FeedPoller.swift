import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit
import Vapor

/// Reads the tenants' news feeds every `interval` with a conditional GET, keeps each new entry
/// once, and matches it against the listening rules of the feed's unit and the units above it.
/// A feed that fails keeps its old validators and items, and says why on the listening page.
enum FeedPoller {
    static let interval: TimeInterval = 15 * 60

    struct ItemRow: Encodable {
        let tenant_id: UUID, id: UUID, source: String, external_id: String, feed_id: UUID, url: String?, title: String?
        let text: String, author_name: String?, published_at: Date?, fetched_at: Date
    }

    struct HitRow: Encodable {
        let tenant_id: UUID, id: UUID, rule_id: UUID, item_id: UUID, matched_at: Date
    }

    static func start(app: Application, every pause: Duration = .seconds(60)) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                do { try await pollDue(app: app) } catch {
                    app.logger.warning("feed pass failed", metadata: ["error": "\(String(reflecting: error))"])
                }
                try? await Task.sleep(for: pause)
            }
        }
    }

    /// Every active feed not read within `interval` (or every one of a tenant, when forced).
    @discardableResult
    static func pollDue(app: Application, tenantID: UUID? = nil, force: Bool = false) async throws -> Int {
        let now = app.clock.now()
        var query = ListeningFeedModel.query(on: app.db).filter(\.$active == true)
        if let tenantID { query = query.filter(\.$tenantID == tenantID) }
        var read = 0
        for feed in try await query.all() where force || (feed.lastFetchedAt.map { now.timeIntervalSince($0) >= interval } ?? true) {
            try await poll(feed, app: app)
            read += 1
        }
        return read
    }

    static func poll(_ feed: ListeningFeedModel, app: Application) async throws {
        let db = app.db
        let now = app.clock.now()
        feed.lastFetchedAt = now
        guard let url = FeedReader.feedURL(feed.url) else {
            feed.lastError = "Alamat feed harus http atau https."
            try await feed.save(on: db)
            return
        }
        do {
            switch try await FeedReader(transport: app.platformTransport, now: { now }).fetch(url, validators: FeedValidators(etag: feed.etag, lastModified: feed.lastModified)) {
            case .notModified:
                feed.lastError = nil
            case .updated(let parsed, let validators):
                try await store(parsed.items, from: feed, at: now, on: db)
                feed.etag = validators.etag
                feed.lastModified = validators.lastModified
                feed.lastError = nil
            }
        } catch let error as PlatformError {
            feed.lastError = describe(error)
        }
        try await feed.save(on: db)
    }

    static func describe(_ error: PlatformError) -> String {
        switch error {
        case .rateLimited: "Server feed meminta jeda (terlalu banyak permintaan); dicoba lagi nanti."
        case .transient(let status, _): status == 0 ? "Server feed tidak bisa dihubungi; dicoba lagi nanti." : "Server feed sedang bermasalah (HTTP \(status)); dicoba lagi nanti."
        case .authInvalid: "Server feed menolak akses (HTTP 401)."
        case .rejected(let status, _, _): "Server feed menolak permintaan (HTTP \(status)). Periksa alamatnya."
        case .invalidResponse(let detail): "Isi feed tidak bisa dibaca sebagai RSS atau Atom: \(detail)"
        }
    }

    /// New entries only: an entry already kept (same id) is neither stored nor matched again.
    static func store(_ items: [ListenedItem], from feed: ListeningFeedModel, at now: Date, on db: Database) async throws {
        guard !items.isEmpty else { return }
        let known = Set(try await ListenedItemModel.query(on: db).filter(\.$tenantID == feed.tenantID).filter(\.$source == .news)
            .filter(\.$externalID ~~ items.map(\.externalID)).all(\.$externalID))
        var seen = known
        let fresh = items.filter { seen.insert($0.externalID).inserted }
        guard !fresh.isEmpty else { return }
        let rows = fresh.map { item in
            ItemRow(tenant_id: feed.tenantID, id: UUID(), source: ListeningSource.news.rawValue, external_id: item.externalID, feed_id: feed.id!,
                    url: item.url.map { String($0.prefix(1000)) }, title: item.title.map { String($0.prefix(500)) },
                    text: String(item.text.prefix(IngestStore.maxText)), author_name: item.authorName.map { String($0.prefix(200)) },
                    published_at: item.publishedAt, fetched_at: now)
        }
        let hits = try await match(rows, feed: feed, on: db)
        try await db.transaction { db in
            try await (try db.sql).insert(into: ListenedItemModel.schema).models(rows, nilEncodingStrategy: .asNil)
                .ignoringConflicts(with: ["tenant_id", "source", "external_id"]).run()
            if !hits.isEmpty {
                try await (try db.sql).insert(into: ListeningItemHitModel.schema).models(hits)
                    .ignoringConflicts(with: ["tenant_id", "rule_id", "item_id"]).run()
            }
        }
    }

    static func match(_ rows: [ItemRow], feed: ListeningFeedModel, on db: Database) async throws -> [HitRow] {
        let tree = try await UnitQueries.tree(tenantID: feed.tenantID, on: db)
        let rules = try await ListeningRuleModel.query(on: db).filter(\.$tenantID == feed.tenantID).filter(\.$active == true)
            .filter(\.$unitID ~~ tree.lineage(of: feed.unitID)).all()
        guard !rules.isEmpty else { return [] }
        let analyzer = TextAnalyzer()
        let matcher = ListeningMatcher(rules: rules.compactMap { rule in (try? ListeningQuery(rule.query, analyzer: analyzer)).map { (id: rule.id!, query: $0) } },
                                       analyzer: analyzer)
        let units = tree.lineage(of: feed.unitID).compactMap { tree[$0]?.code }
        return rows.flatMap { row in
            matcher.matches(text: row.text, metadata: ListeningMetadata(accounts: [feed.name], units: units, authors: [row.author_name].compactMap { $0 }))
                .map { HitRow(tenant_id: row.tenant_id, id: UUID(), rule_id: $0, item_id: row.id, matched_at: row.fetched_at) }
        }
    }
}
