import Fluent
import Foundation
import SimpulCore
import Vapor

/// What a listening rule may be, and every change to one: the Pemantauan page and /api/v1 both
/// come here, so a rule is checked, stored and audited the same way whichever door it used.
enum ListeningRuleService {
    typealias RuleError = ListeningController.RuleError

    struct ValidRule: Equatable {
        var name: String
        var query: String
        var unitID: UUID
    }

    static func validName(_ typed: String?, _ l: L10n) -> Result<String, RuleError> {
        let name = (typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failure(RuleError(field: "name", message: l.t("Nama aturan belum diisi.", "The rule needs a name."))) }
        guard name.count <= ListeningController.nameMax else {
            return .failure(RuleError(field: "name", message: l.t("Nama paling banyak \(ListeningController.nameMax) karakter.",
                                                                  "At most \(ListeningController.nameMax) characters.")))
        }
        return .success(name)
    }

    /// The parser speaks Indonesian and names the column.
    static func validQuery(_ typed: String?) -> Result<String, RuleError> {
        let query = (typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try ListeningQuery(query, analyzer: TextAnalyzer())
        } catch {
            return .failure(RuleError(field: "query", message: error.message))
        }
        return .success(query)
    }

    static func validUnit(_ typed: String?, principal: Principal, _ l: L10n) -> Result<UUID, RuleError> {
        guard let unitID = typed.flatMap(UUID.init(uuidString:)), principal.scope.allows(.manageListening, on: unitID),
              principal.scope.tree[unitID]?.active == true else {
            return .failure(RuleError(field: "unit_id", message: l.t("Pilih unit tempat Anda boleh mengatur pemantauan.", "Choose a unit where you may manage listening.")))
        }
        return .success(unitID)
    }

    /// Name, then unit, then query: the first problem is the one reported.
    static func validate(name: String?, unitID: String?, query: String?, principal: Principal, _ l: L10n) -> Result<ValidRule, RuleError> {
        let name = validName(name, l), unit = validUnit(unitID, principal: principal, l), query = validQuery(query)
        switch (name, unit, query) {
        case (.success(let name), .success(let unit), .success(let query)): return .success(ValidRule(name: name, query: query, unitID: unit))
        case (.failure(let error), _, _), (_, .failure(let error), _), (_, _, .failure(let error)): return .failure(error)
        }
    }

