import Fluent
import Foundation
import SimpulCore

final class NotificationModel: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "text") var text: String
    @Field(key: "link") var link: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}
}

extension NotificationModel {
    /// Tells each person once, in the caller's transaction; texts past 500 characters are cut.
    static func tell(_ people: some Sequence<UUID>, tenantID: UUID, text: String, link: SiteRoute, at now: Date, on db: Database) async throws {
        for userID in Set(people) {
            let row = NotificationModel()
            row.id = UUID()
            row.tenantID = tenantID
            row.userID = userID
            row.text = String(text.prefix(500))
            row.link = link.path
            row.createdAt = now
            try await row.create(on: db)
        }
    }
}
