import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// The interface language. Bahasa Indonesia is the default; English comes through the switch.
enum Language: String, Sendable {
    case id, en

    static let cookieName = "simpul_lang"

    static func of(_ req: Request) -> Language {
        if let chosen = Language(rawValue: req.cookies[cookieName]?.string ?? "") { return chosen }
        // API clients say what they read through Accept-Language. Browsers send it too, but the
        // web UI stays Indonesian until the person chooses English with the switch.
        guard req.url.path.hasPrefix("/api/") else { return .id }
        let accept = req.headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        return accept.hasPrefix("en") ? .en : .id
    }
}

/// Text for one request: every string the UI shows is written here or at its call site as an
/// (Indonesian, English) pair, so the two never drift apart.
struct L10n: Sendable {
    let language: Language
    let zone: TimeZone

    func t(_ id: String, _ en: String) -> String { language == .en ? en : id }

    func number(_ value: Int) -> String {
        language == .en ? value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) : IndonesianFormat.number(value)
    }

    /// A fraction with `digits` decimals, with the decimal comma in Indonesian.
    func decimal(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    func dateTime(_ date: Date) -> String { IndonesianFormat.dateTime(date, zone: zone, english: language == .en) }

    func role(_ role: Role) -> String {
        switch role {
        case .supervisor: t("Koordinator", "Supervisor")
        case .unitAdmin: t("Admin unit", "Unit admin")
        case .operator: t("Operator", "Operator")
        case .approver: t("Penyetuju", "Approver")
        case .viewer: t("Pemantau", "Viewer")
        case .staff: t("Staf (ASN)", "Staff (civil servant)")
        }
    }

    func unitKind(_ kind: UnitKind) -> String {
        switch kind {
        case .pemda: t("Pemerintah daerah", "Regional government")
        case .opd: t("OPD / Dinas", "Department (OPD)")
        case .badan: t("Badan", "Agency (badan)")
        case .bagian: t("Bagian", "Section (bagian)")
        case .kecamatan: t("Kecamatan", "District (kecamatan)")
        case .kelurahan: t("Kelurahan", "Urban village (kelurahan)")
        case .desa: t("Desa", "Village (desa)")
        }
    }

    func accountKind(_ kind: AccountKind) -> String {
        switch kind {
        case .official: t("Akun resmi", "Official account")
        case .staff: t("Akun staf", "Staff account")
        }
    }

    func accountStatus(_ status: AccountStatus) -> String {
        switch status {
        case .connected: t("Tersambung", "Connected")
        case .needsReconnect: t("Perlu sambungkan ulang", "Needs reconnect")
        case .disconnected: t("Tidak tersambung", "Disconnected")
        }
    }

    func messageKind(_ kind: MessageKind) -> String {
        switch kind {
        case .comment: t("Komentar", "Comment")
        case .mention: "Mention"
        case .dm: "DM"
        case .reply: t("Balasan", "Reply")
        case .status: "Status"
        case .reaction: t("Reaksi", "Reaction")
        case .share: t("Bagikan", "Share")
        case .unknown: t("Tak dikenal", "Unknown")
        }
    }

    /// One sentence per problem, naming the field as its label reads ("Email belum diisi").
    func issue(_ issue: FieldIssue, label: String) -> String {
        switch issue {
        case .required: t("\(label) belum diisi", "\(label) is required")
        case .tooLong(let max): t("\(label) terlalu panjang (maksimal \(max) karakter)", "\(label) is too long (at most \(max) characters)")
        case .tooShort(let min): t("\(label) terlalu pendek (minimal \(min) karakter)", "\(label) is too short (at least \(min) characters)")
        case .invalidEmail: t("\(label) bukan alamat email yang benar", "\(label) is not a valid e-mail address")
        case .invalidNIP: t("NIP harus 18 angka dengan tanggal lahir dan kode jenis kelamin yang benar", "NIP must be 18 digits with a valid birth date and gender code")
        case .invalidPhone: t("Nomor telepon tidak dikenali (contoh: 0812 3456 7890)", "Phone number not recognised (e.g. 0812 3456 7890)")
        case .invalidHandle: t("\(label) berisi karakter yang tidak dipakai platform ini", "\(label) has characters this platform does not allow")
        case .invalidCode: t("Kode hanya boleh huruf besar, angka dan tanda hubung", "Code may only contain capital letters, digits and hyphens")
        case .invalidCharacters: t("\(label) berisi karakter kendali yang tidak diizinkan", "\(label) contains control characters")
        case .invalidChoice: t("Pilihan \(label) tidak dikenal", "Unknown choice for \(label)")
        case .notANumber: t("\(label) harus berupa angka", "\(label) must be a number")
        case .outOfRange(let min, let max): t("\(label) harus antara \(number(min)) dan \(number(max))", "\(label) must be between \(number(min)) and \(number(max))")
        case .unknownUnit: t("Unit kerja tidak ditemukan atau di luar cakupan Anda", "Unit not found or outside your scope")
        case .unknownUser: t("Pengguna tidak ditemukan atau di luar cakupan Anda", "User not found or outside your scope")
        case .duplicate: t("\(label) sudah dipakai", "\(label) is already in use")
        case .ownerRequired: t("Akun staf harus punya pemilik", "A staff account needs an owner")
        case .ownerNotAllowed: t("Akun resmi tidak punya pemilik perorangan", "An official account has no personal owner")
        case .parentRequired: t("Unit induk belum dipilih", "Choose a parent unit")
        case .unknownParent: t("Unit induk tidak ditemukan atau di luar cakupan Anda", "Parent unit not found or outside your scope")
        case .kindConflictsWithChildren: t("Jenis ini tidak bisa membawahi unit yang sudah ada di bawahnya; pindahkan dulu unit-unit tersebut", "This kind cannot hold the units already under it; move them first")
        case .topUnitStaysActive: t("Unit teratas instansi tidak bisa dinonaktifkan", "The tenant's top unit cannot be deactivated")
        case .unitStillInUse(let units, let accounts):
            units > 0 ? t("Masih ada \(units) unit aktif di bawahnya; nonaktifkan atau pindahkan dulu", "\(units) active units still sit under it; deactivate or move them first")
                      : t("Masih ada \(accounts) akun aktif di unit ini; nonaktifkan atau pindahkan dulu", "\(accounts) active accounts still belong to it; deactivate or move them first")
        case .parentInactive: t("Unit induknya nonaktif; aktifkan unit induk lebih dulu", "Its parent is inactive; reactivate the parent first")
        case .cycle: t("Unit tidak bisa ditempatkan di bawah dirinya sendiri", "A unit cannot sit under itself")
        case .secondRoot: t("Instansi ini sudah punya unit pemerintah daerah", "This tenant already has a regional government unit")
        case .kindNotAllowed(let parent): t("Jenis ini tidak bisa berada di bawah \(unitKind(parent))", "This kind cannot sit under \(unitKind(parent))")
        case .mismatch: t("Konfirmasi kata sandi tidak sama", "Password confirmation does not match")
        case .wrongPassword: t("Kata sandi saat ini salah", "Current password is wrong")
        case .notPermitted: t("Anda tidak berwenang memberi peran ini pada unit tersebut", "You may not grant this role on that unit")
        case .selfGrant: t("Anda tidak bisa memberi peran kepada diri sendiri; minta pengelola lain untuk memberikannya", "You cannot grant a role to yourself; ask another administrator")
        case .invalidLink: t("\(label) harus alamat web lengkap yang diawali https:// atau http://", "\(label) must be a full web address starting with https:// or http://")
        case .tooMany(let max): t("\(label) terlalu banyak (maksimal \(max))", "\(label): too many (at most \(max))")
        case .explained(let text): text
        }
    }
}

extension Request {
    var l10n: L10n {
        L10n(language: Language.of(self), zone: principal?.tenant.zone ?? TimeZone(identifier: "Asia/Jakarta")!)
    }
}
