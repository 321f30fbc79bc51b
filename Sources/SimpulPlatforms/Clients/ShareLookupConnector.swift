import Foundation
import SimpulCore

/// A platform that can read one post by its id, so that a staff member's link to their share of
/// an official post can be checked against what the platform says rather than taken on trust.
public protocol ShareLookupConnector: PlatformConnector {
    func sharedPost(id: String) async throws(PlatformError) -> SharedPostFacts
}

extension XConnector: ShareLookupConnector {
    /// `GET /2/tweets/{id}?tweet.fields=author_id,referenced_tweets,entities&expansions=author_id`.
    /// A deleted or protected post comes back as 200 with only `errors`; that is "not found".
    public func sharedPost(id: String) async throws(PlatformError) -> SharedPostFacts {
        guard Self.isTweetID(id) else { throw .rejected(status: 0, code: "not_found", detail: "not an X post id") }
        let query = [("tweet.fields", "author_id,referenced_tweets,entities"), ("expansions", "author_id"), ("user.fields", "username")]
        let json = try await http.json(try request("GET", ["2", "tweets", id], query: query))
        guard let tweet = json["data"], let tweetID = tweet["id"]?.idString else {
            throw .rejected(status: 404, code: "not_found", detail: json["errors"]?.array?.first?["detail"]?.string ?? "post not found")
        }
        let authorID = tweet["author_id"]?.idString
        let author = json["includes"]?["users"]?.array?.first { $0["id"]?.idString == authorID }
        let references = (tweet["referenced_tweets"]?.array ?? []).compactMap { reference -> String? in
            guard let type = reference["type"]?.text, type == "retweeted" || type == "quoted" else { return nil }
            return reference["id"]?.idString
        }
        let links = (tweet["entities"]?["urls"]?.array ?? []).compactMap { ($0["expanded_url"] ?? $0["url"])?.string }
        return SharedPostFacts(id: tweetID, authorID: authorID, authorHandle: author?["username"]?.string,
                               referencedPostIDs: references, links: links)
    }
}

extension MetaGraphConnector: ShareLookupConnector {
    /// Facebook: `GET /{post-id}?fields=from,parent_id,link`; a share carries the shared post as
    /// `parent_id` and its address as `link`. Instagram cannot read other people's posts.
    public func sharedPost(id: String) async throws(PlatformError) -> SharedPostFacts {
        guard surface == .facebookPage else { throw .rejected(status: 0, code: "unsupported", detail: "Instagram posts cannot be looked up by link") }
        let json = try await graph.call("GET", [id], query: [("fields", "id,from,parent_id,link")])
        guard let postID = json["id"]?.idString else { throw graph.http.invalid("post response has no id") }
        return SharedPostFacts(id: postID, authorID: json["from"]?["id"]?.idString, authorHandle: nil,
                               referencedPostIDs: [json["parent_id"]?.idString].compactMap { $0 },
                               links: [json["link"]?.string].compactMap { $0 })
    }
}
