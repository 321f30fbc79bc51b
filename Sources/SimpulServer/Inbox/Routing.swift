import Fluent
import Foundation
import Plot
import SimpulCore
import SimpulPlatforms
import Vapor

enum Routing {
    /// Assigns each newly triaged message by the first rule it matches; messages already
    /// assigned stay as they are.
    static func route(_ messages: [MessageModel], tenantID: UUID, accounts: [UUID: AccountModel], tree: UnitTree,
                      analyzer: TextAnalyzer, on db: Database) async throws {
        let rules = try await RoutingRuleModel.query(on: db).filter(\.$tenantID == tenantID).sort(\.$position).all()
        guard !rules.isEmpty else { return }
        var people: [UUID: [UUID]] = [:]
        for message in messages where message.assigneeUserID == nil && message.assigneeUnitID == nil && Inbox.kinds.contains(message.kind) {
            guard let account = message.accountID.flatMap({ accounts[$0] }) else { continue }
            let stems = Set((message.searchText ?? "").split(separator: " ").map(String.init))
            guard let rule = rules.first(where: { rule in
                (rule.sourceUnitID.map { tree.isSameOrDescendant(account.unitID, of: $0) } ?? true)
                    && (rule.platform.map { $0 == message.platform } ?? true)
                    && (rule.kind.map { $0 == message.kind } ?? true)
                    && (rule.keyword.map { keyword in Inbox.searchText(keyword, analyzer: analyzer).split(separator: " ").allSatisfy { stems.contains(String($0)) } } ?? true)
            }) else { continue }
            if rule.roundRobin {
                if people[rule.targetUnitID] == nil {
                    people[rule.targetUnitID] = try await handlers(of: rule.targetUnitID, tenantID: tenantID, tree: tree, on: db)
                }
                if let candidates = people[rule.targetUnitID], !candidates.isEmpty {
                    message.assigneeUserID = candidates[rule.rotation % candidates.count]
                    rule.rotation += 1
                    try await rule.save(on: db)
                } else {
                    message.assigneeUnitID = rule.targetUnitID
                }
            } else {
                message.assigneeUnitID = rule.targetUnitID
            }
            if message.state == .new { message.state = .assigned }
            try await message.save(on: db)
        }
    }

    /// Active people with an inbox role on the unit itself, in a stable order.
    static func handlers(of unitID: UUID, tenantID: UUID, tree: UnitTree, on db: Database) async throws -> [UUID] {
        try await UserQueries.directory(tenantID: tenantID, on: db)
            .filter { entry in entry.user.active && entry.memberships.contains { $0.unitID == unitID && $0.role.permissions.contains(.replyInbox) } }
            .compactMap(\.user.id).sorted { $0.uuidString < $1.uuidString }
    }
}

/// Kotak Masuk → Aturan penugasan.
enum RoutingController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.routing) { req in
            try await page(req, input: Input(), problems: [], status: .ok)
        }
        routes.add(.createRoutingRule, create)
        routes.add(SiteRoute.deleteRoutingRule) { req in
            let principal = try req.requirePrincipal()
            guard let id = req.parameters.get("ruleID", as: UUID.self),
                  let rule = try await RoutingRuleModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$id == id).first() else {
                throw AppError.notFound
            }
            try await rule.delete(on: req.db)
            return Response.seeOther(SiteRoute.routing.path, flash: req.l10n.t("Aturan \(rule.name) dihapus.", "Rule \(rule.name) deleted."))
        }
    }

    struct Input: Content {
        var name: String?
        var source_unit_id: String?
        var keyword: String?
        var platform: String?
        var kind: String?
        var target_unit_id: String?
        var round_robin: String?
    }

    static func page(_ req: Request, input: Input, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let principal = try req.requirePrincipal()
        let rules = try await RoutingRuleModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).sort(\.$position).all()
        let units = principal.scope.tree.flattened().filter { $0.unit.active }.map { ($0.unit.id, String(repeating: "  ", count: $0.depth) + $0.unit.name) }
        return RoutingPages.list(PageContext(req), rules: rules, tree: principal.scope.tree, units: units, input: input, problems: problems).response(status)
    }

    static func create(_ req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let input = try req.content.decode(Input.self)
        let tree = principal.scope.tree
        var problems: [String] = []
        let name = input.name.nonEmpty ?? ""
        if name.isEmpty || name.count > 120 { problems.append("Nama aturan wajib diisi, paling banyak 120 karakter.") }
        func unit(_ text: String?) -> UUID?? {
            guard let text = text.nonEmpty else { return .some(nil) }
            guard let id = UUID(uuidString: text), tree.units[id]?.active == true else { return nil }
            return .some(id)
        }
        guard let source = unit(input.source_unit_id) else { return try await page(req, input: input, problems: ["Unit asal tidak dikenal."], status: .unprocessableEntity) }
        guard let targetOptional = unit(input.target_unit_id), let target = targetOptional else {
            return try await page(req, input: input, problems: problems + ["Pilih unit tujuan."], status: .unprocessableEntity)
        }
        // An empty choice means any platform or kind; a text that names none is refused.
        var platform: Platform?
        if let text = input.platform.nonEmpty {
            platform = Platform(rawValue: text)
            if platform == nil { problems.append("Platform tidak dikenal.") }
        }
        var kind: MessageKind?
        if let text = input.kind.nonEmpty {
            kind = MessageKind(rawValue: text).flatMap { RoutingRuleModel.routableKinds.contains($0) ? $0 : nil }
            if kind == nil { problems.append("Jenis pesan tidak dikenal.") }
        }
        if let keyword = input.keyword.nonEmpty, keyword.count > 100 { problems.append("Kata kunci paling banyak 100 karakter.") }
        guard problems.isEmpty else { return try await page(req, input: input, problems: problems, status: .unprocessableEntity) }
        let last = try await RoutingRuleModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).sort(\.$position, .descending).first()
        let rule = RoutingRuleModel()
        rule.id = UUID()
        rule.tenantID = principal.tenantID
        rule.position = (last?.position ?? 0) + 1
        rule.name = name
        rule.sourceUnitID = source
        rule.keyword = input.keyword.nonEmpty
        rule.platform = platform
        rule.kind = kind
        rule.targetUnitID = target
        rule.roundRobin = input.round_robin == "on" || input.round_robin == "true"
        rule.rotation = 0
        rule.updatedAt = req.now
        try await req.db.transaction { db in
            try await rule.create(on: db)
            try await Auditor.record(req.auditActor(principal), on: db, action: .routingCreate, targetType: .routing, targetID: rule.id, label: name)
        }
        return .seeOther(SiteRoute.routing.path, flash: req.l10n.t("Aturan \(name) ditambahkan; berlaku untuk pesan baru.", "Rule \(name) added; it applies to new messages."))
    }
}

