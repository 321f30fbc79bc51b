import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A news feed as Simpul reads it: RSS 2.0, RSS 1.0 (RDF) or Atom 1.0, reduced to its entries'
/// ids, links, titles, plain text and dates.
public struct Feed: Equatable, Sendable {
    public var title: String?
    public var items: [ListenedItem]
}

/// Why a feed could not be read. The reader keeps its old validators when this happens, so the
/// next run fetches the feed again and nothing is skipped.
public enum FeedError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLarge(bytes: Int)
    /// Not well-formed XML, at a line and column of the body.
    case malformed(line: Int, column: Int, reason: String)
    /// Well-formed XML whose root is not rss, rdf:RDF or feed.
    case notAFeed(root: String)

    public var description: String {
        switch self {
        case .tooLarge(let bytes): "feed is \(bytes) bytes, more than \(FeedParser.maxBytes)"
        case .malformed(let line, let column, let reason): "feed is not well-formed XML at line \(line), column \(column): \(reason)"
        case .notAFeed(let root): "XML root <\(root)> is not an RSS or Atom feed"
        }
    }
}

public enum FeedParser {
    public static let maxBytes = 5_000_000
    /// Entries beyond this are left out; portals list 20–100.
    public static let maxItems = 500
    static let maxFieldCharacters = 20_000

    public static func parse(_ data: Data) throws(FeedError) -> Feed {
        guard data.count <= maxBytes else { throw .tooLarge(bytes: data.count) }
        let reader = FeedXMLReader()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        if !parser.parse() || reader.failure != nil {
            let reason = reader.failure ?? parser.parserError.map { String(describing: $0) } ?? "unknown"
            throw .malformed(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
        }
        guard let root = reader.root else { throw .malformed(line: 1, column: 1, reason: "empty document") }
        guard ["rss", "rdf:RDF", "feed"].contains(root) else { throw .notAFeed(root: root) }
        return Feed(title: reader.feedTitle.map(PlainText.fromMarkup), items: reader.entries.compactMap(\.item))
    }
}

/// One entry while it is being read.
struct FeedEntry {
    var id: String?
    var link: String?
    var title: String?
    var summary: String?
    var content: String?
    var published: String?
    var updated: String?
    var author: String?

