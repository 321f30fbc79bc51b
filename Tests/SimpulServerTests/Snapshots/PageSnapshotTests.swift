import Foundation
import Plot
import SimpulCore
import SimpulPlatforms
import SnapshotTesting
import Testing
@testable import SimpulServer

/// Plot has a `Language` too.
typealias Language = SimpulServer.Language

/// The main pages rendered from fixed view models in both languages and compared with the
/// HTML kept beside this file, so that every change to a page shows in review as a diff.
/// After an intended change, delete the stale file under __Snapshots__ and run the tests
/// once to record it again.
@Suite("Page snapshots")
struct PageSnapshotTests {
    /// A small fictional Pemkot with fixed ids and times: the same HTML on every run.
    enum Fixture {
        static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }
        static let now = Date(timeIntervalSince1970: 1_796_000_000)
        static let root = id(1), diskominfo = id(2), dinasPU = id(3)
        static let tree = UnitTree([
            .init(id: root, parentID: nil, kind: .pemda, name: "Pemerintah Kota Tirtamaya", code: "PEMKOT"),
            .init(id: diskominfo, parentID: root, kind: .opd, name: "Dinas Komunikasi dan Informatika", code: "DISKOMINFO"),
            .init(id: dinasPU, parentID: root, kind: .opd, name: "Dinas Pekerjaan Umum", code: "DPU"),
        ])

        static let tenant = Tenant(id: id(10), name: "Pemerintah Kota Tirtamaya", slug: "tirtamaya", timeZone: "Asia/Jakarta", createdAt: now)

        static var principal: Principal {
            let user = UserModel(id: id(20), tenantID: tenant.id!, name: "Rina Kusumawati", email: "rina@tirtamayakota.go.id", nip: nil, phone: nil,
                                 passwordHash: "-", at: now)
            return Principal(tenant: tenant, user: user, scope: AccessScope(grants: [.init(unitID: diskominfo, role: .operator)], tree: tree), session: nil)
        }

        static func context(_ language: Language, path: String, signedIn: Bool = true) -> PageContext {
            PageContext(l: L10n(language: language, zone: TimeZone(identifier: "Asia/Jakarta")!), principal: signedIn ? principal : nil, path: path)
        }

        static var account: AccountModel {
            officialAccount(30, .instagram, handle: "diskominfo.tirtamaya", name: "Diskominfo Tirtamaya", followers: 12_400, status: .connected)
        }

        static func officialAccount(_ n: Int, _ platform: Platform, handle: String, name: String, followers: Int, status: AccountStatus) -> AccountModel {
            let account = AccountModel(tenantID: tenant.id!, draft: AccountDraft(platform: platform, handle: handle, displayName: name,
                                                                                kind: .official, unitID: diskominfo, ownerID: nil, followers: followers, status: status),
                                       at: now)
            account.id = id(n)
            return account
        }

        static func message(_ n: Int, text: String, author: String, minutesAgo: Double, kind: MessageKind = .comment, priority: MessagePriority? = nil) -> MessageModel {
            let message = MessageModel()
            message.id = id(100 + n)
            message.tenantID = tenant.id!
            message.accountID = account.id
            message.platform = .instagram
            message.kind = kind
            message.externalID = "ig-\(n)"
            message.accountRef = "17841400000000"
            message.authorID = "warga-\(n)"
            message.authorName = author
            message.authorHandle = author.lowercased().replacingOccurrences(of: " ", with: ".")
            message.text = text
            message.media = JSONText([])
            message.threadRef = "post-1"
            message.receivedAt = now.addingTimeInterval(-minutesAgo * 60)
            message.detail = JSONText([:])
            message.raw = "{}"
            message.state = .new
            message.priority = priority
            message.dueAt = message.receivedAt.addingTimeInterval(4 * 3600)
            return message
        }

