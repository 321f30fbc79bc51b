import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("Parsing: Facebook Page webhooks")
struct ParsingMetaTests {
    @Test func feedCommentOnPostIsComment() throws {
        let events = try parseFixture("upstream/meta/feed-comment-add-211.json", as: .meta)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.platform == .facebook)
        #expect(event.accountRef == "1234567890321")
        #expect(event.kind == .comment)
        #expect(event.eventID == "901097836652708_903438993085259")
        #expect(event.author == InboundEvent.Author(id: "1234567890321", name: "Tester"))
        #expect(event.text == "and the next one")
        #expect(event.parentRef == "1234567890321_901097836652708")
        #expect(event.threadRef == "1234567890321_901097836652708")
        #expect(event.occurredAt == unix(1_449_135_003))
        #expect(event.detail == ["verb": "add", "item": "comment", "from_account": "true"])
        #expect(event.media.isEmpty)
        #expect(event.raw == #"{"comment_id":"901097836652708_903438993085259","created_time":1449135003,"#
            + #""from":{"id":"1234567890321","name":"Tester"},"item":"comment","message":"and the next one","#
            + #""parent_id":"1234567890321_901097836652708","post_id":"1234567890321_901097836652708","verb":"add"}"#)
    }

    @Test func visitorPostOnPageFeedIsMention() throws {
        let events = try parseFixture("upstream/meta/feed-post-add-25.json", as: .meta)
        let event = try #require(events.first)
        #expect(events.count == 1)
        #expect(event.kind == .mention)
        #expect(event.eventID == "1234567890321_7293787835232")
        #expect(event.accountRef == "1234567890321")
        #expect(event.author == InboundEvent.Author(id: "8423678347823", name: "John Doe"))
        #expect(event.text == "Let's check this")
        #expect(event.threadRef == "1234567890321_7293787835232")
        #expect(event.parentRef == nil)
        #expect(event.occurredAt == nil)
        #expect(event.detail == ["verb": "add", "item": "post"])
    }

    @Test func feedReactionHasStableSyntheticID() throws {
        let data = try fixture("upstream/meta/feed-reaction-add.json")
        let events = try PayloadParser.parse(data, as: .meta)
        let event = try #require(events.first)
        #expect(event.kind == .reaction)
        #expect(event.eventID == "reaction:1234567890321_98735342324352:1234567890321:love:add:1475578854")
        #expect(event.author == InboundEvent.Author(id: "1234567890321", name: "John Doe"))
        #expect(event.parentRef == "1234567890321_98735342324352")
        #expect(event.threadRef == "1234567890321_98735342324352")
        #expect(event.occurredAt == unix(1_475_578_854))
        #expect(event.detail["reaction"] == "love")
        #expect(event.detail["verb"] == "add")
        #expect(event.text == nil)
        // Redelivery gives the same id.
        #expect(try PayloadParser.parse(data, as: .meta) == events)
    }

    @Test func pageMentionedInPost() throws {
        let events = try parseFixture("upstream/meta/mention-post-add-real.json", as: .meta)
        let event = try #require(events.first)
        #expect(event.kind == .mention)
        #expect(event.eventID == "1234567890321_98722536423179")
        #expect(event.accountRef == "1234567890321")
        #expect(event.text == "A test post message")
        #expect(event.threadRef == "1234567890321_98722536423179")
        #expect(event.parentRef == nil)
        #expect(event.author == nil)
        #expect(event.occurredAt == unix(1_614_340_562))
        #expect(event.detail == ["verb": "add", "item": "post", "field": "mention"])
    }

    @Test func messengerTextWithNumericIDs() throws {
        let events = try parseFixture("upstream/meta/messaging-message-basic.json", as: .meta)
        let event = try #require(events.first)
        #expect(events.count == 1)
        #expect(event.kind == .dm)
        #expect(event.eventID == "mid.1457764197618:41d102a3e1ae206a38")
        #expect(event.accountRef == "12345654332")
        #expect(event.author == InboundEvent.Author(id: "987654321432"))
        #expect(event.threadRef == "987654321432")
        #expect(event.text == "hello, world!")
        #expect(event.occurredAt == unix(1_457_764_197.627))
        #expect(event.detail == ["type": "message"])
        #expect(event.raw == #"{"message":{"mid":"mid.1457764197618:41d102a3e1ae206a38","seq":73,"text":"hello, world!"},"#
            + #""recipient":{"id":12345654332},"sender":{"id":987654321432},"timestamp":1457764197627}"#)
    }

    @Test func messengerAttachmentsEchoReceiptsReactionsPostbacks() throws {
        let events = try parseFixture("own/meta/messenger-attachments.json", as: .meta)
        #expect(events.map(\.kind) == [.dm, .dm, .status, .status, .reaction, .dm, .unknown])
        #expect(events.allSatisfy { $0.accountRef == "104378551234567" })
        #expect(events.allSatisfy { $0.threadRef == "6543219876543210" })

        let message = events[0]
        #expect(message.eventID == "m_AttachMessage0001")
        #expect(message.text == "Ini foto jalan rusak dan surat pengaduannya")
        #expect(message.parentRef == "m_PageQuestion0001")
        #expect(message.occurredAt == unix(1_750_870_000.001))
        #expect(message.media == [
            .init(type: "image", url: "https://scontent.example.net/v/t1.15752-9/jalan-rusak.jpg"),
            .init(type: "document", url: "https://cdn.fbsbx.example.net/v/t59.2708-21/pengaduan.pdf"),
            .init(type: "sticker", id: "369239263222822", url: "https://scontent.example.net/v/t39.1997-6/sticker.png"),
        ])

        let echo = events[1]
        #expect(echo.eventID == "m_PageEcho0001")
        #expect(echo.detail["echo"] == "true")
        #expect(echo.detail["from_account"] == "true")
        #expect(echo.author?.id == "104378551234567")
        #expect(echo.text == "Terima kasih, laporan diteruskan ke Dinas PU.")

        let delivery = events[2]
        #expect(delivery.eventID == "delivery:6543219876543210:1750870065000")
        #expect(delivery.detail["status"] == "delivered")
        #expect(delivery.detail["mids"] == "m_PageEcho0001")
        #expect(delivery.parentRef == "m_PageEcho0001")

        let read = events[3]
        #expect(read.eventID == "read:6543219876543210:1750870075000")
        #expect(read.detail["status"] == "read")
        #expect(read.occurredAt == unix(1_750_870_080))

        let reaction = events[4]
        #expect(reaction.eventID == "reaction:m_PageEcho0001:6543219876543210:react:1750870090000")
        #expect(reaction.parentRef == "m_PageEcho0001")
        #expect(reaction.detail["reaction"] == "love")
        #expect(reaction.detail["emoji"] == "\u{2764}\u{FE0F}")
        #expect(reaction.detail["action"] == "react")

        let postback = events[5]
        #expect(postback.eventID == "m_Postback0001")
        #expect(postback.text == "Cek status laporan")
        #expect(postback.detail == ["type": "postback", "payload": "CEK_STATUS"])

        let optin = events[6]
        #expect(optin.eventID.hasPrefix("unknown:messaging:"))
        #expect(optin.detail["type"] == "optin")
        #expect(optin.raw.contains(#""optin":{"payload":"BERITA_HARIAN","type":"notification_messages"}"#))
    }

    @Test func feedVariety() throws {
        let events = try parseFixture("own/meta/feed-variety.json", as: .meta)
        #expect(events.map(\.kind) == [.reply, .reply, .reaction, .reaction, .mention, .unknown, .share, .unknown])
        #expect(events.allSatisfy { $0.accountRef == "104378551234567" })

        let reply = events[0]
        #expect(reply.eventID == "987650000000001_555000000000002")
        #expect(reply.parentRef == "987650000000001_555000000000001")
        #expect(reply.threadRef == "104378551234567_987650000000001")
        #expect(reply.occurredAt == unix(1_750_871_000)) // "2025-06-25T17:03:20+0000"
        #expect(reply.author?.name == "Dewi Lestari")
        #expect(reply.detail["from_account"] == nil)

        let edit = events[1]
        #expect(edit.eventID == "987650000000001_555000000000002:edited:1750871100")
        #expect(edit.detail["verb"] == "edited")
        #expect(edit.text == "Balas: jadwalnya diumumkan minggu depan ya?")

        let unreact = events[2]
        #expect(unreact.eventID
            == "reaction:987650000000001_555000000000001:2451234567890123:like:remove:1750871200")
        #expect(unreact.parentRef == "987650000000001_555000000000001")
        #expect(unreact.detail["verb"] == "remove")

        let pageLike = events[3]
        #expect(pageLike.eventID == "reaction:104378551234567:3350000000000001:like:add:1750871000")
        #expect(pageLike.author == InboundEvent.Author(id: "3350000000000001"))
        #expect(pageLike.detail["reaction"] == "like")

        let photo = events[4]
        #expect(photo.eventID == "104378551234567_987650000000002")
        #expect(photo.media == [.init(type: "image", url: "https://scontent.example.net/v/t39.30808-6/genangan.jpg")])
        #expect(photo.detail["item"] == "photo")

        let ownPost = events[5]
        #expect(ownPost.eventID == "104378551234567_987650000000003")
        #expect(ownPost.detail["from_account"] == "true")
        #expect(ownPost.text == "Car free day Minggu ini ditiadakan.")

        let share = events[6]
        #expect(share.eventID == "987650000000004")
        #expect(share.threadRef == "104378551234567_987650000000004")
        #expect(share.media == [.init(type: "link", url: "https://berita.example.id/tirtamaya-raih-adipura")])
        #expect(share.text == "Selamat untuk kota kita!")

        let rating = events[7]
        #expect(rating.detail["field"] == "ratings")
        #expect(rating.eventID.hasPrefix("unknown:ratings:"))
        #expect(rating.raw.hasPrefix(#"{"field":"ratings","value":{"#))
    }

    @Test func mentionInCommentAndNumericIDs() throws {
        let events = try parseFixture("own/meta/mention-comment-numeric-ids.json", as: .meta)
        #expect(events.count == 2)
        let mention = events[0]
        #expect(mention.kind == .mention)
        #expect(mention.accountRef == "104378551234567")
        #expect(mention.eventID == "7770000000000001_8880000000000001")
        #expect(mention.parentRef == "5550000000000001_7770000000000001")
        #expect(mention.threadRef == "5550000000000001_7770000000000001")
        #expect(mention.author == InboundEvent.Author(id: "2451234567890123", name: "Dewi Lestari"))
        #expect(mention.occurredAt == unix(1_750_871_999))

        let comment = events[1]
        #expect(comment.kind == .comment)
        #expect(comment.eventID == "555000000000009")
        #expect(comment.threadRef == "104378551234567")
        #expect(comment.author?.id == "2451234567890123")
        #expect(comment.occurredAt == unix(1_750_872_001))
    }
}
