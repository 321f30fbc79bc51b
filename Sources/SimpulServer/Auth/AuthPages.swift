import Foundation
import Plot
import SimpulCore

enum AuthPages {
    /// The sign-in form as it is shown again: what was typed, where to go after, what went wrong.
    struct LoginModel {
        /// The signed login token that stands in for a session's CSRF token before sign-in.
        var csrf: String
        var email: String?
        /// The local path to open after signing in.
        var next: String
        var error: String?
        /// Whether the instansi code must be typed: this server holds more than one.
        var askTenant: Bool
        var tenant: String?
    }

    static func login(_ ctx: PageContext, _ model: LoginModel) -> HTML {
        let l = ctx.l
        let (csrf, email, next, error, askTenant, tenant) = (model.csrf, model.email, model.next, model.error, model.askTenant, model.tenant)
        return Layout.page(ctx, title: l.t("Masuk ke Simpul", "Sign in to Simpul"),
            .p(.class("lead"), .text(l.t("Pusat kendali media sosial pemerintah daerah.", "The command centre for regional government social media."))),
            .unwrap(error) { .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            .form(.method(.post), .action(SiteRoute.login.path), .class("stack narrow"), .id("login-form"),
                .input(.type(.hidden), .name(CSRF.field), .value(csrf)),
                .input(.type(.hidden), .name("next"), .value(next)),
                .if(askTenant, UI.field(l.t("Kode instansi", "Tenant code"), name: "tenant", value: tenant, error: nil, required: true, maxLength: 60)),
                UI.field("Email", name: "email", value: email, error: nil, type: .email, required: true, maxLength: 254, autocomplete: "username"),
                UI.field(l.t("Kata sandi", "Password"), name: "password", value: nil, error: nil, type: .password, required: true, autocomplete: "current-password"),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Masuk", "Sign in"))))))
    }

    static func profile(_ ctx: PageContext, tokens: [APITokenModel], newToken: String?, passwordErrors: FormErrors, tokenError: String?) -> HTML {
        let l = ctx.l
        guard let principal = ctx.principal else { return Layout.page(ctx, title: "") }
        return Layout.page(ctx, title: l.t("Profil", "Profile"),
            .dl(.class("facts"),
                .dt(.text(l.t("Nama", "Name"))), .dd(.text(principal.user.name)),
                .dt("Email"), .dd(.text(principal.user.email)),
                .dt(.text(l.t("Peran", "Roles"))), .dd(.ul(.forEach(principal.scope.grants) { g in .li(.text("\(l.role(g.role)) · \(principal.scope.tree[g.unitID]?.name ?? "")")) }))),
            .h2(.text(l.t("Ganti kata sandi", "Change password"))),
            UI.formErrorSummary(passwordErrors.all, l),
            .form(.method(.post), .action(SiteRoute.changePassword.path), .class("stack narrow"),
                UI.csrf(ctx.csrf),
                UI.field(l.t("Kata sandi saat ini", "Current password"), name: "current", value: nil, error: passwordErrors["current"], type: .password, required: true, autocomplete: "current-password"),
                UI.field(l.t("Kata sandi baru", "New password"), name: "password", value: nil, error: passwordErrors["password"], type: .password, required: true,
                         hint: l.t("Minimal \(Validators.passwordMin) karakter. Sesi lain akan diakhiri.", "At least \(Validators.passwordMin) characters. Other sessions will end."), autocomplete: "new-password"),
                UI.field(l.t("Ulangi kata sandi baru", "Repeat new password"), name: "confirm", value: nil, error: passwordErrors["confirm"], type: .password, required: true, autocomplete: "new-password"),
                .button(.type(.submit), .class("button"), .text(l.t("Simpan kata sandi", "Save password")))),
            .h2(.text(l.t("Token API", "API tokens"))),
            .p(.class("hint"), .text(l.t("Token dipakai aplikasi lain untuk memanggil /api/v1 atas nama Anda, dengan hak yang sama.", "Tokens let other programs call /api/v1 as you, with your rights."))),
            .unwrap(newToken) { token in
                .div(.class("flash"), .attribute(named: "role", value: "status"),
                     .p(.text(l.t("Salin token ini sekarang; token tidak akan ditampilkan lagi:", "Copy this token now; it will not be shown again:"))),
                     .code(.class("token"), .id("new-token"), .text(token)))
            },
            tokens.isEmpty ? UI.empty(l.t("Belum ada token.", "No tokens yet.")) :
            .table(.class("list"),
                .thead(.tr(.th(.text(l.t("Nama", "Name"))), .th(.text(l.t("Dibuat", "Created"))), .th(.text(l.t("Terakhir dipakai", "Last used"))), .th(""))),
                .tbody(.forEach(tokens) { token in
                    .tr(.td(.text(token.name)), .td(.text(l.dateTime(token.createdAt))), .td(.text(token.lastUsedAt.map(l.dateTime) ?? "—")),
                        .td(token.revokedAt == nil
                            ? UI.actionButton(l.t("Cabut", "Revoke"), action: SiteRoute.revokeToken(token.id!).path, csrf: ctx.csrf, confirm: l.t("Cabut token ini?", "Revoke this token?"), danger: true)
                            : UI.badge(l.t("Dicabut", "Revoked"), tone: .muted)))
                })),
            .form(.method(.post), .action(SiteRoute.createToken.path), .class("stack narrow"),
                UI.csrf(ctx.csrf),
                UI.field(l.t("Nama token", "Token name"), name: "name", value: nil, error: tokenError, required: true, hint: l.t("Mis. \"Dasbor pimpinan\"", "E.g. \"Leaders' dashboard\""), maxLength: 80),
                .button(.type(.submit), .class("button secondary"), .text(l.t("Buat token", "Create token"))))
        )
    }
}
