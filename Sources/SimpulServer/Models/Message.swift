import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms

/// A stored inbound event: comment, mention, DM, reply, WhatsApp message or status, reaction.
final class MessageModel: Model, @unchecked Sendable {
    static let schema = "messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "account_id") var accountID: UUID?
    @Field(key: "platform") var platform: Platform
    @Field(key: "kind") var kind: MessageKind
    @Field(key: "external_id") var externalID: String
    @Field(key: "account_ref") var accountRef: String
    @OptionalField(key: "author_id") var authorID: String?
    @OptionalField(key: "author_name") var authorName: String?
    @OptionalField(key: "author_handle") var authorHandle: String?
    @OptionalField(key: "text") var text: String?
    /// The media references, kept as a JSON array; the ingest path writes the same text.
    @Field(key: "media") var media: JSONText<EventMedia>
    @OptionalField(key: "parent_ref") var parentRef: String?
    @OptionalField(key: "thread_ref") var threadRef: String?
    @OptionalField(key: "occurred_at") var occurredAt: Date?
    @Field(key: "received_at") var receivedAt: Date
    /// Kind-specific facts (status, error code, reaction type, quoted post…), kept as a JSON
    /// object of strings; the ingest path writes the same text. Read leniently: see EventDetail.
    @Field(key: "detail") var detail: JSONText<EventDetail>
    @Field(key: "raw") var raw: String
    @Field(key: "state") var state: MessageState
    /// Set once the compliance worker has looked at the message.
    @OptionalField(key: "compliance_checked_at") var complianceCheckedAt: Date?
    /// Set by the triage pass; nil until then.
    @OptionalField(key: "sentiment") var sentiment: Sentiment?
    @OptionalField(key: "priority") var priority: MessagePriority?
    @OptionalField(key: "due_at") var dueAt: Date?
    /// Normalised, stemmed words of the text, as search reads them.
    @OptionalField(key: "search_text") var searchText: String?
    /// When the first reply from Simpul reached the platform.
    @OptionalField(key: "first_response_at") var firstResponseAt: Date?
    /// When the message was last closed (or marked spam); cleared when it is reopened.
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalField(key: "assignee_user_id") var assigneeUserID: UUID?
    @OptionalField(key: "assignee_unit_id") var assigneeUnitID: UUID?

    init() {}

    /// Moves the message to `state`, keeping the resolution time with it: set when it is
    /// closed or marked spam, cleared when it is opened again.
    func move(to state: MessageState, at now: Date) {
        if state.isResolved {
            if !self.state.isResolved || resolvedAt == nil { resolvedAt = now }
        } else {
            resolvedAt = nil
        }
        self.state = state
    }
}

/// An internal note on a message: seen by the team, never sent to the platform.
final class MessageNoteModel: Model, @unchecked Sendable {
    static let schema = "message_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "message_id") var messageID: UUID
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A reply written in Simpul and its fate on the platform.
final class MessageReplyModel: Model, @unchecked Sendable {
    static let schema = "message_replies"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "message_id") var messageID: UUID
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "text") var text: String
    @Field(key: "status") var status: ReplyStatus
    @OptionalField(key: "platform_id") var platformID: String?
    @OptionalField(key: "error") var error: String?
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "override_reason") var overrideReason: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    /// Set when the reply is a WhatsApp template: its name, language and parameters (a JSON array).
    @OptionalField(key: "template_name") var templateName: String?
    @OptionalField(key: "template_language") var templateLanguage: String?
    @OptionalField(key: "template_parameters") var templateParameters: JSONText<[String]>?

    /// The template and its parameters, when the reply is one.
    var template: (name: String, language: String, parameters: [String])? {
        guard let name = templateName, let language = templateLanguage else { return nil }
        let parameters = templateParameters?.value ?? []
        return (name, language, parameters)
    }

    init() {}
}

/// An operator's correction of what the triage rules decided, kept for evaluating them.
final class TriageCorrectionModel: Model, @unchecked Sendable {
    static let schema = "triage_corrections"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "message_id") var messageID: UUID
    /// sentiment | priority
    @Field(key: "field") var field: String
    @OptionalField(key: "from_value") var fromValue: String?
    @Field(key: "to_value") var toValue: String
    /// The message text as it was judged.
    @Field(key: "text") var text: String
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A reply text kept for reuse; `unitID` nil means the whole tenant.
final class SavedReplyModel: Model, @unchecked Sendable {
    static let schema = "saved_replies"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @OptionalField(key: "created_by") var createdBy: UUID?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// A label on a message; unique per message.
final class MessageTagModel: Model, @unchecked Sendable {
    static let schema = "message_tags"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "tag") var tag: String
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A WhatsApp message template as Meta approved it (or not yet).
final class WhatsAppTemplateModel: Model, @unchecked Sendable {
    static let schema = "whatsapp_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "language") var language: String
    @Field(key: "body") var body: String
    /// Only approved templates are offered for sending.
    @Field(key: "approved") var approved: Bool
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}
