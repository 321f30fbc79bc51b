// Fictional data made for the product demo. The city, its units, its people, their NIPs,
// phone numbers and social-media handles are all invented; any resemblance to a real
// government, person or account is coincidental.

/// The seeded demo tenant: a fictional city government with its organisation tree,
/// the people who run its social-media accounts, and the accounts themselves.
public enum DemoCatalog {
    public static let tenantName: String = "Pemerintah Kota Tirtamaya"
    public static let tenantSlug: String = "tirtamaya"
    /// Sandbox messages spread over the two weeks before a fresh demo starts: about a hundred
    /// and fifty a day, enough for each listening rule to have a baseline, few enough that the
    /// demo still starts in seconds.
    public static let baselineHistory = 2_000
    public static let timeZone: String = "Asia/Jakarta"
    public static let emailDomain: String = "tirtamayakota.go.id"

    public struct UnitSeed: Sendable {
        public let code: String
        public let name: String
        public let kind: UnitKind
        public let parentCode: String?

        public init(code: String, name: String, kind: UnitKind, parentCode: String?) {
            self.code = code
            self.name = name
            self.kind = kind
            self.parentCode = parentCode
        }
    }

    public struct Grant: Sendable {
        public let role: Role
        public let unitCode: String

        public init(role: Role, unitCode: String) {
            self.role = role
            self.unitCode = unitCode
        }
    }

    public struct PersonSeed: Sendable {
        public let name: String
        public let emailLocalPart: String
        public let nip: String?
        public let phone: String
        public let grants: [Grant]

        public init(name: String, emailLocalPart: String, nip: String?, phone: String, grants: [Grant]) {
            self.name = name
            self.emailLocalPart = emailLocalPart
            self.nip = nip
            self.phone = phone
            self.grants = grants
        }
    }

    public struct AccountSeed: Sendable {
        public let platform: Platform
        public let handle: String
        public let displayName: String
        public let unitCode: String
        public let kind: AccountKind
        public let ownerEmailLocalPart: String?
        public let followers: Int
        public let status: AccountStatus

        public init(
            platform: Platform,
            handle: String,
            displayName: String,
            unitCode: String,
            kind: AccountKind,
            ownerEmailLocalPart: String?,
            followers: Int,
            status: AccountStatus
        ) {
            self.platform = platform
            self.handle = handle
            self.displayName = displayName
            self.unitCode = unitCode
            self.kind = kind
            self.ownerEmailLocalPart = ownerEmailLocalPart
            self.followers = followers
            self.status = status
        }
    }

    // MARK: - Units

