import Foundation
import Plot
import SimpulCore

/// Beranda as a function of what the controller counted.
enum HomePages {
    struct Model {
        let principal: Principal
        let counts: HomeController.Counts
        /// Unread notifications, newest first.
        let unread: [NotificationModel]
    }

    static func home(_ ctx: PageContext, _ model: Model) -> HTML {
        let principal = model.principal, counts = model.counts, unread = model.unread
        let l = ctx.l
        func tile(_ label: String, _ value: Int, id: String, href: String? = nil, tone: UI.Tone? = nil, cap: Int? = nil) -> Node<HTML.BodyContext> {
            .div(.class(tone.map { "tile \($0.rawValue)" } ?? "tile"), .id(id),
                 .p(.class("tile-value"), .text(l.number(value) + (value >= (cap ?? .max) ? "+" : ""))),
                 href.map { .p(.class("tile-label"), .a(.href($0), .text(label))) } ?? .p(.class("tile-label"), .text(label)))
        }
        let canAccounts = principal.scope.allowsSomewhere(.viewAccounts)
        return Layout.page(ctx, title: l.t("Beranda", "Home"),
            .p(.class("lead"), .text(l.t("Selamat datang, \(principal.user.name)", "Welcome, \(principal.user.name)"))),
            .if(!unread.isEmpty, .section(.id("notifications"), .ariaLabel(l.t("Pemberitahuan", "Notifications")),
                .h2(.text(l.t("Pemberitahuan baru", "New notifications"))),
                NotificationsController.list(unread, l),
                .p(.a(.href(SiteRoute.notifications.path), .text(l.t("Semua pemberitahuan", "All notifications")))))),
            .section(.class("tiles"), .ariaLabel(l.t("Ringkasan", "Summary")),
                tile(l.t("Unit kerja", "Units"), counts.units, id: "count-units", href: principal.scope.allowsSomewhere(.viewUnits) ? SiteRoute.units.path : nil),
                tile(l.t("Akun resmi & staf", "Accounts"), counts.accounts, id: "count-accounts", href: canAccounts ? SiteRoute.accounts.path : nil),
                tile(l.t("Admin", "Admins"), counts.admins, id: "count-admins", href: principal.scope.allowsSomewhere(.viewUsers) ? SiteRoute.users.path : nil),
                tile(l.t("Perlu sambungkan ulang", "Need reconnecting"), counts.needsReconnect.count, id: "count-reconnect",
                     href: canAccounts ? SiteRoute.accounts.path + "?status=needsReconnect" : nil, tone: counts.needsReconnect.isEmpty ? nil : .warn),
                tile(l.t("Akun staf", "Staff accounts"), counts.staffAccounts, id: "count-staff", href: canAccounts ? SiteRoute.accounts.path + "?kind=staff" : nil),
                .if(principal.scope.allowsSomewhere(.viewInbox),
                    tile(l.t("Pesan terlambat dibalas", "Overdue messages"), counts.overdueMessages, id: "count-overdue",
                         href: SiteRoute.inbox.path + "?state=new", tone: counts.overdueMessages == 0 ? nil : .warn, cap: HomeController.overdueCap)),
                .if(principal.scope.allowsSomewhere(.approveContent),
                    tile(l.t("Konten menunggu persetujuan", "Content in review"), counts.contentInReview, id: "count-in-review",
                         href: SiteRoute.approvals.path, tone: counts.contentInReview == 0 ? nil : .warn)),
                .if(principal.scope.allowsSomewhere(.viewContent),
                    tile(l.t("Konten gagal terbit", "Content failed to publish"), counts.failedPosts, id: "count-failed-posts",
                         href: SiteRoute.failedContent.path, tone: counts.failedPosts == 0 ? nil : .warn)),
                .if(principal.scope.allowsSomewhere(.viewFindings),
                    tile(l.t("Temuan kepatuhan belum ditinjau", "Compliance findings to review"), counts.openFindings, id: "count-findings",
                         href: SiteRoute.findings.path + "?status=open", tone: counts.openFindings == 0 ? nil : .warn))),
            .if(canAccounts, .group(
                .h2(.text(l.t("Akun per platform", "Accounts per platform"))),
                .table(.class("list compact"), .id("platform-counts"),
                    .thead(.tr(.th("Platform"), .th(.class("num"), .text(l.t("Akun", "Accounts"))))),
                    .tbody(.forEach(Platform.allCases) { platform in
                        .tr(.td(.a(.href(SiteRoute.accounts.path + "?platform=\(platform.rawValue)"), .text(platform.displayName))),
                            .td(.class("num"), .text(l.number(counts.accountsByPlatform[platform] ?? 0))))
                    })),
                .h2(.text(l.t("Perlu perhatian", "Needs attention"))),
                counts.needsReconnect.isEmpty
                    ? UI.empty(l.t("Semua akun tersambung dengan baik.", "Every account is connected."))
                    : .ul(.class("attention"), .forEach(counts.needsReconnect.sorted { $0.displayName < $1.displayName }) { account in
                        .li(UI.statusBadge(account.status, l), .text(" "),
                            .a(.href(SiteRoute.account(account.id!).path), .text("\(account.displayName) (\(account.platform.displayName) @\(account.handle))")),
                            .span(.class("muted"), .text(" · " + (principal.scope.tree[account.unitID]?.name ?? ""))))
                    })
            ))
        )
    }
}
