import Foundation
import SimpulCore

// The words residents of the fictional Kota Tirtamaya write to their city's accounts. Lines are
// templates; `{slot}`s are filled per message (see `SandboxWriter`). All of it is invented for the
// demo; place names come from the demo catalogue.

enum SandboxTopic: String, CaseIterable, Sendable {
    case adminduk, kesehatan, pajak, perizinan, air, sampah, jalan, banjir, lalulintas, bansos, pendidikan
    case kebakaran, acara, kerja, ketertiban, umum
}

enum SandboxTone: String, CaseIterable, Sendable {
    case question, complaint, praise, hostile, hoax, chatter
}

struct SandboxTopicLines: Sendable {
    let topic: SandboxTopic
    let question: [String]
    let complaint: [String]
    let praise: [String]

    func lines(_ tone: SandboxTone) -> [String] {
        switch tone {
        case .question: question
        case .complaint: complaint
        case .praise: praise
        case .hostile, .hoax, .chatter: []
        }
    }
}

enum SandboxPlaces {
    struct Kecamatan: Sendable {
        let name: String
        let kelurahan: [String]
    }

    static let kecamatan: [Kecamatan] = {
        let units = DemoCatalog.units
        return units.filter { $0.kind == .kecamatan }.map { kec in
            let kels = units.filter { $0.kind == .kelurahan && $0.parentCode == kec.code }.map { strip($0.name, "Kelurahan ") }
            return Kecamatan(name: strip(kec.name, "Kecamatan "), kelurahan: kels.isEmpty ? [strip(kec.name, "Kecamatan ")] : kels)
        }
    }()

    static let allKelurahan: [String] = kecamatan.flatMap(\.kelurahan)

    /// The kecamatan a unit name points to ("Kecamatan Sukamaju", "Kelurahan Kauman"), if any.
    static func home(for displayName: String) -> (kecamatan: Kecamatan, kelurahan: String?)? {
        let lower = displayName.lowercased()
        for kec in kecamatan {
            if lower == "kecamatan " + kec.name.lowercased() { return (kec, nil) }
            for kel in kec.kelurahan where lower == "kelurahan " + kel.lowercased() { return (kec, kel) }
        }
        return nil
    }

