import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

struct UserFilter: Content, Equatable {
    var q: String?
    var unit: String?
    var role: String?
    var show: String?
}

enum UsersController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.users, list)
        routes.add(.newUser) { req in
            try newForm(req, try req.requirePrincipal(), input: UserInput(), errors: FieldErrors())
        }
        routes.add(.createUser, create)
        routes.add(SiteRoute.user) { req in
            let principal = try req.requirePrincipal()
            return try detail(req, principal, try await UserService.load(req, principal: principal, manage: false))
        }
        routes.add(SiteRoute.editUser) { req in
            let principal = try req.requirePrincipal()
            let entry = try await UserService.load(req, principal: principal, manage: true)
            let user = entry.user
            return editForm(req, user, input: UserInput(name: user.name, email: user.email, nip: user.nip, phone: user.phone), errors: FieldErrors())
        }
        routes.add(SiteRoute.updateUser, update)
        routes.add(SiteRoute.addRole, addRole)
        routes.add(SiteRoute.removeRole, removeRole)
        routes.add(SiteRoute.deactivateUser) { req in try await setActive(req, false) }
        routes.add(SiteRoute.reactivateUser) { req in try await setActive(req, true) }
        routes.add(SiteRoute.resetPassword, resetPassword)
    }

    static func rolesText(_ entry: UserQueries.Entry, _ tree: UnitTree, _ l: L10n) -> String {
        entry.memberships.map { "\(l.role($0.role)) · \(tree[$0.unitID]?.name ?? "?")" }.joined(separator: "; ")
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let filter = try req.query.decode(UserFilter.self)
        let scope = principal.scope
        var entries = try await UserQueries.directory(tenantID: principal.tenantID, on: req.db)
            .filter { scope.canViewUser(memberOf: $0.unitIDs) }
        if let unitText = filter.unit, !unitText.isEmpty {
            guard let id = UUID(uuidString: unitText), scope.allows(.viewUsers, on: id) else { throw AppError.badRequest("unit") }
            let subtree = scope.tree.subtree(of: id)
            entries = entries.filter { $0.unitIDs.contains(where: subtree.contains) }
        }
        if let roleText = filter.role, !roleText.isEmpty {
            guard let role = Role(rawValue: roleText) else { throw AppError.badRequest("role") }
            entries = entries.filter { $0.memberships.contains { $0.role == role } }
        }
        if let q = filter.q?.trimmingCharacters(in: .whitespaces).lowercased(), !q.isEmpty {
            entries = entries.filter { $0.user.name.lowercased().contains(q) || $0.user.email.contains(q) || ($0.user.nip ?? "").contains(q) }
        }
        if filter.show != "all" { entries = entries.filter(\.user.active) }
        let l = req.l10n
        let rows = entries.map { UserPages.Row(entry: $0, roles: rolesText($0, scope.tree, l)) }
        return UserPages.list(PageContext(req), rows: rows, filter: filter,
                              units: UserPages.unitOptions(scope.tree, allowed: scope.units(with: .viewUsers)),
                              canCreate: scope.allowsSomewhere(.manageUsers))
    }

    static func grantOptions(_ principal: Principal, _ l: L10n) -> (roles: [UI.Option], units: [UI.Option]) {
        let scope = principal.scope
        let grantable = Role.allCases.filter { role in scope.grants.contains { $0.role.grantableRoles.contains(role) && $0.role.permissions.contains(.manageUsers) } }
        return (UserPages.roleOptions(l, grantable: grantable), UserPages.unitOptions(scope.tree, allowed: scope.units(with: .manageUsers), activeOnly: true))
    }

    static func newForm(_ req: Request, _ principal: Principal, input: UserInput, errors: FieldErrors) throws -> Response {
        let l = req.l10n
        let options = grantOptions(principal, l)
        return UserPages.form(PageContext(req), editing: nil, input: input, errors: FormErrors(errors, labels: UserPages.labels(l), l),
                              roles: options.roles, units: options.units).response(errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func editForm(_ req: Request, _ user: UserModel, input: UserInput, errors: FieldErrors) -> Response {
        let l = req.l10n
        return UserPages.form(PageContext(req), editing: user, input: input, errors: FormErrors(errors, labels: UserPages.labels(l), l),
                              roles: [], units: []).response(errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func detail(_ req: Request, _ principal: Principal, _ entry: UserQueries.Entry, roleErrors: FieldErrors = FieldErrors(), passwordError: FieldIssue? = nil) throws -> Response {
        let l = req.l10n
        let canManage = principal.scope.canManageUser(memberOf: entry.unitIDs)
        let options = grantOptions(principal, l)
        let html = UserPages.detail(PageContext(req), .init(entry: entry, tree: principal.scope.tree, canManage: canManage,
                                                            roles: options.roles, units: options.units,
                                                            roleErrors: FormErrors(roleErrors, labels: UserPages.labels(l), l),
                                                            passwordError: passwordError.map { l.issue($0, label: l.t("Kata sandi baru", "New password")) }))
        return html.response(roleErrors.isEmpty && passwordError == nil ? .ok : .unprocessableEntity)
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(UserInput.self)
        var (profile, errors) = try await UserService.validateProfile(input, editing: nil, tenantID: principal.tenantID, on: req.db)
        let password = Validators.password(input.password, into: &errors)
        let grant = UserService.validateGrant(RoleInput(role: input.role, unit_id: input.unit_id), principal: principal, into: &errors)
        guard errors.isEmpty, let grant else {
            var kept = input
            kept.password = nil
            return try newForm(req, principal, input: kept, errors: errors)
        }
        let user = try await UserService.create(profile, password: password, grants: [grant], principal: principal, req: req)
        return .seeOther(SiteRoute.user(user.id!).path, flash: req.l10n.t("Pengguna \(user.name) ditambahkan.", "User \(user.name) added."))
    }

    static func update(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let entry = try await UserService.load(req, principal: principal, manage: true)
        let input = try req.content.decode(UserInput.self)
        let (profile, errors) = try await UserService.validateProfile(input, editing: entry.user, tenantID: principal.tenantID, on: req.db)
        guard errors.isEmpty else { return editForm(req, entry.user, input: input, errors: errors) }
        try await UserService.update(entry.user, with: profile, principal: principal, req: req)
        return .seeOther(SiteRoute.user(entry.user.id!).path, flash: req.l10n.t("Data pengguna disimpan.", "User details saved."))
    }

    static func addRole(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let entry = try await UserService.load(req, principal: principal, manage: false)
        var errors = FieldErrors()
        let input = try req.content.decode(RoleInput.self)
        // Whoever may manage people could otherwise make himself the approver of his own drafts.
        let grant = entry.user.id == principal.userID ? nil : UserService.validateGrant(input, principal: principal, into: &errors)
        if entry.user.id == principal.userID { errors.add("role", .selfGrant) }
        guard let grant else { return try detail(req, principal, entry, roleErrors: errors) }
        try await req.db.transaction { db in
            try await UserService.addGrant(grant, to: entry.user, principal: principal, req: req, on: db)
        }
        return .seeOther(SiteRoute.user(entry.user.id!).path, flash: req.l10n.t("Peran diberikan.", "Role granted."))
    }

    static func removeRole(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let entry = try await UserService.load(req, principal: principal, manage: false)
        guard let membershipID = req.parameters.get("membershipID", as: UUID.self),
              let membership = entry.memberships.first(where: { $0.id == membershipID }) else { throw AppError.notFound }
        guard principal.scope.canGrant(membership.role, on: membership.unitID) else { throw AppError.forbidden }
        try await UserService.removeGrant(membership, of: entry.user, principal: principal, req: req)
        return .seeOther(SiteRoute.user(entry.user.id!).path, flash: req.l10n.t("Peran dicabut.", "Role removed."))
    }

    static func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let principal = try req.requirePrincipal()
        let entry = try await UserService.load(req, principal: principal, manage: true)
        let l = req.l10n
        if entry.user.id == principal.userID, !active {
            return .seeOther(SiteRoute.user(entry.user.id!).path, flash: l.t("Anda tidak bisa menonaktifkan akun Anda sendiri.", "You cannot deactivate yourself."))
        }
        try await UserService.setActive(entry.user, active, principal: principal, req: req)
        return .seeOther(SiteRoute.user(entry.user.id!).path, flash: active ? l.t("Pengguna diaktifkan kembali.", "User reactivated.") : l.t("Pengguna dinonaktifkan.", "User deactivated."))
    }

    static func resetPassword(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let entry = try await UserService.load(req, principal: principal, manage: true)
        var errors = FieldErrors()
        let password = Validators.password(try req.content.get(String?.self, at: "password"), into: &errors)
        if let issue = errors["password"] { return try detail(req, principal, entry, passwordError: issue) }
        try await UserService.setPassword(entry.user, to: password, principal: principal, req: req, action: .userResetPassword)
        return .seeOther(SiteRoute.user(entry.user.id!).path, flash: req.l10n.t("Kata sandi diatur ulang.", "Password reset."))
    }
}
