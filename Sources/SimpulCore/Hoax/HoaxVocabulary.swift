/// General knowledge of Indonesian that the hoax matcher needs beyond the normaliser: words that
/// carry no claim (function words, the chatter of forwarded messages), groups of words that name
/// the same thing, number words, and the words of a refutation. Written as ordinary words; the
/// register stems them with its own analyzer, so the lists never depend on the stemmer's output.
///
/// Kept apart from the evaluation set on purpose: a word belongs here because it is general
/// Indonesian, never because one labelled text needs it.
public struct HoaxVocabulary: Sendable {
    public var stopwords: [String]
    /// Each group: the first phrase is the canonical term, the rest mean the same.
    public var synonymGroups: [[String]]
    public var numberWords: [String: Int]
    /// Words that, with a number before them, multiply it: "3,5 juta", "15 rb".
    public var multipliers: [String: Double]
    /// Words that turn a text into a refutation: a fact-check's verdict.
    public var refutationWords: [String]
    /// Phrases that do the same: "tidak benar".
    public var refutationPhrases: [[String]]
    /// A negator before a word (same clause) makes the word negated. Formal spellings only; the
    /// normaliser maps "gak", "nggak" and "tdk" onto "tidak", and the source text tells them apart.
    public var negators: [String]
    /// Units that "se-" counts once: "sebulan" is "1 bulan", "sehari" "1 hari".
    public var countedUnits: [String]

    public init(stopwords: [String], synonymGroups: [[String]], numberWords: [String: Int], multipliers: [String: Double],
                refutationWords: [String], refutationPhrases: [[String]], negators: [String], countedUnits: [String]) {
        self.stopwords = stopwords
        self.synonymGroups = synonymGroups
        self.numberWords = numberWords
        self.multipliers = multipliers
        self.refutationWords = refutationWords
        self.refutationPhrases = refutationPhrases
        self.negators = negators
        self.countedUnits = countedUnits
    }

    public static let standard = HoaxVocabulary(
        stopwords: functionWords + chatter,
        synonymGroups: synonyms,
        numberWords: [
            "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
            "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 1_000_000,
        ],
        multipliers: ["ribu": 1_000, "rb": 1_000, "rebu": 1_000, "juta": 1_000_000, "jt": 1_000_000,
                      "miliar": 1_000_000_000, "milyar": 1_000_000_000],
        refutationWords: ["hoaks", "hoax", "hoaxs", "hoks", "disinformasi", "misinformasi", "klarifikasi", "menyesatkan",
                          "turnbackhoax", "cekfakta", "bohong", "dusta", "penipuan"],
        refutationPhrases: [["tidak", "benar"], ["tak", "benar"], ["bukan", "fakta"], ["cek", "fakta"], ["informasi", "keliru"],
                            ["dipastikan", "aman"], ["hasil", "suntingan"], ["adalah", "palsu"], ["itu", "palsu"],
                            ["dipastikan", "palsu"], ["dipastikan", "tidak"], ["tidak", "pernah"], ["bukan", "akun", "resmi"],
                            ["akun", "parodi"], ["dalam", "kondisi", "aman"]],
        negators: ["tidak", "tak", "bukan", "belum", "tiada"],
        countedUnits: ["hari", "minggu", "pekan", "bulan", "tahun", "jam", "kilo", "liter", "keping", "kali", "karung"]
    )

