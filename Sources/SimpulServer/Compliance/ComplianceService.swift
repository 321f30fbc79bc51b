import Fluent
import Foundation
import SimpulCore
import SQLKit
import Vapor

/// A tenant's guard as configured right now: its enabled packs (the election pack built from
/// the contests valid today), its allow-list and the candidates' accounts.
struct TenantGuard: Sendable {
    let engine: ComplianceEngine
    let allowList: Set<AllowListEntry>
    let candidateAccounts: Set<String>
    /// The tenant's register of claims that must not spread, when it has any.
    var hoaxes: HoaxWatch.Check? = nil

    func check(_ text: String) -> [Finding] {
        engine.check(text, allowList: allowList) + (hoaxes?.findings(in: text) ?? []).filter { finding in
            !allowList.contains(AllowListEntry(ruleID: finding.ruleID, matched: finding.matched))
        }
    }
}

/// One pack as the pack page shows it.
struct PackState: Sendable {
    enum Origin: Sendable { case builtIn, tenant(UUID) }
    let id: String
    let name: String
    let regulation: String
    let summary: String
    let ruleCount: Int
    let enabled: Bool
    let origin: Origin
    /// The election pack exists only while an election's data is valid.
    let available: Bool
}

enum ComplianceService {
    /// Compiled engines per tenant. Compiling the packs takes milliseconds; checking a text takes
    /// microseconds, so the cache matters for the worker and the API.
    private static let cache = TenantCache<ComplianceEngine>()

