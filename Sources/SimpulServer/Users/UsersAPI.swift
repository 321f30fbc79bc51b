import Fluent
import Foundation
import SimpulCore
import Vapor

enum UsersAPI {
    struct Body: Content {
        var name: String?
        var email: String?
        var nip: String?
        var phone: String?
        var password: String?
        var roles: [APIRole]?
        var active: Bool?
    }

    static func register(_ routes: RouteCatalog) {
        routes.add(.apiUsers) { req in
            let principal = try req.requirePrincipal()
            let page = try PageRequest(req)
            var entries = try await UserQueries.directory(tenantID: principal.tenantID, on: req.db)
                .filter { principal.scope.canViewUser(memberOf: $0.unitIDs) }
                .sorted { ($0.user.name, $0.user.id!.uuidString) < ($1.user.name, $1.user.id!.uuidString) }
            if let after = page.after {
                entries = entries.filter { ($0.user.name, $0.user.id!.uuidString) > (after.key, after.id.uuidString) }
            }
            let items = Array(entries.prefix(page.limit))
            let next = entries.count > page.limit ? items.last.map { PageCursor(key: $0.user.name, id: $0.user.id!).token } : nil
            return APIList(data: items.map(APIUser.init), next_cursor: next)
        }
        routes.add(.apiCreateUser) { req in
            let principal = try req.requirePrincipal()
            let body = try req.decodeJSON(Body.self)
            var (profile, errors) = try await UserService.validateProfile(
                UserInput(name: body.name, email: body.email, nip: body.nip, phone: body.phone), editing: nil, tenantID: principal.tenantID, on: req.db)
            let password = Validators.password(body.password, into: &errors)
            var grants: [AccessScope.Grant] = []
            let roles = body.roles ?? []
            if roles.isEmpty { errors.add("roles", .required) }
            if roles.count > 50 { errors.add("roles", .tooLong(max: 50)) }
            for (index, role) in roles.prefix(50).enumerated() {
                var roleErrors = FieldErrors()
                if let grant = UserService.validateGrant(RoleInput(role: role.role, unit_id: role.unit_id), principal: principal, into: &roleErrors) {
                    grants.append(grant)
                }
                for item in roleErrors.items { errors.add("roles[\(index)].\(item.field)", item.issue) }
            }
            guard errors.isEmpty else { throw AppError.invalid(errors) }
            let user = try await UserService.create(profile, password: password, grants: grants, principal: principal, req: req)
            let entry = try await UserQueries.find(user.id!, tenantID: principal.tenantID, on: req.db)!
            return try await APIUser(entry).encodeResponse(status: .created, for: req)
        }
        routes.add(SiteRoute.apiUser) { req in
            APIUser(try await UserService.load(req, principal: try req.requirePrincipal(), manage: false))
        }
        routes.add(SiteRoute.apiUpdateUser) { req in
            let principal = try req.requirePrincipal()
            let entry = try await UserService.load(req, principal: principal, manage: true)
            let body = try req.decodeJSON(Body.self)
            let user = entry.user
            var (profile, errors) = try await UserService.validateProfile(
                UserInput(name: body.name ?? user.name, email: body.email ?? user.email, nip: body.nip ?? user.nip, phone: body.phone ?? user.phone),
                editing: user, tenantID: principal.tenantID, on: req.db)
            if body.password != nil { errors.add("password", .notPermitted) }
            if body.roles != nil { errors.add("roles", .notPermitted) }
            if body.active == false, user.id == principal.userID { errors.add("active", .notPermitted) }
            guard errors.isEmpty else { throw AppError.invalid(errors) }
            try await UserService.update(user, with: profile, principal: principal, req: req)
            if let active = body.active { try await UserService.setActive(user, active, principal: principal, req: req) }
            return APIUser(try await UserQueries.find(user.id!, tenantID: principal.tenantID, on: req.db)!)
        }
    }
}
