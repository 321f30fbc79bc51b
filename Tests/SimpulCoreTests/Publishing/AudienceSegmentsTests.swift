import Foundation
import SimpulCore
import Testing

@Suite("Audience segments")
struct AudienceSegmentsTests {
    @Test("the typed text is kept whole; the segments are its comma-separated parts, each once")
    func names() throws {
        let typed = AudienceSegments(" warga umum,lansia , ,Lansia, orang tua ")
        #expect(typed.names == ["warga umum", "lansia", "orang tua"])
        #expect(AudienceSegments("").names.isEmpty)
        // Stored as one string, exactly as typed: rows from before the type read back unchanged.
        let stored = try JSONEncoder().encode([typed])
        #expect(String(decoding: stored, as: UTF8.self) == #"[" warga umum,lansia , ,Lansia, orang tua "]"#)
        #expect(try JSONDecoder().decode([AudienceSegments].self, from: stored) == [typed])
    }
}
