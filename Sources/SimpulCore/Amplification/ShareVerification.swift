/// What the platform says about a staff member's post, as far as proving a share goes.
public struct SharedPostFacts: Sendable, Equatable {
    public var id: String
    public var authorID: String?
    public var authorHandle: String?
    /// Posts this one reposts, quotes or shares (X `referenced_tweets`, Facebook `parent_id`).
    public var referencedPostIDs: [String]
    /// Links in the post (expanded where the platform expands them).
    public var links: [String]

    public init(id: String, authorID: String?, authorHandle: String?, referencedPostIDs: [String], links: [String]) {
        self.id = id
        self.authorID = authorID
        self.authorHandle = authorHandle
        self.referencedPostIDs = referencedPostIDs
        self.links = links
    }
}

/// The official post a task asks staff to pass on.
public struct AmplifiedPost: Sendable, Equatable {
    public var platform: Platform
    /// The platform's id for it (X post id; Facebook `<page id>_<post id>`).
    public var externalID: String
    public var url: String?

    public init(platform: Platform, externalID: String, url: String?) {
        self.platform = platform
        self.externalID = externalID
        self.url = url
    }

    /// The last part of the id, which is what appears in links to the post.
    var linkID: String { externalID.split(separator: "_").last.map(String.init) ?? externalID }
}

/// One of the staff member's own registered accounts.
public struct StaffHandle: Sendable, Equatable {
    public var platform: Platform
    public var externalID: String?
    public var handle: String

    public init(platform: Platform, externalID: String?, handle: String) {
        self.platform = platform
        self.externalID = externalID
        self.handle = handle
    }
}

/// Decides whether a post the platform returned proves that this staff member shared this
/// official post: it must be on one of their registered accounts and point at the post.
public enum ShareVerification {
    public enum Verdict: Equatable, Sendable {
        case verified
        case wrongPlatform(expected: Platform)
        case notOwnAccount
        case doesNotSharePost

        public var message: String {
            switch self {
            case .verified: "Terverifikasi."
            case .wrongPlatform(let expected): "Tugas ini meminta bagikan ulang di \(expected.displayName); tautan ini ke platform lain."
            case .notOwnAccount: "Kiriman pada tautan ini bukan dari akun staf Anda yang terdaftar. Daftarkan akunnya dulu atau kirim tautan dari akun Anda sendiri."
            case .doesNotSharePost: "Kiriman pada tautan ini tidak membagikan atau mengutip unggahan resmi yang ditugaskan."
            }
        }
    }

    /// Before asking the platform: the link must be on the task's platform.
    public static func precheck(_ link: ShareLink, post: AmplifiedPost) -> Verdict? {
        link.platform == post.platform ? nil : .wrongPlatform(expected: post.platform)
    }

    public static func verdict(_ facts: SharedPostFacts, post: AmplifiedPost, staff: [StaffHandle]) -> Verdict {
        let own = staff.filter { $0.platform == post.platform }
        let byStaff = own.contains { account in
            if let id = account.externalID, let author = facts.authorID, id == author { return true }
            if let handle = facts.authorHandle { return handle.lowercased() == account.handle.lowercased() }
            return false
        }
        guard byStaff else { return .notOwnAccount }
        if facts.referencedPostIDs.contains(where: { $0 == post.externalID || $0 == post.linkID }) { return .verified }
        if facts.links.contains(where: { links($0, to: post) }) { return .verified }
        return .doesNotSharePost
    }

    /// Whether a link in the staff member's post leads to the official post.
    static func links(_ link: String, to post: AmplifiedPost) -> Bool {
        if let url = post.url, normalized(link) == normalized(url) { return true }
        guard case .success(let parsed) = ShareLink.parse(link), parsed.platform == post.platform else {
            return false
        }
        return parsed.postID == post.externalID || parsed.postID.split(separator: "_").last.map(String.init) == post.linkID
    }

    private static func normalized(_ url: String) -> String {
        var text = url.lowercased()
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if text.hasPrefix("www.") { text.removeFirst(4) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
