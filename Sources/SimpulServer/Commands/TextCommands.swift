import ConsoleKit
import Fluent
import Foundation
import SimpulCore
import Vapor

/// Batch tools over standard input: `simpul text stem`, `simpul text normalize` (one word or
/// text per line in, one result per line out) and `simpul check`.
struct TextCommands: SimpulCommandGroup {
    var help: String { "Alat bantu teks bahasa Indonesia." }
    var commands: [String: any AnyAsyncCommand] { ["stem": Stem(), "normalize": Normalize()] }

    struct Stem: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "dictionary", help: "Berkas daftar kata dasar (satu per baris): memakai mode kamus (gaya Enhanced Confix Stripping)")
            var dictionary: String?
        }
        var help: String { "Memotong imbuhan setiap kata (algoritma Snowball/Tala, atau mode kamus): satu kata per baris." }

        func run(using context: CommandContext, signature: Signature) async throws {
            var stemmer = IndonesianStemmer()
            if let path = signature.dictionary {
                let lexicon: RootLexicon
                do {
                    lexicon = try RootLexicon(contentsOf: URL(fileURLWithPath: path))
                } catch {
                    throw CommandFailure(["daftar kata dasar tidak bisa dibaca sebagai teks UTF-8: \(path)"])
                }
                guard !lexicon.isEmpty else { throw CommandFailure(["daftar kata dasar kosong: \(path)"]) }
                stemmer = IndonesianStemmer(rootWords: lexicon)
            }
            LineIO.map { line in
                TextAnalyzer.fold(line.trimmingCharacters(in: .whitespaces)).split(separator: " ")
                    .map { stemmer.stem(String($0)) }.joined(separator: " ")
            }
        }
    }

    struct Normalize: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "Menormalkan teks media sosial (slang, huruf berulang, angka sebagai huruf): satu teks per baris." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let analyzer = TextAnalyzer()
            LineIO.map { analyzer.normalizedLine($0) }
        }
    }
}

/// Reads standard input as lines of bytes; a line that is not valid UTF-8 gives an empty
/// output line and a note on standard error, so output lines still match input lines.
enum LineIO {
    static func lines(_ data: Data = FileHandle.standardInput.readDataToEndOfFile()) -> [(number: Int, text: String?)] {
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.enumerated().map { index, bytes in
            let trimmed = bytes.last == UInt8(ascii: "\r") ? Array(bytes.dropLast()) : bytes
            return (index + 1, String(validating: trimmed, as: UTF8.self))
        }
    }

    static func map(_ transform: (String) -> String) {
        let out = BufferedOutput()
        for (number, text) in lines() {
            if let text {
                out.write(transform(text) + "\n")
            } else {
                FileHandle.standardError.write(Data("baris \(number): bukan teks UTF-8 yang sah, dilewati\n".utf8))
                out.write("\n")
            }
        }
        out.flush()
    }
}

