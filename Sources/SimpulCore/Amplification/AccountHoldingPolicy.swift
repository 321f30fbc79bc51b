/// How many personal accounts, each with more than so many followers, every ASN should keep to
/// spread government information ("menyemai informasi"). Kominfo's own rule is at least three
/// accounts with more than 500 followers each; a tenant sets its own.
public struct AccountHoldingPolicy: Sendable, Equatable {
    public var minAccounts: Int
    /// Followers an account must exceed to count.
    public var minFollowers: Int

    public static let standard = AccountHoldingPolicy(minAccounts: 3, minFollowers: 500)
    public static let accountsRange = 1...10
    public static let followersRange = 0...10_000_000

    public init(minAccounts: Int, minFollowers: Int) {
        self.minAccounts = minAccounts
        self.minFollowers = minFollowers
    }

    public struct Assessment: Sendable, Equatable {
        public let accounts: Int
        public let qualifying: Int
        /// Qualifying accounts still missing; 0 when the policy is met.
        public let short: Int
        public var meets: Bool { short == 0 }
    }

    public func assess(followerCounts: [Int]) -> Assessment {
        let qualifying = followerCounts.filter { $0 > minFollowers }.count
        return Assessment(accounts: followerCounts.count, qualifying: qualifying, short: max(0, minAccounts - qualifying))
    }
}
