import Fluent
import Foundation
import SimpulCore
import Vapor

struct UserInput: Content {
    var name: String?
    var email: String?
    var nip: String?
    var phone: String?
    var password: String?
    /// The first role, given when the person is created (web form).
    var role: String?
    var unit_id: String?
}

struct RoleInput: Content {
    var role: String?
    var unit_id: String?
}

enum UserService {
    struct ValidProfile {
        let name: String
        let email: String
        let nip: String?
        let phone: String?
    }

    static func validateProfile(_ input: UserInput, editing: UserModel?, tenantID: UUID, on db: Database) async throws -> (ValidProfile, FieldErrors) {
        var errors = FieldErrors()
        let name = Validators.text(input.name, max: Validators.nameMax, field: "name", into: &errors)
        let email = Validators.email(input.email, into: &errors)
        let nip = Validators.nip(input.nip, into: &errors)
        let phone = Validators.phone(input.phone, into: &errors)
        if errors["email"] == nil, try await UserQueries.emailTaken(email, tenantID: tenantID, except: editing?.id, on: db) {
            errors.add("email", .duplicate)
        }
        if let nip, errors["nip"] == nil, try await UserQueries.nipTaken(nip, tenantID: tenantID, except: editing?.id, on: db) {
            errors.add("nip", .duplicate)
        }
        return (ValidProfile(name: name, email: email, nip: nip, phone: phone), errors)
    }

    /// A role on a unit that the granter may hand out: unknown and out-of-reach units look alike.
    static func validateGrant(_ input: RoleInput, principal: Principal, into errors: inout FieldErrors) -> AccessScope.Grant? {
        let role = Validators.choice(input.role, as: Role.self, field: "role", into: &errors)
        let unitText = Validators.trimmed(input.unit_id)
        var unitID: UUID?
        if unitText.isEmpty { errors.add("unit_id", .required) }
        else if let id = UnitQueries.resolver(principal.scope.tree)(unitText), principal.scope.allows(.manageUsers, on: id),
                principal.scope.tree[id]?.active == true { unitID = id }
        else { errors.add("unit_id", .unknownUnit) }
        guard let role, let unitID else { return nil }
        guard principal.scope.canGrant(role, on: unitID) else { errors.add("role", .notPermitted); return nil }
        return AccessScope.Grant(unitID: unitID, role: role)
    }

    static func fields(_ user: UserModel) -> Auditor.Fields {
        ["name": user.name, "email": user.email, "nip": user.nip ?? "", "phone": user.phone ?? "", "active": String(user.active)]
    }

    static func create(_ profile: ValidProfile, password: String, grants: [AccessScope.Grant], principal: Principal, req: Request) async throws -> UserModel {
        let hash = try await req.password.async.hash(password)
        let user = UserModel(tenantID: principal.tenantID, name: profile.name, email: profile.email, nip: profile.nip, phone: profile.phone, passwordHash: hash, at: req.now)
        try await AuditedSave.save(user, action: .userCreate, before: nil, principal: principal, req: req) { db in
            for grant in grants {
                try await addGrant(grant, to: user, principal: principal, req: req, on: db)
            }
        }
        return user
    }

    static func addGrant(_ grant: AccessScope.Grant, to user: UserModel, principal: Principal, req: Request, on db: Database) async throws {
        let exists = try await MembershipModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$userID == user.id!)
            .filter(\.$unitID == grant.unitID).filter(\.$role == grant.role).count() > 0
        if exists { return }
        let membership = MembershipModel(tenantID: principal.tenantID, userID: user.id!, unitID: grant.unitID, role: grant.role, at: req.now)
        try await membership.create(on: db)
        let unitName = principal.scope.tree[grant.unitID]?.name ?? ""
        try await Auditor.record(req.auditActor(principal), on: db, action: .membershipCreate, targetType: .user, targetID: user.id,
                                 label: user.name, after: ["role": grant.role.rawValue, "unit": unitName])
    }

    static func removeGrant(_ membership: MembershipModel, of user: UserModel, principal: Principal, req: Request) async throws {
        try await req.db.transaction { db in
            try await membership.delete(on: db)
            let unitName = principal.scope.tree[membership.unitID]?.name ?? ""
            try await Auditor.record(req.auditActor(principal), on: db, action: .membershipDelete, targetType: .user, targetID: user.id,
                                     label: user.name, before: ["role": membership.role.rawValue, "unit": unitName])
        }
    }

    static func update(_ user: UserModel, with profile: ValidProfile, principal: Principal, req: Request) async throws {
        let before = fields(user)
        user.name = profile.name
        user.email = profile.email
        user.nip = profile.nip
        user.phone = profile.phone
        if fields(user) == before { return }
        user.updatedAt = req.now
        try await AuditedSave.save(user, action: .userUpdate, before: before, principal: principal, req: req)
    }

    /// Deactivating ends the person's sessions at once; their API tokens stop working because
    /// every token check requires an active user.
    static func setActive(_ user: UserModel, _ active: Bool, principal: Principal, req: Request) async throws {
        guard user.active != active else { return }
        let before = fields(user)
        user.active = active
        user.updatedAt = req.now
        try await AuditedSave.save(user, action: active ? .userReactivate : .userDeactivate, before: before, principal: principal, req: req) { db in
            if !active { try await SessionAuthenticator.endAll(userID: user.id!, tenantID: user.tenantID, on: db) }
        }
    }

    static func setPassword(_ user: UserModel, to password: String, principal: Principal, req: Request, action: AuditAction, keepSession: UUID? = nil) async throws {
        let hash = try await req.password.async.hash(password)
        user.passwordHash = hash
        user.updatedAt = req.now
        try await req.db.transaction { db in
            try await user.save(on: db)
            try await SessionAuthenticator.endAll(userID: user.id!, tenantID: user.tenantID, except: keepSession, on: db)
            // A token made by whoever knew the old password must not outlive it.
            try await APITokenModel.query(on: db).filter(\.$tenantID == user.tenantID).filter(\.$userID == user.id!).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: req.now).update()
            try await Auditor.record(req.auditActor(principal), on: db, action: action, targetType: .user, targetID: user.id, label: user.name)
        }
    }

    /// Loads a person for the caller. Viewing needs reach on one of their units; changing them
    /// needs reach on all of them.
    static func load(_ req: Request, principal: Principal, manage: Bool) async throws -> UserQueries.Entry {
        guard let id = req.parameters.get("userID", as: UUID.self),
              let entry = try await UserQueries.find(id, tenantID: principal.tenantID, on: req.db) else { throw AppError.notFound }
        guard principal.scope.canViewUser(memberOf: entry.unitIDs) || entry.user.id == principal.userID else { throw AppError.notFound }
        if manage, !principal.scope.canManageUser(memberOf: entry.unitIDs) { throw AppError.forbidden }
        return entry
    }
}

extension UserModel: AuditedRecord {
    static let auditTargetType = AuditTarget.user
    var auditLabel: String { name }
    var auditFields: Auditor.Fields { UserService.fields(self) }
}
