/// The demo city's compliance data: a fictional mayoral election (names, parties and accounts
/// are invented) and the city's own pack of service-etiquette rules, the kind of tenant pack a
/// Diskominfo writes for its official accounts.
public enum DemoCompliance {
    public static let election = ElectionContest(
        name: "Pemilihan Wali Kota Tirtamaya 2027",
        validFrom: "2026-09-01",
        validUntil: "2027-03-31",
        candidates: [
            .init(number: 1, names: ["Hendra Wijaya", "Sri Rahayu"], hashtags: ["#HendraSri01", "#TirtamayaBangkit"],
                  slogans: ["Tirtamaya Bangkit"], accounts: ["hendrasri01"]),
            .init(number: 2, names: ["Bambang Prasetyo", "Nur Aini"], hashtags: ["#BambangNurAini", "#MajuBersama02"],
                  slogans: ["Maju Bersama Rakyat"], accounts: ["bambangnuraini02"]),
            .init(number: 3, names: ["Yohanes Sitompul", "Ketut Ariani"], hashtags: ["#YohanesKetut", "#TirtamayaUntukSemua"],
                  slogans: ["Tirtamaya Untuk Semua"], accounts: ["yoket03"]),
        ],
        parties: [
            .init(name: "Partai Karya Nusantara", abbreviation: "PKN"),
            .init(name: "Partai Bintang Rakyat", abbreviation: "PBR"),
            .init(name: "Partai Harapan Bangsa", abbreviation: "PHB"),
            .init(name: "Partai Suara Desa", abbreviation: "PSD"),
        ]
    )

    static let etiquetteCitation = "Pedoman Etika Pelayanan Media Sosial Pemerintah Kota Tirtamaya"

    public static let etiquettePack = RulePack(
        id: "etika-pelayanan",
        name: "Etika Pelayanan Tirtamaya",
        regulation: etiquetteCitation,
        summary: "Akun resmi tidak boleh memaki, merendahkan warga, atau menjanjikan layanan di luar prosedur (pungutan liar).",
        rules: [
            ComplianceRule(
                id: "etika.kata-kasar", title: "Kata kasar atau makian", severity: .block,
                explanation: "Akun resmi wajib santun; makian dan kata kasar tidak boleh dipakai dalam unggahan maupun balasan (\(etiquetteCitation)).",
                terms: ["=goblok", "=goblog", "=tolol", "=bego", "=begok", "=idiot", "=bangsat", "=bajingan", "=kampret", "=bacot",
                        "=brengsek", "=keparat", "=sialan", "=tai", "=taik", "=jancok", "=jancuk",
                        "=dasar bodoh", "=warga bodoh", "=bodoh amat", "=anjing lu", "=anjing lo",
                        "=anjing kau", "=anjing kamu", "=dasar anjing", "=anjing penjilat", "=anjing kalian", "=otak udang", "=tidak punya otak", "=kurang ajar",
                        "=kampungan", "=udik", "=mampus", "=bego banget"]),
            ComplianceRule(
                id: "etika.merendahkan", title: "Merendahkan warga", severity: .block,
                explanation: "Balasan akun resmi tidak boleh merendahkan atau menyalahkan warga; jawab dengan informasi dan arahkan ke layanan (\(etiquetteCitation)).",
                terms: ["=makanya baca", "=baca dong", "=mikir dong", "=pakai otak", "=warga ngeyel", "=warga bebal", "=dasar warga",
                        "=dasar kalian", "=rakyat jelata", "=sok tahu", "=urus sendiri", "=bukan urusan kami", "=salah sendiri",
                        "=derita kamu", "=bawel", "=cerewet", "=banyak bacot", "=jangan manja", "=dasar tukang protes",
                        "=tukang komplain", "=sok pintar", "=sok kritis", "=ngeyel", "=belagu", "=tidak pernah sekolah",
                        "=bodoh kok dipelihara", "=salah anda sendiri", "=tidak usah sok", "=bukan siapa-siapa",
                        "=percuma dijelaskan", "=susah diajak maju", "=sudah tua kok", "=tidak mengerti juga", "=warga miskin kok",
                        "=kok belagu", "=tahu diri dong", "=jangan sok", "=urus saja dapurmu", "=dapurmu sendiri",
                        "=dasar orang kampung", "=baca saja tidak bisa", "=lebay", "=mengeluh doang", "=ngeluh doang",
                        "=jangan harap dilayani", "=panti sosial", "=bikin repot petugas", "=kalian ini komplain terus"]),
            ComplianceRule(
                id: "etika.pungli", title: "Menjanjikan layanan di luar prosedur", severity: .block,
                explanation: "Layanan tidak boleh dipercepat dengan imbalan atau jalur khusus; itu pungutan liar (\(etiquetteCitation); Perpres 87/2016 tentang Satgas Saber Pungli).",
                terms: ["=uang rokok", "=uang pelicin", "=pelicin", "=uang kopi", "=uang terima kasih", "=jalur belakang",
                        "=jalur khusus", "=bisa diatur", "=asal ada uang", "=titip uang", "=salam tempel", "=amplop",
                        "=calo", "=di bawah meja", "=biaya tambahan", "=uang lelah", "=uang jasa", "=bisa dipercepat asal",
                        "=bisa dibeli", "=dipanggil duluan", "=biaya koordinasi", "=kenalkan orang dalam", "=tanda terima kasih",
                        "=kontribusi sukarela", "=setor", "=persen dulu", "=kenalan di dinas", "=ada biaya", "=jalur belakang",
                        "=lewat belakang"]),
            ComplianceRule(
                id: "etika.pungli-nominal", title: "Meminta uang untuk mempercepat layanan", severity: .block,
                explanation: "Layanan tidak boleh dipercepat atau dilewatkan dari prosedur dengan membayar sejumlah uang; itu pungutan liar (\(etiquetteCitation); Perpres 87/2016 tentang Satgas Saber Pungli).",
                terms: ["<angka> ribu", "<angka> juta", "<angka> persen", "<angka> rb"],
                near: ["=langsung dipanggil", "=duluan", "=tidak perlu ikut", "=tidak usah antre", "=cepat keluar", "=dipercepat",
                       "=biar cepat", "=buat administrasi", "=tidak perlu tes", "=lolos", "=menang tender", "=diprioritaskan",
                       "=prioritaskan", "=saya yang urus", "=kami yang urus", "=setor", "=dulu ke kami"], window: 6),
        ]
    )
}
