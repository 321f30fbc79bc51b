import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// One reply of the mail server: its three-digit code and the text of each of its lines.
struct SMTPReply: Sendable, Equatable {
    let code: Int
    let lines: [String]

    var text: String { lines.joined(separator: " ") }
    var isPositive: Bool { (200..<400).contains(code) }
}

/// Why a message was not accepted, split the way a retry needs it: a 4xx or a lost connection
/// may pass on a later try, a 5xx or a configuration the server cannot serve will not.
enum SMTPError: Error, Equatable, CustomStringConvertible {
    /// The server answered 4xx: try again later (greylisting, a full mailbox, a busy server).
    case transient(code: Int, during: String, reply: String)
    /// The server answered 5xx: this message to this recipient will not pass.
    case permanent(code: Int, during: String, reply: String)
    /// No connection, a connection that closed or a server that went quiet.
    case unreachable(String)
    /// The TLS handshake failed (an untrusted certificate, a name that does not match).
    case tls(String)
    /// The server lacks what the settings require: STARTTLS, or an AUTH mechanism we speak.
    case unsupported(String)
    /// The server said something SMTP does not allow here.
    case unexpected(during: String, reply: String)

    var isTransient: Bool {
        switch self {
        case .transient, .unreachable: true
        case .permanent, .tls, .unsupported, .unexpected: false
        }
    }

    var description: String {
        switch self {
        case .transient(let code, let during, let reply): "SMTP \(code) sementara pada \(during): \(reply)"
        case .permanent(let code, let during, let reply): "SMTP \(code) ditolak pada \(during): \(reply)"
        case .unreachable(let detail): "server SMTP tidak terjangkau: \(detail)"
        case .tls(let detail): "TLS ke server SMTP gagal: \(detail)"
        case .unsupported(let detail): "server SMTP tidak mendukung \(detail)"
        case .unexpected(let during, let reply): "jawaban SMTP tak terduga pada \(during): \(reply)"
        }
    }
}

