import Foundation
import SimpulCore
import Testing
@testable import SimpulPlatforms

@Suite("Sandbox generator")
struct SandboxTests {
    static let now = Date(timeIntervalSince1970: 1_760_000_000)
    static let accounts = SandboxAccount.demoAccounts()

    /// 5,000 deliveries from one generator, shared by the tests that only read them.
    static let sample: [SandboxDelivery] = {
        var generator = SandboxGenerator(accounts: accounts, seed: 20_240_817)
        return generator.next(5_000, now: now)
    }()

    static var sampleEvents: [SandboxEventInfo] { sample.flatMap(\.events) }

    static func json(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    // MARK: Determinism

    @Test func sameSeedSameBytes() {
        var first = SandboxGenerator(accounts: Self.accounts, seed: 7)
        var second = SandboxGenerator(accounts: Self.accounts, seed: 7)
        for step in 0..<4 {
            let at = Self.now.addingTimeInterval(Double(step) * 45)
            let a = first.next(120, now: at)
            let b = second.next(120, now: at)
            #expect(a == b)
            #expect(a.map(\.body) == b.map(\.body))
        }
    }

    @Test func differentSeedDifferentStream() {
        var first = SandboxGenerator(accounts: Self.accounts, seed: 1)
        var second = SandboxGenerator(accounts: Self.accounts, seed: 2)
        #expect(first.next(50, now: Self.now).map(\.body) != second.next(50, now: Self.now).map(\.body))
    }

    @Test func countAndEmptyCases() {
        var generator = SandboxGenerator(accounts: Self.accounts, seed: 3)
        #expect(generator.next(0, now: Self.now).isEmpty)
        #expect(generator.next(17, now: Self.now).count == 17)
        let tiktokOnly = Self.accounts.filter { $0.platform == .tiktok }
        #expect(!tiktokOnly.isEmpty)
        var silent = SandboxGenerator(accounts: tiktokOnly, seed: 3)
        #expect(silent.next(10, now: Self.now).isEmpty)
        var none = SandboxGenerator(accounts: [], seed: 3)
        #expect(none.next(10, now: Self.now).isEmpty)
    }

    // MARK: Ids

    @Test func idsUniqueOverFiveThousandDeliveries() {
        var seen = Set<String>()
        var repeated: [String] = []
        for event in Self.sampleEvents where !seen.insert(event.id).inserted {
            repeated.append(event.id)
        }
        #expect(Self.sample.count == 5_000)
        #expect(repeated.isEmpty, "repeated ids: \(repeated.prefix(5))")
    }

    @Test func idsStayUniqueAcrossCallsAndTime() {
        var generator = SandboxGenerator(accounts: Self.accounts, seed: 11)
        var seen = Set<String>()
        var lastNewestX: UInt64 = 0
        for step in 0..<30 {
            let at = Self.now.addingTimeInterval(Double(step) * 7)
            for delivery in generator.next(40, now: at) {
                for event in delivery.events { #expect(seen.insert(event.id).inserted, "\(event.id)") }
                if delivery.format == .x, let meta = Self.json(delivery.body)?["meta"] as? [String: Any],
                   let newest = (meta["newest_id"] as? String).flatMap(UInt64.init) {
                    #expect(newest > lastNewestX)
                    lastNewestX = newest
                }
            }
        }
    }

    @Test func externalIDsAreStableAndShaped() {
        let page = SandboxIDs.externalID(for: .facebook, handle: "pemkottirtamaya")
        #expect(page == SandboxIDs.externalID(for: .facebook, handle: "pemkottirtamaya"))
        #expect(page.count == 15 && page.allSatisfy(\.isNumber))
        #expect(page != SandboxIDs.externalID(for: .facebook, handle: "dinkeskotatirtamaya"))
        let instagram = SandboxIDs.externalID(for: .instagram, handle: "pemkot.tirtamaya")
        #expect(instagram.count == 17 && instagram.hasPrefix("17841") && instagram.allSatisfy(\.isNumber))
        let phone = SandboxIDs.externalID(for: .whatsapp, handle: "+62811000111")
        #expect(phone.count == 15 && phone.allSatisfy(\.isNumber))
        let x = SandboxIDs.externalID(for: .x, handle: "pemkottirtamaya")
        #expect(x.count == 19 && x.allSatisfy(\.isNumber) && UInt64(x) != nil)
        let channel = SandboxIDs.externalID(for: .youtube, handle: "pemkottirtamaya")
        #expect(channel.count == 24 && channel.hasPrefix("UC"))
        #expect(channel.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        // Every demo account gets a distinct id on its platform.
        let ids = Self.accounts.map { "\($0.platform.rawValue):\($0.externalID)" }
        #expect(Set(ids).count == ids.count)
    }

    // MARK: Envelopes

    @Test func everyBodyIsJSONWithItsPlatformsEnvelope() throws {
        let byID = Dictionary(Self.accounts.map { ($0.externalID, $0) }, uniquingKeysWith: { first, _ in first })
        for delivery in Self.sample {
            let root = try #require(Self.json(delivery.body), "not a JSON object: \(String(decoding: delivery.body, as: UTF8.self))")
            let account = try #require(byID[delivery.accountExternalID])
            #expect(account.platform == delivery.format.platform)
            #expect(account.platform != .tiktok)
            switch delivery.format {
            case .meta, .instagram, .whatsapp:
                let expected = ["meta": "page", "instagram": "instagram", "whatsapp": "whatsapp_business_account"][delivery.format.rawValue]
                #expect(root["object"] as? String == expected)
                let entries = try #require(root["entry"] as? [[String: Any]])
                #expect(entries.count == 1)
                let entry = entries[0]
                if delivery.format == .whatsapp {
                    let change = try #require((entry["changes"] as? [[String: Any]])?.first)
                    #expect(change["field"] as? String == "messages")
                    let value = try #require(change["value"] as? [String: Any])
                    #expect(value["messaging_product"] as? String == "whatsapp")
                    let metadata = try #require(value["metadata"] as? [String: Any])
                    #expect(metadata["phone_number_id"] as? String == delivery.accountExternalID)
                    #expect(metadata["display_phone_number"] as? String == "62811000111")
                    #expect((value["messages"] != nil) != (value["statuses"] != nil))
                } else {
                    #expect(entry["id"] as? String == delivery.accountExternalID)
                    #expect((entry["changes"] != nil) != (entry["messaging"] != nil))
                }
            case .x:
                let data = try #require(root["data"] as? [[String: Any]])
                let meta = try #require(root["meta"] as? [String: Any])
                let users = try #require((root["includes"] as? [String: Any])?["users"] as? [[String: Any]])
                #expect(!data.isEmpty && data.count <= 3)
                #expect(meta["result_count"] as? Int == data.count)
                #expect(meta["newest_id"] as? String == data.first?["id"] as? String)
                #expect(meta["oldest_id"] as? String == data.last?["id"] as? String)
                let ids = data.compactMap { ($0["id"] as? String).flatMap(UInt64.init) }
                #expect(ids == ids.sorted(by: >) && ids.count == data.count)
                let userIDs = Set(users.compactMap { $0["id"] as? String })
                for tweet in data {
                    #expect(userIDs.contains(tweet["author_id"] as? String ?? "-"))
                    #expect((tweet["text"] as? String)?.contains("@") == true)
                    #expect(tweet["created_at"] as? String != nil && tweet["conversation_id"] as? String != nil)
                }
            case .youtube:
                #expect(root["kind"] as? String == "youtube#commentThreadListResponse")
                let items = try #require(root["items"] as? [[String: Any]])
                #expect(!items.isEmpty && items.count <= 3)
                for item in items {
                    #expect(item["kind"] as? String == "youtube#commentThread")
                    let snippet = try #require(item["snippet"] as? [String: Any])
                    #expect(snippet["channelId"] as? String == delivery.accountExternalID)
                    let top = try #require((snippet["topLevelComment"] as? [String: Any])?["snippet"] as? [String: Any])
                    #expect((top["authorChannelUrl"] as? String)?.hasPrefix("http://www.youtube.com/@") == true)
                    #expect(top["textOriginal"] as? String != nil && top["publishedAt"] as? String != nil)
                    #expect((top["authorChannelId"] as? [String: Any])?["value"] as? String != nil)
                }
            }
        }
    }

    @Test func metaBodiesEscapeAsMetaDoes() {
        let bodies = Self.sample.filter { $0.format == .meta || $0.format == .whatsapp }.map { String(decoding: $0.body, as: UTF8.self) }
        #expect(bodies.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(bodies.contains { $0.contains("\\ud83d") })
    }

    // MARK: Content

    @Test func distributionCoversEveryKind() {
        var counts: [SandboxEventKind: Int] = [:]
        for event in Self.sampleEvents { counts[event.kind, default: 0] += 1 }
        for kind in SandboxEventKind.allCases {
            #expect(counts[kind, default: 0] > 0, "no \(kind.rawValue) in 5,000 deliveries")
        }
        var tones: [SandboxTone: Int] = [:]
        for event in Self.sampleEvents { if let tone = event.tone { tones[tone, default: 0] += 1 } }
        for tone in SandboxTone.allCases { #expect(tones[tone, default: 0] > 20, "few \(tone.rawValue)") }
    }

    static let indonesianWords: Set<String> = [
        "yang", "yg", "di", "dan", "ini", "itu", "ada", "tidak", "gak", "ga", "gk", "tdk", "nggak", "sudah", "udh", "udah", "sdh",
        "saya", "sy", "aku", "min", "kak", "mau", "bisa", "bs", "ya", "kok", "apa", "kapan", "terima", "kasih", "makasih", "mantap",
        "dari", "dr", "ke", "untuk", "utk", "buat", "sama", "juga", "jg", "pak", "bu", "ibu", "bapak", "warga", "kota", "tolong",
        "tlg", "mohon", "lagi", "lg", "banget", "bgt", "semoga", "salam", "dong", "aja", "kalau", "kalo", "klo", "info", "mana",
        "gimana", "gmn", "kenapa", "knp", "halo", "selamat", "baik", "betul", "iya", "jadi", "jd", "kami", "kita", "belum", "blm",
        "masih", "sekarang", "skrg", "jangan", "dulu", "tunggu", "ikut", "terus", "semua", "ayo", "datang", "sampai", "jalan",
        "rusak", "maaf", "tapi", "tp", "rakyat", "kalian", "keren", "acara", "cuma", "cm", "hasilnya", "besar", "kecil", "sabar",
        "akhirnya", "ramai", "catat", "lewat", "berapa", "baru", "tahu", "hari", "bulan", "tahun", "lapor", "kirim", "salah",
    ]

    static func looksIndonesian(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        return words.contains { indonesianWords.contains($0) || ($0.count > 4 && $0.hasSuffix("nya")) }
    }

    @Test func textsAreIndonesianShortAndVaried() {
        let texts = Self.sampleEvents.compactMap(\.text)
        #expect(texts.count > 4_000)
        let foreign = texts.filter { !Self.looksIndonesian($0) }
        #expect(foreign.count <= texts.count / 100, "not Indonesian-looking: \(foreign.prefix(5))")
        #expect(texts.allSatisfy { $0.count <= 500 && !$0.isEmpty })
        #expect(Set(texts).count > 2_000)
        // Demo place names show up, and so do slang, emoji and hashtags.
        let kelurahan = SandboxPlaces.allKelurahan
        #expect(texts.filter { text in kelurahan.contains { text.contains($0) } }.count > 300)
        #expect(texts.contains { $0.contains("#TirtamayaBisa") })
        #expect(texts.contains { $0.range(of: #"\b(yg|gak|udh|bgt|tdk|krn|gmn|knp|sy)\b"#, options: .regularExpression) != nil })
        #expect(texts.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        let tweets = Self.sampleEvents.filter { $0.kind == .xMention || $0.kind == .xReply || $0.kind == .xStaffQuote }
        #expect(tweets.allSatisfy { ($0.text?.count ?? 0) <= 280 })
    }

    @Test func staffActivityIsAboutOneInTwenty() throws {
        let staffIDs = Set(Self.accounts.filter { $0.kind == .staff }.map(\.externalID))
        let staffDeliveries = Self.sample.filter { $0.events.contains { $0.kind.isStaffActivity } }
        let share = Double(staffDeliveries.count) / Double(Self.sample.count)
        #expect(share > 0.03 && share < 0.08, "staff share \(share)")
        for delivery in staffDeliveries {
            for event in delivery.events where event.kind.isStaffActivity {
                #expect(staffIDs.contains(event.authorID ?? "-"))
                // The author is in the body as the staff account's own id.
                #expect(String(decoding: delivery.body, as: UTF8.self).contains("\"\(event.authorID ?? "-")\""))
            }
        }
        let facebook = try #require(staffDeliveries.first { $0.format == .meta })
        let value = try #require(((Self.json(facebook.body)?["entry"] as? [[String: Any]])?.first?["changes"] as? [[String: Any]])?.first?["value"] as? [String: Any])
        #expect(["reaction", "share"].contains(value["item"] as? String ?? ""))
        #expect(staffIDs.contains((value["from"] as? [String: Any])?["id"] as? String ?? "-"))
    }

    @Test func whatsappStatusesFollowEachMessage() {
        var stages: [String: [String]] = [:]
        for event in Self.sampleEvents where event.kind == .whatsappStatus || event.kind == .whatsappStatusFailed {
            let parts = event.id.split(separator: ":")
            stages[String(parts[0]), default: []].append(String(parts[1]))
        }
        #expect(!stages.isEmpty)
        for (_, list) in stages {
            #expect(list == Array(["sent", "delivered", "read"].prefix(list.count)) || list == ["failed"], "\(list)")
        }
        #expect(stages.values.contains { $0 == ["sent", "delivered", "read"] })
    }

    // MARK: Through the real parsers

    @Test func everyDeliveryParsesIntoKnownEventsForItsAccount() throws {
        var seen = Set<String>()
        let earliest = Self.now.addingTimeInterval(-300)
        for delivery in Self.sample {
            let events: [InboundEvent]
            if delivery.format == .x {
                _ = try PayloadParser.parse(delivery.body, as: .x)
                events = try PayloadParser.parseXMentions(delivery.body, accountRef: delivery.accountExternalID).events
            } else {
                events = try PayloadParser.parse(delivery.body, as: delivery.format)
            }
            #expect(!events.isEmpty)
            #expect(events.count == delivery.events.count)
            for event in events {
                #expect(event.kind != .unknown, "unknown from \(String(decoding: delivery.body, as: UTF8.self))")
                #expect(event.platform == delivery.format.platform)
                #expect(event.accountRef == delivery.accountExternalID)
                #expect(seen.insert("\(event.platform.rawValue)|\(event.eventID)").inserted, "repeated \(event.eventID)")
                if let at = event.occurredAt {
                    #expect(at >= earliest && at <= Self.now.addingTimeInterval(1), "\(at)")
                }
            }
            for (parsed, made) in zip(events, delivery.events) where made.text != nil {
                #expect(parsed.text == made.text)
            }
        }
    }

    @Test func parsedKindsMatchWhatWasMade() throws {
        let expected: [SandboxEventKind: MessageKind] = [
            .facebookComment: .comment, .facebookReply: .reply, .facebookVisitorPost: .mention, .facebookMention: .mention,
            .facebookReaction: .reaction, .facebookMessage: .dm, .facebookStaffReaction: .reaction, .facebookStaffShare: .share,
            .instagramComment: .comment, .instagramReply: .reply, .instagramMention: .mention, .instagramMessage: .dm,
            .instagramStaffComment: .comment, .whatsappText: .dm, .whatsappImage: .dm, .whatsappLocation: .dm,
            .whatsappButton: .dm, .whatsappStatus: .status, .whatsappStatusFailed: .status, .xMention: .mention,
            .xReply: .reply, .xStaffQuote: .mention, .youtubeComment: .comment,
        ]
        for delivery in Self.sample.prefix(1_500) {
            let events = delivery.format == .x
                ? try PayloadParser.parseXMentions(delivery.body, accountRef: delivery.accountExternalID).events
                : try PayloadParser.parse(delivery.body, as: delivery.format)
            for (parsed, made) in zip(events, delivery.events) {
                #expect(parsed.kind == expected[made.kind], "\(made.kind.rawValue) parsed as \(parsed.kind.rawValue)")
                if made.kind == .whatsappStatusFailed { #expect(parsed.detail["error_code"] == "131047") }
                if let author = made.authorID { #expect(parsed.author?.id == author) }
            }
        }
    }
}
