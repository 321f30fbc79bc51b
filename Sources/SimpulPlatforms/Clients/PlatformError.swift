import Foundation

/// Why a platform call failed, in the five cases the server treats differently.
/// Errors thrown by the connectors never contain the account's access token, app secret or
/// appsecret_proof: they are replaced by "[redacted]" (ErrorClassifier alone cannot know them).
public enum PlatformError: Error, Equatable, Sendable {
    /// Too many calls. Not retried in-process: the caller pauses the account until `until`
    /// (nil when the platform did not say). Meta codes 4, 17, 32, 613, 80000–80014 and
    /// WhatsApp throughput codes; X 429 or v1.1 code 88; YouTube quotaExceeded and
    /// rateLimitExceeded; TikTok rate_limit_exceeded.
    case rateLimited(until: Date?, detail: String)
    /// The token is expired, revoked or wrong, or a credential is missing: the account needs
    /// reconnecting. Never retried.
    case authInvalid(detail: String)
    /// Worth retrying: 5xx, transport failures and timeouts (status 0), Meta `is_transient`
    /// or codes 1 and 2.
    case transient(status: Int, detail: String)
    /// The platform refused this request (bad request, permission, not found, policy).
    /// Status 0 means Simpul refused it before sending (e.g. an empty id).
    case rejected(status: Int, code: String?, detail: String)
    /// A 2xx whose body is not what the platform documents.
    case invalidResponse(detail: String)

    public var detail: String {
        switch self {
        case .rateLimited(_, let detail), .authInvalid(let detail), .transient(_, let detail),
             .rejected(_, _, let detail), .invalidResponse(let detail):
            detail
        }
    }

    /// The same error with each secret replaced by "[redacted]" and the detail kept short.
    func redacting(_ secrets: [String]) -> PlatformError {
        func clean(_ text: String) -> String {
            var text = text
            for secret in secrets where secret.count >= 4 {
                text = text.replacingOccurrences(of: secret, with: "[redacted]")
            }
            if text.count > 600 { text = String(text.prefix(600)) + "…" }
            return text
        }
        switch self {
        case .rateLimited(let until, let detail): return .rateLimited(until: until, detail: clean(detail))
        case .authInvalid(let detail): return .authInvalid(detail: clean(detail))
        case .transient(let status, let detail): return .transient(status: status, detail: clean(detail))
        case .rejected(let status, let code, let detail): return .rejected(status: status, code: code, detail: clean(detail))
        case .invalidResponse(let detail): return .invalidResponse(detail: clean(detail))
        }
    }
}

/// Turns a platform response into a `PlatformError`, or nil when it is a success.
/// `now` dates relative rate-limit hints (Retry-After seconds, Meta's minutes-to-regain).
public enum ErrorClassifier {
    // MARK: Meta (Graph API, Instagram, WhatsApp Cloud API)

    /// Codes meaning "throttled": app/user/page limits and the Business Use Case family.
    static let metaRateLimitCodes: Set<Int> = Set([4, 17, 32, 613])
        .union(80000...80014)
        // WhatsApp Cloud API: throughput, spam and pair rate limits.
        .union([130429, 131048, 131056])
    /// Codes meaning the token or session is no good. 0 is WhatsApp's AuthException.
    static let metaAuthCodes: Set<Int> = [0, 102, 190, 463, 467]
    /// Codes Meta documents as temporary: unknown error, service down, WhatsApp
    /// "something went wrong", "service unavailable", "server temporarily unavailable".
    static let metaTransientCodes: Set<Int> = [1, 2, 131000, 131016, 133004]

    /// Meta error body: `{"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}}`.
    /// A 2xx carrying an `error` object is classified too.
    public static func meta(_ response: HTTPResponseSpec, now: Date) -> PlatformError? {
        let json = JSONValue.parseIfJSON(response.body)
        let success = (200..<300).contains(response.status)
        guard let error = json?["error"], error.isObject else {
            return success ? nil : byStatus(response, now: now, service: "Meta")
        }
        let code = error["code"]?.int
        let subcode = error["error_subcode"]?.int
        var facts: [String] = []
        if let code { facts.append("code \(code)") }
        if let subcode { facts.append("subcode \(subcode)") }
        if let type = error["type"]?.string { facts.append(type) }
        if let trace = error["fbtrace_id"]?.string { facts.append("fbtrace \(trace)") }
        let message = error["message"]?.string ?? error["error_user_msg"]?.string ?? ""
        let detail = "Meta error (\(facts.joined(separator: ", "))): \(message)"
        let status = response.status

        if let code, metaRateLimitCodes.contains(code) {
            return .rateLimited(until: metaRegainTime(response, now: now) ?? retryAfter(response, now: now), detail: detail)
        }
        if let code, metaAuthCodes.contains(code) {
            return .authInvalid(detail: detail)
        }
        if error["is_transient"]?.bool == true || code.map(metaTransientCodes.contains) == true {
            return .transient(status: status, detail: detail)
        }
        switch status {
        case 500...: return .transient(status: status, detail: detail)
        case 401: return .authInvalid(detail: detail)
        case 429: return .rateLimited(until: retryAfter(response, now: now), detail: detail)
        default: return .rejected(status: status, code: code.map(String.init) ?? error["code"]?.string, detail: detail)
        }
    }

