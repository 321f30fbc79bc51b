import Foundation

/// News portals of the Sandbox's city, answering feed requests as a real portal's RSS would:
/// a few articles an hour about the city (some on what the demo's listening rules watch), an
/// ETag per hour, and 304 Not Modified when the reader already has the current hour. The demo's
/// news feeds point here, so the real feed reader, parser and matcher run on them.
///
/// Stateless and repeatable: an hour's articles are a function of the portal and the hour.
public struct SandboxNews: HTTPTransport {
    /// The portals' host. `.invalid` never resolves, so a real feed can never be taken for one.
    public static let host = "berita.sandbox.invalid"
    static let hourLength: Int64 = 3_600
    /// A feed lists the last day's articles, as portals list their newest few dozen.
    static let window: Int64 = 24

    public let now: @Sendable () -> Date
    public let seed: UInt64

    public init(seed: UInt64 = 0xBE217A, now: @escaping @Sendable () -> Date) {
        self.seed = seed
        self.now = now
    }

    /// The address of one portal's feed, for the demo's seed.
    public static func feedURL(portal: String) -> String { "https://\(host)/\(portal)/rss" }

    public static func serves(_ url: URL) -> Bool { url.host?.lowercased() == host }

    public func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseSpec {
        let parts = request.url.path.split(separator: "/").map(String.init)
        guard request.method == "GET", Self.serves(request.url), parts.count == 2, parts[1] == "rss",
              let portal = Self.portals[parts[0]] else {
            return HTTPResponseSpec(status: 404, headers: [("Content-Type", "text/plain")], body: Data("tidak ditemukan".utf8))
        }
        let hour = SandboxClock.unixSeconds(now()) / Self.hourLength
        let etag = "\"\(parts[0])-\(hour)\""
        if request.headers.contains(where: { $0.0.lowercased() == "if-none-match" && $0.1 == etag }) {
            return HTTPResponseSpec(status: 304, headers: [("ETag", etag)])
        }
        let xml = rss(portal: parts[0], name: portal, hour: hour)
        return HTTPResponseSpec(status: 200, headers: [("Content-Type", "application/rss+xml; charset=utf-8"), ("ETag", etag)], body: Data(xml.utf8))
    }

    struct Article {
        let id: String
        let title: String
        let summary: String
        let at: Date
    }

    func articles(portal: String, hour: Int64) -> [Article] {
        var articles: [Article] = []
        for h in stride(from: hour, to: hour - Self.window, by: -1) {
            var rng = SandboxRandom(seed: SandboxHash.mix(seed ^ SandboxHash.of(portal) ^ UInt64(bitPattern: h)))
            for n in 0..<(1 + rng.below(2)) {
                let story = rng.pick(Self.stories)
                let kecamatan = rng.pick(SandboxPlaces.kecamatan)
                let kelurahan = rng.pick(kecamatan.kelurahan)
                func fill(_ text: String) -> String {
                    text.replacingOccurrences(of: "{kec}", with: kecamatan.name).replacingOccurrences(of: "{kel}", with: kelurahan)
                }
                let at = Date(timeIntervalSince1970: Double(h * Self.hourLength) + Double(rng.below(Int(Self.hourLength))))
                articles.append(Article(id: "\(portal)-\(h)-\(n)", title: fill(story.title), summary: fill(story.summary), at: at))
            }
        }
        return articles
    }

    func rss(portal: String, name: String, hour: Int64) -> String {
        let items = articles(portal: portal, hour: hour).map { article in
            """
            <item><title>\(Self.escape(article.title))</title><link>https://\(Self.host)/\(portal)/\(article.id)</link>\
            <guid isPermaLink="false">\(article.id)</guid><pubDate>\(Self.rfc822(article.at))</pubDate>\
            <description>\(Self.escape(article.summary))</description></item>
            """
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>\(Self.escape(name))</title><link>https://\(Self.host)/\(portal)</link>\
        <description>Berita kota (Sandbox)</description><language>id</language>
        \(items.joined(separator: "\n"))
        </channel></rss>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    /// The city's portals, by the path segment of their feed.
    public static let portals: [String: String] = [
        "kabar-kota": "Kabar Kota (Sandbox)",
        "warta-warga": "Warta Warga (Sandbox)",
    ]

    struct Story {
        let title: String
        let summary: String
    }

    /// What a city's portals write about: services, works, weather, events, and now and then
    /// what the listening rules watch (water, floods, roads, queues, chain messages).
    static let stories: [Story] = [
        Story(title: "Air PDAM di {kel} mati sejak pagi, warga antre air bersih",
              summary: "Warga {kec} mengeluhkan air PDAM yang tidak mengalir. Petugas menyebut ada perbaikan pipa."),
        Story(title: "Warga {kec} keluhkan air PDAM keruh dan berbau",
              summary: "Air yang keluar dari keran berwarna kecoklatan. PDAM berjanji memeriksa jaringan di {kel}."),
        Story(title: "Pipa bocor di {kel}, aliran air ke ratusan rumah terganggu",
              summary: "Kebocoran pipa induk membuat air mati di sebagian {kec} hingga sore."),
        Story(title: "Hujan deras, genangan setinggi lutut di {kel}",
              summary: "Saluran yang tersumbat membuat air naik ke jalan. Warga meminta normalisasi drainase."),
        Story(title: "Banjir rendam permukiman di {kec}, BPBD dirikan posko",
              summary: "Puluhan rumah di {kel} terendam. Petugas mengevakuasi lansia dan anak-anak."),
        Story(title: "Jalan berlubang di {kel} makan korban, pengendara motor terjatuh",
              summary: "Lubang di ruas utama {kec} belum ditambal sejak sebulan lalu."),
        Story(title: "Perbaikan jalan rusak di {kec} dimulai pekan ini",
              summary: "Dinas PUPR menambal lubang dan melapis ulang ruas di {kel}."),
        Story(title: "Antrean KTP elektronik di Dukcapil mengular sejak subuh",
              summary: "Warga {kec} mengeluhkan layanan yang lambat; Dukcapil membuka loket tambahan."),
        Story(title: "Beredar pesan berantai soal pemadaman air, PDAM: tidak benar",
              summary: "Pesan yang meminta warga menyebarkan kabar pemadaman total di {kec} dipastikan hoaks."),
        Story(title: "Posyandu {kel} gelar imunisasi gratis akhir pekan",
              summary: "Puskesmas {kec} mengajak orang tua membawa balita ke posyandu terdekat."),
        Story(title: "Pasar murah digelar di kantor Kecamatan {kec}",
              summary: "Beras, minyak goreng dan telur dijual di bawah harga pasar untuk warga {kel}."),
        Story(title: "Festival kuliner {kec} ramai dikunjungi warga",
              summary: "Puluhan UMKM dari {kel} memamerkan jajanan khas kota."),
        Story(title: "Lurah {kel} ajak warga kerja bakti bersihkan saluran",
              summary: "Kerja bakti digelar Minggu pagi menjelang musim hujan."),
        Story(title: "Sekolah di {kec} terapkan jam masuk baru",
              summary: "Dinas Pendidikan menyesuaikan jam masuk agar tidak bersamaan dengan jam sibuk."),
        Story(title: "Taman kota di {kel} dipercantik, dibuka untuk umum",
              summary: "Taman dilengkapi jalur pejalan kaki dan area bermain anak."),
        Story(title: "Pemkot tambah armada angkutan sampah di {kec}",
              summary: "Sampah di {kel} kini diangkut setiap hari, bukan dua hari sekali."),
    ]
}
