import Foundation
import SimpulCore
import Testing

@Suite struct WorkingCalendarTests {
    static let wib = TimeZone(identifier: "Asia/Jakarta")!
    static let wita = TimeZone(identifier: "Asia/Makassar")!
    static let wit = TimeZone(identifier: "Asia/Jayapura")!

    /// A local time in `zone`: "2026-11-23 10:00".
    static func at(_ text: String, _ zone: TimeZone = wib) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    static let office = WorkingCalendar.governmentOffice(timeZone: wib, holidays: ["2026-12-25"])

    @Test func officeHoursAndHolidays() {
        #expect(Self.office.isWorkingTime(Self.at("2026-11-23 10:00")))      // Monday
        #expect(!Self.office.isWorkingTime(Self.at("2026-11-23 06:59")))
        #expect(!Self.office.isWorkingTime(Self.at("2026-11-23 16:00")))     // closes at 16.00
        #expect(Self.office.isWorkingTime(Self.at("2026-11-27 16:15")))      // Friday until 16.30
        #expect(!Self.office.isWorkingTime(Self.at("2026-11-28 10:00")))     // Saturday
        #expect(!Self.office.isWorkingTime(Self.at("2026-12-25 10:00")))     // Christmas, a Friday
    }

    @Test func workingHoursCarryOverNightsWeekendsAndHolidays() {
        #expect(Self.office.adding(workingSeconds: 4 * 3600, to: Self.at("2026-11-23 10:00")) == Self.at("2026-11-23 14:00"))
        // Friday 15.00: 1.5 hours left that day, 2.5 on Monday from 07.30.
        #expect(Self.office.adding(workingSeconds: 4 * 3600, to: Self.at("2026-11-27 15:00")) == Self.at("2026-11-30 10:00"))
        // Thursday before Christmas: one hour on Thursday, then Monday.
        #expect(Self.office.adding(workingSeconds: 4 * 3600, to: Self.at("2026-12-24 15:00")) == Self.at("2026-12-28 10:30"))
        // Received at night: counting starts at the next opening.
        #expect(Self.office.adding(workingSeconds: 3600, to: Self.at("2026-11-23 22:00")) == Self.at("2026-11-24 08:30"))
    }

    @Test func workingDaysKeepTheOfficeTimeOfDay() {
        #expect(Self.office.adding(workingDays: 2, to: Self.at("2026-11-23 10:00")) == Self.at("2026-11-25 10:00"))
        // Saturday night: the clock starts Monday 07.30, so two working days end Wednesday 07.30.
        #expect(Self.office.adding(workingDays: 2, to: Self.at("2026-11-28 21:00")) == Self.at("2026-12-02 07:30"))
        // Over the Christmas holiday.
        #expect(Self.office.adding(workingDays: 1, to: Self.at("2026-12-24 09:00")) == Self.at("2026-12-28 09:00"))
    }

    @Test func theSameLocalHoursAreDifferentInstantsInWIBWITAAndWIT() {
        let policy = SLAPolicy.standard
        let received = Self.at("2026-11-23 07:00", Self.wib)    // 08.00 WITA, 09.00 WIT
        let wib = policy.due(priority: .high, received: received, calendar: .governmentOffice(timeZone: Self.wib))!
        let wita = policy.due(priority: .high, received: received, calendar: .governmentOffice(timeZone: Self.wita))!
        let wit = policy.due(priority: .high, received: received, calendar: .governmentOffice(timeZone: Self.wit))!
        #expect(wib == Self.at("2026-11-23 11:30", Self.wib))
        #expect(wita == Self.at("2026-11-23 12:00", Self.wita))
        #expect(wit == Self.at("2026-11-23 13:00", Self.wit))
        // An urgent message counts clock time, day or night.
        #expect(policy.due(priority: .urgent, received: Self.at("2026-11-28 23:30"), calendar: Self.office) == Self.at("2026-11-29 00:30"))
    }

    @Test func elapsedOfficeTime() {
        #expect(Self.office.workingSeconds(from: Self.at("2026-11-27 15:00"), to: Self.at("2026-11-30 10:00")) == 4 * 3600)
        #expect(Self.office.workingSeconds(from: Self.at("2026-11-30 10:00"), to: Self.at("2026-11-27 15:00")) == 0)
    }

    @Test func aCalendarWithoutOfficeHoursGivesNoDueTime() {
        let closed = WorkingCalendar(timeZone: Self.wib, hours: [:])
        #expect(closed.adding(workingSeconds: 60, to: Self.at("2026-11-23 10:00")) == nil)
        #expect(SLAPolicy.standard.due(priority: .normal, received: Self.at("2026-11-23 10:00"), calendar: closed) == nil)
    }
}
