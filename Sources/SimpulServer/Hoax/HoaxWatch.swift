import Fluent
import Foundation
import SimpulCore
import SQLKit

/// Matches newly enriched messages against the tenant's active register entries that must not
/// spread ([HOAKS], [DISINFORMASI], [MISINFORMASI]). A message that refutes a claim (an official
/// debunk repeats its words) is not marked.
enum HoaxWatch {
    struct Row: Encodable {
        let tenant_id: UUID, id: UUID, claim_id: UUID, message_id: UUID, score: Double, method: String, created_at: Date
    }

    /// The register as the matcher reads it: each claim with its variants.
    static func register(tenantID: UUID, analyzer: TextAnalyzer, on db: Database) async throws -> HoaxRegister? {
        let claims = try await HoaxClaimModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$active == true).all()
            .filter { $0.label.isFalse }
        guard !claims.isEmpty else { return nil }
        return HoaxRegister(claims: claims.map { HoaxClaimText(id: $0.id!.uuidString, variants: [$0.claim] + $0.variants.value) }, analyzer: analyzer)
    }

    @discardableResult
    static func match(_ messages: [MessageModel], tenantID: UUID, analyzer: TextAnalyzer, now: Date, on db: Database) async throws -> Int {
        let candidates = messages.filter { !($0.text ?? "").isEmpty }
        guard !candidates.isEmpty, let register = try await register(tenantID: tenantID, analyzer: analyzer, on: db) else { return 0 }
        var rows: [Row] = []
        for message in candidates {
            for found in register.match(message.text ?? "") where found.stance == .spreads {
                guard let claimID = UUID(uuidString: found.claimID) else { continue }
                rows.append(Row(tenant_id: tenantID, id: UUID(), claim_id: claimID, message_id: message.id!, score: found.score,
                                method: found.method.rawValue, created_at: now))
            }
        }
        guard !rows.isEmpty else { return 0 }
        try await (try db.sql).insert(into: HoaxMatchModel.schema).models(rows)
            .ignoringConflicts(with: ["tenant_id", "claim_id", "message_id"]).run()
        return rows.count
    }

    /// The register entries a message resembles, best first.
    static func claims(for messageID: UUID, tenantID: UUID, on db: Database) async throws -> [(claim: HoaxClaimModel, match: HoaxMatchModel)] {
        let matches = try await HoaxMatchModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$messageID == messageID)
            .sort(\.$score, .descending).all()
        guard !matches.isEmpty else { return [] }
        let claims = Dictionary(uniqueKeysWithValues: try await HoaxClaimModel.query(on: db).filter(\.$tenantID == tenantID)
            .filter(\.$id ~~ matches.map(\.claimID)).all().map { ($0.id!, $0) })
        return matches.compactMap { match in claims[match.claimID].map { ($0, match) } }
    }
}
