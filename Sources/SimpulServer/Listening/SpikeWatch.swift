import Fluent
import Foundation
import SimpulCore
import SQLKit

/// Looks for surges in each active rule's hits after enrichment: 15-minute counts against the
/// same slot over the previous 14 days (`SpikeDetector`). A surge raises one alert (unique per
/// rule and bucket, and none again within the cooldown), dispatched once (`AlertDispatch`).
/// The buckets judged are those the new hits fell in, not the clock's: history fed in later
/// (and a worker running behind) is judged at the time the messages came.
enum SpikeWatch {
    /// What a batch added: the rules it gave hits and the times those hits span. Only these
    /// rules' series changed, so only they are judged.
    struct NewHits {
        var span: ClosedRange<Date>
        var ruleIDs: Set<UUID>

        init?(_ hits: [(ruleID: UUID, at: Date)]) {
            guard let first = hits.map(\.at).min(), let last = hits.map(\.at).max() else { return nil }
            span = first...last
            ruleIDs = Set(hits.map(\.ruleID))
        }
    }

    @discardableResult
    static func run(tenantID: UUID, hits new: NewHits, now: Date, detector: SpikeDetector = SpikeDetector(),
                    on db: Database) async throws -> [ListeningAlertModel] {
        let span = new.span
        let rules = try await ListeningRuleModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$active == true)
            .filter(\.$id ~~ Array(new.ruleIDs)).all()
        guard !rules.isEmpty else { return [] }
        let p = detector.parameters
        let historyFrom = span.lowerBound.addingTimeInterval(-Double(p.baselineDays + 1) * 86_400)
        var raised: [ListeningAlertModel] = []
        for rule in rules {
            let times = try await ListeningHitModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$ruleID == rule.id!)
                .filter(\.$matchedAt >= historyFrom).filter(\.$matchedAt <= span.upperBound).field(\.$matchedAt).all().map(\.matchedAt)
                + itemHitTimes(tenantID: tenantID, ruleID: rule.id!, from: historyFrom, to: span.upperBound, on: db)
            guard times.count >= p.minimumCount else { continue }
            let counts = Dictionary(grouping: times) { floor($0.timeIntervalSince1970 / p.bucketLength) }
                .map { BucketCount(start: Date(timeIntervalSince1970: $0.key * p.bucketLength), count: $0.value.count) }
            let last = try await ListeningAlertModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$ruleID == rule.id!)
                .sort(\.$bucketStart, .descending).first()
            // From the start of the earliest new hit's bucket to just past the latest hit.
            let from = Date(timeIntervalSince1970: floor(span.lowerBound.timeIntervalSince1970 / p.bucketLength) * p.bucketLength)
            for alert in detector.alerts(counts: counts, from: from, to: span.upperBound.addingTimeInterval(1), historyStart: times.min()) {
                if let last, alert.bucketStart < last.bucketStart.addingTimeInterval(p.cooldown) { continue }
                if let previous = raised.last(where: { $0.ruleID == rule.id! }), alert.bucketStart < previous.bucketStart.addingTimeInterval(p.cooldown) { continue }
                let insert = SpikeAlertRow(tenantID: tenantID, id: UUID(), subjectColumn: "rule_id", subjectID: rule.id!, alert: alert, createdAt: now)
                let row = ListeningAlertModel()
                row.ruleID = rule.id!
                let told = RaisedAlert(insert.fill(row), rule: rule)
                let inserted = try await AlertDispatch.insertOnce(insert, into: ListeningAlertModel.schema, on: db) { db in
                    try await AlertDispatch.dispatch(told, on: db)
                }
                if inserted { raised.append(row) }
            }
        }
        return raised
    }

    /// When the news articles and search results a rule matched were published (the time they
    /// were fetched when the source gave none or a time still to come): a rule counts what is
    /// said about its topic anywhere, and a feed read every 15 minutes must not look like a
    /// surge at each read.
    static func itemHitTimes(tenantID: UUID, ruleID: UUID, from: Date, to: Date, on db: Database) async throws -> [Date] {
        let at: SQLQueryString = "CASE WHEN i.published_at IS NULL OR i.published_at > h.matched_at THEN h.matched_at ELSE i.published_at END"
        return try await (try db.sql).raw("""
            SELECT \(at) AS at FROM listening_item_hits h JOIN listened_items i ON i.id = h.item_id
            WHERE h.tenant_id = \(bind: tenantID) AND h.rule_id = \(bind: ruleID) AND \(at) >= \(bind: from) AND \(at) <= \(bind: to)
            """).all().map { try $0.decode(column: "at", as: Date.self) }
    }
}
