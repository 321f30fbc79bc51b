import Foundation
import SimpulCore

// Facebook Page and Instagram webhook bodies, shaped as Meta sends them: one entry per delivery,
// ids as strings, `created_time` in seconds for feed changes, millisecond timestamps for messaging.

extension SandboxGenerator {
    // MARK: Facebook

    private static let facebookKinds: [(SandboxEventKind, Int)] = [
        (.facebookComment, 38), (.facebookReply, 12), (.facebookVisitorPost, 6), (.facebookMention, 6),
        (.facebookReaction, 14), (.facebookMessage, 24),
    ]

    mutating func facebookDelivery(_ page: SandboxAccount, now: Date) -> SandboxDelivery {
        let kind = Self.facebookKinds[rng.weighted(Self.facebookKinds.map(\.1))].0
        let at = eventTime(now)
        let author = person()
        switch kind {
        case .facebookMessage:
            return facebookMessage(page, author: author, at: at, now: now)
        case .facebookReaction:
            return facebookReaction(page, at: at, now: now)
        case .facebookMention:
            let output = write(.mention, to: page, by: author, now: now)
            let postID = author.facebookUserID + "_" + uniqueNumber(leading: "1", timeDigits: 5, now: now)
            let value: [(String, SandboxJSON)] = [
                ("post_id", .string(postID)),
                ("created_time", .int(SandboxClock.unixSeconds(at))),
                ("item", .string("post")),
                ("verb", .string("add")),
                ("message", .string(output.text)),
                ("sender_id", .string(author.facebookUserID)),
                ("sender_name", .string(author.name)),
            ]
            return pageChange(page, field: "mention", value: value, at: at,
                              info: SandboxEventInfo(kind: kind, id: postID, text: output.text, tone: output.tone, authorID: author.facebookUserID))
        case .facebookVisitorPost:
            let output = write(.post, to: page, by: author, now: now)
            let postID = page.externalID + "_" + uniqueNumber(leading: "1", timeDigits: 5, now: now)
            let value: [(String, SandboxJSON)] = [
                ("from", from(author)),
                ("post_id", .string(postID)),
                ("created_time", .int(SandboxClock.unixSeconds(at))),
                ("item", .string("post")),
                ("is_hidden", .bool(false)),
                ("published", .int(1)),
                ("verb", .string("add")),
                ("message", .string(output.text)),
            ]
            return pageChange(page, field: "feed", value: value, at: at,
                              info: SandboxEventInfo(kind: kind, id: postID, text: output.text, tone: output.tone, authorID: author.facebookUserID))
        default:
            return facebookComment(page, author: author, reply: kind == .facebookReply, at: at, now: now)
        }
    }

    /// The page's recent posts (numbers after "<page id>_"): stable within a six-hour slot.
    func facebookPosts(_ page: SandboxAccount, now: Date) -> [String] {
        let slot = Self.slot(now)
        return (0..<6).map { stableNumber("fb-post", page.externalID, String(slot - Int64($0 / 3)), String($0), leading: "1", digits: 15) }
    }

