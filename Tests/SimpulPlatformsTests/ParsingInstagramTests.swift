import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("Parsing: Instagram webhooks")
struct ParsingInstagramTests {
    @Test func commentWithParentIsReply() throws {
        let events = try parseFixture("upstream/instagram/wh-comments-2021.json", as: .instagram)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.platform == .instagram)
        #expect(event.accountRef == "0")
        #expect(event.kind == .reply)
        #expect(event.eventID == "123456789")
        #expect(event.author == InboundEvent.Author(id: "1234536447", handle: "testuser"))
        #expect(event.text == "This is an example.")
        #expect(event.parentRef == "987654321")
        #expect(event.threadRef == "76543987")
        #expect(event.detail == ["field": "comments", "media_product_type": "FEED"])
        #expect(event.raw == #"{"from":{"id":"1234536447","username":"testuser"},"id":"123456789","#
            + #""media":{"id":"76543987","media_product_type":"FEED"},"parent_id":"987654321","text":"This is an example."}"#)
    }

    @Test func mention() throws {
        let events = try parseFixture("upstream/instagram/wh-mentions.json", as: .instagram)
        let event = try #require(events.first)
        #expect(events.count == 1)
        #expect(event.kind == .mention)
        #expect(event.eventID == "17887498072083520")
        #expect(event.threadRef == "17887498072083520")
        #expect(event.parentRef == nil)
        #expect(event.accountRef == "0")
        #expect(event.detail == ["field": "mentions", "mentioned_in": "comment"])
    }

    @Test func captionMentionUsesMediaID() throws {
        let body = #"{"object":"instagram","entry":[{"id":"17841400000000001","time":1,"changes":[{"field":"mentions","value":{"media_id":"18000000000000009"}}]}]}"#
        let event = try #require(try parseText(body, as: .instagram).first)
        #expect(event.kind == .mention)
        #expect(event.eventID == "18000000000000009")
        #expect(event.detail["mentioned_in"] == "caption")
    }

    @Test func mediaContainerStatusIsNotAWebhook() throws {
        let data = try fixture("upstream/instagram/container.json")
        #expect(parseError(data, as: .instagram) == .unexpectedShape(#"an object with "object": "instagram" and an "entry" array"#))
    }

    @Test func commentsRepliesLiveCommentsAndMessaging() throws {
        let events = try parseFixture("own/instagram/comments-and-messaging.json", as: .instagram)
        #expect(events.map(\.kind) == [.comment, .reply, .comment, .unknown, .dm, .reaction])
        #expect(events.allSatisfy { $0.accountRef == "17841400000000001" })

        let top = events[0]
        #expect(top.eventID == "18100000000000001")
        #expect(top.author == InboundEvent.Author(id: "17841400000000777", handle: "warga.tirtamaya"))
        #expect(top.parentRef == "18000000000000001")
        #expect(top.threadRef == "18000000000000001")
        #expect(top.detail["media_product_type"] == "REELS")

        let reply = events[1]
        #expect(reply.eventID == "18100000000000002")
        #expect(reply.parentRef == "18100000000000001")
        #expect(reply.detail["from_account"] == "true")

        let live = events[2]
        #expect(live.eventID == "18100000000000003")
        #expect(live.threadRef == "18000000000000002")
        #expect(live.author?.id == "17841400000000778")
        #expect(live.detail["field"] == "live_comments")

        #expect(events[3].detail["field"] == "story_insights")

        let dm = events[4]
        #expect(dm.eventID == "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAx")
        #expect(dm.text == nil)
        #expect(dm.threadRef == "987654321000001")
        #expect(dm.occurredAt == unix(1_750_873_100))
        #expect(dm.media.map(\.type) == ["image", "story_mention"])
        #expect(dm.media.first?.url == "https://lookaside.example.net/ig_messaging_cdn/?asset_id=1")

        let unreact = events[5]
        #expect(unreact.parentRef == "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAy")
        #expect(unreact.detail["action"] == "unreact")
    }

    @Test func messagingSentAsChangeFromDashboardTest() throws {
        let events = try parseFixture("own/instagram/messages-change.json", as: .instagram)
        let event = try #require(events.first)
        #expect(event.kind == .dm)
        #expect(event.eventID == "random_mid")
        #expect(event.text == "random_text")
        #expect(event.accountRef == "17841400000000001")
        #expect(event.author?.id == "12334")
        #expect(event.occurredAt == unix(1_527_459_824))
    }
}
