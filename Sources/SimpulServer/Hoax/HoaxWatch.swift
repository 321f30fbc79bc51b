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

    /// The register as the compliance guard reads it: a draft, reply or staff post that passes a
    /// registered claim on gets a warning naming the claim. Text that carries the claim's own
    /// approved clarification is the answer, not the hoax.
    struct Check: Sendable {
        let register: HoaxRegister
        let claims: [String: (title: String, label: HoaxLabel, clarification: String?)]
        /// The tenant's thresholds.
        let parameters: HoaxMatchParameters

        func match(_ text: String) -> [HoaxMatch] {
            register.match(text, parameters: parameters)
        }

        func findings(in text: String) -> [Finding] {
            match(text).filter { $0.stance == .spreads }.compactMap { found in
                guard let claim = claims[found.claimID] else { return nil }
                if let clarification = claim.clarification, !clarification.isEmpty, text.contains(clarification) { return nil }
                return Finding(packID: "hoaks", packName: "Register Hoaks", ruleID: found.claimID,
                               ruleTitle: "Mengulang klaim \(claim.label.displayLabel) \(claim.title)", severity: .warning,
                               explanation: "Teks ini mirip klaim yang tercatat di Register Hoaks (kemiripan \(IndonesianFormat.percent(found.score, decimals: 0))). "
                                   + "SE MenPANRB 137/2018: ASN tidak menyebarkan hoaks; periksa dan pakai klarifikasinya.",
                               spans: [TextSpan(start: 0, end: text.unicodeScalars.count)], matched: claim.title)
            }
        }
    }

    private static let cache = TenantCache<Check?>()

    static func check(tenantID: UUID, on db: Database) async throws -> Check? {
        // Every reply and check asks, so the fingerprint is two aggregates, not the claims: claims
        // are never deleted, and every change (label, text, switching off) moves `updated_at`.
        let all = HoaxClaimModel.query(on: db).filter(\.$tenantID == tenantID)
        let parameters = try await ListeningSettingsModel.current(tenantID: tenantID, at: Date(), on: db).hoaxParameters
        var fingerprint = Hasher()
        fingerprint.combine(try await all.copy().count())
        fingerprint.combine(try await all.copy().max(\.$updatedAt))
        fingerprint.combine(parameters.nearCopyThreshold)
        fingerprint.combine(parameters.paraphraseThreshold)
        let key = fingerprint.finalize()
        if let cached = cache.get(tenantID, key: key) { return cached }
        let claims = try await activeFalseClaims(tenantID: tenantID, on: db)
        let check = claims.isEmpty ? nil : Check(register: HoaxRegister(claims: claims.map { HoaxClaimText(id: $0.id!.uuidString, variants: [$0.claim] + $0.variants.value) }),
                                                 claims: Dictionary(uniqueKeysWithValues: claims.map { ($0.id!.uuidString, ($0.title, $0.label, $0.clarification)) }),
                                                 parameters: parameters)
        cache.put(tenantID, key: key, check)
        return check
    }

    static func activeFalseClaims(tenantID: UUID, on db: Database) async throws -> [HoaxClaimModel] {
        try await HoaxClaimModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$active == true).sort(\.$createdAt).all()
            .filter { $0.label.isFalse }
    }



    @discardableResult
    static func match(_ messages: [MessageModel], tenantID: UUID, now: Date, on db: Database) async throws -> Int {
        let candidates = messages.filter { !($0.text ?? "").isEmpty }
        guard !candidates.isEmpty, let register = try await check(tenantID: tenantID, on: db) else { return 0 }
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
