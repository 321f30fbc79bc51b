import Foundation
import SimpulCore
import Vapor

/// The JSON shapes of /api/v1. Fluent models never leave the server; these do.
struct APIList<Item: Content>: Content {
    let data: [Item]
    let next_cursor: String?
}

struct APIUnit: Content {
    let id: UUID
    let name: String
    let code: String
    let kind: String
    let parent_id: UUID?
    let active: Bool
    let created_at: Date
    let updated_at: Date

    init(_ unit: UnitModel) {
        id = unit.id!
        name = unit.name
        code = unit.code
        kind = unit.kind.rawValue
        parent_id = unit.parentID
        active = unit.active
        created_at = unit.createdAt
        updated_at = unit.updatedAt
    }
}

struct APIAccount: Content {
    let id: UUID
    let platform: String
    let handle: String
    let display_name: String
    let kind: String
    let unit_id: UUID
    let owner_id: UUID?
    let status: String
    let followers: Int
    let active: Bool
    let created_at: Date
    let updated_at: Date

    init(_ a: AccountModel) {
        id = a.id!
        platform = a.platform.rawValue
        handle = a.handle
        display_name = a.displayName
        kind = a.kind.rawValue
        unit_id = a.unitID
        owner_id = a.ownerID
        status = a.status.rawValue
        followers = a.followerCount
        active = a.active
        created_at = a.createdAt
        updated_at = a.updatedAt
    }
}

struct APIRole: Content {
    let unit_id: String?
    let role: String?
}

struct APIUser: Content {
    let id: UUID
    let name: String
    let email: String
    let nip: String?
    let phone: String?
    let active: Bool
    let roles: [APIRole]
    let created_at: Date
    let updated_at: Date

    init(_ entry: UserQueries.Entry) {
        let u = entry.user
        id = u.id!
        name = u.name
        email = u.email
        nip = u.nip
        phone = u.phone
        active = u.active
        roles = entry.memberships.map { APIRole(unit_id: $0.unitID.uuidString, role: $0.role.rawValue) }
        created_at = u.createdAt
        updated_at = u.updatedAt
    }
}

/// The error body every /api/v1 failure returns.
struct APIErrorBody: Content {
    struct Detail: Content {
        let code: String
        let message: String
        let fields: [FieldMessage]?
    }
    struct FieldMessage: Content {
        let field: String
        let message: String
    }
    let error: Detail
}

extension Request {
    /// JSON bodies for the API: a missing or non-JSON body is the client's mistake, said clearly.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard headers.contentType == .json else { throw AppError.badRequest("content_type") }
        guard let body = body.data, body.readableBytes > 0 else { throw AppError.badRequest("body") }
        // Streaming bodies are capped by the route; this also holds for bodies handed over whole.
        guard body.readableBytes <= RouteCatalog.defaultBodyLimit else { throw AppError.payloadTooLarge }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            throw APIDecodingFailure(error)
        }
    }
}

/// A JSON body whose shape is wrong: names the field and what was expected.
struct APIDecodingFailure: Error {
    let field: String
    let problem: Problem
    enum Problem { case wrongType(String), missing, malformed }

    init(_ error: DecodingError) {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context): field = path(context); problem = .wrongType(String(describing: type))
        case .valueNotFound(let type, let context): field = path(context); problem = .wrongType(String(describing: type))
        case .keyNotFound(let key, _): field = key.stringValue; problem = .missing
        case .dataCorrupted(let context): field = path(context); problem = .malformed
        @unknown default: field = ""; problem = .malformed
        }
    }
}
