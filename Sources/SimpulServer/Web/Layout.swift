import Foundation
import Plot
import SimpulCore
import Vapor

/// What every page needs besides its own content: who is looking, in which language, the
/// CSRF token for its forms and a one-time message from the previous action.
struct PageContext {
    let l: L10n
    let principal: Principal?
    let path: String
    let flash: String?

    var csrf: String { principal?.session?.csrfToken ?? "" }

    init(l: L10n, principal: Principal?, path: String, flash: String? = nil) {
        self.l = l
        self.principal = principal
        self.path = path
        self.flash = flash
    }

    init(_ req: Request) {
        self.init(l: req.l10n, principal: req.principal, path: req.url.path, flash: Flash.read(req))
    }
}

enum Layout {
    struct NavItem {
        let href: String
        let label: String
        let active: Bool
    }

    static func navigation(_ ctx: PageContext) -> [NavItem] {
        guard let scope = ctx.principal?.scope else { return [] }
        let l = ctx.l
        var items = [NavItem(href: SiteRoute.home.path, label: l.t("Beranda", "Home"), active: ctx.path == SiteRoute.home.path)]
        if scope.allowsSomewhere(.viewInbox) {
            items.append(NavItem(href: SiteRoute.inbox.path, label: l.t("Kotak Masuk", "Inbox"), active: ctx.path.hasPrefix(SiteRoute.inbox.path)))
        }
        if scope.allowsSomewhere(.viewContent) {
            items.append(NavItem(href: SiteRoute.contentCalendar.path, label: l.t("Kalender Konten", "Content calendar"),
                                 active: ctx.path.hasPrefix(SiteRoute.content.path)))
        }
        if scope.allowsSomewhere(.approveContent) {
            items.append(NavItem(href: SiteRoute.approvals.path, label: l.t("Persetujuan", "Approvals"), active: ctx.path.hasPrefix(SiteRoute.approvals.path)))
        }
        if scope.allowsSomewhere(.viewCases) {
            items.append(NavItem(href: SiteRoute.cases.path, label: l.t("Isu & Hoaks", "Issues & hoaxes"), active: [SiteRoute.cases, .listening, .hoaxes].contains { ctx.path.hasPrefix($0.path) }))
        }
        if scope.allowsSomewhere(.checkCompliance) {
            items.append(NavItem(href: scope.allowsSomewhere(.viewFindings) ? SiteRoute.findings.path : SiteRoute.checker.path,
                                 label: l.t("Kepatuhan", "Compliance"), active: LocalPath.isCompliance(ctx.path)))
        }
        let amplificationHome = scope.allowsSomewhere(.viewAmplification) ? SiteRoute.amplification.path
            : scope.allowsSomewhere(.amplify) ? SiteRoute.myAmplification.path : scope.allowsSomewhere(.viewAccounts) ? SiteRoute.staffAccounts.path : nil
        if let amplificationHome {
            items.append(NavItem(href: amplificationHome, label: l.t("Amplifikasi", "Amplification"), active: ctx.path.hasPrefix(SiteRoute.amplification.path)))
        }
        if scope.allowsSomewhere(.viewUnits) || scope.allowsSomewhere(.viewAccounts) || scope.allowsSomewhere(.viewUsers) {
            items.append(NavItem(href: scope.allowsSomewhere(.viewAccounts) ? SiteRoute.accounts.path : SiteRoute.units.path,
                                 label: l.t("Pengaturan", "Settings"), active: LocalPath.isSettings(ctx.path)))
        }
        items.append(NavItem(href: SiteRoute.profile.path, label: l.t("Profil", "Profile"), active: ctx.path.hasPrefix(SiteRoute.profile.path)))
        return items
    }

    /// The settings pages share a tab strip, showing only the tabs this person may open.
    static func settingsTabs(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let scope = ctx.principal?.scope else { return .empty }
        let l = ctx.l
        let tabs: [(String, String, Permission)] = [
            (SiteRoute.accounts.path, l.t("Akun", "Accounts"), .viewAccounts),
            (SiteRoute.units.path, l.t("Unit kerja", "Units"), .viewUnits),
            (SiteRoute.users.path, l.t("Pengguna & peran", "Users & roles"), .viewUsers),
            (SiteRoute.audit.path, l.t("Jejak audit", "Audit log"), .viewAudit),
            (SiteRoute.slaSettings.path, l.t("SLA & hari libur", "SLA & holidays"), .manageSLA),
            (SiteRoute.contentSettings.path, l.t("Konten & persetujuan", "Content & approval"), .manageUnits),
        ]
        return tabStrip(l.t("Pengaturan", "Settings"), tabs.filter { scope.allowsSomewhere($0.2) }.map { ($0.0, $0.1) }, path: ctx.path)
    }

