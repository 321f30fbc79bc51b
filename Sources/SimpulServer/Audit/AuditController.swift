import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

struct AuditFilter: Content {
    var action: String?
    var actor: String?
    var from: String?
    var to: String?
    var before: String?
}

/// The audit log is read-only here: there is no route that edits or deletes an event.
enum AuditController {
    static let pageSize = 100

    static func register(_ routes: RouteCatalog) {
        routes.add(.audit, list)
    }

    static func day(_ text: String?, zone: TimeZone, field: String) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw AppError.badRequest(field) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])), (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            throw AppError.badRequest(field)
        }
        return date
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let filter = try req.query.decode(AuditFilter.self)
        // Reading the audit log is a tenant-wide right: a supervisor of a sub-tree still sees
        // only events about their own tenant, which is every event here.
        var query = AuditEventModel.query(on: req.db).filter(\.$tenantID == principal.tenantID)
        if let action = filter.action, !action.isEmpty {
            guard let known = AuditAction(rawValue: action) else { throw AppError.badRequest("action") }
            query = query.filter(\.$action == known)
        }
        if let actor = filter.actor, !actor.isEmpty {
            guard let id = UUID(uuidString: actor) else { throw AppError.badRequest("actor") }
            query = query.filter(\.$actorID == id)
        }
        let zone = principal.tenant.zone
        if let from = try day(filter.from, zone: zone, field: "from") { query = query.filter(\.$at >= from) }
        if let to = try day(filter.to, zone: zone, field: "to") { query = query.filter(\.$at < to.addingTimeInterval(86_400)) }
        if let before = filter.before, !before.isEmpty {
            guard let cursor = try PageCursor.parse(before), let (lower, upper) = try? cursor.timeWindow() else { throw AppError.badRequest("before") }
            query = query.group(.or) { group in
                group.filter(\.$at < lower)
                group.group(.and) { $0.filter(\.$at <= upper).filter(\.$id < cursor.id) }
            }
        }
        let rows = try await query.sort(\.$at, .descending).sort(\.$id, .descending).limit(pageSize + 1).all()
        let events = Array(rows.prefix(pageSize))
        var next: String?
        if rows.count > pageSize, let last = events.last {
            var components = URLComponents()
            components.queryItems = [("action", filter.action), ("actor", filter.actor), ("from", filter.from), ("to", filter.to)]
                .compactMap { key, value in value.flatMap { $0.isEmpty ? nil : URLQueryItem(name: key, value: $0) } }
                + [URLQueryItem(name: "before", value: PageCursor(time: last.at, id: last.id!).token)]
            next = SiteRoute.audit.path + "?" + (components.percentEncodedQuery ?? "")
        }
        let actors = try await UserModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).sort(\.$name).all()
            .map { UI.Option(value: $0.id!.uuidString, label: $0.name) }
        return AuditPages.list(PageContext(req), events: events, filter: filter, actors: actors, next: next)
    }
}
