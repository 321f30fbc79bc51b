import ConsoleKit
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// What a command line that went wrong is told: a short Indonesian sentence and the usage of
/// the command it named (or of the nearest group above a name that does not exist).
enum CommandUsage {
    /// The usage text, taken from ConsoleKit's own help (so it lists every option the
    /// signature declares) with its few English headings said in Indonesian.
    static func text(for arguments: [String], commands: AsyncCommands) -> String {
        var node: any AnyAsyncCommand = commands.group()
        var path = ["simpul"]
        for word in arguments where !word.hasPrefix("-") {
            guard let group = node as? any AsyncCommandGroup, let next = group.commands[word] else { break }
            node = next
            path.append(word)
        }
        let console = CapturingConsole()
        var context = CommandContext(console: console, input: CommandInput(arguments: [path.joined(separator: " ")]))
        try? node.outputHelp(using: &context)
        return translate(console.text)
    }

    static func translate(_ help: String) -> String {
        var text = help
        for (english, indonesian) in [("Usage: ", "Pemakaian: "), ("Commands:", "Perintah:"), ("Options:", "Opsi:"), ("Flags:", "Tanda:"),
                                      ("Begins serving the app over HTTP.", "Menjalankan server web Simpul."),
                                      ("Displays all registered routes.", "Menampilkan semua rute yang terdaftar.")] {
            text = text.replacingOccurrences(of: english, with: indonesian)
        }
        if let use = text.range(of: "Use `"), let end = text.range(of: " for more information on a command.", range: use.upperBound..<text.endIndex) {
            let command = text[use.upperBound..<end.lowerBound].replacingOccurrences(of: "<command> [--help,-h]`", with: "<perintah> --help`")
            text.replaceSubrange(use.lowerBound..<end.upperBound, with: "Pakai `" + command + " untuk keterangan sebuah perintah.")
        }
        return text
    }

    /// ConsoleKit's refusals of a command line, in Indonesian.
    static func message(_ error: CommandError) -> String {
        switch error {
        case .missingCommand: "perintah belum disebut"
        case .unknownCommand(let name, let available):
            if let near = available.min(by: { distance($0, name) < distance($1, name) }), distance(near, name) <= 2 {
                "perintah `\(name)` tidak dikenal; mungkin maksud Anda `\(near)`?"
            } else {
                "perintah `\(name)` tidak dikenal"
            }
        case .missingRequiredArgument(let name): "\(name) belum diisi"
        case .invalidArgumentType(let name, _): "nilai \(name) tidak sah"
        case .invalidOptionType(let name, let type):
            type == Int.self || type == Int?.self ? "--\(name) harus bilangan bulat" : "nilai --\(name) tidak sah"
        case .unknownInput(let input): "masukan tidak dikenal: \(input)"
        }
    }

    /// Edits between two words, to suggest the command that was probably meant.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// The command groups of `simpul`. ConsoleKit's own groups print their help in English on
/// standard output before refusing a line that names no command; ours only refuse, and the
/// refusal is said once, in Indonesian and with the usage, by `SimpulMain` on standard error.
/// `--help` is unchanged: ConsoleKit answers it before a group runs.
protocol SimpulCommandGroup: AsyncCommandGroup {}

extension SimpulCommandGroup {
    func run(using context: inout CommandContext) async throws {
        guard !context.input.arguments.isEmpty else { throw CommandError.missingCommand }
        let name = context.input.arguments.removeFirst()
        guard let command = commands[name] else { throw CommandError.unknownCommand(name, available: Array(commands.keys)) }
        context.input.executablePath.append(name)
        try await command.run(using: &context)
    }
}

/// A console that keeps what is written to it, to hand ConsoleKit's help to stderr.
private final class CapturingConsole: Console {
    private let state = NIOLockedValueBox((text: "", userInfo: [AnySendableHashable: any Sendable]()))

    var text: String { state.withLockedValue { $0.text } }
    var size: (width: Int, height: Int) { (100, 40) }
    var supportsANSICommands: Bool { false }
    var userInfo: [AnySendableHashable: any Sendable] {
        get { state.withLockedValue { $0.userInfo } }
        set { state.withLockedValue { $0.userInfo = newValue } }
    }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) {
        let plain = text.fragments.map(\.string).joined()
        state.withLockedValue { $0.text += plain + (newLine ? "\n" : "") }
    }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) { state.withLockedValue { $0.text += error + (newLine ? "\n" : "") } }
}
