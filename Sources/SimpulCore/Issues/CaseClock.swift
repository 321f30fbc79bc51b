import Foundation

/// The service levels of an issue case as the Jakarta practice sets them: units coordinate
/// within 6 working hours and the case is resolved within 7 working days, both counted on the
/// tenant's working calendar (office hours and holidays).
public enum CaseClock {
    public static let coordinateWorkingHours = 6
    public static let resolveWorkingDays = 7

    public static func coordinateDue(opened: Date, calendar: WorkingCalendar) -> Date? {
        calendar.adding(workingSeconds: TimeInterval(coordinateWorkingHours * 3600), to: opened)
    }

    public static func resolveDue(opened: Date, calendar: WorkingCalendar) -> Date? {
        calendar.adding(workingDays: resolveWorkingDays, to: opened)
    }

    /// One clock's state: met (done on time or late), or running and on time or overdue.
    public enum State: Equatable, Sendable {
        case met(late: Bool)
        case running(overdue: Bool)
    }

    public static func state(due: Date?, doneAt: Date?, now: Date) -> State {
        if let doneAt { return .met(late: due.map { doneAt > $0 } ?? false) }
        return .running(overdue: due.map { now > $0 } ?? false)
    }
}
