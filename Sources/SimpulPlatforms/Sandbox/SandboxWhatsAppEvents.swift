import Foundation
import SimpulCore

// WhatsApp Cloud API webhook bodies: residents' messages (text, photo with caption, shared
// location, a tapped reply button) and the delivery statuses of messages the city sent.

extension SandboxGenerator {
    private static let whatsappKinds: [(SandboxEventKind, Int)] = [
        (.whatsappText, 56), (.whatsappImage, 8), (.whatsappLocation, 5), (.whatsappButton, 7), (.whatsappStatus, 24),
    ]

    mutating func whatsappDelivery(_ account: SandboxAccount, now: Date) -> SandboxDelivery {
        let kind = Self.whatsappKinds[rng.weighted(Self.whatsappKinds.map(\.1))].0
        let at = eventTime(now)
        if kind == .whatsappStatus { return whatsappStatus(account, at: at, now: now) }

        let author = person()
        let wamid = Self.wamid(waID: author.waID, unique: serial(), salt: SandboxHash.of(author.waID, String(counter)), inbound: true)
        var message: [(String, SandboxJSON)] = []
        var info = SandboxEventInfo(kind: kind, id: wamid, authorID: author.waID)
        let timestamp = SandboxJSON.string(String(SandboxClock.unixSeconds(at)))
        switch kind {
        case .whatsappImage:
            let output = write(.caption, to: account, by: author, now: now)
            let mediaID = uniqueNumber(leading: "1", timeDigits: 5, now: now)
            let sha = Data((0..<4).flatMap { part -> [UInt8] in
                withUnsafeBytes(of: SandboxHash.of(mediaID, String(part)).bigEndian, Array.init)
            }).base64EncodedString()
            message = [
                ("from", .string(author.waID)), ("id", .string(wamid)), ("timestamp", timestamp), ("type", .string("image")),
                ("image", .object([
                    ("caption", .string(output.text)), ("mime_type", .string("image/jpeg")), ("sha256", .string(sha)), ("id", .string(mediaID)),
                ])),
            ]
            info.text = output.text
            info.tone = output.tone
        case .whatsappLocation:
            let slots = SandboxWriter.Slots(account: account, peers: [], author: author, platform: .whatsapp, now: now, rng: &rng)
            let address = slots.fill("{jalan}, Kel. {kel}, Kec. {kec}, Kota Tirtamaya", rng: &rng)
            // Around a made-up city centre; six decimals, as phones share them.
            let latitude = -6.9 - Double(rng.below(90_000)) / 1_000_000
            let longitude = 110.38 + Double(rng.below(90_000)) / 1_000_000
            message = [
                ("from", .string(author.waID)), ("id", .string(wamid)), ("timestamp", timestamp),
                ("location", .object([
                    ("address", .string(address)),
                    ("latitude", .number(String(format: "%.6f", latitude))),
                    ("longitude", .number(String(format: "%.6f", longitude))),
                    ("name", .string(rng.pick(SandboxCorpus.locationNames))),
                ])),
                ("type", .string("location")),
            ]
        case .whatsappButton:
            let button = rng.pick(SandboxCorpus.buttons)
            let asked = Self.wamid(waID: author.waID, unique: serial(), salt: SandboxHash.of("asked", author.waID, String(counter)), inbound: false)
            message = [
                ("context", .object([("from", .string(SandboxIDs.displayPhoneNumber(handle: account.handle))), ("id", .string(asked))])),
                ("from", .string(author.waID)), ("id", .string(wamid)), ("timestamp", timestamp), ("type", .string("interactive")),
                ("interactive", .object([
                    ("type", .string("button_reply")),
                    ("button_reply", .object([("id", .string(button.id)), ("title", .string(button.title))])),
                ])),
            ]
        default:
            let output = write(.whatsapp, to: account, by: author, now: now)
            message = [
                ("from", .string(author.waID)), ("id", .string(wamid)), ("timestamp", timestamp),
                ("text", .object([("body", .string(output.text))])), ("type", .string("text")),
            ]
            info.text = output.text
            info.tone = output.tone
        }
        // Now and then the city answers; its message's statuses arrive later.
        if rng.chance(0.35) { queueOutbound(account, to: author.waID, now: now) }
        let value: [(String, SandboxJSON)] = [
            ("messaging_product", .string("whatsapp")),
            ("metadata", metadata(account)),
            ("contacts", .array([.object([("profile", .object([("name", .string(author.name))])), ("wa_id", .string(author.waID))])])),
            ("messages", .array([.object(message)])),
        ]
        return whatsappBody(account, value: value, info: info)
    }

