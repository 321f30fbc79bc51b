import Foundation
import SimpulCore
import Testing

@Suite struct ContentWorkflowTests {
    let writer = UUID(), approverA = UUID(), approverB = UUID(), chief = UUID()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let twoSteps = ApprovalPolicy(steps: [.approver, .unitAdmin])!

    func person(_ id: UUID, _ roles: Set<Role>) -> WorkflowActor { .person(id, roles: roles) }
    var operatorActor: WorkflowActor { person(writer, [.operator]) }

    func apply(_ action: WorkflowAction, _ item: WorkflowItem, by actor: WorkflowActor, policy: ApprovalPolicy? = nil) -> Result<WorkflowTransition, WorkflowDenial> {
        ContentWorkflow.apply(action, to: item, by: actor, policy: policy ?? twoSteps, now: now)
    }

    func status(_ result: Result<WorkflowTransition, WorkflowDenial>) -> ContentStatus? {
        if case .success(let transition) = result { transition.item.status } else { nil }
    }

    func denial(_ result: Result<WorkflowTransition, WorkflowDenial>) -> WorkflowDenial? {
        if case .failure(let denial) = result { denial } else { nil }
    }

    @Test func policyHasZeroToThreeStepsOfWorkingRoles() {
        #expect(ApprovalPolicy(steps: []) != nil)
        #expect(ApprovalPolicy(steps: [.approver, .unitAdmin, .supervisor]) != nil)
        #expect(ApprovalPolicy(steps: [.approver, .approver, .approver, .approver]) == nil)
        #expect(ApprovalPolicy(steps: [.viewer]) == nil)
        #expect(ApprovalPolicy(steps: [.staff]) == nil)
        #expect(ApprovalPolicy(steps: [.operator]) == nil)
    }

    @Test func theFullPathThroughTwoSteps() throws {
        var item = WorkflowItem(status: .draft, createdBy: writer)
        let submitted = try apply(.submit, item, by: operatorActor).get()
        #expect(submitted.item.status == .inReview && submitted.notify == [.approvers(step: 0, role: .approver)])
        item = submitted.item
        let first = try apply(.approve, item, by: person(approverA, [.approver])).get()
        #expect(first.item.status == .inReview && first.item.approvals == [approverA] && first.notify == [.approvers(step: 1, role: .unitAdmin)])
        // The second step needs its own role, and a different person.
        #expect(denial(apply(.approve, first.item, by: person(approverB, [.approver]))) == .needsRole(.unitAdmin))
        #expect(denial(apply(.approve, first.item, by: person(approverA, [.approver, .unitAdmin]))) == .alreadyApproved)
        let second = try apply(.approve, first.item, by: person(approverB, [.unitAdmin])).get()
        #expect(second.item.status == .approved && second.item.approvals == [approverA, approverB])
        let at = now.addingTimeInterval(3_600)
        let scheduled = try apply(.schedule(at: at), second.item, by: operatorActor).get()
        #expect(scheduled.item.status == .scheduled && scheduled.item.scheduledAt == at)
        let publishing = try apply(.startPublishing, scheduled.item, by: .system).get()
        #expect(publishing.item.status == .publishing)
        #expect(status(apply(.published, publishing.item, by: .system)) == .published)
        #expect(status(apply(.failed, publishing.item, by: .system)) == .failed)
    }

    @Test func withoutApprovalStepsSubmissionApprovesAtOnce() {
        let item = WorkflowItem(status: .draft, createdBy: writer)
        #expect(status(apply(.submit, item, by: operatorActor, policy: .withoutApproval)) == .approved)
    }

    @Test func nobodyApprovesTheirOwnWork() {
        let item = WorkflowItem(status: .inReview, createdBy: writer, submittedBy: chief)
        #expect(denial(apply(.approve, item, by: person(writer, [.approver]))) == .ownWork)
        #expect(denial(apply(.approve, item, by: person(chief, [.supervisor]))) == .ownWork)
        #expect(status(apply(.approve, item, by: person(approverA, [.supervisor]))) == .inReview)
    }