    private mutating func facebookComment(_ page: SandboxAccount, author: SandboxPerson, reply: Bool, at: Date, now: Date) -> SandboxDelivery {
        let key = "fb:" + page.externalID
        var postNumber = rng.pick(facebookPosts(page, now: now))
        var parent = page.externalID + "_" + postNumber
        if reply {
            if let earlier = recentComments[key]?.sandboxPick(&rng) {
                let parts = earlier.split(separator: "|").map(String.init)
                postNumber = parts[0]
                parent = parts[1]
            } else {
                // A comment from before the Sandbox started.
                parent = postNumber + "_" + stableNumber("fb-old-comment", page.externalID, postNumber, leading: "1", digits: 15)
            }
        }
        var output = write(reply ? .reply : .comment, to: page, by: author, now: now)
        let commentID = postNumber + "_" + uniqueNumber(leading: "1", timeDigits: 5, now: now)
        let postID = page.externalID + "_" + postNumber
        remember(postNumber + "|" + commentID, in: \.recentComments, key: key)
        if !reply, rng.chance(Self.flaggedCommentShare) {
            let violation = rng.pick(SandboxCorpus.residentViolations)
            output.text = violation.0
            output.tone = violation.1
            remember(postNumber + "|" + commentID, in: \.flaggedComments, key: page.externalID, limit: 10)
        }
        let post: [(String, SandboxJSON)] = [
            ("status_type", .string(rng.pick(["added_photos", "added_photos", "mobile_status_update", "added_video", "shared_story"]))),
            ("is_published", .bool(true)),
            ("updated_time", .string(SandboxClock.graphTime(at))),
            ("permalink_url", .string("https://www.facebook.com/\(page.handle)/posts/pfbid0" + SandboxIDShape.characters(52, from: SandboxIDShape.alphanumeric, seed: SandboxHash.of(postID)))),
            ("promotion_status", .string("inactive")),
            ("id", .string(postID)),
        ]
        let value: [(String, SandboxJSON)] = [
            ("from", from(author)),
            ("post", .object(post)),
            ("message", .string(output.text)),
            ("post_id", .string(postID)),
            ("comment_id", .string(commentID)),
            ("created_time", .int(SandboxClock.unixSeconds(at))),
            ("item", .string("comment")),
            ("parent_id", .string(parent)),
            ("verb", .string("add")),
        ]
        return pageChange(page, field: "feed", value: value, at: at,
                          info: SandboxEventInfo(kind: reply ? .facebookReply : .facebookComment, id: commentID, text: output.text,
                                                 tone: output.tone, authorID: author.facebookUserID))
    }

    private mutating func facebookReaction(_ page: SandboxAccount, at: Date, now: Date) -> SandboxDelivery {
        let reactions = ["like", "love", "care", "haha", "wow", "sad", "angry"]
        let reaction = reactions[rng.weighted([50, 20, 6, 8, 5, 6, 5])]
        let posts = facebookPosts(page, now: now)
        var commentTarget: String?
        var postNumber = rng.pick(posts)
        if rng.chance(0.25), let earlier = recentComments["fb:" + page.externalID]?.sandboxPick(&rng) {
            let parts = earlier.split(separator: "|").map(String.init)
            postNumber = parts[0]
            commentTarget = parts[1]
        }
        let postID = page.externalID + "_" + postNumber
        var author = person()
        for _ in 0..<8 where reacted.contains(author.facebookUserID + "|" + (commentTarget ?? postID)) {
            author = person()
        }
        let object = commentTarget ?? postID
        if reacted.contains(author.facebookUserID + "|" + object) {
            // Everyone nearby has reacted already: someone new to this page, then.
            author = SandboxPerson(index: Self.populationSize + Int(counter % 1_000_000), seed: seed)
            _ = serial()
        }
        reacted.insert(author.facebookUserID + "|" + object)
        var value: [(String, SandboxJSON)] = [("from", from(author)), ("post_id", .string(postID))]
        if let commentTarget { value.append(("comment_id", .string(commentTarget))) }
        value += [
            ("created_time", .int(SandboxClock.unixSeconds(at))),
            ("item", .string("reaction")),
            ("parent_id", .string(postID)),
            ("reaction_type", .string(reaction)),
            ("verb", .string("add")),
        ]
        return pageChange(page, field: "feed", value: value, at: at,
                          info: SandboxEventInfo(kind: .facebookReaction, id: author.facebookUserID + "|" + object + "|" + reaction,
                                                 authorID: author.facebookUserID))
    }

    private mutating func facebookMessage(_ page: SandboxAccount, author: SandboxPerson, at: Date, now: Date) -> SandboxDelivery {
        let psid = author.messengerPSID(page: page.externalID)
        let mid = "m_" + SandboxIDShape.uniqueChars(serial()) + SandboxIDShape.characters(80, from: SandboxIDShape.base64URL, seed: SandboxHash.of(psid, String(counter)))
        var message: [(String, SandboxJSON)] = [("mid", .string(mid))]
        var info = SandboxEventInfo(kind: .facebookMessage, id: mid, authorID: psid)
        if rng.chance(0.06) {
            let url = "https://scontent.xx.fbcdn.net/v/t1.15752-9/" + stableNumber("fb-att", mid, leading: "4", digits: 17) + "_" + stableNumber("fb-att2", mid, leading: "", digits: 15) + "_n.jpg?_nc_cat=1&ccb=1-7&_nc_sid=fc17b8"
            message.append(("attachments", .array([.object([("type", .string("image")), ("payload", .object([("url", .string(url))]))])])))
        } else {
            let output = write(.directMessage, to: page, by: author, now: now)
            message.append(("text", .string(output.text)))
            info.text = output.text
            info.tone = output.tone
        }
        let event: [(String, SandboxJSON)] = [
            ("sender", .object([("id", .string(psid))])),
            ("recipient", .object([("id", .string(page.externalID))])),
            ("timestamp", .int(SandboxClock.unixMillis(at))),
            ("message", .object(message)),
        ]
        let body = SandboxJSON.object([
            ("object", .string("page")),
            ("entry", .array([.object([
                ("time", .int(SandboxClock.unixMillis(at) + Int64(rng.int(150...900)))),
                ("id", .string(page.externalID)),
                ("messaging", .array([.object(event)])),
            ])])),
        ])
        return SandboxDelivery(format: .meta, body: body.encoded(.metaEscaped), accountExternalID: page.externalID, events: [info])
    }

