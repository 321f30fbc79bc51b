import Fluent
import Foundation
import SimpulCore

/// One entry of the hoax register: what circulates, what it is, and what the government says.
final class HoaxClaimModel: Model, @unchecked Sendable {
    static let schema = "hoax_claims"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// The unit answerable for the clarification.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "title") var title: String
    @Field(key: "label") var label: HoaxLabel
    @OptionalField(key: "type") var type: HoaxType?
    /// The claim as it circulates (NARASI).
    @Field(key: "claim") var claim: String
    /// Other phrasings seen, matched like the claim itself.
    @Field(key: "variants") var variants: JSONText<[String]>
    /// PENJELASAN: why it is false (or true).
    @Field(key: "explanation") var explanation: String
    /// Links to the sources (SUMBER).
    @Field(key: "sources") var sources: JSONText<[String]>
    @Field(key: "tags") var tags: String
    /// The day the claim was checked, "yyyy-MM-dd".
    @OptionalField(key: "claim_date") var claimDate: String?
    /// The approved clarification text that replies start from.
    @OptionalField(key: "clarification") var clarification: String?
    @Field(key: "active") var active: Bool
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A message that repeats a registered claim ("mirip hoaks terdaftar").
final class HoaxMatchModel: Model, @unchecked Sendable {
    static let schema = "hoax_matches"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "claim_id") var claimID: UUID
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "score") var score: Double
    @Field(key: "method") var method: HoaxMatchMethod
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
