import Foundation

/// A link a staff member submits as proof that they passed an official post on: which platform,
/// and the id the platform's API knows the staff member's post by.
public struct ShareLink: Sendable, Equatable {
    public let platform: Platform
    /// The X post id, or the Facebook Graph id `<owner id>_<post id>`.
    public let postID: String
    /// The handle or numeric id in the link's path, when it has one.
    public let owner: String?

    public init(platform: Platform, postID: String, owner: String?) {
        self.platform = platform
        self.postID = postID
        self.owner = owner
    }

    public enum Problem: Error, Equatable, Sendable {
        case empty
        case notALink
        case unsupportedSite
        /// A link to the platform, but not to one post (a profile, a search, a share-sheet short link).
        case noPost(Platform)
        /// Instagram's API cannot read another person's post, so its links cannot be checked.
        case cannotVerify(Platform)

        public var message: String {
            switch self {
            case .empty: "Tautan belum diisi."
            case .notALink: "Ini bukan tautan. Salin alamat kiriman Anda, diawali https://."
            case .unsupportedSite: "Tautan harus ke kiriman di Facebook atau X."
            case .noPost(.facebook):
                "Tautan Facebook ini tidak menunjuk satu kiriman dengan nomornya. Buka kiriman Anda, lalu salin alamat yang memuat /posts/ atau story_fbid."
            case .noPost(let platform): "Tautan \(platform.displayName) ini tidak menunjuk satu kiriman."
            case .cannotVerify(let platform):
                "Kiriman \(platform.displayName) belum dapat diperiksa lewat tautan; tugas ini selesai saat bagikan ulang Anda terpantau."
            }
        }
    }

    public static func parse(_ input: String) -> Result<ShareLink, Problem> {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .failure(.empty) }
        let withScheme = text.contains("://") ? text : "https://" + text
        guard let components = URLComponents(string: withScheme), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let rawHost = components.host?.lowercased(), rawHost.contains(".") else { return .failure(.notALink) }
        let host = rawHost.hasPrefix("www.") ? String(rawHost.dropFirst(4)) : rawHost
        let path = components.path.split(separator: "/").map(String.init)
        let query = Dictionary((components.queryItems ?? []).compactMap { item in item.value.map { (item.name, $0) } }, uniquingKeysWith: { first, _ in first })
        switch host {
        case "x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com":
            // /<handle>/status/<id> or /i/web/status/<id>, with anything after it (/photo/1, ?s=20).
            let anonymous = path.starts(with: ["i", "web"])
            let tail = Array(path.dropFirst(anonymous ? 2 : 1))
            guard path.count >= 3, tail.count >= 2, tail[0] == "status" || tail[0] == "statuses", isNumber(tail[1]) else { return .failure(.noPost(.x)) }
            return .success(ShareLink(platform: .x, postID: tail[1], owner: anonymous ? nil : path[0]))
        case "facebook.com", "m.facebook.com", "web.facebook.com", "mbasic.facebook.com":
            // /<owner>/posts/<id> with a numeric owner and post, or permalink.php / story.php
            // with story_fbid and id. Graph reads a user's post as "<owner id>_<post id>".
            if path.count >= 3, path[1] == "posts", isNumber(path[0]), isNumber(path[2]) {
                return .success(ShareLink(platform: .facebook, postID: path[0] + "_" + path[2], owner: path[0]))
            }
            if let last = path.last, ["permalink.php", "story.php"].contains(last), let story = query["story_fbid"], let owner = query["id"],
               isNumber(story), isNumber(owner) {
                return .success(ShareLink(platform: .facebook, postID: owner + "_" + story, owner: owner))
            }
            return .failure(.noPost(.facebook))
        case "instagram.com":
            return .failure(.cannotVerify(.instagram))
        case "tiktok.com", "vm.tiktok.com":
            return .failure(.cannotVerify(.tiktok))
        default:
            return .failure(.unsupportedSite)
        }
    }

    private static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 30 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
