import Foundation
import SimpulCore

/// Writes one message: picks a topic and tone that suit the receiving account, fills the slots
/// with demo place names, then roughens it the way people type on each platform (abbreviations,
/// stretched letters, the odd typo, emoji, hashtags).
struct SandboxWriter {
    enum Purpose: Sendable {
        case comment, reply, post, mention, directMessage, whatsapp, videoComment, tweet, staffPromo, caption
    }

    struct Output: Sendable {
        var text: String
        var tone: SandboxTone
        var topic: SandboxTopic
    }

    let platform: Platform
    let account: SandboxAccount
    /// Other official accounts on the same platform, to tag alongside.
    let peers: [SandboxAccount]
    let author: SandboxPerson
    let now: Date
    /// While the city talks about one thing (the demo's surge), the lines people write about it.
    var surgeLines: [String]? = nil

    static let maxLength = 500

    func write(_ purpose: Purpose, rng: inout SandboxRandom) -> Output {
        let slots = Slots(account: account, peers: peers, author: author, platform: platform, now: now, rng: &rng)
        let topic = chooseTopic(rng: &rng)
        var tone = chooseTone(purpose, rng: &rng)
        var body: String
        var short = false
        switch purpose {
        case _ where surgeLines != nil && purpose != .staffPromo && purpose != .caption:
            body = rng.pick(surgeLines ?? [])
            tone = .complaint
        case .reply where rng.chance(0.55):
            body = rng.pick(SandboxCorpus.replies)
            tone = .chatter
        case .videoComment where rng.chance(0.5):
            body = rng.pick(SandboxCorpus.video)
            tone = .chatter
        case .staffPromo:
            body = rng.pick(SandboxCorpus.staffPromo)
            tone = .praise
        case .caption:
            body = rng.pick(SandboxCorpus.imageCaptions)
            tone = .complaint
        case .whatsapp where rng.chance(0.22):
            body = rng.pick(SandboxCorpus.whatsappShort)
            tone = .question
            short = true
        default:
            body = line(topic: topic, tone: tone, purpose: purpose, rng: &rng)
        }
        body = slots.fill(body, rng: &rng)
        var text = decorate(body, tone: tone, topic: topic, purpose: purpose, short: short, slots: slots, rng: &rng)
        text = Self.fit(text, limit: platform == .x ? 280 : Self.maxLength)
        return Output(text: text, tone: tone, topic: topic)
    }

    // MARK: Choice

    private func chooseTopic(rng: inout SandboxRandom) -> SandboxTopic {
        let affine = SandboxCorpus.affinity(handle: account.handle, displayName: account.displayName)
        if !affine.isEmpty, rng.chance(0.7) { return rng.pick(affine) }
        return rng.pick(SandboxTopic.allCases)
    }

    private func chooseTone(_ purpose: Purpose, rng: inout SandboxRandom) -> SandboxTone {
        let tones: [SandboxTone] = [.question, .complaint, .praise, .hostile, .hoax, .chatter]
        let weights: [Int]
        switch purpose {
        case .directMessage, .whatsapp: weights = [48, 30, 7, 4, 9, 2]
        case .tweet, .mention: weights = [28, 34, 12, 12, 9, 5]
        case .videoComment: weights = [20, 18, 25, 10, 7, 20]
        case .comment, .reply, .post: weights = [32, 26, 15, 9, 7, 11]
        case .staffPromo, .caption: weights = [0, 0, 1, 0, 0, 0]
        }
        // Accounts that fight misinformation get asked about rumours more.
        if account.handle.contains("kominfo") || account.handle.contains("pemkot"), rng.chance(0.08) { return .hoax }
        return tones[rng.weighted(weights)]
    }

    private func line(topic: SandboxTopic, tone: SandboxTone, purpose: Purpose, rng: inout SandboxRandom) -> String {
        switch tone {
        case .hostile: return rng.pick(SandboxCorpus.hostile)
        case .hoax: return rng.pick(SandboxCorpus.hoax)
        case .chatter:
            if platform == .instagram, rng.chance(0.5) { return rng.pick(SandboxCorpus.instagramChatter) }
            return rng.pick(SandboxCorpus.chatter)
        case .question, .complaint, .praise:
            let lines = SandboxCorpus.topics.first { $0.topic == topic }?.lines(tone) ?? []
            if lines.isEmpty {
                let any = SandboxCorpus.topics.flatMap { $0.lines(tone) }
                return rng.pick(any)
            }
            return rng.pick(lines)
        }
    }

    // MARK: Decoration