        static func finding(_ n: Int, source: FindingSource, account: UUID?, rule: String, severity: Severity, status: FindingStatus, excerpt: String, hoursAgo: Double) -> FindingModel {
            let finding = FindingModel()
            finding.id = Fixture.id(400 + n)
            finding.tenantID = Fixture.tenant.id!
            finding.source = source
            finding.sourceID = Fixture.id(500 + n)
            finding.accountID = account
            finding.unitID = Fixture.diskominfo
            finding.packID = "skb5"
            finding.packName = "SKB 5 Instansi (netralitas ASN)"
            finding.ruleID = "skb5.\(n)"
            finding.ruleTitle = rule
            finding.severity = severity
            finding.explanation = "-"
            finding.excerpt = excerpt
            finding.spans = JSONText([])
            finding.matched = "-"
            finding.status = status
            finding.createdAt = Fixture.now.addingTimeInterval(-hoursAgo * 3600)
            return finding
        }

        static let complaint = message(1, text: "Min, jalan di depan Pasar Cimaya berlubang besar, sudah dua minggu belum diperbaiki.",
                                       author: "Budi Santoso", minutesAgo: 42, priority: .high)
        static let question = message(2, text: "Perekaman KTP-el hari Sabtu buka jam berapa ya?", author: "Siti Aminah", minutesAgo: 5)
    }

    static func render(_ html: HTML) -> String { html.render(indentedBy: .spaces(2)) }

    @Test("sign-in page", arguments: [Language.id, .en])
    func login(_ language: Language) {
        let html = AuthPages.login(Fixture.context(language, path: "/login", signedIn: false),
                                   .init(csrf: "token-tetap", email: nil, next: "/inbox",
                                         error: language == .id ? "Email atau kata sandi salah." : "Wrong e-mail or password.", askTenant: true, tenant: "tirtamaya"))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("inbox list", arguments: [Language.id, .en])
    func inbox(_ language: Language) {
        let model = InboxPages.ListModel(messages: [Fixture.question, Fixture.complaint], accounts: [Fixture.account.id!: Fixture.account],
                                         tags: [Fixture.complaint.id!: ["jalan-rusak"]], knownTags: ["jalan-rusak", "kependudukan"],
                                         assignees: [("unit:\(Fixture.diskominfo)", "Unit: Dinas Komunikasi dan Informatika")], filter: InboxFilter(),
                                         units: [(Fixture.diskominfo, "Dinas Komunikasi dan Informatika")], now: Fixture.now, next: "/inbox?cursor=berikut")
        assertSnapshot(of: Self.render(InboxPages.list(Fixture.context(language, path: "/inbox"), model)), as: .lines, named: language.rawValue)
    }

    @Test("message thread with a note and a sent reply", arguments: [Language.id, .en])
    func thread(_ language: Language) {
        let note = MessageNoteModel()
        note.id = Fixture.id(200)
        note.tenantID = Fixture.tenant.id!
        note.messageID = Fixture.complaint.id!
        note.authorName = "Rina Kusumawati"
        note.body = "Sudah diteruskan ke Dinas PU lewat nota dinas."
        note.createdAt = Fixture.now.addingTimeInterval(-20 * 60)
        let reply = MessageReplyModel()
        reply.id = Fixture.id(300)
        reply.tenantID = Fixture.tenant.id!
        reply.messageID = Fixture.complaint.id!
        reply.authorName = "Rina Kusumawati"
        reply.text = "Terima kasih, Pak Budi. Laporan sudah kami teruskan ke Dinas PU."
        reply.status = .sent
        reply.attempts = 1
        reply.createdAt = Fixture.now.addingTimeInterval(-10 * 60)
        reply.sentAt = reply.createdAt
        let context = ThreadController.Context(parent: nil, conversation: [Fixture.complaint], earlier: [], notes: [note], replies: [reply], tags: ["jalan-rusak"])
        let model = ThreadPages.Model(message: Fixture.complaint, account: Fixture.account, context: context, draft: nil, notice: nil,
                                      assignees: [("unit:\(Fixture.diskominfo)", "Unit: Dinas Komunikasi dan Informatika")], savedReplies: [],
                                      knownTags: ["jalan-rusak"], templates: nil, windowOpen: true, findings: [], overrideReason: nil,
                                      viewers: ["Agus Salim"], unconfirmedReply: nil, canReply: true, canOverride: false, now: Fixture.now)
        let path = "/inbox/\(Fixture.complaint.id!)"
        assertSnapshot(of: Self.render(ThreadPages.thread(Fixture.context(language, path: path), model)), as: .lines, named: language.rawValue)
    }

    @Test("content item in review, with one variant and a plain-language report", arguments: [Language.id, .en])
    func contentItem(_ language: Language) {
        let item = ContentItemModel()
        item.id = Fixture.id(400)
        item.tenantID = Fixture.tenant.id!
        item.unitID = Fixture.diskominfo
        item.title = "Jadwal perekaman KTP-el akhir pekan"
        item.body = "Perekaman KTP-el di Disdukcapil tetap buka Sabtu pukul 08.00–12.00. Bawa fotokopi KK."
        item.status = .inReview
        item.campaign = "Layanan Akhir Pekan"
        item.createdAt = Fixture.now.addingTimeInterval(-3600)
        item.updatedAt = Fixture.now.addingTimeInterval(-1800)
        item.submittedAt = item.updatedAt
        let variant = ContentVariantModel()
        variant.id = Fixture.id(410)
        variant.tenantID = Fixture.tenant.id!
        variant.itemID = item.id!
        variant.accountID = Fixture.account.id!
        variant.status = .pending
        variant.hashtags = "#KTPel #LayananPublik"
        variant.createdAt = item.createdAt
        variant.updatedAt = item.createdAt
        let text = item.body
        let view = ContentPages.ItemView(
            item: item, unitName: "Dinas Komunikasi dan Informatika",
            checked: ComplianceController.CheckResult(findings: [], plainLanguage: PlainLanguage.assess(text, analyzer: TextAnalyzer())),
            variants: [ContentPages.VariantRow(variant: variant, account: Fixture.account, problems: [])],
            policy: ApprovalPolicy(steps: [.approver])!, approvedBy: [], canEdit: true, canOverride: false, canApprove: false,
            targets: [Fixture.account], zone: TimeZone(identifier: "Asia/Jakarta")!, now: Fixture.now, pillarName: "Layanan Publik",
            library: [], media: [:])
        let model = ContentPages.ShowModel(
            view: view, input: ContentController.DraftInput(unit_id: Fixture.diskominfo.uuidString, title: item.title, body: item.body),
            errors: FieldErrors(), options: ContentController.FormOptions(units: [(Fixture.diskominfo, "Dinas Komunikasi dan Informatika")], pillars: [], campaigns: []),
            notice: nil, overrideReason: nil, schedule: nil, variantInput: nil, variantErrors: FieldErrors(), editingVariant: nil)
        let html = ContentPages.show(Fixture.context(language, path: "/content/\(item.id!)"), model)
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    /// November 2026 with a scheduled post, a planned-only item on another day and one quiet
    /// account; the week of the scheduled post shows its move form.
    static func calendarModel(_ span: CalendarGrid.Span) -> CalendarPages.Model {
        let zone = TimeZone(identifier: "Asia/Jakarta")!
        func item(_ n: Int, _ title: String, _ status: ContentStatus, day: String, time: String?) -> CalendarController.Entry {
            let item = ContentItemModel()
            item.id = Fixture.id(500 + n)
            item.tenantID = Fixture.tenant.id!
            item.unitID = Fixture.diskominfo
            item.title = title
            item.body = title
            item.status = status
            let at = LocalTime.instant(date: day, time: time ?? "00:00", zone: zone)!
            if time == nil { item.plannedAt = at } else { item.scheduledAt = at }
            return CalendarController.Entry(item: item, day: day, time: item.scheduledAt, platforms: time == nil ? [] : [.instagram, .facebook],
                                            canMove: true)
        }
        let quiet = Fixture.officialAccount(33, .youtube, handle: "tirtamayakota", name: "Pemkot Tirtamaya", followers: 3_200, status: .connected)
        return CalendarPages.Model(
            filter: CalendarController.Filter(view: span.rawValue, date: "2026-11-18"),
            grid: CalendarGrid.make(span, around: "2026-11-18", zone: zone)!,
            entries: [item(1, "Jadwal perekaman KTP-el akhir pekan", .scheduled, day: "2026-11-18", time: "09:30"),
                      item(2, "Hari Guru Nasional", .draft, day: "2026-11-25", time: nil)],
            pillars: [], campaigns: ["Layanan Akhir Pekan"],
            quiet: [CalendarController.Quiet(account: quiet, days: 12)],
            tree: Fixture.tree, zone: zone)
    }

    @Test("content calendar, month and week", arguments: [Language.id, .en], [CalendarGrid.Span.month, .week])
    func calendar(_ language: Language, _ span: CalendarGrid.Span) {
        let html = CalendarPages.page(Fixture.context(language, path: "/content/calendar"), Self.calendarModel(span))
        assertSnapshot(of: Self.render(html), as: .lines, named: "\(span.rawValue)-\(language.rawValue)")
    }

    @Test("war-room case: overdue coordination, a unit pulled in, a task, a linked message, a clarification draft", arguments: [Language.id, .en])
    func issueCase(_ language: Language) {
        let item = CaseModel()
        item.id = Fixture.id(600)
        item.tenantID = Fixture.tenant.id!
        item.number = 12
        item.title = "Kabar bendungan Cisalak jebol"
        item.summary = "Pesan berantai menyebut bendungan jebol malam ini."
        item.leadUnitID = Fixture.diskominfo
        item.status = .open
        item.origin = .message
        item.holdingStatement = "Bendungan Cisalak aman. Petugas BPBD memantau 24 jam."
        item.openedAt = Fixture.now.addingTimeInterval(-8 * 3600)
        item.coordinateDue = Fixture.now.addingTimeInterval(-3600)
        item.resolveDue = Fixture.now.addingTimeInterval(6 * 86_400)
        item.updatedAt = Fixture.now
        let task = CaseTaskModel()
        task.id = Fixture.id(610)
        task.tenantID = item.tenantID
        task.caseID = item.id!
        task.title = "Data debit air terkini"
        task.assigneeUnitID = Fixture.dinasPU
        task.dueAt = Fixture.now.addingTimeInterval(3600)
        task.createdAt = Fixture.now
        let draft = ContentItemModel()
        draft.id = Fixture.id(620)
        draft.title = "Klarifikasi: Kabar bendungan Cisalak jebol"
        draft.status = .draft
        let event = CaseEventModel()
        event.id = Fixture.id(630)
        event.at = item.openedAt
        event.actorName = "Rina Kusumawati"
        event.kind = .opened
        event.text = "Isu dibuka: Kabar bendungan Cisalak jebol"
        var access = CaseAccess(item, involved: [Fixture.dinasPU], scope: Fixture.principal.scope)
        access.canManage = true
        let model = CasePages.ShowModel(item: item, access: access, units: [Fixture.dinasPU], tasks: [task], messages: [Fixture.complaint],
                                        content: [draft], events: [event], ownerName: "Rina Kusumawati", tree: Fixture.tree, now: Fixture.now,
                                        canWriteContent: true, problem: nil)
        let html = CasePages.show(Fixture.context(language, path: "/cases/\(item.id!)"), model)
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("public search: the month's X budget, the YouTube calls, a rule's searches, one held by a 429", arguments: [Language.id, .en])
    func publicSearch(_ language: Language) {
        let settings = ListeningSettingsModel.standard(tenantID: Fixture.tenant.id!, at: Fixture.now)
        settings.xBearerToken = Data([1, 2, 3])
        let rule = ListeningRuleModel()
        rule.id = Fixture.id(700)
        rule.tenantID = Fixture.tenant.id!
        rule.unitID = Fixture.diskominfo
        rule.name = "Air PDAM mati atau keruh"
        rule.query = "(air OR pdam) AND (mati OR keruh)"
        rule.active = true
        func search(_ n: Int, _ source: ListeningSource, _ terms: String, error: String?) -> ListeningSearchModel {
            let search = ListeningSearchModel()
            search.id = Fixture.id(n)
            search.ruleID = rule.id!
            search.source = source
            search.terms = terms
            search.active = true
            search.lastRunAt = Fixture.now.addingTimeInterval(-600)
            search.lastError = error
            return search
        }
        let rows = [SearchPages.Row(search: search(710, .xSearch, "pdam (mati OR keruh) lang:in", error: "X meminta jeda (batas permintaan tercapai); dicoba lagi nanti."),
                                    rule: rule, found: 41),
                    SearchPages.Row(search: search(711, .youtubeSearch, "pdam tirtamaya", error: nil), rule: rule, found: 3)]
        let html = SearchPages.page(Fixture.context(language, path: "/listening/search"), .init(
            settings: settings, xReadsUsed: 2_480, youtubeCallsToday: 12, allowancePerRun: 25, searches: rows, canConfigure: true,
            canManage: { _ in true }, input: SearchController.SettingsInput(), problems: [:]))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("alert subscriptions: a rule by e-mail and in the app, a unit's account surges, the form with a problem", arguments: [Language.id, .en])
    func alertSubscriptions(_ language: Language) {
        let ctx = Fixture.context(language, path: "/listening/subscriptions")
        func subscription(_ n: Int, _ target: AlertSubscriptionTarget, _ targetID: UUID, inApp: Bool, email: Bool) -> AlertSubscriptionModel {
            let row = AlertSubscriptionModel()
            row.id = Fixture.id(n)
            row.tenantID = Fixture.tenant.id!
            row.userID = Fixture.principal.userID
            row.target = target
            row.targetID = targetID
            row.inApp = inApp
            row.email = email
            row.createdAt = Fixture.now
            row.updatedAt = Fixture.now
            return row
        }
        let rows = [
            SubscriptionPages.Row(subscription: subscription(720, .rule, Fixture.id(700), inApp: true, email: true),
                                  label: SubscriptionPages.label(.rule, name: "Air PDAM mati atau keruh", ctx.l)),
            SubscriptionPages.Row(subscription: subscription(721, .accountUnit, Fixture.diskominfo, inApp: true, email: false),
                                  label: SubscriptionPages.label(.accountUnit, name: "Dinas Komunikasi dan Informatika", ctx.l)),
        ]
        let html = SubscriptionPages.page(ctx, .init(
            rows: rows, rules: [UI.Option(value: "rule:\(Fixture.id(700).uuidString)", label: "Air PDAM mati atau keruh")],
            units: [UI.Option(value: Fixture.diskominfo.uuidString, label: "Dinas Komunikasi dan Informatika")],
            email: "rina@tirtamayakota.go.id", emailAvailable: true, canEditOnCall: false,
            input: SubscriptionController.Input(target: "rule:\(Fixture.id(700).uuidString)", in_app: nil, email: nil),
            problems: ["channels": ctx.l.t("Pilih setidaknya satu saluran: dalam aplikasi atau e-mail.", "Choose at least one channel: in the app or e-mail.")]))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("WhatsApp on-call: the sender with its preview, two people, a refused number", arguments: [Language.id, .en])
    func onCall(_ language: Language) {
        // Only a koordinator keeps the list, and sees its tab.
        let koordinator = Principal(tenant: Fixture.tenant, user: Fixture.principal.user,
                                    scope: AccessScope(grants: [.init(unitID: Fixture.root, role: .supervisor)], tree: Fixture.tree), session: nil)
        let ctx = PageContext(l: L10n(language: language, zone: TimeZone(identifier: "Asia/Jakarta")!), principal: koordinator, path: "/listening/on-call")
        func person(_ n: Int, _ name: String, _ phone: String) -> OnCallPersonModel {
            let person = OnCallPersonModel()
            person.id = Fixture.id(n)
            person.tenantID = Fixture.tenant.id!
            person.name = name
            person.phone = phone
            person.createdAt = Fixture.now
            return person
        }
        let html = OnCallPages.page(ctx, .init(
            people: [person(730, "Agus Salim", "+6285711112222"), person(731, "Rina Kusumawati", "+6281234567890")],
            accounts: [UI.Option(value: Fixture.id(31).uuidString, label: "Layanan Diskominfo (+6281100002222)")],
            templates: [UI.Option(value: Fixture.id(732).uuidString, label: "peringatan_lonjakan (id)")],
            accountID: Fixture.id(31).uuidString, templateID: Fixture.id(732).uuidString,
            preview: "Peringatan Simpul: Lonjakan pada pemantauan \"Banjir\". 24 pesan dalam 15 menit. Buka https://medsos.tirtamaya.go.id/listening/alerts",
            personInput: OnCallController.PersonInput(name: "Budi", phone: "0812"),
            problems: ["phone": ctx.l.t("Nomor WhatsApp tidak dikenali (contoh: 0812 3456 7890).", "WhatsApp number not recognised (e.g. 0812 3456 7890).")]))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("accounts list", arguments: [Language.id, .en])
    func accounts(_ language: Language) {
        let whatsapp = Fixture.officialAccount(31, .whatsapp, handle: "+6281100002222", name: "Layanan Diskominfo", followers: 0, status: .needsReconnect)
        let rows = [AccountPages.Row(account: Fixture.account, unitName: "Dinas Komunikasi dan Informatika", ownerName: nil),
                    AccountPages.Row(account: whatsapp, unitName: "Dinas Komunikasi dan Informatika", ownerName: nil)]
        let html = AccountPages.list(Fixture.context(language, path: "/accounts"),
                                     .init(rows: rows, total: 2, filter: AccountFilter(),
                                           units: [UI.Option(value: Fixture.diskominfo.uuidString, label: "Dinas Komunikasi dan Informatika")],
                                           next: nil, canCreate: true, remembered: false))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("account detail: facts, a delivery status and a comment, and one change in its history", arguments: [Language.id, .en])
    func accountDetail(_ language: Language) {
        let account = Fixture.account
        let owner = UserModel(id: Fixture.id(21), tenantID: Fixture.tenant.id!, name: "Dewi Lestari", email: "dewi@tirtamayakota.go.id", nip: nil, phone: nil,
                              passwordHash: "-", at: Fixture.now)
        account.ownerID = owner.id
        let status = Fixture.message(3, text: "", author: "Sistem", minutesAgo: 90, kind: .status)
        status.text = nil
        status.authorName = nil
        status.detail = JSONText(["status": "failed", "error_code": "131047", "error_title": "Re-engagement message"])
        let change = AuditEventModel()
        change.id = Fixture.id(200)
        change.tenantID = Fixture.tenant.id!
        change.actorID = Fixture.principal.user.id
        change.actorName = "Rina Kusumawati"
        change.action = .accountUpdate
        change.targetType = .account
        change.targetID = account.id
        change.targetLabel = "@diskominfo.tirtamaya"
        change.at = Fixture.now.addingTimeInterval(-3 * 86_400)
        change.ip = "10.0.0.7"
        change.summary = JSONText(AuditChange(before: ["followers": "12000"], after: ["followers": "12400"]))
        let html = AccountPages.detail(Fixture.context(language, path: SiteRoute.account(account.id!).path),
                                       .init(account: account, unitPath: Fixture.tree.pathName(of: Fixture.diskominfo), owner: owner, canManage: true,
                                             history: [change], messages: [Fixture.question, status]))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("user detail: two roles, the grant form with an error, the password reset", arguments: [Language.id, .en])
    func userDetail(_ language: Language) {
        let user = UserModel(id: Fixture.id(22), tenantID: Fixture.tenant.id!, name: "Agus Prasetyo", email: "agus@tirtamayakota.go.id", nip: "198703152010011002",
                             phone: "081234567890", passwordHash: "-", at: Fixture.now)
        let operatorRole = MembershipModel(tenantID: Fixture.tenant.id!, userID: user.id!, unitID: Fixture.diskominfo, role: .operator, at: Fixture.now)
        operatorRole.id = Fixture.id(300)
        let approver = MembershipModel(tenantID: Fixture.tenant.id!, userID: user.id!, unitID: Fixture.dinasPU, role: .approver, at: Fixture.now)
        approver.id = Fixture.id(301)
        let l = L10n(language: language, zone: TimeZone(identifier: "Asia/Jakarta")!)
        var problems = FieldErrors()
        problems.add("unit_id", .required)
        let errors = FormErrors(problems, labels: ["role": l.t("Peran", "Role"), "unit_id": l.t("Unit kerja", "Unit")], l)
        let html = UserPages.detail(Fixture.context(language, path: SiteRoute.user(user.id!).path),
                                    .init(entry: UserQueries.Entry(user: user, memberships: [operatorRole, approver]), tree: Fixture.tree, canManage: true,
                                          roles: Role.allCases.map { UI.Option(value: $0.rawValue, label: l.role($0)) },
                                          units: [UI.Option(value: Fixture.diskominfo.uuidString, label: "Dinas Komunikasi dan Informatika"),
                                                  UI.Option(value: Fixture.dinasPU.uuidString, label: "Dinas Pekerjaan Umum")],
                                          roleErrors: errors, passwordError: nil))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("compliance findings: a blocked draft and a reviewed staff post, filtered by pack, with a next page", arguments: [Language.id, .en])
    func findings(_ language: Language) {
        let staff = Fixture.id(33)
        let rows = [Fixture.finding(1, source: .draft, account: nil, rule: "Ajakan memilih pasangan calon", severity: .block, status: .open,
                            excerpt: "Ayo menangkan paslon 02 di TPS!", hoursAgo: 2),
                    Fixture.finding(2, source: .message, account: staff, rule: "Menyukai unggahan kampanye", severity: .warning, status: .falsePositive,
                            excerpt: "Foto kegiatan posyandu bersama kader", hoursAgo: 30)]
        let html = CompliancePages.findings(Fixture.context(language, path: SiteRoute.findings.path),
                                            .init(findings: rows, total: 3, csv: SiteRoute.findingsCSV.path + "?pack=skb5", accounts: [staff: "Instagram @budi.asn"],
                                                  filter: FindingFilter(pack: "skb5"), units: [(Fixture.diskominfo, "Dinas Komunikasi dan Informatika")],
                                                  staffAccounts: [(staff, "Instagram @budi.asn")], packs: [("skb5", "SKB 5 Instansi (netralitas ASN)")],
                                                  next: SiteRoute.findings.path + "?pack=skb5&cursor=abc"))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("one finding in review: its source, the matched words marked, a refused decision kept with its error", arguments: [Language.id, .en])
    func finding(_ language: Language) {
        let finding = Fixture.finding(3, source: .message, account: Fixture.id(33), rule: "Ajakan memilih pasangan calon", severity: .block, status: .open,
                                      excerpt: "Ayo menangkan paslon 02 di TPS, buktiin!", hoursAgo: 1)
        finding.spans = JSONText([TextSpan(start: 4, end: 13)])
        var errors = FieldErrors()
        errors.add("note", .required)
        let html = CompliancePages.finding(Fixture.context(language, path: SiteRoute.finding(finding.id!).path),
                                           .init(finding: finding, account: "Instagram @budi.asn", unit: "Dinas Komunikasi dan Informatika", canReview: true,
                                                 errors: errors, input: (status: "confirmed", note: nil)))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("approval chains and content pillars: one unit's own chain, a refused pillar kept with its error", arguments: [Language.id, .en])
    func contentSettings(_ language: Language) {
        let policy = ApprovalPolicyModel()
        policy.id = Fixture.id(600)
        policy.tenantID = Fixture.tenant.id!
        policy.unitID = Fixture.diskominfo
        policy.steps = "unitAdmin,approver"
        policy.updatedAt = Fixture.now
        let pillar = ContentPillarModel(tenantID: Fixture.tenant.id!, name: "Layanan publik", at: Fixture.now)
        pillar.id = Fixture.id(601)
        var errors = FieldErrors()
        errors.add("name", .required)
        let html = ContentSettingsPages.page(Fixture.context(language, path: SiteRoute.contentSettings.path),
                                             .init(tree: Fixture.tree, policies: [policy], pillars: [pillar], policyInput: nil,
                                                   pillarInput: .init(name: ""), errors: errors))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("service performance: a week's figures in total, per unit and per priority, with a refused date", arguments: [Language.id, .en])
    func serviceReport(_ language: Language) {
        let hour: TimeInterval = 3_600
        let items = [
            ServiceLevelReport.Item(received: Fixture.now.addingTimeInterval(-50 * hour), due: Fixture.now.addingTimeInterval(-46 * hour),
                                    firstResponse: Fixture.now.addingTimeInterval(-49 * hour), resolved: Fixture.now.addingTimeInterval(-30 * hour)),
            ServiceLevelReport.Item(received: Fixture.now.addingTimeInterval(-20 * hour), due: Fixture.now.addingTimeInterval(-16 * hour),
                                    firstResponse: nil, resolved: nil),
            ServiceLevelReport.Item(received: Fixture.now.addingTimeInterval(-3 * hour), due: Fixture.now.addingTimeInterval(1 * hour),
                                    firstResponse: Fixture.now.addingTimeInterval(-2.5 * hour), resolved: nil),
        ]
        let total = ServiceLevelReport.figures(items, now: Fixture.now)
        let unit = ServiceLevelReport.figures(Array(items.prefix(2)), now: Fixture.now)
        let html = ServiceReportPages.page(Fixture.context(language, path: SiteRoute.serviceReport.path),
                                           .init(from: "2026-12-01", to: "2026-13-40", problems: ["Tanggal akhir tidak dikenal: 2026-13-40"], total: total,
                                                 byUnit: [(name: "Dinas Komunikasi dan Informatika", figures: unit)],
                                                 byPriority: [(name: "Mendesak", figures: total)]))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }

    @Test("home with counts and an account that needs reconnecting", arguments: [Language.id, .en])
    func home(_ language: Language) {
        let stale = Fixture.officialAccount(32, .facebook, handle: "diskominfotirtamaya", name: "Diskominfo Tirtamaya", followers: 8_100, status: .needsReconnect)
        var counts = HomeController.Counts()
        counts.units = 1
        counts.accountsByPlatform = [.instagram: 1, .facebook: 1]
        counts.admins = 3
        counts.needsReconnect = [stale]
        counts.overdueMessages = 4
        counts.openFindings = 0
        let html = HomePages.home(Fixture.context(language, path: "/"), HomePages.Model(principal: Fixture.principal, counts: counts, unread: []))
        assertSnapshot(of: Self.render(html), as: .lines, named: language.rawValue)
    }
}
