import Foundation
import SimpulCore
import Testing

/// The labelled set in Fixtures/hoax, read once.
enum HoaxFixtures {
    struct Claim {
        var id: String
        var label: String
        var type: String
        var title: String
        var text: String
        var clarification: String
    }

    struct Paraphrase {
        var id: String
        var claimID: String
        var register: String
        var text: String
    }

    struct Unrelated {
        var id: String
        var topic: String
        var kind: String
        var text: String
    }

    /// Tab-separated rows without the header line.
    static func rows(_ name: String, columns: Int) throws -> [[String]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures/hoax"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        return try lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == columns, "\(name): \(line)")
            return fields
        }
    }

    static func claims() throws -> [Claim] {
        try rows("claims", columns: 6).map { Claim(id: $0[0], label: $0[1], type: $0[2], title: $0[3], text: $0[4], clarification: $0[5]) }
    }

    static func paraphrases() throws -> [Paraphrase] {
        try rows("paraphrases", columns: 4).map { Paraphrase(id: $0[0], claimID: $0[1], register: $0[2], text: $0[3]) }
    }

    static func unrelated() throws -> [Unrelated] {
        try rows("unrelated", columns: 4).map { Unrelated(id: $0[0], topic: $0[1], kind: $0[2], text: $0[3]) }
    }

    /// The register as a tenant would hold it: each claim's narrative is its one variant.
    static func register() throws -> HoaxRegister {
        HoaxRegister(claims: try claims().map { HoaxClaimText(id: $0.id, variants: [$0.text]) })
    }
}
