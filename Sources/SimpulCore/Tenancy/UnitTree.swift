import Foundation

/// The unit hierarchy of one tenant held in memory. A pemda has a few hundred units at most,
/// so scope questions (is X under Y?) are answered here rather than with recursive SQL.
public struct UnitTree: Sendable {
    public struct Unit: Sendable, Equatable {
        public let id: UUID
        public let parentID: UUID?
        public let kind: UnitKind
        public let name: String
        public let code: String
        public let active: Bool

        public init(id: UUID, parentID: UUID?, kind: UnitKind, name: String, code: String, active: Bool = true) {
            self.id = id
            self.parentID = parentID
            self.kind = kind
            self.name = name
            self.code = code
            self.active = active
        }
    }

    public private(set) var units: [UUID: Unit] = [:]
    private var children: [UUID: [UUID]] = [:]

    public init(_ units: [Unit]) {
        for unit in units {
            self.units[unit.id] = unit
        }
        for unit in units {
            if let parent = unit.parentID, self.units[parent] != nil {
                children[parent, default: []].append(unit.id)
            }
        }
        for key in children.keys {
            children[key]?.sort { (self.units[$0]?.name ?? "") < (self.units[$1]?.name ?? "") }
        }
    }

    public subscript(id: UUID) -> Unit? { units[id] }

    public var roots: [Unit] {
        units.values.filter { $0.parentID == nil || units[$0.parentID!] == nil }.sorted { $0.name < $1.name }
    }

    public func children(of id: UUID) -> [Unit] {
        (children[id] ?? []).compactMap { units[$0] }
    }

    /// The unit itself followed by its ancestors up to the root. Guards against cycles that a
    /// corrupted table could hold, so a bad row can never hang a request.
    public func lineage(of id: UUID) -> [UUID] {
        var result: [UUID] = []
        var seen: Set<UUID> = []
        var current: UUID? = id
        while let next = current, let unit = units[next], seen.insert(next).inserted {
            result.append(next)
            current = unit.parentID
        }
        return result
    }

    public func isSameOrDescendant(_ id: UUID, of ancestor: UUID) -> Bool {
        lineage(of: id).contains(ancestor)
    }

    /// The unit and everything below it.
    public func subtree(of id: UUID) -> Set<UUID> {
        guard units[id] != nil else { return [] }
        var result: Set<UUID> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            for child in children[next] ?? [] where result.insert(child).inserted {
                stack.append(child)
            }
        }
        return result
    }

    /// Depth-first order with depth, for rendering the tree as an indented list.
    public func flattened(from starts: [UUID]? = nil) -> [(unit: Unit, depth: Int)] {
        var result: [(Unit, Int)] = []
        var seen: Set<UUID> = []
        func visit(_ id: UUID, _ depth: Int) {
            guard let unit = units[id], seen.insert(id).inserted else { return }
            result.append((unit, depth))
            for child in children[id] ?? [] { visit(child, depth + 1) }
        }
        for start in starts ?? roots.map(\.id) { visit(start, 0) }
        return result
    }

    /// "Dinas Kesehatan › Bagian Umum": the path below the root, for labels in pickers.
    public func pathName(of id: UUID) -> String {
        let names = lineage(of: id).reversed().compactMap { units[$0] }.filter { $0.kind != .pemda }.map(\.name)
        return names.isEmpty ? (units[id]?.name ?? "") : names.joined(separator: " › ")
    }

    /// Whether `parent` may hold a child of `kind`, and whether re-parenting `unit` under
    /// `parent` would create a cycle.
    public func placementProblem(unit: UUID?, kind: UnitKind, parent: UUID?) -> PlacementProblem? {
        if let unit, children(of: unit).contains(where: { !kind.allowedChildren.contains($0.kind) }) {
            return .childrenNotAllowed
        }
        guard let parent else {
            if kind.isRootKind { return roots.contains { $0.id != unit && $0.kind == .pemda } ? .secondRoot : nil }
            return .parentRequired
        }
        guard let parentUnit = units[parent] else { return .unknownParent }
        if let unit, lineage(of: parent).contains(unit) { return .cycle }
        if !parentUnit.kind.allowedChildren.contains(kind) { return .kindNotAllowed(parent: parentUnit.kind) }
        return nil
    }

    public enum PlacementProblem: Equatable, Sendable {
        case parentRequired
        case unknownParent
        case cycle
        case secondRoot
        case kindNotAllowed(parent: UnitKind)
        /// The unit's current children could not stay under the new kind.
        case childrenNotAllowed
    }
}
