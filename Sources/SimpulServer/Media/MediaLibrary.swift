import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Kalender Konten → Media: files uploaded once, known by their bytes, reused across content.
/// Files are served at an unguessable address, because platforms (Instagram) fetch the media
/// of a post themselves.
enum MediaLibrary {
    static let maxUploadBytes = 100 * 1024 * 1024

    static func register(_ routes: RouteCatalog) {
        routes.add(.mediaLibrary) { req in
            try await page(req, status: .ok)
        }
        routes.add(.uploadMedia,
                   body: .collect(maxSize: ByteCount(value: maxUploadBytes + 1024 * 1024)), upload)
        routes.add(SiteRoute.deleteMedia, delete)
        routes.add(SiteRoute.mediaFile, serve)
    }

    struct UploadInput: Content {
        var unit_id: String?
        var file: File?
    }

    static func directory(_ app: Application, tenantID: UUID) -> URL {
        URL(fileURLWithPath: app.settings.mediaDirectory, isDirectory: true).appendingPathComponent(tenantID.uuidString.lowercased(), isDirectory: true)
    }

    /// The address a platform fetches the file from.
    static func publicURL(_ media: MediaFileModel, app: Application) -> String {
        app.settings.baseURL + path(media)
    }

    /// Where the file's bytes are kept on this machine.
    static func file(_ media: MediaFileModel, app: Application) -> URL {
        directory(app, tenantID: media.tenantID).appendingPathComponent(media.storageKey)
    }

    static func previewFile(_ media: MediaFileModel, app: Application) -> URL? {
        media.previewKey.map { directory(app, tenantID: media.tenantID).appendingPathComponent($0) }
    }

    /// A preview is kept beside its file under the file's key and this suffix, and served the same way.
    static let previewSuffix = "-pratinjau"

    static func path(_ media: MediaFileModel) -> String { SiteRoute.mediaFile(tenant: media.tenantID, key: media.storageKey).path }


