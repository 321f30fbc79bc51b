import Foundation
import SimpulCore

// Responses of the APIs the server polls: X's mentions timeline (GET /2/users/:id/mentions with
// author expansion) and YouTube's commentThreads.list. Each delivery is one page of one to three
// new items for one account.

extension SandboxGenerator {
    // MARK: X

    /// X ids are snowflakes: milliseconds since 2010-11-04 in the high bits. Kept strictly
    /// increasing over the generator's life, as a timeline's are.
    mutating func snowflake(at date: Date) -> UInt64 {
        let millis = UInt64(max(0, SandboxClock.unixMillis(date) - 1_288_834_974_657))
        let candidate = (millis << 22) | (UInt64(rng.below(32)) << 17) | (UInt64(rng.below(32)) << 12) | UInt64(rng.below(4096))
        lastSnowflake = max(candidate, lastSnowflake + 1 + UInt64(rng.below(4096)))
        return lastSnowflake
    }

    static func date(ofSnowflake id: UInt64) -> Date {
        Date(timeIntervalSince1970: Double((id >> 22) + 1_288_834_974_657) / 1000)
    }

    /// The account's own recent tweets, which residents reply to.
    func accountTweets(_ account: SandboxAccount, now: Date) -> [String] {
        let slot = Self.slot(now)
        return (0..<4).map { index in
            let unixMillis = UInt64(slot * 6 - Int64(index) * 3 - 1) * 3_600_000
            let millis = unixMillis.subtractingReportingOverflow(1_288_834_974_657).partialValue
            let low = SandboxHash.of("x-own", account.externalID, String(slot), String(index)) & 0x3F_FFFF
            return String((millis << 22) | low)
        }
    }

    mutating func xDelivery(_ account: SandboxAccount, now: Date) -> SandboxDelivery {
        let count = [1, 2, 3][rng.weighted([60, 28, 12])]
        var tweets: [XTweet] = []
        for _ in 0..<count {
            tweets.append(xResidentTweet(account, now: now))
        }
        return xResponse(account, tweets: tweets)
    }

    struct XTweet {
        var id: String
        var conversationID: String
        var authorID: String
        var name: String
        var username: String
        var text: String
        var replyTo: (tweet: String, user: String)?
        var quoted: String?
        var mentions: [(username: String, id: String)]
        var info: SandboxEventInfo
    }

    private mutating func xResidentTweet(_ account: SandboxAccount, now: Date) -> XTweet {
        let author = person()
        let reply = rng.chance(0.4)
        var output = write(.tweet, to: account, by: author, now: now)
        let id = String(snowflake(at: eventTime(now, withinSeconds: 30)))
        var conversation = id
        var replyTo: (String, String)?
        var mentions: [(String, String)] = []
        if reply {
            let key = "x:" + account.externalID
            if rng.chance(0.3), let earlier = recentTweets[key]?.sandboxPick(&rng) {
                // Joining a thread another resident started.
                let parts = earlier.split(separator: "|").map(String.init)
                conversation = parts[1]
                replyTo = (parts[0], parts[2])
                output.text = SandboxWriter.fit("@\(parts[3]) " + output.text, limit: 280)
                mentions.append((parts[3], parts[2]))
            } else {
                let own = rng.pick(accountTweets(account, now: now))
                conversation = own
                replyTo = (own, account.externalID)
            }
        }
        remember([id, conversation, author.xUserID, author.xUsername].joined(separator: "|"), in: \.recentTweets, key: "x:" + account.externalID)
        mentions += mentionsIn(output.text)
        let info = SandboxEventInfo(kind: reply ? .xReply : .xMention, id: id, text: output.text, tone: output.tone, authorID: author.xUserID)
        return XTweet(id: id, conversationID: conversation, authorID: author.xUserID, name: author.name, username: author.xUsername,
                      text: output.text, replyTo: replyTo, quoted: nil, mentions: mentions, info: info)
    }

    /// A staff member quoting an official account's tweet, tagging it.
    mutating func xStaffQuote(staff: SandboxAccount, target: SandboxAccount, now: Date) -> SandboxDelivery {
        let asked = amplifiedPosts[target.externalID] ?? []
        let quoted = !asked.isEmpty && rng.chance(0.6) ? rng.pick(asked) : rng.pick(accountTweets(target, now: now))
        var output = write(.staffPromo, to: target, by: person(), now: now)
        if rng.chance(Self.misstepShare) {
            // A mentions timeline only holds tweets that name the account.
            let slip = rng.pick(SandboxCorpus.staffMissteps)
            (output.text, output.tone) = ("@\(target.handle) " + slip.0, slip.1)
        }
        let link = "https://t.co/" + SandboxIDShape.characters(10, from: SandboxIDShape.alphanumeric, seed: SandboxHash.of("tco", quoted, String(counter)))
        output.text = SandboxWriter.fit(output.text, limit: 280 - link.count - 1) + " " + link
        let id = String(snowflake(at: eventTime(now, withinSeconds: 30)))
        let info = SandboxEventInfo(kind: .xStaffQuote, id: id, text: output.text, tone: output.tone, authorID: staff.externalID)
        let tweet = XTweet(id: id, conversationID: id, authorID: staff.externalID, name: staff.displayName, username: staff.handle,
                           text: output.text, replyTo: nil, quoted: quoted, mentions: mentionsIn(output.text), info: info)
        return xResponse(target, tweets: [tweet], quotedURL: (link, "https://x.com/\(target.handle)/status/\(quoted)"))
    }

