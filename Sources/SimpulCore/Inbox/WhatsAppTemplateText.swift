/// A WhatsApp message template as Meta approves it: a name, a language and a body whose
/// variables are numbered `{{1}}`, `{{2}}`, … Outside the 24-hour customer-service window only
/// such templates may be sent; the variables are the only part the sender chooses.
public enum WhatsAppTemplateText {
    public static let maxBody = 1_024
    public static let maxParameter = 1_024

    public enum Problem: Error, Equatable {
        /// Names are lower case letters, digits and underscores.
        case badName
        /// A language code such as "id" or "en_US".
        case badLanguage
        case emptyBody
        case bodyTooLong
        /// Variables must run {{1}}, {{2}}, … without gaps.
        case variablesOutOfOrder
        case wrongParameterCount(expected: Int)
        /// A parameter is empty, too long, or holds a line break, a tab or more than four spaces
        /// in a row, which Meta refuses.
        case badParameter(index: Int)
    }

    public static func validateName(_ name: String) throws(Problem) {
        guard !name.isEmpty, name.count <= 512, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            throw .badName
        }
    }

    public static func validateLanguage(_ code: String) throws(Problem) {
        let parts = code.split(separator: "_", omittingEmptySubsequences: false)
        let lower = parts.first.map { (2...3).contains($0.count) && $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } } ?? false
        let region = parts.count == 1 || (parts.count == 2 && parts[1].count == 2 && parts[1].unicodeScalars.allSatisfy { ("A"..."Z").contains($0) })
        guard lower, region else { throw .badLanguage }
    }

    /// The numbers of the body's variables, in order of appearance.
    static func variables(in body: String) -> [Int] {
        var found: [Int] = []
        var rest = Substring(body)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            if let number = Int(rest[open.upperBound..<close.lowerBound].trimmingWhitespace) { found.append(number) }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// How many parameters the body takes; its variables must be 1…n, each number used.
    public static func parameterCount(_ body: String) throws(Problem) -> Int {
        guard !body.trimmingWhitespace.isEmpty else { throw .emptyBody }
        guard body.count <= maxBody else { throw .bodyTooLong }
        let numbers = Set(variables(in: body))
        guard numbers == Set(numbers.isEmpty ? [] : Array(1...numbers.count)) else { throw .variablesOutOfOrder }
        return numbers.count
    }

    public static func validate(parameters: [String], for body: String) throws(Problem) {
        let expected = try parameterCount(body)
        guard parameters.count == expected else { throw .wrongParameterCount(expected: expected) }
        for (index, parameter) in parameters.enumerated() {
            let bad = parameter.trimmingWhitespace.isEmpty || parameter.count > maxParameter
                || parameter.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) || parameter.contains("     ")
            if bad { throw .badParameter(index: index + 1) }
        }
    }

    /// The text the resident will read: the body with each `{{n}}` replaced by parameter n.
    public static func render(_ body: String, parameters: [String]) -> String {
        var result = ""
        var rest = Substring(body)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let inside = rest[open.upperBound..<close.lowerBound]
            if let number = Int(inside.trimmingWhitespace), parameters.indices.contains(number - 1) {
                result += parameters[number - 1]
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
