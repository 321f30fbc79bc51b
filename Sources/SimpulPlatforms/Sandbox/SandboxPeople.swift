import Foundation

/// A fictional resident who writes to the city's accounts. Everything about a person (name,
/// handles, ids on each platform) follows from the generator seed and an index, so the same people
/// come back again and again, as regulars do on a real city account.
struct SandboxPerson: Sendable, Equatable {
    let index: Int
    /// As shown on Facebook or WhatsApp, e.g. "Dwi Handayani" or "Bunda Kayla".
    let name: String
    /// First name, used when a message introduces the writer.
    let firstName: String
    /// Lower-case username for Instagram, X and YouTube (letters, digits, `.` and `_`).
    let handle: String
    private let salt: UInt64

    /// Facebook user id as it appears in `from.id` of feed changes.
    var facebookUserID: String { "1000" + SandboxIDShape.digits(SandboxHash.mix(salt ^ 0xFB), count: 11) }

    /// Page-scoped id for Messenger: different for each Page.
    func messengerPSID(page: String) -> String {
        let h = SandboxHash.of("psid", String(salt), page)
        return String(2 + h % 7) + SandboxIDShape.digits(SandboxHash.mix(h), count: 15)
    }

    /// Instagram user id in comment webhooks (`from.id`).
    var instagramUserID: String { "178414" + SandboxIDShape.digits(SandboxHash.mix(salt ^ 0x16), count: 11) }

    /// Instagram-scoped id for Instagram messaging: different for each professional account.
    func instagramScopedID(account: String) -> String {
        let h = SandboxHash.of("igsid", String(salt), account)
        return String(1 + h % 9) + SandboxIDShape.digits(SandboxHash.mix(h), count: 15)
    }

    /// WhatsApp id: an Indonesian mobile number, 62 then 8xx.
    var waID: String {
        let h = SandboxHash.mix(salt ^ 0x3A)
        let prefixes = ["811", "812", "813", "821", "822", "823", "852", "853", "856", "857", "858", "877", "878", "881", "882", "895", "896", "897", "898", "899", "838", "831"]
        let prefix = prefixes[Int(h % UInt64(prefixes.count))]
        let length = 7 + Int((h >> 20) % 3)
        return "62" + prefix + SandboxIDShape.digits(SandboxHash.mix(h), count: length)
    }

    var xUserID: String {
        let h = SandboxHash.mix(salt ^ 0x58)
        if h % 10 < 3 {
            // Accounts from before 2013 keep short numeric ids.
            return String(100_000_000 + (h >> 8) % 3_800_000_000)
        }
        return "1" + SandboxIDShape.digits(SandboxHash.mix(h), count: 18)
    }

    /// X usernames: at most 15 characters, letters, digits and `_` only.
    var xUsername: String {
        let cleaned = String(handle.map { $0 == "." ? "_" : $0 })
        return String(cleaned.prefix(15))
    }

    var youtubeChannelID: String { SandboxIDs.youtubeChannelID(seed: SandboxHash.mix(salt ^ 0x77)) }

    var youtubeHandle: String { String(handle.prefix(30)) }

    init(index: Int, seed: UInt64) {
        self.index = index
        var rng = SandboxRandom(seed: SandboxHash.mix(seed ^ (UInt64(index) &* 0xA24B_AED4_963E_E407)))
        salt = rng.next()
        let people = SandboxNames.self
        if rng.chance(0.05) {
            let group = rng.pick(people.groups)
            let place = rng.pick(SandboxPlaces.allKelurahan)
            name = group.replacingOccurrences(of: "{kel}", with: place)
            firstName = name
            handle = SandboxNames.handleFromWords(name, suffix: rng.chance(0.5) ? "" : String(rng.int(1...99)))
            return
        }
        let female = rng.chance(0.52)
        let first = rng.pick(female ? people.femaleFirst : people.maleFirst)
        let last = rng.chance(0.82) ? rng.pick(people.lastNames) : nil
        firstName = first
        switch rng.below(100) {
        case 0..<8:
            let child = rng.pick(rng.chance(0.5) ? people.femaleFirst : people.maleFirst)
            name = (female ? rng.pick(["Bunda", "Mama", "Umi", "Ibu"]) : rng.pick(["Ayah", "Papa", "Abi", "Pak"])) + " " + child
        case 8..<12:
            name = first + " " + rng.pick(["Tirtamaya", "Sukamaju", "Banyuasri", "Pancaran", "Wanasari", "Putra", "Putri"])
        default:
            name = last.map { "\(first) \($0)" } ?? first
        }
        let lowerFirst = SandboxNames.asciiLower(first)
        let lowerLast = last.map(SandboxNames.asciiLower) ?? ""
        switch rng.below(10) {
        case 0: handle = lowerFirst + lowerLast + String(rng.int(1...99))
        case 1: handle = lowerFirst + "_" + (lowerLast.isEmpty ? "tmy" : lowerLast)
        case 2: handle = lowerFirst + "." + (lowerLast.isEmpty ? String(rng.int(80...2005)) : lowerLast)
        case 3: handle = "its" + lowerFirst + (rng.chance(0.5) ? "_" : "") + String(rng.int(1...999))
        case 4: handle = lowerFirst + String(rng.int(1975...2008))
        case 5: handle = rng.pick(["real", "si", "bang", "mbak", "kak", "ceu", "uda"]) + lowerFirst
        case 6: handle = lowerFirst + (lowerLast.isEmpty ? "" : String(lowerLast.prefix(3))) + "_" + rng.pick(["tmy", "id", "official", "xx", "art", "26"])
        case 7: handle = String(lowerFirst.prefix(3)) + lowerLast + String(rng.int(10...99))
        default: handle = lowerFirst + (lowerLast.isEmpty ? String(rng.int(1...9999)) : lowerLast)
        }
    }
}