    private static func strip(_ text: String, _ prefix: String) -> String {
        text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    static let streets: [String] = [
        "Jl. Merdeka", "Jl. Pahlawan", "Jl. Veteran", "Jl. Diponegoro", "Jl. Pemuda", "Jl. Kartini", "Jl. Cendrawasih",
        "Jl. Kenanga", "Jl. Melati Raya", "Jl. Flamboyan", "Jl. Kali Tirta", "Jl. Pasar Baru", "Jl. Stasiun", "Jl. Pelabuhan",
        "Jl. Perintis Kemerdekaan", "Jl. Gunung Sari Raya", "Jl. Telaga Biru", "Jl. Lingkar Selatan", "Jl. Lingkar Utara",
        "Jl. Bougenville", "Jl. Teratai", "Gg. Mawar", "Gg. Masjid", "Jl. Raya Sukamaju", "Jl. Raya Pancaran", "Jl. Banyuasri",
        "Jl. Tanjung Harapan", "Jl. Karang Tengah", "Jl. Sumber Jaya", "Jl. Bukit Indah",
    ]

    static let landmarks: [String] = [
        "SDN 2 {kel}", "Masjid Al-Ikhlas", "Pasar {kec}", "minimarket", "pom bensin", "Kantor Kelurahan {kel}",
        "Puskesmas {kec}", "Alun-alun", "Terminal Tirtamaya", "Stasiun Tirtamaya", "GOR Tirtamaya", "Taman Kota",
        "jembatan Kali Tirta", "gereja", "SMPN 4 Tirtamaya", "pangkalan ojek", "perumahan {kel} Asri", "balai warga RW 03",
    ]

    static let markets: [String] = ["Pasar Lama", "Pasar Baru Tirtamaya", "Pasar {kec}", "Pasar Ikan Tanjung Mas", "Pasar Pagi {kel}"]

    static let schools: [String] = ["SDN {n} {kel}", "SDN {n} {kec}", "SMPN {n} Tirtamaya", "SMPN {n} {kec}", "SD Inpres {kel}"]
}

enum SandboxCorpus {
    static let topics: [SandboxTopicLines] = [
        SandboxTopicLines(
            topic: .adminduk,
            question: [
                "mau tanya, bikin KTP-el baru di Kecamatan {kec} bisa langsung jadi atau harus nunggu blangko?",
                "KK saya sudah pindah alamat ke Kelurahan {kel} tapi di data online masih alamat lama. Harus ke Disdukcapil lagi atau cukup ke kelurahan?",
                "untuk bikin KIA anak syaratnya apa saja? Bisa diurus di kantor Kecamatan {kec} atau harus ke Disdukcapil?",
                "hari Sabtu Disdukcapil buka pelayanan gak ya? Saya kerja Senin sampai Jumat",
                "cara aktivasi IKD gimana ya? Verifikasi wajah di HP saya gagal terus dari kemarin",
                "syarat pindah datang dari luar kota ke Kelurahan {kel} apa saja? Perlu surat pengantar RT/RW juga?",
                "petugas jemput bola rekam KTP untuk lansia di {kel} kapan jadwalnya lagi? Ibu saya sudah susah jalan",
                "nama di akta kelahiran anak saya salah satu huruf, perbaikannya gimana dan berapa lama?",
                "ambil nomor antrean Disdukcapil bisa online? Kemarin datang jam {jam} sudah habis",
                "KTP saya hilang waktu mudik, bikin yang baru cukup bawa surat kehilangan dari polsek?",
            ],
            complaint: [
                "antrean di Disdukcapil pagi ini sampai luar gerbang, nomor antrean habis jam {jam}. Tolong tambah loketnya",
                "sudah {n} minggu akta kelahiran anak saya belum jadi juga, katanya nunggu tanda tangan kepala dinas",
                "disuruh bolak-balik {n} kali cuma buat legalisir KK. Kenapa gak bisa sekali datang langsung beres?",
                "server Disdukcapil offline lagi, sudah nunggu dari jam {jam} gak ada kepastian",
                "petugas di loket {n} Disdukcapil judes banget, ditanya baik-baik malah dibentak",
            ],
            praise: [
                "terima kasih Disdukcapil, urus akta kematian almarhum bapak cuma sehari langsung jadi",
                "pelayanan jemput bola KTP di Kelurahan {kel} kemarin sangat membantu lansia. Semoga rutin ya",
                "baru tahu sekarang KK bisa dicetak sendiri pakai kertas HVS, praktis sekali",
            ]
        ),
        SandboxTopicLines(
            topic: .kesehatan,
            question: [
                "jadwal posyandu balita di RW {rw} Kelurahan {kel} bulan ini tanggal berapa ya?",
                "Puskesmas {kec} buka 24 jam gak? Anak saya demam tinggi tengah malam",
                "BPJS saya PBI tapi tiba-tiba nonaktif, harus lapor ke Dinsos atau ke kantor BPJS dulu?",
                "imunisasi campak tambahan untuk anak SD ada jadwalnya di {sekolah}?",
                "fogging di {kel} kapan? Sudah ada {n} warga kena DBD bulan ini",
                "cek kesehatan gratis pas ulang tahun itu daftarnya di mana? Bisa di Puskesmas {kec}?",
                "poli gigi di RSUD buka hari apa saja? Perlu rujukan dari puskesmas dulu gak?",
                "vaksin HPV untuk anak kelas 5 di {sekolah} kapan jadwalnya?",
                "kalau BPJS mandiri nunggak {n} bulan, masih bisa dipakai berobat di RSUD?",
            ],
            complaint: [
                "antre di poli dalam RSUD dari jam 7 baru dipanggil jam {jam}. Pasien lansia sampai ketiduran di kursi",
                "obat di apotek RSUD sering kosong, disuruh beli di luar. Bukannya ditanggung BPJS?",
                "daftar online RSUD lewat aplikasi error terus dari kemarin, akhirnya antre manual juga",
                "dokter di Puskesmas {kec} baru datang jam {jam}, pasien sudah nunggu dari pagi",
                "ambulans ditelepon {n} kali gak diangkat, akhirnya bawa pakai motor ke IGD",
            ],
            praise: [
                "terima kasih perawat IGD RSUD, cepat dan ramah sekali menangani bapak saya semalam",
                "bidan di posyandu RW {rw} {kel} sabar banget menghadapi anak-anak, sehat selalu bu",
                "pelayanan Puskesmas {kec} sekarang jauh lebih rapi, ada nomor antrean digital",
            ]
        ),
        SandboxTopicLines(
            topic: .pajak,
            question: [
                "PBB tahun ini naik hampir dua kali lipat, dasar kenaikannya apa ya?",
                "bayar PBB bisa lewat QRIS atau m-banking? Kode bayarnya dapat dari mana?",
                "SPPT PBB rumah saya di {kel} belum dibagikan sampai sekarang, bisa dicetak sendiri?",
                "ada pemutihan denda pajak kendaraan tahun ini? Mau bayar yang nunggak {n} tahun",
                "Samsat keliling minggu ini mangkal di mana? Hari {hari} ada?",
                "pajak restoran 10% itu berlaku juga buat warung kecil di {kel}?",
            ],
            complaint: [
                "sudah bayar PBB lewat bank tapi di sistem masih tercatat nunggak. Capek bolak-balik bawa bukti",
                "tagihan PBB tanah kosong saya lebih mahal dari rumah tetangga, ini hitungannya gimana",
            ],
            praise: [
                "bayar PBB sekarang bisa lewat QRIS, cuma dua menit beres. Mantap Bapenda",
            ]
        ),
        SandboxTopicLines(
            topic: .perizinan,
            question: [
                "mau urus NIB untuk usaha katering rumahan, cukup lewat OSS atau harus datang ke DPMPTSP?",
                "sertifikat halal gratis untuk UMKM masih dibuka? Saya jualan keripik di {kel}",
                "syarat izin PBG untuk renovasi rumah 2 lantai apa saja?",
                "pelatihan UMKM dari Diskop bulan ini ada gak? Saya mau belajar jualan online",
                "bazar UMKM di Alun-alun bulan depan pendaftarannya di mana?",
            ],
            complaint: [
                "izin PBG saya sudah {n} bulan belum terbit, statusnya verifikasi terus",
                "di OSS disuruh ke dinas, di dinas disuruh balik ke OSS. Jadi yang benar yang mana?",
            ],
            praise: [
                "urus NIB di Mal Pelayanan Publik cuma 15 menit beres, petugasnya bantu sampai selesai",
                "terima kasih Diskop UMKM, sambal buatan ibu-ibu PKK {kel} sekarang sudah masuk toko oleh-oleh",
            ]
        ),
        SandboxTopicLines(
            topic: .air,
            question: [
                "air PDAM di {kel} mati dari kemarin sore, ada perbaikan pipa? Kapan normal lagi?",
                "airnya keruh kecoklatan, masih aman gak buat mandi anak?",
                "bisa minta kiriman mobil tangki air ke RT {rt} RW {rw} {kel}? Sudah {n} hari gak ngalir",
                "mau pasang sambungan baru PDAM di {kel} biayanya berapa sekarang?",
            ],
            complaint: [
                "air PDAM di {jalan} mati total tanpa pemberitahuan, warga gak bisa masak",
                "tagihan PDAM bulan ini melonjak padahal pemakaian biasa aja, meteran jarang dicek",
                "pipa bocor di depan {tempat} sudah seminggu, airnya terbuang percuma ke jalan",
                "tiap musim kemarau air di {kel} cuma ngalir tengah malam. Sampai kapan begini?",
            ],
            praise: [
                "air sudah ngalir lagi di {kel}, terima kasih petugas yang kerja sampai malam",
            ]
        ),
        SandboxTopicLines(
            topic: .sampah,
            question: [
                "jadwal angkut sampah di {kel} hari apa saja sekarang? Truknya sudah {n} hari gak lewat",
                "bank sampah di {kel} masih terima botol plastik dan kardus gak?",
                "kalau mau buang kasur bekas dan lemari rusak, bisa minta dijemput DLH?",
            ],
            complaint: [
                "sampah di TPS {jalan} numpuk sudah seminggu, baunya sampai ke rumah warga",
                "truk sampah gak lewat lagi ke {kel}, tapi iuran tetap ditarik tiap bulan",
                "ada yang buang sampah sembarangan di pinggir Kali Tirta dekat {kel} tiap malam. Tolong pasang CCTV",
                "pembakaran sampah di belakang {tempat} asapnya masuk rumah, anak saya batuk terus",
            ],
            praise: [
                "salut sama petugas kebersihan yang tetap kerja subuh-subuh walau hujan deras",
                "taman di {kel} sekarang bersih dan wangi, terima kasih DLH",
            ]
        ),
        SandboxTopicLines(
            topic: .jalan,
            question: [
                "perbaikan jalan di {jalan} jadi dikerjakan tahun ini gak? Sudah masuk usulan musrenbang",
                "lapor jalan rusak itu lewat mana yang paling cepat ditanggapi?",
            ],
            complaint: [
                "jalan di {jalan} depan {tempat} berlubang besar, sudah ada motor jatuh {n} kali minggu ini",
                "perbaikan jalan di {kec} cuma tambal sulam, bulan depan rusak lagi",
                "drainase di {jalan} mampet, tiap hujan air naik ke jalan dan masuk rumah",
                "galian kabel di {jalan} ditinggal begitu saja tanpa rambu, bahaya buat pengendara malam",
                "trotoar di {jalan} dipakai parkir motor dan jualan, pejalan kaki terpaksa turun ke jalan",
            ],
            praise: [
                "terima kasih PUPR, jalan ke {kel} sekarang sudah mulus, anak sekolah gak kecipratan lumpur lagi",
                "cepat sekali tanggapannya, lubang di {jalan} dilaporkan pagi, sorenya sudah ditambal",
            ]
        ),
        SandboxTopicLines(
            topic: .banjir,
            question: [
                "ketinggian air di pintu air {kec} sekarang berapa? Perlu siap-siap mengungsi?",
                "posko pengungsian banjir untuk warga {kel} ada di mana?",
                "BPBD ada layanan evakuasi lansia? Tetangga saya di RT {rt} {kel} tinggal sendiri dan air sudah masuk rumah",
            ],
            complaint: [
                "banjir lagi di {kel}, air sudah setinggi lutut. Normalisasi sungai yang dijanjikan mana?",
                "tanggul di {kel} ada rembesan sejak semalam, tolong segera dicek sebelum jebol",
                "tiap hujan deras satu jam langsung banjir di {jalan}. Gorong-gorongnya kekecilan",
            ],
            praise: [
                "terima kasih BPBD dan relawan yang semalam bantu evakuasi warga {kel}",
                "info peringatan dini banjirnya sangat membantu, kami sempat menyelamatkan barang-barang",
            ]
        ),
        SandboxTopicLines(
            topic: .lalulintas,
            question: [
                "{jalan} mau diberlakukan satu arah ya? Mulai kapan?",
                "uji KIR angkot sekarang bisa daftar online?",
                "bus sekolah gratis rutenya lewat {kel} gak?",
            ],
            complaint: [
                "lampu PJU di {jalan} mati sebulan, jalan gelap gulita, rawan begal",
                "lampu lalu lintas di simpang {jalan} kedip kuning terus dari pagi, macet parah",
                "parkir liar di depan {tempat} bikin macet tiap sore, tolong ditertibkan",
                "tukang parkir di {pasar} minta Rp{rp} padahal ada papan tarif resmi Rp2.000",
                "truk besar lewat {jalan} di jam sibuk, padahal ada larangan. Jalan jadi cepat rusak",
            ],
            praise: [
                "lampu jalan di {jalan} sudah nyala lagi, sekarang pulang malam tenang. Terima kasih",
                "petugas Dishub yang atur lalu lintas pas hujan tadi pagi di simpang {jalan} keren",
            ]
        ),
        SandboxTopicLines(
            topic: .bansos,
            question: [
                "kenapa nama saya hilang dari daftar penerima PKH? Kondisi kami masih sama saja",
                "cara cek penerima bansos gimana? Di situs cek bansos nama ibu saya gak muncul",
                "BLT bulan ini sudah cair belum di {kel}?",
                "bagaimana cara daftar DTKS? Lewat RT dulu atau langsung ke kelurahan?",
                "bantuan sembako lansia di {kel} dibagikan hari apa?",
            ],
            complaint: [
                "tetangga saya punya mobil {n} tapi dapat bansos, yang benar-benar butuh malah gak dapat",
                "sudah {n} kali mengajukan DTKS lewat kelurahan tapi gak pernah ada kabar",
                "pembagian beras bansos di balai {kel} berdesakan, lansia sampai pingsan. Tolong diatur lebih baik",
            ],
            praise: [
                "terima kasih Dinsos, bantuan kursi roda untuk bapak saya sudah sampai di rumah",
            ]
        ),
        SandboxTopicLines(
            topic: .pendidikan,
            question: [
                "PPDB zonasi tahun ini, rumah saya di {kel} masuk zona {sekolah} gak ya?",
                "jalur afirmasi PPDB dokumennya apa saja? KIP atau cukup SKTM dari kelurahan?",
                "pendaftaran PPDB SD dibuka tanggal berapa? Anak saya umurnya kurang {n} bulan dari 7 tahun",
                "beasiswa untuk siswa berprestasi dari Pemkot masih ada tahun ini?",
            ],
            complaint: [
                "situs PPDB down pas pendaftaran dibuka, sudah coba dari jam {jam} gak bisa masuk",
                "pungutan seragam di {sekolah} mahal sekali, katanya sekolah negeri gratis?",
                "atap kelas di {sekolah} bocor, anak-anak belajar sambil geser meja kalau hujan",
            ],
            praise: [
                "guru-guru di {sekolah} luar biasa sabar, anak saya sekarang suka membaca",
                "program makan bergizi di {sekolah} bagus, anak jadi semangat ke sekolah",
            ]
        ),
        SandboxTopicLines(
            topic: .kebakaran,
            question: [
                "kalau ada sarang tawon di plafon, bisa minta tolong damkar? Gratis kan?",
                "nomor darurat damkar Tirtamaya berapa ya? Mau saya tempel di pos ronda",
            ],
            complaint: [
                "mobil damkar telat masuk karena jalan ke {kel} sempit dan penuh mobil parkir warga",
            ],
            praise: [
                "salut damkar, semalam datang kurang dari 10 menit ke kebakaran di {kel}",
                "terima kasih damkar sudah bantu lepasin cincin yang nyangkut di jari anak saya",
            ]
        ),
        SandboxTopicLines(
            topic: .acara,
            question: [
                "car free day di {jalan} masih ada tiap Minggu?",
                "festival kuliner di Alun-alun tahun ini tanggal berapa? Boleh bawa anak kecil?",
                "tiket masuk Taman Kota Tirtamaya berapa sekarang? Buka sampai jam berapa?",
                "GOR Tirtamaya bisa disewa untuk turnamen bulu tangkis antar-RT? Hubungi siapa?",
            ],
            complaint: [
                "konser di Alun-alun semalam bikin macet total sampai {kel}, gak ada pengalihan arus",
                "toilet umum di Taman Kota kotor dan airnya mati, malu sama wisatawan",
            ],
            praise: [
                "keren acara festival budaya kemarin, ramai banget tapi tetap tertib",
                "jogging track baru di {kel} bagus, tiap pagi ramai warga olahraga",
            ]
        ),
        SandboxTopicLines(
            topic: .kerja,
            question: [
                "bikin kartu kuning (AK1) sekarang bisa online atau harus datang ke Disnaker?",
                "job fair Tirtamaya bulan ini di mana dan jam berapa?",
                "pelatihan kerja gratis di BLK ada kejuruan apa saja? Syaratnya apa?",
            ],
            complaint: [
                "gaji di bawah UMK dan lembur gak dibayar, lapornya ke mana? Saya takut dipecat",
            ],
            praise: [
                "terima kasih Disnaker, lewat job fair kemarin saya sudah dapat kerja",
            ]
        ),
        SandboxTopicLines(
            topic: .ketertiban,
            question: [
                "razia PKL di {pasar} itu resmi dari Satpol PP? Pedagang disuruh pindah ke mana?",
            ],
            complaint: [
                "balap liar tiap malam Minggu di {jalan}, berisik dan bahaya. Mohon ditertibkan",
                "pengamen dan manusia silver di simpang {jalan} makin banyak, kadang maksa minta uang",
                "reklame liar di tiang listrik sepanjang {jalan} bikin kumuh, tolong dibersihkan",
            ],
            praise: [
                "Satpol PP menertibkan PKL di trotoar {jalan} dengan cara yang humanis, salut",
            ]
        ),
        SandboxTopicLines(
            topic: .umum,
            question: [
                "Mal Pelayanan Publik buka jam berapa sampai jam berapa ya?",
                "layanan pengaduan warga yang resmi itu lewat nomor WA berapa?",
                "Pak Wali kapan ada acara tatap muka dengan warga di {kec}?",
                "kantor Kelurahan {kel} pindah ke mana ya sekarang?",
            ],
            complaint: [
                "laporan saya lewat aplikasi pengaduan sudah {n} minggu statusnya diproses terus",
                "telepon kantor Kecamatan {kec} gak pernah diangkat",
            ],
            praise: [
                "terima kasih Pak Camat {kec} sudah turun langsung ke lokasi kemarin",
                "salut sama Pak Lurah {kel}, responnya cepat kalau ada laporan warga",
                "mantap pelayanannya, semoga makin baik terus",
                "Tirtamaya makin maju, bangga jadi warga sini",
                "akhirnya laporan saya ditanggapi dan langsung dikerjakan, terima kasih",
            ]
        ),
    ]

