import Fluent
import Foundation
import SimpulCore
import Vapor

/// A unit as typed: from the web form (strings) or the API (JSON).
struct UnitInput: Content {
    var name: String?
    var code: String?
    var kind: String?
    var parent_id: String?
}

/// Creating and changing units, with the same rules whichever surface asks.
enum UnitService {
    struct Valid {
        let name: String
        let code: String
        let kind: UnitKind
        let parentID: UUID?
    }

    static func validate(_ input: UnitInput, editing unit: UnitModel?, principal: Principal, on db: Database) async throws -> Result<Valid, FieldErrorsBox> {
        var errors = FieldErrors()
        let name = Validators.text(input.name, max: Validators.nameMax, field: "name", into: &errors)
        let code = Validators.unitCode(input.code, into: &errors)
        let kind = Validators.choice(input.kind, as: UnitKind.self, field: "kind", into: &errors)
        let tree = principal.scope.tree
        var parentID: UUID?
        let parentText = Validators.trimmed(input.parent_id)
        if !parentText.isEmpty {
            // A parent outside the caller's reach is reported exactly like one that does not exist.
            if let id = UUID(uuidString: parentText), tree[id] != nil,
               principal.scope.allows(.manageUnits, on: id) || id == unit?.parentID {
                parentID = id
            } else {
                errors.add("parent_id", .unknownParent)
            }
        }
        if let kind, errors["parent_id"] == nil {
            let keepsRootPlace = unit != nil && unit?.parentID == nil && parentID == nil
            if !keepsRootPlace, let problem = tree.placementProblem(unit: unit?.id, kind: kind, parent: parentID) {
                switch problem {
                case .parentRequired: errors.add("parent_id", .parentRequired)
                case .unknownParent: errors.add("parent_id", .unknownParent)
                case .cycle: errors.add("parent_id", .cycle)
                case .secondRoot: errors.add("kind", .secondRoot)
                case .kindNotAllowed(let parent): errors.add("kind", .kindNotAllowed(parent: parent))
                case .childrenNotAllowed: errors.add("kind", .kindConflictsWithChildren)
                }
            }
            if keepsRootPlace, kind != .pemda { errors.add("kind", .invalidChoice) }
        }
        if errors["code"] == nil, try await UnitQueries.codeTaken(code, tenantID: principal.tenantID, except: unit?.id, on: db) {
            errors.add("code", .duplicate)
        }
        guard errors.isEmpty, let kind else { return .failure(FieldErrorsBox(errors)) }
        return .success(Valid(name: name, code: code, kind: kind, parentID: parentID))
    }

    static func fields(_ unit: UnitModel) -> Auditor.Fields {
        ["name": unit.name, "code": unit.code, "kind": unit.kind.rawValue, "parent_id": unit.parentID?.uuidString ?? "", "active": String(unit.active)]
    }

    static func create(_ valid: Valid, principal: Principal, req: Request) async throws -> UnitModel {
        let unit = UnitModel(tenantID: principal.tenantID, parentID: valid.parentID, kind: valid.kind, name: valid.name, code: valid.code, at: req.now)
        try await AuditedSave.save(unit, action: .unitCreate, before: nil, principal: principal, req: req)
        return unit
    }

    static func update(_ unit: UnitModel, with valid: Valid, principal: Principal, req: Request) async throws {
        let before = fields(unit)
        unit.name = valid.name
        unit.code = valid.code
        unit.kind = valid.kind
        unit.parentID = valid.parentID
        // Saving the same values again is not a change: no write, no audit row.
        if fields(unit) == before { return }
        unit.updatedAt = req.now
        try await AuditedSave.save(unit, action: .unitUpdate, before: before, principal: principal, req: req)
    }

    /// A unit is closed only when nothing still lives in it: its sub-units closed first and its
    /// accounts deactivated or moved, so no account silently drops out of monitoring.
    static func activationProblem(_ unit: UnitModel, becoming active: Bool, principal: Principal, on db: Database) async throws -> FieldIssue? {
        if active {
            if let parent = unit.parentID, principal.scope.tree[parent]?.active == false { return .parentInactive }
            return nil
        }
        if unit.parentID == nil { return .topUnitStaysActive }
        let activeChildren = principal.scope.tree.children(of: unit.id!).filter(\.active).count
        let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == unit.tenantID).filter(\.$unitID == unit.id!).filter(\.$active == true).count()
        if activeChildren > 0 || accounts > 0 { return .unitStillInUse(activeUnits: activeChildren, activeAccounts: accounts) }
        return nil
    }

    static func setActive(_ unit: UnitModel, _ active: Bool, principal: Principal, req: Request) async throws {
        guard unit.active != active else { return }
        let before = fields(unit)
        unit.active = active
        unit.updatedAt = req.now
        try await AuditedSave.save(unit, action: active ? .unitReactivate : .unitDeactivate, before: before, principal: principal, req: req)
    }

    /// Loads a unit for the caller: outside their view it does not exist.
    static func load(_ req: Request, principal: Principal, need permission: Permission) async throws -> UnitModel {
        guard let id = req.parameters.get("unitID", as: UUID.self),
              let unit = try await UnitQueries.find(id, tenantID: principal.tenantID, on: req.db) else { throw AppError.notFound }
        try principal.require(permission, on: unit.id!, visibleWith: .viewUnits)
        return unit
    }
}

extension UnitModel: AuditedRecord {
    static let auditTargetType = AuditTarget.unit
    var auditLabel: String { name }
    var auditFields: Auditor.Fields { UnitService.fields(self) }
}
