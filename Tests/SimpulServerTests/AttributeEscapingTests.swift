import Testing
@testable import SimpulServer

/// The one escaping function every attribute builder of the pages goes through (the builders
/// themselves are exercised on every page by HostilePagesTests).
@Suite("Attribute values are escaped")
struct AttributeEscapingTests {
    @Test("quotes, angle brackets and ampersands become references; other text is kept as it is")
    func escaping() {
        #expect(AttributeText.escaped(#"/"><base href=//x>'&"#) == "/&quot;&gt;&lt;base href=//x&gt;&#39;&amp;")
        #expect(AttributeText.escaped("/inbox?state=open") == "/inbox?state=open")
        #expect(AttributeText.escaped("Dinas Kesehatan — Puskesmas Ñ") == "Dinas Kesehatan — Puskesmas Ñ")
    }
}
