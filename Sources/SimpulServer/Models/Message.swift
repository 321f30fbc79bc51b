import Fluent
import Foundation
import SimpulCore

/// A stored inbound event: comment, mention, DM, reply, WhatsApp message or status, reaction.
final class MessageModel: Model, @unchecked Sendable {
    static let schema = "messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "platform") var platform: String
    @Field(key: "kind") var kind: String
    @Field(key: "external_id") var externalID: String
    @Field(key: "account_ref") var accountRef: String
    @OptionalField(key: "author_id") var authorID: String?
    @OptionalField(key: "author_name") var authorName: String?
    @OptionalField(key: "author_handle") var authorHandle: String?
    @OptionalField(key: "text") var text: String?
    /// JSON array of the media references.
    @Field(key: "media") var media: String
    @OptionalField(key: "parent_ref") var parentRef: String?
    @OptionalField(key: "thread_ref") var threadRef: String?
    @OptionalField(key: "occurred_at") var occurredAt: Date?
    @Field(key: "received_at") var receivedAt: Date
    /// JSON object of kind-specific facts (status, error code, reaction type…).
    @Field(key: "detail") var detail: String
    @Field(key: "raw") var raw: String
    @Field(key: "state") var state: String
    /// Set once the compliance worker has looked at the message.
    @OptionalField(key: "compliance_checked_at") var complianceCheckedAt: Date?
    /// Set by the triage pass; nil until then.
    @OptionalField(key: "sentiment") var sentiment: String?
    @OptionalField(key: "priority") var priority: String?
    @OptionalField(key: "due_at") var dueAt: Date?
    /// Normalised, stemmed words of the text, as search reads them.
    @OptionalField(key: "search_text") var searchText: String?

    init() {}
}
