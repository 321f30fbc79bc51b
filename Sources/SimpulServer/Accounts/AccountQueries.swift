import Fluent
import Foundation
import SimpulCore
import FluentSQL
import SQLKit
import Vapor

/// The account registry's filters, as they arrive in the query string.
struct AccountFilter: Content, Equatable {
    var unit: String?
    var platform: String?
    var kind: String?
    var status: String?
    var q: String?
    /// "all" shows deactivated accounts too; anything else shows active ones only.
    var show: String?

    var isEmpty: Bool { self == AccountFilter() }

    var queryString: String {
        var items: [URLQueryItem] = []
        for (key, value) in [("unit", unit), ("platform", platform), ("kind", kind), ("status", status), ("q", q), ("show", show)] {
            if let value, !value.isEmpty { items.append(URLQueryItem(name: key, value: value)) }
        }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }
}

enum AccountQueries {
    /// What the pages read of every account of the tenant on each view (which unit, which
    /// platform, its state), without the rest of the row.
    struct Facts: Sendable {
        let id: UUID
        let unitID: UUID
        let platform: Platform
        let kind: AccountKind
        let status: AccountStatus
        let active: Bool
    }

    /// Straight from SQL rows: a tenant has a few hundred accounts, and a Fluent model for each,
    /// built by reflecting over its properties, cost more than the page that asked. With
    /// `units`, only the accounts of those units (a kelurahan's admin reads one row, not 300).
    static func facts(tenantID: UUID, units: Set<UUID>? = nil, on db: Database) async throws -> [Facts] {
        if let units, units.isEmpty { return [] }
        let only: SQLQueryString = units.map { " AND unit_id IN (\(binds: Array($0)))" } ?? ""
        let rows = try await (try db.sql).raw("""
            SELECT id, unit_id, platform, kind, status, active FROM accounts WHERE tenant_id = \(bind: tenantID)
            """ + only).all()
        return try rows.map { row in
            Facts(id: try row.decode(column: "id", as: UUID.self), unitID: try row.decode(column: "unit_id", as: UUID.self),
                  platform: try row.decode(enum: "platform"), kind: try row.decode(enum: "kind"), status: try row.decode(enum: "status"),
                  active: try row.decode(column: "active", as: Bool.self))
        }
    }

    static func find(_ id: UUID, tenantID: UUID, on db: Database) async throws -> AccountModel? {
        try await AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == id).first()
    }

    /// When the account's newest event arrived: one step down the (tenant, account, received)
    /// index, so ingest does not have to keep a copy on the account row.
    static func lastEventAt(_ accountID: UUID, tenantID: UUID, on db: Database) async throws -> Date? {
        try await MessageModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$accountID == accountID)
            .sort(\.$receivedAt, .descending).field(\.$receivedAt).first()?.receivedAt
    }

    /// Accounts the principal may see, narrowed by the filter. Unknown filter values are
    /// rejected rather than ignored, so a mistyped link does not silently show everything.
    static func filtered(_ filter: AccountFilter, principal: Principal, on db: Database) throws -> QueryBuilder<AccountModel> {
        var units = principal.scope.units(with: .viewAccounts)
        if let unitText = filter.unit, !unitText.isEmpty {
            guard let id = UUID(uuidString: unitText), units.contains(id) else { throw AppError.badRequest("unit") }
            units.formIntersection(principal.scope.tree.subtree(of: id))
        }
        var query = AccountModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$unitID ~~ Array(units))
        if let text = filter.platform, !text.isEmpty {
            guard let platform = Platform(rawValue: text) else { throw AppError.badRequest("platform") }
            query = query.filter(\.$platform == platform)
        }
        if let text = filter.kind, !text.isEmpty {
            guard let kind = AccountKind(rawValue: text) else { throw AppError.badRequest("kind") }
            query = query.filter(\.$kind == kind)
        }
        if let text = filter.status, !text.isEmpty {
            guard let status = AccountStatus(rawValue: text) else { throw AppError.badRequest("status") }
            query = query.filter(\.$status == status)
        }
        if let text = filter.q?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard text.count <= 100 else { throw AppError.badRequest("q") }
            // LOWER(...) LIKE behaves the same on SQLite and PostgreSQL, unlike plain LIKE.
            let escaped = text.lowercased().replacingOccurrences(of: "@", with: "")
                .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let pattern = "%" + escaped + "%"
            query = query.group(.or) { group in
                for column in ["handle", "display_name"] {
                    group.filter(.sql(embed: "LOWER(\(ident: column)) LIKE \(bind: pattern) ESCAPE '\\'"))
                }
            }
        }
        if filter.show != "all" { query = query.filter(\.$active == true) }
        return query
    }

    static func countsByUnit(tenantID: UUID, on db: Database) async throws -> [UUID: Int] {
        let rows = try await (try db.sql).select()
            .column("unit_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("accounts")
            .where("tenant_id", .equal, SQLBind(tenantID))
            .where("active", .equal, SQLBind(true))
            .groupBy("unit_id")
            .all()
        var result: [UUID: Int] = [:]
        for row in rows {
            if let id = try? row.decode(column: "unit_id", as: UUID.self) {
                result[id] = try row.decode(column: "n", as: Int.self)
            }
        }
        return result
    }

    static func handleTaken(_ handle: String, platform: Platform, tenantID: UUID, except id: UUID?, on db: Database) async throws -> Bool {
        var query = AccountModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$platform == platform).filter(\.$handle == handle)
        if let id { query = query.filter(\.$id != id) }
        return try await query.count() > 0
    }
}
