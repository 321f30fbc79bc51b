import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("Parsing: YouTube comment threads")
struct ParsingYouTubeTests {
    @Test func singleThread() throws {
        let events = try parseFixture("upstream/youtube/comment_thread_single.json", as: .youtube)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.platform == .youtube)
        #expect(event.kind == .comment)
        #expect(event.eventID == "UgxKREWxIgDrw8w2e_Z4AaABAg")
        #expect(event.accountRef == "")
        #expect(event.author == InboundEvent.Author(id: "UClfzT4CU_yaZjJaI4pKqSjQ", name: "Hieu Nguyen"))
        #expect(event.text == "Super video !!!\nWith full power skil  thank a lot ... \nVery nice , coupe \ncan i give Luke Davit and JESSICA EARl- CHA some tea and tall a more ...")
        #expect(event.parentRef == "D-lhorsDlUQ")
        #expect(event.threadRef == "D-lhorsDlUQ")
        #expect(event.occurredAt == unix(1_555_722_219))
        #expect(event.detail == ["thread_id": "UgxKREWxIgDrw8w2e_Z4AaABAg", "like_count": "0", "total_reply_count": "0"])
        #expect(event.raw.hasPrefix(#"{"etag":"\"j6xRRd8dTPVVptg711_CSPADRfg/W05nAf1QR8i2AYeULDR019ku3Lg\"","id":"UgxKREWxIgDrw8w2e_Z4AaABAg","kind":"youtube#comment","snippet":{"authorChannelId""#))
    }

    @Test func threadsWithRepliesAndCursor() throws {
        let data = try fixture("own/youtube/threads-with-replies.json")
        let page = try PayloadParser.parseYouTubeThreads(data, channelID: "UCtirtamayaKotaResmi00001")
        #expect(page.nextPageToken == "QURTSl9pM0ZxX2JaQ0tqZ2N6c0V0")
        #expect(page.events.map(\.kind) == [.comment, .reply, .reply, .comment])
        #expect(page.events.allSatisfy { $0.accountRef == "UCtirtamayaKotaResmi00001" })

        let top = page.events[0]
        #expect(top.eventID == "UgzThreadAAAA0001")
        #expect(top.author == InboundEvent.Author(id: "UCwarga000000000000000001", name: "@wargaSejahtera", handle: "wargaSejahtera"))
        #expect(top.text == "Meriah sekali HUT kota tahun ini! <3")
        #expect(top.threadRef == "vidHUT2025ab")
        #expect(top.parentRef == "vidHUT2025ab")
        #expect(top.occurredAt == unix(1_750_413_600))
        #expect(top.detail == ["thread_id": "UgzThreadAAAA0001", "like_count": "12", "total_reply_count": "2",
                               "updated_at": "2025-06-20T10:05:00Z"])

        let reply = page.events[1]
        #expect(reply.eventID == "UgzThreadAAAA0001.AbCdEfGh0001")
        #expect(reply.parentRef == "UgzThreadAAAA0001")
        #expect(reply.threadRef == "vidHUT2025ab")
        #expect(reply.author?.handle == "pemkot.tirtamaya")

        let second = page.events[2]
        #expect(second.author?.handle == "ibu sri")
        #expect(second.detail["like_count"] == "0")
        #expect(second.occurredAt == unix(1_750_397_415.25))

        let held = page.events[3]
        #expect(held.author?.handle == nil)
        #expect(held.threadRef == "vidBanjir0001")
        #expect(held.detail["moderation_status"] == "heldForReview")
    }

    @Test func genericParseTakesChannelFromThread() throws {
        let events = try parseFixture("own/youtube/threads-with-replies.json", as: .youtube)
        #expect(events.count == 4)
        #expect(events.allSatisfy { $0.accountRef == "UCtirtamayaKotaResmi00001" })
        let givenEmpty = try PayloadParser.parseYouTubeThreads(fixture("upstream/youtube/comment_thread_single.json"), channelID: "")
        #expect(givenEmpty.events.first?.accountRef == "")
        #expect(givenEmpty.nextPageToken == nil)
    }

    @Test func emptyAndErrorBodies() throws {
        #expect(try parseText(#"{"kind":"youtube#commentThreadListResponse","items":[]}"#, as: .youtube).isEmpty)
        #expect(try parseText(#"{"kind":"youtube#commentThreadListResponse","pageInfo":{"totalResults":0}}"#, as: .youtube).isEmpty)
        let error = #"{"error":{"code":403,"message":"The video identified by the videoId parameter has disabled comments.","errors":[{"reason":"commentsDisabled"}]}}"#
        #expect(parseError(Data(error.utf8), as: .youtube) == .unexpectedShape(#"an object with an "items" array of comment threads"#))
        #expect(parseError(Data(#"{"items":{}}"#.utf8), as: .youtube) != nil)
    }

    @Test func garbageThreadsAreUnknown() throws {
        let body = #"{"items":[7,{"id":"t","snippet":{"videoId":"v"}},{"id":"ok","snippet":{"videoId":"v","topLevelComment":{"id":"ok","snippet":{}},"totalReplyCount":1},"replies":{"comments":["x"]}}]}"#
        let events = try parseText(body, as: .youtube)
        #expect(events.map(\.kind) == [.unknown, .unknown, .comment, .unknown])
        #expect(events[2].author == nil)
        #expect(events[2].text == nil)
    }

    @Test func handleFromChannelAddress() {
        #expect(YouTubeCommentThreadsParser.handle(from: "https://www.youtube.com/@kota.tirtamaya") == "kota.tirtamaya")
        #expect(YouTubeCommentThreadsParser.handle(from: "https://www.youtube.com/@kota/videos") == "kota")
        #expect(YouTubeCommentThreadsParser.handle(from: "http://www.youtube.com/channel/UC123") == nil)
        #expect(YouTubeCommentThreadsParser.handle(from: "https://www.youtube.com/@") == nil)
        #expect(YouTubeCommentThreadsParser.handle(from: nil) == nil)
    }
}