    public static let units: [UnitSeed] = [
        unit("PEMKOT", "Pemerintah Kota Tirtamaya", .pemda, nil),
        // Perangkat daerah
        unit("DISKOMINFO", "Dinas Komunikasi dan Informatika", .opd, "PEMKOT"),
        unit("DINKES", "Dinas Kesehatan", .opd, "PEMKOT"),
        unit("DISDIK", "Dinas Pendidikan", .opd, "PEMKOT"),
        unit("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", .opd, "PEMKOT"),
        unit("DISHUB", "Dinas Perhubungan", .opd, "PEMKOT"),
        unit("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", .opd, "PEMKOT"),
        unit("DINSOS", "Dinas Sosial", .opd, "PEMKOT"),
        unit("DLH", "Dinas Lingkungan Hidup", .opd, "PEMKOT"),
        unit("DISPAR", "Dinas Pariwisata", .opd, "PEMKOT"),
        unit("DISKOPUMKM", "Dinas Koperasi dan Usaha Mikro, Kecil, dan Menengah", .opd, "PEMKOT"),
        unit("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", .opd, "PEMKOT"),
        unit("SATPOLPP", "Satuan Polisi Pamong Praja", .opd, "PEMKOT"),
        unit("RSUD", "Rumah Sakit Umum Daerah Kota Tirtamaya", .opd, "PEMKOT"),
        unit("DISPORA", "Dinas Kepemudaan dan Olahraga", .opd, "PEMKOT"),
        unit("DISNAKER", "Dinas Tenaga Kerja", .opd, "PEMKOT"),
        unit("DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", .opd, "PEMKOT"),
        unit("DKPP", "Dinas Ketahanan Pangan dan Pertanian", .opd, "PEMKOT"),
        unit("DISPERINDAG", "Dinas Perdagangan dan Perindustrian", .opd, "PEMKOT"),
        unit("DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", .opd, "PEMKOT"),
        unit("DISARPUS", "Dinas Perpustakaan dan Kearsipan", .opd, "PEMKOT"),
        unit("DAMKAR", "Dinas Pemadam Kebakaran dan Penyelamatan", .opd, "PEMKOT"),
        unit("DISBUD", "Dinas Kebudayaan", .opd, "PEMKOT"),
        unit("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", .badan, "PEMKOT"),
        unit("BPBD", "Badan Penanggulangan Bencana Daerah", .badan, "PEMKOT"),
        unit("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", .badan, "PEMKOT"),
        unit("BAPENDA", "Badan Pendapatan Daerah", .badan, "PEMKOT"),
        unit("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", .badan, "PEMKOT"),
        unit("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", .badan, "PEMKOT"),
        unit("INSPEKTORAT", "Inspektorat Daerah", .badan, "PEMKOT"),
        unit("BAG-PROKOPIM", "Bagian Protokol dan Komunikasi Pimpinan", .bagian, "PEMKOT"),
        unit("BAG-HUKUM", "Bagian Hukum", .bagian, "PEMKOT"),
        // Kecamatan Sukamaju
        unit("KEC-SUKAMAJU", "Kecamatan Sukamaju", .kecamatan, "PEMKOT"),
        unit("KEL-SUKAJADI", "Kelurahan Sukajadi", .kelurahan, "KEC-SUKAMAJU"),
        unit("KEL-SUKARESMI", "Kelurahan Sukaresmi", .kelurahan, "KEC-SUKAMAJU"),
        unit("KEL-SUKAMULYA", "Kelurahan Sukamulya", .kelurahan, "KEC-SUKAMAJU"),
        unit("KEL-SUKARAME", "Kelurahan Sukarame", .kelurahan, "KEC-SUKAMAJU"),
        // Kecamatan Kota Lama
        unit("KEC-KOTALAMA", "Kecamatan Kota Lama", .kecamatan, "PEMKOT"),
        unit("KEL-PASARLAMA", "Kelurahan Pasar Lama", .kelurahan, "KEC-KOTALAMA"),
        unit("KEL-KAUMAN", "Kelurahan Kauman", .kelurahan, "KEC-KOTALAMA"),
        unit("KEL-PECINANBARU", "Kelurahan Pecinan Baru", .kelurahan, "KEC-KOTALAMA"),
        unit("KEL-KAMPUNGDALAM", "Kelurahan Kampung Dalam", .kelurahan, "KEC-KOTALAMA"),
        unit("KEL-KEBONKELAPA", "Kelurahan Kebon Kelapa", .kelurahan, "KEC-KOTALAMA"),
        // Kecamatan Mekarjaya
        unit("KEC-MEKARJAYA", "Kecamatan Mekarjaya", .kecamatan, "PEMKOT"),
        unit("KEL-MEKARWANGI", "Kelurahan Mekarwangi", .kelurahan, "KEC-MEKARJAYA"),
        unit("KEL-MEKARMULYA", "Kelurahan Mekarmulya", .kelurahan, "KEC-MEKARJAYA"),
        unit("KEL-MARGAHAYU", "Kelurahan Margahayu", .kelurahan, "KEC-MEKARJAYA"),
        // Kecamatan Banyuasri
        unit("KEC-BANYUASRI", "Kecamatan Banyuasri", .kecamatan, "PEMKOT"),
        unit("KEL-KALIBENING", "Kelurahan Kalibening", .kelurahan, "KEC-BANYUASRI"),
        unit("KEL-KALISARI", "Kelurahan Kalisari", .kelurahan, "KEC-BANYUASRI"),
        unit("KEL-KALIASRI", "Kelurahan Kaliasri", .kelurahan, "KEC-BANYUASRI"),
        unit("KEL-TEGALSARI", "Kelurahan Tegalsari", .kelurahan, "KEC-BANYUASRI"),
        // Kecamatan Karangwangi
        unit("KEC-KARANGWANGI", "Kecamatan Karangwangi", .kecamatan, "PEMKOT"),
        unit("KEL-KARANGSARI", "Kelurahan Karangsari", .kelurahan, "KEC-KARANGWANGI"),
        unit("KEL-KARANGREJO", "Kelurahan Karangrejo", .kelurahan, "KEC-KARANGWANGI"),
        unit("KEL-KARANGTENGAH", "Kelurahan Karangtengah", .kelurahan, "KEC-KARANGWANGI"),
        // Kecamatan Sidomulyo
        unit("KEC-SIDOMULYO", "Kecamatan Sidomulyo", .kecamatan, "PEMKOT"),
        unit("KEL-SIDOREJO", "Kelurahan Sidorejo", .kelurahan, "KEC-SIDOMULYO"),
        unit("KEL-SIDOKERTO", "Kelurahan Sidokerto", .kelurahan, "KEC-SIDOMULYO"),
        unit("KEL-SUMBERSARI", "Kelurahan Sumbersari", .kelurahan, "KEC-SIDOMULYO"),
        unit("KEL-SUMBERJAYA", "Kelurahan Sumberjaya", .kelurahan, "KEC-SIDOMULYO"),
        unit("KEL-PURWOSARI", "Kelurahan Purwosari", .kelurahan, "KEC-SIDOMULYO"),
        // Kecamatan Cahaya Baru
        unit("KEC-CAHAYABARU", "Kecamatan Cahaya Baru", .kecamatan, "PEMKOT"),
        unit("KEL-CAHAYAMAKMUR", "Kelurahan Cahaya Makmur", .kelurahan, "KEC-CAHAYABARU"),
        unit("KEL-KARYABARU", "Kelurahan Karya Baru", .kelurahan, "KEC-CAHAYABARU"),
        unit("KEL-CIPTAKARYA", "Kelurahan Cipta Karya", .kelurahan, "KEC-CAHAYABARU"),
        // Kecamatan Pancaran
        unit("KEC-PANCARAN", "Kecamatan Pancaran", .kecamatan, "PEMKOT"),
        unit("KEL-PANCARAN", "Kelurahan Pancaran", .kelurahan, "KEC-PANCARAN"),
        unit("KEL-TAMANSARI", "Kelurahan Tamansari", .kelurahan, "KEC-PANCARAN"),
        unit("KEL-TAMANASRI", "Kelurahan Taman Asri", .kelurahan, "KEC-PANCARAN"),
        // Kecamatan Wanasari
        unit("KEC-WANASARI", "Kecamatan Wanasari", .kecamatan, "PEMKOT"),
        unit("KEL-WANAREJA", "Kelurahan Wanareja", .kelurahan, "KEC-WANASARI"),
        unit("KEL-BOJONGSARI", "Kelurahan Bojongsari", .kelurahan, "KEC-WANASARI"),
        unit("KEL-BOJONGLOA", "Kelurahan Bojong Loa", .kelurahan, "KEC-WANASARI"),
        unit("KEL-CIBENING", "Kelurahan Cibening", .kelurahan, "KEC-WANASARI"),
        // Kecamatan Gunung Sari
        unit("KEC-GUNUNGSARI", "Kecamatan Gunung Sari", .kecamatan, "PEMKOT"),
        unit("KEL-GUNUNGKIDANG", "Kelurahan Gunung Kidang", .kelurahan, "KEC-GUNUNGSARI"),
        unit("KEL-PASIRJATI", "Kelurahan Pasirjati", .kelurahan, "KEC-GUNUNGSARI"),
        unit("KEL-PASIRLUHUR", "Kelurahan Pasirluhur", .kelurahan, "KEC-GUNUNGSARI"),
        unit("KEL-CISALAK", "Kelurahan Cisalak", .kelurahan, "KEC-GUNUNGSARI"),
        // Kecamatan Telaga Biru
        unit("KEC-TELAGABIRU", "Kecamatan Telaga Biru", .kecamatan, "PEMKOT"),
        unit("KEL-TELAGAASRI", "Kelurahan Telaga Asri", .kelurahan, "KEC-TELAGABIRU"),
        unit("KEL-AIRMANCUR", "Kelurahan Air Mancur", .kelurahan, "KEC-TELAGABIRU"),
        unit("KEL-TALANGJAYA", "Kelurahan Talang Jaya", .kelurahan, "KEC-TELAGABIRU"),
        // Kecamatan Padangsari
        unit("KEC-PADANGSARI", "Kecamatan Padangsari", .kecamatan, "PEMKOT"),
        unit("KEL-PADANGTINGGI", "Kelurahan Padang Tinggi", .kelurahan, "KEC-PADANGSARI"),
        unit("KEL-LUBUKRAYA", "Kelurahan Lubuk Raya", .kelurahan, "KEC-PADANGSARI"),
        unit("KEL-SUNGAIBENING", "Kelurahan Sungai Bening", .kelurahan, "KEC-PADANGSARI"),
        unit("KEL-SUNGAILEBAR", "Kelurahan Sungai Lebar", .kelurahan, "KEC-PADANGSARI"),
        // Kecamatan Lembah Hijau
        unit("KEC-LEMBAHHIJAU", "Kecamatan Lembah Hijau", .kecamatan, "PEMKOT"),
        unit("KEL-BUKITINDAH", "Kelurahan Bukit Indah", .kelurahan, "KEC-LEMBAHHIJAU"),
        unit("KEL-BUKITPERMAI", "Kelurahan Bukit Permai", .kelurahan, "KEC-LEMBAHHIJAU"),
        unit("KEL-LEMBAHDAMAI", "Kelurahan Lembah Damai", .kelurahan, "KEC-LEMBAHHIJAU"),
        // Kecamatan Tanjung Harapan
        unit("KEC-TANJUNGHARAPAN", "Kecamatan Tanjung Harapan", .kecamatan, "PEMKOT"),
        unit("KEL-TANJUNGSARI", "Kelurahan Tanjungsari", .kelurahan, "KEC-TANJUNGHARAPAN"),
        unit("KEL-TANJUNGMAS", "Kelurahan Tanjung Mas", .kelurahan, "KEC-TANJUNGHARAPAN"),
        unit("KEL-PANTAIINDAH", "Kelurahan Pantai Indah", .kelurahan, "KEC-TANJUNGHARAPAN"),
        unit("KEL-TELUKJAYA", "Kelurahan Telukjaya", .kelurahan, "KEC-TANJUNGHARAPAN"),
        unit("KEL-PANGKALANBARU", "Kelurahan Pangkalan Baru", .kelurahan, "KEC-TANJUNGHARAPAN"),
        // Kecamatan Tirtamaya Utara
        unit("KEC-TIRTAMAYAUTARA", "Kecamatan Tirtamaya Utara", .kecamatan, "PEMKOT"),
        unit("KEL-RAWABENING", "Kelurahan Rawa Bening", .kelurahan, "KEC-TIRTAMAYAUTARA"),
        unit("KEL-RAWASARI", "Kelurahan Rawasari", .kelurahan, "KEC-TIRTAMAYAUTARA"),
        unit("KEL-WONOREJO", "Kelurahan Wonorejo", .kelurahan, "KEC-TIRTAMAYAUTARA"),
        unit("KEL-KRANGGAN", "Kelurahan Kranggan", .kelurahan, "KEC-TIRTAMAYAUTARA"),
        // Kecamatan Tirtamaya Selatan
        unit("KEC-TIRTAMAYASELATAN", "Kecamatan Tirtamaya Selatan", .kecamatan, "PEMKOT"),
        unit("KEL-BANJARSARI", "Kelurahan Banjarsari", .kelurahan, "KEC-TIRTAMAYASELATAN"),
        unit("KEL-BANJARWANGI", "Kelurahan Banjarwangi", .kelurahan, "KEC-TIRTAMAYASELATAN"),
        unit("KEL-JATIASRI", "Kelurahan Jatiasri", .kelurahan, "KEC-TIRTAMAYASELATAN"),
    ]

