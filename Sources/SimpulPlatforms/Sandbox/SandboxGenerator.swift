import Foundation
import SimpulCore

/// One body the Sandbox hands to the server, to go through the same ingest path as a real
/// platform's: a webhook body (Facebook, Instagram, WhatsApp) or a polled API response (X, YouTube).
public struct SandboxDelivery: Sendable, Equatable {
    /// How to read `body`: `.meta`, `.instagram` or `.whatsapp` webhooks, `.x` or `.youtube` responses.
    public var format: PayloadFormat
    /// Exactly the bytes the platform would send or return.
    public var body: Data
    /// The demo account it is addressed to (`SandboxAccount.externalID`). An X mentions page does
    /// not name the mentioned account in every tweet, so read X bodies as the poller does:
    /// `PayloadParser.parseXMentions(body, accountRef: accountExternalID)`.
    public var accountExternalID: String
    /// What the body holds, for tests and logs; not part of the wire format.
    var events: [SandboxEventInfo]

    public init(format: PayloadFormat, body: Data, accountExternalID: String) {
        self.init(format: format, body: body, accountExternalID: accountExternalID, events: [])
    }

    init(format: PayloadFormat, body: Data, accountExternalID: String, events: [SandboxEventInfo]) {
        self.format = format
        self.body = body
        self.accountExternalID = accountExternalID
        self.events = events
    }
}

enum SandboxEventKind: String, CaseIterable, Sendable {
    case facebookComment, facebookReply, facebookVisitorPost, facebookMention, facebookReaction, facebookMessage
    case facebookStaffReaction, facebookStaffShare
    case instagramComment, instagramReply, instagramMention, instagramMessage, instagramStaffComment
    case whatsappText, whatsappImage, whatsappLocation, whatsappButton, whatsappStatus, whatsappStatusFailed
    case xMention, xReply, xStaffQuote
    case youtubeComment

    var isStaffActivity: Bool {
        self == .facebookStaffReaction || self == .facebookStaffShare || self == .instagramStaffComment || self == .xStaffQuote
    }
}

struct SandboxEventInfo: Sendable, Equatable {
    var kind: SandboxEventKind
    /// The platform's id for this event, unique over the generator's life. For WhatsApp statuses,
    /// which share their message's id, it is "<wamid>:<status>".
    var id: String
    /// Free text a person wrote, if any.
    var text: String?
    var tone: SandboxTone?
    /// Who did it: a resident's platform id, or the staff account's own id.
    var authorID: String?
}

/// Produces a steady, realistic stream of events for the demo accounts: residents' comments,
/// replies, mentions, reactions, DMs and WhatsApp messages in Indonesian, plus delivery statuses
/// and now and then a staff account passing an official post on.
///
/// Deterministic: the same accounts, seed and sequence of `next` calls give the same bytes. Ids
/// never repeat within one generator; they also embed the minute of `now`, so a generator made
/// again later (even with the same seed) does not replay earlier ids.
public struct SandboxGenerator: Sendable {
    let accounts: [SandboxAccount]
    let seed: UInt64
    var rng: SandboxRandom
    var counter: UInt64 = 0
    var lastSnowflake: UInt64 = 0
    /// Recent comment ids per account (as "<post or media>|<comment id>"), so replies thread.
    var recentComments: [String: [String]] = [:]
    /// Recent residents' tweets per X account (as "<tweet id>|<conversation id>|<author id>|<username>").
    var recentTweets: [String: [String]] = [:]
    /// Messages the city sent on WhatsApp whose statuses are still to come.
    var outbound: [OutboundMessage] = []
    /// "<reactor>|<object>" pairs already used, so nobody reacts twice to one thing.
    var reacted: Set<String> = []
    /// Residents' rule-breaking comments per Facebook Page (as "<post number>|<comment id>"), for
    /// a staff member to like by mistake.
    var flaggedComments: [String: [String]] = [:]
    /// Posts the city has asked its staff to pass on, per official account's external id (full
    /// platform ids). Staff activity on that account mostly shares or quotes one of these, the
    /// way ASN answer an amplification task; the server refreshes the list as tasks come and go.
    public var amplifiedPosts: [String: [String]] = [:]
    /// While set, this share of residents' messages is about the water outage (the demo's
    /// surge); nil is the ordinary mix.
    public var surgeShare: Double? = nil

    struct OutboundMessage: Sendable {
        var accountID: String
        var wamid: String
        var recipient: String
        var conversationID: String
        /// 0 sent, 1 delivered, 2 read.
        var stage: Int
    }

    /// Roughly how many residents write; the first few dozen are regulars who write often.
    static let populationSize = 1500
    static let regulars = 40
    /// Share of deliveries that are staff activity, when there are staff accounts to speak for.
    static let staffShare = 0.05
    /// Share of staff activity that breaks the ASN rules, so the demo's compliance page has work.
    static let misstepShare = 0.3
    /// Share of residents' Facebook comments that break them.
    static let flaggedCommentShare = 0.04

    public init(accounts: [SandboxAccount], seed: UInt64) {
        self.accounts = accounts.filter { $0.platform != .tiktok }
        self.seed = seed
        rng = SandboxRandom(seed: SandboxHash.mix(seed ^ 0x53_61_6E_64_62_6F_78))
    }

