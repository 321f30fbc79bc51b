import Foundation

/// Links to every page, built in one place so a moved route cannot leave a dead link behind.
enum Paths {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let stylesheet = "/static/app.css"
    static let script = "/static/app.js"
    static let profile = "/profile"
    static let profilePassword = "/profile/password"
    static let profileTokens = "/profile/tokens"
    static func revokeToken(_ id: UUID) -> String { "/profile/tokens/\(id)/revoke" }

    static let units = "/units"
    static let newUnit = "/units/new"
    static func unit(_ id: UUID) -> String { "/units/\(id)" }
    static func editUnit(_ id: UUID) -> String { "/units/\(id)/edit" }
    static func deactivateUnit(_ id: UUID) -> String { "/units/\(id)/deactivate" }
    static func reactivateUnit(_ id: UUID) -> String { "/units/\(id)/reactivate" }

    static let accounts = "/accounts"
    static let accountsCSV = "/accounts.csv"
    static let newAccount = "/accounts/new"
    static let importAccounts = "/accounts/import"
    static func account(_ id: UUID) -> String { "/accounts/\(id)" }
    static func editAccount(_ id: UUID) -> String { "/accounts/\(id)/edit" }
    static func deactivateAccount(_ id: UUID) -> String { "/accounts/\(id)/deactivate" }
    static func reactivateAccount(_ id: UUID) -> String { "/accounts/\(id)/reactivate" }
    static func connection(_ id: UUID) -> String { "/accounts/\(id)/connection" }
    static func testConnection(_ id: UUID) -> String { "/accounts/\(id)/connection/test" }

    static let users = "/users"
    static let newUser = "/users/new"
    static func user(_ id: UUID) -> String { "/users/\(id)" }
    static func editUser(_ id: UUID) -> String { "/users/\(id)/edit" }
    static func userRoles(_ id: UUID) -> String { "/users/\(id)/roles" }
    static func removeRole(_ id: UUID, _ membership: UUID) -> String { "/users/\(id)/roles/\(membership)/delete" }
    static func deactivateUser(_ id: UUID) -> String { "/users/\(id)/deactivate" }
    static func reactivateUser(_ id: UUID) -> String { "/users/\(id)/reactivate" }
    static func resetPassword(_ id: UUID) -> String { "/users/\(id)/reset-password" }

    static let audit = "/audit"
    static let slaSettings = "/settings/sla"

    static let inbox = "/inbox"
    static func thread(_ id: UUID) -> String { "/inbox/\(id)" }
    static let savedReplies = "/inbox/saved-replies"
    static let inboxBulk = "/inbox/bulk"
    static let serviceReport = "/inbox/report"
    static let templates = "/inbox/templates"
    static func deleteTemplate(_ id: UUID) -> String { "/inbox/templates/\(id)/delete" }
    static let routing = "/inbox/routing"
    static func deleteRouting(_ id: UUID) -> String { "/inbox/routing/\(id)/delete" }
    static func deleteSavedReply(_ id: UUID) -> String { "/inbox/saved-replies/\(id)/delete" }
    static func notes(_ id: UUID) -> String { "/inbox/\(id)/notes" }
    static func triage(_ id: UUID) -> String { "/inbox/\(id)/triage" }
    static func tags(_ id: UUID) -> String { "/inbox/\(id)/tags" }
    static func presence(_ id: UUID) -> String { "/inbox/\(id)/presence" }
    static func removeTag(_ id: UUID) -> String { "/inbox/\(id)/tags/remove" }
    static func replies(_ id: UUID) -> String { "/inbox/\(id)/replies" }
    static func retryReply(_ id: UUID, _ reply: UUID) -> String { "/inbox/\(id)/replies/\(reply)/retry" }

    static let findings = "/compliance/findings"
    static let findingsCSV = "/compliance/findings.csv"
    static func finding(_ id: UUID) -> String { "/compliance/findings/\(id)" }
    static func reviewFinding(_ id: UUID) -> String { "/compliance/findings/\(id)/review" }
    static let checker = "/compliance/check"
    static let rulePacks = "/compliance/packs"
    static func rulePack(_ id: String) -> String { "/compliance/packs/\(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-", ".", "_"])) ?? id)" }
    static func togglePack(_ id: String) -> String { rulePack(id) + "/toggle" }
    static let newTenantPack = "/compliance/tenant-packs/new"
    static let tenantPacks = "/compliance/tenant-packs"
    static func tenantPack(_ id: UUID) -> String { "/compliance/tenant-packs/\(id)" }
    static func editTenantPack(_ id: UUID) -> String { "/compliance/tenant-packs/\(id)/edit" }
    static func deleteTenantPack(_ id: UUID) -> String { "/compliance/tenant-packs/\(id)/delete" }
    static let elections = "/compliance/elections"
    static let newElection = "/compliance/elections/new"
    static func election(_ id: UUID) -> String { "/compliance/elections/\(id)" }
    static func editElection(_ id: UUID) -> String { "/compliance/elections/\(id)/edit" }
    static func deleteElection(_ id: UUID) -> String { "/compliance/elections/\(id)/delete" }
    static func deleteAllowListEntry(_ id: UUID) -> String { "/compliance/allowlist/\(id)/delete" }

    static let content = "/content"
    static let notifications = "/notifications"
    static let staffAccounts = "/amplification/staff"
    static let amplification = "/amplification"
    static let myAmplification = "/amplification/mine"
    static let newAmplification = "/amplification/new"
    static func amplificationTask(_ id: UUID) -> String { "/amplification/\(id)" }
    static func amplificationCSV(_ id: UUID) -> String { "/amplification/\(id)/csv" }
    static func amplificationProof(_ id: UUID) -> String { "/amplification/\(id)/proof" }
    static let contentCalendar = "/content/calendar"
    static let mediaLibrary = "/content/media"
    static let failedContent = "/content/failed"
    static let approvals = "/approvals"
    static let contentSettings = "/settings/content"
    static let newContent = "/content/new"
    static func contentItem(_ id: UUID) -> String { "/content/\(id)" }
    static func submitContent(_ id: UUID) -> String { "/content/\(id)/submit" }
    static func contentAction(_ id: UUID, _ action: String) -> String { "/content/\(id)/\(action)" }
    static func contentVariant(_ item: UUID, _ variant: UUID) -> String { "/content/\(item)/variants/\(variant)" }

    static func language(_ language: Language, next: String) -> String {
        "/lang/\(language.rawValue)?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")"
    }

    static func isCompliance(_ path: String) -> Bool {
        path.hasPrefix("/compliance")
    }

    static func isSettings(_ path: String) -> Bool {
        [units, accounts, users, audit, slaSettings, contentSettings].contains { path.hasPrefix($0) }
    }

    /// Only a path on this site may be a redirect target: one "/" followed by anything but a
    /// second "/" or a backslash. "//evil.example", "/\\evil" and "https://…" are not, and neither is
    /// any text with a control character, since browsers drop tabs and line breaks from an
    /// address before reading it ("/\t/evil" becomes "//evil").
    static func safeLocal(_ candidate: String?) -> String {
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