    // MARK: - People

    public static let people: [PersonSeed] = [
        // Koordinator dan tim Diskominfo
        person("Sri Wahyuni, S.I.Kom.", "sri.wahyuni", "198005082007032002", "+6289536997078", [grant(.supervisor, "PEMKOT")]),
        person("Andika Pratama", "andika.pratama", "199706142020011001", "+6285911518539", [grant(.supervisor, "PEMKOT")]),
        person("Rizka Amelia Putri", "rizka.amelia", "199206062019032002", "+6289629543866", [grant(.supervisor, "PEMKOT")]),
        person("Yohanes Simanjuntak, S.Kom.", "yohanes.simanjuntak", "198803142015031002", "+6285887014916", [grant(.supervisor, "PEMKOT")]),
        // Admin penghubung perangkat daerah
        person("Fajar Nugroho, S.Kom.", "fajar.nugroho", "198503222012041003", "+6285835989498", [grant(.unitAdmin, "DISKOMINFO")]),
        person("Ni Putu Ayu Lestari", "ayu.lestari", "199311022017032001", "+6281299576504", [grant(.unitAdmin, "DINKES")]),
        person("Dedi Supriadi", "dedi.supriadi", "198703172010041001", "+6285684381470", [grant(.unitAdmin, "DISDIK")]),
        person("Muhammad Ilham Saputra", "ilham.saputra", "199611162023031002", "+6283849273771", [grant(.unitAdmin, "DPUPR")]),
        person("Roni Hutapea", "roni.hutapea", "198312092012041006", "+6282345617748", [grant(.unitAdmin, "DISHUB")]),
        person("Siti Rahmawati", "siti.rahmawati", "198011242007032005", "+6281390880448", [grant(.unitAdmin, "DISDUKCAPIL")]),
        person("Yuliani Tambunan", "yuliani.tambunan", "198404152014062001", "+6285242246494", [grant(.unitAdmin, "DINSOS")]),
        person("Agus Setiawan", "agus.setiawan", "198808152018121003", "+6281814668145", [grant(.unitAdmin, "DLH")]),
        person("Putri Ramadhani", "putri.ramadhani", "199010192015022001", "+6289663504348", [grant(.unitAdmin, "DISPAR")]),
        person("Hendra Wijaya", "hendra.wijaya", "198302082009021003", "+6281198913369", [grant(.unitAdmin, "DISKOPUMKM")]),
        person("Nur Aisyah Rahman", "nur.aisyah", "199501252023122004", "+6281117251303", [grant(.unitAdmin, "DPMPTSP")]),
        person("Budi Santoso", "budi.santoso", "198101242004011001", "+6285948471802", [grant(.unitAdmin, "SATPOLPP")]),
        person("Debora Sitompul", "debora.sitompul", "199310272017032005", "+6285834041258", [grant(.unitAdmin, "RSUD")]),
        person("Rizal Fahmi", "rizal.fahmi", "199503012019021003", "+6285616546457", [grant(.unitAdmin, "DISPORA")]),
        person("Wulan Sari Dewi", "wulan.sari", "198805212014012003", "+6281175561957", [grant(.unitAdmin, "DISNAKER")]),
        person("Taufik Maulana", "taufik.maulana", "199008032013121003", "+6285610640183", [grant(.unitAdmin, "DISPERKIM")]),
        person("Suparman", "suparman", "198203262006011003", "+6285237518244", [grant(.unitAdmin, "DKPP")]),
        person("Erna Susanti", "erna.susanti", "197910072004062002", "+6285348395015", [grant(.unitAdmin, "DISPERINDAG")]),
        person("Dewi Kartika Sari", "dewi.kartika", "198908132014032001", "+6285164586795", [grant(.unitAdmin, "DP3A")]),
        person("Yusuf Pabendon", "yusuf.pabendon", "197610282003031004", "+6281296460585", [grant(.unitAdmin, "DISARPUS")]),
        person("Bambang Sutrisno", "bambang.sutrisno", "198201012011031004", "+6281125499318", [grant(.unitAdmin, "DAMKAR")]),
        person("I Ketut Wirawan", "ketut.wirawan", "198706122018031004", "+6285716567882", [grant(.unitAdmin, "DISBUD")]),
        person("Andi Faisal Rahim", "andi.faisal", "199402182017011001", "+6285838578416", [grant(.unitAdmin, "BAPPEDA")]),
        person("Ahmad Zulkarnain", "ahmad.zulkarnain", "197609232000011002", "+6281748989852", [grant(.unitAdmin, "BPBD")]),
        person("Rina Marlina", "rina.marlina", "198606202015042002", "+6287753469659", [grant(.unitAdmin, "BKPSDM")]),
        person("Irwan Syahputra", "irwan.syahputra", "199105212016031003", "+6283840579735", [grant(.unitAdmin, "BAPENDA")]),
        person("Fitri Handayani", "fitri.handayani", "198306122007042002", "+6283161038043", [grant(.unitAdmin, "BPKAD")]),
        person("Rahmat Hidayatullah", "rahmat.hidayatullah", "198305202007021001", "+6289611855392", [grant(.unitAdmin, "KESBANGPOL")]),
        person("Novita Sari Harahap", "novita.harahap", "199512162023062002", "+6285629856000", [grant(.unitAdmin, "INSPEKTORAT")]),
        person("Galih Prasetyo, S.I.Kom.", "galih.prasetyo", "199007172014041004", "+6289664382013", [grant(.unitAdmin, "BAG-PROKOPIM"), grant(.`operator`, "DISKOMINFO")]),
        person("Melati Ayuningtyas, S.H.", "melati.ayuningtyas", "198910212020042003", "+6288243577953", [grant(.unitAdmin, "BAG-HUKUM")]),
        // Admin penghubung kecamatan
        person("Asep Saepudin", "asep.saepudin", "198608182015031006", "+6285319582264", [grant(.unitAdmin, "KEC-SUKAMAJU")]),
        person("Eko Prasetyo", "eko.prasetyo", "198303232011041003", "+6289551844997", [grant(.unitAdmin, "KEC-KOTALAMA")]),
        person("Yanti Susilawati", "yanti.susilawati", "197708142008012001", "+6285327344532", [grant(.unitAdmin, "KEC-MEKARJAYA")]),
        person("Hasanuddin Lubis", "hasanuddin.lubis", "198308142012011003", "+6285150317997", [grant(.unitAdmin, "KEC-BANYUASRI")]),
        person("Nurul Fadhilah", "nurul.fadhilah", "199206022015062004", "+6281750938653", [grant(.unitAdmin, "KEC-KARANGWANGI")]),
        person("Darmawan Siregar", "darmawan.siregar", "197807072006061002", "+6281276164521", [grant(.unitAdmin, "KEC-SIDOMULYO")]),
        person("Tri Wulandari", "tri.wulandari", "199606142023022004", "+6281361633659", [grant(.unitAdmin, "KEC-CAHAYABARU")]),
        person("Ujang Sutisna", "ujang.sutisna", "198103282008031004", "+6283186670087", [grant(.unitAdmin, "KEC-PANCARAN")]),
        person("Wahyu Hidayat", "wahyu.hidayat", "199412222021011004", "+6281837766989", [grant(.unitAdmin, "KEC-WANASARI")]),
        person("Ratna Sari Nasution", "ratna.nasution", "198705062015062007", "+6288210059433", [grant(.unitAdmin, "KEC-GUNUNGSARI")]),
        person("Syafrizal Chaniago", "syafrizal.chaniago", "198403072008011004", "+6282222112585", [grant(.unitAdmin, "KEC-TELAGABIRU")]),
        person("Ika Permatasari", "ika.permatasari", "198905252014032004", "+6289541700184", [grant(.unitAdmin, "KEC-PADANGSARI")]),
        person("Muh. Arsyad", "muh.arsyad", "198506252008031005", "+6287821729704", [grant(.unitAdmin, "KEC-LEMBAHHIJAU")]),
        person("Lina Marlinawati", "lina.marlinawati", "197708222000042004", "+6282364306853", [grant(.unitAdmin, "KEC-TANJUNGHARAPAN"), grant(.`operator`, "KEL-TANJUNGSARI")]),
        person("Joko Susilo", "joko.susilo", "198512252014041005", "+6282118824768", [grant(.unitAdmin, "KEC-TIRTAMAYAUTARA")]),
        person("Elvira Rangkuti", "elvira.rangkuti", "199501232020012004", "+6285383200108", [grant(.unitAdmin, "KEC-TIRTAMAYASELATAN")]),
        // Operator
        person("Dimas Aditya", "dimas.aditya", nil, "+6282270698897", [grant(.`operator`, "DISKOMINFO")]),
        person("Anisa Fitriani", "anisa.fitriani", "199009182014012007", "+6281317857459", [grant(.`operator`, "DINKES")]),
        person("Reza Firmansyah", "reza.firmansyah", nil, "+6282215328058", [grant(.`operator`, "DISHUB")]),
        person("Intan Permata", "intan.permata", "199012172018032006", "+6289544541451", [grant(.`operator`, "DISPAR")]),
        person("Bayu Kurniawan", "bayu.kurniawan", "199201032021011005", "+6282275739009", [grant(.`operator`, "BPBD"), grant(.`operator`, "DAMKAR")]),
        person("Sekar Arum Kinasih", "sekar.kinasih", "199003282020032001", "+6289690695437", [grant(.`operator`, "DISDUKCAPIL")]),
        person("Gilang Mahardika", "gilang.mahardika", nil, "+6281758873656", [grant(.`operator`, "DISPORA")]),
        person("Kevin Halim", "kevin.halim", "199511062023021007", "+6281857397339", [grant(.`operator`, "DPMPTSP")]),
        person("Rudi Hermawan", "rudi.hermawan", "198002052010031001", "+6283894441049", [grant(.`operator`, "KEL-SUKAJADI"), grant(.`operator`, "KEL-SUKARESMI")]),
        person("Nengsih Rohaeti", "nengsih.rohaeti", "198512052016122001", "+6283893130328", [grant(.`operator`, "KEL-PASARLAMA")]),
        person("Marlon Situmorang", "marlon.situmorang", "199711082023121005", "+6287712785036", [grant(.`operator`, "KEL-KALIBENING")]),
        person("Sitti Hardiyanti", "sitti.hardiyanti", "199212012017122003", "+6283189489996", [grant(.`operator`, "KEL-SIDOREJO")]),
        person("Yogi Saputra", "yogi.saputra", "199607062023031003", "+6287770232026", [grant(.`operator`, "KEL-BUKITINDAH")]),
        person("Fauziah Hanum", "fauziah.hanum", "198602122016032005", "+6281118746086", [grant(.`operator`, "KEL-PADANGTINGGI"), grant(.`operator`, "KEL-LUBUKRAYA")]),
        // Pimpinan penyetuju
        person("Drs. Sutarno Wibisono, M.Si.", "sutarno.wibisono", "196708141992041002", "+6285764667879", [grant(.approver, "PEMKOT")]),
        person("Hermawan Adiputra, S.T., M.Si.", "hermawan.adiputra", "196705021997021001", "+6285150997003", [grant(.approver, "DISKOMINFO")]),
        person("dr. Ratih Puspitasari, M.Kes.", "ratih.puspitasari", "197210072001022001", "+6282115795324", [grant(.approver, "DINKES"), grant(.approver, "RSUD")]),
        person("Zainal Abidin", "zainal.abidin", "197209101998011004", "+6282191925201", [grant(.approver, "BPBD")]),
        person("Andi Tenri Ajeng, S.Sos., M.Si.", "andi.tenri", "196902072000012006", "+6285634534972", [grant(.approver, "DISDIK")]),
        // Pimpinan (lihat saja)
        person("H. Abdul Rasyid Harahap", "abdul.rasyid", nil, "+6285749154964", [grant(.viewer, "PEMKOT")]),
        person("Hj. Nurlela Kusumawardhani", "nurlela.kusumawardhani", nil, "+6285966975623", [grant(.viewer, "PEMKOT")]),
        person("Ferdinand Manurung", "ferdinand.manurung", "197206111998011008", "+6288281167431", [grant(.viewer, "PEMKOT")]),
        person("Dra. Yeni Rosmiati", "yeni.rosmiati", "196905191999012001", "+6287897139972", [grant(.viewer, "PEMKOT")]),
        // ASN dengan akun pribadi
        person("Rina Kusumawati", "rina.kusumawati", "199006192014032005", "+6283141492831", [grant(.staff, "DISDIK")]),
        person("dr. Aditya Nugraha", "aditya.nugraha", "199109032015121002", "+6282213266137", [grant(.staff, "RSUD")]),
        person("Surya Darma Tarigan", "surya.tarigan", "198805052017031008", "+6285146798364", [grant(.staff, "DAMKAR")]),
        person("Annisa Rahmadani", "annisa.rahmadani", "199208182019062001", "+6283896485168", [grant(.staff, "DINKES")]),
        person("Hafiz Alamsyah", "hafiz.alamsyah", "199001162018021003", "+6281838702549", [grant(.staff, "DISPAR")]),
        person("Citra Maharani", "citra.maharani", "199607052023022008", "+6282325763192", [grant(.staff, "DISKOMINFO")]),
        person("Samsul Arifin", "samsul.arifin", "199205192023041003", "+6285253223051", [grant(.staff, "DLH")]),
        person("Putu Gede Mahendra", "gede.mahendra", "199602202022061001", "+6289681250915", [grant(.staff, "DISBUD")]),
        person("Vina Oktaviani", "vina.oktaviani", "199412192023012004", "+6287710733964", [grant(.staff, "DISKOPUMKM")]),
        person("Benny Sihombing", "benny.sihombing", "198404162008011008", "+6285351880401", [grant(.staff, "SATPOLPP")]),
        person("Nabila Zahra", "nabila.zahra", "199012232015042003", "+6281748064036", [grant(.staff, "KEC-SUKAMAJU")]),
        person("Teguh Wibowo", "teguh.wibowo", "199306162021041003", "+6281284127388", [grant(.staff, "KEC-SIDOMULYO")]),
        person("Hasnawati", "hasnawati", "199110272014122001", "+6282183494587", [grant(.staff, "DISDUKCAPIL")]),
        person("Dodi Permana", "dodi.permana", "199507012023021011", "+6281827796567", [grant(.staff, "DISHUB")]),
        person("Yulia Rahmi", "yulia.rahmi", "199405222021012009", "+6285366578691", [grant(.staff, "DP3A")]),
        person("Ferry Irawan", "ferry.irawan", "199501252018011003", "+6285116704157", [grant(.staff, "BPBD")]),
        person("Nanda Saputri", "nanda.saputri", "199611272021042007", "+6281768486982", [grant(.staff, "DISPORA")]),
        person("Oktavianus Lumbantobing", "oktavianus.lumbantobing", "198705282015121006", "+6282223148261", [grant(.staff, "DISDIK")]),
        person("Kurniasih", "kurniasih", "199509022023122009", "+6281159554778", [grant(.staff, "KEC-TANJUNGHARAPAN")]),
        person("Restu Anggoro", "restu.anggoro", "199003212020011005", "+6281219759189", [grant(.staff, "DPUPR")]),
    ]

