import Fluent
import Foundation
import SimpulCore
import Vapor

/// The registry's rules, shared by the web form, the API and CSV import.
enum AccountService {
    /// Resolves units and owners for validation, limited to what the principal may manage.
    struct Lookups {
        let findUnit: (String) -> UUID?
        let findOwner: (String) -> UUID?

        /// `keepOwner`: the owner an account already has stays acceptable even if they have
        /// since been deactivated, so the account can still be edited or deactivated itself.
        /// `keepUnit` likewise: an account may stay on a unit that was closed after it was registered.
        static func load(for principal: Principal, keepOwner: UUID? = nil, keepUnit: UUID? = nil, on db: Database) async throws -> Lookups {
            let tree = principal.scope.tree
            let resolveUnit = UnitQueries.resolver(tree)
            let manageable = principal.scope.units(with: .manageAccounts)
            let users = try await UserQueries.directory(tenantID: principal.tenantID, on: db)
            return Lookups(
                findUnit: { text in
                    resolveUnit(text).flatMap { id in manageable.contains(id) && (tree[id]?.active == true || id == keepUnit) ? id : nil }
                },
                findOwner: { text in
                    let lowered = text.lowercased()
                    let match = users.first { $0.user.id?.uuidString.lowercased() == lowered || $0.user.email == lowered }
                    guard let match, match.user.active || match.user.id == keepOwner,
                          principal.scope.canViewUser(memberOf: match.unitIDs) || match.user.id == keepOwner else { return nil }
                    return match.user.id
                })
        }
    }

    static func validate(_ input: AccountInput, editing: AccountModel?, principal: Principal, lookups: Lookups, on db: Database) async throws -> Result<AccountDraft, FieldErrorsBox> {
        switch AccountValidation.validate(input, findUnit: lookups.findUnit, findOwner: lookups.findOwner) {
        case .failure(let box):
            return .failure(box)
        case .success(let draft):
            if try await AccountQueries.handleTaken(draft.handle, platform: draft.platform, tenantID: principal.tenantID, except: editing?.id, on: db) {
                var errors = FieldErrors()
                errors.add("handle", .duplicate)
                return .failure(FieldErrorsBox(errors))
            }
            return .success(draft)
        }
    }

    static func fields(_ account: AccountModel) -> Auditor.Fields {
        [
            "platform": account.platform.rawValue, "handle": account.handle, "display_name": account.displayName,
            "kind": account.kind.rawValue, "unit_id": account.unitID.uuidString, "owner_id": account.ownerID?.uuidString ?? "",
            "follower_count": String(account.followerCount), "status": account.status.rawValue, "active": String(account.active),
        ]
    }

    static func create(_ draft: AccountDraft, principal: Principal, req: Request) async throws -> AccountModel {
        let account = AccountModel(tenantID: principal.tenantID, draft: draft, at: req.now)
        try await AuditedSave.save(account, action: .accountCreate, before: nil, principal: principal, req: req)
        return account
    }

    static func update(_ account: AccountModel, with draft: AccountDraft, principal: Principal, req: Request) async throws {
        let before = fields(account)
        account.apply(draft, at: req.now)
        try await AuditedSave.save(account, action: .accountUpdate, before: before, principal: principal, req: req)
    }

    static func setActive(_ account: AccountModel, _ active: Bool, principal: Principal, req: Request) async throws {
        guard account.active != active else { return }
        let before = fields(account)
        account.active = active
        account.updatedAt = req.now
        try await AuditedSave.save(account, action: active ? .accountReactivate : .accountDeactivate, before: before, principal: principal, req: req)
    }

    static func label(_ account: AccountModel) -> String {
        "\(account.platform.displayName) @\(account.handle)"
    }

    static func load(_ req: Request, principal: Principal, need permission: Permission) async throws -> AccountModel {
        guard let id = req.parameters.get("accountID", as: UUID.self),
              let account = try await AccountQueries.find(id, tenantID: principal.tenantID, on: req.db) else { throw AppError.notFound }
        try principal.require(permission, on: account.unitID, visibleWith: .viewAccounts)
        return account
    }
}

extension AccountModel: AuditedRecord {
    static let auditTargetType = AuditTarget.account
    var auditLabel: String { AccountService.label(self) }
    var auditFields: Auditor.Fields { AccountService.fields(self) }
}
