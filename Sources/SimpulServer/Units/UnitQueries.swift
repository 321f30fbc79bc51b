import Fluent
import Foundation
import SimpulCore

enum UnitQueries {
    static func all(tenantID: UUID, on db: Database) async throws -> [UnitModel] {
        try await UnitModel.query(on: db).filter(\.$tenantID == tenantID).sort(\.$name).all()
    }

    static func tree(tenantID: UUID, on db: Database) async throws -> UnitTree {
        UnitTree(try await all(tenantID: tenantID, on: db).map(\.treeUnit))
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
