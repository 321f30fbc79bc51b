import Foundation

/// Questions about a local path: which section of the navigation it belongs to, and whether it
/// may be followed as a redirect.
enum LocalPath {
    static func isCompliance(_ path: String) -> Bool {
        path.hasPrefix("/compliance")
    }

    static func isSettings(_ path: String) -> Bool {
        [SiteRoute.units, .accounts, .users, .audit, .slaSettings, .contentSettings].contains { path.hasPrefix($0.path) }
    }

    /// Only a path on this site may be a redirect target: one "/" followed by anything but a
    /// second "/" or a backslash. "//evil.example", "/\\evil" and "https://…" are not, and neither is
    /// any text with a control character, since browsers drop tabs and line breaks from an
    /// address before reading it ("/\t/evil" becomes "//evil").
    static func safeLocal(_ candidate: String?) -> String {
        let home = SiteRoute.home.path
        guard let candidate, candidate.first == "/",
              !candidate.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control }) else { return home }
        let second = candidate.dropFirst().first
        guard second != "/" else { return home }
        return candidate
    }

    /// The page a form was sent from, as a local path and query, when it is `path`: the
    /// Referer's scheme and host are the sender's to choose, so they are never followed.
    static func localReferer(_ header: String?, path: String) -> String? {
        guard let header, let components = URLComponents(string: header), components.path == path else { return nil }
        let local = components.percentEncodedQuery.map { path + "?" + $0 } ?? path
        let safe = safeLocal(local)
        return safe == local ? safe : nil
    }
}
