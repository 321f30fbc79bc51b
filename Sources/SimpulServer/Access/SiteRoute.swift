import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Every route of Simpul as one value. The route table registers each case (its method, path,
/// surface and requirement) and pages build their links from the same case, so a link and the
/// route it points at cannot drift apart. Values carried by a case fill the path's parameters.
enum SiteRoute: Hashable, Sendable {
    // System: no identity.
    case healthz, readyz, metrics, stylesheet, script
    case webhookVerify(format: String, tenant: String)
    case webhookReceive(PayloadFormat, tenant: String)
    case mediaFile(tenant: UUID, key: String)

    // Sign-in, language and profile.
    case loginForm, login, logout
    case language(Language)
    case profile, changePassword, createToken
    case revokeToken(UUID)
    case home

    // Units.
    case units, newUnit, createUnit
    case editUnit(UUID), updateUnit(UUID), deactivateUnit(UUID), reactivateUnit(UUID)
    case apiUnits, apiCreateUnit
    case apiUnit(UUID), apiUpdateUnit(UUID)

    // Accounts.
    case accounts, accountsCSV, newAccount, createAccount, importAccountsForm, importAccounts
    case account(UUID), editAccount(UUID), updateAccount(UUID), deactivateAccount(UUID), reactivateAccount(UUID)
    case connection(UUID), saveConnection(UUID), testConnection(UUID)
    case apiAccounts, apiCreateAccount
    case apiAccount(UUID), apiUpdateAccount(UUID)

    // Users.
    case users, newUser, createUser
    case user(UUID), editUser(UUID), updateUser(UUID), addRole(UUID), deactivateUser(UUID), reactivateUser(UUID), resetPassword(UUID)
    case removeRole(UUID, membership: UUID)
    case apiUsers, apiCreateUser
    case apiUser(UUID), apiUpdateUser(UUID)

    // Audit and settings.
    case audit, slaSettings, updateSLA

    // Inbox.
    case inbox, inboxEvents, apiInbox, inboxBulk, serviceReport
    case thread(UUID), addNote(UUID), reply(UUID), presence(UUID), tag(UUID), untag(UUID), triage(UUID)
    case retryReply(UUID, reply: UUID)
    case routing, createRoutingRule
    case deleteRoutingRule(UUID)
    case savedReplies, createSavedReply
    case deleteSavedReply(UUID)
    case templates, createTemplate
    case deleteTemplate(UUID)

    // Compliance.
    case checker, check, findings, findingsCSV
    case finding(UUID), reviewFinding(UUID)
    case rulePacks
    case rulePack(String), togglePack(String)
    case newTenantPack, createTenantPack
    case editTenantPack(UUID), updateTenantPack(UUID), deleteTenantPack(UUID)
    case newElection, createElection
    case editElection(UUID), updateElection(UUID), deleteElection(UUID)
    case deleteAllowListEntry(UUID)
    case apiCheck, apiFindings
    case apiFinding(UUID), apiReviewFinding(UUID)

    // Content.
    case content, newContent, createContent, contentCalendar, approvals, failedContent
    case contentItem(UUID), updateContent(UUID), submitContent(UUID), planContent(UUID), addVariant(UUID)
    case approveContent(UUID), rejectContent(UUID), scheduleContent(UUID), unscheduleContent(UUID), retryContent(UUID)
    case updateVariant(UUID, variant: UUID), deleteVariant(UUID, variant: UUID)
    case contentSettings, saveContentPolicy, addPillar
    case deleteContentPolicy(unit: UUID), togglePillar(UUID)
    case mediaLibrary, uploadMedia
    case deleteMedia(UUID)

    // Issues (Ruang Isu).
    case cases, newCase, createCase
    case issueCase(UUID), caseStatus(UUID), caseInvolve(UUID), caseNote(UUID), caseAddTask(UUID), caseHolding(UUID), caseResponse(UUID)
    case caseRelease(UUID, unit: UUID), caseTaskDone(UUID, task: UUID)
    case linkMessageToCase(UUID)
    case listening, createListeningRule
    case listeningRule(UUID), toggleListeningRule(UUID)
    case listeningAlerts, caseFromAlert(UUID), caseFromAccountAlert(UUID)
    case createFeed, toggleFeed(UUID)
    case listeningSearch, saveSearchSettings, saveRuleSearch(UUID), toggleSearch(UUID)
    case alertSubscriptions, saveAlertSubscription
    case deleteAlertSubscription(UUID)
    case onCall, saveOnCallSettings, addOnCallPerson
    case removeOnCallPerson(UUID)
    case hoaxes, hoaxesCSV, newHoax, createHoax, importHoaxesForm, importHoaxes, saveHoaxThresholds
    case hoax(UUID), updateHoax(UUID)
    case apiListeningRules, apiCreateListeningRule, apiListeningAlerts
    case apiListeningRule(UUID), apiUpdateListeningRule(UUID), apiListeningHits(UUID), apiListeningNews(UUID)
    case apiHoaxes, apiCreateHoax, apiHoaxMatches
    case apiHoax(UUID), apiUpdateHoax(UUID)
    case apiCases, apiCreateCase
    case apiCase(UUID), apiUpdateCase(UUID), apiCaseInvolve(UUID), apiCaseLinkMessage(UUID)

    // Amplification and notifications.
    case staffAccounts, staffAccountsCSV, saveAmplificationPolicy
    case amplification, myAmplification, newAmplification, createAmplification
    case amplificationTask(UUID), amplificationCSV(UUID), amplificationProof(UUID)
    case notifications

    /// The link to this route, with its values in place.
    var path: String {
        "/" + definition.segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(_, let value): value.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? value
            }
        }.joined(separator: "/")
    }

    /// What the route table registers: the values are left out, only parameter names count.
    var spec: RouteSpec {
        let d = definition
        let template = "/" + d.segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .parameter(let name, _): ":" + name
            }
        }.joined(separator: "/")
        return RouteSpec(name: d.name, method: d.method, path: template, surface: d.surface, requirement: d.requirement)
    }

    /// The language switch: the route plus the page to come back to.
    static func languageSwitch(_ language: Language, next: String) -> String {
        SiteRoute.language(language).path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")
    }

    private static let unreserved = CharacterSet.alphanumerics.union(["-", ".", "_", "~"])
}

