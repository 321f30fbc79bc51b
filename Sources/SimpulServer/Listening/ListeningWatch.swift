import Fluent
import Foundation
import SimpulCore
import SQLKit

/// Matches newly enriched messages against the tenant's active listening rules. A rule watches
/// the accounts of its unit and the units below it; a hit is kept once per rule and message.
enum ListeningWatch {
    struct Row: Encodable {
        let tenant_id: UUID, id: UUID, rule_id: UUID, message_id: UUID, matched_at: Date
    }

    /// Returns the rules that got hits and when the earliest and the latest came (nil when
    /// nothing matched): where a surge may have begun.
    @discardableResult
    static func match(_ messages: [MessageModel], tenantID: UUID, analyzer: TextAnalyzer, on db: Database) async throws -> SpikeWatch.NewHits? {
        let candidates = messages.filter { !($0.text ?? "").isEmpty && $0.accountID != nil }
        guard !candidates.isEmpty else { return nil }
        let rules = try await ListeningRuleModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$active == true).all()
        guard !rules.isEmpty else { return nil }
        // A rule stored by an older parser that no longer reads it is skipped, not fatal.
        let compiled = rules.compactMap { rule in (try? ListeningQuery(rule.query, analyzer: analyzer)).map { (id: rule.id!, query: $0) } }
        let matcher = ListeningMatcher(rules: compiled, analyzer: analyzer)
        let tree = try await UnitQueries.tree(tenantID: tenantID, on: db)
        let watched = Dictionary(uniqueKeysWithValues: rules.map { ($0.id!, tree.subtree(of: $0.unitID)) })
        let accounts = Dictionary(uniqueKeysWithValues: try await AccountModel.query(on: db).filter(\.$tenantID == tenantID)
            .filter(\.$id ~~ Array(Set(candidates.compactMap(\.accountID)))).all().map { ($0.id!, $0) })
        var rows: [Row] = []
        for message in candidates {
            guard let account = message.accountID.flatMap({ accounts[$0] }) else { continue }
            let metadata = ListeningMetadata(platform: message.platform, accounts: [account.handle, account.displayName],
                                             units: tree.lineage(of: account.unitID).compactMap { tree[$0]?.code }, kind: message.kind.rawValue,
                                             authors: [message.authorHandle, message.authorName].compactMap { $0 })
            for ruleID in matcher.matches(text: message.text ?? "", metadata: metadata) where watched[ruleID]?.contains(account.unitID) == true {
                rows.append(Row(tenant_id: tenantID, id: UUID(), rule_id: ruleID, message_id: message.id!, matched_at: message.receivedAt))
            }
        }
        guard let new = SpikeWatch.NewHits(rows.map { ($0.rule_id, $0.matched_at) }) else { return nil }
        for chunk in stride(from: 0, to: rows.count, by: 500).map({ Array(rows[$0..<min($0 + 500, rows.count)]) }) {
            try await (try db.sql).insert(into: ListeningHitModel.schema).models(chunk)
                .ignoringConflicts(with: ["tenant_id", "rule_id", "message_id"]).run()
        }
        return new
    }
}