    static let hostile: [String] = [
        "kerja kalian cuma foto-foto doang, masalah warga gak diurus",
        "percuma lapor ke sini, dibaca doang gak pernah dibalas",
        "admin tidur ya? Sudah {n} hari pesan saya gak dijawab",
        "bisanya cuma pasang baliho, jalan rusak dibiarin",
        "dasar pejabat makan gaji buta, rakyat susah kalian santai-santai",
        "malu-maluin, kota sebesar ini urusan sampah aja gak beres",
        "mending akunnya dihapus aja kalau gak pernah jawab pertanyaan warga",
        "janji kampanye mana? Tiga tahun {kel} gini-gini aja",
        "pencitraan terus, giliran warga ngeluh pura-pura gak lihat",
        "dibayar pakai pajak kami tapi kerjanya lelet kayak siput",
        "adminnya cuma copas jawaban template, gak pernah baca keluhan",
        "rapat terus, hasilnya nol besar",
    ]

    static let hoax: [String] = [
        "info dari grup WA: pendaftaran bansos Rp600 ribu lewat link daftarbansos-tirtamaya.xyz sebelum jam 12 malam. Benar gak?",
        "katanya air PDAM di {kec} tercemar limbah pabrik, jangan diminum dulu. Sebarkan ke keluarga!",
        "beredar pesan KTP lama tidak berlaku mulai besok dan wajib ganti KTP digital, apa betul?",
        "katanya vaksin di puskesmas ada chip pelacaknya, saya jadi takut bawa anak imunisasi",
        "ada yang bilang pedagang {pasar} mau digusur semua minggu depan, hoaks atau bukan?",
        "viral di FB: yang belum bayar PBB rumahnya akan disita mulai bulan depan",
        "dapat SMS menang undian dari Diskominfo hadiah motor, disuruh transfer biaya admin Rp{rp}. Ini resmi?",
        "beredar video banjir bandang di {kec} tadi pagi, katanya tanggul jebol. Benarkah?",
        "PENTING!! Bantuan UMKM Rp2,4 juta dari Pemkot, cukup isi data KTP dan foto selfie di bantuan-umkm-tmy.info. Buruan kuota terbatas",
        "ada lowongan CPNS Pemkot Tirtamaya jalur khusus tanpa tes, bayar Rp{rp}. Ini penipuan kan?",
        "katanya mulai bulan depan motor di atas 10 tahun dilarang masuk kota, benar?",
        "kabarnya sekolah diliburkan seminggu karena wabah, kok belum ada surat resmi?",
        "jangan beli ikan di {pasar}, katanya semua pakai formalin. Sudah dicek dinas belum?",
        "awas, ada petugas palsu ngaku dari Disdukcapil keliling {kel} minta foto KK dan KTP",
        "pesan berantai: gempa besar akan terjadi malam ini di Tirtamaya, warga diminta keluar rumah jam 12",
        "vaksin booster katanya bikin mandul, makanya saya gak mau. Ada buktinya gak dari dinkes?",
    ]

