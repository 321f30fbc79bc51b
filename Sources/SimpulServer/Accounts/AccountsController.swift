import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

struct AccountImportForm: Content {
    var file: File?
    var text: String?
    var _csrf: String?
}

enum AccountsController {
    /// The last filter used, so the registry opens the way each admin left it.
    static let filterCookie = "simpul_account_filter"

    static func register(_ routes: RouteCatalog) {
        routes.add(.accounts, list)
        routes.add(.accountsCSV, exportCSV)
        routes.add(.newAccount) { req in
            try await form(req, try req.requirePrincipal(), editing: nil, input: AccountInput(), errors: FieldErrors())
        }
        routes.add(.createAccount, create)
        routes.add(.importAccountsForm) { req in
            AccountPages.importForm(PageContext(req), text: "", fileProblem: nil, rowProblems: [])
        }
        routes.add(.importAccounts, body: .collect(maxSize: "2mb"), importCSV)
        routes.add(SiteRoute.account, show)
        routes.add(SiteRoute.editAccount) { req in
            let principal = try req.requirePrincipal()
            let account = try await AccountService.load(req, principal: principal, need: .manageAccounts)
            return try await form(req, principal, editing: account, input: try await input(from: account, on: req.db), errors: FieldErrors())
        }
        routes.add(SiteRoute.updateAccount, update)
        routes.add(SiteRoute.deactivateAccount) { req in try await setActive(req, false) }
        routes.add(SiteRoute.reactivateAccount) { req in try await setActive(req, true) }
    }

    struct AccountForm: Content {
        var platform, handle, display_name, kind, unit, owner, followers, status: String?
        var input: AccountInput {
            AccountInput(platform: platform, handle: handle, displayName: display_name, kind: kind, unit: unit, owner: owner, followers: followers, status: status)
        }
    }

    static func input(from account: AccountModel, on db: Database) async throws -> AccountInput {
        var owner: String?
        if let ownerID = account.ownerID {
            owner = try await UserQueries.find(ownerID, tenantID: account.tenantID, on: db)?.user.email
        }
        return AccountInput(platform: account.platform.rawValue, handle: account.handle, displayName: account.displayName, kind: account.kind.rawValue,
                            unit: account.unitID.uuidString, owner: owner, followers: String(account.followerCount), status: account.status.rawValue)
    }