/// A small SMTP submission client (RFC 5321) on SwiftNIO: one connection per message, EHLO,
/// STARTTLS or implicit TLS, AUTH PLAIN or LOGIN when the server offers them, one recipient.
/// The password goes only to the server, base64-encoded inside TLS; nothing here logs it.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    let group: any EventLoopGroup
    var logger = Logger(label: "simpul.smtp")

    func send(_ message: MailMessage) async throws {
        let tls = try settings.security == .none ? nil : makeTLSContext()
        let reader = SMTPReplyReader()
        let serverName = Self.isIPAddress(settings.host) ? nil : settings.host
        let implicitTLS = settings.security == .tls ? tls : nil
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.milliseconds(Int64(settings.timeout * 1_000)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(reader)
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: settings.host, port: settings.port).get()
        } catch {
            throw SMTPError.unreachable("\(settings.host):\(settings.port): \(error)")
        }
        let session = Session(channel: channel, reader: reader, timeout: .milliseconds(Int64(settings.timeout * 1_000)))
        do {
            try await converse(session, message: message, tls: tls, serverName: serverName)
            _ = try? await session.command("QUIT", during: "QUIT")
            try? await channel.close()
        } catch {
            try? await channel.close()
            throw Self.classified(error)
        }
    }

    private func converse(_ session: Session, message: MailMessage, tls: NIOSSLContext?, serverName: String?) async throws {
        try session.expect(try await session.nextReply(), 220, during: "salam pembuka")
        var capabilities = try await hello(session)
        if settings.security == .starttls {
            guard capabilities.contains(where: { $0.uppercased() == "STARTTLS" }), let tls else { throw SMTPError.unsupported("STARTTLS") }
            try session.expect(try await session.command("STARTTLS", during: "STARTTLS"), 220, during: "STARTTLS")
            try await session.channel.eventLoop.submit {
                try session.channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
            }.get()
            // What the server said before TLS does not count after it (RFC 3207 §4.2).
            capabilities = try await hello(session)
        }
        if let username = settings.username, let password = settings.password {
            guard settings.security != .none else {
                throw SMTPError.unsupported("AUTH tanpa TLS (kata sandi tidak dikirim tanpa enkripsi; pakai starttls atau tls)")
            }
            try await authenticate(session, capabilities: capabilities, username: username, password: password)
        }
        try session.expect(try await session.command("MAIL FROM:<\(message.fromAddress)>", during: "MAIL FROM"), 250, during: "MAIL FROM")
        let rcpt = try await session.command("RCPT TO:<\(message.to)>", during: "RCPT TO")
        guard rcpt.code == 250 || rcpt.code == 251 else { throw Self.refusal(rcpt, during: "RCPT TO") }
        try session.expect(try await session.command("DATA", during: "DATA"), 354, during: "DATA")
        try await session.write(MailMessage.dotStuffed(message.rendered()) + "\r\n.\r\n")
        try session.expect(try await session.nextReply(), 250, during: "akhir DATA")
        logger.debug("mail accepted", metadata: ["server": "\(settings.host):\(settings.port)"])
    }

    /// EHLO, or HELO for a server that knows no extensions; the extension keywords it offers.
    private func hello(_ session: Session) async throws -> [String] {
        let name = Self.clientName(from: settings.fromAddress)
        let reply = try await session.command("EHLO \(name)", during: "EHLO")
        if reply.code == 250 { return Array(reply.lines.dropFirst()) }
        guard reply.code == 500 || reply.code == 502 else { throw Self.refusal(reply, during: "EHLO") }
        try session.expect(try await session.command("HELO \(name)", during: "HELO"), 250, during: "HELO")
        return []
    }

    private func authenticate(_ session: Session, capabilities: [String], username: String, password: String) async throws {
        let mechanisms = Set(capabilities.flatMap { line -> [String] in
            let upper = line.uppercased()
            // "AUTH PLAIN LOGIN", and the "AUTH=LOGIN" some old servers still send.
            guard upper.hasPrefix("AUTH ") || upper.hasPrefix("AUTH=") else { return [] }
            return upper.dropFirst(5).split(separator: " ").map(String.init)
        })
        if mechanisms.contains("PLAIN") {
            let token = Data(("\0" + username + "\0" + password).utf8).base64EncodedString()
            try session.expect(try await session.command("AUTH PLAIN " + token, during: "AUTH PLAIN"), 235, during: "AUTH PLAIN")
        } else if mechanisms.contains("LOGIN") {
            try session.expect(try await session.command("AUTH LOGIN", during: "AUTH LOGIN"), 334, during: "AUTH LOGIN")
            try session.expect(try await session.command(Data(username.utf8).base64EncodedString(), during: "AUTH LOGIN"), 334, during: "AUTH LOGIN")
            try session.expect(try await session.command(Data(password.utf8).base64EncodedString(), during: "AUTH LOGIN"), 235, during: "AUTH LOGIN")
        } else {
            throw SMTPError.unsupported(mechanisms.isEmpty ? "AUTH" : "AUTH PLAIN atau LOGIN (ditawarkan: \(mechanisms.sorted().joined(separator: " ")))")
        }
    }

    private func makeTLSContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile { configuration.additionalTrustRoots = [.file(caFile)] }
        do { return try NIOSSLContext(configuration: configuration) } catch { throw SMTPError.tls("\(error)") }
    }

    static func refusal(_ reply: SMTPReply, during stage: String) -> SMTPError {
        switch reply.code {
        case 400..<500: .transient(code: reply.code, during: stage, reply: reply.text)
        case 500..<600: .permanent(code: reply.code, during: stage, reply: reply.text)
        default: .unexpected(during: stage, reply: "\(reply.code) \(reply.text)")
        }
    }

    static func classified(_ error: any Error) -> SMTPError {
        switch error {
        case let error as SMTPError: error
        case let error as NIOSSLError: .tls("\(error)")
        case let error as BoringSSLError: .tls("\(error)")
        case is ChannelError: .unreachable("\(error)")
        default: .unreachable("\(error)")
        }
    }

    /// The name we greet with: the sender's domain, which is ours to use.
    static func clientName(from address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// The connection's write side and its reader, with the timeout every reply is given.
    struct Session: Sendable {
        let channel: any Channel
        let reader: SMTPReplyReader
        let timeout: TimeAmount

        func write(_ text: String) async throws {
            do {
                try await channel.writeAndFlush(ByteBuffer(string: text)).get()
            } catch {
                // The reader may have seen why the connection ended (a refused TLS handshake)
                // before this write met the closed channel: that cause is the one to report.
                if let cause = try? await reader.endReason(on: channel.eventLoop).get() { throw cause }
                throw error
            }
        }

        func nextReply() async throws -> SMTPReply {
            try await reader.next(on: channel.eventLoop, timeout: timeout).get()
        }

        func command(_ line: String, during stage: String) async throws -> SMTPReply {
            try await write(line + "\r\n")
            return try await nextReply()
        }

        func expect(_ reply: SMTPReply, _ code: Int, during stage: String) throws {
            guard reply.code == code else { throw SMTPClient.refusal(reply, during: stage) }
        }
    }
}

