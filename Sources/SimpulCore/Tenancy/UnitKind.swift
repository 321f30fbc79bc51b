/// The levels of a regional government's organisation, from the pemda down to the village.
public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case pemda
    case opd
    case badan
    case bagian
    case kecamatan
    case kelurahan
    case desa

    /// Which kinds may sit directly under this one. The tree follows how a pemda is actually
    /// organised: departments and districts report to the pemda, villages to their district.
    public var allowedChildren: Set<UnitKind> {
        switch self {
        case .pemda: [.opd, .badan, .bagian, .kecamatan]
        case .opd, .badan: [.bagian]
        case .bagian: []
        case .kecamatan: [.kelurahan, .desa]
        case .kelurahan, .desa: []
        }
    }

    public var isRootKind: Bool { self == .pemda }
}
