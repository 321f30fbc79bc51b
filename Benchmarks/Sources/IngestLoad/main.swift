import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore

// Measures signed-webhook ingest against a bare route of the same server, in one run:
//   IngestLoad --url http://127.0.0.1:8080 --tenant tirtamaya --secret S --page 123 [--seconds 10] [--rounds 3] [--concurrency 32]
// Each ingest request is a distinct, correctly signed Facebook comment, so every one is a
// real durable insert, not a duplicate. Bare and ingest phases alternate for `rounds` rounds
// and the medians are compared, so that a slow spell of the machine does not land on one side.

struct Options {
    var url = "http://127.0.0.1:8080"
    var tenant = "tirtamaya"
    var secret = ""
    var page = "100000000000001"
    var seconds = 10.0
    var rounds = 3
    var concurrency = 32

    init(_ arguments: [String]) {
        var i = 1
        func next() -> String { i += 1; return i < arguments.count ? arguments[i] : "" }
        while i < arguments.count {
            switch arguments[i] {
            case "--url": url = next()
            case "--tenant": tenant = next()
            case "--secret": secret = next()
            case "--page": page = next()
            case "--seconds": seconds = Double(next()) ?? seconds
            case "--rounds": rounds = max(1, Int(next()) ?? rounds)
            case "--concurrency": concurrency = Int(next()) ?? concurrency
            default: FileHandle.standardError.write(Data("unknown option \(arguments[i])\n".utf8)); exit(2)
            }
            i += 1
        }
    }
}

func sign(_ body: Data, secret: String) -> String {
    "sha256=" + HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8))).map { String(format: "%02x", $0) }.joined()
}

func comment(page: String, id: String) -> Data {
    Data(#"{"object":"page","entry":[{"id":"\#(page)","time":1763700000,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"\#(id)","post_id":"\#(page)_1","parent_id":"\#(page)_1","from":{"id":"555","name":"Warga Beban"},"created_time":1763700000,"message":"Uji beban \#(id): jalan di depan kelurahan rusak parah, mohon ditindaklanjuti"}}]}]}"#.utf8)
}

actor Counter {
    var ok = 0
    var failed = 0
    var sequence = 0
    func record(_ success: Bool) { if success { ok += 1 } else { failed += 1 } }
    func nextID() -> Int { sequence += 1; return sequence }
}

/// Runs `concurrency` request loops for `seconds`; returns (successes per second, failures).
/// `makeRequest` must be cheap: whatever the generator spends per request is taken from the
/// server on the same machine, so signed bodies are prepared before the clock starts.
func measure(_ options: Options, client: HTTPClient, sequence: Counter, makeRequest: @escaping @Sendable (Int) -> HTTPClientRequest) async -> (Double, Int) {
    let counter = Counter()
    let deadline = ContinuousClock.now + .milliseconds(Int(options.seconds * 1000))
    let start = ContinuousClock.now
    await withTaskGroup(of: Void.self) { group in
        for _ in 0..<options.concurrency {
            group.addTask {
                while ContinuousClock.now < deadline {
                    let request = makeRequest(await sequence.nextID())
                    do {
                        let response = try await client.execute(request, timeout: .seconds(30))
                        _ = try await response.body.collect(upTo: 1 << 20)
                        await counter.record(response.status == .ok)
                    } catch {
                        await counter.record(false)
                    }
                }
            }
        }
    }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (Double(await counter.ok) / seconds, await counter.failed)
}

let options = Options(CommandLine.arguments)
let client = HTTPClient(eventLoopGroupProvider: .singleton)
let runID = UUID().uuidString.prefix(8)

let bareSequence = Counter()
let ingestSequence = Counter()
// More distinct deliveries than any run can send (the bare route's rate bounds ingest's), so
// every request is a first delivery; should a run ever outpace them, it fails loudly below.
let prepared: [(body: ByteBuffer, signature: String)] = (0..<Int(options.seconds * Double(options.rounds) * 20_000)).map { n in
    let body = comment(page: options.page, id: "\(options.page)_load_\(runID)_\(n)")
    return (ByteBuffer(bytes: body), sign(body, secret: options.secret))
}
var bareRates: [Double] = []
var ingestRates: [Double] = []
var failures = 0
for round in 1...options.rounds {
    let (bare, bareFailures) = await measure(options, client: client, sequence: bareSequence) { _ in
        HTTPClientRequest(url: options.url + "/healthz")
    }
    let (ingest, ingestFailures) = await measure(options, client: client, sequence: ingestSequence) { n in
        guard n <= prepared.count else { fatalError("ran out of prepared deliveries; raise the count") }
        let delivery = prepared[n - 1]
        var request = HTTPClientRequest(url: options.url + "/webhooks/meta/" + options.tenant)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-Hub-Signature-256", value: delivery.signature)
        request.body = .bytes(delivery.body)
        return request
    }
    bareRates.append(bare)
    ingestRates.append(ingest)
    failures += bareFailures + ingestFailures
    print(String(format: "round %d: bare %8.0f req/s, ingest %8.0f req/s (%.1f%%), %d failed", round, bare, ingest, bare > 0 ? ingest / bare * 100 : 0,
                 bareFailures + ingestFailures))
}
await client.shutdown()

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
let bare = median(bareRates), ingest = median(ingestRates)
print(String(format: "bare route  (GET /healthz):          %8.0f req/s  (median of %d)", bare, options.rounds))
print(String(format: "signed ingest (POST /webhooks/meta): %8.0f req/s  (median of %d)", ingest, options.rounds))
print(String(format: "ingest / bare: %.1f%%  (concurrency %d, %.0f s a phase, %d failed)", bare > 0 ? ingest / bare * 100 : 0, options.concurrency, options.seconds, failures))
