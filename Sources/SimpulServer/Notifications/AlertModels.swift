import Fluent
import Foundation
import SimpulCore

/// What a subscription follows.
enum AlertSubscriptionTarget: String, Codable, CaseIterable, Sendable {
    /// One listening rule.
    case rule
    /// Every rule of a unit and of the units below it.
    case ruleUnit = "rule_unit"
    /// The account alerts of a unit's accounts and of the units below it.
    case accountUnit = "account_unit"
}

/// How an alert reaches a person.
enum AlertChannel: String, Codable, CaseIterable, Sendable {
    case inApp = "in_app"
    case email
    case whatsapp
}

/// The two kinds of spike alert.
enum AlertKind: String, Codable, Sendable {
    case rule
    case account
}

final class AlertSubscriptionModel: Model, @unchecked Sendable {
    static let schema = "alert_subscriptions"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "target") var target: AlertSubscriptionTarget
    /// The rule's id, or the unit's.
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "in_app") var inApp: Bool
    @Field(key: "email") var email: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var channels: Set<AlertChannel> {
        var channels: Set<AlertChannel> = []
        if inApp { channels.insert(.inApp) }
        if email { channels.insert(.email) }
        return channels
    }
}

/// The tenant's on-call sender: which WhatsApp account sends, with which approved template.
final class OnCallSettingsModel: Model, @unchecked Sendable {
    static let schema = "on_call_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "account_id") var accountID: UUID?
    @OptionalField(key: "template_id") var templateID: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    static func current(tenantID: UUID, on db: Database) async throws -> OnCallSettingsModel? {
        try await query(on: db).filter(\.$tenantID == tenantID).first()
    }
}

/// One person on call, reached on WhatsApp at `phone` (+62…).
final class OnCallPersonModel: Model, @unchecked Sendable {
    static let schema = "on_call_people"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "phone") var phone: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
