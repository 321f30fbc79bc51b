/// How each platform spells an account's handle. Handles are stored without "@" and in lower
/// case so that "@DinkesKota" and "dinkeskota" are the same account.
public enum HandleRules {
    public static func normalise(_ raw: String, for platform: Platform) -> String {
        var value = Validators.trimmed(raw)
        if platform == .whatsapp {
            // People type the number as they know it ("0811 2345 678"); store it as +62….
            var ignored = FieldErrors()
            return Validators.phone(value, into: &ignored) ?? value
        }
        if value.hasPrefix("@") { value.removeFirst() }
        return platform == .youtube ? value : value.lowercased()
    }

    public static func maxLength(for platform: Platform) -> Int {
        switch platform {
        case .instagram: 30
        case .facebook: 50
        case .x: 15
        case .youtube: 100
        case .tiktok: 24
        case .whatsapp: 16
        }
    }

    public static func isValid(_ handle: String, for platform: Platform) -> Bool {
        guard !handle.isEmpty, handle.count <= maxLength(for: platform) else { return false }
        let scalars = handle.unicodeScalars
        func only(_ allowed: String) -> Bool { scalars.allSatisfy { $0.isASCII && allowed.unicodeScalars.contains($0) } }
        let lower = "abcdefghijklmnopqrstuvwxyz"
        let digits = "0123456789"
        switch platform {
        case .instagram, .tiktok:
            return only(lower + digits + "._") && !handle.hasSuffix(".")
        case .facebook:
            return only(lower + digits + ".") && handle.count >= 5
        case .x:
            return only(lower + digits + "_")
        case .youtube:
            // Channel handles ("@name") or channel ids ("UC…", 24 characters).
            return only(lower + lower.uppercased() + digits + "._-") && handle.count >= 3
        case .whatsapp:
            var errors = FieldErrors()
            return Validators.phone(handle, into: &errors) == handle && errors.isEmpty
        }
    }
}