    // MARK: - Accounts

    public static let accounts: [AccountSeed] = [
        // Pemerintah kota
        official(.instagram, "pemkot.tirtamaya", "Pemerintah Kota Tirtamaya", "PEMKOT", 186400, .connected),
        official(.facebook, "pemkottirtamaya", "Pemerintah Kota Tirtamaya", "PEMKOT", 312700, .connected),
        official(.x, "pemkottirtamaya", "Pemkot Tirtamaya", "PEMKOT", 58900, .connected),
        official(.youtube, "pemkottirtamaya", "Pemkot Tirtamaya TV", "PEMKOT", 64300, .connected),
        official(.tiktok, "pemkot.tirtamaya", "Pemkot Tirtamaya", "PEMKOT", 121500, .connected),
        official(.whatsapp, "+62811000111", "Layanan Warga Kota Tirtamaya", "PEMKOT", 52800, .connected),
        // Dinas Komunikasi dan Informatika
        official(.instagram, "diskominfo.tirtamaya", "Diskominfo Kota Tirtamaya", "DISKOMINFO", 43800, .connected),
        official(.facebook, "diskominfokotatirtamaya", "Diskominfo Kota Tirtamaya", "DISKOMINFO", 45800, .connected),
        official(.x, "diskominfo_tmy", "Diskominfo Kota Tirtamaya", "DISKOMINFO", 17300, .connected),
        official(.youtube, "kominfotirtamaya", "Kominfo Tirtamaya", "DISKOMINFO", 16400, .connected),
        official(.tiktok, "diskominfo.tirtamaya", "Diskominfo Kota Tirtamaya", "DISKOMINFO", 41100, .connected),
        official(.facebook, "tirtamayacekfakta", "Tirtamaya Cek Fakta", "DISKOMINFO", 8400, .connected),
        // Dinas Kesehatan
        official(.instagram, "dinkes.tirtamaya", "Dinkes Kota Tirtamaya", "DINKES", 41800, .connected),
        official(.facebook, "dinkeskotatirtamaya", "Dinkes Kota Tirtamaya", "DINKES", 38000, .connected),
        official(.x, "dinkes_tmy", "Dinkes Kota Tirtamaya", "DINKES", 16900, .connected),
        official(.youtube, "dinkestirtamaya", "Dinkes Tirtamaya TV", "DINKES", 13300, .connected),
        official(.tiktok, "dinkes.tirtamaya.sehat", "Dinkes Kota Tirtamaya", "DINKES", 41000, .connected),
        // Dinas Pendidikan
        official(.instagram, "disdik.tirtamaya", "Disdik Kota Tirtamaya", "DISDIK", 29500, .connected),
        official(.facebook, "disdikkotatirtamaya", "Disdik Kota Tirtamaya", "DISDIK", 29100, .connected),
        official(.youtube, "disdiktirtamaya", "Disdik Tirtamaya TV", "DISDIK", 8840, .needsReconnect),
        // Dinas Pekerjaan Umum dan Penataan Ruang
        official(.instagram, "dpupr.tirtamaya", "Dinas PUPR Kota Tirtamaya", "DPUPR", 12100, .connected),
        official(.facebook, "dpuprkotatirtamaya", "Dinas PUPR Kota Tirtamaya", "DPUPR", 11100, .connected),
        // Dinas Perhubungan
        official(.instagram, "dishub.tirtamaya", "Dishub Kota Tirtamaya", "DISHUB", 23100, .connected),
        official(.facebook, "dishubkotatirtamaya", "Dishub Kota Tirtamaya", "DISHUB", 19700, .needsReconnect),
        official(.x, "dishub_tmy", "Dishub Kota Tirtamaya", "DISHUB", 9640, .connected),
        // Dinas Kependudukan dan Pencatatan Sipil
        official(.instagram, "disdukcapil.tirtamaya", "Disdukcapil Kota Tirtamaya", "DISDUKCAPIL", 39600, .connected),
        official(.facebook, "disdukcapilkotatirtamaya", "Disdukcapil Kota Tirtamaya", "DISDUKCAPIL", 29100, .connected),
        official(.tiktok, "disdukcapil.tirtamaya", "Disdukcapil Kota Tirtamaya", "DISDUKCAPIL", 28900, .connected),
        // Dinas Sosial
        official(.instagram, "dinsos.tirtamaya", "Dinsos Kota Tirtamaya", "DINSOS", 14500, .connected),
        official(.facebook, "dinsoskotatirtamaya", "Dinsos Kota Tirtamaya", "DINSOS", 14800, .connected),
        // Dinas Lingkungan Hidup
        official(.instagram, "dlh.tirtamaya", "DLH Kota Tirtamaya", "DLH", 12200, .connected),
        official(.facebook, "dlhkotatirtamaya", "DLH Kota Tirtamaya", "DLH", 10200, .connected),
        // Dinas Pariwisata
        official(.instagram, "dispar.tirtamaya", "Dispar Kota Tirtamaya", "DISPAR", 28200, .connected),
        official(.facebook, "disparkotatirtamaya", "Dispar Kota Tirtamaya", "DISPAR", 21900, .connected),
        official(.youtube, "dispartirtamaya", "Dispar Tirtamaya TV", "DISPAR", 8900, .connected),
        official(.tiktok, "dispar.tirtamaya", "Dispar Kota Tirtamaya", "DISPAR", 24700, .connected),
        // Dinas Koperasi dan Usaha Mikro, Kecil, dan Menengah
        official(.instagram, "diskopumkm.tirtamaya", "Diskop UMKM Kota Tirtamaya", "DISKOPUMKM", 13600, .connected),
        official(.facebook, "diskopumkmkotatirtamaya", "Diskop UMKM Kota Tirtamaya", "DISKOPUMKM", 13200, .connected),
        // Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu
        official(.instagram, "dpmptsp.tirtamaya", "DPMPTSP Kota Tirtamaya", "DPMPTSP", 9460, .connected),
        official(.facebook, "dpmptspkotatirtamaya", "DPMPTSP Kota Tirtamaya", "DPMPTSP", 10100, .connected),
        // Satuan Polisi Pamong Praja
        official(.instagram, "satpolpp.tirtamaya", "Satpol PP Kota Tirtamaya", "SATPOLPP", 18800, .connected),
        official(.facebook, "satpolppkotatirtamaya", "Satpol PP Kota Tirtamaya", "SATPOLPP", 16000, .connected),
        official(.x, "satpolpp_tmy", "Satpol PP Kota Tirtamaya", "SATPOLPP", 6570, .connected),
        // Rumah Sakit Umum Daerah Kota Tirtamaya
        official(.instagram, "rsud.kota.tirtamaya", "RSUD Kota Tirtamaya", "RSUD", 19400, .connected),
        official(.facebook, "rsudkotatirtamaya", "RSUD Kota Tirtamaya", "RSUD", 21200, .connected),
        // Dinas Kepemudaan dan Olahraga
        official(.instagram, "dispora.tirtamaya", "Dispora Kota Tirtamaya", "DISPORA", 11300, .connected),
        official(.facebook, "disporakotatirtamaya", "Dispora Kota Tirtamaya", "DISPORA", 11700, .connected),
        // Dinas Tenaga Kerja
        official(.instagram, "disnaker.tirtamaya", "Disnaker Kota Tirtamaya", "DISNAKER", 17100, .connected),
        official(.facebook, "disnakerkotatirtamaya", "Disnaker Kota Tirtamaya", "DISNAKER", 14400, .connected),
        // Dinas Perumahan dan Kawasan Permukiman
        official(.instagram, "disperkim.tirtamaya", "Disperkim Kota Tirtamaya", "DISPERKIM", 5630, .needsReconnect),
        official(.facebook, "disperkimkotatirtamaya", "Disperkim Kota Tirtamaya", "DISPERKIM", 4800, .connected),
        // Dinas Ketahanan Pangan dan Pertanian
        official(.instagram, "dkpp.tirtamaya", "DKPP Kota Tirtamaya", "DKPP", 7760, .connected),
        official(.facebook, "dkppkotatirtamaya", "DKPP Kota Tirtamaya", "DKPP", 5480, .connected),
        // Dinas Perdagangan dan Perindustrian
        official(.instagram, "disperindag.tirtamaya", "Disperindag Kota Tirtamaya", "DISPERINDAG", 10600, .connected),
        official(.facebook, "disperindagkotatirtamaya", "Disperindag Kota Tirtamaya", "DISPERINDAG", 8630, .connected),
        // Dinas Pemberdayaan Perempuan dan Perlindungan Anak
        official(.instagram, "dp3a.tirtamaya", "DP3A Kota Tirtamaya", "DP3A", 7520, .connected),
        official(.facebook, "dp3akotatirtamaya", "DP3A Kota Tirtamaya", "DP3A", 8140, .connected),
        // Dinas Perpustakaan dan Kearsipan
        official(.instagram, "disarpus.tirtamaya", "Disarpus Kota Tirtamaya", "DISARPUS", 6320, .connected),
        official(.facebook, "disarpuskotatirtamaya", "Disarpus Kota Tirtamaya", "DISARPUS", 4320, .connected),
        // Dinas Pemadam Kebakaran dan Penyelamatan
        official(.instagram, "damkar_tirtamaya", "Damkar Kota Tirtamaya", "DAMKAR", 22500, .connected),
        official(.facebook, "damkarkotatirtamaya", "Damkar Kota Tirtamaya", "DAMKAR", 22400, .connected),
        official(.tiktok, "damkar.tirtamaya", "Damkar Kota Tirtamaya", "DAMKAR", 19000, .connected),
        // Dinas Kebudayaan
        official(.instagram, "disbud.tirtamaya", "Disbud Kota Tirtamaya", "DISBUD", 8590, .connected),
        official(.facebook, "disbudkotatirtamaya", "Disbud Kota Tirtamaya", "DISBUD", 7580, .connected),
        // Badan Perencanaan Pembangunan Daerah
        official(.instagram, "bappeda.tirtamaya", "Bappeda Kota Tirtamaya", "BAPPEDA", 5970, .connected),
        official(.facebook, "bappedakotatirtamaya", "Bappeda Kota Tirtamaya", "BAPPEDA", 5540, .connected),
        // Badan Penanggulangan Bencana Daerah
        official(.instagram, "bpbd.tirtamaya", "BPBD Kota Tirtamaya", "BPBD", 30900, .connected),
        official(.facebook, "bpbdkotatirtamaya", "BPBD Kota Tirtamaya", "BPBD", 28900, .connected),
        official(.x, "bpbd_tmy", "BPBD Kota Tirtamaya", "BPBD", 13700, .connected),
        // Badan Kepegawaian dan Pengembangan Sumber Daya Manusia
        official(.instagram, "bkpsdm.tirtamaya", "BKPSDM Kota Tirtamaya", "BKPSDM", 10900, .connected),
        official(.facebook, "bkpsdmkotatirtamaya", "BKPSDM Kota Tirtamaya", "BKPSDM", 10700, .connected),
        // Badan Pendapatan Daerah
        official(.instagram, "bapenda.tirtamaya", "Bapenda Kota Tirtamaya", "BAPENDA", 8580, .connected),
        official(.facebook, "bapendakotatirtamaya", "Bapenda Kota Tirtamaya", "BAPENDA", 6860, .needsReconnect),
        // Badan Pengelolaan Keuangan dan Aset Daerah
        official(.instagram, "bpkad.tirtamaya", "BPKAD Kota Tirtamaya", "BPKAD", 3430, .connected),
        official(.facebook, "bpkadkotatirtamaya", "BPKAD Kota Tirtamaya", "BPKAD", 3140, .connected),
        // Badan Kesatuan Bangsa dan Politik
        official(.instagram, "kesbangpol.tirtamaya", "Kesbangpol Kota Tirtamaya", "KESBANGPOL", 3190, .connected),
        official(.facebook, "kesbangpolkotatirtamaya", "Kesbangpol Kota Tirtamaya", "KESBANGPOL", 2520, .connected),
        // Inspektorat Daerah
        official(.instagram, "inspektorat.tirtamaya", "Inspektorat Kota Tirtamaya", "INSPEKTORAT", 2840, .disconnected),
        official(.facebook, "inspektoratkotatirtamaya", "Inspektorat Kota Tirtamaya", "INSPEKTORAT", 2200, .connected),
        // Bagian Protokol dan Komunikasi Pimpinan
        official(.instagram, "prokopim.tirtamaya", "Prokopim Setda Kota Tirtamaya", "BAG-PROKOPIM", 18000, .connected),
        official(.facebook, "prokopimsetdatirtamaya", "Prokopim Setda Kota Tirtamaya", "BAG-PROKOPIM", 16800, .connected),
        // Bagian Hukum
        official(.instagram, "jdih.tirtamaya", "Bagian Hukum Setda Kota Tirtamaya", "BAG-HUKUM", 2440, .connected),
        official(.facebook, "baghukumsetdatirtamaya", "Bagian Hukum Setda Kota Tirtamaya", "BAG-HUKUM", 2060, .disconnected),
        // Kecamatan
        official(.facebook, "kecamatan.sukamaju", "Kecamatan Sukamaju", "KEC-SUKAMAJU", 7740, .connected),
        official(.facebook, "kecamatan.kotalama", "Kecamatan Kota Lama", "KEC-KOTALAMA", 2710, .connected),
        official(.facebook, "kecamatan.mekarjaya", "Kecamatan Mekarjaya", "KEC-MEKARJAYA", 4480, .connected),
        official(.facebook, "kecamatan.banyuasri", "Kecamatan Banyuasri", "KEC-BANYUASRI", 5900, .connected),
        official(.facebook, "kecamatan.karangwangi", "Kecamatan Karangwangi", "KEC-KARANGWANGI", 6880, .connected),
        official(.facebook, "kecamatan.sidomulyo", "Kecamatan Sidomulyo", "KEC-SIDOMULYO", 4040, .connected),
        official(.facebook, "kecamatan.cahayabaru", "Kecamatan Cahaya Baru", "KEC-CAHAYABARU", 8540, .connected),
        official(.facebook, "kecamatan.pancaran", "Kecamatan Pancaran", "KEC-PANCARAN", 7520, .connected),
        official(.facebook, "kecamatan.wanasari", "Kecamatan Wanasari", "KEC-WANASARI", 7190, .needsReconnect),
        official(.facebook, "kecamatan.gunungsari", "Kecamatan Gunung Sari", "KEC-GUNUNGSARI", 5570, .connected),
        official(.facebook, "kecamatan.telagabiru", "Kecamatan Telaga Biru", "KEC-TELAGABIRU", 4080, .connected),
        official(.facebook, "kecamatan.padangsari", "Kecamatan Padangsari", "KEC-PADANGSARI", 3600, .connected),
        official(.facebook, "kecamatan.lembahhijau", "Kecamatan Lembah Hijau", "KEC-LEMBAHHIJAU", 7130, .connected),
        official(.facebook, "kecamatan.tanjungharapan", "Kecamatan Tanjung Harapan", "KEC-TANJUNGHARAPAN", 2650, .connected),
        official(.facebook, "kecamatan.tirtamayautara", "Kecamatan Tirtamaya Utara", "KEC-TIRTAMAYAUTARA", 6780, .connected),
        official(.facebook, "kecamatan.tirtamayaselatan", "Kecamatan Tirtamaya Selatan", "KEC-TIRTAMAYASELATAN", 7340, .connected),
        // Kelurahan
        official(.facebook, "kelurahan.sukajadi", "Kelurahan Sukajadi", "KEL-SUKAJADI", 1060, .connected),
        official(.instagram, "kel.kauman", "Kelurahan Kauman", "KEL-KAUMAN", 2120, .needsReconnect),
        official(.facebook, "kelurahan.karangsari", "Kelurahan Karangsari", "KEL-KARANGSARI", 261, .disconnected),
        official(.instagram, "kel.padangtinggi", "Kelurahan Padang Tinggi", "KEL-PADANGTINGGI", 2360, .connected),
        official(.facebook, "kelurahan.bukitindah", "Kelurahan Bukit Indah", "KEL-BUKITINDAH", 834, .connected),
        // Akun pribadi ASN
        staffAccount(.instagram, "bu.rina.mengajar", "Rina Kusumawati", "DISDIK", "rina.kusumawati", 493, .connected),
        staffAccount(.tiktok, "burinamengajar", "Rina Kusumawati", "DISDIK", "rina.kusumawati", 1450, .connected),
        staffAccount(.facebook, "rina.kusumawati.87", "Rina Kusumawati", "DISDIK", "rina.kusumawati", 2680, .connected),
        staffAccount(.instagram, "dr.aditya.nugraha", "dr. Aditya Nugraha", "RSUD", "aditya.nugraha", 408, .connected),
        staffAccount(.tiktok, "draditya_sehat", "dr. Aditya Nugraha", "RSUD", "aditya.nugraha", 2820, .connected),
        staffAccount(.instagram, "surya.tarigan", "Surya Darma Tarigan", "DAMKAR", "surya.tarigan", 566, .connected),
        staffAccount(.facebook, "suryadarma.tarigan", "Surya Darma Tarigan", "DAMKAR", "surya.tarigan", 2530, .connected),
        staffAccount(.instagram, "annisa.rahmadani", "Annisa Rahmadani", "DINKES", "annisa.rahmadani", 2860, .connected),
        staffAccount(.tiktok, "nisa_gizi", "Annisa Rahmadani", "DINKES", "annisa.rahmadani", 1570, .connected),
        staffAccount(.instagram, "hafizjalanjalan", "Hafiz Alamsyah", "DISPAR", "hafiz.alamsyah", 4040, .needsReconnect),
        staffAccount(.instagram, "citramaharani_", "Citra Maharani", "DISKOMINFO", "citra.maharani", 669, .connected),
        staffAccount(.x, "citramhrn", "Citra Maharani", "DISKOMINFO", "citra.maharani", 3180, .connected),
        staffAccount(.facebook, "samsul.arifin.dlh", "Samsul Arifin", "DLH", "samsul.arifin", 1500, .connected),
        staffAccount(.instagram, "samsul.hijau", "Samsul Arifin", "DLH", "samsul.arifin", 4190, .connected),
        staffAccount(.instagram, "gedemahendra.art", "Putu Gede Mahendra", "DISBUD", "gede.mahendra", 472, .connected),
        staffAccount(.tiktok, "gede_mahendra", "Putu Gede Mahendra", "DISBUD", "gede.mahendra", 4810, .connected),
        staffAccount(.facebook, "putugede.mahendra", "Putu Gede Mahendra", "DISBUD", "gede.mahendra", 3660, .connected),
        staffAccount(.instagram, "vina.umkm", "Vina Oktaviani", "DISKOPUMKM", "vina.oktaviani", 2460, .connected),
        staffAccount(.tiktok, "vinaoktaviani_", "Vina Oktaviani", "DISKOPUMKM", "vina.oktaviani", 4530, .connected),
        staffAccount(.facebook, "benny.sihombing.77", "Benny Sihombing", "SATPOLPP", "benny.sihombing", 3050, .disconnected),
        staffAccount(.instagram, "nabilazahra.id", "Nabila Zahra", "KEC-SUKAMAJU", "nabila.zahra", 2530, .connected),
        staffAccount(.tiktok, "nabila.zahra", "Nabila Zahra", "KEC-SUKAMAJU", "nabila.zahra", 1430, .connected),
        staffAccount(.facebook, "teguh.wibowo.sidomulyo", "Teguh Wibowo", "KEC-SIDOMULYO", "teguh.wibowo", 3930, .connected),
        staffAccount(.instagram, "teguhwibowo__", "Teguh Wibowo", "KEC-SIDOMULYO", "teguh.wibowo", 1870, .connected),
        staffAccount(.instagram, "hasnawati.dukcapil", "Hasnawati", "DISDUKCAPIL", "hasnawati", 1940, .connected),
        staffAccount(.facebook, "hasnawati.mks", "Hasnawati", "DISDUKCAPIL", "hasnawati", 1240, .connected),
        staffAccount(.x, "dodipermana", "Dodi Permana", "DISHUB", "dodi.permana", 3790, .connected),
        staffAccount(.instagram, "dodi.permana", "Dodi Permana", "DISHUB", "dodi.permana", 1720, .connected),
        staffAccount(.instagram, "yuliarahmi.ppa", "Yulia Rahmi", "DP3A", "yulia.rahmi", 4190, .connected),
        staffAccount(.facebook, "yulia.rahmi.minang", "Yulia Rahmi", "DP3A", "yulia.rahmi", 4560, .connected),
        staffAccount(.x, "ferry_siaga", "Ferry Irawan", "BPBD", "ferry.irawan", 2440, .needsReconnect),
        staffAccount(.instagram, "ferry.irawan.bpbd", "Ferry Irawan", "BPBD", "ferry.irawan", 4740, .connected),
        staffAccount(.tiktok, "nandasaputri", "Nanda Saputri", "DISPORA", "nanda.saputri", 1500, .connected),
        staffAccount(.instagram, "nanda.saputri", "Nanda Saputri", "DISPORA", "nanda.saputri", 1980, .connected),
        staffAccount(.instagram, "pak.okta.guru", "Oktavianus Lumbantobing", "DISDIK", "oktavianus.lumbantobing", 4060, .connected),
        staffAccount(.tiktok, "pakoktaguru", "Oktavianus Lumbantobing", "DISDIK", "oktavianus.lumbantobing", 234, .connected),
        staffAccount(.facebook, "oktavianus.lbntobing", "Oktavianus Lumbantobing", "DISDIK", "oktavianus.lumbantobing", 4870, .connected),
        staffAccount(.facebook, "kurniasih.tanjungharapan", "Kurniasih", "KEC-TANJUNGHARAPAN", "kurniasih", 1630, .connected),
        staffAccount(.instagram, "kurniasih.tjh", "Kurniasih", "KEC-TANJUNGHARAPAN", "kurniasih", 4800, .connected),
        staffAccount(.instagram, "restu.anggoro", "Restu Anggoro", "DPUPR", "restu.anggoro", 1240, .connected),
    ]