    var item: ListenedItem? {
        let title = self.title.map(PlainText.fromMarkup).flatMap { $0.isEmpty ? nil : $0 }
        let body = (content ?? summary).map(PlainText.fromMarkup).flatMap { $0.isEmpty ? nil : $0 }
        let link = self.link?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmptyText
        guard let externalID = id?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmptyText ?? link
                ?? title.map({ "title:" + $0 }) else { return nil }
        let text = [title, body].compactMap { $0 }.joined(separator: "\n")
        guard !text.isEmpty else { return nil }
        return ListenedItem(source: .news, externalID: String(externalID.prefix(255)), url: link, title: title, text: text,
                            authorName: author.map(PlainText.fromMarkup).flatMap { $0.isEmpty ? nil : $0 },
                            publishedAt: (published ?? updated).flatMap(FeedDate.parse))
    }
}

/// XMLParser's delegate: keeps the element path and fills one entry at a time.
final class FeedXMLReader: NSObject, XMLParserDelegate {
    var root: String?
    var feedTitle: String?
    var entries: [FeedEntry] = []
    var failure: String?
    private var path: [String] = []
    private var current: FeedEntry?
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        path.append(name)
        text = ""
        if name == "item" || name == "entry" {
            current = entries.count < FeedParser.maxItems ? FeedEntry() : nil
        } else if name == "link", current != nil, let href = attributes["href"] {
            // Atom: the alternate link (or one with no rel) is the article.
            let rel = attributes["rel"] ?? "alternate"
            if rel == "alternate", current?.link == nil { current?.link = href }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { append(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { append(String(decoding: CDATABlock, as: UTF8.self)) }

    private func append(_ string: String) {
        guard text.count < FeedParser.maxFieldCharacters else { return }
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer {
            path.removeLast()
            text = ""
        }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        if name == "item" || name == "entry" {
            if let current { entries.append(current) }
            current = nil
            return
        }
        guard current != nil else {
            if name == "title", feedTitle == nil, parent == "channel" || parent == "feed" { feedTitle = value }
            return
        }
        switch name {
        case "guid", "id": if current?.id == nil { current?.id = value }
        case "link": if current?.link == nil, !value.isEmpty { current?.link = value }
        case "title": if parent == "item" || parent == "entry" { current?.title = value }
        case "description", "summary": current?.summary = value
        case "content:encoded", "content": current?.content = value
        case "pubDate", "published", "dc:date": current?.published = value
        case "updated": current?.updated = value
        case "author", "dc:creator": if current?.author == nil, !value.isEmpty { current?.author = value }
        case "name": if parent == "author", current?.author == nil { current?.author = value }
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = String(describing: parseError) }
    }
}

/// Feed text is HTML more often than not: tags dropped, entities decoded, spaces collapsed.
enum PlainText {
    static let entities: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
                                             "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’",
                                             "ldquo": "“", "rdquo": "”"]

    static let blockElements: Set<String> = ["p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                                             "blockquote", "section", "article", "figure", "figcaption", "hr", "img"]

    static func fromMarkup(_ markup: String) -> String {
        var out = ""
        out.reserveCapacity(markup.count)
        var tag: String?
        var index = markup.startIndex
        while index < markup.endIndex {
            let character = markup[index]
            if var name = tag {
                if character == ">" {
                    // Block elements end a word; inline ones (b, em, a) sit inside a sentence.
                    if blockElements.contains(String(name.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()) { out.append(" ") }
                    tag = nil
                } else if name.count < 12 {
                    name.append(character)
                    tag = name
                }
            } else if character == "<" {
                tag = ""
            } else if character == "&", let end = markup[index...].prefix(12).firstIndex(of: ";") {
                let name = markup[markup.index(after: index)..<end]
                if let decoded = decode(name) {
                    out += decoded
                    index = markup.index(after: end)
                    continue
                }
                out.append(character)
            } else {
                out.append(character)
            }
            index = markup.index(after: index)
        }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func decode(_ name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) } }
        return entities[String(name)]
    }
}

/// Dates as feeds write them: RFC 822 in RSS ("Mon, 07 Dec 2026 09:00:00 +0700", often with
/// "WIB" or "GMT"), RFC 3339 in Atom and dc:date.
enum FeedDate {
    static let zones: [String: Int] = ["GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WIB": 7, "WITA": 8, "WIT": 9,
                                       "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let date = RFC3339.parse(trimmed) { return date }
        return rfc822(trimmed)
    }

    static func rfc822(_ text: String) -> Date? {
        var parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = parts.first, Int(first) == nil { parts.removeFirst() }
        guard parts.count >= 4, let day = Int(parts[0]), let month = months.firstIndex(of: parts[1].prefix(3).lowercased()),
              var year = Int(parts[2]) else { return nil }
        if year < 100 { year += year < 70 ? 2000 : 1900 }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2 else { return nil }
        var offset = 0
        if parts.count >= 5 {
            let zone = parts[4]
            if let hours = zones[zone.uppercased()] {
                offset = hours * 3600
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                offset = (value / 100 * 3600 + value % 100 * 60) * (sign == "-" ? -1 : 1)
            } else {
                return nil
            }
        }
        var components = DateComponents()
        components.year = year
        components.month = month + 1
        components.day = day
        components.hour = clock[0]
        components.minute = clock[1]
        components.second = clock.count > 2 ? clock[2] : 0
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? TimeZone(identifier: "UTC")!
        guard (1...31).contains(day), (0...23).contains(clock[0]), (0...59).contains(clock[1]) else { return nil }
        return calendar.date(from: components)
    }
}

extension String {
    var nonEmptyText: String? { isEmpty ? nil : self }
}
