import ConsoleKit
import Foundation
import SimpulPlatforms
import Vapor

/// `simpul webhook parse --platform meta FILE`: what Simpul reads from a captured payload, as
/// JSON lines, without touching the database. For support: "why did this comment not arrive?"
struct WebhookCommands: SimpulCommandGroup {
    var help: String { "Alat bantu webhook." }
    var commands: [String: any AnyAsyncCommand] { ["parse": Parse()] }

    struct Parse: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "platform", help: "meta, instagram, whatsapp, x atau youtube") var platform: String?
            @Argument(name: "file", help: "Berkas JSON yang ditangkap (badan webhook atau jawaban API)") var file: String
        }
        var help: String { "Mengurai payload platform dan mencetak peristiwa ternormalisasi sebagai baris JSON." }

        static let maxBytes = 16 * 1024 * 1024

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let name = signature.platform, let format = PayloadFormat(rawValue: name) else {
                throw CommandFailure(["--platform harus salah satu dari: \(PayloadFormat.allCases.map(\.rawValue).joined(separator: ", "))"])
            }
            let url = URL(fileURLWithPath: signature.file)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
                throw CommandFailure(["berkas tidak ditemukan atau tidak bisa dibaca: \(signature.file)"])
            }
            if let size = attributes[.size] as? Int, size > Self.maxBytes {
                throw CommandFailure(["berkas terlalu besar (\(size) byte; maksimal \(Self.maxBytes))"])
            }
            guard let data = try? Data(contentsOf: url) else { throw CommandFailure(["berkas tidak bisa dibaca: \(signature.file)"]) }
            let events: [InboundEvent]
            do {
                events = try PayloadParser.parse(data, as: format)
            } catch {
                switch error {
                case .notJSON: throw CommandFailure(["isi berkas bukan JSON yang sah"])
                case .unexpectedShape(let what): throw CommandFailure(["bukan payload \(format.rawValue): \(what)"])
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            for event in events {
                context.console.output(String(decoding: try encoder.encode(event), as: UTF8.self).consoleText())
            }
        }
    }
}