    /// The next `count` deliveries at simulated time `now`; events are dated within the few minutes
    /// before it. Empty when there is no account the Sandbox can speak for (TikTok is skipped).
    public mutating func next(_ count: Int, now: Date) -> [SandboxDelivery] {
        guard !accounts.isEmpty, count > 0 else { return [] }
        var out: [SandboxDelivery] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            out.append(nextDelivery(now: now))
        }
        return out
    }

    // MARK: Dispatch

    private static let platformWeights: [(Platform, Int)] = [(.facebook, 34), (.instagram, 28), (.whatsapp, 18), (.x, 11), (.youtube, 9)]

    private mutating func nextDelivery(now: Date) -> SandboxDelivery {
        let staff = accounts.filter { $0.kind == .staff && [.facebook, .instagram, .x].contains($0.platform) }
        // Open amplification tasks make staff busier, as they do in a real city.
        if !staff.isEmpty, rng.chance(amplifiedPosts.isEmpty ? Self.staffShare : Self.staffShare * 3) {
            let member = rng.pick(staff)
            let target = officialTarget(for: member)
            switch member.platform {
            case .facebook: return facebookStaffActivity(staff: member, page: target, now: now)
            case .instagram: return instagramStaffComment(staff: member, target: target, now: now)
            default: return xStaffQuote(staff: member, target: target, now: now)
            }
        }
        let present = Self.platformWeights.filter { entry in accounts.contains { $0.platform == entry.0 } }
        let platform = present[rng.weighted(present.map(\.1))].0
        let candidates = accounts.filter { $0.platform == platform }
        let account = candidates[rng.weighted(candidates.map { $0.kind == .official ? 3 : 1 })]
        switch platform {
        case .facebook: return facebookDelivery(account, now: now)
        case .instagram: return instagramDelivery(account, now: now)
        case .whatsapp: return whatsappDelivery(account, now: now)
        case .x: return xDelivery(account, now: now)
        default: return youtubeDelivery(account, now: now)
        }
    }

    /// An official account on the staff member's platform, whose content the staff member passes
    /// on; the staff member's own account if there is none.
    private mutating func officialTarget(for staff: SandboxAccount) -> SandboxAccount {
        let officials = accounts.filter { $0.platform == staff.platform && $0.kind == .official }
        // Staff asked to pass a post on mostly turn to the account that posted it.
        let asked = officials.filter { !(amplifiedPosts[$0.externalID] ?? []).isEmpty }
        if !asked.isEmpty, rng.chance(0.7) { return rng.pick(asked) }
        return officials.sandboxPick(&rng) ?? staff
    }

    // MARK: Shared helpers

    mutating func person() -> SandboxPerson {
        let index = rng.chance(0.2) ? rng.below(Self.regulars) : rng.below(Self.populationSize)
        return SandboxPerson(index: index, seed: seed)
    }

    func peers(of account: SandboxAccount) -> [SandboxAccount] {
        accounts.filter { $0.platform == account.platform && $0.kind == .official }
    }

    mutating func write(_ purpose: SandboxWriter.Purpose, to account: SandboxAccount, by author: SandboxPerson, now: Date) -> SandboxWriter.Output {
        var writer = SandboxWriter(platform: account.platform, account: account, peers: peers(of: account), author: author, now: now)
        if let surgeShare, rng.chance(surgeShare) { writer.surgeLines = SandboxCorpus.waterOutage }
        return writer.write(purpose, rng: &rng)
    }

    /// A moment within the last four minutes before `now` (or `withinSeconds`), to the millisecond.
    mutating func eventTime(_ now: Date, withinSeconds: Int = 240) -> Date {
        now.addingTimeInterval(-Double(rng.int(500...max(1_000, withinSeconds * 1000))) / 1000)
    }

    /// A fresh value, never repeated by this generator, that looks random (a keyed bijection of
    /// the counter).
    mutating func serial() -> UInt64 {
        counter += 1
        return SandboxIDShape.permute33(counter, key: SandboxHash.mix(seed ^ 0x1D))
    }

    /// `leading` + the minute of `now` (`timeDigits` digits) + 10 digits of a fresh serial: unique
    /// within the generator, and unlikely to repeat across restarts.
    mutating func uniqueNumber(leading: String, timeDigits: Int, now: Date) -> String {
        let minute = UInt64(max(0, SandboxClock.unixSeconds(now) / 60))
        return leading + SandboxIDShape.digits(minute, count: timeDigits) + SandboxIDShape.digits(serial(), count: 10)
    }

    /// A hash-derived id that is stable for a key (posts, videos, media a page already has).
    func stableNumber(_ parts: String..., leading: String, digits: Int) -> String {
        leading + SandboxIDShape.digits(SandboxHash.of(parts.joined(separator: "|")), count: digits)
    }

    mutating func remember(_ value: String, in store: WritableKeyPath<SandboxGenerator, [String: [String]]>, key: String, limit: Int = 40) {
        var list = self[keyPath: store][key] ?? []
        list.append(value)
        if list.count > limit { list.removeFirst(list.count - limit) }
        self[keyPath: store][key] = list
    }

    /// Six-hour slot of `now`: an account's "recent" posts change as the day goes on.
    static func slot(_ now: Date, hours: Int64 = 6) -> Int64 {
        SandboxClock.unixSeconds(now) / (hours * 3600)
    }
}
