import AsyncHTTPClient
import Foundation
import NIOCore

// The latency of one inbox page, as one operator sees it: requests one after another (no
// concurrency), after a warm-up, reporting the median and the 95th percentile.
//   InboxLatency --url http://127.0.0.1:8080 --token spl_… --query "state=new&platform=instagram&q=jalan" [--requests 200]

var url = "http://127.0.0.1:8080"
var token = ""
var query = ""
var requests = 200
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    let value = arguments.next() ?? ""
    switch argument {
    case "--url": url = value
    case "--token": token = value
    case "--query": query = value
    case "--requests": requests = max(1, Int(value) ?? requests)
    default: FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8)); exit(2)
    }
}

let client = HTTPClient(eventLoopGroupProvider: .singleton)
var request = HTTPClientRequest(url: url + "/api/v1/inbox?" + query)
request.headers.add(name: "Authorization", value: "Bearer " + token)

/// One request; returns (milliseconds, items on the page).
func timed() async throws -> (Double, Int) {
    let start = ContinuousClock.now
    let response = try await client.execute(request, timeout: .seconds(60))
    let body = try await response.body.collect(upTo: 16 << 20)
    let elapsed = ContinuousClock.now - start
    guard response.status == .ok else {
        throw NSError(domain: "InboxLatency", code: Int(response.status.code), userInfo: [NSLocalizedDescriptionKey: String(buffer: body)])
    }
    let page = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
    let items = (page?["data"] as? [Any])?.count ?? 0
    return (Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15, items)
}

do {
    for _ in 0..<10 { _ = try await timed() }
    var samples: [Double] = []
    var items = 0
    for _ in 0..<requests {
        let (ms, count) = try await timed()
        samples.append(ms)
        items = count
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p95 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))]
    print(String(format: "first page (%d messages): median %.2f ms, p95 %.2f ms, min %.2f ms over %d requests", items, median, p95, samples[0], requests))
    print(String(format: "MEDIAN_MS=%.3f", median))
} catch {
    FileHandle.standardError.write(Data("request failed: \(error)\n".utf8))
    try? await client.shutdown()
    exit(1)
}
try? await client.shutdown()