    /// The files a person may see and attach: those of the units they can read content of.
    static func visible(_ principal: Principal, on db: Database) async throws -> [MediaFileModel] {
        try await MediaFileModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$unitID ~~ Array(principal.scope.units(with: .viewContent))).sort(\.$createdAt, .descending).limit(500).all()
    }

    static func page(_ req: Request, status: HTTPResponseStatus, unitID: String? = nil, errors: [String] = []) async throws -> Response {
        let principal = try req.requirePrincipal()
        let files = try await visible(principal, on: req.db)
        return MediaPages.library(PageContext(req), files: files, units: principal.unitChoices(with: .manageContent), unitID: unitID, errors: errors,
                                  canUpload: principal.scope.allowsSomewhere(.manageContent)).response(status)
    }

    static func upload(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let l = req.l10n
        let input = try req.content.decode(UploadInput.self)
        var errors: [String] = []
        let unitID = input.unit_id.nonEmpty.flatMap(UUID.init(uuidString:))
        if unitID == nil || !principal.scope.allows(.manageContent, on: unitID!) {
            errors.append(l.t("Pilih unit pemilik berkas.", "Choose the unit that owns the file."))
        }
        guard let file = input.file, !file.filename.isEmpty else {
            return try await page(req, status: .unprocessableEntity, unitID: input.unit_id,
                                  errors: errors + [l.t("Pilih berkas yang akan diunggah.", "Choose a file to upload.")])
        }
        let data = Data(buffer: file.data)
        let facts: MediaFacts
        switch MediaSniffer.facts(of: data, maxBytes: maxUploadBytes) {
        case .failure(let problem):
            return try await page(req, status: .unprocessableEntity, unitID: input.unit_id,
                                  errors: errors + [file.filename + ": " + problem.message(english: l.language == .en)])
        case .success(let found):
            facts = found
        }
        guard errors.isEmpty, let unitID else { return try await page(req, status: .unprocessableEntity, unitID: input.unit_id, errors: errors) }
        let media = MediaFileModel()
        media.id = UUID()
        media.tenantID = principal.tenantID
        media.unitID = unitID
        media.name = String(file.filename.prefix(200))
        media.format = facts.format.rawValue
        media.bytes = facts.bytes
        media.width = facts.width
        media.height = facts.height
        media.durationSeconds = facts.durationSeconds
        media.storageKey = Secrets.random()
        media.uploadedBy = principal.userID
        media.createdAt = req.now
        // The file first, then its row: a crash between the two leaves an orphan file, never a
        // row that points at nothing.
        // An atomic write goes through a temporary file: a crash never leaves half a file under its key.
        let folder = directory(req.application, tenantID: principal.tenantID)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: folder.appendingPathComponent(media.storageKey), options: .atomic)
        // Decoding a large photo takes a moment: off the event loop, and never a reason to refuse the upload.
        let format = facts.format
        if let preview = await Task.detached(operation: { Thumbnailer.thumbnail(of: data, format: format) }).value {
            let key = media.storageKey + previewSuffix
            try preview.write(to: folder.appendingPathComponent(key), options: .atomic)
            media.previewKey = key
        }
        try await req.db.transaction { db in
            try await media.create(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .mediaUpload, targetType: .media, targetID: media.id, label: media.name,
                                     after: ["format": media.format, "bytes": String(media.bytes)])
        }
        return .seeOther(SiteRoute.mediaLibrary.path, flash: l.t("Berkas \(media.name) diunggah.", "\(media.name) uploaded."))
    }

    static func delete(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let l = req.l10n
        guard let id = req.parameters.get("mediaID", as: UUID.self),
              let media = try await MediaFileModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
            throw AppError.notFound
        }
        try principal.require(.manageContent, on: media.unitID, visibleWith: .viewContent)
        let users = try await ContentVariantModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(.path(["media_ids"], schema: ContentVariantModel.schema), .contains(inverse: false, .anywhere), .bind(id.uuidString)).count()
        guard users == 0 else {
            return try await page(req, status: .conflict, errors: [l.t("\(media.name) masih dipakai \(users) varian konten; lepaskan dulu dari kontennya.",
                                                                        "\(media.name) is still used by \(users) content variants; remove it there first.")])
        }
        try await req.db.transaction { db in
            try await media.delete(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .mediaDelete, targetType: .media, targetID: media.id, label: media.name)
        }
        for stored in [file(media, app: req.application), previewFile(media, app: req.application)].compactMap({ $0 }) {
            try? FileManager.default.removeItem(at: stored)
        }
        return .seeOther(SiteRoute.mediaLibrary.path, flash: l.t("Berkas dihapus.", "File deleted."))
    }

    static func contentType(_ format: String) -> String {
        MediaFacts.Format(rawValue: format)?.mimeType ?? "application/octet-stream"
    }

    static func serve(_ req: Request) async throws -> Response {
        guard let tenantID = req.parameters.get("tenantID", as: UUID.self), let key = req.parameters.get("key"),
              key.count <= 100, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw AppError.notFound
        }
        let isPreview = key.hasSuffix(previewSuffix)
        let storageKey = isPreview ? String(key.dropLast(previewSuffix.count)) : key
        guard let media = try await MediaFileModel.query(on: req.db).filter(\.$tenantID == tenantID).filter(\.$storageKey == storageKey).first(),
              !isPreview || media.previewKey == key else {
            throw AppError.notFound
        }
        guard let url = isPreview ? previewFile(media, app: req.application) : file(media, app: req.application) else { throw AppError.notFound }
        guard FileManager.default.fileExists(atPath: url.path) else { throw AppError.notFound }
        // Streamed in chunks (videos run to 100 MB), with ranges and ETags as Vapor serves them.
        let response = try await req.fileio.asyncStreamFile(at: url.path)
        response.headers.replaceOrAdd(name: .contentType, value: isPreview ? "image/png" : contentType(media.format))
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return response
    }
}

