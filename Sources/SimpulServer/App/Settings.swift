import Foundation
import SimpulPlatforms
import Logging

/// Every setting Simpul reads from its environment, read in this one place. Development gets
/// working defaults; production refuses to start until each missing secret is given.
public struct Settings: Sendable {
    public enum Mode: String, Sendable { case development, testing, production }

    public var mode: Mode
    public var databaseURL: String?
    public var sqlitePath: String
    public var secretKey: String
    public var baseURL: String
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    public var autoMigrate: Bool
    public var sessionIdleMinutes: Int
    public var sessionMaxHours: Int
    public var bcryptCost: Int
    public var trustForwardedFor: Bool
    /// `simpul serve` also runs the background workers (polling); turn off to scale web and
    /// workers separately.
    public var runWorkers: Bool
    /// Jobs one process runs at once (publishing calls wait mostly on the platform).
    public var jobConcurrency: Int
    /// Where uploaded media files are kept (one folder per tenant).
    public var mediaDirectory: String
    /// Where the platforms' APIs are: their public hosts unless a proxy (or a test's fake
    /// platform) stands in between.
    public var platformEndpoints: PlatformEndpoints
    /// The mail server alerts are e-mailed through; nil leaves e-mail off.
    public var smtp: SMTPSettings?
    /// News feeds on loopback, private or link-local addresses are refused unless this is set
    /// (a feed server on the government's own network, or a test's fake server).
    public var feedsAllowInternalAddresses: Bool = false

    public var usesPostgres: Bool { databaseURL != nil }
    public var secureCookies: Bool { baseURL.lowercased().hasPrefix("https://") }

    /// The development secret: good enough on a laptop, refused in production.
    static let developmentSecret = "simpul-development-secret-key-do-not-use-in-production"

    public struct Missing: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String {
            "Simpul tidak dapat dimulai dalam mode production. Perbaiki variabel berikut:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> Settings {
        func value(_ key: String) -> String? {
            guard let raw = env[key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        var problems: [String] = []
        let modeText = value("SIMPUL_ENV") ?? "development"
        guard let mode = Mode(rawValue: modeText) else {
            throw Missing(problems: ["SIMPUL_ENV harus development, testing atau production (sekarang: \(modeText))"])
        }
        let production = mode == .production

        let secret = value("SIMPUL_SECRET_KEY")
        if production {
            if secret == nil { problems.append("SIMPUL_SECRET_KEY belum diisi (minimal 32 karakter acak)") }
            else if secret!.count < 32 { problems.append("SIMPUL_SECRET_KEY terlalu pendek (minimal 32 karakter)") }
            if value("SIMPUL_BASE_URL") == nil { problems.append("SIMPUL_BASE_URL belum diisi (mis. https://medsos.kotaanda.go.id)") }
        }
        let port = Int(value("SIMPUL_PORT") ?? "8080")
        if port == nil || !(1...65535).contains(port!) { problems.append("SIMPUL_PORT harus angka 1–65535") }
        let levelText = value("SIMPUL_LOG_LEVEL") ?? (production ? "info" : "info")
        let level = Logger.Level(rawValue: levelText)
        if level == nil { problems.append("SIMPUL_LOG_LEVEL tidak dikenal: \(levelText) (trace, debug, info, notice, warning, error, critical)") }
        let idle = Int(value("SIMPUL_SESSION_IDLE_MINUTES") ?? "480")
        if idle == nil || idle! < 1 { problems.append("SIMPUL_SESSION_IDLE_MINUTES harus angka positif") }
        let maxHours = Int(value("SIMPUL_SESSION_MAX_HOURS") ?? "24")
        if maxHours == nil || maxHours! < 1 { problems.append("SIMPUL_SESSION_MAX_HOURS harus angka positif") }
        let cost = Int(value("SIMPUL_BCRYPT_COST") ?? "12")
        if cost == nil || !(4...31).contains(cost!) { problems.append("SIMPUL_BCRYPT_COST harus angka 4–31") }
        if let url = value("DATABASE_URL"), !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")) {
            problems.append("DATABASE_URL harus berupa URL PostgreSQL (postgres://user:pass@host:5432/db)")
        }
        let jobConcurrency = Int(value("SIMPUL_JOB_CONCURRENCY") ?? "8")
        if jobConcurrency == nil || !(1...64).contains(jobConcurrency!) { problems.append("SIMPUL_JOB_CONCURRENCY harus angka 1–64") }
        var endpoints = PlatformEndpoints()
        func url(_ key: String, _ keyPath: WritableKeyPath<PlatformEndpoints, URL>) {
            guard let text = value(key) else { return }
            if let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
                endpoints[keyPath: keyPath] = url
            } else {
                problems.append("\(key) harus URL http(s) lengkap (sekarang: \(text))")
            }
        }
        url("SIMPUL_GRAPH_URL", \.graphBaseURL)
        url("SIMPUL_X_API_URL", \.xBaseURL)
        url("SIMPUL_YOUTUBE_API_URL", \.youtubeBaseURL)
        url("SIMPUL_TIKTOK_API_URL", \.tiktokBaseURL)
        if let version = value("SIMPUL_GRAPH_VERSION") {
            if version.range(of: #"^v\d+\.\d+$"#, options: .regularExpression) != nil { endpoints.graphVersion = version }
            else { problems.append("SIMPUL_GRAPH_VERSION harus seperti v21.0 (sekarang: \(version))") }
        }
        let smtp = SMTPSettings.fromEnvironment(value, problems: &problems)
        if !problems.isEmpty { throw Missing(problems: problems) }

        let host = value("SIMPUL_HOST") ?? "127.0.0.1"
        return Settings(
            mode: mode,
            databaseURL: value("DATABASE_URL"),
            sqlitePath: value("SIMPUL_SQLITE_PATH") ?? "data/simpul.sqlite",
            secretKey: secret ?? developmentSecret,
            baseURL: value("SIMPUL_BASE_URL") ?? "http://\(host):\(port!)",
            host: host,
            port: port!,
            logLevel: level!,
            autoMigrate: (value("SIMPUL_AUTO_MIGRATE") ?? (production ? "false" : "true")) == "true",
            sessionIdleMinutes: idle!,
            sessionMaxHours: maxHours!,
            bcryptCost: cost!,
            trustForwardedFor: value("SIMPUL_TRUST_FORWARDED_FOR") == "true",
            runWorkers: value("SIMPUL_WORKERS") != "false",
            jobConcurrency: jobConcurrency!,
            mediaDirectory: value("SIMPUL_MEDIA_DIR") ?? "data/media",
            platformEndpoints: endpoints,
            smtp: smtp,
            feedsAllowInternalAddresses: value("SIMPUL_FEEDS_ALLOW_INTERNAL") == "true"
        )
    }
}