    static func day(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    static func contests(tenantID: UUID, on db: Database) async throws -> [(ElectionContestModel, ElectionContest)] {
        let rows = try await ElectionContestModel.query(on: db).filter(\.$tenantID == tenantID).sort(\.$validFrom, .descending).all()
        return rows.compactMap { row in
            guard let data = row.data.value else { return nil }
            return (row, ElectionContest(name: row.name, validFrom: row.validFrom, validUntil: row.validUntil,
                                         candidates: data.candidates, parties: data.parties))
        }
    }

    struct ElectionData: Codable, Sendable {
        var candidates: [ElectionContest.Candidate]
        var parties: [ElectionContest.Party]
    }

    static func tenantPacks(tenantID: UUID, on db: Database) async throws -> [(TenantPackModel, RulePack)] {
        let rows = try await TenantPackModel.query(on: db).filter(\.$tenantID == tenantID).sort(\.$name).all()
        return rows.map { row in
            let rules = row.rules.value ?? []
            return (row, RulePack(id: row.code, name: row.name, regulation: row.regulation, summary: row.summary, rules: rules))
        }
    }

    static func settings(tenantID: UUID, on db: Database) async throws -> [String: Bool] {
        let rows = try await PackSettingModel.query(on: db).filter(\.$tenantID == tenantID).all()
        return Dictionary(rows.map { ($0.packID, $0.enabled) }, uniquingKeysWith: { $1 })
    }

    /// Every pack of the tenant with its switch, built-in packs first.
    static func packStates(tenantID: UUID, zone: TimeZone, now: Date, on db: Database) async throws -> [PackState] {
        let switches = try await settings(tenantID: tenantID, on: db)
        let today = day(now, zone: zone)
        let election = RulePack.skb5(contests: try await contests(tenantID: tenantID, on: db).map(\.1), on: today)
        var states: [PackState] = []
        for id in RulePack.builtInIDs {
            let pack = id == "skb5" ? election : RulePack.builtIn.first { $0.id == id }
            states.append(PackState(
                id: id, name: pack?.name ?? "SKB 5 Instansi — netralitas ASN",
                regulation: pack?.regulation ?? RulePack.skb5Citation,
                summary: pack?.summary ?? "Aktif saat ada data pemilihan yang berlaku hari ini.",
                ruleCount: pack?.rules.count ?? 0, enabled: switches[id] ?? true, origin: .builtIn, available: pack != nil))
        }
        for (row, pack) in try await tenantPacks(tenantID: tenantID, on: db) {
            states.append(PackState(id: pack.id, name: pack.name, regulation: pack.regulation, summary: pack.summary,
                                    ruleCount: pack.rules.count, enabled: switches[pack.id] ?? true, origin: .tenant(row.id!), available: true))
        }
        return states
    }

    static func allowList(tenantID: UUID, on db: Database) async throws -> Set<AllowListEntry> {
        let rows = try await AllowListModel.query(on: db).filter(\.$tenantID == tenantID).all()
        return Set(rows.map { AllowListEntry(ruleID: $0.ruleID, matched: $0.matched) })
    }

    /// The tenant's guard for `now`. The configuration is read every time (a few small rows), so
    /// a change made in another process counts at once; compiling the packs, the costly part,
    /// happens only when the configuration or the day differs from the cached one.
    static func guardFor(tenantID: UUID, zone: TimeZone, now: Date, on db: Database) async throws -> TenantGuard {
        let today = day(now, zone: zone)
        let switches = try await settings(tenantID: tenantID, on: db)
        let contestRows = try await contests(tenantID: tenantID, on: db)
        let ownPacks = try await tenantPacks(tenantID: tenantID, on: db)
        let allow = try await allowList(tenantID: tenantID, on: db)
        var fingerprint = Hasher()
        fingerprint.combine(today)
        for (id, enabled) in switches.sorted(by: { $0.key < $1.key }) { fingerprint.combine(id); fingerprint.combine(enabled) }
        for (row, _) in contestRows { fingerprint.combine(row.validFrom); fingerprint.combine(row.validUntil); fingerprint.combine(row.data.storedText) }
        for (row, _) in ownPacks { fingerprint.combine(row.code); fingerprint.combine(row.name); fingerprint.combine(row.rules.storedText) }
        let key = fingerprint.finalize()

        let engine: ComplianceEngine
        if let cached = cache.get(tenantID, key: key) {
            engine = cached
        } else {
            var packs: [RulePack] = []
            for pack in RulePack.builtIn where switches[pack.id] ?? true { packs.append(pack) }
            if switches["skb5"] ?? true, let election = RulePack.skb5(contests: contestRows.map(\.1), on: today) { packs.append(election) }
            for (_, pack) in ownPacks where switches[pack.id] ?? true { packs.append(pack) }
            engine = ComplianceEngine(packs: packs)
            cache.put(tenantID, key: key, engine)
        }
        let active = contestRows.map(\.1).filter { $0.isActive(on: today) }
        return TenantGuard(engine: engine, allowList: allow,
                           candidateAccounts: active.reduce(into: Set<String>()) { $0.formUnion($1.candidateAccounts) },
                           hoaxes: try await HoaxWatch.check(tenantID: tenantID, on: db))
    }

    // MARK: Findings

    static let maxExcerpt = 2_000

    /// Stores findings for one source, once: a second look at the same source adds nothing.
    static func record(_ findings: [Finding], source: FindingSource, sourceID: UUID, tenantID: UUID, accountID: UUID?, unitID: UUID?,
                       excerpt: String, at: Date, on db: Database) async throws {
        guard !findings.isEmpty else { return }
        let clipped = String(excerpt.unicodeScalars.prefix(maxExcerpt))
        let clippedCount = clipped.unicodeScalars.count
        struct Row: Encodable {
            let tenant_id: UUID, id: UUID, source: String, source_id: UUID, account_id: UUID?, unit_id: UUID?
            let pack_id: String, pack_name: String, rule_id: String, rule_title: String, severity: String
            let explanation: String, excerpt: String, spans: String, matched: String, status: String, created_at: Date
        }
        let rows = findings.map { finding in
            let spans = finding.spans.filter { $0.end <= clippedCount }
            return Row(tenant_id: tenantID, id: UUID(), source: source.rawValue, source_id: sourceID, account_id: accountID, unit_id: unitID,
                       pack_id: finding.packID, pack_name: String(finding.packName.prefix(200)), rule_id: finding.ruleID,
                       rule_title: String(finding.ruleTitle.prefix(200)), severity: finding.severity.rawValue,
                       explanation: finding.explanation, excerpt: clipped, spans: (try? JSONText<[TextSpan]>.text(of: spans)) ?? "[]",
                       matched: String(finding.matched.prefix(300)), status: FindingStatus.open.rawValue, created_at: at)
        }
        try await (try db.sql).insert(into: FindingModel.schema).models(rows, nilEncodingStrategy: .asNil)
            .ignoringConflicts(with: ["tenant_id", "source", "source_id", "rule_id"]).run()
    }
}

/// Where a reviewer has taken a finding.
/// What a finding was found in: a content draft, a staff account's post, a staff account's
/// like or share (activity), or an inbox reply.
enum FindingSource: String, CaseIterable, Codable, Sendable {
    case draft
    case message
    case activity
    case reply
}

enum FindingStatus: String, CaseIterable, Codable, Sendable {
    case open
    case confirmed
    case falsePositive
    case escalated
}

/// Compiled engines per tenant, keyed by a fingerprint of the configuration they were built from.