    /// A staff member's reaction to, or share of, an official Page's post. `from` is the staff
    /// account's own id, so the server can tell staff activity from residents'.
    mutating func facebookStaffActivity(staff: SandboxAccount, page: SandboxAccount, now: Date) -> SandboxDelivery {
        let at = eventTime(now)
        if let asked = amplifiedPosts[page.externalID], !asked.isEmpty, rng.chance(0.6) {
            return facebookStaffShare(staff: staff, page: page, postID: rng.pick(asked), at: at, now: now)
        }
        let postNumber = rng.pick(facebookPosts(page, now: now))
        let postID = page.externalID + "_" + postNumber
        let staffFrom = SandboxJSON.object([("id", .string(staff.externalID)), ("name", .string(staff.displayName))])
        let flaggedPages = flaggedComments.keys.sorted().compactMap { id in accounts.first { $0.externalID == id } }
        if rng.chance(Self.misstepShare), let flaggedPage = flaggedPages.sandboxPick(&rng),
           let flagged = flaggedComments[flaggedPage.externalID]?.sandboxPick(&rng),
           !reacted.contains(staff.externalID + "|" + flagged) {
            // A like on a resident's hateful or hoax comment, on whichever Page it was written:
            // the slip SKB 11 butir 4 names.
            reacted.insert(staff.externalID + "|" + flagged)
            let parts = flagged.split(separator: "|").map(String.init)
            let page = flaggedPage
            let value: [(String, SandboxJSON)] = [
                ("from", staffFrom),
                ("post_id", .string(page.externalID + "_" + parts[0])),
                ("comment_id", .string(parts[1])),
                ("created_time", .int(SandboxClock.unixSeconds(at))),
                ("item", .string("reaction")),
                ("parent_id", .string(parts[1])),
                ("reaction_type", .string("like")),
                ("verb", .string("add")),
            ]
            return pageChange(page, field: "feed", value: value, at: at,
                              info: SandboxEventInfo(kind: .facebookStaffReaction, id: staff.externalID + "|" + parts[1] + "|like", authorID: staff.externalID))
        }
        if rng.chance(0.55), !reacted.contains(staff.externalID + "|" + postID) {
            reacted.insert(staff.externalID + "|" + postID)
            let reaction = rng.pick(["like", "like", "love", "care"])
            let value: [(String, SandboxJSON)] = [
                ("from", staffFrom),
                ("post_id", .string(postID)),
                ("created_time", .int(SandboxClock.unixSeconds(at))),
                ("item", .string("reaction")),
                ("parent_id", .string(postID)),
                ("reaction_type", .string(reaction)),
                ("verb", .string("add")),
            ]
            return pageChange(page, field: "feed", value: value, at: at,
                              info: SandboxEventInfo(kind: .facebookStaffReaction, id: staff.externalID + "|" + postID + "|" + reaction, authorID: staff.externalID))
        }
        return facebookStaffShare(staff: staff, page: page, postID: postID, at: at, now: now)
    }