enum RoutingPages {
    static func list(_ ctx: PageContext, rules: [RoutingRuleModel], tree: UnitTree, units: [(UUID, String)], input: RoutingController.Input,
                     problems: [String]) -> HTML {
        let l = ctx.l
        let unitOptions = units.map { UI.Option(value: $0.0.uuidString, label: $0.1) }
        return Layout.page(ctx, title: l.t("Aturan penugasan", "Routing rules"),
            .p(.a(.href(SiteRoute.inbox.path), .text(l.t("← Kotak Masuk", "← Inbox")))),
            .p(.class("hint"), .text(l.t("Pesan baru diperiksa dari atas ke bawah; aturan pertama yang cocok menugaskan pesan ke unit tujuan, atau bergiliran ke orang-orang di unit itu.",
                                         "New messages are checked top to bottom; the first matching rule assigns them."))),
            rules.isEmpty ? UI.empty(l.t("Belum ada aturan: pesan baru menunggu ditugaskan dengan tangan.", "No rules yet."))
                : .table(.class("list"), .id("routing-rules"),
                    .thead(.tr(.th("#"), .th(.text(l.t("Nama", "Name"))), .th(.text(l.t("Jika", "When"))), .th(.text(l.t("Maka", "Then"))), .th(.text("")))),
                    .tbody(.forEach(rules) { rule in
                        let conditions = [rule.sourceUnitID.flatMap { tree.units[$0]?.name }.map { l.t("akun di ", "accounts of ") + $0 },
                                          rule.keyword.map { l.t("memuat “\($0)”", "contains “\($0)”") }, rule.platform?.displayName,
                                          rule.kind.map(l.messageKind)].compactMap { $0 }
                        return .tr(.td(.text(String(rule.position))), .td(.text(rule.name)),
                            .td(.text(conditions.isEmpty ? l.t("semua pesan", "every message") : conditions.joined(separator: ", "))),
                            .td(.text((rule.roundRobin ? l.t("bergiliran di ", "in turn within ") : l.t("ke ", "to ")) + (tree.units[rule.targetUnitID]?.name ?? ""))),
                            .td(UI.actionButton(l.t("Hapus", "Delete"), action: SiteRoute.deleteRoutingRule(rule.id!).path, csrf: ctx.csrf,
                                                confirm: l.t("Hapus aturan \(rule.name)?", "Delete \(rule.name)?"), danger: true)))
                    })),
            .h2(.text(l.t("Tambah aturan", "Add a rule"))),
            UI.formErrorSummary(problems, l),
            .form(.method(.post), .action(SiteRoute.createRoutingRule.path), .class("stack"), .id("routing-form"),
                UI.csrf(ctx.csrf),
                UI.field(l.t("Nama aturan", "Name"), name: "name", value: input.name, error: nil, required: true, maxLength: 120),
                UI.select(l.t("Akun milik unit", "Accounts of unit"), name: "source_unit_id", options: unitOptions, selected: input.source_unit_id, error: nil,
                          includeBlank: l.t("Semua unit", "Any unit")),
                UI.field(l.t("Memuat kata", "Contains word"), name: "keyword", value: input.keyword, error: nil,
                         hint: l.t("Dicocokkan tanpa imbuhan: “air” juga menemukan “airnya”.", "Matched on stems."), maxLength: 100),
                UI.select("Platform", name: "platform", options: Platform.allCases.map { UI.Option(value: $0.rawValue, label: $0.displayName) },
                          selected: input.platform, error: nil, includeBlank: l.t("Semua platform", "Any platform")),
                UI.select(l.t("Jenis", "Kind"), name: "kind", options: RoutingRuleModel.routableKinds.map { UI.Option(value: $0.rawValue, label: l.messageKind($0)) },
                          selected: input.kind, error: nil, includeBlank: l.t("Semua jenis", "Any kind")),
                UI.select(l.t("Tugaskan ke unit", "Assign to unit"), name: "target_unit_id", options: unitOptions, selected: input.target_unit_id, error: nil,
                          required: true, includeBlank: l.t("— pilih unit —", "— choose —")),
                .div(.class("field"), .label(.input(.type(.checkbox), .name("round_robin"), input.round_robin == "on" ? .attribute(named: "checked", value: "checked") : .empty),
                                             .text(" " + l.t("Bergiliran ke orang-orang di unit itu", "In turn to the people of that unit")))),
                .div(.class("actions"), .button(.type(.submit), .class("button"), .text(l.t("Tambah", "Add"))))
            )
        )
    }
}
