import Fluent
import Foundation
import SimpulCore
import SimpulPlatforms
import Vapor

/// Polled platforms (X mentions, YouTube comment threads) feed the same store as webhooks.
enum PollingIngest {
    /// A polled API response body, as the Sandbox produces it or as support captured it.
    static func ingestPolledBody(_ body: Data, format: PayloadFormat, accountExternalID: String, tenant: Tenant, app: Application) async throws -> Int {
        let events: [InboundEvent]
        switch format {
        case .x: events = try PayloadParser.parseXMentions(body, accountRef: accountExternalID).events
        case .youtube: events = try PayloadParser.parseYouTubeThreads(body, channelID: accountExternalID).events
        default: events = try PayloadParser.parse(body, as: format)
        }
        guard let entry = try await app.connections.entry(slug: tenant.slug, now: app.clock.now(), db: app.db) else { return 0 }
        try await IngestStore.store(events, tenantID: tenant.id!, receivedAt: app.clock.now(),
                                    accountFor: { entry.account(platform: $0.platform, externalID: $0.accountRef) }, writer: app.ingestWriter)
        return events.count
    }
}
