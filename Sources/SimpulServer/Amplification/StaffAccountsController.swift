import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Amplifikasi → Akun ASN: each staff member in scope with their personal accounts, against the
/// tenant's rule (by default at least three accounts with more than 500 followers each), and
/// who falls short.
enum StaffAccountsController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.staffAccounts) { req in
            try await page(req, status: .ok)
        }
        routes.add(.staffAccountsCSV, csv)
        routes.add(.saveAmplificationPolicy, savePolicy)
    }

    struct Row {
        let user: UserModel
        let units: [String]
        let accounts: [AccountModel]
        let assessment: AccountHoldingPolicy.Assessment
    }

    struct PolicyInput: Content {
        var min_accounts: String?
        var min_followers: String?
    }

    static func policy(tenantID: UUID, on db: Database) async throws -> AccountHoldingPolicy {
        guard let row = try await AccountHoldingPolicyModel.query(on: db).filter(\.$tenantID == tenantID).first() else { return .standard }
        return AccountHoldingPolicy(minAccounts: row.minAccounts, minFollowers: row.minFollowers)
    }

    /// Staff members (the `staff` role) on units in the person's account scope, those short of
    /// the rule first, then by name.
    static func rows(_ principal: Principal, policy: AccountHoldingPolicy, on db: Database) async throws -> [Row] {
        let units = principal.scope.units(with: .viewAccounts)
        let memberships = try await MembershipModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$role == .staff).filter(\.$unitID ~~ Array(units)).all()
        let userIDs = Array(Set(memberships.map(\.userID)))
        guard !userIDs.isEmpty else { return [] }
        let users = try await UserModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ userIDs).filter(\.$active == true).all()
        let accounts = try await AccountModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$kind == .staff)
            .filter(\.$active == true).filter(\.$ownerID ~~ userIDs).all()
        let byOwner = Dictionary(grouping: accounts, by: { $0.ownerID! })
        let unitsByUser = Dictionary(grouping: memberships, by: \.userID)
        return users.map { user in
            let owned = (byOwner[user.id!] ?? []).sorted { $0.followerCount > $1.followerCount }
            return Row(user: user, units: (unitsByUser[user.id!] ?? []).compactMap { principal.scope.tree[$0.unitID]?.name },
                       accounts: owned, assessment: policy.assess(followerCounts: owned.map(\.followerCount)))
        }.sorted { ($0.assessment.meets ? 1 : 0, $0.user.name) < ($1.assessment.meets ? 1 : 0, $1.user.name) }
    }

    static func page(_ req: Request, status: HTTPResponseStatus, input: PolicyInput? = nil, errors: FieldErrors = FieldErrors()) async throws -> Response {
        let principal = try req.requirePrincipal()
        let policy = try await policy(tenantID: principal.tenantID, on: req.db)
        let all = try await rows(principal, policy: policy, on: req.db)
        let onlyShort = req.query[String.self, at: "short"] == "1"
        let model = StaffAccountsPages.Model(rows: onlyShort ? all.filter { !$0.assessment.meets } : all, total: all.count,
                                             meeting: all.filter(\.assessment.meets).count, policy: policy, onlyShort: onlyShort,
                                             canSetPolicy: principal.scope.allowsSomewhere(.manageUnits), input: input, errors: errors)
        return StaffAccountsPages.page(PageContext(req), model).response(status)
    }

    static func csv(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let policy = try await policy(tenantID: principal.tenantID, on: req.db)
        var lines = ["nama,nip,unit,akun_staf,akun_memenuhi,kekurangan,akun"]
        for row in try await rows(principal, policy: policy, on: req.db) {
            let cells = [row.user.name, row.user.nip ?? "", row.units.joined(separator: "; "), String(row.assessment.accounts),
                         String(row.assessment.qualifying), String(row.assessment.short),
                         row.accounts.map { "\($0.platform.rawValue):@\($0.handle) (\($0.followerCount))" }.joined(separator: "; ")]
            lines.append(cells.map(CSVWriter.escape).joined(separator: ","))
        }
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"akun-asn.csv\""],
                        body: .init(string: lines.joined(separator: "\r\n") + "\r\n"))
    }

    static func savePolicy(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(PolicyInput.self)
        var errors = FieldErrors()
        let accounts = Validators.integer(input.min_accounts, field: "min_accounts", range: AccountHoldingPolicy.accountsRange, default: 3, into: &errors)
        let followers = Validators.integer(input.min_followers, field: "min_followers", range: AccountHoldingPolicy.followersRange, default: 500, into: &errors)
        guard errors.isEmpty else { return try await page(req, status: .unprocessableEntity, input: input, errors: errors) }
        let existing = try await AccountHoldingPolicyModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).first()
        let before = existing.map { ["min_accounts": String($0.minAccounts), "min_followers": String($0.minFollowers)] }
        let row = existing ?? AccountHoldingPolicyModel()
        if existing == nil {
            row.id = UUID()
            row.tenantID = principal.tenantID
        }
        row.minAccounts = accounts
        row.minFollowers = followers
        row.updatedAt = req.now
        try await req.db.transaction { db in
            try await row.save(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .amplificationPolicy, targetType: .tenant, targetID: principal.tenantID,
                                     label: principal.tenant.name, before: before, after: ["min_accounts": String(accounts), "min_followers": String(followers)])
        }
        return .seeOther(SiteRoute.staffAccounts.path, flash: req.l10n.t("Aturan akun ASN disimpan.", "The staff account rule is saved."))
    }
}

