import Foundation
import Plot
import SimpulCore

/// The words content pages use for statuses and refused moves.
extension L10n {
    func contentStatus(_ status: ContentStatus) -> String {
        switch status {
        case .draft: t("Draf", "Draft")
        case .inReview: t("Menunggu tinjauan", "In review")
        case .approved: t("Disetujui", "Approved")
        case .scheduled: t("Terjadwal", "Scheduled")
        case .publishing: t("Sedang terbit", "Publishing")
        case .published: t("Terbit", "Published")
        case .failed: t("Gagal terbit", "Failed")
        case .rejected: t("Ditolak", "Rejected")
        }
    }

    func variantStatus(_ status: ContentVariantModel.Status) -> String {
        switch status {
        case .pending: t("Belum dijadwalkan", "Not scheduled")
        case .scheduled: t("Terjadwal", "Scheduled")
        case .publishing: t("Sedang terbit", "Publishing")
        case .published: t("Terbit", "Published")
        case .failed: t("Gagal terbit", "Failed")
        }
    }

    func denial(_ denial: WorkflowDenial) -> String {
        switch denial {
        case .notInThisState(let status):
            t("Tindakan ini tidak dapat dilakukan pada konten berstatus \(contentStatus(status).lowercased()).",
              "This cannot be done to content that is \(contentStatus(status).lowercased()).")
        case .notPermitted:
            t("Anda tidak berwenang melakukan ini pada konten unit ini.", "You may not do this to this unit's content.")
        case .needsRole(let role):
            t("Langkah persetujuan ini memerlukan peran \(self.role(role).lowercased()) pada unit konten.",
              "This approval step needs the \(self.role(role).lowercased()) role on the content's unit.")
        case .ownWork:
            t("Anda tidak dapat menyetujui konten yang Anda tulis atau ajukan sendiri.", "You cannot approve content you wrote or submitted.")
        case .alreadyApproved:
            t("Anda sudah menyetujui langkah sebelumnya; langkah ini perlu orang lain.", "You approved an earlier step; this one needs someone else.")
        case .commentRequired(let min):
            t("Tulis alasan penolakan, minimal \(min) karakter.", "Write why it is rejected, at least \(min) characters.")
        case .inThePast:
            t("Waktu terbit sudah lewat; pilih waktu yang akan datang.", "That time has passed; choose a time in the future.")
        case .systemOnly:
            t("Hanya penerbit otomatis Simpul yang dapat melakukan ini.", "Only Simpul's publisher can do this.")
        }
    }
}

enum ContentBadges {
    static func status<C: HTML.BodyContext>(_ status: ContentStatus, _ l: L10n) -> Node<C> {
        let tone: UI.Tone = switch status {
        case .draft: .muted
        case .inReview, .scheduled, .publishing: .warn
        case .approved, .published: .ok
        case .failed, .rejected: .danger
        }
        return UI.badge(l.contentStatus(status), tone: tone)
    }

    static func variant<C: HTML.BodyContext>(_ status: ContentVariantModel.Status, _ l: L10n) -> Node<C> {
        let tone: UI.Tone = switch status {
        case .pending: .muted
        case .scheduled, .publishing: .warn
        case .published: .ok
        case .failed: .danger
        }
        return UI.badge(l.variantStatus(status), tone: tone)
    }
}
