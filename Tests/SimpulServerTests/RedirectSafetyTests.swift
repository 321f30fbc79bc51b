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
            #expect(Paths.safeLocal(hostile) == Paths.home, "\(hostile.debugDescription)")
        }
        for local in ["/", "/inbox?state=open&q=jalan%20rusak", "/accounts/x/y", "/lang/en?next=%2F"] {
            #expect(Paths.safeLocal(local) == local)
        }
    }

    @Test("the language switch refuses a next address hidden behind a tab")
    func languageSwitch() async throws {
        try await withTestApp { app in
            let response = try await app.testing().sendRequest(.GET, "/lang/en?next=/%09/evil.example/x")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == Paths.home)
        }
    }

    @Test("a bulk action goes back to the inbox page it came from, never to the Referer's host")
    func bulkReferer() {
        #expect(Paths.localReferer("https://evil.example/inbox?state=open", path: Paths.inbox) == "/inbox?state=open")
        #expect(Paths.localReferer("http://127.0.0.1:8080/inbox", path: Paths.inbox) == "/inbox")
        #expect(Paths.localReferer("https://evil.example/other", path: Paths.inbox) == nil)
        #expect(Paths.localReferer("https://evil.example//inbox", path: Paths.inbox) == nil)
        #expect(Paths.localReferer(nil, path: Paths.inbox) == nil)
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
