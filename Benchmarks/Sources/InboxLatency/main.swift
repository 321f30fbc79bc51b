import AsyncHTTPClient
import Foundation
import NIOCore

// The latency of inbox pages over a matrix of filter shapes, as operators see it.
//   InboxLatency --url http://127.0.0.1:8080 --token spl_… --mode warm|cold|concurrent
//                [--shape name=query …] [--requests 60] [--clients 20] [--pages 1,5]
//   InboxLatency --list-shapes
// Prints one tab-separated RESULT line per shape and page:
//   RESULT <mode> <shape> <page> <median ms> <p95 ms> <messages on the page>
// - warm: a few requests first, then `requests` one after another;
// - cold: one request of each page, nothing before it (the caller restarts the server and
//   empties the caches before each run); page 5 is reached by reading pages 1 to 4 first,
//   as a person paging would;
// - concurrent: `clients` clients at once, each sending its share of `requests`.
// A page that does not exist (a selective filter over few messages) is reported with "-".

enum Mode: String, Sendable { case warm, cold, concurrent }

struct Shape: Sendable {
    let name: String
    let query: String
}

/// Common filters (much of the inbox passes) and selective ones (a few in a thousand), each
/// with and without a search word.
let defaultShapes: [Shape] = {
    let base = [
        ("semua", ""),
        ("baru", "state=new"),
        ("baru-instagram", "state=new&platform=instagram"),
        ("spam-youtube-urgent", "state=spam&platform=youtube&priority=urgent"),
        ("whatsapp-urgent-positif", "platform=whatsapp&priority=urgent&sentiment=positive"),
        ("selesai-x-negatif", "state=closed&platform=x&sentiment=negative"),
    ]
    return base.flatMap { name, query in
        [Shape(name: name, query: query), Shape(name: name + "+q", query: query.isEmpty ? "q=jalan" : query + "&q=jalan")]
    }
}()

struct Options {
    var url = "http://127.0.0.1:8080"
    var token = ""
    var mode = Mode.warm
    var shapes: [Shape] = []
    var requests = 60
    var clients = 20
    var pages = [1, 5]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func parseOptions() -> Options {
    var o = Options()
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    while let argument = arguments.next() {
        let value = arguments.next() ?? ""
        switch argument {
        case "--url": o.url = value
        case "--token": o.token = value
        case "--mode":
            guard let mode = Mode(rawValue: value) else { fail("--mode is warm, cold or concurrent") }
            o.mode = mode
        case "--shape":
            guard let equals = value.firstIndex(of: "=") else { fail("--shape is name=query") }
            o.shapes.append(Shape(name: String(value[..<equals]), query: String(value[value.index(after: equals)...])))
        case "--requests": o.requests = max(1, Int(value) ?? o.requests)
        case "--clients": o.clients = max(1, Int(value) ?? o.clients)
        case "--list-shapes":
            // The default matrix as --shape values, one a line, for a caller that runs shapes one by one.
            for shape in defaultShapes { print(shape.name + "=" + shape.query) }
            exit(0)
        case "--pages": o.pages = value.split(separator: ",").compactMap { Int($0) }.filter { $0 >= 1 }
        default: fail("unknown option \(argument)")
        }
    }
    if o.shapes.isEmpty { o.shapes = defaultShapes }
    return o
}

let options = parseOptions()
let url = options.url
let token = options.token
let mode = options.mode
let shapes = options.shapes
let requests = options.requests
let clients = options.clients
let pages = options.pages

struct Failure: Error, CustomStringConvertible { let description: String }

let client = HTTPClient(eventLoopGroupProvider: .singleton,
                        configuration: .init(connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)))

struct PageResult {
    let milliseconds: Double
    let items: Int
    let next: String?
}

func fetch(_ query: String, cursor: String?) async throws -> PageResult {
    var parts = query.isEmpty ? [] : [query]
    if let cursor { parts.append("cursor=" + cursor) }
    var request = HTTPClientRequest(url: url + "/api/v1/inbox" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&")))
    request.headers.add(name: "Authorization", value: "Bearer " + token)
    let start = ContinuousClock.now
    let response = try await client.execute(request, timeout: .seconds(120))
    let body = try await response.body.collect(upTo: 16 << 20)
    let elapsed = ContinuousClock.now - start
    guard response.status == .ok else { throw Failure(description: "\(response.status.code) for \(query): \(String(buffer: body))") }
    let page = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    return PageResult(milliseconds: ms, items: (page?["data"] as? [Any])?.count ?? 0, next: page?["next_cursor"] as? String)
}

/// The cursor that opens page `n` (nil for the first page) and whether there is such a page;
/// the pages before it are read on the way.
func cursor(forPage n: Int, of query: String) async throws -> (cursor: String?, exists: Bool) {
    var cursor: String?
    for _ in 1..<n {
        guard let next = try await fetch(query, cursor: cursor).next else { return (nil, false) }
        cursor = next
    }
    return (cursor, true)
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func report(_ shape: Shape, page: Int, samples: [Double], items: Int) {
    let sorted = samples.sorted()
    print(String(format: "RESULT\t%@\t%@\t%d\t%.3f\t%.3f\t%d", mode.rawValue, shape.name, page, percentile(sorted, 0.5), percentile(sorted, 0.95), items))
}

func reportMissing(_ shape: Shape, page: Int) {
    print("RESULT\t\(mode.rawValue)\t\(shape.name)\t\(page)\t-\t-\t0")
}

do {
    for shape in shapes {
        for page in pages {
            let (cursor, exists) = try await cursor(forPage: page, of: shape.query)
            guard exists else { reportMissing(shape, page: page); continue }
            switch mode {
            case .cold:
                // The pages before were read on the way here, as a person paging reads them.
                let result = try await fetch(shape.query, cursor: cursor)
                report(shape, page: page, samples: [result.milliseconds], items: result.items)
            case .warm:
                for _ in 0..<5 { _ = try await fetch(shape.query, cursor: cursor) }
                var samples: [Double] = []
                var items = 0
                for _ in 0..<requests {
                    let result = try await fetch(shape.query, cursor: cursor)
                    samples.append(result.milliseconds)
                    items = result.items
                }
                report(shape, page: page, samples: samples, items: items)
            case .concurrent:
                for _ in 0..<clients { _ = try await fetch(shape.query, cursor: cursor) }
                let each = max(1, requests / clients)
                let (samples, items) = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
                    for _ in 0..<clients {
                        group.addTask {
                            var samples: [Double] = []
                            var items = 0
                            for _ in 0..<each {
                                let result = try await fetch(shape.query, cursor: cursor)
                                samples.append(result.milliseconds)
                                items = result.items
                            }
                            return (samples, items)
                        }
                    }
                    var all: [Double] = []
                    var items = 0
                    for try await (samples, count) in group {
                        all += samples
                        items = count
                    }
                    return (all, items)
                }
                report(shape, page: page, samples: samples, items: items)
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("request failed: \(error)\n".utf8))
    try? await client.shutdown()
    exit(1)
}
try? await client.shutdown()
