import Foundation
import SimpulPlatforms

// Times the CPU work of one Meta comment delivery before it is stored: the signature check and
// the parse into normalised events (with the raw and detail JSON each event keeps). One core,
// no I/O, so the figures move only when the code does.
//   cd Benchmarks && swift run -c release ParseBench

let body = Data(#"{"object":"page","entry":[{"id":"100015269220672","time":1763700000,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","comment_id":"100015269220672_4411","post_id":"100015269220672_1","parent_id":"100015269220672_1","from":{"id":"555","name":"Warga Kelurahan"},"created_time":1763700000,"message":"Jalan di depan kelurahan rusak parah sudah dua minggu, mohon ditindaklanjuti 🙏"}}]}]}"#.utf8)
let secret = "simpul-sandbox-app-secret"
let signature = WebhookSignature.sign(body, secret: secret)
let iterations = 200_000

/// Microseconds per call, the best of three passes.
func measure(_ label: String, _ work: () -> Bool) {
    var best = Double.infinity
    for _ in 0..<3 {
        var failures = 0
        let elapsed = ContinuousClock().measure {
            for _ in 0..<iterations where !work() { failures += 1 }
        }
        precondition(failures == 0, "\(label) failed")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = min(best, seconds / Double(iterations) * 1e6)
    }
    print(label.padding(toLength: 34, withPad: " ", startingAt: 0), String(format: "%6.2f µs", best))
}

measure("verify X-Hub-Signature-256") {
    WebhookSignature.verify(body: body, signature256: signature, secrets: [secret]) == .valid(secretIndex: 0)
}
measure("parse into events") {
    (try? PayloadParser.parse(body, as: .meta))?.count == 1
}
measure("parse, then detail JSON") {
    (try? PayloadParser.parse(body, as: .meta))?.first?.detailJSON.isEmpty == false
}
