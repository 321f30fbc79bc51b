import ConsoleKit
import Foundation
import SimpulCore
import Vapor

/// `simpul listen test --query Q`: tries a listening query (Pemantauan) on texts from standard
/// input, one per line, and prints the lines it matches exactly as they came in, so it
/// composes with `grep`, `wc -l` and friends. A count goes to standard error. Touches no
/// database. The field options give every line the same message facts, to try `platform:`,
/// `account:`, `unit:`, `kind:` and `author:` in a query.
struct ListenCommands: SimpulCommandGroup {
    var help: String { "Alat bantu pemantauan (listening)." }
    var commands: [String: any AnyAsyncCommand] { ["test": Test()] }

    struct Test: AsyncCommand {
        struct Signature: CommandSignature {
            @Option(name: "query", help: "Kueri pemantauan, mis. '(banjir OR genangan) NEAR/3 jalan NOT hoaks'") var query: String?
            @Option(name: "platform", help: "Platform setiap baris, untuk platform: dalam kueri (instagram, facebook, x, youtube, tiktok, whatsapp)")
            var platform: String?
            @Option(name: "account", help: "Akun setiap baris, untuk account: dalam kueri") var account: String?
            @Option(name: "unit", help: "Kode unit setiap baris, untuk unit: dalam kueri") var unit: String?
            @Option(name: "kind", help: "Jenis pesan setiap baris (comment, mention, dm, whatsapp), untuk kind: dalam kueri") var kind: String?
            @Option(name: "author", help: "Pengirim setiap baris, untuk author: dalam kueri") var author: String?
        }

        var help: String { "Mencoba kueri pemantauan pada teks dari masukan standar (satu per baris) dan mencetak baris yang cocok." }

        func run(using context: CommandContext, signature: Signature) async throws {
            guard let text = signature.query, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandFailure(["--query belum diisi"])
            }
            let analyzer = TextAnalyzer()
            let query: ListeningQuery
            do {
                query = try ListeningQuery(text, analyzer: analyzer)
            } catch {
                throw CommandFailure(["--query: \(error.message)"])
            }
            var platform: Platform?
            if let name = signature.platform {
                guard let known = Platform(rawValue: name.lowercased()) else {
                    throw CommandFailure(["--platform harus salah satu dari: \(Platform.allCases.map(\.rawValue).joined(separator: ", "))"])
                }
                platform = known
            }
            let metadata = ListeningMetadata(platform: platform, accounts: signature.account.map { [$0] } ?? [],
                                             units: signature.unit.map { [$0] } ?? [], kind: signature.kind,
                                             authors: signature.author.map { [$0] } ?? [])
            let matcher = ListeningMatcher(rules: [(id: 0, query: query)], analyzer: analyzer)
            let out = BufferedOutput()
            let lines = LineIO.lines()
            var matched = 0
            for (number, line) in lines {
                guard let line else {
                    FileHandle.standardError.write(Data("baris \(number): bukan teks UTF-8 yang sah, dilewati\n".utf8))
                    continue
                }
                if !matcher.matches(text: line, metadata: metadata).isEmpty {
                    matched += 1
                    out.write(line + "\n")
                }
            }
            out.flush()
            FileHandle.standardError.write(Data("\(IndonesianFormat.number(matched)) dari \(IndonesianFormat.number(lines.count)) baris cocok.\n".utf8))
        }
    }
}
