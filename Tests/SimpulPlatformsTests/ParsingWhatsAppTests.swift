import Foundation
import Testing
@testable import SimpulPlatforms

@Suite("Parsing: WhatsApp Cloud API webhooks")
struct ParsingWhatsAppTests {
    @Test func textMessage() throws {
        let events = try parseFixture("upstream/whatsapp/webhook-incoming-message-text.json", as: .whatsapp)
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.platform == .whatsapp)
        #expect(event.accountRef == "10634295353625")
        #expect(event.kind == .dm)
        #expect(event.eventID == "wamid.HBgNNDkxNTIwOTgzMzM5OBUCABIYHGDEHJVFHJEVCFHJEVBCMTkyODk1OEIyAA==")
        #expect(event.author == InboundEvent.Author(id: "491234567890", name: "TestUser"))
        #expect(event.text == "Test")
        #expect(event.threadRef == "491234567890")
        #expect(event.parentRef == nil)
        #expect(event.occurredAt == unix(1_653_253_313))
        #expect(event.detail == ["type": "text"])
        #expect(event.raw == #"{"from":"491234567890","id":"wamid.HBgNNDkxNTIwOTgzMzM5OBUCABIYHGDEHJVFHJEVCFHJEVBCMTkyODk1OEIyAA==","#
            + #""text":{"body":"Test"},"timestamp":"1653253313","type":"text"}"#)
    }

    @Test func imageMessage() throws {
        let events = try parseFixture("upstream/whatsapp/webhook-incoming-message-image.json", as: .whatsapp)
        let event = try #require(events.first)
        #expect(event.kind == .dm)
        #expect(event.text == "Some awesome image")
        // The sample escapes the slash twice; the parser keeps what was sent.
        #expect(event.media == [.init(type: "image", id: "400962571939895", mimeType: #"image\/jpeg"#, caption: "Some awesome image")])
        #expect(event.detail == ["type": "image"])
    }

    @Test func sendAPIBodiesAreNotWebhooks() throws {
        for name in ["message-response.json", "send-message-phone-only.json"] {
            let data = try fixture("upstream/whatsapp/" + name)
            #expect(parseError(data, as: .whatsapp)
                == .unexpectedShape(#"an object with "object": "whatsapp_business_account" and an "entry" array"#))
        }
    }

    @Test func statusesOfOneMessageAreDistinctEvents() throws {
        let events = try parseFixture("own/whatsapp/statuses-sent-delivered-read.json", as: .whatsapp)
        let wamid = "wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjA5QUJDMUQyRTNGNDU2Nzg5AA=="
        #expect(events.map(\.eventID) == [wamid + ":sent", wamid + ":delivered", wamid + ":read"])
        #expect(events.allSatisfy { $0.kind == .status && $0.parentRef == wamid && $0.threadRef == "6281234567890" })
        #expect(events.allSatisfy { $0.accountRef == "106540352242922" && $0.author == nil })
        #expect(events[0].detail == [
            "status": "sent", "recipient_id": "6281234567890", "conversation_id": "a75d17ad06104c51166f948319b03c6a",
            "conversation_category": "service", "conversation_expires": "1750943820", "pricing_category": "service",
            "pricing_model": "PMP", "pricing_type": "free_customer_service", "billable": "false",
        ])
        #expect(events[1].detail["status"] == "delivered")
        #expect(events[2].detail == ["status": "read", "recipient_id": "6281234567890"])
        #expect(events[2].occurredAt == unix(1_750_857_410))
    }

    @Test func failedStatusCarriesError() throws {
        let event = try #require(try parseFixture("own/whatsapp/status-failed.json", as: .whatsapp).first)
        #expect(event.kind == .status)
        #expect(event.eventID == "wamid.HBgNNjI4NTc3NzAwMDExMRUCABEYEkZBSUxFRE1FU1NBR0UwMDEA:failed")
        #expect(event.detail == [
            "status": "failed", "recipient_id": "6285777000111", "error_code": "131047",
            "error_title": "Re-engagement message", "error_message": "Re-engagement message",
            "error_details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        ])
    }

    @Test func mediaMessages() throws {
        let events = try parseFixture("own/whatsapp/messages-media.json", as: .whatsapp)
        #expect(events.map(\.detail["type"]) == ["audio", "video", "document", "sticker"])
        #expect(events.allSatisfy { $0.kind == .dm })

        let audio = events[0]
        #expect(audio.author == InboundEvent.Author(id: "6281234567890", name: "Siti Rahmawati"))
        #expect(audio.media == [.init(type: "audio", id: "1003383421387256", mimeType: "audio/ogg; codecs=opus")])
        #expect(audio.text == nil)
        #expect(audio.detail["voice"] == "true")

        let video = events[1]
        #expect(video.text == "Banjir di Jalan Merdeka pagi ini")
        #expect(video.media == [.init(type: "video", id: "1184402356218420", mimeType: "video/mp4",
                                      caption: "Banjir di Jalan Merdeka pagi ini")])

        let document = events[2]
        #expect(document.author == InboundEvent.Author(id: "6285777000111", name: "Budi Santoso"))
        #expect(document.threadRef == "6285777000111")
        #expect(document.detail["filename"] == "permohonan-izin.pdf")
        #expect(document.media.first?.mimeType == "application/pdf")
        #expect(document.text == "Surat permohonan")

        let sticker = events[3]
        #expect(sticker.media == [.init(type: "sticker", id: "896349652198232", mimeType: "image/webp")])
        #expect(sticker.detail["animated"] == nil)
    }

    @Test func locationAndContacts() throws {
        let events = try parseFixture("own/whatsapp/messages-location-contacts.json", as: .whatsapp)
        #expect(events.count == 2)
        let location = events[0]
        #expect(location.kind == .dm)
        #expect(location.text == "Jembatan Cikapundung\nJl. Braga, Sumur Bandung")
        #expect(location.detail["latitude"] == "-6.914744")
        #expect(location.detail["longitude"] == "107.60981")

        let contacts = events[1]
        #expect(contacts.text == "Pak RT Joko (+62 812-0000-1111)\nBu Lurah")
        #expect(contacts.detail["contacts"] == "2")
        #expect(contacts.author?.name == "Siti Rahmawati")
    }

    @Test func interactiveAndButtonReplies() throws {
        let events = try parseFixture("own/whatsapp/messages-interactive-button.json", as: .whatsapp)
        #expect(events.map(\.kind) == [.dm, .dm, .dm])
        #expect(events.map(\.text) == ["Lapor banjir", "Kecamatan Sukajadi", "Berhenti"])
        #expect(events.map(\.parentRef) == ["wamid.MENU0001", "wamid.MENU0002", "wamid.TEMPLATE0001"])
        #expect(events[0].detail == ["type": "interactive", "interactive_type": "button_reply", "reply_id": "lapor-banjir",
                                     "context_from": "6282100000001"])
        #expect(events[1].detail["reply_description"] == "Wilayah utara")
        #expect(events[1].detail["reply_id"] == "kec-sukajadi")
        #expect(events[2].detail["payload"] == "BERHENTI_LANGGANAN")
    }

    @Test func reactionsAndReplies() throws {
        let events = try parseFixture("own/whatsapp/messages-reaction-reply.json", as: .whatsapp)
        #expect(events.map(\.kind) == [.reaction, .reaction, .dm])
        let react = events[0]
        #expect(react.eventID == "wamid.REACTION0001")
        #expect(react.parentRef == "wamid.OUTBOUND0001")
        #expect(react.detail == ["type": "reaction", "reaction": "\u{1F44D}", "action": "react"])
        #expect(react.author?.name == "Budi Santoso")

        let unreact = events[1]
        #expect(unreact.detail == ["type": "reaction", "action": "unreact"])

        let reply = events[2]
        #expect(reply.parentRef == "wamid.OUTBOUND0001")
        #expect(reply.text == "Terima kasih, sudah ditangani petugas.")
        #expect(reply.detail["forwarded"] == "true")
    }

    @Test func unsupportedSystemAndOrder() throws {
        let events = try parseFixture("own/whatsapp/messages-unsupported-system-order.json", as: .whatsapp)
        #expect(events.map(\.kind) == [.dm, .dm, .dm])
        #expect(events[0].detail == ["type": "unsupported", "error_code": "131051", "error_title": "Message type unknown",
                                     "error_message": "Message type unknown",
                                     "error_details": "Message type is currently not supported."])
        #expect(events[0].text == nil)
        #expect(events[1].text == "Siti Rahmawati changed their phone number to a new number 6281299998888")
        #expect(events[1].detail == ["type": "system", "system_type": "user_changed_number", "new_wa_id": "6281299998888"])
        #expect(events[2].text == "Tolong dikirim ke kantor kelurahan")
        #expect(events[2].detail == ["type": "order", "catalog_id": "1234567890123456", "product_items": "1"])
    }

    @Test func unknownFieldsAndAccountErrors() throws {
        let events = try parseFixture("own/whatsapp/unknown-fields.json", as: .whatsapp)
        #expect(events.map(\.kind) == [.unknown, .unknown, .unknown])
        #expect(events.map { $0.detail["field"] } == ["account_update", "message_template_status_update", "errors"])
        #expect(events[0].accountRef == "102290129340398")
        #expect(events[0].eventID.hasPrefix("unknown:account_update:"))
        #expect(events[0].raw == #"{"field":"account_update","value":{"event":"VERIFIED_ACCOUNT","phone_number":"6282100000001"}}"#)
        #expect(events[1].raw.contains(#""message_template_id":594425479261596"#))
        #expect(events[2].accountRef == "106540352242922")
        #expect(events[2].detail["error_code"] == "130429")
        #expect(events[2].detail["error_details"] == "Cloud API message throughput has been reached.")
        #expect(Set(events.map(\.eventID)).count == 3)
    }

    @Test func idsAsNumbers() throws {
        let event = try #require(try parseFixture("own/whatsapp/ids-as-numbers.json", as: .whatsapp).first)
        #expect(event.accountRef == "106540352242922")
        #expect(event.author == InboundEvent.Author(id: "6281234567890", name: "Siti Rahmawati"))
        #expect(event.threadRef == "6281234567890")
        #expect(event.occurredAt == unix(1_750_867_000))
        #expect(event.text == "Halo admin")
        #expect(event.raw.contains(#""some_future_field":{"nested":[1,2,3]}"#))
    }
}
