import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Isu & Hoaks → Langganan: each person's own alert subscriptions. Anyone who reads alerts may
/// follow what they can see; the choice is theirs alone, so nobody edits another's.
enum SubscriptionController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.alertSubscriptions) { req in try await page(req, input: Input(in_app: "on"), problems: [:]) }
        routes.add(.saveAlertSubscription, save)
        routes.add(SiteRoute.deleteAlertSubscription, delete)
    }

    struct Input: Content {
        /// "rule:<id>", "rule_unit:<id>" or "account_unit:<id>".
        var target: String?
        var in_app: String?
        var email: String?
    }

    static func page(_ req: Request, input: Input, problems: [String: String]) async throws -> Response {
        let principal = try req.requirePrincipal()
        let l = req.l10n
        let rules = try await ListeningController.visibleRules(principal, on: req.db)
        let subscriptions = try await AlertSubscriptionModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$userID == principal.userID).sort(\.$createdAt).all()
        let rows = subscriptions.map { SubscriptionPages.Row(subscription: $0, label: label(of: $0, principal: principal, rules: rules, l: l)) }
        let html = SubscriptionPages.page(PageContext(req), .init(
            rows: rows,
            rules: rules.map { UI.Option(value: "rule:\($0.id!.uuidString)", label: $0.name) },
            units: principal.unitChoices(with: .viewCases).map { UI.Option(value: $0.0.uuidString, label: $0.1) },
            email: principal.user.email, emailAvailable: req.application.settings.smtp != nil,
            canEditOnCall: principal.scope.allowsSomewhere(.manageListeningSettings), input: input, problems: problems))
        return html.response(problems.isEmpty ? .ok : .unprocessableEntity)
    }

    static func label(of subscription: AlertSubscriptionModel, principal: Principal, rules: [ListeningRuleModel], l: L10n) -> String {
        switch subscription.target {
        case .rule:
            let name = rules.first { $0.id == subscription.targetID }?.name ?? l.t("(aturan tidak terlihat lagi)", "(rule no longer visible)")
            return SubscriptionPages.label(.rule, name: name, l)
        case .ruleUnit, .accountUnit:
            let name = principal.scope.tree[subscription.targetID]?.name ?? l.t("(unit tidak dikenal)", "(unknown unit)")
            return SubscriptionPages.label(subscription.target, name: name, l)
        }
    }

    /// The target the form chose, if the person may see it.
    static func target(_ text: String?, principal: Principal, rules: [ListeningRuleModel]) -> (AlertSubscriptionTarget, UUID)? {
        let parts = (text ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = AlertSubscriptionTarget(rawValue: parts[0]), let id = UUID(uuidString: parts[1]) else { return nil }
        switch kind {
        case .rule: return rules.contains { $0.id == id } ? (kind, id) : nil
        case .ruleUnit, .accountUnit: return principal.scope.allows(.viewCases, on: id) ? (kind, id) : nil
        }
    }

    static func save(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(Input.self)
        let l = req.l10n
        let rules = try await ListeningController.visibleRules(principal, on: req.db)
        var problems: [String: String] = [:]
        let chosen = target(input.target, principal: principal, rules: rules)
        if chosen == nil { problems["target"] = l.t("Pilih aturan atau unit yang ingin diikuti.", "Choose a rule or a unit to follow.") }
        let inApp = input.in_app == "on", email = input.email == "on"
        if !inApp && !email {
            problems["channels"] = l.t("Pilih setidaknya satu saluran: dalam aplikasi atau e-mail.", "Choose at least one channel: in the app or e-mail.")
        } else if email && req.application.settings.smtp == nil {
            problems["channels"] = l.t("E-mail belum diatur di server ini; pilih dalam aplikasi.", "E-mail is not set up on this server; choose in the app.")
        }
        guard problems.isEmpty, let (kind, targetID) = chosen else { return try await page(req, input: input, problems: problems) }
        let subscription = try await AlertSubscriptionModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
            .filter(\.$userID == principal.userID).filter(\.$target == kind).filter(\.$targetID == targetID).first() ?? {
                let row = AlertSubscriptionModel()
                row.id = UUID()
                row.tenantID = principal.tenantID
                row.userID = principal.userID
                row.target = kind
                row.targetID = targetID
                row.createdAt = req.now
                return row
            }()
        let before = subscription.$inApp.value.map { _ in audited(subscription) }
        subscription.inApp = inApp
        subscription.email = email
        subscription.updatedAt = req.now
        let name = label(of: subscription, principal: principal, rules: rules, l: L10n(language: .id, zone: principal.tenant.zone))
        let actor = req.auditActor(principal), after = audited(subscription)
        try await req.db.transaction { db in
            try await subscription.save(on: db)
            try await Auditor.record(actor, on: db, action: .alertSubscriptionSave, targetType: .alertSubscription, targetID: subscription.id,
                                     label: name, before: before, after: after)
        }
        return .seeOther(SiteRoute.alertSubscriptions.path, flash: l.t("Langganan disimpan.", "Subscription saved."))
    }

    static func audited(_ subscription: AlertSubscriptionModel) -> [String: String] {
        ["target": subscription.target.rawValue, "target_id": subscription.targetID.uuidString,
         "in_app": subscription.inApp ? "ya" : "tidak", "email": subscription.email ? "ya" : "tidak"]
    }

    static func delete(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("subscriptionID", as: UUID.self),
              let subscription = try await AlertSubscriptionModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
                .filter(\.$userID == principal.userID).filter(\.$id == id).first() else { throw AppError.notFound }
        let rules = try await ListeningController.visibleRules(principal, on: req.db)
        let name = label(of: subscription, principal: principal, rules: rules, l: L10n(language: .id, zone: principal.tenant.zone))
        let actor = req.auditActor(principal), before = audited(subscription)
        try await req.db.transaction { db in
            try await subscription.delete(on: db)
            try await Auditor.record(actor, on: db, action: .alertSubscriptionDelete, targetType: .alertSubscription, targetID: id, label: name, before: before)
        }
        return .seeOther(SiteRoute.alertSubscriptions.path, flash: req.l10n.t("Langganan dihentikan.", "Subscription ended."))
    }
}