/// Standard output in large writes: a line per write is slow for a hundred thousand lines.
final class BufferedOutput {
    private var buffer = Data()

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// `simpul check [--tenant kode] [--csv] [--column text] [--file FILE]`: checks texts against the
/// compliance rules and prints one JSON line per finding.
struct CheckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "tenant", help: "Kode instansi: memakai paket, data pemilihan dan pengecualian instansi itu") var tenant: String?
        @Flag(name: "csv", help: "Masukan berupa CSV berkepala; teks diambil dari kolom --column") var csv: Bool
        @Option(name: "column", help: "Nama kolom teks dalam CSV (bawaan: text)") var column: String?
        @Option(name: "file", help: "Berkas masukan; tanpa --file dibaca dari masukan standar") var file: String?
    }

    var help: String { "Memeriksa teks dengan aturan kepatuhan ASN dan mencetak temuan sebagai baris JSON." }

    struct Output: Encodable {
        struct Span: Encodable { let start: Int; let end: Int; let text: String }
        let line: Int
        let pack: String
        let rule: String
        let severity: String
        let title: String
        let spans: [Span]
        let explanation: String
    }

    struct Skipped: Encodable {
        let line: Int
        let error: String
    }

    static let maxBytes = 64 * 1024 * 1024

    func run(using context: CommandContext, signature: Signature) async throws {
        let texts = try readTexts(signature)
        let engine: ComplianceEngine
        var allowList: Set<AllowListEntry> = []
        if let slug = signature.tenant {
            let app = context.application
            try await prepareDatabase(app, migrate: app.settings.autoMigrate)
            guard let tenant = try await Tenant.query(on: app.db).filter(\.$slug == slug).first() else {
                throw CommandFailure(["instansi dengan kode \(slug) tidak ditemukan"])
            }
            let tenantGuard = try await ComplianceService.guardFor(tenantID: try tenant.requireID(), zone: tenant.zone, now: app.clock.now(), on: app.db)
            engine = tenantGuard.engine
            allowList = tenantGuard.allowList
        } else {
            FileHandle.standardError.write(Data("Tanpa --tenant: hanya paket bawaan SKB 11 Instansi dan SE MenPANRB 137/2018 (paket SKB 5 butuh data pemilihan instansi).\n".utf8))
            engine = ComplianceEngine(packs: RulePack.builtIn)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let out = BufferedOutput()
        var findingCount = 0, skipped = 0
        for (number, text) in texts {
            guard let text else {
                skipped += 1
                out.write(String(decoding: try encoder.encode(Skipped(line: number, error: "bukan teks UTF-8 yang sah")), as: UTF8.self) + "\n")
                continue
            }
            if let problem = TextInputProblem.check(text) {
                if problem != .empty {
                    skipped += 1
                    out.write(String(decoding: try encoder.encode(Skipped(line: number, error: problem.message)), as: UTF8.self) + "\n")
                }
                continue
            }
            for finding in engine.check(text, allowList: allowList) {
                findingCount += 1
                let output = Output(line: number, pack: finding.packID, rule: finding.ruleID, severity: finding.severity.rawValue, title: finding.ruleTitle,
                                    spans: finding.spans.map { .init(start: $0.start, end: $0.end, text: text.excerpt($0)) },
                                    explanation: finding.explanation)
                out.write(String(decoding: try encoder.encode(output), as: UTF8.self) + "\n")
            }
        }
        out.flush()
        FileHandle.standardError.write(Data("\(texts.count) teks diperiksa, \(findingCount) temuan, \(skipped) dilewati.\n".utf8))
    }

    /// The texts with their line (or CSV row) numbers; nil where a line is not valid UTF-8.
    func readTexts(_ signature: Signature) throws -> [(number: Int, text: String?)] {
        let data: Data
        if let file = signature.file {
            let url = URL(fileURLWithPath: file)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
                throw CommandFailure(["berkas tidak ditemukan atau tidak bisa dibaca: \(file)"])
            }
            if let size = attributes[.size] as? Int, size > Self.maxBytes {
                throw CommandFailure(["berkas terlalu besar (\(size) byte; maksimal \(Self.maxBytes))"])
            }
            guard let read = try? Data(contentsOf: url) else { throw CommandFailure(["berkas tidak bisa dibaca: \(file)"]) }
            data = read
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard signature.csv else { return LineIO.lines(data) }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure(["CSV bukan teks UTF-8 yang sah"]) }
        let rows: [[String]]
        do {
            rows = try CSVReader.parse(text, maxRows: 1_000_000)
        } catch {
            switch error {
            case .empty: throw CommandFailure(["CSV kosong"])
            case .unterminatedQuote(let line): throw CommandFailure(["CSV: tanda kutip tidak ditutup di baris \(line)"])
            case .tooManyRows(let max): throw CommandFailure(["CSV lebih dari \(max) baris"])
            }
        }
        let column = (signature.column ?? "text").lowercased()
        guard let header = rows.first, let index = header.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == column }) else {
            throw CommandFailure(["CSV tidak punya kolom \(column); kolom yang ada: \(rows.first?.joined(separator: ", ") ?? "-")"])
        }
        return rows.dropFirst().enumerated().map { offset, row in (offset + 2, index < row.count ? row[index] : "") }
    }
}