/// Splits what the server sends into replies ("250-first", "250 last") and hands each to the
/// one waiting for it. All its state lives on the channel's event loop: every entry point
/// runs there (NIO calls the handler methods there, `next` hops there first).
final class SMTPReplyReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    /// RFC 5321 allows 512 octets a reply line; a server far past that is not speaking SMTP.
    static let maxLine = 8_192

    private var pending: [UInt8] = []
    private var lines: [String] = []
    private var ready: [Result<SMTPReply, any Error>] = []
    private var waiter: EventLoopPromise<SMTPReply>?
    private var timer: Scheduled<Void>?
    private var ended: (any Error)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(pending[..<newline])
            pending.removeSubrange(...newline)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            // A hyphen after the code means more lines follow.
            if line.count < 4 || line[3] != UInt8(ascii: "-") {
                let code = line.count >= 3 ? Int(String(decoding: line[0..<3], as: UTF8.self)) : nil
                let texts = lines.map { $0.count > 4 ? String($0.dropFirst(4)) : "" }
                lines = []
                guard let code else {
                    fail(SMTPError.unexpected(during: "membaca jawaban", reply: String(decoding: line, as: UTF8.self)), context: context)
                    return
                }
                deliver(.success(SMTPReply(code: code, lines: texts)))
            }
        }
        if pending.count > Self.maxLine { fail(SMTPError.unexpected(during: "membaca jawaban", reply: "baris terlalu panjang"), context: context) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        end(SMTPError.unreachable("koneksi ditutup server"))
        context.fireChannelInactive()
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        end(error)
        context.close(promise: nil)
    }

    private func end(_ error: any Error) {
        if ended == nil { ended = error }
        deliver(.failure(error))
    }

    private func deliver(_ result: Result<SMTPReply, any Error>) {
        if let waiter {
            self.waiter = nil
            timer?.cancel()
            timer = nil
            waiter.completeWith(result)
        } else if case .success = result {
            ready.append(result)
        }
    }

    /// What ended the connection, if it has ended.
    func endReason(on loop: any EventLoop) -> EventLoopFuture<(any Error)?> {
        loop.submit { self.ended }
    }

    /// The next reply, or the error that ended the connection, or a timeout.
    func next(on loop: any EventLoop, timeout: TimeAmount) -> EventLoopFuture<SMTPReply> {
        loop.flatSubmit {
            if !self.ready.isEmpty { return loop.makeCompletedFuture(self.ready.removeFirst()) }
            if let ended = self.ended { return loop.makeFailedFuture(ended) }
            let promise = loop.makePromise(of: SMTPReply.self)
            self.waiter = promise
            self.timer = loop.scheduleTask(in: timeout) {
                self.deliver(.failure(SMTPError.unreachable("server SMTP tidak menjawab dalam \(timeout.nanoseconds / 1_000_000_000) detik")))
            }
            return promise.futureResult
        }
    }
}