    /// A water outage the whole city talks about at once: the demo's surge. Every line names
    /// the water and what is wrong with it, so the demo's "Air PDAM mati atau keruh" rule sees it.
    static let waterOutage: [String] = [
        "air PDAM di {kel} mati dari subuh, sampai sekarang belum ngalir",
        "pdam mati lagi di {kel}, kapan nyala? anak mau sekolah belum mandi",
        "sudah dua hari air mati total di {kec}, warga terpaksa beli air galon",
        "air PDAM keruh kecoklatan di {kel}, aman dipakai masak atau tidak?",
        "airnya keruh dan bau, ini PDAM kenapa? di {kec} semua rumah begini",
        "pipa PDAM bocor di dekat {landmark}, air muncrat ke jalan dan rumah kami kering",
        "katanya air PDAM di {kec} tercemar limbah makanya keruh, benar gak? tolong dijawab",
        "Tolong PDAM, air mati di {kel} sejak semalam, tidak ada pengumuman sama sekali",
        "air mati lagi, mati lagi. {kel} kapan normal? sudah lapor tapi belum ada petugas",
        "info dong, air PDAM {kec} mati sampai kapan? ada mobil tangki air bersih?",
    ]

    static let chatter: [String] = [
        "hadir dari {kel}",
        "semoga lancar acaranya",
        "aamiin, semoga Tirtamaya makin maju",
        "kapan ke {kel} lagi pak?",
        "fotonya bagus, lokasinya di mana ini?",
        "lanjutkan, kami dukung!",
        "izin share ya min",
        "wah baru tahu ada program ini",
        "ikut nyimak dulu",
        "sukses selalu untuk Pemkot Tirtamaya",
        "mantap, {kel} kapan dapat giliran?",
        "itu yang paling kiri mirip teman saya",
        "salam dari warga {kec}",
        "semangat terus buat semua petugas di lapangan",
    ]