    /// Mentioned accounts in a text, with their ids where the Sandbox knows them.
    private func mentionsIn(_ text: String) -> [(String, String)] {
        var found: [(String, String)] = []
        for token in text.split(separator: " ") where token.hasPrefix("@") {
            let name = token.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty else { continue }
            if let known = accounts.first(where: { $0.platform == .x && $0.handle.lowercased() == name.lowercased() }) {
                found.append((known.handle, known.externalID))
            }
        }
        return found
    }

    private func xResponse(_ account: SandboxAccount, tweets: [XTweet], quotedURL: (String, String)? = nil) -> SandboxDelivery {
        let ordered = tweets.sorted { UInt64($0.id)! > UInt64($1.id)! }
        var data: [SandboxJSON] = []
        var users: [SandboxJSON] = []
        var seenUsers: Set<String> = []
        for tweet in ordered {
            var fields: [(String, SandboxJSON)] = [
                ("author_id", .string(tweet.authorID)),
                ("conversation_id", .string(tweet.conversationID)),
                ("created_at", .string(SandboxClock.iso8601(Self.date(ofSnowflake: UInt64(tweet.id)!), millis: true))),
                ("edit_history_tweet_ids", .array([.string(tweet.id)])),
            ]
            let entities = xEntities(tweet, quotedURL: quotedURL)
            if !entities.isEmpty { fields.append(("entities", .object(entities))) }
            fields.append(("id", .string(tweet.id)))
            if let replyTo = tweet.replyTo { fields.append(("in_reply_to_user_id", .string(replyTo.user))) }
            fields.append(("lang", .string("in")))
            if let replyTo = tweet.replyTo {
                fields.append(("referenced_tweets", .array([.object([("type", .string("replied_to")), ("id", .string(replyTo.tweet))])])))
            } else if let quoted = tweet.quoted {
                fields.append(("referenced_tweets", .array([.object([("type", .string("quoted")), ("id", .string(quoted))])])))
            }
            fields.append(("text", .string(tweet.text)))
            data.append(.object(fields))
            if seenUsers.insert(tweet.authorID).inserted {
                users.append(.object([("id", .string(tweet.authorID)), ("name", .string(tweet.name)), ("username", .string(tweet.username))]))
            }
        }
        let body = SandboxJSON.object([
            ("data", .array(data)),
            ("includes", .object([("users", .array(users))])),
            ("meta", .object([
                ("result_count", .int(ordered.count)),
                ("newest_id", .string(ordered.first!.id)),
                ("oldest_id", .string(ordered.last!.id)),
            ])),
        ])
        return SandboxDelivery(format: .x, body: body.encoded(.plain), accountExternalID: account.externalID, events: ordered.map(\.info))
    }

