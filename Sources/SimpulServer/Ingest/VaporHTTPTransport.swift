import Foundation
import NIOCore
import SimpulPlatforms
import Vapor

/// Connectors speak through this: Vapor's HTTP client, with a timeout, and nothing logged
/// about request bodies or headers (they carry tokens).
struct VaporHTTPTransport: HTTPTransport {
    let client: Client
    var timeout: TimeAmount = .seconds(20)

    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseSpec {
        var headers = HTTPHeaders()
        for (name, value) in request.headers { headers.add(name: name, value: value) }
        let response = try await client.send(HTTPMethod(rawValue: request.method), headers: headers, to: URI(string: request.url.absoluteString)) { outgoing in
            if let body = request.body { outgoing.body = ByteBuffer(data: body) }
            outgoing.timeout = timeout
        }
        let body = response.body.map { Data(buffer: $0) } ?? Data()
        return HTTPResponseSpec(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: body)
    }
}

extension Application {
    private struct EndpointsKey: StorageKey { typealias Value = PlatformEndpoints }
    private struct TransportKey: StorageKey { typealias Value = any HTTPTransport }

    /// Platform API locations; tests point them at a fake server on loopback.
    var platformEndpoints: PlatformEndpoints {
        get { storage[EndpointsKey.self] ?? PlatformEndpoints() }
        set { storage[EndpointsKey.self] = newValue }
    }

    var platformTransport: any HTTPTransport {
        get { storage[TransportKey.self] ?? VaporHTTPTransport(client: client) }
        set { storage[TransportKey.self] = newValue }
    }
}
