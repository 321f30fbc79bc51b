import Fluent
import Foundation
import SimpulCore
import SQLKit

/// One spike alert of either kind, as every channel tells it.
struct RaisedAlert: Sendable {
    let kind: AlertKind
    let id: UUID
    let tenantID: UUID
    /// The rule's unit, or the account's.
    let unitID: UUID
    /// Rule alerts only: subscriptions to the rule itself.
    let ruleID: UUID?
    /// "Lonjakan pada pemantauan "Banjir"", "Lonjakan pesan di akun Instagram @dinas".
    let title: String
    let explanation: String
    let bucketStart: Date
    let bucketEnd: Date
    let count: Int
    let createdAt: Date
}

extension RaisedAlert {
    init(_ alert: ListeningAlertModel, rule: ListeningRuleModel) {
        kind = .rule
        id = alert.id!
        tenantID = alert.tenantID
        unitID = rule.unitID
        ruleID = rule.id
        title = "Lonjakan pada pemantauan \"\(rule.name)\""
        explanation = alert.explanation
        bucketStart = alert.bucketStart
        bucketEnd = alert.bucketEnd
        count = alert.count
        createdAt = alert.createdAt
    }

    init(_ alert: AccountAlertModel, account: AccountModel) {
        kind = .account
        id = alert.id!
        tenantID = alert.tenantID
        unitID = account.unitID
        ruleID = nil
        title = "Lonjakan pesan di akun \(account.platform.displayName) @\(account.handle)"
        explanation = alert.explanation
        bucketStart = alert.bucketStart
        bucketEnd = alert.bucketEnd
        count = alert.count
        createdAt = alert.createdAt
    }

    /// The alert as stored now, or nil when it (or its rule or account) is gone.
    static func load(_ kind: AlertKind, id: UUID, tenantID: UUID, on db: Database) async throws -> RaisedAlert? {
        switch kind {
        case .rule:
            guard let alert = try await ListeningAlertModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == id).first(),
                  let rule = try await ListeningRuleModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == alert.ruleID).first() else { return nil }
            return RaisedAlert(alert, rule: rule)
        case .account:
            guard let alert = try await AccountAlertModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == id).first(),
                  let account = try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == alert.accountID).first() else { return nil }
            return RaisedAlert(alert, account: account)
        }
    }
}

/// The figures a stored spike alert keeps, whichever its subject.
protocol SpikeAlertRecord: AnyObject {
    var id: UUID? { get set }
    var tenantID: UUID { get set }
    var bucketStart: Date { get set }
    var bucketEnd: Date { get set }
    var count: Int { get set }
    var median: Double { get set }
    var mad: Double { get set }
    var threshold: Double { get set }
    var explanation: String { get set }
    var createdAt: Date { get set }
}

extension ListeningAlertModel: SpikeAlertRecord {}
extension AccountAlertModel: SpikeAlertRecord {}

/// A new spike alert as it is inserted: its subject (a rule or an account, by column) and the
/// detector's figures. Unique per tenant, subject and bucket.
struct SpikeAlertRow: Encodable, Sendable {
    let tenantID: UUID
    let id: UUID
    /// "rule_id" or "account_id".
    let subjectColumn: String
    let subjectID: UUID
    let alert: SpikeAlert
    let createdAt: Date

    var uniqueColumns: [String] { ["tenant_id", subjectColumn, "bucket_start"] }

    private struct Column: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var row = encoder.container(keyedBy: Column.self)
        try row.encode(tenantID, forKey: Column("tenant_id"))
        try row.encode(id, forKey: Column("id"))
        try row.encode(subjectID, forKey: Column(subjectColumn))
        try row.encode(alert.bucketStart, forKey: Column("bucket_start"))
        try row.encode(alert.bucketEnd, forKey: Column("bucket_end"))
        try row.encode(alert.count, forKey: Column("count"))
        try row.encode(alert.median, forKey: Column("median"))
        try row.encode(alert.mad, forKey: Column("mad"))
        try row.encode(alert.threshold, forKey: Column("threshold"))
        try row.encode(alert.explanation, forKey: Column("explanation"))
        try row.encode(createdAt, forKey: Column("created_at"))
    }

    /// The same figures on a model, for the code that reads alerts after.
    func fill<Record: SpikeAlertRecord>(_ record: Record) -> Record {
        record.id = id
        record.tenantID = tenantID
        record.bucketStart = alert.bucketStart
        record.bucketEnd = alert.bucketEnd
        record.count = alert.count
        record.median = alert.median
        record.mad = alert.mad
        record.threshold = alert.threshold
        record.explanation = alert.explanation
        record.createdAt = createdAt
        return record
    }
}

