import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

// A platform stand-in for the publishing benchmark, on loopback: answers the calls a
// publisher makes as Facebook (`POST /{version}/{page-id}/feed` → {"id":…}) and X
// (`POST /2/tweets` → {"data":{"id":…}}) do, counts what it was asked, and tells the count at
// `GET /stats`. X mention polls find nothing; everything else is a Graph-style 404.
//
//   FakePlatform --port 18400

let port = CommandLine.arguments.firstIndex(of: "--port").flatMap { Int(CommandLine.arguments[$0 + 1]) } ?? 18400
let posts = NIOLockedValueBox(0)

final class Handler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    private var head: HTTPRequestHead?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request): head = request
        case .body: break
        case .end:
            guard let head else { return }
            let (status, body) = answer(head)
            var headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(body.utf8.count))])
            if !head.isKeepAlive { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
            let keepAlive = head.isKeepAlive
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in if !keepAlive { context.close(promise: nil) } }
            self.head = nil
        }
    }

    func answer(_ head: HTTPRequestHead) -> (HTTPResponseStatus, String) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        if head.method == .GET, path == "/stats" { return (.ok, #"{"posts":\#(posts.withLockedValue { $0 })}"#) }
        // The worker also polls X accounts for mentions: there are none.
        if head.method == .GET, path.hasPrefix("/2/users/"), path.hasSuffix("/mentions") { return (.ok, #"{"meta":{"result_count":0}}"#) }
        if head.method == .POST, path.hasSuffix("/feed") {
            let n = posts.withLockedValue { $0 += 1; return $0 }
            return (.ok, #"{"id":"100000000000001_\#(n)"}"#)
        }
        if head.method == .POST, path == "/2/tweets" {
            let n = posts.withLockedValue { $0 += 1; return $0 }
            return (.created, #"{"data":{"id":"\#(1_900_000_000_000_000_000 + n)","text":""}}"#)
        }
        return (.notFound, #"{"error":{"message":"Unknown path","type":"GraphMethodException","code":100}}"#)
    }
}

let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
let bootstrap = ServerBootstrap(group: group)
    .serverChannelOption(ChannelOptions.backlog, value: 256)
    .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
    .childChannelInitializer { channel in
        channel.pipeline.configureHTTPServerPipeline().flatMap { channel.pipeline.addHandler(Handler()) }
    }
let channel = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
print("fake platform on http://127.0.0.1:\(port)")
try channel.closeFuture.wait()
