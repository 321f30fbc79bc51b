/// Shared lists of words that rules refer to as `$name`. They are matched on stems unless a word
/// is written `=word`, so each list names roots and a few fixed forms.
public enum TermSets {
    public static let builtIn: [String: [String]] = [
        // Protected targets of SKB 11 butir 1: the state's foundations, its symbols and its government.
        "target-negara": [
            "pancasila", "uud 1945", "uud 45", "undang-undang dasar", "konstitusi", "nkri", "negara kesatuan",
            "bhinneka tunggal ika", "bhineka tunggal ika", "bhinneka", "bhineka", "=pemerintah", "=pemerintahan", "=negara",
            "=negeri", "=indonesia", "presiden", "wakil presiden", "=rezim", "=pemerintah kota", "=pemerintah provinsi",
            "=pemerintah kabupaten", "=pemda", "=camat", "=lurah", "=kantor camat", "=kantor lurah", "gubernur", "wali kota", "walikota", "bupati", "=dpr", "=dprd", "=tni",
            "=polri", "=aparat", "garuda", "merah putih", "=bendera", "lambang negara", "indonesia raya", "lagu kebangsaan",
            "ideologi negara", "=upacara", "hormat bendera",
        ],
        // SKB 11 butir 2 and SE 137: suku, agama, ras and antargolongan.
        "sara": [
            "islam", "muslim", "=muslimin", "kristen", "nasrani", "katolik", "protestan", "hindu", "buddha", "budha",
            "konghucu", "khonghucu", "yahudi", "=agama", "=umat", "=umat agama", "=gereja", "=masjid", "=pura", "=vihara",
            "=klenteng", "syiah", "ahmadiyah", "=ateis", "=kafir", "=suku", "=jawa", "=sunda", "=batak", "=minang",
            "=bugis", "=madura", "=dayak", "=papua", "=ambon", "=betawi", "=tionghoa", "=cina", "=china", "=aseng",
            "=arab", "=keturunan", "=warga keturunan", "=pribumi", "=nonpribumi", "=ras", "=etnis", "=pendatang",
            "=golongan", "=minoritas", "=kaum minoritas", "=mayoritas", "=agama sebelah", "=orang kafir",
            "=orang padang", "=toraja", "=banjar", "=nias", "=keling",
        ],
        // Words of hatred, contempt and attack that make a mention of a target a violation.
        "kebencian": [
            "benci", "hina", "laknat", "terkutuk", "=najis", "=seperti sampah", "=kayak sampah", "=itu sampah",
            "=cuma sampah", "=dasar sampah", "=sampah masyarakat", "=tong sampah", "=busuk", "=bangsat", "=anjing",
            "=babi", "=bodoh", "=goblok", "=tolol", "=bego", "=biadab", "=brengsek", "=bajingan", "=bangkai", "=kotor",
            "=menyebar virus",
            "=sesat", "=penjajah", "=antek", "=musuh", "=zalim", "=dzalim", "=thogut", "=thaghut", "=taghut", "=thagut",
            "=toghut", "usir", "bantai", "musnah", "basmi", "=habisi", "=ganyang", "=hancurkan", "=bubar",
            "=bubarkan", "=bakar", "=tumpas", "=enyah", "=mampus", "=binasa", "=kafir", "=haram", "=pembohong",
            "=penipu", "=maling", "=koruptor", "=boneka", "=budak", "=sialan", "=keparat", "=tai", "=lawan",
            "=gulingkan", "=jatuhkan", "=injak", "=anjing penjilat", "=penjilat", "bunuh", "=jual mimpi", "=injak-injak", "=robek", "=kencingi", "=diinjak", "=dirobek",
            "=dibakar", "lecehkan", "=ludahi", "=basi", "=omong kosong", "=tidak ada gunanya", "=tak ada gunanya",
            "=tidak berguna", "=buang saja", "=dicampakkan", "=campakkan", "=tinggalkan", "=bubarin", "=obral",
            "=pemujaan", "=tidak sudi", "=nggak sudi", "=dibongkar paksa", "=biang", "=maruk", "=serakah",
            "=mengkhianati", "=produk kompromi", "=syirik", "=dosa", "=licik", "=rakus", "=tidak setia",
            "=tidak pernah setia", "=tahu diri", "=bukan milik", "=bukan milik mereka", "=bersihkan mereka", "=bersihkan dari",
            "=dibersihkan dari", "=tumbang",
            "=runtuh", "=gagal", "=komunis", "=pki", "=tikus", "=bongsor", "=ditolak", "=dihapus", "=tidak relevan", "=tak relevan", "=dilengserkan", "=lengserkan", "=cuma bisa bohong", "=bohong",
            "=tidak layak", "=tak layak", "=tidak pantas", "=jangan dipercaya", "=jangan pernah dipercaya",
            "=bikin rusuh", "=suka bikin rusuh", "=perusak", "=penghianat", "=pengkhianat", "=jahanam", "=iblis",
            "=setan", "=sok suci", "=kampungan", "=terbelakang", "=primitif", "=barbar", "=tidak tunduk",
            "=bukan negara kami", "=jahiliah", "=jahiliyah", "=berhala", "=tidak ada artinya", "=tak ada artinya",
        ],
        // The government as a target of force: its institutions, its officials and the places and
        // things that stand for them. Wider than `target-negara`, which also holds ideas.
        "target-pemerintah": [
            "=pemerintah", "=pemerintahan", "=rezim", "=penguasa", "=negara", "=pejabat", "=pejabatnya", "=menteri",
            "presiden", "gubernur", "bupati", "wali kota", "walikota", "=camat", "=lurah", "=kepala desa", "=kades",
            "=kepala dinas", "=kepala dinasnya", "=kadis", "=sekda", "=dprd", "=dpr", "=anggota dewan", "=aparat",
            "=polisi", "=polri", "=tni", "=tentara", "=satpol pp", "=balai kota", "=balaikota", "=kantor bupati",
            "=kantor gubernur", "=kantor wali kota", "=kantor camat", "=kantor lurah", "=kantor kelurahan",
            "=kantor kecamatan", "=kantor pemerintah", "=kantor-kantor pemerintah", "=kantor dinas", "=gedung dprd",
            "=gedung dewan", "=mobil dinas", "=pos polisi", "=istana", "=pemerintah kota", "=pemerintah provinsi",
            "=pemerintah kabupaten", "=pemda", "=antek rezim",
        ],
        // Acts of force and the weapons for them, as a call would word them ("habisi", "bakar",
        // "angkat senjata"); news words such as "kebakaran" or "terbakar" stay out.
        "kekerasan": [
            "=bunuh", "=dibunuh", "=habisi", "=dihabisi", "=bantai", "=dibantai", "=gorok", "=digorok", "=gantung",
            "=digantung", "=tembak", "=ditembak", "=tikam", "=bacok", "=dibacok", "=culik", "=sandera", "=serang",
            "=diserang", "=bakar", "=dibakar", "=bakarlah", "=hancurkan", "=dihancurkan",
            "=rusak saja", "=dirusak", "=lempari", "=dilempari", "=keroyok", "=hajar", "=gebuki", "=aniaya",
            "=ledakkan", "=bom molotov", "=molotov", "=sajam", "=golok", "=parang", "=celurit", "=clurit",
            "=bedil", "=bambu runcing", "=angkat senjata", "=bawa senjata", "=siapkan senjata", "=pakai senjata", "=persenjatai", "=revolusi berdarah",
            "=titik darah penghabisan", "=tumbangkan paksa", "=ditumbangkan paksa", "=dengan kekerasan", "=kekerasan",
            "=tangan kita sendiri", "=kudeta", "=makar", "=jarah", "=dibalas setimpal",
        ],
        // Crowd actions that are violent only when aimed straight at an office ("serbu balai kota");
        // "serbu pasar murah di halaman kantor kecamatan" is a sale.
        "aksi-massa": ["=serbu", "=diserbu", "=kepung", "=dikepung", "=duduki", "=geruduk", "=gruduk", "=segel"],
        // Things carried to a fight.
        "senjata": [
            "=senjata", "=senjata tajam", "=sajam", "=golok", "=parang", "=celurit", "=clurit", "=pedang", "=bedil",
            "=pistol", "=bambu runcing", "=molotov", "=bom molotov", "=batu", "=pentungan", "=samurai", "=tombak",
            "=bensin", "=panah",
        ],
        // Names for a group by faith, origin or creed beyond `sara`, as hostile texts use them.
        "kelompok": [
            "=kaum", "=nonmuslim", "=non muslim", "=bukan pribumi", "=non pribumi", "=penyembah berhala", "=aliran",
            "=aliran sesat", "=jemaat", "=jemaatnya", "=pemeluk", "=berbeda keyakinan", "=beda keyakinan",
            "=beda agama", "=agama lain", "=suku sebelah", "=suku lain",
        ],
        // Driving a group out, wiping it out, shunning it or taking its rights away. Several start
        // with a negation ("jangan kasih"): the negation is the exclusion itself.
        "pengucilan": [
            "usir", "basmi", "=tumpas", "=ditumpas", "musnah", "=bantai", "=dibantai", "=habisi", "=dihabisi",
            "=singkirkan", "=disingkirkan", "=enyahkan", "=ganyang", "=bersihkan dari", "=dibersihkan dari",
            "=membersihkan dari", "boikot", "=jangan beli", "=jangan belanja", "=jangan didatangi", "=jangan datangi",
            "=jangan terima", "=jangan diterima", "=jangan kasih", "=jangan dikasih", "=jangan diberi", "=jangan beri",
            "=jangan diangkat", "=jangan izinkan", "=jangan diizinkan", "=jangan boleh", "=jangan salami",
            "=tidak boleh punya", "=tidak boleh tinggal", "=tidak boleh beli", "=tidak boleh membeli",
            "=dilarang tinggal", "=harus dilarang", "=segel", "=disegel", "=robohkan", "=dirobohkan",
            "=pulang ke negerinya", "=pulang ke negaranya", "=pulang ke kampungnya", "=pulang ke kampung kalian",
            "=mending pulang", "=hanya untuk pribumi", "=khusus pribumi", "=bukan punya mereka", "=bukan milik mereka",
            "=halal darahnya", "=cukup jadi staf", "=utamakan putra daerah", "=jangan dipilih",
        ],
        // Words that replace or discard the state's foundations.
        "ganti-dasar": [
            "=ganti", "=diganti", "=gantikan", "=digantikan", "=mengganti", "=ubah", "=buang", "=dibuang", "=bubarkan",
            "=dibubarkan", "=tinggalkan", "=ditinggalkan", "=campakkan", "=singkirkan", "=runtuhkan", "=gulingkan",
            "=kubur", "=kuburkan", "=tempat sampah",
        ],
        // Calls to pass a message on. Imperatives only: "mohon dibagikan" under an official notice
        // is the notice's own request, not a chain message.
        "ajakan-sebar": [
            "=sebarkan", "=sebarluaskan", "=viralkan", "=viralkanlah", "=bagikan", "=teruskan ke", "=teruskan pesan",
            "=forward", "=sebar ke", "=sebar saja", "=bantu sebar", "=tolong sebar", "=kasih tahu keluarga",
            "=kabari", "=broadcast ke", "=kirim pesan ini", "=jangan berhenti di kamu", "=copas ke",
        ],
        // Words that deny or correct a message: a text with them is fighting the rumour.
        "bantahan": [
            "=itu hoaks", "=adalah hoaks", "=ini hoaks", "=merupakan hoaks", "=termasuk hoaks", "=hoaks ya",
            "=tidak benar", "=tak benar", "=faktanya", "=klarifikasi", "=cek fakta", "=disinformasi", "=misinformasi",
            "=kabar bohong", "=berita bohong", "=meluruskan", "=bukan dari", "=jangan sebarkan", "=jangan disebarkan",
            "=jangan diteruskan", "=jangan teruskan", "=jangan langsung diteruskan", "=jangan ikut", "=tidak meneruskan",
            "=saring dulu", "=cek dulu",
        ],
        // What makes a message alarming: danger, death, disaster, shortage, a service cut, fraud,
        // a cover-up, or the writer's own claim that it is true. Plain topics ("banjir", "harga")
        // are not enough: an official notice speaks of them too.
        "kabar-genting": [
            "racun", "cemar", "=berbahaya", "=meninggal", "=tewas", "=mati", "=korbannya", "=banyak korban", "=jebol",
            "=bandang", "=tsunami", "=gempa", "=longsor", "=ambruk", "=roboh", "=retak", "=meledak", "=wabah",
            "=virus baru", "=penculikan", "=diculik", "=penculik", "=lumpuh", "=autis", "=mandul", "=kanker", "chip",
            "=bakteri", "=radiasi", "=padam", "=dipadamkan", "=dimatikan", "=naik jadi", "=naik menjadi", "=tembus",
            "=melonjak", "=langka", "=stok kosong", "=gudang kosong", "=borong", "=akan dihapus", "=dicabut",
            "=tidak berlaku", "=didenda", "=ditutup total", "=diputus", "=diliburkan", "=menolak pasien", "=dipotong",
            "=tanpa ganti rugi", "=menggusur", "=digusur", "=curang", "=kecurangan", "=dicurangi", "=dicoblos",
            "=digelembungkan", "=dimanipulasi", "=sudah diatur", "=diatur", "=politik uang", "=serangan fajar",
            "=ditutup-tutupi", "=menyembunyikan", "=disembunyikan", "=sebelum dihapus", "=bukan hoaks", "=ini nyata",
            "=info valid", "=a1", "=dijual", "=korupsi", "=selingkuh", "=main perempuan", "=terima uang", "=suap",
            "=katanya", "=kabarnya", "=konon", "=dengar-dengar", "=info dari grup", "=grup sebelah", "=copas",
            "=orang dalam", "=kata bidan", "=kata dokter", "=kata perawat", "=kata teman", "=kabar dari", "=forward dari",
        ],
        // Discrimination that needs no named group to be SARA hatred.
        "diskriminasi": [
            "=yang seiman", "=pilih yang seiman", "=jangan diberi", "=jangan kasih", "=jangan dikasih",
            "=jangan belanja", "=biang kriminal", "=dipimpin mereka", "=haram kita dipimpin", "=menguasai ekonomi",
            "=mengkhianati agamanya", "=tidak seiman", "=bukan seiman", "=pemimpin seiman", "=agama sebelah", "=satu golongan",
            "=milik satu golongan", "=negara agama", "=dikuasai", "=bukan milik mereka", "=orang kafir",
            "=usir saja", "=usir mereka",
        ],
        // Calls to replace the state's foundations.
        "anti-pancasila": [
            "ganti pancasila", "ganti ideologi", "ganti sistem", "tegakkan khilafah", "tegak khilafah", "=khilafah",
            "=khilafahisme", "daulah islamiyah", "=negara islam", "=negara agama", "nkri bubar", "bubarkan nkri",
            "bubar nkri", "pancasila thogut", "sistem kufur", "sistem kafir", "demokrasi haram", "demokrasi kufur",
            "=pemerintah thogut", "=pemerintah thagut", "=negara thogut", "=negara thagut", "=rezim thogut",
            "=rezim thagut", "=negara baru", "=di luar nkri", "=ormas terlarang", "=pancasila wajib ditolak",
            "=pancasila dihapus", "=nkri diganti", "=indonesia sudah gagal", "=tidak tunduk pada pancasila",
        ],
        // Support for terror.
        "teror": [
            "=isis", "jamaah islamiyah", "=jad", "=jihadis", "bom bunuh diri", "=teroris", "=terorisme", "=amaliyah",
            "=mujahid", "=mujahidin", "=meledakkan", "=bom", "=jihad", "=syahid", "=angkat senjata", "=siapkan senjata",
            "=pengeboman", "=berbaiat", "=syuhada",
        ],
        "dukungan": [
            "dukung", "=pilih", "=pilihlah", "=memilih", "=pilihan", "=coblos", "=coblosan", "=mencoblos", "=coblosnya",
            "=contreng", "=menangkan", "=memenangkan", "=kemenangan", "=kawal", "=lanjutkan", "=jayalah", "=hidup",
            "=terbaik", "=juara", "=mantap", "=keren", "=hebat", "=top", "=idola", "=sukses", "=menang", "=lanjut",
            "=semangat", "=pasti menang", "=satu putaran", "=dua periode", "=2 periode", "=all in", "=gas", "=gaskeun",
            "=setia", "=andalan", "=pemimpin", "=amanah", "=cocok", "=layak", "=siap", "=ayo", "=yuk", "=mari",
            "=doa dan dukungan", "=doa dan dukungannya", "=saatnya", "=pastikan", "=ikut kampanye", "=posko", "=konvoi",
            "=peduli", "=terbukti", "=kerja nyata", "=satu-satunya", "=masuk akal", "=paling masuk akal", "=merakyat",
            "=ramah", "=tegas", "=santun", "=jangan lupa", "=salah pilih", "=jangan sampai salah pilih", "=jadi wali kota",
            "=duduk di balai kota", "=beda kelas", "=suka gaya", "juara", "=cerdas", "=paling cerdas", "=sudah mantap", "=relawan", "=tim sukses", "=timses",
            "=menangkan", "=coblos yang", "=berkacamata",
            // Campaign work, as sanctioned ASN were found doing it: joining the team or its group,
            // targets, material, and the sharing, liking and following of its posts.
            "=tusuk", "=harga mati", "=jaya", "=pemenangan", "=tim pemenangan", "=konsolidasi", "=gabung", "=bergabung",
            "=grup", "=sahabat", "=masukkan saya", "=suara untuk", "=persen suara", "=target", "=gaspol", "=stiker",
            "=kaos", "=baliho", "=spanduk", "=dari dulu", "=paling paham", "=yang paham", "=bagikan", "=like", "=follow",
            "=komen", "=jangan salah pilih", "=menang telak", "=buktikan di tps", "=di tps",
        ],
        // Negations and prohibitions that turn a violation into its opposite.
        "negasi": [
            "tidak", "tak", "bukan", "jangan", "=janganlah", "=dilarang", "=larang", "=larangan", "=hindari",
            "=menghindari", "=tolak", "=menolak", "=stop", "=tanpa", "=belum", "=enggan", "=pantang",
        ],
        // Words of someone reporting, warning about or acting against a violation, not committing it.
        "pelaporan": [
            "=beredar", "=ajakan", "=menurunkan", "=hoaks", "=hoax", "=hoaxs", "=disinformasi", "=misinformasi", "=klarifikasi",
            "=waspada", "=waspadai",
            "=melaporkan", "=dilaporkan", "=laporkan", "=menangkap", "=ditangkap",
            "=tangkap", "=bawaslu", "=polisi", "=polres", "=polda", "=kepolisian", "=sanksi", "=dijatuhi",
            "=diperiksa", "=pemeriksaan", "=tindak", "=menindak", "=ditindak", "=mengecam", "=kecam",
            "=mengutuk", "=contoh", "=misalnya", "=pelanggaran", "=melanggar",
            "=dilarang", "=larangan", "=palsu", "=penyebar", "=pengunggah", "=tersangka", "=pelaku", "=ujaran",
            "=hukuman", "=penipuan", "=abaikan", "=netralitas", "=sosialisasi", "=menurut",
            "=aturan", "=ketentuan", "=inspektorat", "=dicopot", "=diberhentikan", "=dinonaktifkan", "=mencatat", "=dipanggil", "=memanggil", "=pidana", "=dipidana",
            "=menyita", "=disita", "=razia", "=mengamankan", "=diamankan", "=menemukan", "=mengutuk", "=menyesalkan",
            "=terbukti", "=diproses", "=laporan", "=vonis", "=divonis", "=seruan", "=memeriksa", "=diduga",
            "=menghapus", "=memblokir", "=diblokir",
        ],
        // Words of an official urging. They report a violation only when what they urge is
        // avoiding it ("mengimbau warga tidak menyebarkan …"); "mengimbau memilih Pak X" is the
        // violation itself.
        "imbauan": [
            "=imbau", "=mengimbau", "=diimbau", "=himbau", "=menghimbau", "=imbauan", "=mengingatkan", "=diingatkan",
            "=mengajak", "=diajak",
        ],
        // Praise just before a reporting word makes it the object of praise: "salut untuk para pelaku".
        "pujian": ["=salut", "=bangga", "=hebat", "=mantap", "=pahlawan", "=hidup", "=terpuji"],
        // Words between an urging and a match that make the urging a warning.
        "peringatan": ["=waspada", "=waspadai", "=hati-hati", "=menjaga", "=netral", "=netralitas"],
        // Words after a match that show it is described as an offence, not committed.
        "akibat": [
            "=dilarang", "=larangan", "=pelanggaran", "=melanggar", "=sanksi", "=dijatuhi", "=hukuman", "=pidana",
            "=dipidana", "=ditindak", "=penipuan", "=hoaks", "=hoax", "=abaikan", "=laporkan", "=diproses hukum",
            "=ditangkap", "=diperiksa", "=diproses",
        ],
        // Words outside quotation marks that show the quoted words are being reported.
        "kutipan": [
            "=viral", "=pesan", "=unggahan", "=menyebut", "=berteriak", "=saksi", "=terlapor", "=sidang", "=majelis", "=komentar", "=berkomentar", "=tulisan", "=kalimat", "=video",
            "=menyebarkannya", "=menyebarkan", "=disebar", "=direkam", "=ucapan", "=kata-kata", "=istilah",
            "=bertuliskan", "=tangkapan", "=rekayasa", "=berisi", "=memuat", "=seruan", "=narasi",
        ],
        // Questions that ask whether a rumour is true: asking is not spreading.
        "verifikasi": [
            "=kebenarannya", "=benarkah", "=benar atau hoaks", "=hoaks atau bukan", "=hoaks bukan", "=benar tidak",
            "=benar nggak", "=ini benar", "=apa benar", "=apakah benar", "=ada yang tahu", "=mohon info", "=cek fakta",
            "=sudah dicek", "=konfirmasi",
        ],
    ]
}