/// Where every spike alert goes once it is raised: in the app to the case managers of its unit
/// and the units above it and to the people subscribed in the app; a delivery job per e-mail
/// subscriber and per person on call. Each job's dedupe key is the alert, the channel and the
/// recipient, so that nobody is sent the same alert twice on the same channel, however often
/// the alert is dispatched.
enum AlertDispatch {
    /// Two workers may judge the same bucket: the row goes in unless the bucket already has an
    /// alert, and only the worker whose row went in runs `dispatch`, in the same transaction.
    /// Returns whether the row is ours.
    static func insertOnce(_ row: SpikeAlertRow, into schema: String, on db: Database,
                           dispatch: @escaping @Sendable (Database) async throws -> Void) async throws -> Bool {
        try await db.transaction { db in
            try await (try db.sql).insert(into: schema).model(row).ignoringConflicts(with: row.uniqueColumns).run()
            let ours = try await (try db.sql).select().column("id").from(schema)
                .where("tenant_id", .equal, SQLBind(row.tenantID)).where("id", .equal, SQLBind(row.id)).first()
            guard ours != nil else { return false }
            try await dispatch(db)
            return true
        }
    }

    /// Who is told of `alert` on which channel. Subscribers count only while they may still see
    /// the alert's unit (their roles change) and while their account is active.
    struct Recipients: Equatable {
        var inApp: Set<UUID> = []
        var email: Set<UUID> = []
        var whatsapp: [String] = []
    }

    static func recipients(of alert: RaisedAlert, on db: Database) async throws -> Recipients {
        let tree = try await UnitQueries.tree(tenantID: alert.tenantID, on: db)
        let lineage = tree.lineage(of: alert.unitID)
        let memberships = try await MembershipModel.query(on: db).filter(\.$tenantID == alert.tenantID).filter(\.$unitID ~~ lineage).all()
        var recipients = Recipients()
        recipients.inApp = Set(memberships.filter { $0.role.permissions.contains(.manageCases) }.map(\.userID))
        let viewers = Set(memberships.filter { $0.role.permissions.contains(.viewCases) }.map(\.userID))

        let subscriptions = try await AlertSubscriptionModel.query(on: db).filter(\.$tenantID == alert.tenantID).group(.or) { any in
            switch alert.kind {
            case .rule:
                if let ruleID = alert.ruleID { any.group(.and) { $0.filter(\.$target == .rule).filter(\.$targetID == ruleID) } }
                any.group(.and) { $0.filter(\.$target == .ruleUnit).filter(\.$targetID ~~ lineage) }
            case .account:
                any.group(.and) { $0.filter(\.$target == .accountUnit).filter(\.$targetID ~~ lineage) }
            }
        }.all().filter { viewers.contains($0.userID) }
        let subscriberIDs = Set(subscriptions.map(\.userID))
        let active = subscriberIDs.isEmpty ? [] : Set(try await UserModel.query(on: db).filter(\.$tenantID == alert.tenantID)
            .filter(\.$id ~~ Array(subscriberIDs)).filter(\.$active == true).all().compactMap(\.id))
        for subscription in subscriptions where active.contains(subscription.userID) {
            if subscription.inApp { recipients.inApp.insert(subscription.userID) }
            if subscription.email { recipients.email.insert(subscription.userID) }
        }
        if let onCall = try await OnCallSettingsModel.current(tenantID: alert.tenantID, on: db), onCall.accountID != nil, onCall.templateID != nil {
            recipients.whatsapp = try await OnCallPersonModel.query(on: db).filter(\.$tenantID == alert.tenantID).sort(\.$name).all().map(\.phone)
        }
        return recipients
    }

    static func dispatch(_ alert: RaisedAlert, on db: Database) async throws {
        let recipients = try await recipients(of: alert, on: db)
        try await NotificationModel.tell(recipients.inApp, tenantID: alert.tenantID, text: "\(alert.title): \(alert.explanation)",
                                         link: .listeningAlerts, at: alert.createdAt, on: db)
        for userID in recipients.email.sorted(by: { $0.uuidString < $1.uuidString }) {
            try await AlertDeliveryJob.enqueue(alert, channel: .email, recipient: userID.uuidString, on: db)
        }
        for phone in recipients.whatsapp {
            try await AlertDeliveryJob.enqueue(alert, channel: .whatsapp, recipient: phone, on: db)
        }
    }
}
