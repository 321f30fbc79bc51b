import Fluent
import Foundation
import SimpulCore

/// Looks for surges on each account a triage batch touched: all it received in the batch's
/// 15-minute buckets against the same slots of the previous 14 days, with the rules' detector.
/// Only those slots are read (15 narrow ranges on the account's received-time index), not two
/// weeks of messages. One alert per account and bucket, none again within the cooldown,
/// dispatched once (`AlertDispatch`).
enum AccountSpikeWatch {
    @discardableResult
    static func run(_ messages: [MessageModel], tenantID: UUID, now: Date, detector: SpikeDetector = SpikeDetector(),
                    on db: Database) async throws -> [AccountAlertModel] {
        let p = detector.parameters
        var buckets: [UUID: Set<Double>] = [:]
        for message in messages {
            guard let account = message.accountID else { continue }
            buckets[account, default: []].insert(floor(message.receivedAt.timeIntervalSince1970 / p.bucketLength) * p.bucketLength)
        }
        // What each touched bucket holds now, from one read of the batch's time span (minutes for
        // live traffic, hours for a history load): most buckets are far from a surge and stop here.
        let starts = buckets.values.flatMap { $0 }
        guard let earliest = starts.min(), let latest = starts.max() else { return [] }
        let recent = try await MessageModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$accountID ~~ Array(buckets.keys))
            .filter(\.$receivedAt >= Date(timeIntervalSince1970: earliest)).filter(\.$receivedAt < Date(timeIntervalSince1970: latest + p.bucketLength))
            .field(\.$accountID).field(\.$receivedAt).all()
        var held: [UUID: [Double: Int]] = [:]
        for message in recent {
            guard let account = message.accountID else { continue }
            held[account, default: [:]][floor(message.receivedAt.timeIntervalSince1970 / p.bucketLength) * p.bucketLength, default: 0] += 1
        }
        var raised: [AccountAlertModel] = []
        for (accountID, starts) in buckets {
            var judged: [(start: Double, counts: [BucketCount])] = []
            for start in starts.sorted() {
                guard let count = held[accountID]?[start], count >= p.minimumCount else { continue }
                let earlier = try await slotCounts(accountID: accountID, tenantID: tenantID, bucket: start, days: p.baselineDays, length: p.bucketLength, on: db)
                judged.append((start, earlier + [BucketCount(start: Date(timeIntervalSince1970: start), count: count)]))
            }
            guard !judged.isEmpty,
                  let account = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == accountID).first(),
                  let first = try await MessageModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$accountID == accountID)
                .sort(\.$receivedAt).first()?.receivedAt else { continue }
            let last = try await AccountAlertModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$accountID == accountID)
                .sort(\.$bucketStart, .descending).first()
            for (start, counts) in judged {
                let from = Date(timeIntervalSince1970: start)
                for alert in detector.alerts(counts: counts, from: from, to: from.addingTimeInterval(p.bucketLength), historyStart: first) {
                    if let last, alert.bucketStart < last.bucketStart.addingTimeInterval(p.cooldown) { continue }
                    if let previous = raised.last(where: { $0.accountID == accountID }), alert.bucketStart < previous.bucketStart.addingTimeInterval(p.cooldown) { continue }
                    let insert = SpikeAlertRow(tenantID: tenantID, id: UUID(), subjectColumn: "account_id", subjectID: accountID, alert: alert, createdAt: now)
                    let model = AccountAlertModel()
                    model.accountID = accountID
                    let told = RaisedAlert(insert.fill(model), account: account)
                    if try await AlertDispatch.insertOnce(insert, into: AccountAlertModel.schema, on: db, dispatch: { db in
                        try await AlertDispatch.dispatch(told, on: db)
                    }) {
                        raised.append(model)
                    }
                }
            }
        }
        return raised
    }

    /// The account's counts in the same slot as `bucket` on each of the `days` before it, in one
    /// read of those narrow ranges.
    static func slotCounts(accountID: UUID, tenantID: UUID, bucket: Double, days: Int, length: TimeInterval, on db: Database) async throws -> [BucketCount] {
        let start = Date(timeIntervalSince1970: bucket)
        let times = try await MessageModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$accountID == accountID).group(.or) { any in
            for day in 1...max(1, days) {
                let slot = start.addingTimeInterval(-Double(day) * 86_400)
                any.group(.and) { $0.filter(\.$receivedAt >= slot).filter(\.$receivedAt < slot.addingTimeInterval(length)) }
            }
        }.field(\.$receivedAt).all().map(\.receivedAt)
        return Dictionary(grouping: times) { floor($0.timeIntervalSince1970 / length) * length }
            .map { BucketCount(start: Date(timeIntervalSince1970: $0.key), count: $0.value.count) }
    }
}
