import Foundation

/// The demo city's content plan: its pillars, the approval chains of two units, and a handful
/// of items at every stage, so the calendar, the approval queue and publishing have something
/// to show the moment the demo starts.
public enum DemoContent {
    public static let pillars = ["Layanan Publik", "Pembangunan", "Pariwisata & UMKM", "Klarifikasi Hoaks", "Kebencanaan"]

    /// Unit code → approval steps. Other units keep the default single approver.
    public static let policies: [(unitCode: String, steps: [Role])] = [
        ("DINKES", [.unitAdmin, .approver]),
        ("DISPAR", []),
    ]

    public enum Stage: Sendable {
        case draft
        /// Submitted; approvals given by these people (e-mail local parts), in step order.
        case inReview(approvedBy: [String])
        case rejected(comment: String)
        /// Approved by these people and due this many minutes after the demo starts.
        case scheduled(approvedBy: [String], inMinutes: Int)
        /// Approved and published this many days ago.
        case published(approvedBy: [String], daysAgo: Int)
    }

    public struct Item: Sendable {
        public let unitCode: String
        public let writer: String
        public let title: String
        public let body: String
        public let pillar: String
        public let campaign: String?
        public let segments: String?
        /// Days from today the item is planned for.
        public let plannedInDays: Int
        public let stage: Stage
        /// Platform and handle of each target account.
        public let targets: [(Platform, String)]
        public let hashtags: String
    }

    public static let items: [Item] = [
        Item(unitCode: "DISKOMINFO", writer: "dimas.aditya", title: "Jadwal layanan KTP keliling pekan ini",
             body: "Layanan perekaman KTP-el keliling hadir di Kelurahan Sukamaju hari Kamis dan di Kelurahan Tanjungsari hari Jumat, pukul 08.00–12.00. Bawa fotokopi KK. Gratis, tanpa calo.",
             pillar: "Layanan Publik", campaign: "Pelayanan Jemput Bola", segments: "warga umum, lansia", plannedInDays: 0,
             stage: .scheduled(approvedBy: ["hermawan.adiputra"], inMinutes: 3),
             targets: [(.facebook, "diskominfokotatirtamaya"), (.x, "diskominfo_tmy")], hashtags: "TirtamayaMelayani"),
        Item(unitCode: "DISKOMINFO", writer: "dimas.aditya", title: "Klarifikasi: pesan berantai bantuan tunai Rp2 juta",
             body: "Beredar pesan berantai yang meminta warga mengisi data di tautan untuk bantuan tunai Rp2 juta dari Pemkot. Pesan itu tidak benar. Pemkot tidak pernah meminta data pribadi lewat tautan. Informasi bantuan resmi hanya di kanal resmi Pemkot Tirtamaya.",
             pillar: "Klarifikasi Hoaks", campaign: nil, segments: "warga umum", plannedInDays: 1,
             stage: .inReview(approvedBy: []),
             targets: [(.facebook, "diskominfokotatirtamaya"), (.x, "diskominfo_tmy"), (.facebook, "tirtamayacekfakta")], hashtags: "CekFakta"),
        Item(unitCode: "DINKES", writer: "anisa.fitriani", title: "Imunisasi anak di posyandu bulan Desember",
             body: "Bulan Desember posyandu di seluruh kelurahan membuka layanan imunisasi dasar lengkap untuk anak usia 0–2 tahun. Bawa buku KIA. Cek jadwal posyandu terdekat di kantor kelurahan.",
             pillar: "Layanan Publik", campaign: "Bulan Imunisasi Anak", segments: "orang tua, ibu hamil", plannedInDays: 3,
             stage: .inReview(approvedBy: ["ayu.lestari"]),
             targets: [(.facebook, "dinkeskotatirtamaya"), (.x, "dinkes_tmy")], hashtags: "AyoImunisasi"),
        Item(unitCode: "DISPAR", writer: "intan.permata", title: "Festival Kuliner Tepi Sungai akhir pekan",
             body: "Festival Kuliner Tepi Sungai kembali digelar Sabtu–Minggu di Taman Kota. Lebih dari 80 pelaku UMKM menyajikan kuliner khas Tirtamaya. Masuk gratis.",
             pillar: "Pariwisata & UMKM", campaign: "Bangga Produk Tirtamaya", segments: "wisatawan, pelaku UMKM, keluarga", plannedInDays: 5,
             stage: .draft, targets: [(.facebook, "disparkotatirtamaya")], hashtags: "FestivalKuliner WisataTirtamaya"),
        Item(unitCode: "DISKOMINFO", writer: "dimas.aditya", title: "Rekap perbaikan jalan lingkungan triwulan III",
             body: "Sepanjang Juli–September, 42 ruas jalan lingkungan sepanjang 18,6 km selesai diperbaiki. Laporkan jalan rusak di lingkungan Anda lewat kanal aduan resmi.",
             pillar: "Pembangunan", campaign: nil, segments: "warga umum", plannedInDays: -3,
             stage: .published(approvedBy: ["hermawan.adiputra"], daysAgo: 3),
             targets: [(.facebook, "diskominfokotatirtamaya")], hashtags: "TirtamayaMembangun"),
        Item(unitCode: "BPBD", writer: "bayu.kurniawan", title: "Siaga banjir: nomor darurat BPBD",
             body: "Musim hujan tiba. Simpan nomor darurat BPBD dan pantau informasi cuaca.",
             pillar: "Kebencanaan", campaign: "Siaga Musim Hujan", segments: "warga bantaran sungai", plannedInDays: 2,
             stage: .rejected(comment: "Cantumkan nomor darurat dan lokasi posko pengungsian sebelum diajukan lagi."),
             targets: [(.facebook, "bpbdkotatirtamaya"), (.x, "bpbd_tmy")], hashtags: "SiagaBanjir"),
    ]

    /// One amplification task on the published road-works post, sent to every ASN in the city,
    /// so the demo's Amplifikasi page fills up as the Sandbox's staff share the post.
    public struct Amplification: Sendable {
        public let itemTitle: String
        public let createdBy: String
        public let caption: String
        public let hoursToDeadline: Int
    }

    public static let amplification = Amplification(
        itemTitle: "Rekap perbaikan jalan lingkungan triwulan III", createdBy: "sri.wahyuni",
        caption: "Jalan lingkungan kita makin baik: 42 ruas sudah diperbaiki. Yuk bagikan, dan laporkan jalan rusak lewat kanal aduan resmi. #TirtamayaMembangun",
        hoursToDeadline: 48)
}
