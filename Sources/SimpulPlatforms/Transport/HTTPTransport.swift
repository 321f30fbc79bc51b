import Foundation

/// An outbound HTTP call, independent of any HTTP library, so connectors can be tested against a
/// fake transport or a fake server and the server can plug in its own client.
public struct HTTPRequestSpec: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [(String, String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(String, String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public static func == (lhs: HTTPRequestSpec, rhs: HTTPRequestSpec) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0.lowercased()):\($0.1)" } == rhs.headers.map { "\($0.0.lowercased()):\($0.1)" }
    }
}

public struct HTTPResponseSpec: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequestSpec) async throws -> HTTPResponseSpec
}

/// Where each platform's API lives. Configuration, so tests and proxies can point elsewhere.
public struct PlatformEndpoints: Sendable, Equatable {
    public var graphBaseURL: URL
    public var graphVersion: String
    public var xBaseURL: URL
    public var youtubeBaseURL: URL
    public var tiktokBaseURL: URL

    public init(graphBaseURL: URL = URL(string: "https://graph.facebook.com")!, graphVersion: String = "v21.0",
                xBaseURL: URL = URL(string: "https://api.x.com")!, youtubeBaseURL: URL = URL(string: "https://www.googleapis.com/youtube/v3")!,
                tiktokBaseURL: URL = URL(string: "https://open.tiktokapis.com")!) {
        self.graphBaseURL = graphBaseURL
        self.graphVersion = graphVersion
        self.xBaseURL = xBaseURL
        self.youtubeBaseURL = youtubeBaseURL
        self.tiktokBaseURL = tiktokBaseURL
    }

    /// Every API at one base URL (a fake platform server in tests).
    public static func allAt(_ base: URL) -> PlatformEndpoints {
        PlatformEndpoints(graphBaseURL: base, xBaseURL: base, youtubeBaseURL: base.appendingPathComponent("youtube/v3"), tiktokBaseURL: base)
    }
}

/// The secrets and ids one account needs to talk to its platform. Stored sealed (AES-GCM) in
/// the account row; never logged, never returned by the API.
public struct AccountCredentials: Codable, Equatable, Sendable {
    public var accessToken: String?
    public var pageID: String?
    public var instagramUserID: String?
    public var phoneNumberID: String?
    public var appSecret: String?
    public var verifyToken: String?
    public var channelID: String?
    public var xUserID: String?

    public init(accessToken: String? = nil, pageID: String? = nil, instagramUserID: String? = nil, phoneNumberID: String? = nil,
                appSecret: String? = nil, verifyToken: String? = nil, channelID: String? = nil, xUserID: String? = nil) {
        self.accessToken = accessToken
        self.pageID = pageID
        self.instagramUserID = instagramUserID
        self.phoneNumberID = phoneNumberID
        self.appSecret = appSecret
        self.verifyToken = verifyToken
        self.channelID = channelID
        self.xUserID = xUserID
    }
}
