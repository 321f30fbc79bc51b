import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

enum UnitsController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.units, list)
        routes.add(.newUnit) { req in
            let principal = try req.requirePrincipal()
            return form(req, principal, editing: nil, input: UnitInput(), errors: FieldErrors())
        }
        routes.add(.createUnit, create)
        routes.add(SiteRoute.editUnit) { req in
            let principal = try req.requirePrincipal()
            let unit = try await UnitService.load(req, principal: principal, need: .manageUnits)
            let input = UnitInput(name: unit.name, code: unit.code, kind: unit.kind.rawValue, parent_id: unit.parentID?.uuidString)
            return form(req, principal, editing: unit, input: input, errors: FieldErrors())
        }
        routes.add(SiteRoute.updateUnit, update)
        routes.add(SiteRoute.deactivateUnit) { req in try await setActive(req, false) }
        routes.add(SiteRoute.reactivateUnit) { req in try await setActive(req, true) }
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let visible = principal.scope.units(with: .viewUnits)
        let counts = try await AccountQueries.countsByUnit(tenantID: principal.tenantID, on: req.db)
        return UnitPages.list(PageContext(req), tree: principal.scope.tree, visible: visible, accountCounts: counts) {
            principal.scope.allows(.manageUnits, on: $0)
        }
    }

    static func form(_ req: Request, _ principal: Principal, editing: UnitModel?, input: UnitInput, errors: FieldErrors, notice: String? = nil) -> Response {
        let l = req.l10n
        let tree = principal.scope.tree
        let excluded = editing.map { tree.subtree(of: $0.id!) } ?? []
        let parents = tree.flattened()
            .filter { (principal.scope.allows(.manageUnits, on: $0.unit.id) || $0.unit.id == editing?.parentID)
                && !excluded.contains($0.unit.id) && !$0.unit.kind.allowedChildren.isEmpty }
            .map { ($0.unit.id, String(repeating: "  ", count: $0.depth) + $0.unit.name) }
        let html = UnitPages.form(PageContext(req), editing: editing, input: input, errors: FormErrors(errors, labels: UnitPages.labels(l), l), parents: parents, notice: notice)
        return html.response(errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(UnitInput.self)
        switch try await UnitService.validate(input, editing: nil, principal: principal, on: req.db) {
        case .failure(let box):
            return form(req, principal, editing: nil, input: input, errors: box.errors)
        case .success(let valid):
            let unit = try await UnitService.create(valid, principal: principal, req: req)
            return .seeOther(SiteRoute.units.path, flash: req.l10n.t("Unit \(unit.name) ditambahkan.", "Unit \(unit.name) added."))
        }
    }

    static func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let principal = try req.requirePrincipal()
        let unit = try await UnitService.load(req, principal: principal, need: .manageUnits)
        let l = req.l10n
        if let problem = try await UnitService.activationProblem(unit, becoming: active, principal: principal, on: req.db) {
            let input = UnitInput(name: unit.name, code: unit.code, kind: unit.kind.rawValue, parent_id: unit.parentID?.uuidString)
            let response = form(req, principal, editing: unit, input: input, errors: FieldErrors(), notice: l.issue(problem, label: unit.name))
            response.status = .unprocessableEntity
            return response
        }
        try await UnitService.setActive(unit, active, principal: principal, req: req)
        return .seeOther(SiteRoute.units.path, flash: active ? l.t("Unit \(unit.name) diaktifkan kembali.", "Unit \(unit.name) reactivated.")
                                                    : l.t("Unit \(unit.name) dinonaktifkan.", "Unit \(unit.name) deactivated."))
    }

    static func update(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let unit = try await UnitService.load(req, principal: principal, need: .manageUnits)
        let input = try req.content.decode(UnitInput.self)
        switch try await UnitService.validate(input, editing: unit, principal: principal, on: req.db) {
        case .failure(let box):
            return form(req, principal, editing: unit, input: input, errors: box.errors)
        case .success(let valid):
            try await UnitService.update(unit, with: valid, principal: principal, req: req)
            return .seeOther(SiteRoute.units.path, flash: req.l10n.t("Perubahan unit \(unit.name) disimpan.", "Changes to \(unit.name) saved."))
        }
    }
}
