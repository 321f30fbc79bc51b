import Crypto
import Foundation

// Prepares the signed webhook deliveries that `run-ingest.sh` replays with wrk:
//   IngestDeliveries --out DIR --secret S --page 123 --rounds 5 --threads 2 --per-file 60000
// writes DIR/round-R-thread-T.txt, one delivery a line: the X-Hub-Signature-256 value, a tab,
// and the body. Every delivery is a distinct Facebook comment, so each request the server
// accepts is a first delivery and a real durable insert, never a cheap duplicate. Signing
// happens here, before the clock starts, so that the load generator spends almost nothing per
// request of the two cores it shares with the server.

struct Options {
    var out = ""
    var secret = ""
    var page = "100000000000001"
    var rounds = 5
    var threads = 2
    var perFile = 60_000

    init(_ arguments: [String]) {
        var i = 1
        func next() -> String { i += 1; return i < arguments.count ? arguments[i] : "" }
        while i < arguments.count {
            switch arguments[i] {
            case "--out": out = next()
            case "--secret": secret = next()
            case "--page": page = next()
            case "--rounds": rounds = max(1, Int(next()) ?? rounds)
            case "--threads": threads = max(1, Int(next()) ?? threads)
            case "--per-file": perFile = max(1, Int(next()) ?? perFile)
            default: FileHandle.standardError.write(Data("unknown option \(arguments[i])\n".utf8)); exit(2)
            }
            i += 1
        }
        if out.isEmpty || secret.isEmpty {
            FileHandle.standardError.write(Data("--out and --secret are required\n".utf8)); exit(2)
        }
    }
}

func signature(_ body: Data, key: SymmetricKey) -> String {
    "sha256=" + HMAC<SHA256>.authenticationCode(for: body, using: key).map { String(format: "%02x", $0) }.joined()
}

func comment(page: String, id: String) -> String {
    #"{"object":"page","entry":[{"id":"\#(page)","time":1763700000,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"\#(id)","post_id":"\#(page)_1","parent_id":"\#(page)_1","from":{"id":"555","name":"Warga Beban"},"created_time":1763700000,"message":"Uji beban \#(id): jalan di depan kelurahan rusak parah, mohon ditindaklanjuti"}}]}]}"#
}

let options = Options(CommandLine.arguments)
let key = SymmetricKey(data: Data(options.secret.utf8))
let runID = UUID().uuidString.prefix(8)
try FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
for round in 1...options.rounds {
    for thread in 0..<options.threads {
        var lines = ""
        lines.reserveCapacity(options.perFile * 600)
        for n in 0..<options.perFile {
            let body = comment(page: options.page, id: "\(options.page)_load_\(runID)_\(round)_\(thread)_\(n)")
            lines += signature(Data(body.utf8), key: key) + "\t" + body + "\n"
        }
        try Data(lines.utf8).write(to: URL(fileURLWithPath: "\(options.out)/round-\(round)-thread-\(thread).txt"))
    }
}