enum MediaPages {
    static func library(_ ctx: PageContext, files: [MediaFileModel], units: [(UUID, String)], unitID: String?, errors: [String], canUpload: Bool) -> HTML {
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Pustaka media", "Media library"),
            ContentPages.tabs(ctx),
            UI.formErrorSummary(errors, l),
            .if(canUpload, .form(.method(.post), .action(SiteRoute.uploadMedia.path), .class("stack"), .attribute(named: "enctype", value: "multipart/form-data"),
                UI.csrf(ctx.csrf),
                UI.select(l.t("Unit pemilik", "Owner unit"), name: "unit_id", options: units.map { UI.Option(value: $0.0.uuidString, label: $0.1) },
                          selected: unitID ?? units.first?.0.uuidString, error: nil, required: true),
                .div(.class("field"),
                     .label(.for("file"), .text(l.t("Berkas", "File"))),
                     .input(.type(.file), .id("file"), .name("file"), .required(true), .attribute(named: "accept", value: "image/*,video/*")),
                     .p(.class("hint"), .text(l.t("Gambar JPEG, PNG, GIF, WebP atau video MP4, MOV, WebM, paling besar 100 MB. Jenisnya dikenali dari isinya, bukan dari nama berkas.",
                                                  "JPEG, PNG, GIF, WebP images or MP4, MOV, WebM videos, up to 100 MB. The type is read from the contents, not the file name.")))),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Unggah", "Upload")))))),
            .p(.class("count"), .id("media-count"), .text(l.t("\(l.number(files.count)) berkas", "\(l.number(files.count)) files"))),
            files.isEmpty
                ? UI.empty(l.t("Belum ada berkas. Unggah gambar atau video, lalu pilih untuk akun tujuan konten.", "No files yet. Upload images or videos, then pick them for content's target accounts."))
                : .table(.class("list"),
                    .thead(.tr(.th(.text(l.t("Pratinjau", "Preview"))), .th(.text(l.t("Berkas", "File"))), .th(.text(l.t("Ukuran", "Size"))), .th(.text("")))),
                    .tbody(.forEach(files) { file in
                        .tr(.td(preview(file)),
                            .td(.text(file.name), .p(.class("hint"), .text(file.format.uppercased() + " · " + l.dateTime(file.createdAt)))),
                            .td(.text(describe(file, l))),
                            .td(.if(canUpload, UI.actionButton(l.t("Hapus", "Delete"), action: SiteRoute.deleteMedia(file.id!).path, csrf: ctx.csrf,
                                                               confirm: l.t("Hapus berkas ini?", "Delete this file?"), danger: true))))
                    }))
        )
    }

    /// The small preview made at upload; files without one (GIF, WebP, video) say what they are.
    static func preview(_ file: MediaFileModel) -> Node<HTML.BodyContext> {
        guard let key = file.previewKey else {
            let format = MediaFacts.Format(rawValue: file.format)
            return .span(.class("badge badge-muted"), .text(format?.kind == .video ? "Video" : (format?.rawValue.uppercased() ?? file.format)))
        }
        return .img(.src(SiteRoute.mediaFile(tenant: file.tenantID, key: key).path), .alt(file.name), .attribute(named: "loading", value: "lazy"),
                    .class("media-preview"))
    }

    static func describe(_ file: MediaFileModel, _ l: L10n) -> String {
        var parts = [l.number(Int((Double(file.bytes) / 1024).rounded(.up))) + " KB"]
        if let width = file.width, let height = file.height { parts.append("\(width)×\(height) px") }
        if let seconds = file.durationSeconds { parts.append(l.t("\(Int(seconds.rounded())) detik", "\(Int(seconds.rounded())) s")) }
        return parts.joined(separator: " · ")
    }
}