    private mutating func queueOutbound(_ account: SandboxAccount, to recipient: String, now: Date) {
        let wamid = Self.wamid(waID: recipient, unique: serial(), salt: SandboxHash.of("out", recipient, String(counter)), inbound: false)
        let conversation = SandboxIDShape.characters(32, from: SandboxIDShape.hexDigits, seed: SandboxHash.of("conv", recipient, String(Self.slot(now, hours: 24))))
        outbound.append(OutboundMessage(accountID: account.externalID, wamid: wamid, recipient: recipient, conversationID: conversation, stage: -1))
        if outbound.count > 60 { outbound.removeFirst(outbound.count - 60) }
    }

    /// The next status of a message the city sent: sent, then delivered, then read. About one in
    /// fifteen first attempts fails with 131047 (outside the 24-hour customer service window).
    private mutating func whatsappStatus(_ account: SandboxAccount, at: Date, now: Date) -> SandboxDelivery {
        let pending = outbound.indices.filter { outbound[$0].accountID == account.externalID }
        if pending.isEmpty || rng.chance(0.15) {
            queueOutbound(account, to: person().waID, now: now)
        }
        let candidates = outbound.indices.filter { outbound[$0].accountID == account.externalID }
        let index = candidates.first ?? outbound.count - 1
        var message = outbound[index]
        let failed = message.stage < 0 && rng.chance(0.07)
        message.stage += 1
        let status = failed ? "failed" : ["sent", "delivered", "read"][message.stage]
        var entry: [(String, SandboxJSON)] = [
            ("id", .string(message.wamid)),
            ("status", .string(status)),
            ("timestamp", .string(String(SandboxClock.unixSeconds(at)))),
            ("recipient_id", .string(message.recipient)),
        ]
        if failed {
            entry.append(("errors", .array([.object([
                ("code", .int(131047)),
                ("title", .string("Re-engagement message")),
                ("message", .string("Re-engagement message")),
                ("error_data", .object([("details", .string("Message failed to send because more than 24 hours have passed since the customer last replied to this number."))])),
                ("href", .string("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/")),
            ])])))
        } else if status != "read" {
            var conversation: [(String, SandboxJSON)] = [("id", .string(message.conversationID))]
            if status == "sent" {
                conversation.append(("expiration_timestamp", .string(String(SandboxClock.unixSeconds(at) + 86_400))))
            }
            conversation.append(("origin", .object([("type", .string("service"))])))
            entry.append(("conversation", .object(conversation)))
            entry.append(("pricing", .object([("billable", .bool(false)), ("pricing_model", .string("CBP")), ("category", .string("service"))])))
        }
        if failed || message.stage >= 2 {
            outbound.remove(at: index)
        } else {
            outbound[index] = message
        }
        let value: [(String, SandboxJSON)] = [
            ("messaging_product", .string("whatsapp")),
            ("metadata", metadata(account)),
            ("statuses", .array([.object(entry)])),
        ]
        let info = SandboxEventInfo(kind: failed ? .whatsappStatusFailed : .whatsappStatus, id: message.wamid + ":" + status, authorID: nil)
        return whatsappBody(account, value: value, info: info)
    }

    private func metadata(_ account: SandboxAccount) -> SandboxJSON {
        .object([
            ("display_phone_number", .string(SandboxIDs.displayPhoneNumber(handle: account.handle))),
            ("phone_number_id", .string(account.externalID)),
        ])
    }

    private func whatsappBody(_ account: SandboxAccount, value: [(String, SandboxJSON)], info: SandboxEventInfo) -> SandboxDelivery {
        let body = SandboxJSON.object([
            ("object", .string("whatsapp_business_account")),
            ("entry", .array([.object([
                ("id", .string(SandboxIDs.whatsappBusinessAccountID(handle: account.handle))),
                ("changes", .array([.object([("value", .object(value)), ("field", .string("messages"))])])),
            ])])),
        ])
        return SandboxDelivery(format: .whatsapp, body: body.encoded(.metaEscaped), accountExternalID: account.externalID, events: [info])
    }

    /// "wamid." and base64 of the usual inner layout: the other party's number, then a message key
    /// whose first characters carry the unique serial.
    static func wamid(waID: String, unique: UInt64, salt: UInt64, inbound: Bool) -> String {
        var bytes: [UInt8] = [0x1C, 0x18, UInt8(truncatingIfNeeded: waID.utf8.count)]
        bytes += Array(waID.utf8)
        bytes += [0x15, 0x02, 0x00, inbound ? 0x12 : 0x11, 0x18, 0x14]
        let key = (inbound ? "3EB0" : "HBEU") + String(unique, radix: 16, uppercase: true).sandboxLeftPadded(9)
            + SandboxIDShape.characters(7, from: Array("0123456789ABCDEF"), seed: salt)
        bytes += Array(key.utf8)
        bytes += [0x00]
        return "wamid." + Data(bytes).base64EncodedString()
    }
}

extension String {
    func sandboxLeftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