enum SandboxNames {
    static let femaleFirst: [String] = [
        "Siti", "Dwi", "Sri", "Nur", "Rina", "Wulan", "Ayu", "Dewi", "Fitri", "Intan", "Lestari", "Maya", "Nabila", "Putri",
        "Ratna", "Sari", "Tiara", "Yuni", "Yanti", "Eka", "Novi", "Mega", "Rahma", "Aisyah", "Salsabila", "Kayla", "Nadia",
        "Anggun", "Desi", "Evi", "Heni", "Ika", "Juwita", "Kartika", "Lina", "Melati", "Nining", "Oktavia", "Puspita", "Ros",
        "Tuti", "Utami", "Vera", "Winda", "Yohana", "Zahra", "Meilani", "Grace", "Debora", "Made", "Komang", "Ni Luh", "Cut",
        "Fransiska", "Ocha", "Neng", "Euis", "Butet", "Ririn", "Icha",
    ]

    static let maleFirst: [String] = [
        "Agus", "Budi", "Dedi", "Eko", "Fajar", "Gilang", "Hendra", "Iwan", "Joko", "Kurniawan", "Lukman", "Muhammad", "Nanang",
        "Oki", "Purnomo", "Rudi", "Slamet", "Teguh", "Ujang", "Wahyu", "Yusuf", "Zainal", "Ahmad", "Bayu", "Cahyo", "Dimas",
        "Erik", "Farhan", "Galih", "Hari", "Irfan", "Jefri", "Kevin", "Lutfi", "Maman", "Nugroho", "Rizky", "Sandi", "Taufik",
        "Yoga", "Arif", "Bambang", "Darto", "Fikri", "Hasan", "Ilham", "Krisna", "Rian", "Samuel", "Tono", "Asep", "Dadang",
        "Ketut", "Wayan", "Andreas", "Daniel", "Ronald", "Alfian", "Adit", "Ucok",
    ]

    static let lastNames: [String] = [
        "Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Kurniawan", "Setiawan", "Nugraha", "Permana", "Lestari",
        "Handayani", "Rahayu", "Susanti", "Purnamasari", "Wulandari", "Simanjuntak", "Siregar", "Nasution", "Harahap",
        "Sitompul", "Pangaribuan", "Tanjung", "Lubis", "Rangkuti", "Chaniago", "Piliang", "Sinaga", "Manurung", "Tambunan",
        "Hutapea", "Rahman", "Syahputra", "Ramadhan", "Maulana", "Firmansyah", "Hakim", "Halim", "Gunawan", "Tanoto",
        "Kusuma", "Sutanto", "Prasetyo", "Susilo", "Suryadi", "Mulyadi", "Sulistyo", "Pohan", "Daulay", "Tarigan", "Ginting",
        "Sembiring", "Mokoginta", "Pakpahan", "Rumbiak", "Wenas", "Lumban Gaol", "Pattimura", "Latuconsina", "Sihombing",
        "Anggraini",
    ]

    /// Non-personal accounts that write too: neighbourhood groups, small shops, local news pages.
    static let groups: [String] = [
        "Karang Taruna {kel}", "Info {kel} Terkini", "Warung Bu Sri {kel}", "Komunitas Peduli Kali Tirta", "PKK RW 05 {kel}",
        "Ojol {kel} Bersatu", "Laundry Kilat {kel}", "Relawan Bencana Tirtamaya", "Forum Warga {kel}", "Tirtamaya Update",
        "Kuliner Tirtamaya", "Pecinta Sepeda Tirtamaya", "Majelis Taklim Al-Ikhlas {kel}", "Bengkel Jaya Motor {kel}",
    ]

    static func asciiLower(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57) }.map(Character.init))
    }

    static func handleFromWords(_ text: String, suffix: String) -> String {
        let words = text.split(separator: " ").map { asciiLower(String($0)) }.filter { !$0.isEmpty }
        return String((words.joined(separator: rawSeparator(words.count)) + suffix).prefix(28))
    }

    private static func rawSeparator(_ count: Int) -> String { count > 3 ? "" : "." }
}