    @Test func rejectionNeedsTheStepsRoleAndAComment() {
        let item = WorkflowItem(status: .inReview, createdBy: writer, submittedBy: writer)
        #expect(denial(apply(.reject(comment: "kurang"), item, by: person(approverA, [.approver]))) == .commentRequired(min: 10))
        #expect(denial(apply(.reject(comment: "Data jumlah penerima belum sesuai"), item, by: operatorActor)) == .needsRole(.approver))
        let rejected = apply(.reject(comment: "Data jumlah penerima belum sesuai"), item, by: person(approverA, [.approver]))
        #expect(status(rejected) == .rejected)
        // Rejected work goes back to the writer, who edits (back to draft) or resubmits.
        let back = try? rejected.get().item
        #expect(status(apply(.edit, back!, by: operatorActor)) == .draft)
        #expect(status(apply(.submit, back!, by: operatorActor)) == .inReview)
    }

    @Test func editingApprovedOrScheduledContentSendsItBackToReview() throws {
        for state in [ContentStatus.approved, .scheduled, .failed, .inReview] {
            let item = WorkflowItem(status: state, createdBy: writer, submittedBy: writer, approvals: [approverA, approverB],
                                    scheduledAt: now.addingTimeInterval(600))
            let edited = try apply(.edit, item, by: operatorActor).get()
            #expect(edited.item.status == .inReview && edited.item.approvals.isEmpty && edited.item.scheduledAt == nil, "from \(state)")
        }
        for state in [ContentStatus.publishing, .published] {
            #expect(denial(apply(.edit, WorkflowItem(status: state, createdBy: writer), by: operatorActor)) == .notInThisState(state))
        }
    }

    @Test func onlyTheWorkerPublishesAndOnlyApprovedContent() {
        let scheduled = WorkflowItem(status: .scheduled, createdBy: writer, approvals: [approverA, approverB], scheduledAt: now)
        #expect(denial(apply(.startPublishing, scheduled, by: person(chief, [.supervisor]))) == .systemOnly)
        #expect(denial(apply(.published, WorkflowItem(status: .publishing, createdBy: writer), by: operatorActor)) == .systemOnly)
        // A scheduled row short of its approvals (a policy that grew a step) never publishes.
        let short = WorkflowItem(status: .scheduled, createdBy: writer, approvals: [approverA], scheduledAt: now)
        #expect(denial(apply(.startPublishing, short, by: .system)) == .notInThisState(.scheduled))
        for state in ContentStatus.allCases where state != .scheduled {
            #expect(denial(apply(.startPublishing, WorkflowItem(status: state, createdBy: writer, approvals: [approverA, approverB]), by: .system)) != nil)
        }
    }

    @Test func everyStateAndActionByRole() {
        // The whole table: which (state, action) pairs each role may take. Anything not listed is denied.
        let allowed: [Role: Set<String>] = [
            .operator: ["draft.submit", "rejected.submit", "draft.edit", "rejected.edit", "inReview.edit", "approved.edit", "scheduled.edit",
                        "failed.edit", "approved.schedule", "scheduled.schedule", "scheduled.unschedule", "failed.retry"],
            .approver: ["draft.submit", "rejected.submit", "draft.edit", "rejected.edit", "inReview.edit", "approved.edit", "scheduled.edit",
                        "failed.edit", "approved.schedule", "scheduled.schedule", "scheduled.unschedule", "failed.retry", "inReview.approve", "inReview.reject"],
            .viewer: [],
            .staff: [],
        ]
        let actions: [(String, WorkflowAction)] = [("submit", .submit), ("approve", .approve), ("reject", .reject(comment: "Perlu data terbaru")),
                                                   ("edit", .edit), ("schedule", .schedule(at: now.addingTimeInterval(60))), ("unschedule", .unschedule),
                                                   ("retry", .retry), ("startPublishing", .startPublishing), ("published", .published), ("failed", .failed)]
        for (role, permitted) in allowed {
            for state in ContentStatus.allCases {
                for (name, action) in actions {
                    let item = WorkflowItem(status: state, createdBy: writer, submittedBy: writer, approvals: [], scheduledAt: nil)
                    let result = ContentWorkflow.apply(action, to: item, by: person(approverA, [role]), policy: .standard, now: now)
                    let key = "\(state.rawValue).\(name)"
                    #expect(((try? result.get()) != nil) == permitted.contains(key), "\(role) \(key)")
                }
            }
        }
    }

    @Test func schedulingInThePastIsRefusedAndFailedPostsRetryNow() {
        let approved = WorkflowItem(status: .approved, createdBy: writer, approvals: [approverA])
        #expect(denial(apply(.schedule(at: now.addingTimeInterval(-3_600)), approved, by: operatorActor)) == .inThePast)
        // A minute late (the form took its time) means now.
        let late = try? apply(.schedule(at: now.addingTimeInterval(-60)), approved, by: operatorActor).get()
        #expect(late?.item.scheduledAt == now)
        let failed = WorkflowItem(status: .failed, createdBy: writer, approvals: [approverA])
        let retried = try? apply(.retry, failed, by: operatorActor).get()
        #expect(retried?.item.status == .scheduled && retried?.item.scheduledAt == now)
    }
}

