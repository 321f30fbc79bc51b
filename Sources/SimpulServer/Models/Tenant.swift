import Fluent
import Foundation

/// One instansi (a Pemprov, Pemkot or Pemkab). Everything else belongs to exactly one.
final class Tenant: Model, @unchecked Sendable {
    static let schema = "tenants"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "slug") var slug: String
    @Field(key: "time_zone") var timeZone: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, name: String, slug: String, timeZone: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.slug = slug
        self.timeZone = timeZone
        self.createdAt = createdAt
    }

    var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Asia/Jakarta")! }
}
