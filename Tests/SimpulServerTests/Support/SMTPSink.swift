import Foundation
@testable import SimpulServer

/// A real SMTP server (Python's aiosmtpd, Fixtures/smtp/smtp_sink.py) on a free loopback port,
/// for as long as the test holds it. What it accepted is read back as Python's e-mail package
/// parsed it, so the client's encoding is checked by an independent decoder.
final class SMTPSink: @unchecked Sendable {
    struct Received: Decodable {
        let mail_from: String
        let rcpt_tos: [String]
        let headers: [[String]]
        let subject: String
        let from: String
        let to: String
        let content_type: String
        let charset: String?
        let transfer_encoding: String
        let body: String
        let raw: String
        let tls: Bool
        let authenticated: Bool
        let auth_mechanisms: [String]

        func header(_ name: String) -> String? { headers.first { $0.first?.lowercased() == name.lowercased() }?.last }
        /// The body with the line ends the client sent turned back into "\n".
        var text: String { body.replacingOccurrences(of: "\r\n", with: "\n") }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/smtp/smtp_sink.py")

    let directory: URL
    let port: Int
    private let process = Process()
    private let input = Pipe()

    init(_ arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "--out", directory.appendingPathComponent("out").path] + arguments
        process.standardInput = input
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("stderr.txt").path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: directory.appendingPathComponent("stderr.txt"))
        try process.run()
        var seen = Data()
        while !seen.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        let line = String(decoding: seen, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            let errors = (try? String(contentsOf: directory.appendingPathComponent("stderr.txt"), encoding: .utf8)) ?? ""
            process.terminate()
            throw SinkFailed(detail: "the SMTP sink did not start (needs python3 with aiosmtpd): \(line) \(errors)")
        }
        self.port = port
    }

    struct SinkFailed: Error, CustomStringConvertible {
        let detail: String
        var description: String { detail }
    }

    func messages() throws -> [Received] {
        let out = directory.appendingPathComponent("out")
        return try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: out.appendingPathComponent($0)))
        }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A self-signed certificate for "localhost" (and 127.0.0.1), made with openssl for this test.
    static func certificate(in directory: URL) throws -> (cert: String, key: String) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("cert.pem").path, key = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw SinkFailed(detail: "openssl could not make a certificate") }
        return (cert, key)
    }
}
