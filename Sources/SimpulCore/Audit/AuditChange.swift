/// What an audited change did to a record: the fields that differ, before and after. A creation
/// has only `after`, a deletion only `before`; values are the fields as text.
public struct AuditChange: Codable, Equatable, Sendable {
    public typealias Fields = [String: String]

    public var before: Fields?
    public var after: Fields?

    public init(before: Fields? = nil, after: Fields? = nil) {
        self.before = before
        self.after = after
    }

    /// Only what changed is kept when both sides are known: fields with equal values drop out.
    public static func between(before: Fields?, after: Fields?) -> AuditChange {
        guard var b = before, var a = after else { return AuditChange(before: before, after: after) }
        for key in Set(b.keys).union(a.keys) where b[key] == a[key] {
            b.removeValue(forKey: key)
            a.removeValue(forKey: key)
        }
        return AuditChange(before: b, after: a)
    }

    /// Every field either side names, in order.
    public var keys: [String] { Set((before ?? [:]).keys).union((after ?? [:]).keys).sorted() }
}