    /// A staff member sharing one of the Page's posts to their own timeline, often with a few words.
    private mutating func facebookStaffShare(staff: SandboxAccount, page: SandboxAccount, postID: String, at: Date, now: Date) -> SandboxDelivery {
        let staffFrom = SandboxJSON.object([("id", .string(staff.externalID)), ("name", .string(staff.displayName))])
        let postNumber = postID.split(separator: "_").last.map(String.init) ?? postID
        let shareID = staff.externalID + "_" + uniqueNumber(leading: "1", timeDigits: 5, now: now)
        var value: [(String, SandboxJSON)] = [
            ("from", staffFrom),
            ("link", .string("https://www.facebook.com/\(page.externalID)/posts/\(postNumber)/")),
            ("post_id", .string(postID)),
            ("share_id", .string(shareID)),
            ("created_time", .int(SandboxClock.unixSeconds(at))),
            ("item", .string("share")),
            ("published", .int(1)),
            ("verb", .string("add")),
        ]
        var info = SandboxEventInfo(kind: .facebookStaffShare, id: shareID, authorID: staff.externalID)
        if rng.chance(Self.misstepShare) {
            let slip = rng.pick(SandboxCorpus.staffMissteps)
            value.insert(("message", .string(slip.0)), at: 1)
            info.text = slip.0
            info.tone = slip.1
        } else if rng.chance(0.7) {
            let output = write(.staffPromo, to: page, by: person(), now: now)
            value.insert(("message", .string(output.text)), at: 1)
            info.text = output.text
            info.tone = output.tone
        }
        return pageChange(page, field: "feed", value: value, at: at, info: info)
    }

    private func from(_ author: SandboxPerson) -> SandboxJSON {
        .object([("id", .string(author.facebookUserID)), ("name", .string(author.name))])
    }

    private mutating func pageChange(_ page: SandboxAccount, field: String, value: [(String, SandboxJSON)], at: Date,
                                     info: SandboxEventInfo) -> SandboxDelivery {
        change(page, object: "page", format: .meta, field: field, value: value, at: at, info: info)
    }

    /// One `changes` entry in the envelope Facebook Page and Instagram webhooks share.
    private mutating func change(_ account: SandboxAccount, object: String, format: PayloadFormat, field: String,
                                 value: [(String, SandboxJSON)], at: Date, info: SandboxEventInfo) -> SandboxDelivery {
        let body = SandboxJSON.object([
            ("entry", .array([.object([
                ("id", .string(account.externalID)),
                ("time", .int(SandboxClock.unixSeconds(at) + Int64(rng.int(0...2)))),
                ("changes", .array([.object([("value", .object(value)), ("field", .string(field))])])),
            ])])),
            ("object", .string(object)),
        ])
        return SandboxDelivery(format: format, body: body.encoded(.metaEscaped), accountExternalID: account.externalID, events: [info])
    }

    // MARK: Instagram

    private static let instagramKinds: [(SandboxEventKind, Int)] = [
        (.instagramComment, 50), (.instagramReply, 12), (.instagramMention, 8), (.instagramMessage, 30),
    ]

    /// The account's recent media ids with their product type (FEED or REELS).
    func instagramMedia(_ account: SandboxAccount, now: Date) -> [(id: String, type: String)] {
        let slot = Self.slot(now, hours: 12)
        return (0..<5).map { index in
            let id = stableNumber("ig-media", account.externalID, String(slot - Int64(index / 2)), String(index), leading: "18", digits: 15)
            return (id, SandboxHash.of(id) % 10 < 3 ? "REELS" : "FEED")
        }
    }

