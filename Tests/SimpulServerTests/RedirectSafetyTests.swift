import Foundation
import Testing
import VaporTesting
@testable import SimpulServer

/// A redirect target that leaves the site turns a sign-in page into a phishing tool.
@Suite("Redirects stay on this site")
struct RedirectSafetyTests {
    @Test("a tab, a line break or any other control character, or a second slash or backslash, is no local path")
    func controlCharacters() {
        for hostile in ["/\t/evil.example/x", "/\n/evil.example", "/\r//evil", "/\u{0B}/evil", "/\u{7F}/evil", "/\u{85}/evil",
                        "//evil.example", "/\\evil", "\\/evil", " /evil", "evil", ""] {
            #expect(LocalPath.safeLocal(hostile) == SiteRoute.home.path, "\(hostile.debugDescription)")
        }
        for local in ["/", "/inbox?state=open&q=jalan%20rusak", "/accounts/x/y", "/lang/en?next=%2F"] {
            #expect(LocalPath.safeLocal(local) == local)
        }
    }

    @Test("the language switch refuses a next address hidden behind a tab")
    func languageSwitch() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.GET, "/lang/en?next=/%09/evil.example/x")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == SiteRoute.home.path)
        }
    }

    @Test("a bulk action goes back to the inbox page it came from, never to the Referer's host")
    func bulkReferer() {
        #expect(LocalPath.localReferer("https://evil.example/inbox?state=open", path: SiteRoute.inbox.path) == "/inbox?state=open")
        #expect(LocalPath.localReferer("http://127.0.0.1:8080/inbox", path: SiteRoute.inbox.path) == "/inbox")
        #expect(LocalPath.localReferer("https://evil.example/other", path: SiteRoute.inbox.path) == nil)
        #expect(LocalPath.localReferer("https://evil.example//inbox", path: SiteRoute.inbox.path) == nil)
        #expect(LocalPath.localReferer(nil, path: SiteRoute.inbox.path) == nil)
    }

    @Test("a bulk action sent with a foreign Referer redirects within the site")
    func bulkRedirect() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let browser = try await World.signIn(world.inScope[.unitAdmin]!, app: app)
            let form = ["action": "close", "_csrf": browser.csrf]
            let response = try await app.testing().sendRequest(.POST, "/inbox/bulk",
                                                               headers: ["Cookie": browser.cookie, "Referer": "https://evil.example/inbox?state=open"]) { req in
                try req.content.encode(form, as: .urlEncodedForm)
            }
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/inbox?state=open")
        }
    }
}
