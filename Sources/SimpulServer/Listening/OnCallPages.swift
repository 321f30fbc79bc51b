import Foundation
import Plot
import SimpulCore

/// Piket WhatsApp: who is woken for a surge, from which WhatsApp account, with which template.
enum OnCallPages {
    struct Model {
        var people: [OnCallPersonModel]
        /// The tenant's active WhatsApp accounts (value = account id).
        var accounts: [UI.Option]
        /// Approved templates the alert can fill (value = template id).
        var templates: [UI.Option]
        var accountID: String?
        var templateID: String?
        /// The chosen template as a recipient reads it, with the alert's values in place.
        var preview: String?
        var personInput: OnCallController.PersonInput
        var problems: [String: String]
    }

    static func page(_ ctx: PageContext, _ model: Model) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Piket WhatsApp", "WhatsApp on-call"),
            ListeningPages.tabs(ctx),
            .p(.text(l.t("Setiap lonjakan (aturan pemantauan maupun akun) dikirim sebagai pesan templat WhatsApp ke semua nomor di daftar piket. WhatsApp hanya mengizinkan templat yang disetujui Meta untuk pesan pertama; variabelnya diisi berurutan: {{1}} judul lonjakan, {{2}} rumusnya, {{3}} tautan ke halaman peringatan.",
                         "Every surge (listening rule or account) is sent as a WhatsApp template message to every number on the on-call list. WhatsApp allows only Meta-approved templates for a first message; their variables are filled in order: {{1}} the surge's title, {{2}} its formula, {{3}} the link to the alerts page."))),
            .p(.a(.href(SiteRoute.alertSubscriptions.path), .text(l.t("← Langganan", "← Subscriptions")))),
            sender(ctx, model),
            people(ctx, model))
    }

    static func sender(_ ctx: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let l = ctx.l
        return .form(.method(.post), .action(SiteRoute.saveOnCallSettings.path), .class("stack"), .id("oncall-sender"),
            .h2(.text(l.t("Pengirim", "Sender"))),
            UI.csrf(ctx.csrf),
            .if(model.accounts.isEmpty, .p(.class("hint"), .text(l.t("Belum ada akun WhatsApp aktif. Daftarkan dan sambungkan akun WhatsApp di menu Akun.",
                                                                     "No active WhatsApp account yet. Register and connect one under Accounts.")))),
            .if(model.templates.isEmpty, .p(.class("hint"), .text(l.t("Belum ada templat yang disetujui dengan paling banyak tiga variabel. Catat templat di Kotak Masuk → Templat WhatsApp.",
                                                                      "No approved template with at most three variables yet. Record one under Inbox → WhatsApp templates.")))),
            UI.select(l.t("Akun WhatsApp pengirim", "Sending WhatsApp account"), name: "account_id", options: model.accounts, selected: model.accountID,
                      error: model.problems["account_id"], includeBlank: l.t("— tidak mengirim —", "— do not send —")),
            UI.select(l.t("Templat", "Template"), name: "template_id", options: model.templates, selected: model.templateID,
                      error: model.problems["template_id"], includeBlank: l.t("— tidak mengirim —", "— do not send —")),
            .unwrap(model.preview) { preview in
                .div(.class("field"), .p(.strong(.text(l.t("Contoh pesan", "Sample message")))), .blockquote(.id("oncall-preview"), .text(preview)))
            },
            .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan pengirim", "Save sender")))))
    }

    static func people(_ ctx: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let input = model.personInput, problems = model.problems
        return .section(.id("oncall-people"),
            .h2(.text(l.t("Daftar piket", "On-call list"))),
            model.people.isEmpty
                ? UI.empty(l.t("Belum ada petugas piket. Tambahkan nama dan nomor WhatsApp di bawah ini.", "Nobody is on call yet. Add a name and WhatsApp number below."))
                : .table(.class("list"), .id("oncall-table"),
                    .thead(.tr(.th(.text(l.t("Nama", "Name"))), .th(.text(l.t("Nomor WhatsApp", "WhatsApp number"))), .th(.text(l.t("Tindakan", "Actions"))))),
                    .tbody(.forEach(model.people) { person in
                        .tr(.td(.text(person.name)), .td(.text(person.phone)),
                            .td(UI.actionButton(l.t("Hapus", "Remove"), action: SiteRoute.removeOnCallPerson(person.id!).path, csrf: ctx.csrf,
                                                confirm: l.t("Hapus \(person.name) dari daftar piket?", "Remove \(person.name) from the on-call list?"), danger: true)))
                    })),
            .form(.method(.post), .action(SiteRoute.addOnCallPerson.path), .class("stack compact"), .id("oncall-person-form"),
                UI.csrf(ctx.csrf),
                UI.formErrorSummary([problems["name"], problems["phone"]].compactMap { $0 }, l),
                UI.field(l.t("Nama", "Name"), name: "name", value: input.name, error: problems["name"], required: true, maxLength: OnCallController.maxName),
                UI.field(l.t("Nomor WhatsApp", "WhatsApp number"), name: "phone", value: input.phone, error: problems["phone"], type: .tel, required: true,
                         hint: l.t("Nomor Indonesia, misalnya 0812 3456 7890; disimpan sebagai +62….", "An Indonesian number, e.g. 0812 3456 7890; stored as +62…."),
                         maxLength: 24, autocomplete: "off"),
                .div(.class("actions"), .button(.type(.submit), .class("button secondary"), .text(l.t("Tambah ke daftar piket", "Add to the on-call list"))))))
    }
}