    // The common grammatical words of written and chatty Indonesian.
    static let functionWords = [
        "yang", "dan", "atau", "di", "ke", "dari", "pada", "dalam", "untuk", "buat", "bagi", "dengan", "sama", "oleh",
        "ini", "itu", "tersebut", "sini", "situ", "sana", "adalah", "ialah", "merupakan", "yaitu", "yakni",
        "akan", "bakal", "mau", "hendak", "sedang", "lagi", "sudah", "telah", "pernah", "masih", "juga",
        "saja", "aja", "pun", "lah", "kah", "pula", "hanya", "cuma", "doang", "sangat", "banget", "amat", "sekali",
        "agar", "supaya", "biar", "karena", "sebab", "gara", "gara-gara", "soalnya", "makanya", "sehingga", "jadi",
        "kalau", "jika", "bila", "apabila", "kalo", "ketika", "saat", "waktu", "sejak", "sampai", "hingga", "sebelum",
        "selama", "mulai", "sepanjang", "sebanyak", "sebanyak-banyaknya", "melalui", "lewat", "via", "menurut",
        "sesudah", "setelah", "lalu", "kemudian", "terus", "trus", "lalu", "bahwa", "kata", "katanya",
        "ada", "tidak", "tak", "bukan", "belum", "jangan", "enggak", "nggak",
        "saya", "aku", "kami", "kita", "kamu", "anda", "kalian", "dia", "ia", "beliau", "mereka", "nya", "mu", "ku",
        "apa", "siapa", "mana", "kapan", "bagaimana", "gimana", "mengapa", "kenapa", "berapa",
        "semua", "seluruh", "segala", "setiap", "tiap", "para", "sebuah", "seorang", "suatu", "beberapa", "banyak",
        "bisa", "dapat", "boleh", "harus", "wajib", "perlu", "mesti", "ingin", "diminta", "minta",
        "sih", "dong", "deh", "kok", "ya", "yah", "nih", "tuh", "loh", "lho", "kan", "kah", "mah", "wkwk", "wkwkwk",
        "hehe", "haha", "gaes", "guys", "gais", "woy", "woi", "min", "admin", "kak", "bang", "pak", "bu", "ibu", "bapak",
        "rp", "persen", "pukul", "jam", "tanggal", "tgl", "per", "se", "nomor", "no",
        "ya", "allah", "astaghfirullah", "innalillahi", "alhamdulillah", "assalamualaikum", "mohon", "tolong", "silakan",
    ]

    // What forwarded messages wrap around a claim: urgency, sources, calls to pass it on.
    static let chatter = [
        "info", "informasi", "kabar", "berita", "pesan", "pengumuman", "pemberitahuan", "penting", "terbaru", "terkini",
        "breaking", "news", "valid", "resmi", "darurat", "peringatan", "waspada", "hati-hati", "awas",
        "sebarkan", "viralkan", "bagikan", "share", "teruskan", "forward", "copas", "kirim", "sebar", "viral", "beredar",
        "dikabarkan", "disebut", "disebutkan", "dilaporkan", "diberitakan", "katanya", "konon", "denger", "dengar",
        "grup", "group", "sebelah", "kontak", "keluarga", "teman", "kawan", "tetangga",
        "segera", "buruan", "cepat", "secepatnya", "sekarang", "langsung", "cek", "baca", "lihat", "liat", "simak",
        "semoga", "bermanfaat", "terima", "kasih", "atas", "perhatian", "perhatiannya", "doa", "doanya",
        "parah", "ngeri", "gila", "kejam", "tega", "serem", "lumayan", "beneran", "asli", "fakta",
    ]

