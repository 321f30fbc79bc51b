import Foundation
import SimpulCore
import Testing

@Suite struct UUIDTextTests {
    @Test func sameTextAsFoundation() {
        var ids = (0..<500).map { _ in UUID() } + [UUID.timeOrdered(at: Date())]
        ids.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        ids.append(UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)))
        for id in ids { #expect(id.uppercasedText == id.uuidString) }
        #expect(UUID(uuidString: "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9")?.uppercasedText == "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9")
    }
}
