import Fluent
import Foundation
import NIOConcurrencyHelpers
@testable import SimpulCore
import SimpulPlatforms
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Media library")
struct MediaLibraryTests {
    /// A multipart upload as a browser sends it.
    static func upload(_ app: Application, as browser: World.Browser, unit: UUID, name: String, bytes: Data) async throws -> TestingHTTPResponse {
        let boundary = "----simpul\(UUID().uuidString.prefix(8))"
        var body = Data()
        func part(_ header: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(header)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        part(#"Content-Disposition: form-data; name="_csrf""#, Data(browser.csrf.utf8))
        part(#"Content-Disposition: form-data; name="unit_id""#, Data(unit.uuidString.utf8))
        part("Content-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: image/jpeg", bytes)
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: browser.cookie)
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await app.testing().sendRequest(.POST, "/content/media", headers: headers, body: ByteBuffer(data: body))
    }

    /// A complete one-pixel PNG, so that a preview can be made of it.
    static let redDot = PNGCodec.encode(RGBImage(width: 1, height: 1, pixels: [200, 30, 30]))

    @Test("files are known by their bytes, kept, served to platforms, and deleted only when unused")
    func library() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let writer = try await World.signIn(world.inScope[.operator]!, app: app)
            let unit = world.units["OPD-A"]!
            // Named .jpg, but a PNG: stored as what it is.
            #expect(try await Self.upload(app, as: writer, unit: unit, name: "spanduk.jpg", bytes: Self.redDot).status == .seeOther)
            let stored = try #require(try await MediaFileModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).first())
            #expect(stored.format == "png" && stored.name == "spanduk.jpg" && stored.width == 1 && stored.bytes == Self.redDot.count)
            let served = try await app.web(.GET, MediaLibrary.path(stored), as: nil)
            #expect(served.status == .ok && served.headers.contentType?.description == "image/png" && Data(buffer: served.body) == Self.redDot)
            #expect(try await app.web(.GET, "/media/\(world.tenantA.id!.uuidString.lowercased())/tidak-ada", as: nil).status == .notFound)
            let page = try await app.web(.GET, "/content/media", as: writer).body.string
            #expect(page.contains("spanduk.jpg") && page.contains(#"id="media-count">1 berkas"#))
            // A small PNG preview was made beside it, and the page shows that instead of the file.
            let previewKey = try #require(stored.previewKey)
            let preview = try await app.web(.GET, "/media/\(world.tenantA.id!.uuidString.lowercased())/\(previewKey)", as: nil)
            #expect(preview.status == .ok && preview.headers.contentType?.description == "image/png")
            #expect(try PNGCodec.decode(Data(buffer: preview.body)).width == 1 && page.contains(previewKey))
            // Only a preview that was made is served under the suffix.
            #expect(try await app.web(.GET, MediaLibrary.path(stored) + "x" + MediaLibrary.previewSuffix, as: nil).status == .notFound)

            // A script named like a photo, an empty file, and a cut-short JPEG are refused with the reason; nothing is kept.
            let script = try await Self.upload(app, as: writer, unit: unit, name: "foto.jpg", bytes: Data("#!/bin/sh\necho hai\n".utf8))
            #expect(script.status == .unprocessableEntity && script.body.string.contains("apa pun nama berkasnya"))
            let empty = try await Self.upload(app, as: writer, unit: unit, name: "kosong.png", bytes: Data())
            #expect(empty.status == .unprocessableEntity)
            let cut = try await Self.upload(app, as: writer, unit: unit, name: "potong.jpg", bytes: Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]))
            #expect(cut.status == .unprocessableEntity && cut.body.string.contains("rusak atau terpotong"))
            #expect(try await MediaFileModel.query(on: app.db).filter(\.$tenantID == world.tenantA.id!).count() == 1)
            // Another unit's files are not the operator's to upload to.
            #expect(try await Self.upload(app, as: writer, unit: world.units["OPD-B"]!, name: "a.png", bytes: PublishingFixtures.pixel).status == .unprocessableEntity)

