import Vapor

/// Headers every answer carries.
struct SecurityHeaders: Middleware {
    /// Served over https (the base URL says so): browsers are told never to use plain http.
    let strictTransport: Bool

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: req).map { response in
            response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
            response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
            if strictTransport {
                response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
            }
            // What a signed-in person sees (citizens' messages, names, numbers) must not stay in
            // a shared computer's cache or a proxy; an answer that chose its own caching keeps it.
            if req.principal != nil, !response.headers.contains(name: .cacheControl) {
                response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            }
            return response
        }
    }
}
