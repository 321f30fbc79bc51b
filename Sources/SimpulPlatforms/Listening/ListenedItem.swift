import Foundation

/// Where a listened item came from: public search beyond the tenant's own accounts.
/// Facebook and Instagram have none (their APIs offer no public search), so they are not here.
public enum ListeningSource: String, Codable, CaseIterable, Sendable {
    case xSearch = "x_search"
    case youtubeSearch = "youtube_search"
    case news
}

/// One public post, video or news article found by listening, in the same shape whatever the
/// source. Stored idempotently on (source, externalID).
public struct ListenedItem: Codable, Equatable, Sendable {
    public var source: ListeningSource
    /// The tweet id, the video id, or the feed entry's guid/id (its link when it has none).
    public var externalID: String
    public var url: String?
    public var title: String?
    /// The text to match: the post, or a video's or article's title and description.
    public var text: String
    public var authorName: String?
    public var authorHandle: String?
    public var publishedAt: Date?

    public init(source: ListeningSource, externalID: String, url: String? = nil, title: String? = nil, text: String,
                authorName: String? = nil, authorHandle: String? = nil, publishedAt: Date? = nil) {
        self.source = source
        self.externalID = externalID
        self.url = url
        self.title = title
        self.text = text
        self.authorName = authorName
        self.authorHandle = authorHandle
        self.publishedAt = publishedAt
    }
}

/// What one search run found, where the next run starts, and what it cost.
public struct SearchPage: Equatable, Sendable {
    public var items: [ListenedItem]
    /// The next run's starting point (X: the newest tweet id; YouTube: the newest publish time),
    /// or the old cursor when nothing was new.
    public var cursor: String?
    /// Billed reads: X counts every post returned against the monthly read budget.
    public var reads: Int
    /// Requests made: YouTube charges 100 quota units for each search call.
    public var calls: Int

    public init(items: [ListenedItem], cursor: String?, reads: Int, calls: Int) {
        self.items = items
        self.cursor = cursor
        self.reads = reads
        self.calls = calls
    }
}
