/// One variant of a content item as it will go to one account: the text after inheritance
/// from the item's body, and the facts about its media that the platforms' rules look at.
public struct PostDraft: Sendable, Equatable {
    public var text: String
    public var link: String?
    /// Without the '#'; added at the end of the caption.
    public var hashtags: [String]
    public var firstComment: String?
    /// YouTube's video title (other platforms have none).
    public var title: String?
    public var media: [MediaFacts]

    public init(text: String, link: String? = nil, hashtags: [String] = [], firstComment: String? = nil, title: String? = nil, media: [MediaFacts] = []) {
        self.text = text
        self.link = link
        self.hashtags = hashtags
        self.firstComment = firstComment
        self.title = title
        self.media = media
    }

    /// The text as the platform receives it: the body, then the link where the platform shows
    /// links in the text (Facebook attaches it instead), then the hashtags.
    public func caption(for platform: Platform) -> String {
        var parts = [text.trimmingWhitespace]
        if let link = link?.trimmingWhitespace, !link.isEmpty, platform != .facebook { parts.append(link) }
        let tags = hashtags.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
        if !tags.isEmpty { parts.append(tags.map { "#" + $0 }.joined(separator: " ")) }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}

/// What content sniffing learned about a stored media file.
public struct MediaFacts: Sendable, Equatable, Codable {
    public enum Format: String, Sendable, Codable, CaseIterable {
        case jpeg, png, gif, webp, mp4, mov, webm

        public var kind: MediaKind {
            switch self {
            case .jpeg, .png, .webp: .image
            case .gif: .gif
            case .mp4, .mov, .webm: .video
            }
        }

        public var mimeType: String {
            switch self {
            case .jpeg: "image/jpeg"
            case .png: "image/png"
            case .gif: "image/gif"
            case .webp: "image/webp"
            case .mp4: "video/mp4"
            case .mov: "video/quicktime"
            case .webm: "video/webm"
            }
        }
    }

    public var format: Format
    public var bytes: Int
    public var width: Int?
    public var height: Int?
    public var durationSeconds: Double?

    public init(format: Format, bytes: Int, width: Int? = nil, height: Int? = nil, durationSeconds: Double? = nil) {
        self.format = format
        self.bytes = bytes
        self.width = width
        self.height = height
        self.durationSeconds = durationSeconds
    }

    public var kind: MediaKind { format.kind }

    /// Width over height, when both are known.
    public var aspectRatio: Double? {
        guard let width, let height, width > 0, height > 0 else { return nil }
        return Double(width) / Double(height)
    }
}

public enum MediaKind: String, Sendable, Codable {
    case image, gif, video
}
