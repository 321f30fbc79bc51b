import Foundation

/// A variant's own fields as a person typed them: empty means "as the item says".
public struct VariantFields: Sendable, Equatable {
    public var text: String?
    public var link: String?
    public var hashtags: [String]
    public var firstComment: String?
    public var title: String?

    /// What the compliance guard checks at most; longer posts (Facebook takes 63,206) could not be checked.
    public static let maxText = TextInputProblem.maxLength
    public static let maxHashtags = 30
    public static let maxTitle = 100
    public static let maxFirstComment = 2_200

    /// Checks and tidies the typed fields: hashtags split on spaces and commas with their '#'
    /// dropped, links only as full http(s) addresses.
    public static func check(text: String?, link: String?, hashtags: String?, firstComment: String?, title: String?) -> Result<VariantFields, FieldErrorsBox> {
        var errors = FieldErrors()
        let text = postText(text, max: maxText, field: "text", into: &errors)
        let firstComment = postText(firstComment, max: maxFirstComment, field: "first_comment", into: &errors)
        let title = Validators.optionalText(title, max: maxTitle, field: "title", into: &errors)
        var cleanLink: String?
        let typedLink = Validators.trimmed(link)
        if !typedLink.isEmpty {
            if let url = URL(string: typedLink), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.contains(".") == true,
               typedLink.count <= 2_000, !typedLink.contains(where: { $0.isWhitespace }) {
                cleanLink = typedLink
            } else {
                errors.add("link", .invalidLink)
            }
        }
        let tags = (hashtags ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .map { $0.hasPrefix("#") ? String($0.dropFirst()) : String($0) }.filter { !$0.isEmpty }
        if tags.count > maxHashtags { errors.add("hashtags", .tooMany(max: maxHashtags)) }
        if tags.contains(where: { tag in tag.count > 100 || !tag.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" } }) {
            errors.add("hashtags", .invalidCharacters)
        }
        guard errors.isEmpty else { return .failure(FieldErrorsBox(errors)) }
        // A hashtag given twice is posted once.
        var seen = Set<String>()
        return .success(VariantFields(text: text, link: cleanLink, hashtags: tags.filter { seen.insert($0.lowercased()).inserted },
                                      firstComment: firstComment, title: title))
    }

    /// Post text keeps its line breaks; other control characters are refused.
    static func postText(_ raw: String?, max: Int, field: String, into errors: inout FieldErrors) -> String? {
        let value = Validators.trimmed(raw)
        if value.isEmpty { return nil }
        if value.unicodeScalars.count > max { errors.add(field, .tooLong(max: max)) }
        else if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }) {
            errors.add(field, .invalidCharacters)
        }
        return value
    }
}
