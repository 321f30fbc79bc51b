import SimpulCore
import Vapor

/// One entry of the route table: where a route lives and what it takes to use it. Every route
/// is registered through `RouteCatalog.add`, so the gate in front of it cannot be forgotten and
/// the authorization test can walk the complete list.
struct RouteSpec: Sendable {
    enum Surface: Sendable, Equatable {
        /// Health, metrics, static files: no identity at all.
        case system
        /// Browser pages: session cookie, CSRF on every state change, redirects to the login page.
        case web
        /// /api/v1: bearer token, JSON errors.
        case api
    }

    enum Requirement: Sendable, Equatable {
        case none
        case signedIn
        case permission(Permission)
    }

    let name: String
    let method: HTTPMethod
    let path: String
    let surface: Surface
    let requirement: Requirement
}

final class RouteCatalog: @unchecked Sendable {
    static let defaultBodyLimit = 256 * 1024
    private(set) var specs: [RouteSpec] = []
    /// The application whose routes these are; for the few handlers that take its services
    /// once when registered rather than from its storage on every request.
    let app: Application

    init(app: Application) { self.app = app }

    /// Registers `route` behind the gate.
    func add<Output: AsyncResponseEncodable>(
        _ route: SiteRoute,
        body: HTTPBodyStreamStrategy = .collect(maxSize: ByteCount(value: RouteCatalog.defaultBodyLimit)),
        _ handler: @escaping @Sendable (Request) async throws -> Output
    ) {
        let spec = route.spec
        record(spec, app.on(spec.method, spec.pathComponents, body: body) { req async throws -> Response in
            try await Gate.check(req, spec)
            return try await handler(req).encodeResponse(for: req)
        })
    }

    /// Registers a route whose path carries a value: `routes.add(SiteRoute.editUnit) { ... }`.
    func add<P: RouteParameter, Output: AsyncResponseEncodable>(
        _ route: (P) -> SiteRoute,
        body: HTTPBodyStreamStrategy = .collect(maxSize: ByteCount(value: RouteCatalog.defaultBodyLimit)),
        _ handler: @escaping @Sendable (Request) async throws -> Output
    ) {
        add(route(.standIn), body: body, handler)
    }

    /// Registers a route whose path carries two values.
    func add<P: RouteParameter, Q: RouteParameter, Output: AsyncResponseEncodable>(
        _ route: (P, Q) -> SiteRoute,
        body: HTTPBodyStreamStrategy = .collect(maxSize: ByteCount(value: RouteCatalog.defaultBodyLimit)),
        _ handler: @escaping @Sendable (Request) async throws -> Output
    ) {
        add(route(.standIn, .standIn), body: body, handler)
    }

    /// A system route answered on the event loop (EventLoopFuture), for the few paths where a
    /// hop into Swift concurrency and back costs more than the work itself. Only for routes that
    /// need nobody signed in: the gate has nothing to check on them.
    func addOnEventLoop(_ route: SiteRoute, body: HTTPBodyStreamStrategy,
                        _ handler: @escaping @Sendable (Request) -> EventLoopFuture<Response>) {
        let spec = route.spec
        precondition(spec.surface == .system && spec.requirement == .none, "\(spec.name) needs the gate")
        record(spec, app.on(spec.method, spec.pathComponents, body: body, use: handler))
    }

    /// Adds the route to the table the gate and the route matrix read, and names the router's
    /// entry after it so a path can be traced back to its case.
    private func record(_ spec: RouteSpec, _ registered: Route) {
        precondition(!specs.contains { $0.name == spec.name }, "route name \(spec.name) registered twice")
        specs.append(spec)
        registered.userInfo[RouteSpec.nameKey] = spec.name
    }
}

extension RouteSpec {
    static let nameKey = "simpul.route"

    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }
}

extension Application {
    private struct CatalogKey: StorageKey { typealias Value = RouteCatalog }

    var routeCatalog: RouteCatalog {
        if let catalog = storage[CatalogKey.self] { return catalog }
        let catalog = RouteCatalog(app: self)
        storage[CatalogKey.self] = catalog
        return catalog
    }
}

/// The single access decision in front of every route.
enum Gate {
    static func check(_ req: Request, _ spec: RouteSpec) async throws {
        switch spec.surface {
        case .system: return
        case .web: try await SessionAuthenticator.authenticate(req)
        case .api: try await TokenAuthenticator.authenticate(req)
        }
        if spec.requirement == .none { return }
        guard let principal = req.principal else { throw AppError.unauthenticated }
        if spec.surface == .web, ![.GET, .HEAD].contains(req.method) {
            try CSRF.verify(req, expected: principal.session?.csrfToken)
        }
        if case .permission(let permission) = spec.requirement, !principal.scope.allowsSomewhere(permission) {
            throw AppError.forbidden
        }
    }
}

extension Principal {
    /// Object-level check: something outside the person's reach does not exist for them (404);
    /// something they can see but not change is forbidden (403).
    func require(_ permission: Permission, on unitID: UUID, visibleWith view: Permission) throws {
        guard scope.allows(view, on: unitID) else { throw AppError.notFound }
        guard scope.allows(permission, on: unitID) else { throw AppError.forbidden }
    }
}
