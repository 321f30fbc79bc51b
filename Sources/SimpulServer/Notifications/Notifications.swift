import Fluent
import Foundation
import Plot
import SimpulCore
import Vapor

/// Turns a content transition's audiences into people and tells them, in Indonesian (the
/// language the UI opens in), in the same transaction as the transition.
enum ContentNotifier {
    static func notify(_ audiences: Set<WorkflowAudience>, about item: ContentItemModel, status: ContentStatus, actorID: UUID?,
                       detail: String? = nil, zone: TimeZone, at now: Date, on db: Database) async throws {
        guard !audiences.isEmpty else { return }
        let tree = try await UnitQueries.tree(tenantID: item.tenantID, on: db)
        let lineage = tree.lineage(of: item.unitID)
        let memberships = try await MembershipModel.query(on: db).filter(\.$tenantID == item.tenantID).filter(\.$unitID ~~ lineage).all()
        let l = L10n(language: .id, zone: zone)
        var people: [UUID: String] = [:]
        for audience in audiences {
            switch audience {
            case .author:
                for id in [item.createdBy, item.submittedBy].compactMap({ $0 }) { people[id] = text(for: status, item: item, detail: detail, l: l) }
            case .approvers(let step, let role):
                for membership in memberships where membership.role == role {
                    people[membership.userID] = "Konten \"\(item.title)\" menunggu persetujuan Anda (langkah \(step + 1): \(l.role(role)))."
                }
            case .contentManagers:
                for membership in memberships where [.unitAdmin, .operator].contains(membership.role) && people[membership.userID] == nil {
                    people[membership.userID] = text(for: status, item: item, detail: detail, l: l)
                }
            }
        }
        if let actorID { people[actorID] = nil }
        for (userID, text) in people {
            try await NotificationModel.tell([userID], tenantID: item.tenantID, text: text, link: .contentItem(item.id!), at: now, on: db)
        }
    }

    static func text(for status: ContentStatus, item: ContentItemModel, detail: String?, l: L10n) -> String {
        let title = "\"\(item.title)\""
        return switch status {
        case .approved: "Konten \(title) disetujui dan siap dijadwalkan."
        case .rejected: "Konten \(title) ditolak" + (detail.map { ": \($0)" } ?? ".")
        case .scheduled: "Konten \(title) dijadwalkan terbit " + (item.scheduledAt.map(l.dateTime) ?? "") + "."
        case .published: "Konten \(title) sudah terbit di semua akun tujuan."
        case .failed: "Konten \(title) gagal terbit" + (detail.map { ": \($0)" } ?? ".")
        case .inReview: "Konten \(title) menunggu tinjauan."
        case .draft, .publishing: "Konten \(title): \(l.contentStatus(status).lowercased())."
        }
    }
}

/// The person's notifications: newest first; opening the page marks them read.
enum NotificationsController {
    static func register(_ routes: RouteCatalog) {
        routes.add(.notifications, list)
    }

    static func recent(_ principal: Principal, limit: Int, unreadOnly: Bool = false, on db: Database) async throws -> [NotificationModel] {
        var query = NotificationModel.query(on: db).filter(\.$tenantID == principal.tenantID).filter(\.$userID == principal.userID)
        if unreadOnly { query = query.filter(\.$readAt == nil) }
        return try await query.sort(\.$createdAt, .descending).limit(limit).all()
    }

    static func list(_ req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let rows = try await recent(principal, limit: 100, on: req.db)
        try await NotificationModel.query(on: req.db).filter(\.$tenantID == principal.tenantID).filter(\.$userID == principal.userID)
            .filter(\.$readAt == nil).set(\.$readAt, to: req.now).update()
        let ctx = PageContext(req)
        let l = ctx.l
        return Layout.page(ctx, title: l.t("Pemberitahuan", "Notifications"),
            rows.isEmpty ? UI.empty(l.t("Belum ada pemberitahuan.", "No notifications yet.")) : list(rows, l))
    }

    static func list(_ rows: [NotificationModel], _ l: L10n) -> Node<HTML.BodyContext> {
        .ul(.class("attention notifications"), .forEach(rows) { row in
            .li(.if(row.readAt == nil, .group(UI.badge(l.t("Baru", "New"), tone: .warn), .text(" "))),
                .a(.href(row.link), .text(row.text)), .span(.class("muted"), .text(" · " + l.dateTime(row.createdAt))))
        })
    }
}