@Suite struct LocalTimeTests {
    @Test func theSameWallClockIsADifferentInstantInEachZone() throws {
        let wib = try #require(LocalTime.instant(date: "2026-11-25", time: "09.00", zone: TimeZone(identifier: "Asia/Jakarta")!))
        let wita = try #require(LocalTime.instant(date: "2026-11-25", time: "09:00", zone: TimeZone(identifier: "Asia/Makassar")!))
        let wit = try #require(LocalTime.instant(date: "2026-11-25", time: "09:00", zone: TimeZone(identifier: "Asia/Jayapura")!))
        #expect(wib.timeIntervalSince(wita) == 3_600 && wita.timeIntervalSince(wit) == 3_600)
        #expect(ISO8601DateFormatter().string(from: wib) == "2026-11-25T02:00:00Z")
        #expect(LocalTime.fields(of: wib, zone: TimeZone(identifier: "Asia/Jayapura")!) == ("2026-11-25", "11:00"))
        // Crossing midnight: 01.30 WIT is the evening before in UTC.
        let early = try #require(LocalTime.instant(date: "2026-01-01", time: "01:30", zone: TimeZone(identifier: "Asia/Jayapura")!))
        #expect(ISO8601DateFormatter().string(from: early) == "2025-12-31T16:30:00Z")
    }

    @Test func badDatesAndTimesAreRefused() {
        let zone = TimeZone(identifier: "Asia/Jakarta")!
        for (date, time) in [("2026-02-30", "09:00"), ("2026-13-01", "09:00"), ("2026-11-25", "24:00"), ("2026-11-25", "9:00"),
                             ("25-11-2026", "09:00"), ("", ""), ("2026-11-25", "09:60"), ("2026-11-2x", "09:00")] {
            #expect(LocalTime.instant(date: date, time: time, zone: zone) == nil, "\(date) \(time)")
        }
    }
}

@Suite struct CalendarGridTests {
    static let wit = TimeZone(identifier: "Asia/Jayapura")!

    @Test func aMonthIsWholeWeeksFromMonday() throws {
        // November 2026 starts on a Sunday and ends on a Monday.
        let grid = try #require(CalendarGrid.make(.month, around: "2026-11-18", zone: Self.wit))
        #expect(grid.days.first?.date == "2026-10-26" && grid.days.last?.date == "2026-12-06")
        #expect(grid.days.count == 42 && grid.days.filter(\.inFocus).count == 30)
        #expect(grid.days.first(where: \.inFocus)?.date == "2026-11-01")
        #expect(grid.previous == "2026-10-01" && grid.next == "2026-12-01")
        // Midnight in Jayapura (UTC+9) is 15:00 the day before in UTC.
        #expect(ISO8601DateFormatter().string(from: grid.start) == "2026-10-25T15:00:00Z")
        #expect(CalendarGrid.day(of: grid.start.addingTimeInterval(-1), zone: Self.wit) == "2026-10-25")
    }

    @Test func aWeekRunsMondayToSunday() throws {
        let grid = try #require(CalendarGrid.make(.week, around: "2026-11-22", zone: TimeZone(identifier: "Asia/Jakarta")!))
        #expect(grid.days.map(\.date) == ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"])
        #expect(grid.previous == "2026-11-09" && grid.next == "2026-11-23")
        #expect(CalendarGrid.make(.week, around: "22-11-2026", zone: Self.wit) == nil)
    }
}

@Suite struct AccountHoldingPolicyTests {
    @Test func accountsCountOnlyAboveTheFollowerLine() {
        let policy = AccountHoldingPolicy.standard
        #expect(policy.assess(followerCounts: [501, 900, 12_000]).meets)
        // Exactly 500 is not "more than 500".
        let short = policy.assess(followerCounts: [500, 501, 2_000, 30])
        #expect(short.accounts == 4 && short.qualifying == 2 && short.short == 1 && !short.meets)
        #expect(policy.assess(followerCounts: []).short == 3)
        #expect(AccountHoldingPolicy(minAccounts: 1, minFollowers: 0).assess(followerCounts: [1]).meets)
    }
}
