import ConsoleKit
import Fluent
import Foundation
import SimpulCore
import Vapor

/// `simpul hoax import` fills a tenant's hoax register from a TurnBackHoax-style CSV (the same
/// columns as the web import); `simpul hoax match` checks texts against the register, one
/// JSON line per text, so anyone can try the matcher without a browser.
struct HoaxCommands: SimpulCommandGroup {
    var help: String { "Register hoaks: impor CSV dan pencocokan teks." }
    var commands: [String: any AnyAsyncCommand] { ["import": Import(), "match": Match()] }

    static let maxBytes = 32 * 1024 * 1024

    static func read(_ path: String) throws -> String {
        let url = URL(fileURLWithPath: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
            throw CommandFailure(["berkas tidak ditemukan atau tidak bisa dibaca: \(path)"])
        }
        if let size = attributes[.size] as? Int, size > maxBytes { throw CommandFailure(["berkas terlalu besar (\(size) byte; maksimal \(maxBytes))"]) }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(["berkas bukan teks UTF-8: \(path)"])
        }
        return text
    }

    /// The named tenant, or the only one when the database holds one.
    static func tenant(_ slug: String?, on db: Database) async throws -> Tenant {
        if let slug { return try await UserCommands.tenant(slug, on: db) }
        let all = try await Tenant.query(on: db).limit(2).all()
        guard all.count == 1 else { throw CommandFailure(["--tenant belum diisi (basis data berisi \(all.isEmpty ? "belum ada" : "lebih dari satu") instansi)"]) }
        return all[0]
    }

    struct Import: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "tenant", help: "Kode instansi (slug)") var tenant: String?
            @Option(name: "unit", help: "Kode unit penanggung jawab klaim (bawaan: unit teratas)") var unit: String?
            @Argument(name: "file", help: "Berkas CSV: kolom title dan content wajib; fact, references, tags, date pilihan") var file: String
        }
        var help: String { "Mengimpor klaim hoaks dari CSV gaya TurnBackHoax ke register instansi." }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard signature.tenant != nil else { throw CommandFailure(["--tenant belum diisi"]) }
            let text = try HoaxCommands.read(signature.file)
            let outcome: TurnBackHoaxImport.Outcome
            do {
                outcome = try TurnBackHoaxImport.read(text)
            } catch {
                throw CommandFailure([error.message])
            }
            guard outcome.problems.isEmpty else { throw CommandFailure(outcome.problems.map(\.message) + ["tidak ada klaim yang diimpor"]) }
            let app = context.application
            try await prepareDatabase(app, migrate: app.settings.autoMigrate)
            let tenant = try await UserCommands.tenant(signature.tenant, on: app.db)
            let units = try await UnitQueries.all(tenantID: tenant.id!, on: app.db)
            let unit = signature.unit.map { code in units.first { $0.code == code.uppercased() } } ?? units.first { $0.parentID == nil }
            guard let unit = unit ?? nil, unit.active else { throw CommandFailure(["--unit tidak dikenal di \(tenant.slug): \(signature.unit ?? "")"]) }
            let actor = Auditor.Actor.system(tenantID: tenant.id!, at: app.clock.now(), name: "simpul hoax import")
            try await HoaxRegisterController.store(outcome.rows, unitID: unit.id!, actor: actor, on: app.db)
            context.console.print("\(IndonesianFormat.number(outcome.rows.count)) klaim diimpor ke register \(tenant.slug) (unit \(unit.code)).")
        }
    }

    struct Match: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "tenant", help: "Kode instansi (slug); boleh kosong bila hanya ada satu instansi") var tenant: String?
            @Option(name: "file", help: "Berkas teks, satu teks per baris (bawaan: masukan standar)") var file: String?
        }
        var help: String { "Mencocokkan teks (satu per baris) dengan register hoaks: satu baris JSON per teks, berisi klaim yang cocok dan skornya." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let input = try signature.file.map { Data(try HoaxCommands.read($0).utf8) }
            let app = context.application
            try await prepareDatabase(app, migrate: app.settings.autoMigrate)
            let tenant = try await HoaxCommands.tenant(signature.tenant, on: app.db)
            let register = try await HoaxWatch.check(tenantID: tenant.id!, on: app.db)
            let out = BufferedOutput()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            struct Found: Encodable { let claim_id: String; let score: Double; let method: String }
            struct Line: Encodable { let line: Int; let matches: [Found] }
            for (number, text) in input.map({ LineIO.lines($0) }) ?? LineIO.lines() {
                let found = (text.flatMap { line in register?.match(line) } ?? []).filter { $0.stance == .spreads }
                    .map { Found(claim_id: $0.claimID, score: ($0.score * 1000).rounded() / 1000, method: $0.method.rawValue) }
                if text == nil { FileHandle.standardError.write(Data("baris \(number): bukan teks UTF-8 yang sah\n".utf8)) }
                out.write(String(decoding: try encoder.encode(Line(line: number, matches: found)), as: UTF8.self) + "\n")
            }
            out.flush()
            if register == nil { FileHandle.standardError.write(Data("register \(tenant.slug) belum berisi klaim hoaks aktif\n".utf8)) }
        }
    }
}
