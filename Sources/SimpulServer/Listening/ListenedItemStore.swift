import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import SQLKit

/// Keeps what listening found beyond the tenant's own accounts (news articles, X posts, YouTube
/// videos) once per source and id, and matches each new item against the listening rules of the
/// unit that listens and the units above it.
enum ListenedItemStore {
    /// Where an item came from: a unit's news feed, or a rule's search.
    enum Origin {
        case feed(UUID, name: String)
        case search(UUID, platform: Platform)
    }

    struct ItemRow: Encodable {
        let tenant_id: UUID, id: UUID, source: String, external_id: String, feed_id: UUID?, search_id: UUID?, url: String?, title: String?
        let text: String, author_name: String?, published_at: Date?, fetched_at: Date
    }

    struct HitRow: Encodable {
        let tenant_id: UUID, id: UUID, rule_id: UUID, item_id: UUID, matched_at: Date
    }

    /// New items only: one already kept (same source and id) is neither stored nor matched
    /// again. Returns how many were new.
    @discardableResult
    static func store(_ items: [ListenedItem], tenantID: UUID, unitID: UUID, origin: Origin, at now: Date, on db: Database) async throws -> Int {
        guard !items.isEmpty else { return 0 }
        var fresh: [ListenedItem] = []
        for (source, group) in Dictionary(grouping: items, by: \.source) {
            var seen = Set(try await ListenedItemModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$source == source)
                .filter(\.$externalID ~~ group.map(\.externalID)).all(\.$externalID))
            fresh += group.filter { seen.insert($0.externalID).inserted }
        }
        guard !fresh.isEmpty else { return 0 }
        var feedID: UUID?, searchID: UUID?
        switch origin {
        case .feed(let id, _): feedID = id
        case .search(let id, _): searchID = id
        }
        let rows = fresh.map { item in
            ItemRow(tenant_id: tenantID, id: UUID(), source: item.source.rawValue, external_id: item.externalID, feed_id: feedID, search_id: searchID,
                    url: item.url.map { String($0.prefix(1000)) }, title: item.title.map { String($0.prefix(500)) },
                    text: String(item.text.prefix(IngestStore.maxText)), author_name: item.authorName.map { String($0.prefix(200)) },
                    published_at: item.publishedAt, fetched_at: now)
        }
        let hits = try await match(rows, handles: Dictionary(fresh.map { ($0.externalID, $0.authorHandle) }, uniquingKeysWith: { first, _ in first }),
                                   tenantID: tenantID, unitID: unitID, origin: origin, on: db)
        try await db.transaction { db in
            try await (try db.sql).insert(into: ListenedItemModel.schema).models(rows, nilEncodingStrategy: .asNil)
                .ignoringConflicts(with: ["tenant_id", "source", "external_id"]).run()
            if !hits.isEmpty {
                try await (try db.sql).insert(into: ListeningItemHitModel.schema).models(hits)
                    .ignoringConflicts(with: ["tenant_id", "rule_id", "item_id"]).run()
            }
        }
        // The matched items at their times, as the spike watch counts them.
        let published = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, min($0.published_at ?? now, now)) })
        if let new = SpikeWatch.NewHits(hits.compactMap { hit in published[hit.item_id].map { (hit.rule_id, $0) } }) {
            try await SpikeWatch.run(tenantID: tenantID, hits: new, now: now, on: db)
        }
        return rows.count
    }

    static func match(_ rows: [ItemRow], handles: [String: String?], tenantID: UUID, unitID: UUID, origin: Origin, on db: Database) async throws -> [HitRow] {
        let tree = try await UnitQueries.tree(tenantID: tenantID, on: db)
        let rules = try await ListeningRuleModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$active == true)
            .filter(\.$unitID ~~ tree.lineage(of: unitID)).all()
        guard !rules.isEmpty else { return [] }
        let analyzer = TextAnalyzer()
        let matcher = ListeningMatcher(rules: rules.compactMap { rule in (try? ListeningQuery(rule.query, analyzer: analyzer)).map { (id: rule.id!, query: $0) } },
                                       analyzer: analyzer)
        let units = tree.lineage(of: unitID).compactMap { tree[$0]?.code }
        return rows.flatMap { row in
            let metadata: ListeningMetadata
            switch origin {
            case .feed(_, let name):
                metadata = ListeningMetadata(accounts: [name], units: units, authors: [row.author_name].compactMap { $0 })
            case .search(_, let platform):
                metadata = ListeningMetadata(platform: platform, units: units,
                                             authors: [row.author_name, handles[row.external_id] ?? nil].compactMap { $0 })
            }
            return matcher.matches(text: row.text, metadata: metadata)
                .map { HitRow(tenant_id: row.tenant_id, id: UUID(), rule_id: $0, item_id: row.id, matched_at: row.fetched_at) }
        }
    }
}
