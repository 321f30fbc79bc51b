import Fluent
import Foundation
import SimpulCore
import Testing
import VaporTesting
@testable import SimpulServer

/// The reply workflow's own answers, without a page in between.
@Suite("Reply workflow")
struct ReplyWorkflowTests {
    static func draft(_ text: String?, template: String? = nil) -> ReplyWorkflow.Draft {
        ReplyWorkflow.Draft(text: text, overrideReason: nil, confirmedRecent: false, templateID: template, parameters: nil)
    }

    @Test("the text is checked before anything else is looked at: empty, too long, a template on a comment, an unknown template")
    func composeRefusals() async throws {
        try await withTestApp { app in
            let world = try await World.make(app)
            let message = try await InboxFixtures.message(world, app: app)
            let route = try ReplyService.route(for: message)
            func refusal(_ draft: ReplyWorkflow.Draft, _ route: ReplyService.Route) async throws -> ReplyWorkflow.Refusal? {
                if case .failure(let refusal) = try await ReplyWorkflow.compose(draft, route: route, message: message, tenantID: world.tenantA.id!,
                                                                                 now: app.clock.now(), on: app.db) { return refusal }
                return nil
            }
            #expect(try await refusal(Self.draft("   \n"), route) == .empty)
            #expect(try await refusal(Self.draft(String(repeating: "a", count: ReplyService.maxText + 1)), route) == .tooLong)
            #expect(try await refusal(Self.draft(nil, template: UUID().uuidString), route) == .templateOutsideWhatsApp)
            #expect(try await refusal(Self.draft(nil, template: "bukan-uuid"), .whatsapp("6281234567890")) == .unknownTemplate)
            #expect(try await refusal(Self.draft("  Terima kasih, laporan diteruskan.  "), route) == nil)
        }
    }
}