    static func create(_ valid: ValidRule, principal: Principal, req: Request) async throws -> ListeningRuleModel {
        let rule = ListeningRuleModel()
        rule.id = UUID()
        rule.tenantID = principal.tenantID
        rule.unitID = valid.unitID
        rule.name = valid.name
        rule.query = valid.query
        rule.active = true
        rule.createdBy = principal.userID
        rule.createdAt = req.now
        rule.updatedAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await rule.create(on: db)
            try await Auditor.record(actor, on: db, action: .listeningRuleCreate, targetType: .listeningRule, targetID: rule.id, label: valid.name,
                                     after: ["name": valid.name, "query": valid.query, "unit_id": valid.unitID.uuidString])
        }
        return rule
    }

    /// A new name or query; audited with what it was before.
    static func rename(_ rule: ListeningRuleModel, name: String, query: String, principal: Principal, req: Request) async throws {
        guard name != rule.name || query != rule.query else { return }
        let before: Auditor.Fields = ["name": rule.name, "query": rule.query]
        rule.name = name
        rule.query = query
        rule.updatedAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await rule.save(on: db)
            try await Auditor.record(actor, on: db, action: .listeningRuleUpdate, targetType: .listeningRule, targetID: rule.id, label: name,
                                     before: before, after: ["name": name, "query": query])
        }
    }

    static func setActive(_ rule: ListeningRuleModel, _ active: Bool, principal: Principal, req: Request) async throws {
        guard rule.active != active else { return }
        rule.active = active
        rule.updatedAt = req.now
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await rule.save(on: db)
            try await Auditor.record(actor, on: db, action: active ? .listeningRuleActivate : .listeningRuleDeactivate,
                                     targetType: .listeningRule, targetID: rule.id, label: rule.name)
        }
    }

    /// An alert and its rule, if the person may see the rule's unit (404 otherwise).
    static func loadAlert(_ id: UUID?, principal: Principal, on db: Database) async throws -> (ListeningAlertModel, ListeningRuleModel) {
        guard let id,
              let alert = try await ListeningAlertModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first(),
              let rule = try await ListeningRuleModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$id == alert.ruleID).first(),
              principal.scope.allows(.viewCases, on: rule.unitID) else { throw AppError.notFound }
        return (alert, rule)
    }

    /// The surge becomes a war-room case led by the rule's unit, with the bucket's messages linked.
    static func openCase(from alert: ListeningAlertModel, rule: ListeningRuleModel, principal: Principal, req: Request) async throws -> CaseModel {
        let hits = try await ListeningHitModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$ruleID == rule.id!)
            .filter(\.$matchedAt >= alert.bucketStart).filter(\.$matchedAt < alert.bucketEnd).limit(50).all()
        let item = try await CaseService.open(.init(title: String("Lonjakan: \(rule.name)".prefix(CaseService.titleMax)), summary: alert.explanation,
                                                    leadUnitID: rule.unitID, origin: .alert, originRef: alert.id!.uuidString, messageID: nil),
                                              principal: principal, req: req)
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            for hit in hits { try await CaseService.link(.message, hit.messageID, to: item, actor: actor, on: db) }
            if !hits.isEmpty { try await CaseService.event(item, .messageLinked, "\(hits.count) pesan dari lonjakan ditautkan.", actor: actor, on: db) }
            alert.caseID = item.id
            try await alert.save(on: db)
        }
        return item
    }

    /// The cases already opened from these account alerts, by alert id. An account alert keeps
    /// no case column: the case's origin names it.
    static func accountAlertCases(_ ids: [UUID], tenantID: UUID, on db: Database) async throws -> [UUID: UUID] {
        guard !ids.isEmpty else { return [:] }
        let cases = try await CaseModel.query(on: db).filter(\.$tenantID == tenantID).filter(\.$origin == .accountAlert)
            .filter(\.$originRef ~~ ids.map(\.uuidString)).all()
        return Dictionary(cases.compactMap { item in item.originRef.flatMap(UUID.init(uuidString:)).map { ($0, item.id!) } }, uniquingKeysWith: { first, _ in first })
    }

    /// An account's surge becomes a case led by the account's unit, with the bucket's messages.
    static func openCase(from alert: AccountAlertModel, account: AccountModel, principal: Principal, req: Request) async throws -> CaseModel {
        let messages = try await MessageModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$accountID == account.id!)
            .filter(\.$receivedAt >= alert.bucketStart).filter(\.$receivedAt < alert.bucketEnd).sort(\.$receivedAt).limit(50).all(\.$id)
        let title = "Lonjakan di \(account.platform.displayName) @\(account.handle)"
        let item = try await CaseService.open(.init(title: String(title.prefix(CaseService.titleMax)), summary: alert.explanation,
                                                    leadUnitID: account.unitID, origin: .accountAlert, originRef: alert.id!.uuidString, messageID: nil),
                                              principal: principal, req: req)
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            for id in messages { try await CaseService.link(.message, id, to: item, actor: actor, on: db) }
            if !messages.isEmpty { try await CaseService.event(item, .messageLinked, "\(messages.count) pesan dari lonjakan akun ditautkan.", actor: actor, on: db) }
        }
        return item
    }

    /// The hit rows as the rule's page shows them: a message whose inbox the person cannot open
    /// is shown as text only.
    static func hitRows(_ hits: [ListeningHitModel], principal: Principal, on db: Database) async throws -> [ListeningPages.HitRow] {
        let messages = hits.isEmpty ? [] : try await MessageModel.query(on: db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$id ~~ hits.map(\.messageID)).all()
        let byID = Dictionary(uniqueKeysWithValues: messages.map { ($0.id!, $0) })
        let accountIDs = Array(Set(messages.compactMap(\.accountID)))
        let accounts = accountIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await AccountModel.query(on: db)
            .filter(\.$tenantID == principal.tenantID).filter(\.$id ~~ accountIDs).all().map { ($0.id!, $0) })
        return hits.compactMap { hit -> ListeningPages.HitRow? in
            guard let message = byID[hit.messageID] else { return nil }
            let readable = message.accountID.flatMap { accounts[$0] }.map { principal.scope.allows(.viewInbox, on: $0.unitID) } ?? false
            return ListeningPages.HitRow(message: message, matchedAt: hit.matchedAt, readable: readable)
        }
    }
}
