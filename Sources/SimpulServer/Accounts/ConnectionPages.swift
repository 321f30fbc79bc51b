import Foundation
import Plot
import SimpulCore
import SimpulPlatforms

/// The per-account page where an admin enters or replaces the platform credentials, tests
/// them, and sees how the connection is doing.
enum ConnectionPages {
    struct Field {
        let key: String
        let label: String
        let secret: Bool
        let hint: String?
    }

    /// The fields each platform needs, in the words of that platform's own developer console.
    static func fields(for platform: Platform, _ l: L10n) -> [Field] {
        let token = Field(key: "access_token", label: l.t("Token akses", "Access token"), secret: true, hint: nil)
        let appSecret = Field(key: "app_secret", label: "App secret (Meta)", secret: true, hint: l.t("Untuk memeriksa tanda tangan webhook.", "Used to check webhook signatures."))
        let verify = Field(key: "verify_token", label: "Verify token", secret: true, hint: l.t("Kata yang sama dengan yang diisi di pengaturan webhook aplikasi Meta.", "The same word entered in the Meta app's webhook settings."))
        switch platform {
        case .facebook: return [Field(key: "page_id", label: "Page ID", secret: false, hint: nil), token, appSecret, verify]
        case .instagram: return [Field(key: "instagram_user_id", label: "Instagram user ID", secret: false, hint: nil), token, appSecret, verify]
        case .whatsapp: return [Field(key: "phone_number_id", label: "Phone number ID", secret: false, hint: nil), token, appSecret, verify]
        case .x: return [Field(key: "x_user_id", label: "X user ID", secret: false, hint: nil), token]
        case .youtube: return [Field(key: "channel_id", label: "Channel ID", secret: false, hint: l.t("Diawali UC…", "Starts with UC…")), token]
        case .tiktok: return [token]
        }
    }

    /// An account's connection: its state, the webhook address, and the credentials form.
    struct Model {
        var account: AccountModel
        var lastEventAt: Date?
        /// The credentials kept now (opened from the vault); secrets are never shown.
        var stored: AccountCredentials?
        /// Where the platform sends this account's webhooks; nil for polled platforms.
        var webhookURL: String?
        var errors: FormErrors
        /// The form's values: as typed when refused, else the stored non-secret fields.
        var values: [String: String]
        /// The outcome of "Uji sambungan", when one was asked for.
        var check: String?
    }