    /// A section's tabs; the current one is the tab whose address is the longest start of the
    /// page's path ("/content/media/…" is Media, "/content/123" is the list at "/content").
    static func tabStrip(_ label: String, _ tabs: [(href: String, label: String)], path: String) -> Node<HTML.BodyContext> {
        let current = tabs.filter { path.hasPrefix($0.href) }.max { $0.href.count < $1.href.count }?.href
        return .nav(.class("tabs"), .ariaLabel(label),
            .forEach(tabs) { tab in
                .a(.href(tab.href), .text(tab.label), .if(tab.href == current, .attribute(named: "aria-current", value: "page")))
            })
    }

    /// The Amplifikasi pages share a tab strip too.
    static func amplificationTabs(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        guard let scope = ctx.principal?.scope else { return .empty }
        let l = ctx.l
        let tabs: [(String, String, Permission)] = [
            (SiteRoute.amplification.path, l.t("Tugas amplifikasi", "Amplification tasks"), .viewAmplification),
            (SiteRoute.myAmplification.path, l.t("Tugas saya", "My tasks"), .amplify),
            (SiteRoute.staffAccounts.path, l.t("Akun ASN", "Staff accounts"), .viewAccounts),
        ]
        let shown = tabs.filter { scope.allowsSomewhere($0.2) }
        guard shown.count > 1 else { return .empty }
        return tabStrip(l.t("Amplifikasi", "Amplification"), shown.map { ($0.0, $0.1) }, path: ctx.path)
    }

    static func page(_ ctx: PageContext, title: String, _ content: Node<HTML.BodyContext>...) -> HTML {
        let l = ctx.l
        let other: Language = l.language == .id ? .en : .id
        return HTML(
            .lang(l.language == .id ? .indonesian : .english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's .title also copies the title into og:/twitter: meta tags through its own,
                // unescaped builders; a signed-in tool has no use for them.
                .element(named: "title", text: "\(title) · Simpul"),
                .link(.rel(.stylesheet), .href(SiteRoute.stylesheet.path))
            ),
            .body(
                .class(ctx.principal == nil ? "public" : "app"),
                .a(.class("skip"), .href("#main"), .text(l.t("Lewati ke konten", "Skip to content"))),
                .header(
                    .class("topbar"),
                    .a(.class("brand"), .href(SiteRoute.home.path), "Simpul"),
                    .unwrap(ctx.principal) { .span(.class("tenant"), .text($0.tenant.name)) },
                    .div(
                        .class("top-actions"),
                        .if(ctx.principal != nil, .a(.href(SiteRoute.notifications.path), .text(l.t("Pemberitahuan", "Notifications")))),
                        .a(.class("lang"), .href(SiteRoute.languageSwitch(other, next: ctx.path)),
                           .attribute(named: "hreflang", value: other.rawValue),
                           .text(other == .en ? "English" : "Bahasa Indonesia")),
                        .unwrap(ctx.principal) { principal in
                            .form(.class("inline"), .method(.post), .action(SiteRoute.logout.path),
                                  UI.csrf(ctx.csrf),
                                  .button(.type(.submit), .class("link-button"), .text(l.t("Keluar", "Sign out")),
                                          .attribute(named: "title", value: principal.user.email)))
                        }
                    )
                ),
                .if(ctx.principal != nil, .nav(
                    .class("rail"), .ariaLabel(l.t("Menu utama", "Main menu")),
                    .ul(.forEach(navigation(ctx)) { item in
                        .li(.a(.href(item.href), .text(item.label), .if(item.active, .attribute(named: "aria-current", value: "page"))))
                    })
                )),
                .main(
                    .id("main"),
                    .h1(.text(title)),
                    UI.flash(ctx.flash),
                    .group(content)
                ),
                .script(.src(SiteRoute.script.path))
            )
        )
    }
}

/// A message that survives one redirect ("Akun tersimpan"), carried in a short-lived cookie.
enum Flash {
    static let cookieName = "simpul_flash"

    static func set(_ message: String, on response: Response) {
        response.cookies[cookieName] = HTTPCookies.Value(string: message.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                                                         maxAge: 60, path: "/", isHTTPOnly: true, sameSite: .lax)
    }

    static func read(_ req: Request) -> String? {
        guard let raw = req.cookies[cookieName]?.string, !raw.isEmpty else { return nil }
        return raw.removingPercentEncoding.map { String($0.prefix(300)) }
    }
}

extension HTML: @retroactive AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: render()))
    }
}

/// A flash message is shown once: whatever answers the request that carried it (a page, a form
/// returned with errors, an error page) expires the cookie, unless it sets a new message.
struct FlashMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            if request.cookies[Flash.cookieName] != nil, response.cookies[Flash.cookieName] == nil {
                response.cookies[Flash.cookieName] = .expired
            }
            return response
        }
    }
}

extension Response {
    /// 303 See Other: after a POST the browser follows with a GET, so a reload never re-submits.
    static func seeOther(_ location: String, flash: String? = nil) -> Response {
        let response = Response(status: .seeOther, headers: ["Location": location])
        if let flash { Flash.set(flash, on: response) }
        return response
    }
}

extension HTML {
    /// A page with a status other than 200, e.g. 422 for a form returned with its errors.
    func response(_ status: HTTPResponseStatus) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: render()))
    }
}
