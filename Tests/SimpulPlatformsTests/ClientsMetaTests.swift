import Foundation
import SimpulCore
import Testing
@testable import SimpulPlatforms

@Suite struct ClientMetaTests {
    typealias K = ClientsKit

    func page(_ transport: ClientsFakeTransport, appSecret: String? = nil) -> MetaGraphConnector {
        MetaGraphConnector(surface: .facebookPage, transport: transport, endpoints: K.endpoints,
                           credentials: K.credentials { $0.pageID = "104857600"; $0.appSecret = appSecret })
    }

    func instagram(_ transport: ClientsFakeTransport, appSecret: String? = nil) -> MetaGraphConnector {
        MetaGraphConnector(surface: .instagram, transport: transport, endpoints: K.endpoints,
                           credentials: K.credentials {
                               $0.instagramUserID = "17841400000000001"
                               $0.pageID = "104857600"
                               $0.appSecret = appSecret
                           })
    }

    @Test func pageTestConnectionReadsIdAndName() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"104857600","name":"Pemkot Bandung"}"#)])
        let check = try await page(transport).testConnection()
        #expect(check == ConnectionCheck(accountName: "Pemkot Bandung", accountID: "104857600"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(K.host(request) == "graph.example.test")
        #expect(K.path(request) == "/v21.0/104857600")
        #expect(K.query(request) == ["fields": "id,name"])
        #expect(K.header(request, "Authorization") == "Bearer \(K.token)")
        #expect(request.body == nil)
    }

    @Test func instagramTestConnectionSendsAppSecretProof() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":17841400000000001,"username":"humas.kota","name":""}"#)])
        let check = try await instagram(transport, appSecret: K.appSecret).testConnection()
        #expect(check == ConnectionCheck(accountName: "humas.kota", accountID: "17841400000000001", handle: "humas.kota"))
        let request = try #require(transport.requests.first)
        #expect(K.path(request) == "/v21.0/17841400000000001")
        #expect(K.query(request) == ["fields": "id,username,name", "appsecret_proof": K.appSecretProof])
        #expect(!request.url.absoluteString.contains(K.token))
    }

    @Test func pageReplyPostsFormMessageToComments() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"104857600_1122334455"}"#)])
        let id = try await page(transport).reply(to: "987654321_123456", text: "Terima kasih, laporan & foto sudah kami terima.", idempotencyKey: "k1")
        #expect(id == "104857600_1122334455")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.path(request) == "/v21.0/987654321_123456/comments")
        #expect(K.query(request).isEmpty)
        #expect(K.header(request, "Content-Type") == "application/x-www-form-urlencoded")
        #expect(K.form(request) == ["message": "Terima kasih, laporan & foto sudah kami terima."])
        let raw = String(decoding: request.body ?? Data(), as: UTF8.self)
        #expect(!raw.contains(" ") && !raw.contains("+"))
    }

    @Test func instagramReplyUsesRepliesEdgeAndNumericID() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":17900000000000123}"#)])
        let id = try await instagram(transport).reply(to: "17890000000000999", text: "Siap, kami cek.", idempotencyKey: "k2")
        #expect(id == "17900000000000123")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.path(request) == "/v21.0/17890000000000999/replies")
        #expect(K.form(request) == ["message": "Siap, kami cek."])
    }

    @Test func idsAreEncodedIntoOnePathSegmentAndEmptyIdsRefused() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"1"}"#)])
        _ = try await page(transport).reply(to: "12/../34", text: "x", idempotencyKey: "k")
        #expect(K.path(try #require(transport.requests.first)) == "/v21.0/12%2F..%2F34/comments")

        let untouched = ClientsFakeTransport()
        let error = await K.error { try await page(untouched).reply(to: " ", text: "x", idempotencyKey: "k") }
        #expect(error == .rejected(status: 0, code: "invalid_id", detail: "comment id is empty or not an id"))
        let dots = await K.error { try await page(untouched).reply(to: "..", text: "x", idempotencyKey: "k") }
        #expect(dots?.detail.contains("not an id") == true)
        #expect(untouched.requests.isEmpty)
    }

    @Test func messengerSendIsJSONWithResponseType() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"recipient_id":"2468","message_id":"m_AbC123"}"#)])
        let id = try await page(transport, appSecret: K.appSecret).sendMessage(to: "2468", text: "Halo, ada yang bisa dibantu?")
        #expect(id == "m_AbC123")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.path(request) == "/v21.0/104857600/messages")
        #expect(K.query(request) == ["appsecret_proof": K.appSecretProof])
        #expect(K.header(request, "Content-Type") == "application/json")
        #expect(K.body(request, equals: #"""
            {"recipient":{"id":"2468"},"messaging_type":"RESPONSE","message":{"text":"Halo, ada yang bisa dibantu?"}}
            """#))
    }

    @Test func messageTagSwitchesMessagingType() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"recipient_id":"2468","message_id":"m_2"}"#)])
        _ = try await instagram(transport).sendMessage(to: "2468", text: "Update", tag: "HUMAN_AGENT")
        let request = try #require(transport.requests.first)
        #expect(K.path(request) == "/v21.0/104857600/messages")
        #expect(K.body(request, equals: #"""
            {"recipient":{"id":"2468"},"messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT","message":{"text":"Update"}}
            """#))
    }

    @Test func pagePostSendsMessageAndLink() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"id":"104857600_555"}"#)])
        let id = try await page(transport).publishPagePost(message: "Jadwal vaksinasi pekan ini", link: "https://kota.example.id/vaksin?x=1&y=2")
        #expect(id == "104857600_555")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.path(request) == "/v21.0/104857600/feed")
        #expect(K.form(request) == ["message": "Jadwal vaksinasi pekan ini", "link": "https://kota.example.id/vaksin?x=1&y=2"])
    }

    @Test func pagePostIsRefusedForInstagram() async {
        let transport = ClientsFakeTransport()
        let error = await K.error { try await instagram(transport).publishPagePost(message: "x") }
        #expect({ if case .rejected(0, "unsupported", _) = error { true } else { false } }())
        #expect(transport.requests.isEmpty)
    }

    @Test func instagramPublishCreatesContainerThenPublishes() async throws {
        let transport = ClientsFakeTransport([
            K.response(#"{"id":"17889615691921648"}"#),
            K.response(#"{"id":"17920238422030506"}"#),
        ])
        let id = try await instagram(transport).publishInstagramImage(imageURL: "https://cdn.example.id/a.jpg", caption: "Car Free Day #kota")
        #expect(id == "17920238422030506")
        let requests = transport.requests
        #expect(requests.count == 2)
        #expect(requests[0].method == "POST")
        #expect(K.path(requests[0]) == "/v21.0/17841400000000001/media")
        #expect(K.form(requests[0]) == ["image_url": "https://cdn.example.id/a.jpg", "caption": "Car Free Day #kota"])
        #expect(requests[1].method == "POST")
        #expect(K.path(requests[1]) == "/v21.0/17841400000000001/media_publish")
        #expect(K.form(requests[1]) == ["creation_id": "17889615691921648"])
    }

    @Test func containerStatusReadsStatusCode() async throws {
        let transport = ClientsFakeTransport([try K.fixture("instagram/container.json")])
        let status = try await instagram(transport).instagramContainerStatus(containerID: "17889615691921648")
        #expect(status == "FINISHED")
        let request = try #require(transport.requests.first)
        #expect(K.path(request) == "/v21.0/17889615691921648")
        #expect(K.query(request) == ["fields": "id,status_code"])
    }

    @Test func followerCounts() async throws {
        let transport = ClientsFakeTransport([
            K.response(#"{"followers_count":15230,"fan_count":14000,"id":"104857600"}"#),
            K.response(#"{"followers_count":"8800","id":"17841400000000001"}"#),
            K.response(#"{"fan_count":99,"id":"104857600"}"#),
        ])
        #expect(try await page(transport).fetchFollowerCount() == 15230)
        #expect(try await instagram(transport).fetchFollowerCount() == 8800)
        #expect(try await page(transport).fetchFollowerCount() == 99)
        let requests = transport.requests
        #expect(K.query(requests[0]) == ["fields": "followers_count,fan_count"])
        #expect(K.path(requests[1]) == "/v21.0/17841400000000001")
        #expect(K.query(requests[1]) == ["fields": "followers_count"])
    }

    @Test func graphErrorBecomesPlatformError() async {
        let transport = ClientsFakeTransport([K.response(400, #"""
            {"error":{"message":"(#10) Permission denied","type":"OAuthException","code":10,"fbtrace_id":"AbC"}}
            """#)])
        let error = await K.error { try await page(transport).reply(to: "1_2", text: "x", idempotencyKey: "k") }
        #expect(error == .rejected(status: 400, code: "10", detail: "Meta error (code 10, OAuthException, fbtrace AbC): (#10) Permission denied"))
    }

    @Test func successBodyWithoutIdIsInvalidResponse() async {
        let transport = ClientsFakeTransport([K.response(#"{"success":true}"#), K.response("<html>")])
        let first = await K.error { try await page(transport).reply(to: "1_2", text: "x", idempotencyKey: "k") }
        #expect({ if case .invalidResponse = first { true } else { false } }())
        let second = await K.error { try await page(transport).reply(to: "1_2", text: "x", idempotencyKey: "k") }
        #expect({ if case .invalidResponse = second { true } else { false } }())
    }
}

@Suite struct ClientWhatsAppTests {
    typealias K = ClientsKit

    func connector(_ transport: ClientsFakeTransport) -> WhatsAppConnector {
        WhatsAppConnector(transport: transport, endpoints: K.endpoints, credentials: K.credentials { $0.phoneNumberID = "106540352242922" })
    }

    @Test func textMessageBodyAndWamid() async throws {
        let transport = ClientsFakeTransport([try K.fixture("whatsapp/message-response.json")])
        let wamid = try await connector(transport).send(.text("Halo, laporan Anda kami terima.", previewURL: false), to: "6281234567890",
                                                        idempotencyKey: "outbox-42")
        #expect(wamid == "wamid.foobar")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(K.host(request) == "graph.example.test")
        #expect(K.path(request) == "/v21.0/106540352242922/messages")
        #expect(K.header(request, "Authorization") == "Bearer \(K.token)")
        #expect(K.header(request, "Content-Type") == "application/json")
        #expect(K.body(request, equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","type":"text",
             "text":{"preview_url":false,"body":"Halo, laporan Anda kami terima."},"biz_opaque_callback_data":"outbox-42"}
            """#))
    }

    @Test func replyIsTextToTheChatQuotingNothing() async throws {
        let transport = ClientsFakeTransport([try K.fixture("whatsapp/message-response.json")])
        let wamid = try await connector(transport).reply(to: "6281234567890", text: "Baik", idempotencyKey: "k9")
        #expect(wamid == "wamid.foobar")
        #expect(K.body(try #require(transport.requests.first), equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","type":"text",
             "text":{"preview_url":false,"body":"Baik"},"biz_opaque_callback_data":"k9"}
            """#))
    }

    @Test func mediaByLinkAndById() async throws {
        let ok = #"{"messaging_product":"whatsapp","messages":[{"id":"wamid.1"}]}"#
        let transport = ClientsFakeTransport([K.response(ok), K.response(ok), K.response(ok)])
        let whatsapp = connector(transport)
        _ = try await whatsapp.send(.media(kind: .document, idOrLink: "https://kota.example.id/perda.pdf", caption: "Perda 2024", filename: "perda.pdf"),
                                    to: "628111", replyingTo: "wamid.ORIGINAL")
        _ = try await whatsapp.send(.media(kind: .image, idOrLink: "1234567890", caption: "Peta", filename: "ignored.png"), to: "628111")
        _ = try await whatsapp.send(.media(kind: .audio, idOrLink: "777", caption: "no captions on audio", filename: nil), to: "628111")
        let requests = transport.requests
        #expect(K.body(requests[0], equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"document",
             "document":{"link":"https://kota.example.id/perda.pdf","caption":"Perda 2024","filename":"perda.pdf"},
             "context":{"message_id":"wamid.ORIGINAL"}}
            """#))
        #expect(K.body(requests[1], equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"image","image":{"id":"1234567890","caption":"Peta"}}
            """#))
        #expect(K.body(requests[2], equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"audio","audio":{"id":"777"}}
            """#))
    }

    @Test func templateWithBodyParameters() async throws {
        let transport = ClientsFakeTransport([K.response(#"{"messages":[{"id":"wamid.T"}]}"#), K.response(#"{"messages":[{"id":"wamid.U"}]}"#)])
        #expect(try await connector(transport).send(.template(name: "status_laporan", language: "id", parameters: ["LAP-001", "diproses"]), to: "628111") == "wamid.T")
        _ = try await connector(transport).send(.template(name: "hello_world", language: "en_US", parameters: []), to: "628111")
        let requests = transport.requests
        #expect(K.body(requests[0], equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"template",
             "template":{"name":"status_laporan","language":{"code":"id"},
               "components":[{"type":"body","parameters":[{"type":"text","text":"LAP-001"},{"type":"text","text":"diproses"}]}]}}
            """#))
        #expect(K.body(requests[1], equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"template",
             "template":{"name":"hello_world","language":{"code":"en_US"}}}
            """#))
    }

    @Test func interactiveButtonsAndList() async throws {
        let ok = #"{"messages":[{"id":"wamid.I"}]}"#
        let transport = ClientsFakeTransport([K.response(ok), K.response(ok)])
        _ = try await connector(transport).send(.buttons(body: "Apakah masalah sudah selesai?", buttons: [
            WhatsAppReplyButton(id: "yes", title: "Sudah"), WhatsAppReplyButton(id: "no", title: "Belum"),
        ]), to: "628111")
        _ = try await connector(transport).send(.list(body: "Pilih layanan", buttonText: "Layanan", sections: [
            WhatsAppListSection(title: "Kependudukan", rows: [
                WhatsAppListRow(id: "ktp", title: "KTP", description: "Cetak ulang KTP-el"),
                WhatsAppListRow(id: "kk", title: "KK"),
            ]),
        ]), to: "628111")
        let requests = transport.requests
        #expect(K.body(requests[0], equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"interactive",
             "interactive":{"type":"button","body":{"text":"Apakah masalah sudah selesai?"},
               "action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Sudah"}},{"type":"reply","reply":{"id":"no","title":"Belum"}}]}}}
            """#))
        #expect(K.body(requests[1], equals: #"""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"628111","type":"interactive",
             "interactive":{"type":"list","body":{"text":"Pilih layanan"},
               "action":{"button":"Layanan","sections":[{"title":"Kependudukan","rows":[
                 {"id":"ktp","title":"KTP","description":"Cetak ulang KTP-el"},{"id":"kk","title":"KK"}]}]}}}
            """#))
    }

    @Test func testConnectionReadsNumberAndVerifiedName() async throws {
        let transport = ClientsFakeTransport([K.response(#"""
            {"display_phone_number":"+62 22 1234 5678","verified_name":"Humas Kota","id":"106540352242922"}
            """#)])
        let check = try await connector(transport).testConnection()
        #expect(check == ConnectionCheck(accountName: "Humas Kota", accountID: "106540352242922", handle: "+62 22 1234 5678"))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(K.path(request) == "/v21.0/106540352242922")
        #expect(K.query(request) == ["fields": "display_phone_number,verified_name"])
    }

    @Test func whatsappErrors() async {
        let transport = ClientsFakeTransport([
            K.response(400, #"{"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,"error_data":{"messaging_product":"whatsapp","details":"More than 24 hours have passed"},"fbtrace_id":"Az"}}"#),
            K.response(400, #"{"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"fbtrace_id":"Az"}}"#),
            K.response(401, #"{"error":{"message":"Error validating access token","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"Az"}}"#),
        ])
        let whatsapp = connector(transport)
        let reengage = await K.error { try await whatsapp.send(.text("x", previewURL: false), to: "628") }
        #expect({ if case .rejected(400, "131047", _) = reengage { true } else { false } }())
        let throttled = await K.error { try await whatsapp.send(.text("x", previewURL: false), to: "628") }
        #expect({ if case .rateLimited = throttled { true } else { false } }())
        let expired = await K.error { try await whatsapp.send(.text("x", previewURL: false), to: "628") }
        #expect(expired == .authInvalid(detail: "Meta error (code 190, subcode 463, OAuthException, fbtrace Az): Error validating access token"))
    }
}
