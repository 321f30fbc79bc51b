/// The limits each platform puts on a post, as its publishing documentation states them.
/// Limits change: they live here, in one table, and nowhere else.
public struct PlatformRules: Sendable {
    public enum TextMeasure: String, Sendable {
        /// X's weighted count (see `WeightedLength`).
        case weighted
        /// Unicode code points.
        case characters
        /// UTF-8 bytes (YouTube's description).
        case bytes
    }

    public struct MediaRule: Sendable {
        public var formats: Set<MediaFacts.Format>
        public var maxBytes: Int
        /// Width over height.
        public var aspect: ClosedRange<Double>?
        public var seconds: ClosedRange<Double>?
    }

    public var textMeasure: TextMeasure
    public var maxText: Int
    /// Text, a link or media must be there; some platforms need media of a kind.
    public var needsMedia: MediaKind?
    public var mediaOnlyIsEnough: Bool
    public var maxMedia: Int
    /// X: up to four images, or one video or GIF, never both.
    public var videoStandsAlone: Bool
    public var media: [MediaKind: MediaRule]
    public var maxHashtags: Int?
    public var maxMentions: Int?
    public var title: ClosedRange<Int>?
    public var firstComment: Bool

    static let megabyte = 1024 * 1024

    public static func of(_ platform: Platform) -> PlatformRules {
        switch platform {
        case .x:
            PlatformRules(textMeasure: .weighted, maxText: WeightedLength.maximum, needsMedia: nil, mediaOnlyIsEnough: true, maxMedia: 4,
                          videoStandsAlone: true,
                          media: [.image: MediaRule(formats: [.jpeg, .png, .webp], maxBytes: 5 * megabyte),
                                  .gif: MediaRule(formats: [.gif], maxBytes: 15 * megabyte),
                                  .video: MediaRule(formats: [.mp4, .mov], maxBytes: 512 * megabyte, aspect: (1.0 / 3)...3, seconds: 0.5...140)],
                          maxHashtags: nil, maxMentions: nil, title: nil, firstComment: true)
        case .instagram:
            // The Content Publishing API takes JPEG only for images; feed videos go out as reels.
            PlatformRules(textMeasure: .characters, maxText: 2_200, needsMedia: .image, mediaOnlyIsEnough: true, maxMedia: 10,
                          videoStandsAlone: false,
                          media: [.image: MediaRule(formats: [.jpeg], maxBytes: 8 * megabyte, aspect: 0.8...1.91),
                                  .video: MediaRule(formats: [.mp4, .mov], maxBytes: 300 * megabyte, aspect: 0.01...10, seconds: 3...900)],
                          maxHashtags: 30, maxMentions: 20, title: nil, firstComment: true)
        case .facebook:
            PlatformRules(textMeasure: .characters, maxText: 63_206, needsMedia: nil, mediaOnlyIsEnough: true, maxMedia: 10,
                          videoStandsAlone: true,
                          media: [.image: MediaRule(formats: [.jpeg, .png, .gif, .webp], maxBytes: 10 * megabyte),
                                  .gif: MediaRule(formats: [.gif], maxBytes: 10 * megabyte),
                                  .video: MediaRule(formats: [.mp4, .mov], maxBytes: 1024 * megabyte, seconds: 1...(240 * 60))],
                          maxHashtags: nil, maxMentions: nil, title: nil, firstComment: true)
        case .youtube:
            PlatformRules(textMeasure: .bytes, maxText: 5_000, needsMedia: .video, mediaOnlyIsEnough: true, maxMedia: 1,
                          videoStandsAlone: true,
                          media: [.video: MediaRule(formats: [.mp4, .mov, .webm], maxBytes: 4096 * megabyte)],
                          maxHashtags: 60, maxMentions: nil, title: 1...100, firstComment: true)
        case .tiktok:
            PlatformRules(textMeasure: .characters, maxText: 2_200, needsMedia: .video, mediaOnlyIsEnough: true, maxMedia: 1,
                          videoStandsAlone: true,
                          media: [.video: MediaRule(formats: [.mp4, .mov, .webm], maxBytes: 4096 * megabyte, seconds: 3...600)],
                          maxHashtags: nil, maxMentions: nil, title: nil, firstComment: false)
        case .whatsapp:
            PlatformRules(textMeasure: .characters, maxText: 4_096, needsMedia: nil, mediaOnlyIsEnough: true, maxMedia: 1,
                          videoStandsAlone: true,
                          media: [.image: MediaRule(formats: [.jpeg, .png], maxBytes: 5 * megabyte),
                                  .video: MediaRule(formats: [.mp4], maxBytes: 16 * megabyte)],
                          maxHashtags: nil, maxMentions: nil, title: nil, firstComment: false)
        }
    }
}
