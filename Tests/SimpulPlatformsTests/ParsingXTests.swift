import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("Parsing: X mentions timeline")
struct ParsingXTests {
    @Test func bareMentionsPage() throws {
        let page = try PayloadParser.parseXMentions(fixture("upstream/x/lookup_mentions.json"), accountRef: "2244994945")
        #expect(page.events.count == 5)
        #expect(page.newestID == "1375152598945312768")
        #expect(page.nextToken == "7140dibdnow9c7btw3w3y5b6jqjnk3k4g5zkmfkvqwa42")
        #expect(page.events.map(\.eventID) == [
            "1375152598945312768", "1375152449594523649", "1375152043455873027", "1375151947360174082", "1375151827189137412",
        ])
        let first = page.events[0]
        #expect(first.platform == .x)
        #expect(first.kind == .mention)
        #expect(first.accountRef == "2244994945")
        #expect(first.text == "@LeBraat @TwitterDev @LeGuud There's enough @twitterdev love to go around, @LeBraat")
        #expect(first.author == nil)
        #expect(first.threadRef == nil)
        #expect(first.detail.isEmpty)
        #expect(page.events[4].text == "This is a test, but also a good excuse to express my love for @TwitterDev 😍")
        #expect(first.raw == #"{"id":"1375152598945312768","text":"@LeBraat @TwitterDev @LeGuud There's enough @twitterdev love to go around, @LeBraat"}"#)
    }

    @Test func genericParseHasNoAccount() throws {
        let events = try parseFixture("upstream/x/lookup_mentions.json", as: .x)
        #expect(events.count == 5)
        #expect(events.allSatisfy { $0.accountRef == "" })
    }

    @Test func singleTweetBodyIsNotATimeline() throws {
        let data = try fixture("upstream/x/create_tweet.json")
        #expect(parseError(data, as: .x) == .unexpectedShape(#"an object with a "data" array of tweets, or "meta" or "errors""#))
    }

    @Test func expandedMentionsWithIncludes() throws {
        let data = try fixture("own/x/mentions-expanded.json")
        let page = try PayloadParser.parseXMentions(data, accountRef: "1500000000000000001")
        #expect(page.newestID == "1937000000000000003")
        #expect(page.nextToken == "7140dibdnow9c7btw4b0j1t2l1g8tq6lfrr9mr5nd4ks3")
        #expect(page.events.map(\.kind) == [.reply, .mention])

        let reply = page.events[0]
        #expect(reply.eventID == "1937000000000000002")
        #expect(reply.accountRef == "1500000000000000001")
        #expect(reply.author == InboundEvent.Author(id: "44196397000", name: "Rudi Hartono", handle: "rudi_h"))
        #expect(reply.parentRef == "1937000000000000001")
        #expect(reply.threadRef == "1937000000000000001")
        #expect(reply.occurredAt == unix(1_750_839_330))
        #expect(reply.media == [
            .init(type: "image", id: "3_1937000000000000100", url: "https://pbs.twimg.example/media/simpang-lima.jpg", caption: "Lampu mati"),
            .init(type: "video", id: "7_1937000000000000101", url: "https://pbs.twimg.example/ext_tw_video_thumb/1.jpg"),
        ])
        #expect(reply.detail == ["in_reply_to_user_id": "1500000000000000001", "lang": "in"])

        let quote = page.events[1]
        #expect(quote.author?.handle == "tirtamaya_info")
        #expect(quote.parentRef == nil)
        #expect(quote.detail["quoted_id"] == "1936000000000000009")
        #expect(quote.occurredAt == unix(1_750_842_000))

        // Without an account, the generic entry point uses in_reply_to_user_id where there is one.
        let generic = try PayloadParser.parse(data, as: .x)
        #expect(generic.map(\.accountRef) == ["1500000000000000001", ""])
    }

    @Test func errorOnlyAndEmptyBodiesHaveNoEvents() throws {
        let errors = try PayloadParser.parseXMentions(fixture("own/x/errors-only.json"), accountRef: "1")
        #expect(errors.events.isEmpty)
        #expect(errors.newestID == nil)
        #expect(errors.nextToken == nil)
        #expect(try parseFixture("own/x/empty.json", as: .x).isEmpty)
        #expect(try parseText(#"{"data":[],"meta":{"result_count":0}}"#, as: .x).isEmpty)
        #expect(try parseText(#"{"data":null,"meta":{"result_count":0}}"#, as: .x).isEmpty)
    }

    @Test func numericTweetIDsKeepEveryDigit() throws {
        let body = #"{"data":[{"id":1937000000000000002,"text":"hai","author_id":44196397,"conversation_id":1937000000000000001,"created_at":"2025-06-25T08:15:30Z"}]}"#
        let event = try #require(try parseText(body, as: .x).first)
        #expect(event.eventID == "1937000000000000002")
        #expect(event.threadRef == "1937000000000000001")
        #expect(event.author == InboundEvent.Author(id: "44196397"))
    }

    @Test func longPostUsesNoteTweetText() throws {
        let body = #"{"data":[{"id":"1","text":"Pendek…","note_tweet":{"text":"Teks panjang lengkap"}}]}"#
        #expect(try parseText(body, as: .x).first?.text == "Teks panjang lengkap")
    }

    @Test func garbageTweetsAreUnknown() throws {
        let events = try parseText(#"{"data":["oops",{"text":"no id"},{"id":"7","text":"ok"}]}"#, as: .x)
        #expect(events.map(\.kind) == [.unknown, .unknown, .mention])
        #expect(events[0].raw == #""oops""#)
    }
}