            // Used by a variant: not deleted.
            let (_, variant) = try await PublishingFixtures.item(world, app: app, n: 1, status: .draft)
            variant.mediaIDs = [stored.id!]
            try await variant.save(on: app.db)
            let kept = try await app.web(.POST, "/content/media/\(stored.id!)/delete", as: writer, form: [:])
            #expect(kept.status == .conflict && kept.body.string.contains("masih dipakai 1 varian"))
            variant.mediaIDs = []
            try await variant.save(on: app.db)
            #expect(try await app.web(.POST, "/content/media/\(stored.id!)/delete", as: writer, form: [:]).status == .seeOther)
            #expect(try await app.web(.GET, MediaLibrary.path(stored), as: nil).status == .notFound)
            #expect(try await app.web(.GET, "/media/\(world.tenantA.id!.uuidString.lowercased())/\(previewKey)", as: nil).status == .notFound)
            #expect(!FileManager.default.fileExists(atPath: MediaLibrary.directory(app, tenantID: world.tenantA.id!).appendingPathComponent(previewKey).path))
        }
    }

    @Test("an Instagram variant carries a library image; the platform fetches it from Simpul's address and it is published once ready")
    func instagramImage() async throws {
        let server = try await FakePlatformServer()
        defer { Task { await server.shutdown() } }
        let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withTestApp(clock: clock) { app in
            let world = try await World.make(app)
            let igID = "17841\(Int.random(in: 100_000_000...999_999_999))"
            let account = try await ConnectorTests.connect(world, app: app, platform: .instagram, externalID: igID, server: server)
            // Instagram's publishing API takes JPEG images only.
            let media = try await PublishingFixtures.media(world, app: app, format: .jpeg, writeFile: false)
            let video = try await PublishingFixtures.media(world, app: app, format: .mp4, writeFile: false)
            let writer = try await World.signIn(world.inScope[.operator]!, app: app)
            let (item, variant) = try await PublishingFixtures.item(world, app: app, n: 1, status: .approved, body: "Festival kuliner akhir pekan")
            variant.accountID = account.id!
            try await variant.save(on: app.db)

            // Without an image or a video Instagram refuses; a video would go out as a reel.
            let refused = try await app.web(.POST, "/content/\(item.id!)/schedule", as: writer, form: ["now": "1"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Instagram memerlukan gambar atau video"))
            #expect(try await app.web(.POST, "/content/\(item.id!)/variants/\(variant.id!)", as: writer,
                                      form: ["media_ids[]": video.id!.uuidString]).status == .seeOther)
            #expect(try await !app.web(.GET, "/content/\(item.id!)", as: writer).body.string.contains("Simpul belum dapat menerbitkan"))
            let foreign = try await app.web(.POST, "/content/\(item.id!)/variants/\(variant.id!)", as: writer, form: ["media_ids[]": UUID().uuidString])
            #expect(foreign.status == .unprocessableEntity && foreign.body.string.contains("Pilihan Media tidak dikenal"))
            #expect(try await app.web(.POST, "/content/\(item.id!)/variants/\(variant.id!)", as: writer,
                                      form: ["media_ids[]": media.id!.uuidString]).status == .seeOther)
            // The edit sent it back to review; approve and publish.
            let saved = try #require(try await ContentItemModel.find(item.id, on: app.db))
            #expect(saved.status == .inReview)
            #expect(try await app.web(.POST, "/content/\(item.id!)/approve", as: try await World.signIn(world.inScope[.approver]!, app: app), form: [:]).status == .seeOther)
            #expect(try await app.web(.POST, "/content/\(item.id!)/schedule", as: writer, form: ["now": "1"]).status == .seeOther)
            let version = app.platformEndpoints.graphVersion
            server.script("/\(version)/\(igID)/media", .init(body: #"{"id":"17900000000000077"}"#))
            server.script("/\(version)/17900000000000077", .init(body: #"{"id":"17900000000000077","status_code":"IN_PROGRESS"}"#),
                          .init(body: #"{"id":"17900000000000077","status_code":"FINISHED"}"#))
            server.script("/\(version)/\(igID)/media_publish", .init(body: #"{"id":"17800000000000042"}"#))
            let worker = JobWorker(app: app, handlers: [PublishVariantJob.handler])
            // The container is made, then looked at until Instagram has it ready.
            try await worker.runDue(tenantID: world.tenantA.id!)
            let attempt = try #require(try await PublishAttemptModel.query(on: app.db).filter(\.$variantID == variant.id!).first())
            #expect(attempt.processingHandle == "17900000000000077" && attempt.outcome == nil)
            clock.advance(by: PublishVariantJob.processingPoll + 1)
            try await worker.runDue(tenantID: world.tenantA.id!)
            #expect(server.requests.filter { $0.path.hasSuffix("/media_publish") }.isEmpty)
            clock.advance(by: PublishVariantJob.processingPoll + 1)
            try await worker.runDue(tenantID: world.tenantA.id!)
            let container = try #require(server.requests.first { $0.path.hasSuffix("/media") })
            #expect(container.body.contains("image_url=" + (app.settings.baseURL + MediaLibrary.path(media)).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                    || container.body.removingPercentEncoding?.contains(app.settings.baseURL + MediaLibrary.path(media)) == true, "\(container.body)")
            let published = try #require(try await ContentVariantModel.find(variant.id, on: app.db))
            #expect(published.status == .published && published.platformPostID == "17800000000000042")
            #expect(server.requests.filter { $0.path.hasSuffix("/media") }.count == 1 && server.requests.filter { $0.path.hasSuffix("/media_publish") }.count == 1)
        }
    }
}
