import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("Parsing: bad and unusual input")
struct ParsingRobustnessTests {
    static let webhookFormats: [PayloadFormat] = [.meta, .instagram, .whatsapp]

    @Test(arguments: PayloadFormat.allCases)
    func notJSON(format: PayloadFormat) {
        #expect(parseError(Data(), as: format) == .notJSON)
        #expect(parseError(Data("   ".utf8), as: format) == .notJSON)
        #expect(parseError(Data("hello".utf8), as: format) == .notJSON)
        #expect(parseError(Data(#"{"object":"page","entry":["#.utf8), as: format) == .notJSON)
        #expect(parseError(Data([0xFF, 0xFE, 0x00, 0x7B]), as: format) == .notJSON)
    }

    @Test(arguments: PayloadFormat.allCases)
    func topLevelThatIsNotAnObject(format: PayloadFormat) {
        for text in ["[]", #"[{"object":"page","entry":[]}]"#, "42", #""page""#, "null", "true"] {
            guard case .unexpectedShape = parseError(Data(text.utf8), as: format) else {
                Issue.record("\(text) as \(format) should be unexpectedShape")
                continue
            }
        }
    }

    @Test func webhookBodyOfAnotherPlatform() throws {
        let whatsapp = try fixture("upstream/whatsapp/webhook-incoming-message-text.json")
        let page = try fixture("upstream/meta/feed-comment-add-211.json")
        let instagram = try fixture("upstream/instagram/wh-comments-2021.json")
        #expect(parseError(whatsapp, as: .meta) == .unexpectedShape(#"an object with "object": "page" and an "entry" array"#))
        #expect(parseError(whatsapp, as: .instagram) != nil)
        #expect(parseError(page, as: .whatsapp) != nil)
        #expect(parseError(page, as: .instagram) != nil)
        #expect(parseError(instagram, as: .meta) != nil)
        #expect(parseError(page, as: .x) != nil)
        #expect(parseError(page, as: .youtube) != nil)
    }

    @Test(arguments: webhookFormats)
    func brokenEnvelope(format: PayloadFormat) {
        let object = Self.objectName(format)
        for text in [
            #"{"object":"\#(object)"}"#,
            #"{"object":"\#(object)","entry":"x"}"#,
            #"{"object":"\#(object)","entry":{"id":"1"}}"#,
            #"{"object":"\#(object)","entry":null}"#,
            #"{"entry":[]}"#,
            #"{"object":7,"entry":[]}"#,
        ] {
            guard case .unexpectedShape = parseError(Data(text.utf8), as: format) else {
                Issue.record("\(text) as \(format) should be unexpectedShape")
                continue
            }
        }
    }

    @Test(arguments: webhookFormats)
    func emptyEntryListHasNoEvents(format: PayloadFormat) throws {
        #expect(try parseText(#"{"object":"\#(Self.objectName(format))","entry":[]}"#, as: format).isEmpty)
    }