    /// Answers to another resident's comment.
    static let replies: [String] = [
        "betul, di {kel} juga sama",
        "sabar bu, kemarin saya juga begitu tapi akhirnya jadi",
        "coba lapor lewat WA pengaduan, saya kemarin cepat dibalas",
        "kalau di tempat saya sudah beres kok, mungkin beda wilayah",
        "setuju banget sama komentar ini",
        "itu hoaks, sudah diklarifikasi kemarin sama Diskominfo",
        "jangan asal nuduh dulu, tunggu penjelasan resminya",
        "saya juga mau tanya hal yang sama",
        "nah ini, tolong dijawab min",
        "wkwk sama, kirain cuma di tempat saya",
        "nomor antreannya bisa ambil online kok lewat aplikasi",
        "di {kec} malah lebih parah, sudah lapor dari bulan lalu",
    ]

    /// Comments under a video.
    static let video: [String] = [
        "videonya informatif, tapi suaranya kecil banget",
        "kapan live streaming rapat paripurna lagi?",
        "nonton dari perantauan, kangen Tirtamaya",
        "lokasi di menit {menit} itu di mana ya? Kayaknya di {kel}",
        "semoga video seperti ini sering dibuat, jadi warga tahu programnya",
        "pertamax, salam dari {kel}",
        "tolong ditambah subtitle biar teman tuli bisa ikut nonton",
        "musik latarnya terlalu keras, narasinya jadi gak jelas",
        "jalan yang di video itu sekarang sudah rusak lagi lho",
        "penjelasannya mudah dipahami, terima kasih",
        "di menit {menit} itu tetangga saya",
        "kok komentar saya kemarin dihapus?",
    ]

