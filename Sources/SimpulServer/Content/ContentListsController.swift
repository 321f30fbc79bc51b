import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// The approval queue ("Persetujuan") and the list of posts that failed to publish.
enum ContentListsController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.approvals, approvals)
        routes.add(.failedContent, failed)
    }

    struct Waiting {
        let item: ContentItemModel
        let step: Int
        let role: Role
        let mine: Bool
    }

    /// Items in review in the units where the person approves, oldest submission first: the
    /// ones whose next step is theirs, then the ones waiting for someone else.
    static func approvals(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let units = principal.scope.units(with: .approveContent)
        let items = try await ContentItemModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$status == .inReview).filter(\.$unitID ~~ Array(units))
            .sort(\.$submittedAt).limit(500).all()
        let policyOf = try await ApprovalPolicies.resolver(tenantID: principal.tenantID, tree: principal.scope.tree, on: req.db)
        let now = req.now
        let waiting: [Waiting] = items.compactMap { item in
            let policy = policyOf(item.unitID)
            let step = item.approvals.count
            guard step < policy.steps.count else { return nil }
            // Whether the step is the person's is the state machine's answer, four-eyes rules included.
            let actor = WorkflowActor.person(principal.userID, roles: principal.scope.roles(on: item.unitID))
            let mine = (try? ContentWorkflow.apply(.approve, to: item.workflowItem, by: actor, policy: policy, now: now).get()) != nil
            return Waiting(item: item, step: step, role: policy.steps[step], mine: mine)
        }
        return ContentListPages.approvals(PageContext(req), waiting: waiting, tree: principal.scope.tree)
    }

    struct FailedRow {
        let item: ContentItemModel
        let variant: ContentVariantModel
        let account: AccountModel?
        let canRetry: Bool
    }

    static func failed(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let visible = principal.scope.units(with: .viewContent)
        let variants = try await ContentVariantModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$status == .failed).sort(\.$updatedAt, .descending).limit(500).all()
        let itemIDs = Array(Set(variants.map(\.itemID)))
        let items = itemIDs.isEmpty ? [] : try await ContentItemModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$id ~~ itemIDs).filter(\.$unitID ~~ Array(visible)).all()
        let byID = Dictionary(items.map { ($0.id!, $0) }, uniquingKeysWith: { first, _ in first })
        let accounts = try await VariantQueries.accounts(of: variants, tenantID: principal.tenantID, on: req.db)
        let rows = variants.compactMap { variant -> FailedRow? in
            guard let item = byID[variant.itemID] else { return nil }
            return FailedRow(item: item, variant: variant, account: accounts[variant.accountID],
                             canRetry: item.status == .failed && principal.scope.allows(.manageContent, on: item.unitID))
        }
        return ContentListPages.failed(PageContext(req), rows: rows)
    }
}

enum ContentListPages {
    static func approvals(_ ctx: PageContext, waiting: [ContentListsController.Waiting], tree: UnitTree) -> HTML {
        let l = ctx.l
        let mine = waiting.filter(\.mine)
        let others = waiting.filter { !$0.mine }
        func table(_ rows: [ContentListsController.Waiting]) -> Node<HTML.BodyContext> {
            .table(.class("list"),
                .thead(.tr(.th(.text(l.t("Judul", "Title"))), .th(.text(l.t("Unit", "Unit"))), .th(.text(l.t("Langkah", "Step"))), .th(.text(l.t("Diajukan", "Submitted"))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.a(.href(SiteRoute.contentItem(row.item.id!).path), .text(row.item.title))),
                        .td(.text(tree.units[row.item.unitID]?.name ?? "")),
                        .td(.text(l.t("\(row.step + 1): ", "\(row.step + 1): ") + l.role(row.role))),
                        .td(.text(row.item.submittedAt.map(l.dateTime) ?? "")))
                }))
        }
        return Layout.page(ctx, title: l.t("Persetujuan", "Approvals"),
            .h2(.text(l.t("Menunggu Anda", "Waiting for you"))),
            .p(.class("count"), .id("count-mine"), .text(l.t("\(l.number(mine.count)) konten", "\(l.number(mine.count)) items"))),
            mine.isEmpty
                ? UI.empty(l.t("Tidak ada konten yang menunggu persetujuan Anda.", "Nothing is waiting for your approval."))
                : table(mine),
            .if(!others.isEmpty, .group(
                .h2(.text(l.t("Menunggu penyetuju lain", "Waiting for others"))),
                .p(.class("hint"), .text(l.t("Langkahnya memerlukan peran lain, atau Anda penulis/pengaju/penyetuju sebelumnya.",
                                             "The step needs another role, or you wrote, submitted or approved it before."))),
                table(others)))
        )
    }

    static func failed(_ ctx: PageContext, rows: [ContentListsController.FailedRow]) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Gagal terbit", "Failed to publish"),
            ContentPages.tabs(ctx),
            .p(.class("count"), .text(l.t("\(l.number(rows.count)) unggahan gagal", "\(l.number(rows.count)) failed posts"))),
            rows.isEmpty
                ? UI.empty(l.t("Tidak ada unggahan yang gagal terbit.", "No post failed to publish."))
                : .table(.class("list"),
                    .thead(.tr(.th(.text(l.t("Konten", "Content"))), .th(.text(l.t("Akun", "Account"))), .th(.text(l.t("Alasan", "Reason"))),
                               .th(.text(l.t("Waktu", "When"))), .th(.text("")))),
                    .tbody(.forEach(rows) { row in
                        .tr(.td(.a(.href(SiteRoute.contentItem(row.item.id!).path), .text(row.item.title))),
                            .td(.text(row.account.map { $0.platform.displayName + " · @" + $0.handle } ?? "?")),
                            .td(.text(row.variant.lastError ?? "")),
                            .td(.text(l.dateTime(row.variant.updatedAt))),
                            .td(.if(row.canRetry, UI.actionButton(l.t("Coba lagi", "Try again"), action: SiteRoute.retryContent(row.item.id!).path, csrf: ctx.csrf))))
                    }))
        )
    }
}
