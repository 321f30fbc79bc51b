import Fluent
import Foundation
import SimpulCore
import Vapor

enum UnitsAPI {
    struct Patch: Content {
        var name: String?
        var code: String?
        var kind: String?
        var parent_id: String?
        var active: Bool?
    }

    static func register(_ routes: RouteCatalog) {
        routes.add(.apiUnits) { req in
            let principal = try req.requirePrincipal()
            let page = try PageRequest(req)
            let visible = Array(principal.scope.units(with: .viewUnits))
            let result = try await UnitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ visible)
                .page(by: \.$name, page) { $0.name }
            return APIList(data: result.items.map(APIUnit.init), next_cursor: result.next?.token)
        }
        routes.add(.apiCreateUnit) { req in
            let principal = try req.requirePrincipal()
            let input = try req.decodeJSON(UnitInput.self)
            let valid = try await UnitService.validate(input, editing: nil, principal: principal, on: req.db).get()
            let unit = try await UnitService.create(valid, principal: principal, req: req)
            return try await APIUnit(unit).encodeResponse(status: .created, for: req)
        }
        routes.add(SiteRoute.apiUnit) { req in
            APIUnit(try await UnitService.load(req, principal: try req.requirePrincipal(), need: .viewUnits))
        }
        routes.add(SiteRoute.apiUpdateUnit) { req in
            let principal = try req.requirePrincipal()
            let unit = try await UnitService.load(req, principal: principal, need: .manageUnits)
            let patch = try req.decodeJSON(Patch.self)
            let merged = UnitInput(name: patch.name ?? unit.name, code: patch.code ?? unit.code, kind: patch.kind ?? unit.kind.rawValue,
                                   parent_id: patch.parent_id ?? unit.parentID?.uuidString)
            let valid = try await UnitService.validate(merged, editing: unit, principal: principal, on: req.db).get()
            if let active = patch.active, let problem = try await UnitService.activationProblem(unit, becoming: active, principal: principal, on: req.db) {
                var errors = FieldErrors()
                errors.add("active", problem)
                throw AppError.invalid(errors)
            }
            try await UnitService.update(unit, with: valid, principal: principal, req: req)
            if let active = patch.active { try await UnitService.setActive(unit, active, principal: principal, req: req) }
            return APIUnit(unit)
        }
    }
}
