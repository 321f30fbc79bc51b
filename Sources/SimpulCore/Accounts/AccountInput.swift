import Foundation

/// An account as typed into a form, sent to the API or read from a CSV row: all strings,
/// nothing trusted yet.
public struct AccountInput: Sendable, Equatable {
    public var platform: String?
    public var handle: String?
    public var displayName: String?
    public var kind: String?
    public var unit: String?
    public var owner: String?
    public var followers: String?
    public var status: String?

    public init(platform: String? = nil, handle: String? = nil, displayName: String? = nil, kind: String? = nil,
                unit: String? = nil, owner: String? = nil, followers: String? = nil, status: String? = nil) {
        self.platform = platform
        self.handle = handle
        self.displayName = displayName
        self.kind = kind
        self.unit = unit
        self.owner = owner
        self.followers = followers
        self.status = status
    }
}

/// A validated account, with its unit and owner resolved to ids of the same tenant.
public struct AccountDraft: Sendable, Equatable {
    public var platform: Platform
    public var handle: String
    public var displayName: String
    public var kind: AccountKind
    public var unitID: UUID
    public var ownerID: UUID?
    public var followers: Int
    public var status: AccountStatus

    public init(platform: Platform, handle: String, displayName: String, kind: AccountKind, unitID: UUID, ownerID: UUID?, followers: Int, status: AccountStatus) {
        self.platform = platform
        self.handle = handle
        self.displayName = displayName
        self.kind = kind
        self.unitID = unitID
        self.ownerID = ownerID
        self.followers = followers
        self.status = status
    }
}

public enum AccountValidation {
    public static let followersMax = 2_000_000_000

    /// `findUnit` and `findOwner` resolve what the caller typed (an id, a code, an e-mail)
    /// within the caller's tenant; nil means no such thing there.
    public static func validate(
        _ input: AccountInput,
        findUnit: (String) -> UUID?,
        findOwner: (String) -> UUID?
    ) -> Result<AccountDraft, FieldErrorsBox> {
        var errors = FieldErrors()
        let platform = Validators.choice(input.platform, as: Platform.self, field: "platform", into: &errors)
        var handle = Validators.trimmed(input.handle)
        if handle.isEmpty {
            errors.add("handle", .required)
        } else if let platform {
            handle = HandleRules.normalise(handle, for: platform)
            if handle.count > HandleRules.maxLength(for: platform) {
                errors.add("handle", .tooLong(max: HandleRules.maxLength(for: platform)))
            } else if !HandleRules.isValid(handle, for: platform) {
                errors.add("handle", .invalidHandle)
            }
        }
        let displayName = Validators.text(input.displayName, max: Validators.nameMax, field: "display_name", into: &errors)
        let kind = Validators.choice(input.kind, as: AccountKind.self, field: "kind", into: &errors)
        var unitID: UUID?
        let unitText = Validators.trimmed(input.unit)
        if unitText.isEmpty { errors.add("unit", .required) }
        else if let found = findUnit(unitText) { unitID = found }
        else { errors.add("unit", .unknownUnit) }

        var ownerID: UUID?
        let ownerText = Validators.trimmed(input.owner)
        if !ownerText.isEmpty {
            if let found = findOwner(ownerText) { ownerID = found } else { errors.add("owner", .unknownUser) }
        }
        if kind == .staff, ownerText.isEmpty { errors.add("owner", .ownerRequired) }
        if kind == .official, !ownerText.isEmpty { errors.add("owner", .ownerNotAllowed) }

        let followers = Validators.integer(input.followers, field: "followers", range: 0...followersMax, default: 0, into: &errors)
        var status = AccountStatus.disconnected
        if !Validators.trimmed(input.status).isEmpty {
            status = Validators.choice(input.status, as: AccountStatus.self, field: "status", into: &errors) ?? .disconnected
        }
        guard errors.isEmpty, let platform, let kind, let unitID else { return .failure(FieldErrorsBox(errors)) }
        return .success(AccountDraft(platform: platform, handle: handle, displayName: displayName, kind: kind,
                                     unitID: unitID, ownerID: ownerID, followers: followers, status: status))
    }
}

/// `Result` needs an `Error`; this carries field errors through it.
public struct FieldErrorsBox: Error, Sendable, Equatable {
    public let errors: FieldErrors
    public init(_ errors: FieldErrors) { self.errors = errors }
}