enum StaffAccountsPages {
    /// The staff and their accounts against the tenant's rule, and the rule's form.
    struct Model {
        /// The rows shown: all, or only those short of the rule.
        var rows: [StaffAccountsController.Row]
        /// Staff in scope, and how many of them meet the rule, whatever is shown.
        var total: Int
        var meeting: Int
        var policy: AccountHoldingPolicy
        var onlyShort: Bool
        var canSetPolicy: Bool
        /// The rule as typed, when it was refused.
        var input: StaffAccountsController.PolicyInput?
        var errors: FieldErrors
    }

    static func page(_ ctx: PageContext, _ model: Model) -> HTML {
        let l = ctx.l
        let (rows, total, meeting, policy, onlyShort) = (model.rows, model.total, model.meeting, model.policy, model.onlyShort)
        let (canSetPolicy, input, errors) = (model.canSetPolicy, model.input, model.errors)
        let labels = ["min_accounts": l.t("Jumlah akun minimal", "Minimum accounts"), "min_followers": l.t("Pengikut lebih dari", "Followers above")]
        let formErrors = FormErrors(errors, labels: labels, l)
        let rule = l.t("minimal \(policy.minAccounts) akun dengan lebih dari \(l.number(policy.minFollowers)) pengikut",
                       "at least \(policy.minAccounts) accounts with more than \(l.number(policy.minFollowers)) followers")
        return Layout.page(ctx, title: l.t("Akun ASN", "Staff accounts"),
            Layout.amplificationTabs(ctx),
            .p(.class("lead"), .text(l.t("Setiap ASN memegang ", "Every civil servant keeps ") + rule + l.t(" untuk menyebarkan informasi pemerintah.", " to spread government information."))),
            UI.formErrorSummary(formErrors.all, l),
            .div(.class("toolbar"),
                 .p(.class("count"), .id("staff-count"), .text(l.t("\(l.number(meeting)) dari \(l.number(total)) ASN memenuhi aturan", "\(l.number(meeting)) of \(l.number(total)) staff meet the rule"))),
                 .div(.class("actions"),
                      onlyShort ? .a(.href(SiteRoute.staffAccounts.path), .text(l.t("Tampilkan semua", "Show all")))
                                : .a(.href(SiteRoute.staffAccounts.path + "?short=1"), .text(l.t("Hanya yang belum memenuhi", "Only those short"))),
                      .a(.href(SiteRoute.staffAccounts.path + ".csv"), .text(l.t("Unduh CSV", "Download CSV"))))),
            rows.isEmpty
                ? UI.empty(l.t("Tidak ada ASN dengan peran staf di unit Anda.", "No staff members in your units."))
                : .table(.class("list"), .id("staff-table"),
                    .thead(.tr(.th(.text(l.t("Nama", "Name"))), .th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Akun", "Accounts"))), .th(.text(l.t("Status", "Status"))))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(.text(row.user.name)),
                            .td(.text(row.units.joined(separator: ", "))),
                            .td(row.accounts.isEmpty ? .text(l.t("Belum ada akun terdaftar", "No account registered")) : .ul(.forEach(row.accounts) { account in
                                .li(.a(.href(SiteRoute.account(account.id!).path), .text(account.platform.displayName + " · @" + account.handle)),
                                    .text(" — " + l.number(account.followerCount) + l.t(" pengikut", " followers")))
                            })),
                            .td(row.assessment.meets
                                ? UI.badge(l.t("Memenuhi", "Meets the rule"), tone: .ok)
                                : UI.badge(l.t("Kurang \(row.assessment.short) akun", "\(row.assessment.short) accounts short"), tone: .warn)))
                    })),
            .if(canSetPolicy, .group(
                .h2(.text(l.t("Aturan akun ASN", "Staff account rule"))),
                .form(.method(.post), .action(SiteRoute.saveAmplificationPolicy.path), .class("stack"),
                    UI.csrf(ctx.csrf),
                    .div(.class("field-row"),
                         UI.field(labels["min_accounts"]!, name: "min_accounts", value: input?.min_accounts ?? String(policy.minAccounts), error: formErrors["min_accounts"], type: .number),
                         UI.field(labels["min_followers"]!, name: "min_followers", value: input?.min_followers ?? String(policy.minFollowers), error: formErrors["min_followers"], type: .number)),
                    .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Simpan aturan", "Save rule")))))))
        )
    }
}
