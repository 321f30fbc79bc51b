/// The rule packs that follow national regulations. Wording of the explanations follows
/// DOMAIN.md; each cites the regulation and the item it applies.
extension RulePack {
    /// Words that single out a group by faith or origin; both SKB 11 and SE 137 forbid it.
    static let discriminationTerms = [
        "=pilih yang seiman", "=yang seiman", "=tidak seiman", "=agama sebelah", "=milik satu golongan", "=orang kafir",
        "=usir mereka", "=beda agama", "=pemimpin seiman", "=bukan seiman", "=mengkhianati agamanya", "=umat wajib",
    ]
    static let discriminationNear = [
        "=jangan", "=pilih", "=dipilih", "=jabatan", "=usir", "=pemimpin", "=memimpin", "=saja", "=memang", "=layak",
        "=rusuh", "=negeri", "=negara",
    ]
    /// Praise or calls around a terror term that make it support rather than news.
    static let terrorNear = [
        "=salut", "=semoga", "=jalan", "=sah", "=dukung", "=mendukung", "=bergabung", "=gabung", "=hidup", "=mulia",
        "=pahlawan", "=syahid", "=berjuang", "=ayo", "=siapkan", "=jihad", "=thagut", "=thogut", "=melawan", "=lawan",
        "=kalian", "=sekarang", "=para", "=bangga", "=kafir", "=negara", "=pemerintah", "=rezim", "=tumbang",
    ]

    /// Objects that stand for the state; destroying or taking one down is an insult to it.
    /// Bare "bendera" is left out on purpose: party flags are taken down every campaign.
    static let stateSymbols = ["merah putih", "=sang saka", "=lambang garuda", "garuda pancasila", "lambang negara",
                               "indonesia raya", "lagu kebangsaan"]
    static let symbolDestruction = ["=copot", "=dicopot", "=turunkan", "=matikan", "=hancurkan", "=dihancurkan",
                                    "=robohkan", "=dirobohkan", "=bakar", "=dibakar", "=injak", "=robek", "=buang"]

    public static let skb11Citation = "SKB 11 Instansi tentang Penanganan Radikalisme ASN (12 November 2019)"

