import Foundation

/// Where one staff member stands on one amplification task.
public enum AssignmentStatus: String, Sendable, CaseIterable {
    case pending
    case overdue
    case done
    case doneLate

    public static func of(completedAt: Date?, deadline: Date, now: Date) -> AssignmentStatus {
        if let completedAt { return completedAt <= deadline ? .done : .doneLate }
        return now > deadline ? .overdue : .pending
    }

    public var isDone: Bool { self == .done || self == .doneLate }

    public var label: String {
        switch self {
        case .pending: "Belum"
        case .overdue: "Terlambat"
        case .done: "Selesai"
        case .doneLate: "Selesai terlambat"
        }
    }
}

/// Completion of a group of assignments (a unit, a person, a whole task).
public struct AmplificationTally: Sendable, Equatable {
    public private(set) var assigned = 0
    public private(set) var done = 0
    public private(set) var overdue = 0

    public init() {}

    public mutating func add(_ status: AssignmentStatus) {
        assigned += 1
        if status.isDone { done += 1 }
        if status == .overdue { overdue += 1 }
    }

    /// Share done, 0...1; nil when nothing was assigned.
    public var rate: Double? { assigned == 0 ? nil : Double(done) / Double(assigned) }
}
