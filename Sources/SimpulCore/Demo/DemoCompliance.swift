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
                        "=kampungan", "=udik", "=mampus", "=bego banget", "=otaknya di mana", "=otakmu di mana"]),
            // The slang list maps "anjir", "anjay" and "anjrit" to "anjing": an animal name said
            // as an oath is profanity, except where the text is about animals.
            ComplianceRule(
                id: "etika.umpatan-hewan", title: "Umpatan dengan nama hewan", severity: .block,
                explanation: "Akun resmi wajib santun; umpatan seperti \"anjing\" atau \"anjir\" tidak boleh dipakai dalam unggahan maupun balasan (\(etiquetteCitation)).",
                terms: ["=anjing", "=babi", "=monyet", "=kunyuk"],
                unless: ["vaksin", "=vaksinasi", "=rabies", "=kucing", "=peliharaan", "hewan", "=satwa", "ternak", "=daging", "=gigit",
                         "=digigit", "=gigitan", "=liar", "=kandang", "=steril", "=sterilisasi", "=pakan", "=flu", "=kebun binatang",
                         "=bksda", "=keswan", "=pemilik", "=kurban", "=dokter hewan"]),
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
                        "=jangan harap dilayani", "=panti sosial", "=bikin repot petugas", "=kalian ini komplain terus",
                        "=dasar tukang", "=gaptek", "=sudah tua masih", "=pakai mata", "=punya mata", "=tidak melayani orang yang",
                        "=tutup mulut", "=orang-orang malas", "=susah diatur", "=pulang sana", "=kamu itu siapa",
                        "=memangnya kamu siapa", "=siapa kamu", "=kalian pikir", "=begitu saja tidak bisa", "=gitu saja tidak bisa"]),
            // "Kalau tidak mampu bayar ya jangan jualan": a condition that sends the citizen away.
            ComplianceRule(
                id: "etika.mengusir-warga", title: "Menyuruh warga pergi atau menyerah", severity: .block,
                explanation: "Balasan akun resmi tidak boleh menyuruh warga pergi atau berhenti meminta layanan karena keadaannya; jelaskan syarat dan jalan keluarnya (\(etiquetteCitation)).",
                terms: ["=kalau tidak mampu", "=kalau tidak bisa", "=kalau tidak mau", "=kalau tidak sanggup", "=tidak mampu ya",
                        "=tidak bisa ya", "=tidak mau ya"],
                near: ["=ya jangan", "=jangan", "=ya sudah", "=pulang", "=urus sendiri", "=simpel kan", "=gampang kan"], window: 6,
                negatable: false),
            ComplianceRule(
                id: "etika.pungli", title: "Menjanjikan layanan di luar prosedur", severity: .block,
                explanation: "Layanan tidak boleh dipercepat dengan imbalan atau jalur khusus; itu pungutan liar (\(etiquetteCitation); Perpres 87/2016 tentang Satgas Saber Pungli).",
                terms: ["=uang rokok", "=uang pelicin", "=pelicin", "=uang kopi", "=uang terima kasih", "=jalur belakang",
                        "=jalur khusus", "=bisa diatur", "=asal ada uang", "=titip uang", "=salam tempel", "=amplop",
                        "=calo", "=di bawah meja", "=biaya tambahan", "=uang lelah", "=uang jasa", "=bisa dipercepat asal",
                        "=bisa dibeli", "=dipanggil duluan", "=biaya koordinasi", "=kenalkan orang dalam", "=tanda terima kasih",
                        "=kontribusi sukarela", "=setor", "=persen dulu", "=kenalan di dinas", "=ada biaya", "=jalur belakang",
                        "=lewat belakang"]),
            // An offer to pay a person, not the office ("titipkan ke saya", "seikhlasnya", "uang
            // transport"), next to a service sped up or skipped, is how pungli is worded.
            ComplianceRule(
                id: "etika.pungli-pribadi", title: "Menawarkan layanan lewat jalur pribadi berbayar", severity: .block,
                explanation: "Layanan tidak boleh dipercepat atau dilewatkan dari prosedur lewat petugas dengan imbalan pribadi; itu pungutan liar (\(etiquetteCitation); Perpres 87/2016 tentang Satgas Saber Pungli).",
                terms: ["=ke saya", "=lewat saya", "=sama saya", "=melalui saya", "=hubungi saya", "=titip", "=titipkan",
                        "=buat petugas", "=untuk petugas", "=buat anak-anak", "=seikhlasnya", "=bicarakan di luar", "=uang transport",
                        "=uang bensin", "=uang makan", "=selipkan", "=cepek", "=lima puluh saja", "<angka> ribu", "<angka> juta",
                        "<angka> rb"],
                near: ["=cepat jadi", "=cepat keluar", "=cepat selesai", "=didahulukan", "=duluan", "=tidak perlu antre",
                       "=tanpa antre", "=tidak usah antre", "=tidak perlu survei", "=tidak perlu tes", "=beres", "=terbit",
                       "=langsung jadi", "=jalur khusus", "=lolos", "=nomor antrean awal", "=belakang gedung", "=dipercepat",
                       "=mau cepat", "=biar cepat", "=saya urus", "=saya bantu urus", "=bisa lewat"], window: 12,
                acrossSentences: true),
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