    private func decorate(_ body: String, tone: SandboxTone, topic: SandboxTopic, purpose: Purpose, short: Bool,
                          slots: Slots, rng: inout SandboxRandom) -> String {
        var text = body
        let formal = purpose == .whatsapp || purpose == .directMessage
        if purpose == .whatsapp, short {
            text = Self.capitalised(text)
        } else if purpose == .whatsapp {
            let opener = slots.fill(rng.pick(SandboxCorpus.whatsappOpeners), rng: &rng)
            text = opener + Self.capitalised(text)
            if rng.chance(0.7) { text = Self.closeSentence(text) + rng.pick(SandboxCorpus.whatsappClosers) }
        } else if purpose != .staffPromo, purpose != .caption {
            switch tone {
            case .question where rng.chance(formal ? 0.7 : 0.45):
                text = slots.fill(rng.pick(SandboxCorpus.questionGreetings), rng: &rng) + text
            case .complaint where rng.chance(0.35):
                text = slots.fill(rng.pick(SandboxCorpus.complaintGreetings), rng: &rng) + text
            default: break
            }
            text = Self.capitalised(text)
            switch tone {
            case .question where rng.chance(0.4):
                let closer = rng.pick(SandboxCorpus.questionClosers)
                text = closer.hasPrefix("?") ? Self.trimEndPunctuation(text) + closer : Self.closeSentence(text) + closer
            case .complaint where rng.chance(0.45): text = Self.closeSentence(text) + rng.pick(SandboxCorpus.complaintClosers)
            case .praise where rng.chance(0.4): text = Self.closeSentence(text) + rng.pick(SandboxCorpus.praiseClosers)
            default: break
            }
        } else {
            text = Self.capitalised(text)
        }

        // Who it is addressed to.
        switch (platform, purpose) {
        case (.x, _):
            var handles = ["@" + account.handle]
            if purpose != .staffPromo, rng.chance(0.25), let peer = peers.filter({ $0.handle != account.handle }).sandboxPick(&rng) {
                handles.append("@" + peer.handle)
            }
            text = handles.joined(separator: " ") + " " + text
        case (.instagram, .mention):
            text = rng.chance(0.5) ? "@\(account.handle) " + text : text + " @\(account.handle)"
        case (.instagram, .comment) where rng.chance(0.12):
            text = "@\(account.handle) " + text
        case (.facebook, .mention), (.facebook, .post):
            text = rng.chance(0.5) ? account.displayName + " " + text : text + " cc " + account.displayName
        case (.youtube, .videoComment) where rng.chance(0.05):
            text = "@\(account.handle) " + text
        default: break
        }

        // How people type on each platform.
        let slangLevel: Double
        switch purpose {
        case .whatsapp, .directMessage: slangLevel = rng.pick([0.0, 0.15, 0.35])
        case .staffPromo: slangLevel = 0
        default:
            switch platform {
            case .instagram, .x: slangLevel = rng.pick([0.1, 0.35, 0.6, 0.8])
            case .youtube: slangLevel = rng.pick([0.1, 0.3, 0.5])
            default: slangLevel = rng.pick([0.0, 0.2, 0.4, 0.6])
            }
        }
        text = SandboxSlang.roughen(text, level: slangLevel, tone: tone, rng: &rng)

        let lowerChance: Double = platform == .instagram || platform == .x ? 0.35 : (formal ? 0.1 : 0.2)
        if tone != .hoax || rng.chance(0.3), rng.chance(lowerChance) { text = SandboxSlang.lowercasedKeepingHandles(text) }
        if (tone == .hostile || tone == .complaint), purpose != .whatsapp, rng.chance(0.07) { text = text.uppercased() }

        let emojiChance: Double = switch platform {
        case .instagram: 0.65
        case .x, .facebook: 0.45
        case .youtube: 0.35
        default: 0.3
        }
        if rng.chance(emojiChance), let pool = SandboxCorpus.emojis[tone] {
            let emoji = rng.pick(pool)
            text += (rng.chance(0.7) ? " " : "") + (rng.chance(0.25) ? emoji + emoji : emoji)
        }

        let tagChance: Double = switch platform {
        case .x: 0.5
        case .instagram: 0.3
        case .facebook: 0.1
        default: 0
        }
        if purpose != .whatsapp, purpose != .directMessage, rng.chance(tagChance) || (purpose == .staffPromo && rng.chance(0.6)) {
            var pool = SandboxCorpus.generalTags + (SandboxCorpus.topicTags[topic] ?? [])
            if tone == .hoax { pool += SandboxCorpus.hoaxTags }
            let first = rng.pick(pool)
            text += " " + first
            if rng.chance(0.2), let second = SandboxCorpus.generalTags.filter({ $0 != first }).sandboxPick(&rng) { text += " " + second }
        }
        return text
    }