    @Test(arguments: webhookFormats)
    func garbageInsideTheEnvelopeBecomesUnknownEvents(format: PayloadFormat) throws {
        let object = Self.objectName(format)
        let text = #"""
        {"object":"\#(object)","entry":[
          "a string entry",
          7,
          {"id":"1","changes":5},
          {"id":"2","changes":["not a change",{"field":"feed"},{"field":"messages","value":"text"},{"value":{}}]},
          {"id":"3","messaging":{"sender":"x"}},
          {"id":"4","messaging":[null,[],{"sender":{"id":"9"},"recipient":{"id":"4"},"timestamp":"soon"}]},
          {"id":"5"}
        ]}
        """#
        let events = try parseText(text, as: format)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.kind == .unknown })
        #expect(events.allSatisfy { !$0.eventID.isEmpty && !$0.raw.isEmpty && $0.platform == format.platform })
        #expect(events.contains { $0.raw == #""a string entry""# })
        // The same garbage gives the same ids, so a redelivery is still harmless.
        #expect(try parseText(text, as: format).map(\.eventID) == events.map(\.eventID))
    }

    @Test func whatsappMessagesListWithGarbage() throws {
        let text = #"""
        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
          "metadata":{"phone_number_id":"55"},
          "contacts":"nobody",
          "messages":["a string",42,{"type":"text"},{"id":"wamid.X","from":"628","type":"text","text":"not an object"},
                      {"id":"wamid.Y","from":"628","type":"image","image":"nope"},{"id":"wamid.Z","type":{"odd":true}}],
          "statuses":[{"status":"read"},"junk"]}}]}]}
        """#
        let events = try parseText(text, as: .whatsapp)
        #expect(events.map(\.kind) == [.unknown, .unknown, .dm, .dm, .dm, .dm, .status, .unknown])
        #expect(events.allSatisfy { $0.accountRef == "55" })
        #expect(events[2].eventID.hasPrefix("message:"))
        #expect(events[3].eventID == "wamid.X")
        #expect(events[3].text == nil)
        #expect(events[4].media.isEmpty)
        #expect(events[5].detail["type"] == "unknown")
        #expect(events[6].eventID.hasPrefix("status:"))
    }

    @Test func messagesFieldWithoutAnythingKnownIsUnknown() throws {
        let text = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"55"},"messages":"x"}}]}]}"#
        let events = try parseText(text, as: .whatsapp)
        #expect(events.map(\.kind) == [.unknown])
        #expect(events[0].accountRef == "55")
    }

    @Test func unknownExtraFieldsAreIgnored() throws {
        let text = #"""
        {"object":"page","future":{"x":[1,2]},"entry":[{"id":"10","time":1,"extra":true,"changes":[
          {"field":"feed","value":{"item":"comment","verb":"add","comment_id":"1_2","post_id":"10_1","parent_id":"10_1",
           "from":{"id":"77","name":"A","extra":1},"message":"hi","created_time":1700000000,"new_thing":{"deep":[{}]}}}]}]}
        """#
        let event = try #require(try parseText(text, as: .meta).first)
        #expect(event.kind == .comment)
        #expect(event.eventID == "1_2")
        #expect(event.author == InboundEvent.Author(id: "77", name: "A"))
        #expect(event.raw.contains(#""new_thing":{"deep":[{}]}"#))
    }

    @Test(arguments: PayloadFormat.allCases)
    func deepNestingDoesNotCrash(format: PayloadFormat) {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(parseError(Data(text.utf8), as: format) == .notJSON)

        let nestedObject = String(repeating: #"{"a":"#, count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        let body = #"{"object":"page","entry":[{"id":"1","changes":[{"field":"feed","value":\#(nestedObject)}]}]}"#
        _ = try? PayloadParser.parse(Data(body.utf8), as: format)
    }

    @Test func moderatelyDeepUnknownValueIsKept() throws {
        let nested = String(repeating: #"{"a":"#, count: 200) + "1" + String(repeating: "}", count: 200)
        let body = #"{"object":"page","entry":[{"id":"1","changes":[{"field":"odd","value":\#(nested)}]}]}"#
        let event = try #require(try parseText(body, as: .meta).first)
        #expect(event.kind == .unknown)
        #expect(event.raw.count == #"{"field":"odd","value":}"#.count + nested.count)
    }

    @Test func hugeNumbers() throws {
        let text = #"""
        {"object":"page","entry":[{"id":1e400,"time":-1e999,"changes":[{"field":"feed","value":{
          "item":"comment","verb":"add","comment_id":123456789012345678901234567890,"post_id":18446744073709551616,
          "from":{"id":9223372036854775807,"name":"Max"},"message":"big","created_time":1e300}}]}]}
        """#
        let events = try parseText(text, as: .meta)
        let event = try #require(events.first)
        #expect(event.kind == .comment)
        #expect(event.accountRef == "")
        #expect(event.author?.id == "9223372036854775807")
        #expect(event.occurredAt == nil)
        #expect(!event.eventID.isEmpty)
    }

    @Test func largeBodyIsQuick() throws {
        let message = #"{"from":"628","id":"wamid.N","timestamp":"1750000000","type":"text","text":{"body":"halo"}}"#
        let many = Array(repeating: message, count: 2_000).joined(separator: ",")
        let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"5"},"messages":[\#(many)]}}]}]}"#
        let start = Date()
        let events = try parseText(body, as: .whatsapp)
        #expect(events.count == 2_000)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    static func objectName(_ format: PayloadFormat) -> String {
        switch format {
        case .meta: "page"
        case .instagram: "instagram"
        case .whatsapp: "whatsapp_business_account"
        case .x, .youtube: ""
        }
    }
}