extension SiteRoute {
    enum Segment: ExpressibleByStringLiteral, Sendable {
        case literal(String)
        case parameter(String, String)

        init(stringLiteral value: String) { self = .literal(value) }

        static func id(_ name: String, _ value: UUID) -> Segment { .parameter(name, value.uuidString) }
    }

    struct Definition {
        let name: String
        let method: HTTPMethod
        let surface: RouteSpec.Surface
        let requirement: RouteSpec.Requirement
        let segments: [Segment]
    }

    private func web(_ name: String, _ method: HTTPMethod, _ requirement: RouteSpec.Requirement, _ segments: Segment...) -> Definition {
        Definition(name: name, method: method, surface: .web, requirement: requirement, segments: segments)
    }

    private func web(_ name: String, _ method: HTTPMethod, _ permission: Permission, _ segments: Segment...) -> Definition {
        Definition(name: name, method: method, surface: .web, requirement: .permission(permission), segments: segments)
    }

    private func api(_ name: String, _ method: HTTPMethod, _ permission: Permission, _ segments: Segment...) -> Definition {
        Definition(name: name, method: method, surface: .api, requirement: .permission(permission), segments: ["api", "v1"] + segments)
    }

    private func system(_ name: String, _ method: HTTPMethod, _ segments: Segment...) -> Definition {
        Definition(name: name, method: method, surface: .system, requirement: .none, segments: segments)
    }

