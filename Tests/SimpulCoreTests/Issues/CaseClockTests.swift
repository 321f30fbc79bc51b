import Foundation
import Testing
@testable import SimpulCore

@Suite("Issue case clocks and status")
struct CaseClockTests {
    let zone = TimeZone(identifier: "Asia/Jakarta")!
    var office: WorkingCalendar { WorkingCalendar.governmentOffice(timeZone: zone, holidays: ["2026-12-25"]) }

    func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("6 working hours and 7 working days, counted on office hours, weekends and holidays")
    func deadlines() {
        // Monday 09.00 WIB: coordination by 15.00 the same day; resolution on Wednesday of the next week.
        let monday = at("2026-12-07T09:00:00+07:00")
        #expect(CaseClock.coordinateDue(opened: monday, calendar: office) == at("2026-12-07T15:00:00+07:00"))
        #expect(CaseClock.resolveDue(opened: monday, calendar: office) == at("2026-12-16T09:00:00+07:00"))
        // Friday 15.00 WIB (office until 16.30): 1.5 hours on Friday, the other 4.5 on Monday from 07.30.
        let friday = at("2026-12-11T15:00:00+07:00")
        #expect(CaseClock.coordinateDue(opened: friday, calendar: office) == at("2026-12-14T12:00:00+07:00"))
        // Opened on Christmas Eve evening: the holiday and the weekend do not count.
        let eve = at("2026-12-24T20:00:00+07:00")
        #expect(CaseClock.coordinateDue(opened: eve, calendar: office) == at("2026-12-28T13:30:00+07:00"))
    }

    @Test("a clock is running, overdue, met on time or met late")
    func states() {
        let due = at("2026-12-07T15:00:00+07:00")
        #expect(CaseClock.state(due: due, doneAt: nil, now: at("2026-12-07T14:00:00+07:00")) == .running(overdue: false))
        #expect(CaseClock.state(due: due, doneAt: nil, now: at("2026-12-07T15:01:00+07:00")) == .running(overdue: true))
        #expect(CaseClock.state(due: due, doneAt: at("2026-12-07T11:00:00+07:00"), now: at("2026-12-08T00:00:00+07:00")) == .met(late: false))
        #expect(CaseClock.state(due: due, doneAt: at("2026-12-07T16:00:00+07:00"), now: at("2026-12-08T00:00:00+07:00")) == .met(late: true))
    }

    @Test("status moves: never to itself, a closed case only reopens")
    func moves() {
        #expect(CaseStatus.open.canMove(to: .coordinating) && CaseStatus.monitoring.canMove(to: .responding) && CaseStatus.open.canMove(to: .closed))
        #expect(!CaseStatus.responding.canMove(to: .responding))
        #expect(CaseStatus.closed.canMove(to: .open) && !CaseStatus.closed.canMove(to: .monitoring))
        #expect(!CaseStatus.open.isCoordinated && CaseStatus.coordinating.isCoordinated)
    }
}
