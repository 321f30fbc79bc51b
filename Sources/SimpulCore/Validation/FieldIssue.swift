/// What is wrong with one field of user input. The server turns each into a sentence in the
/// reader's language; the domain only decides what the problem is.
public enum FieldIssue: Equatable, Sendable {
    case required
    case tooLong(max: Int)
    case tooShort(min: Int)
    case invalidEmail
    case invalidNIP
    case invalidPhone
    case invalidHandle
    case invalidCode
    case invalidChoice
    case invalidCharacters
    case notANumber
    case outOfRange(min: Int, max: Int)
    case unknownUnit
    case unknownUser
    case duplicate
    case ownerRequired
    case ownerNotAllowed
    case parentRequired
    case unknownParent
    case cycle
    case kindConflictsWithChildren
    case topUnitStaysActive
    case unitStillInUse(activeUnits: Int, activeAccounts: Int)
    case parentInactive
    case secondRoot
    case kindNotAllowed(parent: UnitKind)
    case mismatch
    case wrongPassword
    case notPermitted
    /// Separation of duties: nobody hands a role to themselves.
    case selfGrant
    case invalidLink
    case tooMany(max: Int)
    /// A problem the code that found it already put into words for the reader (the listening
    /// parser names the column; a case action says why it was refused).
    case explained(String)
}

/// Issues keyed by field name, in the order they were found.
public struct FieldErrors: Sendable, Equatable {
    public private(set) var items: [(field: String, issue: FieldIssue)] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }

    public subscript(field: String) -> FieldIssue? {
        items.first { $0.field == field }?.issue
    }

    /// Keeps the first issue per field: one clear message beats a pile.
    public mutating func add(_ field: String, _ issue: FieldIssue) {
        if self[field] == nil { items.append((field, issue)) }
    }

    public mutating func merge(_ other: FieldErrors) {
        for item in other.items { add(item.field, item.issue) }
    }

    public static func == (lhs: FieldErrors, rhs: FieldErrors) -> Bool {
        lhs.items.map(\.field) == rhs.items.map(\.field) && lhs.items.map(\.issue) == rhs.items.map(\.issue)
    }
}
