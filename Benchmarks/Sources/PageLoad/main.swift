import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

// Many distinct admins using the web pages at once: each signs in through the login form
// (its own session and scope), then `concurrency` clients at a time open the home page, the
// inbox and a thread of that admin's inbox, admin after admin, for `duration` seconds.
// Prints p50/p90/p99 per page and overall, throughput, and the server's resident memory
// (sampled from /proc while the load runs, and its high-water mark).
//   PageLoad --url http://127.0.0.1:8080 --logins FILE --password … [--admins 300]
//            [--concurrency 50] [--duration 60] [--pid SERVER_PID]

struct Options {
    var url = "http://127.0.0.1:8080"
    var loginsFile = ""
    var password = ""
    var admins = 300
    var concurrency = 50
    var duration = 60.0
    var pid: Int32?
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
        case "--logins": o.loginsFile = value
        case "--password": o.password = value
        case "--admins": o.admins = max(1, Int(value) ?? o.admins)
        case "--concurrency": o.concurrency = max(1, Int(value) ?? o.concurrency)
        case "--duration": o.duration = max(1, Double(value) ?? o.duration)
        case "--pid": o.pid = Int32(value)
        default: fail("unknown option \(argument)")
        }
    }
    return o
}

let options = parseOptions()
let url = options.url
let loginsFile = options.loginsFile
let password = options.password
let admins = options.admins
let concurrency = options.concurrency
let duration = options.duration
let pid = options.pid
guard let text = try? String(contentsOfFile: loginsFile, encoding: .utf8) else { fail("--logins FILE: one e-mail a line") }
let emails = Array(text.split(whereSeparator: \.isNewline).map(String.init).prefix(admins))
guard emails.count == admins else { fail("\(loginsFile) has \(emails.count) logins, not \(admins)") }

struct Failure: Error, CustomStringConvertible {
    let description: String
    var status: UInt = 0
}

let client = HTTPClient(eventLoopGroupProvider: .singleton,
                        configuration: .init(redirectConfiguration: .disallow,
                                             connectionPool: .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)))

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// The value of cookie `name` among a response's Set-Cookie headers.
func cookie(_ name: String, in headers: HTTPHeaders) -> String? {
    for line in headers["Set-Cookie"] {
        guard let pair = line.split(separator: ";").first, pair.hasPrefix(name + "=") else { continue }
        return String(pair.dropFirst(name.count + 1))
    }
    return nil
}

func formEncoded(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
}

/// Signs in through the form as a browser does: the login page's signed token goes back as
/// both the cookie and the form field; the answer is a redirect with the session cookie.
func signIn(_ email: String) async throws -> String {
    let page = try await client.execute(HTTPClientRequest(url: url + "/login"), timeout: .seconds(60))
    _ = try await page.body.collect(upTo: 4 << 20)
    guard let token = cookie("simpul_login_csrf", in: page.headers) else { throw Failure(description: "no login token for \(email)") }
    var request = HTTPClientRequest(url: url + "/login")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
    request.headers.add(name: "Cookie", value: "simpul_login_csrf=" + token)
    let form = ["_csrf": token, "email": email, "password": password, "next": "/"].map { $0 + "=" + formEncoded($1) }.joined(separator: "&")
    request.body = .bytes(ByteBuffer(string: form))
    let response = try await client.execute(request, timeout: .seconds(60))
    _ = try await response.body.collect(upTo: 4 << 20)
    guard response.status == .seeOther, let session = cookie("simpul_session", in: response.headers) else {
        throw Failure(description: "sign-in of \(email) answered \(response.status.code)")
    }
    return session
}

enum PageKind: String, CaseIterable { case home, inbox, thread }

struct Admin {
    let email: String
    let session: String
    /// Threads from this admin's first inbox page; empty when their inbox is.
    var threads: [String]
    var seesInbox: Bool
}

/// One page as the admin's browser asks for it; returns its time and body.
func get(_ path: String, as admin: Admin) async throws -> (Double, String) {
    var request = HTTPClientRequest(url: url + path)
    request.headers.add(name: "Cookie", value: "simpul_session=" + admin.session)
    let start = ContinuousClock.now
    let response = try await client.execute(request, timeout: .seconds(120))
    let body = try await response.body.collect(upTo: 16 << 20)
    let elapsed = milliseconds(ContinuousClock.now - start)
    guard response.status == .ok else { throw Failure(description: "\(path) for \(admin.email) answered \(response.status.code)", status: response.status.code) }
    return (elapsed, String(buffer: body))
}

func threadPaths(in html: String) -> [String] {
    var paths: [String] = []
    var rest = html[...]
    while let range = rest.range(of: "href=\"/inbox/") {
        let tail = rest[range.upperBound...]
        let id = tail.prefix(36)
        if id.count == 36, UUID(uuidString: String(id)) != nil { paths.append("/inbox/" + id) }
        rest = tail
    }
    return Array(Set(paths)).sorted()
}

