/// The roles the field knows (DOMAIN.md): koordinator, admin penghubung, operator, pimpinan, ASN.
public enum Role: String, CaseIterable, Codable, Sendable {
    case supervisor
    case unitAdmin
    case `operator`
    case approver
    case viewer
    case staff
}