    /// Short Instagram reactions.
    static let instagramChatter: [String] = [
        "keren banget kak",
        "cakep fotonya min",
        "spill lokasinya dong min",
        "gercep banget adminnya",
        "mantul min, lanjutkan",
        "semangat terus kak admin",
        "info yang sangat bermanfaat, makasih min",
        "yang jadi model siapa nih",
        "desainnya bagus, siapa yang bikin?",
        "ditunggu info selanjutnya ya kak",
    ]

    /// What staff write when they pass an official post on.
    static let staffPromo: [String] = [
        "Yuk warga Tirtamaya, simak infonya",
        "Ayo datang ramai-ramai, jangan sampai ketinggalan!",
        "Info penting buat warga {kel}, mohon dibagikan ke grup RT ya",
        "Bangga jadi bagian dari tim ini",
        "Sudah dicek, informasi ini resmi ya teman-teman",
        "Mari bantu sebarkan supaya tidak termakan hoaks",
        "Catat tanggalnya, bapak ibu semua",
        "Terima kasih untuk semua yang sudah hadir kemarin",
    ]

    /// What a resident now and then writes that breaks the rules ASN live by (hate, hoaxes,
    /// calls to violence). Residents are not bound by them, but a staff account that likes or
    /// shares such a comment is.
    static let residentViolations: [(String, SandboxTone)] = [
        ("Pemerintah thagut, Pancasila sudah tidak relevan, ganti saja dengan khilafah!", .hostile),
        ("Katanya besok air PDAM beracun, sebarkan sebelum dihapus!", .hoax),
        ("Orang Cina itu biang kerusuhan, usir saja dari Tirtamaya.", .hostile),
        ("Ayo serbu kantor camat malam ini, bakar saja sekalian!", .hostile),
        ("Info dari grup sebelah: bansos bulan depan dipotong separuh. Viralkan!", .hoax),
    ]

