/// Checks a variant against its platform's rules before it can be scheduled, so that a post
/// fails here, on the variant, in words, rather than at the platform at publishing time.
public enum PostValidator {
    /// What the check needs to know beyond the post itself.
    public struct Situation: Sendable {
        /// WhatsApp: whether the recipient wrote within the last 24 hours.
        public var whatsappWindowOpen: Bool
        /// WhatsApp: the variant names an approved template.
        public var usesTemplate: Bool
        /// Instagram: posts published through the API in the 24 hours before the post's time.
        public var publishedInLastDay: Int
        public var dailyQuota: Int?

        public init(whatsappWindowOpen: Bool = false, usesTemplate: Bool = false, publishedInLastDay: Int = 0, dailyQuota: Int? = nil) {
            self.whatsappWindowOpen = whatsappWindowOpen
            self.usesTemplate = usesTemplate
            self.publishedInLastDay = publishedInLastDay
            self.dailyQuota = dailyQuota
        }
    }

    /// Meta's Instagram publishing limit per account and rolling 24 hours. It has changed over
    /// time (25, 50, 100); the tenant's setting overrides this default.
    public static let instagramDailyQuota = 50

    public static func problems(_ draft: PostDraft, for platform: Platform, situation: Situation = Situation()) -> [PostProblem] {
        let rules = PlatformRules.of(platform)
        var problems: [PostProblem] = []
        let caption = draft.caption(for: platform)
        let hasLink = !(draft.link?.trimmingWhitespace.isEmpty ?? true)

        if caption.isEmpty, draft.media.isEmpty, !hasLink { problems.append(.empty) }
        let length = measure(caption, rules.textMeasure)
        if length > rules.maxText { problems.append(.textTooLong(length: length, max: rules.maxText, measure: rules.textMeasure)) }
        if platform == .youtube, caption.contains(where: { $0 == "<" || $0 == ">" }) { problems.append(.angleBrackets(field: "text")) }
        if let max = rules.maxHashtags {
            let count = count(of: .hashtag, in: caption)
            if count > max { problems.append(.tooManyHashtags(count: count, max: max)) }
        }
        if let max = rules.maxMentions {
            let count = count(of: .mention, in: caption)
            if count > max { problems.append(.tooManyMentions(count: count, max: max)) }
        }

        if let range = rules.title {
            let title = (draft.title ?? "").trimmingWhitespace
            let length = title.unicodeScalars.count
            if title.isEmpty { problems.append(.titleRequired) } else if length > range.upperBound { problems.append(.titleTooLong(length: length, max: range.upperBound)) }
            if title.contains(where: { $0 == "<" || $0 == ">" }) { problems.append(.angleBrackets(field: "title")) }
        }

        problems += mediaProblems(draft.media, rules: rules)

        if let comment = draft.firstComment?.trimmingWhitespace, !comment.isEmpty {
            if !rules.firstComment {
                problems.append(.firstCommentUnsupported)
            } else {
                let length = measure(comment, rules.textMeasure == .weighted ? .weighted : .characters)
                let max = rules.textMeasure == .weighted ? WeightedLength.maximum : min(rules.maxText, 2_200)
                if length > max { problems.append(.firstCommentTooLong(length: length, max: max)) }
            }
        }

        if platform == .whatsapp, !situation.whatsappWindowOpen, !situation.usesTemplate { problems.append(.templateRequired) }
        if platform == .instagram {
            let quota = situation.dailyQuota ?? instagramDailyQuota
            if situation.publishedInLastDay >= quota { problems.append(.dailyQuotaReached(used: situation.publishedInLastDay, quota: quota)) }
        }
        return problems
    }

    static func mediaProblems(_ media: [MediaFacts], rules: PlatformRules) -> [PostProblem] {
        var problems: [PostProblem] = []
        if let needed = rules.needsMedia {
            let present = needed == .video ? media.contains { $0.kind == .video } : !media.isEmpty
            if !present { problems.append(.mediaRequired(needed)) }
        }
        if media.count > rules.maxMedia { problems.append(.tooManyMedia(count: media.count, max: rules.maxMedia)) }
        if rules.videoStandsAlone, media.count > 1, media.contains(where: { $0.kind != .image }) { problems.append(.videoNotAlone) }
        for (index, item) in media.enumerated() {
            guard let rule = rules.media[item.kind], rule.formats.contains(item.format) else {
                problems.append(.formatNotAccepted(index: index, format: item.format))
                continue
            }
            if item.bytes > rule.maxBytes { problems.append(.mediaTooLarge(index: index, bytes: item.bytes, max: rule.maxBytes)) }
            if let allowed = rule.aspect, let ratio = item.aspectRatio, !allowed.contains(ratio) {
                problems.append(.aspectOutOfRange(index: index, ratio: ratio, allowed: allowed))
            }
            if let allowed = rule.seconds, let seconds = item.durationSeconds, !allowed.contains(seconds) {
                problems.append(.durationOutOfRange(index: index, seconds: seconds, allowed: allowed))
            }
        }
        return problems
    }

    public static func measure(_ text: String, _ measure: PlatformRules.TextMeasure) -> Int {
        switch measure {
        case .weighted: WeightedLength.of(text)
        case .characters: text.unicodeScalars.count
        case .bytes: text.utf8.count
        }
    }

    static func count(of kind: TokenKind, in text: String) -> Int {
        Tokenizer.tokenize(text).filter { $0.kind == kind }.count
    }
}
