import Foundation
import SimpulCore

/// Public search results for the demo: what X recent search or YouTube search would find for a
/// rule's terms in the Sandbox's city. Results are residents' posts (or videos) from the
/// Sandbox's corpus that contain at least one of the terms' words, so the rule they were
/// searched for mostly matches them, as it would a real search's.
///
/// Stateless and repeatable: the posts of one 15-minute slot are a function of the terms and
/// the slot, so a run repeated within the slot (or after a restart) finds the same ids, and the
/// cursor (the newest slot seen) keeps a run from returning what an earlier one did.
public struct SandboxSearch: Sendable {
    public let seed: UInt64
    static let slotLength: Int64 = 15 * 60
    /// A search looks back at most this many slots (six hours), however old its cursor.
    static let lookback: Int64 = 24

    public init(seed: UInt64 = 0x5EA2C4) {
        self.seed = seed
    }

    public func search(_ source: ListeningSource, terms: String, cursor: String?, now: Date, readBudget: Int) -> SearchPage {
        let words = Self.words(of: terms)
        let lines = Self.lines.filter { line in !words.isDisjoint(with: Self.words(of: line)) }
        let current = SandboxClock.unixSeconds(now) / Self.slotLength
        let from = max(current - Self.lookback, cursor.flatMap { Int64($0) }.map { $0 + 1 } ?? current)
        guard !lines.isEmpty, readBudget > 0, from <= current else {
            return SearchPage(items: [], cursor: cursor, reads: 0, calls: source == .youtubeSearch ? 1 : 0)
        }
        var items: [ListenedItem] = []
        for slot in from...current where items.count < readBudget {
            var rng = SandboxRandom(seed: SandboxHash.mix(seed ^ SandboxHash.of(terms + "|" + source.rawValue) ^ UInt64(bitPattern: slot)))
            for n in 0..<rng.below(source == .youtubeSearch ? 2 : 4) where items.count < readBudget {
                items.append(item(source, slot: slot, n: n, lines: lines, rng: &rng))
            }
        }
        return SearchPage(items: items, cursor: String(current), reads: source == .xSearch ? items.count : 0, calls: 1)
    }

    private func item(_ source: ListeningSource, slot: Int64, n: Int, lines: [String], rng: inout SandboxRandom) -> ListenedItem {
        let author = SandboxPerson(index: rng.below(SandboxGenerator.populationSize), seed: seed)
        let at = Date(timeIntervalSince1970: Double(slot * Self.slotLength) + Double(rng.below(Int(Self.slotLength))))
        let account = SandboxAccount(platform: source == .xSearch ? .x : .youtube, handle: author.handle, displayName: author.name, kind: .staff)
        let slots = SandboxWriter.Slots(account: account, peers: [], author: author, platform: account.platform, now: at, rng: &rng)
        let text = SandboxWriter.fit(slots.fill(rng.pick(lines), rng: &rng), limit: 280)
        let key = "\(seed)|\(source.rawValue)|\(slot)|\(n)|\(text)"
        switch source {
        case .youtubeSearch:
            let video = SandboxIDShape.characters(11, from: SandboxIDShape.base64URL, seed: SandboxHash.of(key))
            let title = SandboxWriter.fit(text, limit: 90)
            return ListenedItem(source: .youtubeSearch, externalID: video, url: "https://www.youtube.com/watch?v=\(video)", title: title,
                                text: title + "\n" + text, authorName: author.name, authorHandle: author.youtubeChannelID, publishedAt: at)
        default:
            let id = "18" + SandboxIDShape.digits(SandboxHash.of(key), count: 17)
            return ListenedItem(source: .xSearch, externalID: id, url: "https://x.com/\(author.xUsername)/status/\(id)", text: text,
                                authorName: author.name, authorHandle: author.xUsername, publishedAt: at)
        }
    }

    /// What residents say in public about the city: the corpus's complaints, questions and
    /// rumours, and the water outage.
    static let lines: [String] = SandboxCorpus.topics.flatMap { $0.question + $0.complaint } + SandboxCorpus.hoax + SandboxCorpus.waterOutage

    /// Lowercased words of at least three letters; X's operators and fields are not words.
    static func words(of text: String) -> Set<String> {
        let operators: Set<String> = ["and", "or", "not", "lang", "is", "has", "from", "retweet", "reply"]
        return Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 && !operators.contains($0) })
    }
}
