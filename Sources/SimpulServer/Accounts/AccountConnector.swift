import Foundation
import SimpulPlatforms
import Vapor

/// The connector an account's outbound calls (replies, posts) go through: the real platform
/// with the account's stored credentials, or the Sandbox for Sandbox accounts.
enum AccountConnector {
    static func make(for account: AccountModel, app: Application) throws -> any PlatformConnector {
        if account.sandbox, let external = account.externalID {
            return Connectors.make(platform: account.platform, transport: SandboxReplyTransport(), endpoints: app.platformEndpoints,
                                   credentials: SandboxRunner.credentials(for: account.platform, externalID: external))
        }
        guard let credentials = CredentialVault(box: app.secretBox).open(account.credentials) else {
            throw PlatformError.authInvalid(detail: "no credentials stored")
        }
        return Connectors.make(platform: account.platform, transport: app.platformTransport, endpoints: app.platformEndpoints, credentials: credentials)
    }
}
