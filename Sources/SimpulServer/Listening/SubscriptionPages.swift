import Foundation
import Plot
import SimpulCore

/// Langganan: which spike alerts the signed-in person follows, and how they reach them.
enum SubscriptionPages {
    struct Row {
        var subscription: AlertSubscriptionModel
        /// What it follows, in words ("Aturan "Banjir"", "Semua aturan Dinas PU dan di bawahnya").
        var label: String
    }

    struct Model {
        var rows: [Row]
        /// Rules the person can see, as form options (value "rule:<id>").
        var rules: [UI.Option]
        /// Units the person can see, indented by depth (value = unit id).
        var units: [UI.Option]
        var email: String
        var emailAvailable: Bool
        var canEditOnCall: Bool
        var input: SubscriptionController.Input
        var problems: [String: String]
    }

    static func label(_ target: AlertSubscriptionTarget, name: String, _ l: L10n) -> String {
        switch target {
        case .rule: l.t("Aturan \"\(name)\"", "Rule \"\(name)\"")
        case .ruleUnit: l.t("Semua aturan \(name) dan unit di bawahnya", "Every rule of \(name) and the units below it")
        case .accountUnit: l.t("Lonjakan akun \(name) dan unit di bawahnya", "Account surges of \(name) and the units below it")
        }
    }

    static func channels(_ subscription: AlertSubscriptionModel, _ l: L10n) -> String {
        var names: [String] = []
        if subscription.inApp { names.append(l.t("Dalam aplikasi", "In the app")) }
        if subscription.email { names.append(l.t("E-mail", "E-mail")) }
        return names.joined(separator: ", ")
    }

    static func page(_ ctx: PageContext, _ model: Model) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Langganan peringatan", "Alert subscriptions"),
            ListeningPages.tabs(ctx),
            .p(.text(l.t("Pilih lonjakan yang ingin Anda ikuti dan lewat mana Anda diberi tahu. Koordinator dan admin unit selalu menerima pemberitahuan di aplikasi untuk lonjakan di unitnya; langganan menambahkan aturan dan unit lain serta e-mail.",
                         "Choose the surges you want to follow and how you are told. Koordinators and unit admins always get an in-app notice for surges in their units; subscriptions add other rules and units, and e-mail."))),
            .if(model.canEditOnCall, .p(.a(.href(SiteRoute.onCall.path), .text(l.t("Daftar piket WhatsApp →", "WhatsApp on-call list →"))))),
            list(ctx, model),
            form(ctx, model))
    }

    static func list(_ ctx: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let l = ctx.l
        return .section(.id("subscriptions"),
            .h2(.text(l.t("Langganan saya", "My subscriptions"))),
            model.rows.isEmpty
                ? UI.empty(l.t("Belum ada langganan. Tambahkan aturan atau unit di bawah ini.", "No subscriptions yet. Add a rule or a unit below."))
                : .table(.class("list"), .id("subscription-table"),
                    .thead(.tr(.th(.text(l.t("Yang diikuti", "Following"))), .th(.text(l.t("Saluran", "Channels"))), .th(.text(l.t("Tindakan", "Actions"))))),
                    .tbody(.forEach(model.rows) { row in
                        .tr(.td(.text(row.label)), .td(.text(channels(row.subscription, l))),
                            .td(UI.actionButton(l.t("Berhenti", "Unsubscribe"), action: SiteRoute.deleteAlertSubscription(row.subscription.id!).path, csrf: ctx.csrf)))
                    })))
    }

    static func form(_ ctx: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let l = ctx.l
        let input = model.input, problems = model.problems
        let unitOptions = { (prefix: String) in model.units.map { UI.Option(value: prefix + $0.value, label: $0.label) } }
        return .form(.method(.post), .action(SiteRoute.saveAlertSubscription.path), .class("stack"), .id("subscription-form"),
            .h2(.text(l.t("Tambah atau ubah langganan", "Add or change a subscription"))),
            UI.csrf(ctx.csrf),
            UI.formErrorSummary(Array(problems.values).sorted(), l),
            .div(.class(problems["target"] == nil ? "field" : "field has-error"),
                .label(.for("target"), .text(l.t("Yang diikuti", "Follow")), .span(.class("req"), " *")),
                .select(.id("target"), .attribute(named: "name", value: "target"), .attribute(named: "required"),
                    UI.option(value: "", label: l.t("— pilih —", "— choose —"), selected: (input.target ?? "").isEmpty),
                    .element(named: "optgroup", nodes: [.attribute(named: "label", value: l.t("Satu aturan", "One rule")),
                        .forEach(model.rules) { UI.option(value: $0.value, label: $0.label, selected: $0.value == input.target) }]),
                    .element(named: "optgroup", nodes: [.attribute(named: "label", value: l.t("Semua aturan unit (dan di bawahnya)", "Every rule of a unit (and below)")),
                        .forEach(unitOptions("rule_unit:")) { UI.option(value: $0.value, label: $0.label, selected: $0.value == input.target) }]),
                    .element(named: "optgroup", nodes: [.attribute(named: "label", value: l.t("Lonjakan akun unit (dan di bawahnya)", "Account surges of a unit (and below)")),
                        .forEach(unitOptions("account_unit:")) { UI.option(value: $0.value, label: $0.label, selected: $0.value == input.target) }])),
                .unwrap(problems["target"]) { .p(.class("error"), .id("target-error"), .attribute(named: "role", value: "alert"), .text($0)) }),
            .div(.class(problems["channels"] == nil ? "field" : "field has-error"), .attribute(named: "role", value: "group"),
                .attribute(named: "aria-labelledby", value: "channels-label"),
                .p(.id("channels-label"), .strong(.text(l.t("Saluran", "Channels")))),
                .label(.class("check"), checkbox("in_app", checked: input.in_app == "on"), .text(" " + l.t("Dalam aplikasi (Pemberitahuan)", "In the app (Notifications)"))),
                .label(.class("check"), checkbox("email", checked: input.email == "on", disabled: !model.emailAvailable),
                       .text(" " + l.t("E-mail ke \(model.email)", "E-mail to \(model.email)"))),
                .if(!model.emailAvailable, .p(.class("hint"), .text(l.t("E-mail belum diatur di server ini (SMTP); minta admin sistem mengaturnya.",
                                                                       "E-mail is not set up on this server (SMTP); ask the system administrator.")))),
                .unwrap(problems["channels"]) { .p(.class("error"), .id("channels-error"), .attribute(named: "role", value: "alert"), .text($0)) }),
            .p(.class("hint"), .text(l.t("Memilih yang sudah diikuti mengganti salurannya.", "Choosing one you already follow replaces its channels."))),
            .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Simpan langganan", "Save subscription")))))
    }

    static func checkbox(_ name: String, checked: Bool, disabled: Bool = false) -> Node<HTML.LabelContext> {
        .input(.type(.checkbox), .name(name), .value("on"), checked ? .attribute(named: "checked", value: "checked") : .empty,
               disabled ? .attribute(named: "disabled", value: "disabled") : .empty)
    }
}
