import Foundation
import Vapor

/// The one stylesheet and the small script, shipped inside the binary's resource bundle so the
/// server finds them wherever it is started from.
enum StaticAssets {
    struct Asset: Sendable {
        let body: String
        let contentType: String
        let etag: String
    }

    static func load(_ name: String, ext: String, contentType: String) -> Asset {
        let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/Public")
            ?? Bundle.module.url(forResource: name, withExtension: ext)
        let body = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return Asset(body: body, contentType: contentType, etag: "\"" + String(Secrets.fingerprint(body).prefix(16)) + "\"")
    }

    static func register(_ routes: RouteCatalog) {
        let css = load("app", ext: "css", contentType: "text/css; charset=utf-8")
        let js = load("app", ext: "js", contentType: "text/javascript; charset=utf-8")
        for (route, asset) in [(SiteRoute.stylesheet, css), (.script, js)] {
            routes.add(route) { req in
                if req.headers.first(name: .ifNoneMatch) == asset.etag { return Response(status: .notModified) }
                return Response(status: .ok, headers: ["Content-Type": asset.contentType, "ETag": asset.etag, "Cache-Control": "public, max-age=300"],
                                body: .init(string: asset.body))
            }
        }
    }
}