    static func rows(_ accounts: [AccountModel], principal: Principal, on db: Database) async throws -> [AccountPages.Row] {
        let ownerIDs = Set(accounts.compactMap(\.ownerID))
        var owners: [UUID: String] = [:]
        if !ownerIDs.isEmpty {
            for user in try await UserModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ Array(ownerIDs)).all() {
                owners[user.id!] = user.name
            }
        }
        return accounts.map { AccountPages.Row(account: $0, unitName: principal.scope.tree[$0.unitID]?.name ?? "—", ownerName: $0.ownerID.flatMap { owners[$0] }) }
    }

    static func list(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        var filter = try req.query.decode(AccountFilter.self)
        var remembered = false
        let hasQuery = !(req.url.query ?? "").isEmpty
        if req.query[String.self, at: "reset"] != nil {
            filter = AccountFilter()
        } else if !hasQuery, let saved = req.cookies[filterCookie]?.string, let decoded = try? URLEncodedFormDecoder().decode(AccountFilter.self, from: saved.removingPercentEncoding ?? "") {
            filter = decoded
            remembered = !decoded.isEmpty
        }
        let page = try PageRequest(req)
        let base = try AccountQueries.filtered(filter, principal: principal, on: req.db)
        let total = try await base.copy().count()
        let result = try await base.page(by: \.$displayName, page) { $0.displayName }
        let query = filter.queryString
        let next = result.next.map { SiteRoute.accounts.path + "?" + (query.isEmpty ? "" : query + "&") + "cursor=" + $0.token }
        let units = UserPages.unitOptions(principal.scope.tree, allowed: principal.scope.units(with: .viewAccounts))
        let html = AccountPages.list(PageContext(req), .init(rows: try await rows(result.items, principal: principal, on: req.db), total: total, filter: filter,
                                                             units: units, next: next, canCreate: principal.scope.allowsSomewhere(.manageAccounts),
                                                             remembered: remembered))
        let response = try await html.encodeResponse(for: req)
        if req.query[String.self, at: "cursor"] == nil {
            response.cookies[filterCookie] = filter.isEmpty ? .expired
                : HTTPCookies.Value(string: query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "", maxAge: 60 * 60 * 24 * 90, path: SiteRoute.accounts.path, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    static func exportCSV(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let filter = try req.query.decode(AccountFilter.self)
        let accounts = try await AccountQueries.filtered(filter, principal: principal, on: req.db).sort(\.$displayName).sort(\.$id).all()
        let users = Dictionary(try await UserModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).all().map { ($0.id!, $0.email) }, uniquingKeysWith: { a, _ in a })
        var lines = [(AccountImport.columns + ["active"]).joined(separator: ",")]
        for a in accounts {
            let cells = [a.platform.rawValue, a.handle, a.displayName, a.kind.rawValue, principal.scope.tree[a.unitID]?.code ?? "",
                         a.ownerID.flatMap { users[$0] } ?? "", String(a.followerCount), a.status.rawValue, String(a.active)]
            lines.append(cells.map(CSVWriter.escape).joined(separator: ","))
        }
        let response = Response(status: .ok, body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.contentDisposition = .init(.attachment, filename: "akun-simpul.csv")
        return response
    }

    static func form(_ req: Request, _ principal: Principal, editing: AccountModel?, input: AccountInput, errors: FieldErrors) async throws -> Response {
        let l = req.l10n
        let units = UserPages.unitOptions(principal.scope.tree, allowed: principal.scope.units(with: .manageAccounts), activeOnly: true, keep: editing?.unitID)
        return AccountPages.form(PageContext(req), editing: editing, input: input, errors: FormErrors(errors, labels: AccountPages.labels(l), l), units: units)
            .response(errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(AccountForm.self).input
        let lookups = try await AccountService.Lookups.load(for: principal, on: req.db)
        switch try await AccountService.validate(input, editing: nil, principal: principal, lookups: lookups, on: req.db) {
        case .failure(let box):
            return try await form(req, principal, editing: nil, input: input, errors: box.errors)
        case .success(let draft):
            let account = try await AccountService.create(draft, principal: principal, req: req)
            return .seeOther(SiteRoute.account(account.id!).path, flash: req.l10n.t("Akun @\(account.handle) ditambahkan.", "Account @\(account.handle) added."))
        }
    }

    static func show(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let account = try await AccountService.load(req, principal: principal, need: .viewAccounts)
        var owner: UserModel?
        if let ownerID = account.ownerID { owner = try await UserQueries.find(ownerID, tenantID: principal.tenantID, on: req.db)?.user }
        let history = try await AuditEventModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$targetID == account.id!)
            .sort(\.$at, .descending).limit(20).all()
        let messages = try await MessageModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$accountID == account.id!)
            .sort(\.$receivedAt, .descending).limit(50).all()
        return AccountPages.detail(PageContext(req), .init(account: account, unitPath: principal.scope.tree.pathName(of: account.unitID), owner: owner,
                                                           canManage: principal.scope.allows(.manageAccounts, on: account.unitID),
                                                           history: history, messages: messages))
    }

    static func update(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let account = try await AccountService.load(req, principal: principal, need: .manageAccounts)
        let input = try req.content.decode(AccountForm.self).input
        let lookups = try await AccountService.Lookups.load(for: principal, keepOwner: account.ownerID, keepUnit: account.unitID, on: req.db)
        switch try await AccountService.validate(input, editing: account, principal: principal, lookups: lookups, on: req.db) {
        case .failure(let box):
            return try await form(req, principal, editing: account, input: input, errors: box.errors)
        case .success(let draft):
            try await AccountService.update(account, with: draft, principal: principal, req: req)
            return .seeOther(SiteRoute.account(account.id!).path, flash: req.l10n.t("Perubahan akun disimpan.", "Account changes saved."))
        }
    }

    static func setActive(_ req: Request, _ active: Bool) async throws -> Response {
        let principal = try req.requirePrincipal()
        let account = try await AccountService.load(req, principal: principal, need: .manageAccounts)
        try await AccountService.setActive(account, active, principal: principal, req: req)
        let l = req.l10n
        return .seeOther(SiteRoute.account(account.id!).path, flash: active ? l.t("Akun diaktifkan kembali.", "Account reactivated.") : l.t("Akun dinonaktifkan.", "Account deactivated."))
    }

    static func importCSV(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let l = req.l10n
        let upload = try req.content.decode(AccountImportForm.self)
        var text = upload.text ?? ""
        if let file = upload.file, file.data.readableBytes > 0 {
            guard let decoded = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes), decoded.utf8.count == file.data.readableBytes else {
                return AccountPages.importForm(PageContext(req), text: "", fileProblem: l.t("Berkas bukan teks UTF-8. Simpan ulang sebagai \"CSV UTF-8\".", "The file is not UTF-8 text. Save it again as \"CSV UTF-8\"."), rowProblems: []).response(.unprocessableEntity)
            }
            text = decoded
        }
        let lookups = try await AccountService.Lookups.load(for: principal, on: req.db)
        let existing = Set(try await AccountModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).all().map { $0.platform.rawValue + "/" + $0.handle })
        let outcome = AccountImport.read(text, findUnit: lookups.findUnit, findOwner: lookups.findOwner) { existing.contains($0.rawValue + "/" + $1) }
        switch outcome {
        case .rejected(let file, let rows):
            let labels = AccountPages.labels(l)
            let problems = rows.map { (line: $0.line, field: $0.field, message: l.issue($0.issue, label: labels[$0.field] ?? $0.field)) }
            return AccountPages.importForm(PageContext(req), text: upload.file == nil ? text : "", fileProblem: file.map { fileMessage($0, l) }, rowProblems: problems)
                .response(.unprocessableEntity)
        case .ready(let drafts):
            try await req.db.transaction { db in
                for draft in drafts {
                    let account = AccountModel(tenantID: principal.tenantID, draft: draft, at: req.now)
                    try await account.create(on: db)
                    try await Auditor.record(req.auditActor(principal), on: db, action: .accountCreate, targetType: .account,
                                             targetID: account.id, label: AccountService.label(account), after: AccountService.fields(account))
                }
                try await Auditor.record(req.auditActor(principal), on: db, action: .accountImport, targetType: .account, targetID: nil,
                                         label: "CSV", after: ["rows": String(drafts.count)])
            }
            return .seeOther(SiteRoute.accounts.path, flash: l.t("\(drafts.count) akun diimpor.", "\(drafts.count) accounts imported."))
        }
    }

    static func fileMessage(_ problem: AccountImport.FileProblem, _ l: L10n) -> String {
        switch problem {
        case .empty: l.t("Berkas CSV kosong.", "The CSV file is empty.")
        case .unreadable(let line): l.t("Tanda kutip di baris \(line) tidak ditutup.", "A quote opened on line \(line) is never closed.")
        case .tooManyRows(let max): l.t("Terlalu banyak baris (maksimal \(max)). Bagi menjadi beberapa berkas.", "Too many rows (at most \(max)). Split the file.")
        case .missingColumns(let columns): l.t("Kolom wajib tidak ada: \(columns.joined(separator: ", ")).", "Missing required columns: \(columns.joined(separator: ", ")).")
        case .noRows: l.t("Berkas hanya berisi judul kolom, tanpa baris akun.", "The file has a header but no rows.")
        }
    }
}