    // Words and phrases for the same thing in government and everyday Indonesian.
    static let synonyms: [[String]] = [
        ["listrik", "setrum", "strom", "pln", "aliran listrik"],
        ["padam", "mati", "pemadaman", "byarpet"],
        ["bansos", "bantuan sosial"],
        ["blt", "bantuan langsung tunai"],
        ["bpnt", "bantuan pangan non tunai", "sembako"],
        ["lpg", "elpiji", "gas melon", "tabung gas"],
        ["bbm", "bahan bakar minyak", "bahan bakar", "bensin"],
        ["uang", "duit", "fulus", "dana"],
        ["gratis", "cuma-cuma", "free", "percuma"],
        ["rekening", "rekening bank", "norek"],
        ["bayar", "setor", "transfer", "membayar", "menyetor"],
        ["biaya", "ongkos", "pungutan"],
        ["harga", "tarif"],
        ["naik", "melonjak", "meroket", "kenaikan"],
        ["tunda", "undur", "mundur", "penundaan"],
        ["henti", "stop", "setop", "distop", "hentikan"],
        ["tutup", "penutupan"],
        ["lowongan", "loker", "rekrutmen", "penerimaan pegawai"],
        ["pns", "cpns", "asn", "pegawai negeri", "pegawai negeri sipil", "calon pegawai negeri sipil"],
        ["formulir", "form", "borang"],
        ["tautan", "link", "pranala"],
        ["warga", "masyarakat", "penduduk", "rakyat"],
        ["pemkot", "pemerintah kota"],
        ["pemkab", "pemerintah kabupaten"],
        ["walikota", "wali kota", "wako"],
        ["disdik", "dinas pendidikan", "dindik"],
        ["dinkes", "dinas kesehatan"],
        ["dinsos", "dinas sosial"],
        ["disdukcapil", "dukcapil", "dinas kependudukan dan pencatatan sipil"],
        ["ktp", "ktp-el", "e-ktp", "ktp el", "ktp elektronik", "kartu tanda penduduk"],
        ["stnk", "surat tanda nomor kendaraan"],
        ["kpu", "komisi pemilihan umum"],
        ["pilkada", "pemilihan kepala daerah", "pilwalkot", "pilbup"],
        ["coblos", "pencoblosan", "pemungutan suara", "nyoblos"],
        ["paslon", "pasangan calon", "calon"],
        ["gempa", "gempa bumi", "lindu"],
        ["magnitudo", "skala richter", "sr"],
        ["banjir", "air bah", "bah"],
        ["bendungan", "dam", "waduk"],
        ["ungsi", "evakuasi", "mengungsi", "pengungsian"],
        ["letus", "erupsi", "meletus"],
        ["sungai", "kali"],
        ["kedaluwarsa", "kadaluarsa", "kedaluarsa", "kadaluwarsa", "expired"],
        ["vaksin", "vaksinasi", "imunisasi"],
        ["rumah sakit", "rs", "rsud"],
        ["obat", "ramuan", "resep"],
        ["anak", "bocah", "balita"],
        ["perempuan", "cewek", "wanita"],
        ["mandul", "tidak subur", "kemandulan"],
        ["culik", "penculik", "penculikan"],
        ["hilang", "ilang", "lenyap"],
        ["sita", "rampas", "penyitaan"],
        ["razia", "sweeping", "operasi kendaraan"],
        ["motor", "sepeda motor", "kendaraan roda dua"],
        ["tunai", "cash", "kontan"],
        ["libur", "prei", "cuti"],
        ["daring", "online", "dalam jaringan", "pjj"],
        ["sekolah", "sekolahan"],
        ["siswa", "murid", "pelajar", "peserta didik"],
        ["ortu", "orang tua", "wali murid"],
        ["minyak goreng", "migor"],
        ["antre", "antri", "antrean", "antrian"],
        ["stok", "persediaan", "pasokan"],
        ["langka", "kosong"],
        ["cemar", "tercemar", "pencemaran"],
        ["merkuri", "raksa", "air raksa"],
        ["minggu", "pekan"],
        ["hadiah", "giveaway", "doorprize"],
        ["sumbang", "sumbangan", "donasi", "iuran"],
        ["jalan layang", "flyover", "fly over"],
        ["jalan tol", "tol"],
        ["kuota", "kuota internet", "paket data"],
        ["nomor whatsapp", "whatsapp", "wa", "nomor wa"],
        ["repost", "bagikan ulang", "unggah ulang", "regram"],
        ["unggahan", "postingan", "posting", "post"],
        ["video", "rekaman"],
        ["foto", "gambar", "potret"],
        ["tes", "ujian", "test", "seleksi"],
        ["bpjs", "bpjs kesehatan", "jkn", "kis", "kartu indonesia sehat"],
        ["nik", "nomor induk kependudukan"],
        ["tsunami", "gelombang tsunami"],
        ["retak", "retakan"],
        ["jebol", "ambrol", "bobol"],
    ]
}
