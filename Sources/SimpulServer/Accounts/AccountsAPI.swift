import Fluent
import Foundation
import SimpulCore
import Vapor

enum AccountsAPI {
    struct Body: Content {
        var platform: String?
        var handle: String?
        var display_name: String?
        var kind: String?
        var unit: String?
        var owner: String?
        var followers: Int?
        var status: String?
        var active: Bool?
    }

    static func register(_ routes: RouteCatalog) {
        routes.add(.apiAccounts) { req in
            let principal = try req.requirePrincipal()
            let filter = try req.query.decode(AccountFilter.self)
            let result = try await AccountQueries.filtered(filter, principal: principal, on: req.db)
                .page(by: \.$displayName, try PageRequest(req)) { $0.displayName }
            return APIList(data: result.items.map(APIAccount.init), next_cursor: result.next?.token)
        }
        routes.add(.apiCreateAccount) { req in
            let principal = try req.requirePrincipal()
            let body = try req.decodeJSON(Body.self)
            let input = AccountInput(platform: body.platform, handle: body.handle, displayName: body.display_name, kind: body.kind,
                                     unit: body.unit, owner: body.owner, followers: body.followers.map(String.init), status: body.status)
            let lookups = try await AccountService.Lookups.load(for: principal, on: req.db)
            let draft = try await AccountService.validate(input, editing: nil, principal: principal, lookups: lookups, on: req.db).get()
            let account = try await AccountService.create(draft, principal: principal, req: req)
            return try await APIAccount(account).encodeResponse(status: .created, for: req)
        }
        routes.add(SiteRoute.apiAccount) { req in
            APIAccount(try await AccountService.load(req, principal: try req.requirePrincipal(), need: .viewAccounts))
        }
        routes.add(SiteRoute.apiUpdateAccount) { req in
            let principal = try req.requirePrincipal()
            let account = try await AccountService.load(req, principal: principal, need: .manageAccounts)
            let body = try req.decodeJSON(Body.self)
            let current = try await AccountsController.input(from: account, on: req.db)
            let input = AccountInput(platform: body.platform ?? current.platform, handle: body.handle ?? current.handle,
                                     displayName: body.display_name ?? current.displayName, kind: body.kind ?? current.kind,
                                     unit: body.unit ?? current.unit, owner: body.owner ?? current.owner,
                                     followers: body.followers.map(String.init) ?? current.followers, status: body.status ?? current.status)
            let lookups = try await AccountService.Lookups.load(for: principal, keepOwner: account.ownerID, keepUnit: account.unitID, on: req.db)
            let draft = try await AccountService.validate(input, editing: account, principal: principal, lookups: lookups, on: req.db).get()
            if draft != account.draft { try await AccountService.update(account, with: draft, principal: principal, req: req) }
            if let active = body.active { try await AccountService.setActive(account, active, principal: principal, req: req) }
            return APIAccount(account)
        }
    }
}
