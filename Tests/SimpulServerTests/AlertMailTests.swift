import Foundation
import NIOPosix
import Testing
@testable import SimpulServer

/// The SMTP client against a real mail server on loopback: plain, STARTTLS with a certificate
/// made for the test, AUTH PLAIN and LOGIN, and each kind of failure classified for the queue.
@Suite("Alert e-mail over SMTP")
struct AlertMailTests {
    static let subject = "[Simpul] Lonjakan pada pemantauan “Banjir Kali Cimaya” — Kecamatan Sukajadi, warga mengeluh air setinggi lutut"
    static let body = """
        Lonjakan pada pemantauan "Banjir".
        .baris yang diawali titik tetap utuh
        ..dan dua titik juga
        Rumus: 24 pesan dalam 15 menit; ambang = median 3 + 4 × MAD 1 = 7 — “ramai” sekali, résumé ✓
        Baris panjang: \(String(repeating: "air meluap di jalan protokol, ", count: 6))selesai.
        """

    static func message(to address: String) -> MailMessage {
        MailMessage(fromAddress: "simpul@tirtamaya.go.id", fromName: "Simpul · Diskominfo Tirtamaya", to: address, subject: subject, body: body,
                    date: Date(timeIntervalSince1970: 1_796_000_000), messageID: "uji-\(UUID().uuidString.lowercased())@tirtamaya.go.id")
    }

    static func settings(_ sink: SMTPSink, security: SMTPSettings.Security = .none, host: String = "127.0.0.1", username: String? = nil,
                         password: String? = nil, caFile: String? = nil) -> SMTPSettings {
        SMTPSettings(host: host, port: sink.port, security: security, username: username, password: password, fromAddress: "simpul@tirtamaya.go.id",
                     fromName: "Simpul", timeout: 10, caFile: caFile)
    }

    static func client(_ settings: SMTPSettings) -> SMTPClient {
        SMTPClient(settings: settings, group: MultiThreadedEventLoopGroup.singleton)
    }

    static func failure(_ settings: SMTPSettings, to address: String = "budi@tirtamaya.go.id") async -> SMTPError? {
        do {
            try await client(settings).send(message(to: address))
            return nil
        } catch let error as SMTPError {
            return error
        } catch {
            return .unexpected(during: "test", reply: "\(error)")
        }
    }

