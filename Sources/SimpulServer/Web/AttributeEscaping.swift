import Plot

/// Plot 0.14 escapes text but writes attribute values as they are, so a `"` in a name, a
/// search or a `next` address ends the attribute and starts markup of the sender's choosing.
/// Every attribute builder the pages use that takes free text is declared again here, with the
/// same signature: declarations in this module shadow Plot's, so each call in the pages comes
/// through `AttributeText.escaped`, the one place attribute values are escaped. Builders that
/// take Plot's enums (method, input type, rel, language) carry no free text and stay Plot's.
enum AttributeText {
    static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x22 || $0 == 0x26 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 16)
        for character in value.unicodeScalars {
            switch character {
            case "\"": out += "&quot;"
            case "&": out += "&amp;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    static func node<Context>(_ name: String, _ value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node<Context> {
        .attribute(Attribute(name: name, value: value.map(escaped), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }

    static func attribute<Context>(_ name: String, _ value: String?, ignoreIfValueIsEmpty: Bool = true) -> Attribute<Context> {
        Attribute(name: name, value: value.map(escaped), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
    }
}

extension Node {
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        AttributeText.node(name, value, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)
    }
}

extension Attribute {
    static func attribute(named name: String, value: String?) -> Self { AttributeText.attribute(name, value) }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { AttributeText.node("id", id) }
    static func `class`(_ className: String) -> Node { AttributeText.node("class", className) }
    static func data(named name: String, value: String) -> Node { AttributeText.node("data-\(name)", value) }
    static func title(_ title: String) -> Node { AttributeText.node("title", title) }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { AttributeText.attribute("id", id) }
    static func `class`(_ className: String) -> Attribute { AttributeText.attribute("class", className) }
    static func data(named name: String, value: String) -> Attribute { AttributeText.attribute("data-\(name)", value) }
    static func title(_ title: String) -> Attribute { AttributeText.attribute("title", title) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { AttributeText.node("name", name) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { AttributeText.attribute("name", name) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { AttributeText.node("value", value) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { AttributeText.attribute("value", value) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Node { AttributeText.node("href", url.description) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: URLRepresentable) -> Attribute { AttributeText.attribute("href", url.description) }
}

extension Node where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Node { AttributeText.node("src", url.description) }
}

extension Attribute where Context: HTMLSourceContext {
    static func src(_ url: URLRepresentable) -> Attribute { AttributeText.attribute("src", url.description) }
}

extension Attribute where Context == HTML.PictureSourceContext {
    static func media(_ query: String) -> Attribute { AttributeText.attribute("media", query) }
}

extension Node where Context == HTML.FormContext {
    static func action(_ url: URLRepresentable) -> Node { AttributeText.node("action", url.description) }
}

extension Node where Context == HTML.LabelContext {
    static func `for`(_ target: String) -> Node { AttributeText.node("for", target) }
}

extension Attribute where Context == HTML.InputContext {
    static func placeholder(_ placeholder: String) -> Attribute { AttributeText.attribute("placeholder", placeholder) }
}

extension Node where Context == HTML.TextAreaContext {
    static func placeholder(_ placeholder: String) -> Node { AttributeText.node("placeholder", placeholder) }
}

extension Attribute where Context == HTML.OptionContext {
    static func label(_ label: String) -> Attribute { AttributeText.attribute("label", label, ignoreIfValueIsEmpty: false) }
}

extension Attribute where Context == HTML.MetaContext {
    static func content(_ content: String) -> Attribute { AttributeText.attribute("content", content) }
}

extension Attribute where Context == HTML.ImageContext {
    static func alt(_ text: String) -> Attribute { AttributeText.attribute("alt", text) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { AttributeText.node("aria-label", label) }
}
