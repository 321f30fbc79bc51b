import SimpulCore

extension L10n {
    func caseStatus(_ status: CaseStatus) -> String {
        switch status {
        case .open: t("Terbuka", "Open")
        case .coordinating: t("Koordinasi", "Coordinating")
        case .responding: t("Penanganan", "Responding")
        case .monitoring: t("Pemantauan", "Monitoring")
        case .closed: t("Selesai", "Closed")
        }
    }

    func caseOrigin(_ origin: CaseOrigin) -> String {
        switch origin {
        case .manual: t("Dibuka manual", "Opened by hand")
        case .message: t("Dari pesan", "From a message")
        case .alert: t("Dari peringatan lonjakan", "From a spike alert")
        case .hoaxMatch: t("Dari kecocokan hoaks", "From a hoax match")
        case .accountAlert: t("Dari lonjakan pada akun", "From an account surge")
        }
    }
}

extension CaseStatus {
    var tone: UI.Tone {
        switch self {
        case .open: .warn
        case .coordinating, .responding: .ok
        case .monitoring, .closed: .muted
        }
    }
}
