import Foundation
import Plot
import SimpulCore

/// Small building blocks every page uses, so forms, lists and labels look and behave alike.
enum UI {
    struct Option {
        let value: String
        let label: String
    }

    static func csrf<C: HTML.BodyContext>(_ token: String) -> Node<C> {
        .input(.type(.hidden), .name("_csrf"), .value(token))
    }

    /// A labelled input with its error beside it and the typed value kept.
    static func field<C: HTML.BodyContext>(
        _ label: String, name: String, value: String?, error: String?, type: HTMLInputType = .text,
        required: Bool = false, hint: String? = nil, maxLength: Int? = nil, autocomplete: String? = nil, placeholder: String? = nil,
        list: String? = nil
    ) -> Node<C> {
        let describedBy = error != nil ? "\(name)-error" : (hint != nil ? "\(name)-hint" : nil)
        return .div(
            .class(error == nil ? "field" : "field has-error"),
            .label(.for(name), .text(label), .if(required, .span(.class("req"), .attribute(named: "aria-hidden", value: "true"), " *"))),
            .input(
                .id(name), .name(name), .type(type), .value(value ?? ""),
                .required(required),
                maxLength.map { .attribute(named: "maxlength", value: String($0)) } ?? .empty,
                autocomplete.map { .attribute(named: "autocomplete", value: $0) } ?? .empty,
                placeholder.map { .placeholder($0) } ?? .empty,
                list.map { .attribute(named: "list", value: $0) } ?? .empty,
                describedBy.map { .attribute(named: "aria-describedby", value: $0) } ?? .empty,
                error != nil ? .attribute(named: "aria-invalid", value: "true") : .empty
            ),
            .unwrap(hint) { .p(.class("hint"), .id("\(name)-hint"), .text($0)) },
            .unwrap(error) { .p(.class("error"), .id("\(name)-error"), .attribute(named: "role", value: "alert"), .text($0)) }
        )
    }

    static func select<C: HTML.BodyContext>(
        _ label: String, name: String, options: [Option], selected: String?, error: String?,
        required: Bool = false, includeBlank: String? = nil
    ) -> Node<C> {
        .div(
            .class(error == nil ? "field" : "field has-error"),
            .label(.for(name), .text(label), .if(required, .span(.class("req"), " *"))),
            .select(
                .id(name), .attribute(named: "name", value: name),
                .if(required, .attribute(named: "required")),
                .if(error != nil, .attribute(named: "aria-describedby", value: "\(name)-error")),
                .unwrap(includeBlank) { option(value: "", label: $0, selected: selected == nil || selected == "") },
                .forEach(options) { option(value: $0.value, label: $0.label, selected: $0.value == selected) }
            ),
            .unwrap(error) { .p(.class("error"), .id("\(name)-error"), .attribute(named: "role", value: "alert"), .text($0)) }
        )
    }

    /// Plot's `option` takes attributes only; an option needs its visible text too. The value
    /// is written even when empty: without it the browser would submit the option's label.
    static func option(value: String, label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [.attribute(named: "value", value: value, ignoreIfValueIsEmpty: false), selected ? .attribute(named: "selected", value: "selected") : .empty, .text(label)])
    }

    /// The colours a status may take; each is a class of the stylesheet.
    enum Tone: String, Sendable {
        case ok, warn, danger, muted
    }

    /// Status as a coloured label that always carries a word: colour is never the only signal.
    static func badge<C: HTML.BodyContext>(_ text: String, tone: Tone) -> Node<C> {
        .span(.class("badge badge-\(tone.rawValue)"), .text(text))
    }

    static func statusBadge<C: HTML.BodyContext>(_ status: AccountStatus, _ l: L10n) -> Node<C> {
        let tone: UI.Tone = switch status {
        case .connected: .ok
        case .needsReconnect: .warn
        case .disconnected: .muted
        }
        return badge(l.accountStatus(status), tone: tone)
    }

    static func flash<C: HTML.BodyContext>(_ message: String?) -> Node<C> {
        .unwrap(message) { .div(.class("flash"), .attribute(named: "role", value: "status"), .text($0)) }
    }

    static func formErrorSummary<C: HTML.BodyContext>(_ messages: [String], _ l: L10n) -> Node<C> {
        .if(!messages.isEmpty, .div(
            .class("error-summary"), .attribute(named: "role", value: "alert"),
            .p(.strong(.text(l.t("Periksa isian berikut:", "Please check the following:")))),
            .ul(.forEach(messages) { .li(.text($0)) })
        ))
    }

    static func empty<C: HTML.BodyContext>(_ text: String, action: (href: String, label: String)? = nil) -> Node<C> {
        .div(.class("empty"), .p(.text(text)), .unwrap(action) { .a(.class("button"), .href($0.href), .text($0.label)) })
    }

    static func pager<C: HTML.BodyContext>(next: String?, _ l: L10n) -> Node<C> {
        .unwrap(next) { .nav(.class("pager"), .ariaLabel(l.t("Halaman", "Pages")), .a(.href($0), .attribute(named: "rel", value: "next"), .text(l.t("Berikutnya →", "Next →")))) }
    }

    /// A POST button in its own small form, with a confirmation for destructive actions.
    static func actionButton<C: HTML.BodyContext>(_ label: String, action: String, csrf token: String, confirm: String? = nil, danger: Bool = false) -> Node<C> {
        .form(
            .class("inline"), .method(.post), .action(action),
            .unwrap(confirm) { .attribute(named: "data-confirm", value: $0) },
            csrf(token),
            .button(.type(.submit), .class(danger ? "button danger" : "button secondary"), .text(label))
        )
    }
}