    mutating func instagramDelivery(_ account: SandboxAccount, now: Date) -> SandboxDelivery {
        let kind = Self.instagramKinds[rng.weighted(Self.instagramKinds.map(\.1))].0
        let at = eventTime(now)
        let author = person()
        switch kind {
        case .instagramMessage:
            let igsid = author.instagramScopedID(account: account.externalID)
            let raw = "ig_message_item:1:IGMessageThread:\(account.externalID):" + uniqueNumber(leading: "3", timeDigits: 5, now: now)
                + SandboxIDShape.digits(SandboxHash.of(igsid), count: 22)
            let mid = Data(raw.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            let output = write(.directMessage, to: account, by: author, now: now)
            let event: [(String, SandboxJSON)] = [
                ("sender", .object([("id", .string(igsid))])),
                ("recipient", .object([("id", .string(account.externalID))])),
                ("timestamp", .int(SandboxClock.unixMillis(at))),
                ("message", .object([("mid", .string(mid)), ("text", .string(output.text))])),
            ]
            let body = SandboxJSON.object([
                ("object", .string("instagram")),
                ("entry", .array([.object([
                    ("time", .int(SandboxClock.unixMillis(at) + Int64(rng.int(150...900)))),
                    ("id", .string(account.externalID)),
                    ("messaging", .array([.object(event)])),
                ])])),
            ])
            return SandboxDelivery(format: .instagram, body: body.encoded(.metaEscaped), accountExternalID: account.externalID,
                                   events: [SandboxEventInfo(kind: kind, id: mid, text: output.text, tone: output.tone, authorID: igsid)])
        case .instagramMention:
            // Instagram sends only ids for a mention; the text is fetched from the Graph API.
            let commentID = uniqueNumber(leading: "18", timeDigits: 5, now: now)
            let mediaID = stableNumber("ig-elsewhere", author.instagramUserID, String(Self.slot(now)), leading: "18", digits: 15)
            let value: [(String, SandboxJSON)] = [("media_id", .string(mediaID)), ("comment_id", .string(commentID))]
            return instagramChange(account, field: "mentions", value: value, at: at,
                                   info: SandboxEventInfo(kind: kind, id: commentID, authorID: nil))
        default:
            return instagramComment(account, author: author, reply: kind == .instagramReply, at: at, now: now)
        }
    }

    private mutating func instagramComment(_ account: SandboxAccount, author: SandboxPerson, reply: Bool, at: Date, now: Date) -> SandboxDelivery {
        let key = "ig:" + account.externalID
        let media = instagramMedia(account, now: now)
        var chosen = rng.pick(media)
        var parent: String?
        if reply, let earlier = recentComments[key]?.sandboxPick(&rng) {
            let parts = earlier.split(separator: "|").map(String.init)
            chosen = (parts[0], parts[1])
            parent = parts[2]
        } else if reply {
            parent = stableNumber("ig-old-comment", chosen.id, leading: "17", digits: 15)
        }
        let output = write(reply ? .reply : .comment, to: account, by: author, now: now)
        let commentID = uniqueNumber(leading: "18", timeDigits: 5, now: now)
        remember(chosen.id + "|" + chosen.type + "|" + commentID, in: \.recentComments, key: key)
        var value: [(String, SandboxJSON)] = [
            ("from", .object([("id", .string(author.instagramUserID)), ("username", .string(author.handle))])),
            ("media", .object([("id", .string(chosen.id)), ("media_product_type", .string(chosen.type))])),
            ("id", .string(commentID)),
        ]
        if let parent { value.append(("parent_id", .string(parent))) }
        value.append(("text", .string(output.text)))
        return instagramChange(account, field: "comments", value: value, at: at,
                               info: SandboxEventInfo(kind: reply ? .instagramReply : .instagramComment, id: commentID, text: output.text,
                                                      tone: output.tone, authorID: author.instagramUserID))
    }

    /// A staff member's comment under an official account's post; `from` is the staff account.
    mutating func instagramStaffComment(staff: SandboxAccount, target: SandboxAccount, now: Date) -> SandboxDelivery {
        let at = eventTime(now)
        let media = rng.pick(instagramMedia(target, now: now))
        var output = write(.staffPromo, to: target, by: person(), now: now)
        if rng.chance(Self.misstepShare) { (output.text, output.tone) = rng.pick(SandboxCorpus.staffMissteps) }
        let commentID = uniqueNumber(leading: "18", timeDigits: 5, now: now)
        let value: [(String, SandboxJSON)] = [
            ("from", .object([("id", .string(staff.externalID)), ("username", .string(staff.handle))])),
            ("media", .object([("id", .string(media.id)), ("media_product_type", .string(media.type))])),
            ("id", .string(commentID)),
            ("text", .string(output.text)),
        ]
        return instagramChange(target, field: "comments", value: value, at: at,
                               info: SandboxEventInfo(kind: .instagramStaffComment, id: commentID, text: output.text, tone: output.tone,
                                                      authorID: staff.externalID))
    }

    private mutating func instagramChange(_ account: SandboxAccount, field: String, value: [(String, SandboxJSON)], at: Date,
                                          info: SandboxEventInfo) -> SandboxDelivery {
        change(account, object: "instagram", format: .instagram, field: field, value: value, at: at, info: info)
    }
}
