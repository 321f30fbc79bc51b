import Foundation
import Testing
@testable import SimpulCore

@Suite("Unit tree and access scope")
struct UnitTreeAndAccessTests {
    let root = UUID(), dinkes = UUID(), bagian = UUID(), kec = UUID(), kel = UUID(), disdik = UUID()

    var tree: UnitTree {
        UnitTree([
            .init(id: root, parentID: nil, kind: .pemda, name: "Pemkot", code: "PEMKOT"),
            .init(id: dinkes, parentID: root, kind: .opd, name: "Dinas Kesehatan", code: "DINKES"),
            .init(id: bagian, parentID: dinkes, kind: .bagian, name: "Bagian Umum", code: "DINKES-UMUM"),
            .init(id: disdik, parentID: root, kind: .opd, name: "Dinas Pendidikan", code: "DISDIK"),
            .init(id: kec, parentID: root, kind: .kecamatan, name: "Kecamatan Timur", code: "KEC-TIMUR"),
            .init(id: kel, parentID: kec, kind: .kelurahan, name: "Kelurahan Mawar", code: "KEL-MAWAR"),
        ])
    }

    @Test func lineageAndSubtree() {
        #expect(tree.lineage(of: kel) == [kel, kec, root])
        #expect(tree.subtree(of: dinkes) == [dinkes, bagian])
        #expect(tree.subtree(of: root).count == 6)
        #expect(tree.isSameOrDescendant(bagian, of: root))
        #expect(!tree.isSameOrDescendant(dinkes, of: kec))
        #expect(tree.pathName(of: bagian) == "Dinas Kesehatan › Bagian Umum")
        #expect(tree.flattened().map(\.depth) == [0, 1, 2, 1, 1, 2])
    }

    @Test func cyclesInStoredDataCannotHang() {
        let a = UUID(), b = UUID()
        let looped = UnitTree([.init(id: a, parentID: b, kind: .opd, name: "A", code: "A"), .init(id: b, parentID: a, kind: .opd, name: "B", code: "B")])
        #expect(looped.lineage(of: a).count == 2)
        #expect(looped.subtree(of: a) == [a, b])
    }

    @Test func placementRules() {
        #expect(tree.placementProblem(unit: nil, kind: .kelurahan, parent: kec) == nil)
        #expect(tree.placementProblem(unit: nil, kind: .kelurahan, parent: dinkes) == .kindNotAllowed(parent: .opd))
        #expect(tree.placementProblem(unit: nil, kind: .opd, parent: nil) == .parentRequired)
        #expect(tree.placementProblem(unit: nil, kind: .pemda, parent: nil) == .secondRoot)
        #expect(tree.placementProblem(unit: dinkes, kind: .opd, parent: bagian) == .cycle)
        #expect(tree.placementProblem(unit: nil, kind: .bagian, parent: UUID()) == .unknownParent)
    }

    @Test func rolesCoverTheirSubtree() {
        let scope = AccessScope(grants: [.init(unitID: dinkes, role: .unitAdmin)], tree: tree)
        #expect(scope.allows(.manageAccounts, on: dinkes))
        #expect(scope.allows(.manageAccounts, on: bagian))
        #expect(!scope.allows(.manageAccounts, on: disdik))
        #expect(!scope.allows(.manageAccounts, on: root))
        #expect(!scope.allows(.manageUnits, on: dinkes))
        #expect(scope.units(with: .viewAccounts) == [dinkes, bagian])
        #expect(!scope.coversTenant(.viewAccounts))
    }

    @Test func supervisorOnRootCoversTenant() {
        let scope = AccessScope(grants: [.init(unitID: root, role: .supervisor)], tree: tree)
        #expect(scope.coversTenant(.manageUsers))
        #expect(Permission.allCases.filter { $0 != .amplify }.allSatisfy { scope.allows($0, on: kel) })
        // Tasks to share official posts are for ASN, not for the koordinator.
        #expect(!scope.allows(.amplify, on: kel))
        #expect(scope.canManageUser(memberOf: []))
    }

    @Test func nobodyGrantsMoreThanTheyHold() {
        let admin = AccessScope(grants: [.init(unitID: dinkes, role: .unitAdmin)], tree: tree)
        #expect(admin.canGrant(.operator, on: bagian))
        #expect(!admin.canGrant(.supervisor, on: dinkes))
        #expect(!admin.canGrant(.operator, on: disdik))
        #expect(admin.canManageUser(memberOf: [dinkes, bagian]))
        #expect(!admin.canManageUser(memberOf: [dinkes, disdik]))
        #expect(admin.canViewUser(memberOf: [dinkes, disdik]))
        #expect(!admin.canManageUser(memberOf: []))
        let viewer = AccessScope(grants: [.init(unitID: root, role: .viewer)], tree: tree)
        #expect(!viewer.canGrant(.viewer, on: root))
    }

    @Test func grantsOnUnknownUnitsCoverNothing() {
        let scope = AccessScope(grants: [.init(unitID: UUID(), role: .supervisor)], tree: tree)
        #expect(!scope.allowsSomewhere(.viewHome))
        #expect(scope.units(with: .viewHome).isEmpty)
    }
}