/// The server's resident set now and its high-water mark, in MiB, from /proc.
func memory(of pid: Int32) -> (rss: Double, peak: Double)? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    func field(_ name: String) -> Double? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
        return line.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1024 }
    }
    guard let rss = field("VmRSS"), let peak = field("VmHWM") else { return nil }
    return (rss, peak)
}

actor Samples {
    var times: [PageKind: [Double]] = [:]
    var failures: [String] = []
    func add(_ kind: PageKind, _ ms: Double) { times[kind, default: []].append(ms) }
    func fail(_ message: String) { if failures.count < 20 { failures.append(message) }; failureCount += 1 }
    var failureCount = 0
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

do {
    // Sign in every admin, a few at a time (the password hash is deliberately slow).
    let signInStart = ContinuousClock.now
    var signedIn: [Admin] = []
    try await withThrowingTaskGroup(of: Admin.self) { group in
        var next = 0
        func add() {
            let email = emails[next]
            next += 1
            group.addTask {
                var admin = Admin(email: email, session: try await signIn(email), threads: [], seesInbox: true)
                // Some people of the demo (staff, viewers of other pages) may not open the inbox:
                // they load the home page only.
                do {
                    admin.threads = threadPaths(in: try await get("/inbox", as: admin).1)
                } catch let failure as Failure where failure.status == 403 {
                    admin.seesInbox = false
                }
                return admin
            }
        }
        for _ in 0..<min(4, emails.count) { add() }
        for try await admin in group {
            signedIn.append(admin)
            if next < emails.count { add() }
        }
    }
    let withThreads = signedIn.filter { !$0.threads.isEmpty }.count
    print(String(format: "signed in %d distinct admins in %.1f s (%d with messages in their inbox, %d distinct sessions)",
                 signedIn.count, milliseconds(ContinuousClock.now - signInStart) / 1000, withThreads, Set(signedIn.map(\.session)).count))

    let samples = Samples()
    let deadline = ContinuousClock.now + .milliseconds(Int64(duration * 1000))
    let everyone = signedIn
    let sampler = Task { () -> Double in
        var peak = 0.0
        while !Task.isCancelled {
            if let pid, let m = memory(of: pid) { peak = max(peak, m.rss) }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return peak
    }
    let loadStart = ContinuousClock.now
    await withTaskGroup(of: Void.self) { group in
        for worker in 0..<concurrency {
            group.addTask {
                // Each client takes the admins in its own stride, so at any moment the pages
                // in flight belong to different people.
                var turn = worker
                while ContinuousClock.now < deadline {
                    let admin = everyone[turn % everyone.count]
                    let kind = PageKind.allCases[(turn / everyone.count + worker) % PageKind.allCases.count]
                    turn += concurrency
                    let path: String
                    switch kind {
                    case .home: path = "/"
                    case .inbox:
                        guard admin.seesInbox else { continue }
                        path = "/inbox"
                    case .thread:
                        guard !admin.threads.isEmpty else { continue }
                        path = admin.threads[turn % admin.threads.count]
                    }
                    do {
                        let (ms, _) = try await get(path, as: admin)
                        await samples.add(kind, ms)
                    } catch {
                        await samples.fail("\(error)")
                    }
                }
            }
        }
    }
    let elapsed = milliseconds(ContinuousClock.now - loadStart) / 1000
    sampler.cancel()
    let memoryPeak = await sampler.value
    let times = await samples.times
    let all = times.values.flatMap { $0 }.sorted()
    print(String(format: "%d concurrent clients for %.0f s: %d pages, %.1f pages/s", concurrency, elapsed, all.count, Double(all.count) / elapsed))
    for kind in PageKind.allCases {
        let sorted = (times[kind] ?? []).sorted()
        print(String(format: "  %-7@ %6d pages  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms",
                     kind.rawValue, sorted.count, percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(sorted, 0.99), sorted.last ?? .nan))
    }
    print(String(format: "  all     %6d pages  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms",
                 all.count, percentile(all, 0.5), percentile(all, 0.9), percentile(all, 0.99), all.last ?? .nan))
    let failures = await samples.failureCount
    if failures > 0 { print("failures: \(failures); first: \(await samples.failures.prefix(3).joined(separator: " | "))") }
    if let pid, let m = memory(of: pid) {
        print(String(format: "server memory: peak RSS while loading %.0f MiB, now %.0f MiB, high-water mark %.0f MiB", memoryPeak, m.rss, m.peak))
    }
    print(String(format: "P50_MS=%.1f P99_MS=%.1f", percentile(all, 0.5), percentile(all, 0.99)))
} catch {
    FileHandle.standardError.write(Data("failed: \(error)\n".utf8))
    try? await client.shutdown()
    exit(1)
}
try? await client.shutdown()