    public static let skb11 = RulePack(
        id: "skb11",
        name: "SKB 11 Instansi — radikalisme ASN",
        regulation: skb11Citation,
        summary: "Ujaran kebencian terhadap Pancasila, UUD 1945, Bhinneka Tunggal Ika, NKRI, Pemerintah dan SARA, ajakan mengganti ideologi negara, dukungan terhadap terorisme, dan penghinaan simbol negara.",
        rules: [
            ComplianceRule(
                id: "skb11.kebencian-negara", title: "Ujaran kebencian terhadap dasar negara atau Pemerintah", severity: .block,
                explanation: "ASN dilarang menyampaikan pendapat bermuatan ujaran kebencian terhadap Pancasila, UUD 1945, Bhinneka Tunggal Ika, NKRI dan Pemerintah di media sosial (\(skb11Citation), butir 1).",
                terms: ["$target-negara"], near: ["$kebencian"], window: 6),
            ComplianceRule(
                id: "skb11.kebencian-sara", title: "Ujaran kebencian terhadap suku, agama, ras atau antargolongan", severity: .block,
                explanation: "ASN dilarang menyampaikan ujaran kebencian terhadap salah satu suku, agama, ras dan antargolongan (\(skb11Citation), butir 2).",
                terms: ["$sara"], near: ["$kebencian", "$diskriminasi"], window: 8),
            ComplianceRule(
                id: "skb11.diskriminasi", title: "Ajakan membeda-bedakan berdasarkan SARA", severity: .block,
                explanation: "Ajakan memilih, mengucilkan atau menolak orang karena suku, agama, ras atau golongannya termasuk ujaran kebencian SARA (\(skb11Citation), butir 2).",
                terms: discriminationTerms,
                near: discriminationNear, window: 5, negatable: false),
            ComplianceRule(
                id: "skb11.anti-pancasila", title: "Ajakan mengganti ideologi negara", severity: .block,
                explanation: "Ajakan mengganti Pancasila, membubarkan NKRI atau menyebut pemerintahan yang sah thagut termasuk muatan radikal yang dilarang bagi ASN (\(skb11Citation), butir 1 dan 7).",
                terms: ["$anti-pancasila"]),
            ComplianceRule(
                id: "skb11.teror", title: "Dukungan terhadap terorisme", severity: .block,
                explanation: "Memuji atau mendukung aksi teror dan kelompoknya termasuk muatan radikal yang dilarang bagi ASN (\(skb11Citation), butir 1, 3 dan 7).",
                terms: ["$teror"],
                near: terrorNear, window: 6),
            ComplianceRule(
                id: "skb11.simbol-negara", title: "Melecehkan simbol negara", severity: .block,
                explanation: "ASN dilarang melecehkan simbol-simbol negara, termasuk bendera Merah Putih, lambang Garuda Pancasila dan lagu Indonesia Raya (\(skb11Citation), butir 10).",
                terms: ["=bendera", "merah putih", "garuda", "lambang negara", "indonesia raya", "lagu kebangsaan", "=hormat bendera", "=upacara"],
                near: ["=injak", "=injak-injak", "=diinjak", "=menginjak", "=robek", "=dirobek", "=merobek", "=bakar", "=dibakar",
                       "=membakar", "=kencingi", "=dikencingi", "=ludahi", "=diludahi", "=lecehkan", "=dilecehkan", "=hina",
                       "=dihina", "=menghina", "=sampah", "=lap", "=keset", "=jelek", "=norak", "=tidak penting", "=buang",
                       "=dibuang", "=plesetan", "=plesetkan", "=kain lap", "=gombal", "=syirik", "=tikus", "=bongsor",
                       "=diganti", "=tidak ada gunanya", "=dosa", "=dangdut", "=burung", "=ngapain", "=hancurkan",
                       "=dihancurkan", "=robohkan", "=dirobohkan", "=jahiliah", "=jahiliyah", "=berhala",
                       "=tidak ada artinya"], window: 6),
            ComplianceRule(
                id: "skb11.rusak-simbol", title: "Ajakan merusak atau menurunkan simbol negara", severity: .block,
                explanation: "Mencopot, menurunkan, menghancurkan atau mematikan simbol negara (Merah Putih, lambang Garuda, Indonesia Raya) karena menolaknya adalah pelecehan simbol negara yang dilarang bagi ASN (\(skb11Citation), butir 10).",
                terms: stateSymbols, near: symbolDestruction, window: 6),
            ComplianceRule(
                id: "skb11.ganti-dasar-negara", title: "Ajakan mengganti atau membuang dasar negara", severity: .block,
                explanation: "Ajakan mengganti, membuang atau membubarkan Pancasila, UUD 1945, NKRI atau ideologi negara termasuk muatan radikal yang dilarang bagi ASN (\(skb11Citation), butir 1 dan 7).",
                terms: ["pancasila", "=dasar negara", "=ideologi", "ideologi negara", "uud 1945", "uud 45", "=uud", "=konstitusi",
                        "=nkri", "bhinneka tunggal ika", "negara kesatuan"],
                near: ["$ganti-dasar"], window: 8),
            ComplianceRule(
                id: "skb11.kekerasan-pemerintah", title: "Ajakan melawan Pemerintah dengan kekerasan", severity: .block,
                explanation: "Ajakan menyerang, membakar atau melawan Pemerintah, pejabat dan kantornya dengan kekerasan atau senjata adalah hasutan yang dilarang bagi ASN (\(skb11Citation), butir 1, 7 dan 8).",
                terms: ["$target-pemerintah"], near: ["$kekerasan"], window: 8),
            ComplianceRule(
                id: "skb11.serbu-pemerintah", title: "Ajakan menyerbu atau menduduki kantor Pemerintah", severity: .block,
                explanation: "Ajakan menyerbu, mengepung atau menduduki kantor dan pejabat Pemerintah adalah hasutan yang dilarang bagi ASN (\(skb11Citation), butir 7 dan 8).",
                terms: ["$target-pemerintah"], near: ["$aksi-massa"], window: 2),
            ComplianceRule(
                id: "skb11.pengucilan-sara", title: "Ajakan mengusir, membasmi atau mengucilkan kelompok SARA", severity: .block,
                explanation: "Ajakan mengusir, membasmi, memboikot atau membatasi hak suatu suku, agama, ras atau golongan adalah ujaran kebencian SARA yang dilarang bagi ASN (\(skb11Citation), butir 2 dan 7).",
                terms: ["$sara", "$kelompok"], near: ["$pengucilan"], window: 10),
            ComplianceRule(
                id: "skb11.hasutan", title: "Menghasut perlawanan atau kekerasan", severity: .block,
                explanation: "ASN dilarang mengadakan atau mengajak kegiatan yang menghina, menghasut, memprovokasi dan membenci Pancasila, UUD 1945, NKRI, Pemerintah atau SARA (\(skb11Citation), butir 7 dan 8).",
                terms: ["$target-negara", "$sara"],
                near: ["=lawan", "=melawan", "=perangi", "=serbu", "=serang", "=usir", "=gulingkan", "=jatuhkan", "=musuhi", "=boikot",
                       "=angkat senjata", "=siapkan senjata", "=bawa senjata", "=pakai senjata", "=kekerasan", "=makar", "=revolusi", "=kudeta",
                       "=tumbangkan", "=bubarkan", "=bangkit rakyat", "=kuasai", "=dikuasai", "=menguasai", "=kepung", "=bakar",
                       "=bawa bensin"], window: 6),
        ]
    )