    // MARK: - Helpers

    private static func unit(_ code: String, _ name: String, _ kind: UnitKind, _ parent: String?) -> UnitSeed {
        UnitSeed(code: code, name: name, kind: kind, parentCode: parent)
    }

    private static func grant(_ role: Role, _ unitCode: String) -> Grant {
        Grant(role: role, unitCode: unitCode)
    }

    private static func person(
        _ name: String, _ emailLocalPart: String, _ nip: String?, _ phone: String, _ grants: [Grant]
    ) -> PersonSeed {
        PersonSeed(name: name, emailLocalPart: emailLocalPart, nip: nip, phone: phone, grants: grants)
    }

    private static func official(
        _ platform: Platform, _ handle: String, _ displayName: String, _ unitCode: String,
        _ followers: Int, _ status: AccountStatus
    ) -> AccountSeed {
        AccountSeed(
            platform: platform, handle: handle, displayName: displayName, unitCode: unitCode,
            kind: .official, ownerEmailLocalPart: nil, followers: followers, status: status
        )
    }

    private static func staffAccount(
        _ platform: Platform, _ handle: String, _ displayName: String, _ unitCode: String,
        _ owner: String, _ followers: Int, _ status: AccountStatus
    ) -> AccountSeed {
        AccountSeed(
            platform: platform, handle: handle, displayName: displayName, unitCode: unitCode,
            kind: .staff, ownerEmailLocalPart: owner, followers: followers, status: status
        )
    }
}