    /// `X-Business-Use-Case-Usage: {"<id>":[{"type":"pages","estimated_time_to_regain_access":19,…}]}`
    /// gives minutes until calls are accepted again.
    static func metaRegainTime(_ response: HTTPResponseSpec, now: Date) -> Date? {
        var minutes = 0
        for name in ["X-Business-Use-Case-Usage", "X-Ad-Account-Usage"] {
            guard let header = response.header(name), let json = JSONValue.parseIfJSON(Data(header.utf8)) else { continue }
            if case .object(let byBusiness) = json {
                for entry in byBusiness.values.flatMap({ $0.array ?? [$0] }) {
                    minutes = max(minutes, entry["estimated_time_to_regain_access"]?.int ?? 0)
                }
            }
        }
        return minutes > 0 ? now.addingTimeInterval(TimeInterval(minutes * 60)) : nil
    }

    // MARK: X API v2

    static let xRateLimitCodes: Set<Int> = [88, 185]
    static let xAuthCodes: Set<Int> = [32, 89, 99, 135, 215]
    static let xTransientCodes: Set<Int> = [130, 131]

    /// Both body shapes: v2 problem JSON (`title`, `detail`, `type`, `status`, optional
    /// `errors[].message`) and v1.1-style `{"errors":[{"code":88,"message":…}]}`.
    /// 2xx is success even with partial `errors` next to `data`.
    public static func x(_ response: HTTPResponseSpec, now: Date) -> PlatformError? {
        let status = response.status
        guard !(200..<300).contains(status) else { return nil }
        guard let json = JSONValue.parseIfJSON(response.body), json.isObject else {
            if status == 429 { return .rateLimited(until: xResetTime(response, now: now), detail: "X HTTP 429") }
            return byStatus(response, now: now, service: "X")
        }
        let errors = json["errors"]?.array ?? []
        let v1Codes = errors.compactMap { $0["code"]?.int }
        let problemType = json["type"]?.string
        var parts: [String] = []
        if let title = json["title"]?.string { parts.append(title) }
        if let text = json["detail"]?.string, text != json["title"]?.string { parts.append(text) }
        for error in errors.prefix(3) {
            let message = error["message"]?.string ?? error["detail"]?.string
            if let message, !parts.contains(message) {
                parts.append(error["code"]?.int.map { "\(message) (code \($0))" } ?? message)
            }
        }
        let detail = "X HTTP \(status): " + (parts.isEmpty ? "no detail" : parts.joined(separator: "; "))

        // "https://api.twitter.com/2/problems/usage-capped" → "usage-capped"; "about:blank" says nothing.
        let typeName = problemType.flatMap { $0 == "about:blank" ? nil : $0.split(separator: "/").last.map(String.init) }
        if status == 429 || v1Codes.contains(where: xRateLimitCodes.contains) || typeName == "usage-capped" {
            return .rateLimited(until: xResetTime(response, now: now), detail: detail)
        }
        if status == 401 || v1Codes.contains(where: xAuthCodes.contains) {
            return .authInvalid(detail: detail)
        }
        if status >= 500 || status == 408 || v1Codes.contains(where: xTransientCodes.contains) {
            return .transient(status: status, detail: detail)
        }
        let code = typeName ?? v1Codes.first.map(String.init) ?? errors.first?["type"]?.string
        return .rejected(status: status, code: code, detail: detail)
    }

    /// `x-rate-limit-reset` (unix seconds) for the 15-minute window; the 24-hour user or app
    /// reset when that limit is the one used up; `Retry-After` otherwise. The latest wins.
    static func xResetTime(_ response: HTTPResponseSpec, now: Date) -> Date? {
        var resets: [Date] = []
        func epoch(_ name: String) -> Date? {
            response.header(name).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map(Date.init(timeIntervalSince1970:))
        }
        if let reset = epoch("x-rate-limit-reset") { resets.append(reset) }
        for scope in ["user", "app"] where response.header("x-\(scope)-limit-24hour-remaining")?.trimmingCharacters(in: .whitespaces) == "0" {
            if let reset = epoch("x-\(scope)-limit-24hour-reset") { resets.append(reset) }
        }
        return resets.max() ?? retryAfter(response, now: now)
    }

    // MARK: YouTube Data API v3 (Google JSON errors)