    /// Entity offsets count Unicode code points, as X's do.
    private func xEntities(_ tweet: XTweet, quotedURL: (String, String)?) -> [(String, SandboxJSON)] {
        let scalars = Array(tweet.text.unicodeScalars)
        func ranges(of needle: String) -> [(Int, Int)] {
            let target = Array(needle.unicodeScalars)
            guard !target.isEmpty, scalars.count >= target.count else { return [] }
            var result: [(Int, Int)] = []
            var start = 0
            while start + target.count <= scalars.count {
                if Array(scalars[start..<(start + target.count)]) == target {
                    let end = start + target.count
                    let boundary = end == scalars.count || !(CharacterSet.alphanumerics.contains(scalars[end]) || scalars[end] == "_")
                    if boundary { result.append((start, end)) }
                    start = end
                } else {
                    start += 1
                }
            }
            return result
        }
        var entities: [(String, SandboxJSON)] = []
        var mentionItems: [SandboxJSON] = []
        var used: Set<Int> = []
        for mention in tweet.mentions {
            for (start, end) in ranges(of: "@" + mention.username) where !used.contains(start) {
                used.insert(start)
                mentionItems.append(.object([("start", .int(start)), ("end", .int(end)), ("username", .string(mention.username)), ("id", .string(mention.id))]))
                break
            }
        }
        if !mentionItems.isEmpty { entities.append(("mentions", .array(mentionItems))) }
        var tagItems: [SandboxJSON] = []
        for token in tweet.text.split(separator: " ") where token.hasPrefix("#") && token.count > 1 {
            let tag = String(token.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            guard !tag.isEmpty, let range = ranges(of: "#" + tag).first else { continue }
            tagItems.append(.object([("start", .int(range.0)), ("end", .int(range.1)), ("tag", .string(tag))]))
        }
        if !tagItems.isEmpty { entities.append(("hashtags", .array(tagItems))) }
        if let (link, expanded) = quotedURL, let range = ranges(of: link).first {
            entities.append(("urls", .array([.object([
                ("start", .int(range.0)), ("end", .int(range.1)), ("url", .string(link)), ("expanded_url", .string(expanded)),
                ("display_url", .string(String(expanded.dropFirst("https://".count).prefix(24)) + "…")),
            ])])))
        }
        return entities
    }

    // MARK: YouTube

    /// The channel's recent videos (11-character ids), stable through the day.
    func youtubeVideos(_ channel: SandboxAccount, now: Date) -> [String] {
        let day = Self.slot(now, hours: 24)
        return (0..<5).map { index in
            SandboxIDShape.characters(11, from: SandboxIDShape.base64URL, seed: SandboxHash.of("yt-video", channel.externalID, String(day - Int64(index / 2)), String(index)))
        }
    }

    mutating func youtubeDelivery(_ channel: SandboxAccount, now: Date) -> SandboxDelivery {
        let count = [1, 2, 3][rng.weighted([55, 30, 15])]
        var threads: [(Date, SandboxJSON, SandboxEventInfo)] = []
        for _ in 0..<count {
            let author = person()
            let at = Date(timeIntervalSince1970: Double(SandboxClock.unixSeconds(eventTime(now))))
            let videoID = rng.pick(youtubeVideos(channel, now: now))
            let output = write(.videoComment, to: channel, by: author, now: now)
            let unique = serial()
            let threadID = rng.pick(["Ugw", "Ugx", "Ugy", "Ugz"]) + SandboxIDShape.uniqueChars(unique)
                + SandboxIDShape.characters(10, from: SandboxIDShape.base64URL, seed: SandboxHash.of("yt-thread", String(unique), videoID)) + "4AaABAg"
            let published = SandboxJSON.string(SandboxClock.iso8601(at))
            let comment: [(String, SandboxJSON)] = [
                ("kind", .string("youtube#comment")),
                ("etag", .string(Self.etag(threadID + "c"))),
                ("id", .string(threadID)),
                ("snippet", .object([
                    ("channelId", .string(channel.externalID)),
                    ("videoId", .string(videoID)),
                    ("textDisplay", .string(Self.youtubeDisplay(output.text))),
                    ("textOriginal", .string(output.text)),
                    ("authorDisplayName", .string("@" + author.youtubeHandle)),
                    ("authorProfileImageUrl", .string("https://yt3.ggpht.com/ytc/" + SandboxIDShape.characters(43, from: SandboxIDShape.base64URL, seed: SandboxHash.of("yt-avatar", author.youtubeChannelID)) + "=s48-c-k-c0x00ffffff-no-rj")),
                    ("authorChannelUrl", .string("http://www.youtube.com/@" + author.youtubeHandle)),
                    ("authorChannelId", .object([("value", .string(author.youtubeChannelID))])),
                    ("canRate", .bool(true)),
                    ("viewerRating", .string("none")),
                    ("likeCount", .int(rng.chance(0.6) ? 0 : rng.int(1...40))),
                    ("publishedAt", published),
                    ("updatedAt", published),
                ])),
            ]
            let thread = SandboxJSON.object([
                ("kind", .string("youtube#commentThread")),
                ("etag", .string(Self.etag(threadID))),
                ("id", .string(threadID)),
                ("snippet", .object([
                    ("channelId", .string(channel.externalID)),
                    ("videoId", .string(videoID)),
                    ("topLevelComment", .object(comment)),
                    ("canReply", .bool(true)),
                    ("totalReplyCount", .int(rng.chance(0.8) ? 0 : rng.int(1...6))),
                    ("isPublic", .bool(true)),
                ])),
            ])
            threads.append((at, thread, SandboxEventInfo(kind: .youtubeComment, id: threadID, text: output.text, tone: output.tone,
                                                          authorID: author.youtubeChannelID)))
        }
        // Newest first, as order=time returns them.
        let ordered = threads.enumerated().sorted { ($0.element.0, $0.offset) > ($1.element.0, $1.offset) }.map(\.element)
        let body = SandboxJSON.object([
            ("kind", .string("youtube#commentThreadListResponse")),
            ("etag", .string(Self.etag(ordered.map(\.2.id).joined()))),
            ("pageInfo", .object([("totalResults", .int(ordered.count)), ("resultsPerPage", .int(20))])),
            ("items", .array(ordered.map(\.1))),
        ])
        return SandboxDelivery(format: .youtube, body: body.encoded(.plain), accountExternalID: channel.externalID, events: ordered.map(\.2))
    }

    static func etag(_ key: String) -> String {
        SandboxIDShape.characters(27, from: SandboxIDShape.base64URL, seed: SandboxHash.of("etag", key))
    }

    /// YouTube's textDisplay: HTML-escaped, line breaks as <br>.
    static func youtubeDisplay(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
            .replacingOccurrences(of: "\n", with: "<br>")
    }
}
