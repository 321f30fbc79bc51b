import SimpulCore

/// Field errors turned into sentences for one form, with the form's own labels.
struct FormErrors {
    private let messages: [(field: String, text: String)]

    init(_ errors: FieldErrors = FieldErrors(), labels: [String: String], _ l: L10n) {
        messages = errors.items.map { item in
            (item.field, l.issue(item.issue, label: labels[item.field] ?? item.field))
        }
    }

    subscript(field: String) -> String? { messages.first { $0.field == field }?.text }
    var all: [String] { messages.map(\.text) }
}