    /// A staff member's slip when passing an official post on: campaigning for a candidate of
    /// the demo election, or forwarding a chain message. The compliance guard should catch these.
    static let staffMissteps: [(String, SandboxTone)] = [
        ("Ayo coblos no 2, Maju Bersama Rakyat! #MajuBersama02", .chatter),
        ("Pak Hendra pemimpin terbaik, lanjutkan! #HendraSri01", .chatter),
        ("Info A1 dari grup sebelah: gaji ASN bulan depan ditunda. Sebarkan sebelum dihapus!", .hoax),
        ("Jangan pilih paslon 03, cuma jual mimpi.", .hostile),
        ("Mantap @hendrasri01, dua periode pasti menang!", .chatter),
    ]

    // MARK: WhatsApp

    static let whatsappOpeners: [String] = [
        "Selamat {waktu}, saya {nama}, warga RT {rt}/RW {rw} Kelurahan {kel}. ",
        "Assalamualaikum, mohon maaf mengganggu. ",
        "Halo, apakah ini nomor layanan pengaduan Pemkot? ",
        "Permisi, ",
        "Selamat {waktu} admin. ",
        "Shalom, selamat {waktu}. ",
        "Om swastiastu, ",
        "",
    ]

    static let whatsappClosers: [String] = [
        " Terima kasih.",
        " Mohon bantuannya.",
        " Saya tunggu kabarnya.",
        " Atas perhatiannya saya ucapkan terima kasih.",
        " Wassalamualaikum.",
        "",
    ]

    static let whatsappShort: [String] = [
        "Halo min",
        "Mau lapor",
        "ini nomor pengaduan resmi kan?",
        "sudah saya kirim fotonya ya",
        "baik, terima kasih banyak atas bantuannya",
        "laporan saya nomor TMY-{kode} sudah sampai mana ya?",
        "petugasnya sudah datang, terima kasih responnya cepat",
        "kok belum ada balasan ya, sudah dari kemarin saya kirim",
        "maaf salah kirim",
        "mohon dibantu, ini darurat",
        "lokasinya di {jalan}, dekat {tempat}",
        "iya betul, RT {rt} RW {rw}",
    ]

    static let imageCaptions: [String] = [
        "ini foto jalan rusak di {jalan}",
        "sampah numpuk di TPS {kel}, foto barusan",
        "foto KK saya yang salah tulis nama",
        "kondisi saluran air di depan rumah saya, RT {rt} {kel}",
        "bukti pembayaran PBB yang masih tercatat nunggak",
        "lampu jalan yang mati di {jalan}",
        "genangan air di {jalan} pagi ini",
        "pohon tumbang menutup jalan di {kel}",
    ]

    static let locationNames: [String] = [
        "Jalan berlubang", "Tumpukan sampah", "Lampu PJU mati", "Genangan banjir", "Pohon tumbang", "Pipa PDAM bocor",
        "Parkir liar", "Saluran mampet",
    ]

    static let buttons: [(id: String, title: String)] = [
        ("btn_lapor", "Buat Pengaduan"), ("btn_info", "Info Layanan"), ("btn_status", "Cek Status Laporan"),
        ("btn_petugas", "Bicara dengan Petugas"), ("btn_selesai", "Ya, sudah selesai"), ("btn_belum", "Belum selesai"),
        ("btn_puas", "Puas"), ("btn_kurang", "Kurang puas"),
    ]