    @Test("plain: the headers are RFC 5322 with the Indonesian subject as encoded words, the body UTF-8 quoted-printable, dots kept")
    func plain() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        try await Self.client(Self.settings(sink)).send(Self.message(to: "budi@tirtamaya.go.id"))
        let received = try sink.messages()
        #expect(received.count == 1)
        let mail = try #require(received.first)
        #expect(mail.mail_from == "simpul@tirtamaya.go.id" && mail.rcpt_tos == ["budi@tirtamaya.go.id"])
        #expect(mail.subject == Self.subject, "decoded by Python's e-mail package")
        let rawSubject = try #require(mail.header("Subject"))
        #expect(rawSubject.hasPrefix("=?UTF-8?B?"))
        for line in mail.raw.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "line too long: \(line)") }
        #expect(mail.from == "Simpul · Diskominfo Tirtamaya <simpul@tirtamaya.go.id>")
        #expect(mail.to == "budi@tirtamaya.go.id")
        #expect(mail.header("Date") == "Mon, 30 Nov 2026 00:53:20 +0000")
        #expect(mail.header("MIME-Version") == "1.0" && mail.header("Message-ID")?.hasPrefix("<uji-") == true)
        #expect(mail.content_type == "text/plain" && mail.charset == "utf-8" && mail.transfer_encoding == "quoted-printable")
        #expect(mail.text == Self.body + "\n" || mail.text == Self.body)
        #expect(!mail.tls && !mail.authenticated)
    }

    @Test("STARTTLS with a self-signed certificate the settings trust, then AUTH PLAIN; AUTH LOGIN when only that is offered")
    func startTLSAndAuth() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-tls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (cert, key) = try SMTPSink.certificate(in: directory)
        for (extra, mechanism) in [([String](), "PLAIN"), (["--only-login"], "LOGIN")] {
            let sink = try SMTPSink(["--cert", cert, "--key", key, "--require-starttls", "--auth", "simpul:sandi rahasia ü"] + extra)
            defer { sink.stop() }
            try await Self.client(Self.settings(sink, security: .starttls, host: "localhost", username: "simpul", password: "sandi rahasia ü", caFile: cert))
                .send(Self.message(to: "ani@tirtamaya.go.id"))
            let mail = try #require(try sink.messages().first)
            #expect(mail.tls && mail.authenticated && mail.auth_mechanisms == [mechanism])
            #expect(mail.subject == Self.subject && mail.rcpt_tos == ["ani@tirtamaya.go.id"])
        }
    }

    @Test("implicit TLS from the first byte, as on port 465, with AUTH")
    func implicitTLS() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-465-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (cert, key) = try SMTPSink.certificate(in: directory)
        let sink = try SMTPSink(["--cert", cert, "--key", key, "--implicit-tls", "--auth", "simpul:rahasia"])
        defer { sink.stop() }
        try await Self.client(Self.settings(sink, security: .tls, host: "localhost", username: "simpul", password: "rahasia", caFile: cert))
            .send(Self.message(to: "dewi@tirtamaya.go.id"))
        let mail = try #require(try sink.messages().first)
        #expect(mail.authenticated && mail.rcpt_tos == ["dewi@tirtamaya.go.id"] && mail.subject == Self.subject)
    }

    @Test("failures are classified: 451 transient, 550 and a wrong password permanent, missing STARTTLS, an untrusted certificate, nobody listening")
    func classified() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-err-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let (cert, key) = try SMTPSink.certificate(in: directory)

        let plain = try SMTPSink()
        let busy = await Self.failure(Self.settings(plain), to: "sementara@tirtamaya.go.id")
        guard case .transient(451, "RCPT TO", _) = busy else { Issue.record("451 not transient: \(String(describing: busy))"); return }
        #expect(busy?.isTransient == true)
        let refused = await Self.failure(Self.settings(plain), to: "tolak@tirtamaya.go.id")
        guard case .permanent(550, "RCPT TO", _) = refused else { Issue.record("550 not permanent: \(String(describing: refused))"); return }
        #expect(refused?.isTransient == false)
        let noTLS = await Self.failure(Self.settings(plain, security: .starttls))
        #expect(noTLS == .unsupported("STARTTLS"))
        #expect(try plain.messages().isEmpty, "nothing was accepted")
        let port = plain.port
        plain.stop()

        let secured = try SMTPSink(["--cert", cert, "--key", key, "--require-starttls", "--auth", "simpul:benar"])
        defer { secured.stop() }
        let wrong = await Self.failure(Self.settings(secured, security: .starttls, host: "localhost", username: "simpul", password: "salah", caFile: cert))
        guard case .permanent(535, "AUTH PLAIN", _) = wrong else { Issue.record("bad password: \(String(describing: wrong))"); return }
        #expect(!"\(wrong!)".contains("salah"), "the password is never in the error")
        let untrusted = await Self.failure(Self.settings(secured, security: .starttls, host: "localhost", username: "simpul", password: "benar"))
        guard case .tls = untrusted else { Issue.record("untrusted certificate: \(String(describing: untrusted))"); return }
        let overPlain = await Self.failure(Self.settings(secured, username: "simpul", password: "benar"))
        guard case .unsupported = overPlain else { Issue.record("AUTH without TLS: \(String(describing: overPlain))"); return }

        let nobody = await Self.failure(SMTPSettings(host: "127.0.0.1", port: port, security: .none, fromAddress: "simpul@tirtamaya.go.id", timeout: 5))
        guard case .unreachable = nobody else { Issue.record("closed port: \(String(describing: nobody))"); return }
        #expect(nobody?.isTransient == true)
    }

    @Test("encoding by hand: quoted-printable lines stay within 76, encoded words within 75 and whole characters, dot-stuffing")
    func encoding() {
        let text = String(repeating: "é", count: 100) + " akhir = selesai "
        let encoded = MailMessage.quotedPrintable(text)
        for line in encoded.components(separatedBy: "\r\n") { #expect(line.count <= 76) }
        #expect(encoded.hasSuffix("=20"), "trailing space is encoded")
        #expect(encoded.contains("=3D"))
        let words = MailMessage.encodedWords(String(repeating: "Lonjakan “ramai” ", count: 6))
        for word in words.components(separatedBy: "\r\n ") {
            #expect(word.count <= 75 && word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let inner = word.dropFirst(10).dropLast(2)
            #expect(String(data: Data(base64Encoded: String(inner)) ?? Data(), encoding: .utf8) != nil, "no character split between words")
        }
        #expect(MailMessage.encodedWords("Lonjakan biasa") == "Lonjakan biasa")
        #expect(MailMessage.dotStuffed("a\n.b\r\n..c\r\n.") == "a\r\n..b\r\n...c\r\n..")
    }

    @Test("settings: nothing set means no e-mail; each bad value is named; the password never shows in the description")
    func settingsFromEnvironment() throws {
        #expect(try Settings.fromEnvironment(["SIMPUL_ENV": "testing"]).smtp == nil)
        let smtp = try #require(try Settings.fromEnvironment(["SIMPUL_ENV": "testing", "SIMPUL_SMTP_HOST": "mail.tirtamaya.go.id", "SIMPUL_SMTP_FROM": "simpul@tirtamaya.go.id",
                                                             "SIMPUL_SMTP_USERNAME": "simpul", "SIMPUL_SMTP_PASSWORD": "rahasia-sekali"]).smtp)
        #expect(smtp.security == .starttls && smtp.port == 587 && smtp.timeout == 30 && smtp.fromName == "Simpul")
        #expect(!smtp.description.contains("rahasia-sekali"))
        #expect(throws: Settings.Missing.self) {
            try Settings.fromEnvironment(["SIMPUL_ENV": "testing", "SIMPUL_SMTP_HOST": "mail", "SIMPUL_SMTP_SECURITY": "ssl", "SIMPUL_SMTP_FROM": "bukan alamat"])
        }
        do {
            _ = try Settings.fromEnvironment(["SIMPUL_ENV": "testing", "SIMPUL_SMTP_HOST": "mail", "SIMPUL_SMTP_SECURITY": "ssl", "SIMPUL_SMTP_FROM": "bukan alamat",
                                              "SIMPUL_SMTP_PORT": "0", "SIMPUL_SMTP_USERNAME": "tanpa-sandi"])
        } catch let missing as Settings.Missing {
            #expect(missing.problems.count == 4, "\(missing.problems)")
        }
    }
}
