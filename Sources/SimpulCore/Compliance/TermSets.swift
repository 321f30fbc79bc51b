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
            "=tidak pernah setia", "=tahu diri", "=bukan milik", "=bukan milik mereka", "=bersihkan", "=tumbang",
            "=runtuh", "=gagal", "=komunis", "=pki", "=tikus", "=bongsor", "=ditolak", "=dihapus", "=tidak relevan", "=tak relevan", "=dilengserkan", "=lengserkan", "=cuma bisa bohong", "=bohong",
            "=tidak layak", "=tak layak", "=tidak pantas", "=jangan dipercaya", "=jangan pernah dipercaya",
            "=bikin rusuh", "=suka bikin rusuh", "=perusak", "=penghianat", "=pengkhianat", "=jahanam", "=iblis",
            "=setan", "=sok suci", "=kampungan", "=terbelakang", "=primitif", "=barbar", "=tidak tunduk",
            "=bukan negara kami",
        ],
        // Discrimination that needs no named group to be SARA hatred.
        "diskriminasi": [
            "=yang seiman", "=pilih yang seiman", "=jangan diberi", "=jangan kasih", "=jangan dikasih",
            "=jangan belanja", "=biang kriminal", "=dipimpin mereka", "=haram kita dipimpin", "=menguasai ekonomi",
            "=mengkhianati agamanya", "=tidak seiman", "=agama sebelah", "=satu golongan",
            "=milik satu golongan", "=negara agama", "=kaum minoritas", "=bukan milik mereka", "=orang kafir",
            "=warga keturunan", "=usir saja", "=usir mereka",
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
            "=pengeboman", "=berbaiat",
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
        ],
        // Negations and prohibitions that turn a violation into its opposite.
        "negasi": [
            "tidak", "tak", "bukan", "jangan", "=janganlah", "=dilarang", "=larang", "=larangan", "=hindari",
            "=menghindari", "=tolak", "=menolak", "=stop", "=tanpa", "=belum", "=enggan", "=pantang",
        ],
        // Words of someone reporting, warning about or acting against a violation, not committing it.
        "pelaporan": [
            "=beredar", "=ajakan", "=menurunkan", "=hoaks", "=hoax", "=hoaxs", "=disinformasi", "=misinformasi", "=klarifikasi",
            "=waspada", "=waspadai", "=imbau", "=mengimbau", "=himbau", "=menghimbau", "=imbauan",
            "=melaporkan", "=dilaporkan", "=laporkan", "=menangkap", "=ditangkap",
            "=tangkap", "=bawaslu", "=polisi", "=polres", "=polda", "=kepolisian", "=sanksi", "=dijatuhi",
            "=diperiksa", "=pemeriksaan", "=tindak", "=menindak", "=ditindak", "=mengecam", "=kecam",
            "=mengutuk", "=mengingatkan", "=diingatkan", "=contoh", "=misalnya", "=pelanggaran", "=melanggar",
            "=dilarang", "=larangan", "=palsu", "=penyebar", "=pengunggah", "=tersangka", "=pelaku", "=ujaran",
            "=hukuman", "=penipuan", "=abaikan", "=netralitas", "=sosialisasi", "=menurut",
            "=aturan", "=ketentuan", "=inspektorat", "=dicopot", "=diberhentikan", "=dinonaktifkan", "=mencatat", "=dipanggil", "=memanggil", "=pidana", "=dipidana",
        ],
        // Words after a match that show it is described as an offence, not committed.
        "akibat": [
            "=dilarang", "=larangan", "=pelanggaran", "=melanggar", "=sanksi", "=dijatuhi", "=hukuman", "=pidana",
            "=dipidana", "=ditindak", "=penipuan", "=hoaks", "=hoax", "=abaikan", "=laporkan", "=diproses hukum",
            "=ditangkap", "=diperiksa", "=termasuk",
        ],
        // Words outside quotation marks that show the quoted words are being reported.
        "kutipan": [
            "=viral", "=pesan", "=unggahan", "=menyebut", "=berteriak", "=saksi", "=terlapor", "=sidang", "=majelis", "=komentar", "=berkomentar", "=tulisan", "=kalimat", "=video",
            "=menyebarkannya", "=menyebarkan", "=disebar", "=direkam", "=ucapan", "=kata-kata", "=istilah",
        ],
        // Questions that ask whether a rumour is true: asking is not spreading.
        "verifikasi": [
            "=kebenarannya", "=benarkah", "=benar atau hoaks", "=hoaks atau bukan", "=hoaks bukan", "=benar tidak",
            "=benar nggak", "=ini benar", "=apa benar", "=apakah benar", "=ada yang tahu", "=mohon info", "=cek fakta",
            "=sudah dicek", "=konfirmasi",
        ],
    ]
}