    static func page(_ ctx: PageContext, _ model: Model) -> HTML {
        let l = ctx.l
        let (account, lastEventAt, stored, webhookURL) = (model.account, model.lastEventAt, model.stored, model.webhookURL)
        let (errors, values, check) = (model.errors, model.values, model.check)
        let fields = fields(for: account.platform, l)
        return Layout.page(ctx, title: l.t("Sambungan \(account.displayName)", "Connection of \(account.displayName)"),
            Layout.settingsTabs(ctx),
            .dl(.class("facts"),
                .dt("Platform"), .dd(.text(account.platform.displayName), .if(account.sandbox, .group(.text(" "), UI.badge("Sandbox", tone: .warn)))),
                .dt(.text(l.t("Status", "Status"))), .dd(UI.statusBadge(account.status, l)),
                .dt(.text(l.t("Peristiwa terakhir", "Last event"))), .dd(.text(lastEventAt.map(l.dateTime) ?? l.t("belum ada", "none yet"))),
                .dt(.text(l.t("Dijeda sampai", "Paused until"))), .dd(.text(account.pausedUntil.map(l.dateTime) ?? "—")),
                .dt(.text(l.t("Galat terakhir", "Last error"))), .dd(.text(account.lastError ?? "—")),
                .unwrap(webhookURL) { url in .group(.dt("Webhook URL"), .dd(.code(.text(url)))) }),
            .if(account.sandbox, .p(.class("hint"), .text(l.t("Akun ini tersambung ke Sandbox (platform tiruan bawaan). Mengisi kredensial asli memindahkannya ke platform sungguhan.",
                                                             "This account is connected to the Sandbox (the built-in simulated platform). Entering real credentials moves it to the real platform.")))),
            .unwrap(check) { .div(.class("flash"), .attribute(named: "role", value: "status"), .p(.text($0))) },
            UI.formErrorSummary(errors.all, l),
            .form(.method(.post), .action(SiteRoute.saveConnection(account.id!).path), .class("stack"), .id("connection-form"),
                UI.csrf(ctx.csrf),
                .forEach(fields) { field in
                    let saved = stored.map { has($0, field.key) } ?? false
                    return UI.field(field.label, name: field.key, value: field.secret ? nil : values[field.key], error: errors[field.key],
                                    type: field.secret ? .password : .text,
                                    hint: field.secret && saved ? l.t("Tersimpan. Kosongkan untuk tetap memakai yang lama.", "Saved. Leave empty to keep it.") : field.hint,
                                    maxLength: 2048, autocomplete: "off")
                },
                .div(.class("actions"),
                     .button(.type(.submit), .class("button"), .text(l.t("Simpan kredensial", "Save credentials"))),
                     .a(.href(SiteRoute.account(account.id!).path), .text(l.t("Kembali", "Back"))))),
            .if(stored != nil || account.sandbox, UI.actionButton(l.t("Uji sambungan", "Test connection"), action: SiteRoute.testConnection(account.id!).path, csrf: ctx.csrf))
        )
    }

    static func has(_ credentials: AccountCredentials, _ key: String) -> Bool {
        value(credentials, key).map { !$0.isEmpty } ?? false
    }

    static func value(_ c: AccountCredentials, _ key: String) -> String? {
        switch key {
        case "access_token": c.accessToken
        case "app_secret": c.appSecret
        case "verify_token": c.verifyToken
        case "page_id": c.pageID
        case "instagram_user_id": c.instagramUserID
        case "phone_number_id": c.phoneNumberID
        case "x_user_id": c.xUserID
        case "channel_id": c.channelID
        default: nil
        }
    }

    static func set(_ c: inout AccountCredentials, _ key: String, _ value: String) {
        switch key {
        case "access_token": c.accessToken = value
        case "app_secret": c.appSecret = value
        case "verify_token": c.verifyToken = value
        case "page_id": c.pageID = value
        case "instagram_user_id": c.instagramUserID = value
        case "phone_number_id": c.phoneNumberID = value
        case "x_user_id": c.xUserID = value
        case "channel_id": c.channelID = value
        default: break
        }
    }

    static func messages(_ messages: [MessageModel], _ l: L10n) -> Node<HTML.BodyContext> {
        messages.isEmpty ? UI.empty(l.t("Belum ada pesan masuk untuk akun ini.", "No inbound messages for this account yet.")) :
        .table(.class("list"), .id("account-messages"),
            .thead(.tr(.th(.text(l.t("Waktu", "Time"))), .th(.text(l.t("Jenis", "Kind"))), .th(.text(l.t("Dari", "From"))), .th(.text(l.t("Isi", "Content"))))),
            .tbody(.forEach(messages) { m in
                .tr(.td(.text(l.dateTime(m.occurredAt ?? m.receivedAt))), .td(.text(l.messageKind(m.kind))),
                    .td(.text(m.authorName ?? m.authorHandle ?? m.authorID ?? "—")),
                    .td(.text(m.text.map { $0.count > 280 ? String($0.prefix(280)) + "…" : $0 } ?? statusText(m, l))))
            }))
    }

    static func statusText(_ m: MessageModel, _ l: L10n) -> String {
        let detail = m.detail.value
        return [detail["status"], detail["reaction"] ?? detail["reaction_type"], detail["error_title"] ?? detail["error_code"]].compactMap { $0 }.joined(separator: " · ")
    }
}
