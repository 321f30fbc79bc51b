import Foundation

/// Field rules shared by the web forms, the API and CSV import, so all three agree.
public enum Validators {
    public static let nameMax = 120
    public static let emailMax = 254
    public static let passwordMin = 10
    /// bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused.
    public static let passwordMaxBytes = 72

    public static func trimmed(_ value: String?) -> String {
        (value ?? "").trimmingWhitespace
    }

    /// A required free-text field: present and not longer than `max` characters.
    public static func text(_ raw: String?, max: Int, field: String, into errors: inout FieldErrors) -> String {
        let value = trimmed(raw)
        if value.isEmpty { errors.add(field, .required) }
        else if value.count > max { errors.add(field, .tooLong(max: max)) }
        else if hasControlCharacters(value) { errors.add(field, .invalidCharacters) }
        return value
    }

    public static func optionalText(_ raw: String?, max: Int, field: String, into errors: inout FieldErrors) -> String? {
        let value = trimmed(raw)
        if value.isEmpty { return nil }
        if value.count > max { errors.add(field, .tooLong(max: max)) }
        else if hasControlCharacters(value) { errors.add(field, .invalidCharacters) }
        return value
    }

    public static func email(_ raw: String?, field: String = "email", into errors: inout FieldErrors) -> String {
        let value = trimmed(raw).lowercased()
        if value.isEmpty { errors.add(field, .required); return value }
        if value.count > emailMax { errors.add(field, .tooLong(max: emailMax)); return value }
        if !isEmail(value) { errors.add(field, .invalidEmail) }
        return value
    }

    public static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let local = parts[0], domain = parts[1]
        let localAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")
        guard local.unicodeScalars.allSatisfy(localAllowed.contains), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        let labelAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-")
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy(labelAllowed.contains)
        } && labels.last!.count >= 2
    }

    /// NIP: the 18-digit civil-servant number (birth date, appointment month, gender, sequence).
    public static func nip(_ raw: String?, field: String = "nip", into errors: inout FieldErrors) -> String? {
        let value = trimmed(raw).replacingOccurrences(of: " ", with: "")
        if value.isEmpty { return nil }
        guard value.count == 18, value.allSatisfy(\.isASCIIDigit) else {
            errors.add(field, .invalidNIP)
            return value
        }
        let digits = Array(value)
        let month = Int(String(digits[4...5])) ?? 0
        let day = Int(String(digits[6...7])) ?? 0
        let gender = digits[14]
        if !(1...12).contains(month) || !(1...31).contains(day) || !(gender == "1" || gender == "2") {
            errors.add(field, .invalidNIP)
        }
        return value
    }

    /// Indonesian phone numbers, stored as +62…; "0812…" and "62812…" are accepted as typed.
    public static func phone(_ raw: String?, field: String = "phone", required: Bool = false, into errors: inout FieldErrors) -> String? {
        let typed = trimmed(raw).filter { !" -().".contains($0) }
        if typed.isEmpty {
            if required { errors.add(field, .required) }
            return nil
        }
        var digits = typed
        if digits.hasPrefix("+") { digits.removeFirst() }
        guard digits.allSatisfy(\.isASCIIDigit) else { errors.add(field, .invalidPhone); return typed }
        if digits.hasPrefix("0") { digits = "62" + digits.dropFirst() }
        guard digits.hasPrefix("62"), (10...15).contains(digits.count) else {
            errors.add(field, .invalidPhone)
            return typed
        }
        return "+" + digits
    }

    /// A short code for a unit: capitals, digits and hyphens, as used on letterheads.
    public static func unitCode(_ raw: String?, field: String = "code", into errors: inout FieldErrors) -> String {
        let value = trimmed(raw).uppercased()
        if value.isEmpty { errors.add(field, .required); return value }
        if value.count > 20 { errors.add(field, .tooLong(max: 20)); return value }
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        if !value.unicodeScalars.allSatisfy(allowed.contains) || value.hasPrefix("-") { errors.add(field, .invalidCode) }
        return value
    }

    public static func password(_ raw: String?, field: String = "password", into errors: inout FieldErrors) -> String {
        let value = raw ?? ""
        if value.isEmpty { errors.add(field, .required) }
        else if value.count < passwordMin { errors.add(field, .tooShort(min: passwordMin)) }
        else if value.utf8.count > passwordMaxBytes { errors.add(field, .tooLong(max: passwordMaxBytes)) }
        // bcrypt stops reading at a NUL byte: "abc\0defghijk" would be checked as "abc".
        else if hasControlCharacters(value) { errors.add(field, .invalidCharacters) }
        return value
    }

    public static func choice<T: RawRepresentable & CaseIterable>(_ raw: String?, as type: T.Type, field: String, into errors: inout FieldErrors) -> T? where T.RawValue == String {
        let value = trimmed(raw)
        if value.isEmpty { errors.add(field, .required); return nil }
        guard let parsed = T(rawValue: value) else { errors.add(field, .invalidChoice); return nil }
        return parsed
    }

    /// NUL, newlines, escape codes and the like: never meant in a name, a handle or a password.
    public static func hasControlCharacters(_ value: String) -> Bool {
        value.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    public static func integer(_ raw: String?, field: String, range: ClosedRange<Int>, default defaultValue: Int, into errors: inout FieldErrors) -> Int {
        let value = trimmed(raw).replacingOccurrences(of: ".", with: "")
        if value.isEmpty { return defaultValue }
        guard let number = Int(value) else { errors.add(field, .notANumber); return defaultValue }
        guard range.contains(number) else { errors.add(field, .outOfRange(min: range.lowerBound, max: range.upperBound)); return defaultValue }
        return number
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