    // MARK: Text helpers

    static func capitalised(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func trimEndPunctuation(_ text: String) -> String {
        var result = text
        while let last = result.last, last == "." || last == "," { result.removeLast() }
        return result
    }

    static func closeSentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".?!".contains(last) ? text : text + "."
    }

    /// At most `limit` characters, cut at a word boundary.
    static func fit(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " ") { return String(cut[..<space]) + "…" }
        return String(cut) + "…"
    }
}

/// Slot values for one message. A message keeps one place throughout: the kelurahan named
/// belongs to the kecamatan named.
struct SandboxSlotsPlace: Sendable {
    let kecamatan: String
    let kelurahan: String
}

extension SandboxWriter {
    struct Slots {
        let account: SandboxAccount
        let peers: [SandboxAccount]
        let author: SandboxPerson
        let platform: Platform
        let now: Date
        let place: SandboxSlotsPlace

        init(account: SandboxAccount, peers: [SandboxAccount], author: SandboxPerson, platform: Platform, now: Date,
             rng: inout SandboxRandom) {
            self.account = account
            self.peers = peers
            self.author = author
            self.platform = platform
            self.now = now
            if let home = SandboxPlaces.home(for: account.displayName) {
                place = SandboxSlotsPlace(kecamatan: home.kecamatan.name, kelurahan: home.kelurahan ?? rng.pick(home.kecamatan.kelurahan))
            } else {
                let kec = rng.pick(SandboxPlaces.kecamatan)
                place = SandboxSlotsPlace(kecamatan: kec.name, kelurahan: rng.pick(kec.kelurahan))
            }
        }

        func fill(_ template: String, rng: inout SandboxRandom, depth: Int = 0) -> String {
            guard template.contains("{") else { return template }
            var out = ""
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                out += rest[..<open]
                guard let close = rest[open...].firstIndex(of: "}") else { break }
                let name = String(rest[rest.index(after: open)..<close])
                let value = self.value(name, rng: &rng)
                out += depth < 2 ? fill(value, rng: &rng, depth: depth + 1) : value
                rest = rest[rest.index(after: close)...]
            }
            out += rest
            return out
        }

        private func value(_ name: String, rng: inout SandboxRandom) -> String {
            switch name {
            case "kec": return place.kecamatan
            case "kel": return place.kelurahan
            case "jalan": return rng.pick(SandboxPlaces.streets)
            case "tempat": return rng.pick(SandboxPlaces.landmarks)
            case "pasar": return rng.pick(SandboxPlaces.markets)
            case "sekolah": return rng.pick(SandboxPlaces.schools)
            case "rt", "rw": return (rng.chance(0.5) ? "0" : "") + String(rng.int(1...12))
            case "jam": return "\(rng.int(8...14)).\(rng.pick(["00", "15", "30", "45"]))"
            case "hari": return rng.pick(SandboxCorpus.days)
            case "n": return String(rng.int(2...5))
            case "rp": return rng.pick(["5.000", "10.000", "250.000", "350 ribu", "1,5 juta", "15 juta", "25 juta"])
            case "menit": return "\(rng.int(0...9)):\(rng.int(1...5))\(rng.int(0...9))"
            case "kode": return "\(rng.int(2400...2699))\(rng.int(100...999))"
            case "nama": return author.firstName
            case "waktu": return Self.partOfDay(now)
            case "akun": return Self.reference(account, platform: platform)
            case "akun2":
                let pool = peers.filter { $0.handle != account.handle }
                return pool.isEmpty ? Self.reference(account, platform: platform) : Self.reference(rng.pick(pool), platform: platform)
            default: return "{\(name)}"
            }
        }

        static func reference(_ account: SandboxAccount, platform: Platform) -> String {
            switch platform {
            case .facebook, .whatsapp: account.displayName
            default: "@" + account.handle
            }
        }

        /// "pagi", "siang", "sore" or "malam" on the Tirtamaya wall clock.
        static func partOfDay(_ date: Date) -> String {
            switch SandboxClock.jakartaHour(date) {
            case 3..<11: "pagi"
            case 11..<15: "siang"
            case 15..<18: "sore"
            default: "malam"
            }
        }
    }
}

extension Array {
    func sandboxPick(_ rng: inout SandboxRandom) -> Element? {
        isEmpty ? nil : self[rng.below(count)]
    }
}
