import Fluent
import SQLKit
import Foundation
import SimpulCore

enum UnitQueries {
    static func all(tenantID: UUID, on db: Database) async throws -> [UnitModel] {
        try await UnitModel.query(on: db).filter(\.$tenantID == tenantID).sort(\.$name).all()
    }

    /// Read on every request (the access scope), so straight from SQL rows: a Fluent model per
    /// unit, built by reflecting over its properties, cost more than the rest of a page on a
    /// tenant of a few hundred units.
    static func tree(tenantID: UUID, on db: Database) async throws -> UnitTree {
        let rows = try await (try db.sql).raw("""
            SELECT id, parent_id, kind, name, code, active FROM units WHERE tenant_id = \(bind: tenantID) ORDER BY name
            """).all()
        return UnitTree(try rows.map { row in
            UnitTree.Unit(id: try row.decode(column: "id", as: UUID.self), parentID: try row.decode(column: "parent_id", as: UUID?.self),
                          kind: try row.decode(enum: "kind"), name: try row.decode(column: "name", as: String.self),
                          code: try row.decode(column: "code", as: String.self), active: try row.decode(column: "active", as: Bool.self))
        })
    }

    static func find(_ id: UUID, tenantID: UUID, on db: Database) async throws -> UnitModel? {
        try await UnitModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$id == id).first()
    }

    static func codeTaken(_ code: String, tenantID: UUID, except id: UUID?, on db: Database) async throws -> Bool {
        var query = UnitModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$code == code)
        if let id { query = query.filter(\.$id != id) }
        return try await query.count() > 0
    }

    /// Finds a unit by id or by short code, as people type either in forms, CSV files and the API.
    static func resolver(_ tree: UnitTree) -> (String) -> UUID? {
        let byCode = Dictionary(tree.units.values.map { ($0.code.uppercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
        return { text in
            if let id = UUID(uuidString: text), tree[id] != nil { return id }
            return byCode[text.uppercased()]
        }
    }
}