    // MARK: Decoration

    static let questionGreetings: [String] = [
        "Min, ", "Min ", "Kak min, ", "Admin, ", "Pak, ", "Bu, ", "Permisi min, ", "Halo min, ", "Assalamualaikum, ",
        "Selamat {waktu}, ", "Mohon maaf min, ", "Numpang tanya min, ", "Tanya min, ", "Admin yang baik, ",
    ]

    static let complaintGreetings: [String] = [
        "Min, ", "Pak, ", "Tolong min, ", "Mohon maaf sebelumnya, ", "Lapor min! ", "Admin, ", "Pak Wali, ", "Assalamualaikum. ",
    ]

    static let questionClosers: [String] = [
        " Terima kasih.", " Mohon infonya.", " Tolong dibantu ya min.", " Makasih min.", "??", " Mohon pencerahannya.", "",
        " Ditunggu jawabannya.",
    ]

    static let complaintClosers: [String] = [
        " Tolong segera ditindaklanjuti!", " Mohon perhatiannya.", " Sudah lapor ke RT tapi belum ada tindakan.",
        " Kami warga capek.", " Gimana ini pak?", "", " Sudah berkali-kali lapor.",
    ]

    static let praiseClosers: [String] = [" Semoga makin baik!", " Sukses selalu.", "", " Pertahankan!", " Luar biasa."]

    static let emojis: [SandboxTone: [String]] = [
        .question: ["🙏", "🤔", "🙏🙏", "🙏🏻"],
        .complaint: ["😡", "😤", "😭", "🙄", "😩", "😠"],
        .praise: ["👍", "👏", "❤️", "🔥", "🥰", "💪", "🙏", "👍👍"],
        .hostile: ["🙄", "😒", "😡", "🤦‍♂️"],
        .hoax: ["⚠️", "‼️", "😱", "🤔"],
        .chatter: ["😄", "😍", "🙌", "😂", "🤣", "❤️"],
    ]

    static let generalTags: [String] = ["#TirtamayaBisa", "#KotaTirtamaya", "#LaporWarga", "#InfoTirtamaya", "#TirtamayaKotaKita"]

    static let topicTags: [SandboxTopic: [String]] = [
        .banjir: ["#BanjirTirtamaya", "#SiagaBencana"],
        .sampah: ["#TirtamayaBersih"],
        .pendidikan: ["#PPDBTirtamaya"],
        .kesehatan: ["#TirtamayaSehat"],
        .jalan: ["#JalanRusak"],
        .acara: ["#WisataTirtamaya", "#FestivalTirtamaya"],
    ]

    static let hoaxTags: [String] = ["#CekFakta", "#HoaksAtauFakta"]

    static let days: [String] = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]

    /// Topics an account is most often asked about, by words in its handle or name.
    static func affinity(handle: String, displayName: String) -> [SandboxTopic] {
        let text = (handle + " " + displayName).lowercased()
        let table: [(String, [SandboxTopic])] = [
            ("dukcapil", [.adminduk]), ("dinkes", [.kesehatan]), ("rsud", [.kesehatan]), ("sehat", [.kesehatan]),
            ("aditya", [.kesehatan]), ("gizi", [.kesehatan]), ("annisa", [.kesehatan]), ("bapenda", [.pajak]),
            ("dpmptsp", [.perizinan]), ("umkm", [.perizinan]), ("disperindag", [.perizinan, .ketertiban]),
            ("dlh", [.sampah]), ("samsul", [.sampah]), ("pupr", [.jalan]), ("disperkim", [.jalan, .air]), ("restu", [.jalan]),
            ("bpbd", [.banjir]), ("ferry", [.banjir]), ("dishub", [.lalulintas]), ("dodi", [.lalulintas]),
            ("dinsos", [.bansos]), ("dp3a", [.bansos, .kesehatan]), ("disdik", [.pendidikan]), ("guru", [.pendidikan]),
            ("mengajar", [.pendidikan]), ("damkar", [.kebakaran]), ("surya", [.kebakaran]), ("dispar", [.acara]),
            ("disbud", [.acara]), ("dispora", [.acara]), ("hafiz", [.acara]), ("gede", [.acara]), ("nanda", [.acara]),
            ("disnaker", [.kerja]), ("satpolpp", [.ketertiban]), ("benny", [.ketertiban]), ("dkpp", [.umum]),
            ("kecamatan", [.jalan, .sampah, .air, .adminduk, .banjir, .umum]), ("kelurahan", [.jalan, .sampah, .adminduk, .bansos, .umum]),
            ("kel.", [.jalan, .sampah, .adminduk, .bansos]),
        ]
        var found: [SandboxTopic] = []
        for (word, topics) in table where text.contains(word) {
            for topic in topics where !found.contains(topic) { found.append(topic) }
        }
        return found
    }
}
