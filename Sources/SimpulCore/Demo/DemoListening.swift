/// The demo city's listening rules: what a Diskominfo would watch from the first day.
public enum DemoListening {
    public struct RuleSeed: Sendable {
        public let name: String
        public let unitCode: String
        public let query: String
        /// What the rule also searches for on X and YouTube (the platforms' own syntax); nil for none.
        public var xSearch: String? = nil
        public var youtubeSearch: String? = nil
    }

    public static let rules: [RuleSeed] = [
        RuleSeed(name: "Air PDAM mati atau keruh", unitCode: "PEMKOT", query: "(air OR pdam OR pipa) AND (mati OR keruh OR bocor OR \"tidak ngalir\")",
                 xSearch: "(pdam OR air) (mati OR keruh OR bocor) tirtamaya lang:in -is:retweet"),
        RuleSeed(name: "Banjir dan genangan", unitCode: "DPUPR", query: "banjir OR genang* OR (air NEAR/3 naik)",
                 xSearch: "(banjir OR genangan) tirtamaya lang:in -is:retweet", youtubeSearch: "banjir tirtamaya"),
        RuleSeed(name: "Jalan rusak", unitCode: "DPUPR", query: "jalan NEAR/4 (lubang OR rusak OR berlubang)"),
        RuleSeed(name: "Layanan kependudukan lambat", unitCode: "DISDUKCAPIL", query: "(ktp OR kk OR akta OR dukcapil) AND (lama OR lambat OR antre OR antri)"),
        RuleSeed(name: "Kabar berantai untuk disebar", unitCode: "DISKOMINFO", query: "viralkan OR sebarkan OR \"kabar dari grup\" OR copas",
                 xSearch: "(viralkan OR sebarkan) tirtamaya lang:in"),
    ]
}
