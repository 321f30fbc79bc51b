import Foundation

/// One plain-text e-mail, rendered as RFC 5322 with MIME: header texts outside ASCII as RFC 2047
/// encoded words, the UTF-8 body in quoted-printable, every line ending in CRLF.
struct MailMessage: Sendable, Equatable {
    var fromAddress: String
    var fromName: String
    var to: String
    var subject: String
    var body: String
    var date: Date
    var messageID: String

    /// The message as it goes after DATA, before dot-stuffing.
    func rendered() -> String {
        var headers: [(String, String)] = [
            ("Date", Self.rfc5322Date(date)),
            ("From", Self.mailbox(name: fromName, address: fromAddress)),
            ("To", "<\(to)>"),
            ("Subject", Self.encodedWords(subject, after: "Subject: ".count)),
            ("Message-ID", "<\(messageID)>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("Auto-Submitted", "auto-generated"),
        ]
        headers = headers.map { ($0.0, Self.foldable($0.1)) }
        let head = headers.map { "\($0.0): \($0.1)" }.joined(separator: "\r\n")
        return head + "\r\n\r\n" + Self.quotedPrintable(body)
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    static func mailbox(name: String, address: String) -> String {
        let clean = name.filter { !$0.isNewline }
        guard !clean.isEmpty else { return "<\(address)>" }
        let isAtomText = clean.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0)) }
        if isAtomText { return "\(clean) <\(address)>" }
        let words = encodedWords(clean, after: "From: ".count)
        let lastLine = words.components(separatedBy: "\r\n").last ?? words
        let used = (words.contains("\r\n") ? 0 : "From: ".count) + lastLine.count
        return words + (used + address.count + 3 > 76 ? "\r\n <\(address)>" : " <\(address)>")
    }

    /// A header text as it may stand in a header: as is when printable ASCII, else as base64
    /// encoded words ("=?UTF-8?B?…?="), no line with one longer than 76 characters (RFC 2047
    /// §2) and no character's bytes split between two words, separated by folding whitespace.
    /// `after` is how much of the first line the header's name already takes.
    static func encodedWords(_ text: String, after: Int = 0) -> String {
        let single = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        if single.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 }) && !single.contains("=?") { return single }
        // A word spends 12 characters on "=?UTF-8?B?" and "?="; every 3 bytes take 4 in base64.
        // A word is at most 75 characters; folded lines start with one space, so 75 fit there.
        func maxBytes(_ room: Int) -> Int { max(3, (room - 12) / 4 * 3) }
        var words: [String] = []
        var chunk = Data()
        for character in single {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > maxBytes(words.isEmpty ? min(75, 76 - after) : 75), !chunk.isEmpty {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Plain headers folded at spaces so that no line passes 78 characters where it can be helped.
    static func foldable(_ value: String) -> String {
        guard !value.contains("\r\n"), value.count > 76 else { return value }
        var lines: [String] = []
        var line = ""
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.count + 1 + word.count > 76 {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n ")
    }

    /// RFC 2045 quoted-printable of the UTF-8 text, lines ending in CRLF, none longer than 76.
    static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [String] = []
        for sourceLine in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(sourceLine.utf8)
            var line = ""
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                var piece: String
                if (byte == 0x20 || byte == 0x09) && last {
                    // Trailing whitespace is removed by some transports: encode it.
                    piece = "=" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
                } else if byte == 0x3D || byte > 126 || (byte < 32 && byte != 0x09) {
                    piece = "=" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
                } else {
                    piece = String(UnicodeScalar(byte))
                }
                // 75 characters and a soft break "=" make the 76 the RFC allows.
                if line.count + piece.count > 75 {
                    out.append(line + "=")
                    line = ""
                }
                line += piece
            }
            out.append(line)
        }
        return out.joined(separator: "\r\n")
    }

    /// SMTP's transparency (RFC 5321 §4.5.2): a line starting with "." gets another, and every
    /// line ends in CRLF, so that the body can never end the DATA early.
    static func dotStuffed(_ rendered: String) -> String {
        let lines = rendered.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
    }
}
