public enum Platform: String, CaseIterable, Codable, Sendable {
    case instagram
    case facebook
    case x
    case youtube
    case tiktok
    case whatsapp

    /// The platform's own name, shown to people; never a colour or icon alone.
    public var displayName: String {
        switch self {
        case .instagram: "Instagram"
        case .facebook: "Facebook"
        case .x: "X"
        case .youtube: "YouTube"
        case .tiktok: "TikTok"
        case .whatsapp: "WhatsApp"
        }
    }
}

public enum AccountKind: String, CaseIterable, Codable, Sendable {
    case official
    case staff
}

public enum AccountStatus: String, CaseIterable, Codable, Sendable {
    case connected
    case needsReconnect
    case disconnected
}
