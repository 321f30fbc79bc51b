import Foundation

/// The members of a JSON object, each name once, kept in a list rather than a hash table.
///
/// Platform objects have a handful of members and the parsers look up a few dozen names per
/// delivery. A `Dictionary` hashed every name twice, once when read and once when looked up, and
/// its seeded hashing cost more than reading the JSON around it. Comparing a few short names is
/// cheaper. Large objects (a hostile body can hold a hundred thousand names) are checked for
/// repeated names with one hashed pass, so no input costs quadratic time.
struct JSONObject: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    typealias Element = (key: String, value: JSONValue)

    /// Up to this many members a repeated name is found by comparison; beyond it, by hashing.
    static let linearLimit = 16

    private var members: [Element]

    init() { members = [] }

    init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { (key: $0.key, value: $0.value) }
    }

    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(keepingLast: elements.map { (key: $0.0, value: $0.1) })
    }

    /// Members as read, in order; a repeated name keeps its last value, in the place of its first.
    init(keepingLast elements: [Element]) {
        if elements.count <= Self.linearLimit {
            guard Self.repeatsAName(elements) else { members = elements; return }
            members = []
            members.reserveCapacity(elements.count)
            for element in elements { self[element.key] = element.value }
            return
        }
        var position: [String: Int] = [:]
        position.reserveCapacity(elements.count)
        members = []
        members.reserveCapacity(elements.count)
        for element in elements {
            if let index = position[element.key] {
                members[index].value = element.value
            } else {
                position[element.key] = members.count
                members.append(element)
            }
        }
    }

    private static func repeatsAName(_ elements: [Element]) -> Bool {
        for later in elements.indices.dropFirst() {
            for earlier in 0..<later where elements[earlier].key == elements[later].key { return true }
        }
        return false
    }

    var count: Int { members.count }
    var keys: [String] { members.map(\.key) }
    var values: [JSONValue] { members.map(\.value) }

    subscript(key: String) -> JSONValue? {
        get {
            for index in members.indices where members[index].key == key { return members[index].value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key: key, value: newValue))
            }
        }
    }

    func makeIterator() -> IndexingIterator<[Element]> { members.makeIterator() }

    /// Calls `body` with each member in the order of the names, as `serialized` writes them.
    /// The positions are sorted rather than the members, which would copy every value.
    func forEachByName(_ body: (String, JSONValue) -> Void) {
        for index in members.indices.sorted(by: { members[$0].key < members[$1].key }) {
            body(members[index].key, members[index].value)
        }
    }
}

extension JSONObject: Equatable {
    /// The same names with equal values, in any order, as JSON objects compare.
    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.count <= linearLimit { return lhs.members.allSatisfy { rhs[$0.key] == $0.value } }
        let right = Dictionary(rhs.members, uniquingKeysWith: { _, last in last })
        return lhs.members.allSatisfy { right[$0.key] == $0.value }
    }
}
