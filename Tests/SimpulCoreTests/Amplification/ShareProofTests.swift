import Foundation
import Testing
@testable import SimpulCore

@Suite("Share links and their verification")
struct ShareProofTests {
    @Test("links to one post are read on X and Facebook, in their usual shapes")
    func parsesPostLinks() throws {
        let cases: [(String, Platform, String, String?)] = [
            ("https://x.com/asn_uji/status/1870000000000000001", .x, "1870000000000000001", "asn_uji"),
            ("https://twitter.com/asn_uji/status/1870000000000000001?s=20&t=abc", .x, "1870000000000000001", "asn_uji"),
            ("x.com/asn_uji/status/1870000000000000001/photo/1", .x, "1870000000000000001", "asn_uji"),
            ("https://mobile.twitter.com/i/web/status/1870000000000000001", .x, "1870000000000000001", nil),
            ("  https://www.facebook.com/100077/posts/555/  ", .facebook, "100077_555", "100077"),
            ("https://m.facebook.com/story.php?story_fbid=555&id=100077", .facebook, "100077_555", "100077"),
            ("https://www.facebook.com/permalink.php?story_fbid=555&id=100077", .facebook, "100077_555", "100077"),
        ]
        for (link, platform, id, owner) in cases {
            let parsed = try ShareLink.parse(link).get()
            #expect(parsed.platform == platform && parsed.postID == id, "\(link)")
            #expect(parsed.owner == owner, "\(link)")
        }
    }

    @Test("what is not a link to one checkable post says why")
    func refusesOthers() {
        let cases: [(String, ShareLink.Problem)] = [
            ("", .empty),
            ("   ", .empty),
            ("bukan tautan", .notALink),
            ("ftp://x.com/a/status/1", .notALink),
            ("https://example.com/a/status/1", .unsupportedSite),
            ("https://x.com/asn_uji", .noPost(.x)),
            ("https://x.com/asn_uji/status/abc", .noPost(.x)),
            ("https://www.facebook.com/asn.uji/posts/pfbid02abc", .noPost(.facebook)),
            ("https://www.facebook.com/share/p/1AbCdEf/", .noPost(.facebook)),
            ("https://www.instagram.com/p/Cabc123/", .cannotVerify(.instagram)),
            ("https://vm.tiktok.com/ZS123/", .cannotVerify(.tiktok)),
        ]
        for (link, problem) in cases {
            guard case .failure(let found) = ShareLink.parse(link) else {
                Issue.record("\(link) was accepted")
                continue
            }
            #expect(found == problem, "\(link)")
            #expect(!found.message.isEmpty)
        }
    }

    let post = AmplifiedPost(platform: .x, externalID: "1860000000000000001", url: "https://x.com/dinas/status/1860000000000000001")
    let mine = [StaffHandle(platform: .x, externalID: "555", handle: "ASN_Uji"), StaffHandle(platform: .facebook, externalID: "777", handle: "asn.fb")]

    @Test("a quote, a repost or a link to the post by one's own account is proof; anything else is not")
    func verdicts() {
        func facts(author: String?, handle: String? = nil, refs: [String] = [], links: [String] = []) -> SharedPostFacts {
            SharedPostFacts(id: "1", authorID: author, authorHandle: handle, referencedPostIDs: refs, links: links)
        }
        #expect(ShareVerification.verdict(facts(author: "555", refs: ["1860000000000000001"]), post: post, staff: mine) == .verified)
        #expect(ShareVerification.verdict(facts(author: nil, handle: "asn_uji", refs: ["1860000000000000001"]), post: post, staff: mine) == .verified)
        #expect(ShareVerification.verdict(facts(author: "555", links: ["https://twitter.com/dinas/status/1860000000000000001?s=20"]), post: post, staff: mine) == .verified)
        #expect(ShareVerification.verdict(facts(author: "555", links: ["http://www.x.com/dinas/status/1860000000000000001/"]), post: post, staff: mine) == .verified)
        #expect(ShareVerification.verdict(facts(author: "555", refs: ["1860000000000000002"]), post: post, staff: mine) == .doesNotSharePost)
        #expect(ShareVerification.verdict(facts(author: "555", links: ["https://example.com/1860000000000000001"]), post: post, staff: mine) == .doesNotSharePost)
        // The Facebook account's id does not count on X.
        #expect(ShareVerification.verdict(facts(author: "777", refs: ["1860000000000000001"]), post: post, staff: mine) == .notOwnAccount)
        #expect(ShareVerification.verdict(facts(author: "999", handle: "orang_lain", refs: ["1860000000000000001"]), post: post, staff: mine) == .notOwnAccount)
        let fbPost = AmplifiedPost(platform: .facebook, externalID: "100_555", url: nil)
        #expect(ShareVerification.verdict(facts(author: "777", refs: ["100_555"]), post: fbPost, staff: mine) == .verified)
        #expect(ShareVerification.verdict(facts(author: "777", links: ["https://www.facebook.com/100/posts/555/"]), post: fbPost, staff: mine) == .verified)
        let link = try? ShareLink.parse("https://www.facebook.com/777/posts/1").get()
        #expect(link.flatMap { ShareVerification.precheck($0, post: post) } == .wrongPlatform(expected: .x))
    }

    @Test("status by deadline and completion; tallies count done and overdue")
    func statusAndTally() {
        let deadline = Date(timeIntervalSince1970: 1_000)
        #expect(AssignmentStatus.of(completedAt: nil, deadline: deadline, now: Date(timeIntervalSince1970: 999)) == .pending)
        #expect(AssignmentStatus.of(completedAt: nil, deadline: deadline, now: Date(timeIntervalSince1970: 1_001)) == .overdue)
        #expect(AssignmentStatus.of(completedAt: deadline, deadline: deadline, now: Date(timeIntervalSince1970: 5_000)) == .done)
        #expect(AssignmentStatus.of(completedAt: Date(timeIntervalSince1970: 1_001), deadline: deadline, now: Date(timeIntervalSince1970: 5_000)) == .doneLate)
        var tally = AmplificationTally()
        #expect(tally.rate == nil)
        [.done, .doneLate, .overdue, .pending].forEach { tally.add($0) }
        #expect(tally.assigned == 4 && tally.done == 2 && tally.overdue == 1 && tally.rate == 0.5)
    }
}