    // The names are the ones the authorization matrix and the request metrics know.
    var definition: Definition {
        switch self {
        case .healthz: system("healthz", .GET, "healthz")
        case .readyz: system("readyz", .GET, "readyz")
        case .metrics: system("metrics", .GET, "metrics")
        case .stylesheet: system("static.css", .GET, "static", "app.css")
        case .script: system("static.js", .GET, "static", "app.js")
        case .webhookVerify(let format, let tenant): system("webhooks.verify", .GET, "webhooks", .parameter("format", format), .parameter("tenant", tenant))
        case .webhookReceive(let format, let tenant):
            // A route of its own for each format rather than a `:format` parameter: the router
            // percent-decodes every parameter of every delivery through Foundation.
            system("webhooks.receive.\(format.rawValue)", .POST, "webhooks", .literal(format.rawValue), .parameter("tenant", tenant))
        case .mediaFile(let tenant, let key): system("media.file", .GET, "media", .parameter("tenantID", tenant.uuidString.lowercased()), .parameter("key", key))

        case .loginForm: web("login.form", .GET, .none, "login")
        case .login: web("login", .POST, .none, "login")
        case .logout: web("logout", .POST, .signedIn, "logout")
        case .language(let language): web("language", .GET, .none, "lang", .parameter("code", language.rawValue))
        case .profile: web("profile", .GET, .signedIn, "profile")
        case .changePassword: web("profile.password", .POST, .signedIn, "profile", "password")
        case .createToken: web("profile.tokens.create", .POST, .signedIn, "profile", "tokens")
        case .revokeToken(let id): web("profile.tokens.revoke", .POST, .signedIn, "profile", "tokens", .id("tokenID", id), "revoke")
        case .home: web("home", .GET, .viewHome)

        case .units: web("units.list", .GET, .viewUnits, "units")
        case .newUnit: web("units.new", .GET, .manageUnits, "units", "new")
        case .createUnit: web("units.create", .POST, .manageUnits, "units")
        case .editUnit(let id): web("units.edit", .GET, .manageUnits, "units", .id("unitID", id), "edit")
        case .updateUnit(let id): web("units.update", .POST, .manageUnits, "units", .id("unitID", id))
        case .deactivateUnit(let id): web("units.deactivate", .POST, .manageUnits, "units", .id("unitID", id), "deactivate")
        case .reactivateUnit(let id): web("units.reactivate", .POST, .manageUnits, "units", .id("unitID", id), "reactivate")
        case .apiUnits: api("api.units.list", .GET, .viewUnits, "units")
        case .apiCreateUnit: api("api.units.create", .POST, .manageUnits, "units")
        case .apiUnit(let id): api("api.units.get", .GET, .viewUnits, "units", .id("unitID", id))
        case .apiUpdateUnit(let id): api("api.units.update", .PATCH, .manageUnits, "units", .id("unitID", id))

        case .accounts: web("accounts.list", .GET, .viewAccounts, "accounts")
        case .accountsCSV: web("accounts.csv", .GET, .viewAccounts, "accounts.csv")
        case .newAccount: web("accounts.new", .GET, .manageAccounts, "accounts", "new")
        case .createAccount: web("accounts.create", .POST, .manageAccounts, "accounts")
        case .importAccountsForm: web("accounts.import.form", .GET, .manageAccounts, "accounts", "import")
        case .importAccounts: web("accounts.import", .POST, .manageAccounts, "accounts", "import")
        case .account(let id): web("accounts.show", .GET, .viewAccounts, "accounts", .id("accountID", id))
        case .editAccount(let id): web("accounts.edit", .GET, .manageAccounts, "accounts", .id("accountID", id), "edit")
        case .updateAccount(let id): web("accounts.update", .POST, .manageAccounts, "accounts", .id("accountID", id))
        case .deactivateAccount(let id): web("accounts.deactivate", .POST, .manageAccounts, "accounts", .id("accountID", id), "deactivate")
        case .reactivateAccount(let id): web("accounts.reactivate", .POST, .manageAccounts, "accounts", .id("accountID", id), "reactivate")
        case .connection(let id): web("accounts.connection", .GET, .manageAccounts, "accounts", .id("accountID", id), "connection")
        case .saveConnection(let id): web("accounts.connection.save", .POST, .manageAccounts, "accounts", .id("accountID", id), "connection")
        case .testConnection(let id): web("accounts.connection.test", .POST, .manageAccounts, "accounts", .id("accountID", id), "connection", "test")
        case .apiAccounts: api("api.accounts.list", .GET, .viewAccounts, "accounts")
        case .apiCreateAccount: api("api.accounts.create", .POST, .manageAccounts, "accounts")
        case .apiAccount(let id): api("api.accounts.get", .GET, .viewAccounts, "accounts", .id("accountID", id))
        case .apiUpdateAccount(let id): api("api.accounts.update", .PATCH, .manageAccounts, "accounts", .id("accountID", id))

        case .users: web("users.list", .GET, .viewUsers, "users")
        case .newUser: web("users.new", .GET, .manageUsers, "users", "new")
        case .createUser: web("users.create", .POST, .manageUsers, "users")
        case .user(let id): web("users.show", .GET, .viewUsers, "users", .id("userID", id))
        case .editUser(let id): web("users.edit", .GET, .manageUsers, "users", .id("userID", id), "edit")
        case .updateUser(let id): web("users.update", .POST, .manageUsers, "users", .id("userID", id))
        case .addRole(let id): web("users.roles.add", .POST, .manageUsers, "users", .id("userID", id), "roles")
        case .removeRole(let id, let membership):
            web("users.roles.remove", .POST, .manageUsers, "users", .id("userID", id), "roles", .id("membershipID", membership), "delete")
        case .deactivateUser(let id): web("users.deactivate", .POST, .manageUsers, "users", .id("userID", id), "deactivate")
        case .reactivateUser(let id): web("users.reactivate", .POST, .manageUsers, "users", .id("userID", id), "reactivate")
        case .resetPassword(let id): web("users.resetPassword", .POST, .manageUsers, "users", .id("userID", id), "reset-password")
        case .apiUsers: api("api.users.list", .GET, .viewUsers, "users")
        case .apiCreateUser: api("api.users.create", .POST, .manageUsers, "users")
        case .apiUser(let id): api("api.users.get", .GET, .viewUsers, "users", .id("userID", id))
        case .apiUpdateUser(let id): api("api.users.update", .PATCH, .manageUsers, "users", .id("userID", id))

        case .audit: web("audit.list", .GET, .viewAudit, "audit")
        case .slaSettings: web("sla.edit", .GET, .manageSLA, "settings", "sla")
        case .updateSLA: web("sla.update", .POST, .manageSLA, "settings", "sla")

        case .inbox: web("inbox", .GET, .viewInbox, "inbox")
        case .inboxEvents: web("inbox.events", .GET, .viewInbox, "inbox", "events")
        case .apiInbox: api("api.inbox", .GET, .viewInbox, "inbox")
        case .inboxBulk: web("inbox.bulk", .POST, .replyInbox, "inbox", "bulk")
        case .serviceReport: web("inbox.report", .GET, .viewInbox, "inbox", "report")
        case .thread(let id): web("inbox.thread", .GET, .viewInbox, "inbox", .id("messageID", id))
        case .addNote(let id): web("inbox.note", .POST, .replyInbox, "inbox", .id("messageID", id), "notes")
        case .reply(let id): web("inbox.reply", .POST, .replyInbox, "inbox", .id("messageID", id), "replies")
        case .retryReply(let id, let reply): web("inbox.retry", .POST, .replyInbox, "inbox", .id("messageID", id), "replies", .id("replyID", reply), "retry")
        case .presence(let id): web("inbox.presence", .POST, .viewInbox, "inbox", .id("messageID", id), "presence")
        case .tag(let id): web("inbox.tag", .POST, .replyInbox, "inbox", .id("messageID", id), "tags")
        case .untag(let id): web("inbox.untag", .POST, .replyInbox, "inbox", .id("messageID", id), "tags", "remove")
        case .triage(let id): web("inbox.update", .POST, .replyInbox, "inbox", .id("messageID", id), "triage")
        case .routing: web("routing.list", .GET, .manageSLA, "inbox", "routing")
        case .createRoutingRule: web("routing.create", .POST, .manageSLA, "inbox", "routing")
        case .deleteRoutingRule(let id): web("routing.delete", .POST, .manageSLA, "inbox", "routing", .id("ruleID", id), "delete")
        case .savedReplies: web("inbox.savedReplies", .GET, .viewInbox, "inbox", "saved-replies")
        case .createSavedReply: web("inbox.savedReplies.create", .POST, .manageSavedReplies, "inbox", "saved-replies")
        case .deleteSavedReply(let id): web("inbox.savedReplies.delete", .POST, .manageSavedReplies, "inbox", "saved-replies", .id("savedReplyID", id), "delete")
        case .templates: web("inbox.templates", .GET, .viewInbox, "inbox", "templates")
        case .createTemplate: web("inbox.templates.create", .POST, .manageTemplates, "inbox", "templates")
        case .deleteTemplate(let id): web("inbox.templates.delete", .POST, .manageTemplates, "inbox", "templates", .id("templateID", id), "delete")

        case .checker: web("compliance.checker", .GET, .checkCompliance, "compliance", "check")
        case .check: web("compliance.check", .POST, .checkCompliance, "compliance", "check")
        case .findings: web("compliance.findings", .GET, .viewFindings, "compliance", "findings")
        case .findingsCSV: web("compliance.findings.csv", .GET, .viewFindings, "compliance", "findings.csv")
        case .finding(let id): web("compliance.finding", .GET, .viewFindings, "compliance", "findings", .id("findingID", id))
        case .reviewFinding(let id): web("compliance.review", .POST, .reviewFindings, "compliance", "findings", .id("findingID", id), "review")
        case .rulePacks: web("compliance.packs", .GET, .viewRulePacks, "compliance", "packs")
        case .rulePack(let id): web("compliance.pack", .GET, .viewRulePacks, "compliance", "packs", .parameter("packID", id))
        case .togglePack(let id): web("compliance.pack.toggle", .POST, .manageRulePacks, "compliance", "packs", .parameter("packID", id), "toggle")
        case .newTenantPack: web("compliance.tenantPack.new", .GET, .manageRulePacks, "compliance", "tenant-packs", "new")
        case .createTenantPack: web("compliance.tenantPack.create", .POST, .manageRulePacks, "compliance", "tenant-packs")
        case .editTenantPack(let id): web("compliance.tenantPack.edit", .GET, .manageRulePacks, "compliance", "tenant-packs", .id("packRowID", id), "edit")
        case .updateTenantPack(let id): web("compliance.tenantPack.update", .POST, .manageRulePacks, "compliance", "tenant-packs", .id("packRowID", id))
        case .deleteTenantPack(let id): web("compliance.tenantPack.delete", .POST, .manageRulePacks, "compliance", "tenant-packs", .id("packRowID", id), "delete")
        case .newElection: web("compliance.election.new", .GET, .manageRulePacks, "compliance", "elections", "new")
        case .createElection: web("compliance.election.create", .POST, .manageRulePacks, "compliance", "elections")
        case .editElection(let id): web("compliance.election.edit", .GET, .manageRulePacks, "compliance", "elections", .id("electionID", id), "edit")
        case .updateElection(let id): web("compliance.election.update", .POST, .manageRulePacks, "compliance", "elections", .id("electionID", id))
        case .deleteElection(let id): web("compliance.election.delete", .POST, .manageRulePacks, "compliance", "elections", .id("electionID", id), "delete")
        case .deleteAllowListEntry(let id): web("compliance.allowlist.delete", .POST, .manageRulePacks, "compliance", "allowlist", .id("entryID", id), "delete")
        case .apiCheck: api("api.compliance.check", .POST, .checkCompliance, "compliance", "check")
        case .apiFindings: api("api.compliance.findings", .GET, .viewFindings, "compliance", "findings")
        case .apiFinding(let id): api("api.compliance.finding", .GET, .viewFindings, "compliance", "findings", .id("findingID", id))
        case .apiReviewFinding(let id): api("api.compliance.review", .POST, .reviewFindings, "compliance", "findings", .id("findingID", id), "review")

        case .content: web("content.list", .GET, .viewContent, "content")
        case .newContent: web("content.new", .GET, .manageContent, "content", "new")
        case .createContent: web("content.create", .POST, .manageContent, "content")
        case .contentCalendar: web("content.calendar", .GET, .viewContent, "content", "calendar")
        case .approvals: web("approvals.list", .GET, .approveContent, "approvals")
        case .failedContent: web("content.failed", .GET, .viewContent, "content", "failed")
        case .contentItem(let id): web("content.show", .GET, .viewContent, "content", .id("itemID", id))
        case .updateContent(let id): web("content.update", .POST, .manageContent, "content", .id("itemID", id))
        case .submitContent(let id): web("content.submit", .POST, .manageContent, "content", .id("itemID", id), "submit")
        case .planContent(let id): web("content.plan", .POST, .manageContent, "content", .id("itemID", id), "plan")
        case .addVariant(let id): web("content.variants.add", .POST, .manageContent, "content", .id("itemID", id), "variants")
        case .approveContent(let id): web("content.approve", .POST, .approveContent, "content", .id("itemID", id), "approve")
        case .rejectContent(let id): web("content.reject", .POST, .approveContent, "content", .id("itemID", id), "reject")
        case .scheduleContent(let id): web("content.schedule", .POST, .manageContent, "content", .id("itemID", id), "schedule")
        case .unscheduleContent(let id): web("content.unschedule", .POST, .manageContent, "content", .id("itemID", id), "unschedule")
        case .retryContent(let id): web("content.retry", .POST, .manageContent, "content", .id("itemID", id), "retry")
        case .updateVariant(let id, let variant):
            web("content.variants.update", .POST, .manageContent, "content", .id("itemID", id), "variants", .id("variantID", variant))
        case .deleteVariant(let id, let variant):
            web("content.variants.delete", .POST, .manageContent, "content", .id("itemID", id), "variants", .id("variantID", variant), "delete")
        case .contentSettings: web("contentSettings.show", .GET, .manageUnits, "settings", "content")
        case .saveContentPolicy: web("contentSettings.policy", .POST, .manageUnits, "settings", "content", "policies")
        case .deleteContentPolicy(let unit): web("contentSettings.policy.delete", .POST, .manageUnits, "settings", "content", "policies", .id("unitID", unit), "delete")
        case .addPillar: web("contentSettings.pillar", .POST, .manageUnits, "settings", "content", "pillars")
        case .togglePillar(let id): web("contentSettings.pillar.toggle", .POST, .manageUnits, "settings", "content", "pillars", .id("pillarID", id), "toggle")
        case .mediaLibrary: web("media.list", .GET, .viewContent, "content", "media")
        case .uploadMedia: web("media.upload", .POST, .manageContent, "content", "media")
        case .deleteMedia(let id): web("media.delete", .POST, .manageContent, "content", "media", .id("mediaID", id), "delete")

        case .staffAccounts: web("amplification.staff", .GET, .viewAccounts, "amplification", "staff")
        case .staffAccountsCSV: web("amplification.staff.csv", .GET, .viewAccounts, "amplification", "staff.csv")
        case .saveAmplificationPolicy: web("amplification.policy", .POST, .manageUnits, "amplification", "policy")
        case .amplification: web("amplification.tasks", .GET, .viewAmplification, "amplification")
        case .myAmplification: web("amplification.mine", .GET, .amplify, "amplification", "mine")
        case .newAmplification: web("amplification.new", .GET, .manageAmplification, "amplification", "new")
        case .createAmplification: web("amplification.create", .POST, .manageAmplification, "amplification")
        case .amplificationTask(let id): web("amplification.show", .GET, .viewAmplification, "amplification", .id("taskID", id))
        case .amplificationCSV(let id): web("amplification.csv", .GET, .viewAmplification, "amplification", .id("taskID", id), "csv")
        case .amplificationProof(let id): web("amplification.proof", .POST, .amplify, "amplification", .id("taskID", id), "proof")
        case .notifications: web("notifications.list", .GET, .signedIn, "notifications")
        case .cases: web("cases.list", .GET, .viewCases, "cases")
        case .newCase: web("cases.new", .GET, .manageCases, "cases", "new")
        case .createCase: web("cases.create", .POST, .manageCases, "cases")
        case .issueCase(let id): web("cases.show", .GET, .viewCases, "cases", .id("caseID", id))
        case .caseStatus(let id): web("cases.status", .POST, .manageCases, "cases", .id("caseID", id), "status")
        case .caseInvolve(let id): web("cases.units.add", .POST, .manageCases, "cases", .id("caseID", id), "units")
        case .caseRelease(let id, let unit): web("cases.units.remove", .POST, .manageCases, "cases", .id("caseID", id), "units", .id("unitID", unit), "remove")
        case .caseNote(let id): web("cases.note", .POST, .workCases, "cases", .id("caseID", id), "notes")
        case .caseAddTask(let id): web("cases.tasks.add", .POST, .workCases, "cases", .id("caseID", id), "tasks")
        case .caseTaskDone(let id, let task): web("cases.tasks.done", .POST, .workCases, "cases", .id("caseID", id), "tasks", .id("taskID", task), "done")
        case .caseHolding(let id): web("cases.holding", .POST, .manageCases, "cases", .id("caseID", id), "holding")
        case .caseResponse(let id): web("cases.response", .POST, .manageCases, "cases", .id("caseID", id), "response")
        case .linkMessageToCase(let id): web("inbox.case", .POST, .workCases, "inbox", .id("messageID", id), "case")
        case .listening: web("listening.rules", .GET, .viewCases, "listening")
        case .createListeningRule: web("listening.create", .POST, .manageListening, "listening")
        case .listeningRule(let id): web("listening.show", .GET, .viewCases, "listening", .id("ruleID", id))
        case .listeningAlerts: web("listening.alerts", .GET, .viewCases, "listening", "alerts")
        case .caseFromAlert(let id): web("listening.alerts.case", .POST, .manageCases, "listening", "alerts", .id("alertID", id), "case")
        case .caseFromAccountAlert(let id): web("listening.account-alerts.case", .POST, .manageCases, "listening", "account-alerts", .id("accountAlertID", id), "case")
        case .hoaxes: web("hoaxes.list", .GET, .viewCases, "hoaxes")
        case .hoaxesCSV: web("hoaxes.csv", .GET, .viewCases, "hoaxes.csv")
        case .newHoax: web("hoaxes.new", .GET, .manageHoaxRegister, "hoaxes", "new")
        case .createHoax: web("hoaxes.create", .POST, .manageHoaxRegister, "hoaxes")
        case .importHoaxesForm: web("hoaxes.import.form", .GET, .manageHoaxRegister, "hoaxes", "import")
        case .importHoaxes: web("hoaxes.import", .POST, .manageHoaxRegister, "hoaxes", "import")
        case .saveHoaxThresholds: web("hoaxes.thresholds", .POST, .manageListeningSettings, "hoaxes", "thresholds")
        case .hoax(let id): web("hoaxes.show", .GET, .viewCases, "hoaxes", .id("claimID", id))
        case .updateHoax(let id): web("hoaxes.update", .POST, .manageHoaxRegister, "hoaxes", .id("claimID", id))
        case .createFeed: web("listening.feeds.create", .POST, .manageListening, "listening", "feeds")
        case .toggleFeed(let id): web("listening.feeds.toggle", .POST, .manageListening, "listening", "feeds", .id("feedID", id), "toggle")
        case .toggleListeningRule(let id): web("listening.toggle", .POST, .manageListening, "listening", .id("ruleID", id), "toggle")
        case .listeningSearch: web("listening.search", .GET, .viewCases, "listening", "search")
        case .saveSearchSettings: web("listening.search.settings", .POST, .manageListeningSettings, "listening", "search")
        case .saveRuleSearch(let id): web("listening.searches.save", .POST, .manageListening, "listening", .id("ruleID", id), "searches")
        case .toggleSearch(let id): web("listening.searches.toggle", .POST, .manageListening, "listening", "searches", .id("searchID", id), "toggle")
        case .alertSubscriptions: web("listening.subscriptions", .GET, .viewCases, "listening", "subscriptions")
        case .saveAlertSubscription: web("listening.subscriptions.save", .POST, .viewCases, "listening", "subscriptions")
        case .deleteAlertSubscription(let id):
            web("listening.subscriptions.delete", .POST, .viewCases, "listening", "subscriptions", .id("subscriptionID", id), "delete")
        case .onCall: web("listening.oncall", .GET, .manageListeningSettings, "listening", "on-call")
        case .saveOnCallSettings: web("listening.oncall.settings", .POST, .manageListeningSettings, "listening", "on-call")
        case .addOnCallPerson: web("listening.oncall.people.add", .POST, .manageListeningSettings, "listening", "on-call", "people")
        case .removeOnCallPerson(let id):
            web("listening.oncall.people.remove", .POST, .manageListeningSettings, "listening", "on-call", "people", .id("personID", id), "delete")

        case .apiListeningRules: api("api.listening.rules.list", .GET, .viewCases, "listening", "rules")
        case .apiCreateListeningRule: api("api.listening.rules.create", .POST, .manageListening, "listening", "rules")
        case .apiListeningRule(let id): api("api.listening.rules.get", .GET, .viewCases, "listening", "rules", .id("ruleID", id))
        case .apiUpdateListeningRule(let id): api("api.listening.rules.update", .PATCH, .manageListening, "listening", "rules", .id("ruleID", id))
        case .apiListeningHits(let id): api("api.listening.rules.hits", .GET, .viewCases, "listening", "rules", .id("ruleID", id), "hits")
        case .apiListeningNews(let id): api("api.listening.rules.news", .GET, .viewCases, "listening", "rules", .id("ruleID", id), "news")
        case .apiListeningAlerts: api("api.listening.alerts", .GET, .viewCases, "listening", "alerts")
        case .apiHoaxes: api("api.hoaxes.list", .GET, .viewCases, "hoaxes")
        case .apiCreateHoax: api("api.hoaxes.create", .POST, .manageHoaxRegister, "hoaxes")
        case .apiHoax(let id): api("api.hoaxes.get", .GET, .viewCases, "hoaxes", .id("claimID", id))
        case .apiUpdateHoax(let id): api("api.hoaxes.update", .PATCH, .manageHoaxRegister, "hoaxes", .id("claimID", id))
        case .apiHoaxMatches: api("api.hoaxes.matches", .GET, .viewCases, "hoax-matches")
        case .apiCases: api("api.cases.list", .GET, .viewCases, "cases")
        case .apiCreateCase: api("api.cases.create", .POST, .manageCases, "cases")
        case .apiCase(let id): api("api.cases.get", .GET, .viewCases, "cases", .id("caseID", id))
        case .apiUpdateCase(let id): api("api.cases.update", .PATCH, .manageCases, "cases", .id("caseID", id))
        case .apiCaseInvolve(let id): api("api.cases.units.add", .POST, .manageCases, "cases", .id("caseID", id), "units")
        case .apiCaseLinkMessage(let id): api("api.cases.messages.add", .POST, .workCases, "cases", .id("caseID", id), "messages")
        }
    }
}

/// A value a route's path can carry; registration fills it with a stand-in, since only the
/// parameter's name reaches the route table.
protocol RouteParameter { static var standIn: Self { get } }
extension UUID: RouteParameter { static var standIn: UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)) } }
extension String: RouteParameter { static var standIn: String { "" } }
extension Language: RouteParameter { static var standIn: Language { .id } }