    public static let se137Citation = "SE MenPANRB Nomor 137 Tahun 2018 tentang Penyebarluasan Informasi melalui Media Sosial bagi ASN"

    public static let se137 = RulePack(
        id: "se137",
        name: "SE MenPANRB 137/2018 — berbagi informasi",
        regulation: se137Citation,
        summary: "Informasi yang belum terverifikasi atau berantai, provokasi, pornografi, kebencian SARA, dan pembocoran rahasia negara atau dokumen dinas.",
        rules: [
            ComplianceRule(
                id: "se137.ajakan-menyebar", title: "Ajakan menyebarkan pesan berantai", severity: .warning,
                explanation: "ASN wajib memastikan informasi yang dibagikan jelas sumbernya dan sudah terverifikasi; ajakan memviralkan atau meneruskan pesan berantai adalah ciri hoaks (\(se137Citation)).",
                terms: ["sebarkan sebelum dihapus", "=sebarkan dulu", "=sebarkan segera",
                        "=segera sebarkan", "=bagikan sebanyak-banyaknya", "=share sebanyak-banyaknya", "=sebanyak-banyaknya",
                        "kirim pesan ini", "=ke <angka> grup", "=teruskan ke <angka>", "=kena musibah", "=jangan berhenti di kamu",
                        "=share ke semua grup", "=sebarkan ke semua", "=bagikan ke semua"],
                unless: ["$verifikasi", "$bantahan"]),
            // A call to spread in one sentence and an alarming claim in another ("Tanggul jebol
            // malam ini. Sebarkan!") is the shape of most hoaxes that reach ASN groups.
            ComplianceRule(
                id: "se137.sebar-kabar-genting", title: "Ajakan menyebarkan kabar genting yang belum terverifikasi", severity: .warning,
                explanation: "Kabar yang menakutkan (bencana, racun, kematian, harga, layanan dihentikan, kecurangan pemilihan) disertai ajakan menyebarkan adalah ciri hoaks; ASN wajib memeriksa sumber resminya sebelum membagikan (\(se137Citation)).",
                terms: ["$ajakan-sebar"], near: ["$kabar-genting"], window: 30,
                unless: ["$verifikasi", "$bantahan"], acrossSentences: true),
            ComplianceRule(
                id: "se137.belum-terverifikasi", title: "Informasi belum terverifikasi", severity: .warning,
                explanation: "ASN wajib memastikan informasi yang dibagikan jelas sumbernya dan sudah terverifikasi; kabar tanpa sumber berpotensi hoaks (\(se137Citation)).",
                terms: ["=katanya", "=kabarnya", "=konon", "=dengar-dengar", "=info dari grup", "=grup sebelah", "=grup tetangga",
                        "=info a1", "=a1", "=sumbernya orang dalam", "=info dari dalam", "=info langsung dari dalam", "=percaya deh",
                        "=belum tahu benar atau tidak", "=benar atau tidak", "=belum tentu benar", "=belum saya cek", "=copas dari grup",
                        "=kata orang pintar", "=ternyata", "=copas", "=dari grup wa", "=pesan berantai", "=broadcast",
                        "=kata dokter", "=kata perawat", "=kata bidan", "=kata orang dalam", "=info dari perawat",
                        "=info dari dokter", "=info dari orang dalam", "=share sebanyak", "=yang bilang", "=kabar dari grup",
                        "=forward dari", "=dari grup",
                        "=share ke grup", "=bagikan ke grup", "=kata teman", "=menurut orang pintar", "=kabar dari orang dalam",
                        "=percayalah", "=belum ada pengumuman resmi", "=diprediksi"],
                near: ["=besok", "=nanti", "=minggu depan", "=malam", "=beracun", "=racun", "=gempa", "=tsunami", "=banjir", "=diculik",
                       "=penculikan", "=penculik", "=bahaya", "=awas", "=segera", "=penting", "=darurat", "=virus", "=vaksin", "chip",
                       "=menyembuhkan", "=sembuh", "=mandul", "=disengaja", "=sengaja", "=ditunda", "=sebarin",
                       "=mati", "=meninggal", "=tewas", "=dihapus", "=semua", "=keluarga", "=sebarkan", "=viralkan", "=air",
                       "=listrik", "=pemadaman", "=bansos", "=dana", "=gratis", "=dipotong", "=dicabut", "=ditutup", "=ditangkap",
                       "=pemerintah", "=asn", "=pns", "=gaji", "=tunjangan", "=pejabat", "=wali kota", "=walikota", "=korupsi",
                       "=kasus", "=proyek", "=bandar", "=didanai", "=kpu", "=siap-siap", "=mengungsi", "=pasti", "=calon",
                       "=pasangan", "=paslon", "$kabar-genting"], window: 10,
                unless: ["$verifikasi", "$bantahan"]),
            ComplianceRule(
                id: "se137.narasi-hoaks", title: "Narasi hoaks yang sering beredar", severity: .warning,
                explanation: "Kabar ini memakai narasi yang sering beredar sebagai hoaks; ASN tidak boleh menyebarkan informasi yang belum diverifikasi (\(se137Citation)).",
                terms: ["=chip pelacak", "=berisi chip", "=penculik anak", "=penculikan anak", "=gempa besar akan terjadi", "=beracun",
                        "=hitung cepat palsu", "=pki gaya baru", "=komunis gaya baru", "=kebangkitan pki", "=didanai bandar",
                        "=tersangkut kasus korupsi", "=dikuasai pki", "=kuasai pemerintah", "=menyebar virus", "=sengaja menyebar"],
                unless: ["$verifikasi", "$bantahan"]),
            ComplianceRule(
                id: "se137.provokasi", title: "Provokasi atau ajakan kekerasan", severity: .block,
                explanation: "ASN dilarang menyebarkan informasi yang bersifat provokatif atau mengajak kekerasan (\(se137Citation)).",
                terms: ["=serbu", "=geruduk", "=gruduk", "=bakar", "=hancurkan", "=serang", "=sikat", "=habisi", "=bunuh",
                        "=hajar", "=gebuki", "=keroyok", "=jarah", "=lempari", "=duduki", "=rusak saja", "=bakar saja",
                        "=datangi", "=tumbangkan", "=dilengserkan", "=lengserkan", "=bantai", "=usir", "=ganyang",
                        "=dengan cara apa pun", "=blokade", "=ambil semua", "=kepung", "=bawa bensin", "=bakarlah"],
                near: ["kantor", "=balai kota", "=balaikota", "gedung", "rumah", "=mereka", "=pelapor", "=orang", "=kampung",
                       "=pos", "=polisi", "=aparat", "=petugas", "=pejabat", "=dprd", "=pemerintah kota", "=pemerintah", "=rezim",
                       "=toko", "=camat", "=lurah", "=bupati", "=gubernur", "=wali kota", "=walikota", "=kafir", "=cina",
                       "=aseng", "=pendatang", "gereja", "masjid", "=rakyat", "=thagut", "=thogut", "=senjata", "gudang",
                       "lapak", "=pengusaha", "=siapa pun", "=pedagang", "=jalan"], window: 4,
                // "Serbu bazar UMKM di halaman kantor kecamatan, diskon 50 persen": a sale.
                unless: ["=diskon", "=bazar", "=pasar murah", "=murah meriah", "=harga khusus"]),
            ComplianceRule(
                id: "se137.kekerasan", title: "Ajakan kekerasan atau main hakim sendiri", severity: .block,
                explanation: "ASN dilarang menyebarkan ajakan kekerasan, main hakim sendiri atau angkat senjata (\(se137Citation)).",
                terms: ["=kasih pelajaran", "=biar kapok", "=main hakim sendiri", "=angkat senjata", "=siapkan senjata",
                        "=dengan kekerasan", "=rusuh massal", "=revolusi berdarah", "=titik darah penghabisan"]),
            ComplianceRule(
                id: "se137.bawa-senjata", title: "Ajakan membawa atau menyiapkan senjata", severity: .block,
                explanation: "ASN dilarang menyebarkan ajakan membawa, menyiapkan atau memakai senjata untuk berkumpul atau menyerang (\(se137Citation)).",
                terms: ["=bawa", "=membawa", "=siapkan", "=disiapkan", "=kumpulkan", "=persenjatai", "=angkat", "=asah", "=pakai"],
                near: ["$senjata"], window: 3),
            ComplianceRule(
                id: "se137.kekerasan-pemerintah", title: "Ajakan melawan Pemerintah dengan kekerasan", severity: .block,
                explanation: "ASN dilarang menyebarkan ajakan menyerang, membakar atau melawan Pemerintah, pejabat dan kantornya dengan kekerasan (\(se137Citation)).",
                terms: ["$target-pemerintah"], near: ["$kekerasan"], window: 8),
            ComplianceRule(
                id: "se137.teror", title: "Dukungan terhadap terorisme", severity: .block,
                explanation: "ASN dilarang menyebarkan muatan radikalisme dan terorisme (\(se137Citation)).",
                terms: ["$teror"],
                near: terrorNear, window: 6),
            ComplianceRule(
                id: "se137.pornografi", title: "Muatan pornografi", severity: .block,
                explanation: "ASN dilarang menyebarkan muatan pornografi (\(se137Citation)).",
                terms: ["=bokep", "=porno", "=pornografi", "=telanjang", "=bugil", "=ngentot", "=ngewe", "=mesum", "video syur",
                        "=syur", "open bo", "=vcs", "=bispak", "=sange", "=colmek", "=coli", "=memek", "=kontol", "=toket",
                        "=seksi banget", "=striptis", "=esek-esek", "=xxx", "video panas", "=cabul", "=tante girang",
                        "=pijat plus", "=plus-plus", "=video hot", "=foto hot", "=cerita dewasa", "=konten dewasa", "=video dewasa", "=foto bugil"]),
            ComplianceRule(
                id: "se137.sara", title: "Kebencian atau permusuhan SARA", severity: .block,
                explanation: "ASN dilarang menyebarkan informasi yang mengandung kebencian atau permusuhan berdasarkan suku, agama, ras dan antargolongan (\(se137Citation)).",
                terms: ["$sara"], near: ["$kebencian", "$diskriminasi"], window: 8),
            ComplianceRule(
                id: "se137.pengucilan-sara", title: "Ajakan mengusir, membasmi atau mengucilkan kelompok SARA", severity: .block,
                explanation: "ASN dilarang menyebarkan ajakan mengusir, membasmi, memboikot atau membatasi hak suatu suku, agama, ras atau golongan (\(se137Citation)).",
                terms: ["$sara", "$kelompok"], near: ["$pengucilan"], window: 10),
            ComplianceRule(
                id: "se137.diskriminasi", title: "Ajakan membeda-bedakan berdasarkan SARA", severity: .block,
                explanation: "ASN dilarang menyebarkan ajakan membeda-bedakan orang berdasarkan suku, agama, ras dan antargolongan (\(se137Citation)).",
                terms: discriminationTerms,
                near: discriminationNear, window: 5, negatable: false),
            ComplianceRule(
                id: "se137.rahasia", title: "Membocorkan rahasia negara atau dokumen dinas", severity: .block,
                explanation: "ASN wajib menjaga rahasia negara dan tidak menyebarkan dokumen atau informasi yang dikecualikan (\(se137Citation); UU 14/2008 tentang Keterbukaan Informasi Publik).",
                terms: ["=rahasia", "=bocoran", "=bocorkan", "=dibocorkan", "=membocorkan", "=confidential", "=sangat rahasia",
                        "=dikecualikan", "=bocor", "=rapat tertutup", "=jangan bilang dari saya", "=jangan bilang-bilang", "=hps",
                        "=daftar pejabat yang mau dicopot"],
                near: ["=dokumen", "=dok", "=surat", "=data", "=memo", "=nota", "=disposisi", "=notulen", "=rapat", "=negara",
                       "=dinas", "=kantor", "=atasan", "=pimpinan", "=sk", "=anggaran", "=berkas", "=file", "=lampiran",
                       "=internal", "=screenshot", "=rekaman", "=jangan sampai", "=sebar", "=sebarkan", "=tender", "=lelang",
                       "=soal", "=ujian", "=cpns", "=kunci jawaban", "=mutasi", "=pejabat", "=proyek", "=rahasia", "=dengarkan",
                       "=bocoran", "=dm", "=jangan bilang-bilang"], window: 6),
            ComplianceRule(
                id: "se137.data-pribadi", title: "Menyebarkan data pribadi warga", severity: .block,
                explanation: "Data pribadi warga (NIK, nomor KK, nomor telepon) adalah informasi yang dikecualikan dan tidak boleh disebarkan ASN (\(se137Citation); UU 27/2022 tentang Pelindungan Data Pribadi).",
                terms: ["=nik", "=nomor hp", "=nomor kk", "=data pribadi", "=nomor telepon", "=nomor rekening", "=daftar gaji"],
                near: ["=seluruh", "=unggah", "=diunggah", "=unduh", "=sebar", "=disebar", "=bocor", "=silakan dipakai", "=dijual",
                       "=jual", "=semua penerima"], window: 6),
        ]
    )
}
