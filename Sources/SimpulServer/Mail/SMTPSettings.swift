import Foundation

/// Where alert e-mail goes out: the tenant's own mail server, from `SIMPUL_SMTP_*`. No host, no
/// e-mail: alerts then stay in the app (and WhatsApp).
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, CaseIterable {
        /// Plain text; only for a relay on the same machine or network.
        case none
        /// Plain connection upgraded with STARTTLS before anything else is said (port 587).
        case starttls
        /// TLS from the first byte (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var fromAddress: String
    public var fromName: String
    public var timeout: TimeInterval
    /// Extra certificate authorities to trust (a government CA, or a test's self-signed one);
    /// nil: the system's.
    public var caFile: String?

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil, fromAddress: String,
                fromName: String = "Simpul", timeout: TimeInterval = 30, caFile: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.timeout = timeout
        self.caFile = caFile
    }

    /// nil when SIMPUL_SMTP_HOST is unset; each bad value is named in `problems`, in Indonesian,
    /// like the rest of the settings.
    static func fromEnvironment(_ value: (String) -> String?, problems: inout [String]) -> SMTPSettings? {
        guard let host = value("SIMPUL_SMTP_HOST") else { return nil }
        let securityText = value("SIMPUL_SMTP_SECURITY") ?? "starttls"
        let security = Security(rawValue: securityText.lowercased())
        if security == nil { problems.append("SIMPUL_SMTP_SECURITY harus none, starttls atau tls (sekarang: \(securityText))") }
        let defaultPort = security == .tls ? 465 : (security == SMTPSettings.Security.none ? 25 : 587)
        let port = Int(value("SIMPUL_SMTP_PORT") ?? String(defaultPort))
        if port == nil || !(1...65535).contains(port!) { problems.append("SIMPUL_SMTP_PORT harus angka 1–65535") }
        let from = value("SIMPUL_SMTP_FROM")
        if from == nil { problems.append("SIMPUL_SMTP_FROM belum diisi (alamat pengirim, mis. simpul@kotaanda.go.id)") }
        else if !MailAddress.isPlausible(from!) { problems.append("SIMPUL_SMTP_FROM bukan alamat e-mail (sekarang: \(from!))") }
        let timeout = Double(value("SIMPUL_SMTP_TIMEOUT_SECONDS") ?? "30")
        if timeout == nil || !(1...600).contains(timeout!) { problems.append("SIMPUL_SMTP_TIMEOUT_SECONDS harus angka 1–600") }
        let username = value("SIMPUL_SMTP_USERNAME"), password = value("SIMPUL_SMTP_PASSWORD")
        if (username == nil) != (password == nil) { problems.append("SIMPUL_SMTP_USERNAME dan SIMPUL_SMTP_PASSWORD diisi berdua atau tidak sama sekali") }
        let caFile = value("SIMPUL_SMTP_CA_FILE")
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) { problems.append("SIMPUL_SMTP_CA_FILE tidak dapat dibaca: \(caFile)") }
        guard let security, let port, let from, let timeout else { return nil }
        return SMTPSettings(host: host, port: port, security: security, username: username, password: password, fromAddress: from,
                            fromName: value("SIMPUL_SMTP_FROM_NAME") ?? "Simpul", timeout: timeout, caFile: caFile)
    }
}

extension SMTPSettings: CustomStringConvertible {
    /// For logs: everything but the password.
    public var description: String {
        "smtp://\(username.map { $0 + "@" } ?? "")\(host):\(port) (\(security.rawValue)) from \(fromAddress)"
    }
}

enum MailAddress {
    /// One address as SMTP carries it: local@domain, no spaces, no angle brackets, no line breaks.
    /// Not the whole of RFC 5321, just enough that nothing typed can break the envelope.
    static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), address.count <= 254 else { return false }
        return address.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && !"<>()[],;:\\\"".unicodeScalars.contains($0) }
    }
}
