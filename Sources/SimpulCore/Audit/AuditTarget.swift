/// What kind of thing an audit event is about, stored as its raw value.
public enum AuditTarget: String, CaseIterable, Codable, Sendable {
    case tenant, unit, account, user, token
    case message, template, routing
    case finding, pack, election, allowlist
    case content, pillar, media
    case amplificationTask = "amplification_task"
    case issueCase = "case"
    case listeningRule = "listening_rule"
    case listeningFeed = "listening_feed"
    case listeningSearch = "listening_search"
    case hoaxClaim = "hoax_claim"
    case alertSubscription = "alert_subscription"
    case onCall = "on_call"
}