    static let youtubeQuotaReasons: Set<String> = ["quotaExceeded", "dailyLimitExceeded"]
    static let youtubeRateReasons: Set<String> = ["rateLimitExceeded", "userRateLimitExceeded"]
    static let youtubeAuthReasons: Set<String> = ["authError", "unauthorized", "expired"]
    static let youtubeTransientReasons: Set<String> = ["backendError", "internalError", "serviceUnavailable"]

    /// `{"error":{"code":403,"message":…,"errors":[{"domain":"youtube.quota","reason":"quotaExceeded",…}],"status":"PERMISSION_DENIED"}}`.
    /// Daily quota errors end at the next midnight Pacific Time, when Google resets quotas.
    public static func youtube(_ response: HTTPResponseSpec, now: Date) -> PlatformError? {
        let status = response.status
        guard !(200..<300).contains(status) else { return nil }
        guard let error = JSONValue.parseIfJSON(response.body)?["error"], error.isObject else {
            return byStatus(response, now: now, service: "YouTube")
        }
        let reasons = (error["errors"]?.array ?? []).compactMap { $0["reason"]?.string }
        let message = error["message"]?.string ?? ""
        var facts = reasons
        if let google = error["status"]?.string { facts.append(google) }
        let detail = "YouTube HTTP \(status) (\(facts.joined(separator: ", "))): \(message)"

        if reasons.contains(where: youtubeQuotaReasons.contains) {
            return .rateLimited(until: nextPacificMidnight(after: now), detail: detail)
        }
        if reasons.contains(where: youtubeRateReasons.contains) || status == 429 {
            return .rateLimited(until: retryAfter(response, now: now), detail: detail)
        }
        if status == 401 || reasons.contains(where: youtubeAuthReasons.contains) {
            return .authInvalid(detail: detail)
        }
        if status >= 500 || status == 408 || reasons.contains(where: youtubeTransientReasons.contains) {
            return .transient(status: status, detail: detail)
        }
        return .rejected(status: status, code: reasons.first ?? error["status"]?.string, detail: detail)
    }

    static func nextPacificMidnight(after now: Date) -> Date? {
        guard let zone = TimeZone(identifier: "America/Los_Angeles") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))
    }

    // MARK: TikTok API v2

    static let tiktokAuthCodes: Set<String> = ["access_token_invalid", "scope_not_authorized", "invalid_token", "token_expired"]
    static let tiktokRateCodes: Set<String> = ["rate_limit_exceeded", "spam_risk_too_many_posts", "spam_risk_too_many_pending_share"]
    static let tiktokTransientCodes: Set<String> = ["internal_error", "server_error", "temporarily_unavailable"]

    /// `{"data":…,"error":{"code":"ok"|"access_token_invalid"|…,"message":…,"log_id":…}}`;
    /// code "ok" is success. OAuth endpoints use `{"error":"invalid_request","error_description":…}`.
    public static func tiktok(_ response: HTTPResponseSpec, now: Date) -> PlatformError? {
        let status = response.status
        let success = (200..<300).contains(status)
        let json = JSONValue.parseIfJSON(response.body)
        let error = json?["error"]
        let code = error?["code"]?.string ?? error?.string
        guard let code, code != "ok" else {
            return success ? nil : byStatus(response, now: now, service: "TikTok")
        }
        let message = error?["message"]?.string ?? json?["error_description"]?.string ?? ""
        let logID = (error?["log_id"] ?? json?["log_id"])?.string
        let detail = "TikTok HTTP \(status) \(code)" + (logID.map { " (log_id \($0))" } ?? "") + (message.isEmpty ? "" : ": \(message)")

        if tiktokRateCodes.contains(code) || status == 429 {
            return .rateLimited(until: retryAfter(response, now: now), detail: detail)
        }
        if tiktokAuthCodes.contains(code) || status == 401 {
            return .authInvalid(detail: detail)
        }
        if tiktokTransientCodes.contains(code) || status >= 500 {
            return .transient(status: status, detail: detail)
        }
        return .rejected(status: status, code: code, detail: detail)
    }

    // MARK: Shared

    /// A non-2xx with no recognisable error body.
    static func byStatus(_ response: HTTPResponseSpec, now: Date, service: String) -> PlatformError {
        let status = response.status
        let snippet = String(decoding: response.body.prefix(200), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = "\(service) HTTP \(status)" + (snippet.isEmpty ? "" : ": \(snippet)")
        switch status {
        case 401: return .authInvalid(detail: detail)
        case 429: return .rateLimited(until: retryAfter(response, now: now), detail: detail)
        case 408, 500...: return .transient(status: status, detail: detail)
        default: return .rejected(status: status, code: nil, detail: detail)
        }
    }

    /// `Retry-After` as delay seconds or an HTTP date.
    static func retryAfter(_ response: HTTPResponseSpec, now: Date) -> Date? {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return now.addingTimeInterval(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value)
    }
}
