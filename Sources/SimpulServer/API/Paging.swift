import Fluent
import Foundation
import Vapor

/// Keyset paging: the cursor names the last row shown (its sort key and id), so a page never
/// skips or repeats rows while others insert, and deep pages cost the same as the first.
struct PageCursor: Codable, Equatable {
    let key: String
    let id: UUID

    var token: String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func parse(_ token: String?) throws -> PageCursor? {
        guard let token, !token.isEmpty else { return nil }
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        guard token.count <= 1024, let data = Data(base64Encoded: base64),
              let cursor = try? JSONDecoder().decode(PageCursor.self, from: data) else {
            throw AppError.badRequest("cursor")
        }
        return cursor
    }
}

extension PageCursor {
    /// A time key made by `init(time:id:)`.
    init(time: Date, id: UUID) {
        self.init(key: String(time.timeIntervalSince1970), id: id)
    }

    /// The cursor's time as a window a microsecond either side. A time read from the database,
    /// written into the cursor and parsed again can differ from the stored value in its last
    /// bits (Foundation keeps dates from 2001, the databases from 1970), so "the same time"
    /// has to mean "within a microsecond"; rows in the window are then ordered by id.
    func timeWindow() throws -> (lower: Date, upper: Date) {
        guard let seconds = Double(key), seconds.isFinite else { throw AppError.badRequest("cursor") }
        return (Date(timeIntervalSince1970: seconds - 1e-6), Date(timeIntervalSince1970: seconds + 1e-6))
    }
}

struct PageRequest {
    static let defaultLimit = 50
    static let maxLimit = 200

    let limit: Int
    let after: PageCursor?

    init(limit: Int, after: PageCursor? = nil) {
        self.limit = limit
        self.after = after
    }

    init(_ req: Request) throws {
        let limitText = req.query[String.self, at: "limit"]
        if let limitText {
            guard let value = Int(limitText), (1...Self.maxLimit).contains(value) else { throw AppError.badRequest("limit") }
            limit = value
        } else {
            limit = Self.defaultLimit
        }
        after = try PageCursor.parse(req.query[String.self, at: "cursor"])
    }
}

struct Page<Item> {
    let items: [Item]
    let next: PageCursor?
}

extension QueryBuilder {
    /// Orders by (key, id) and starts after the cursor. Fetches one extra row to know whether a
    /// next page exists.
    func page(by key: KeyPath<Model, FieldProperty<Model, String>>, _ request: PageRequest, keyOf: (Model) -> String) async throws -> Page<Model> where Model.IDValue == UUID {
        var query = self
        if let after = request.after {
            query = query.group(.or) { group in
                group.filter(key > after.key)
                group.group(.and) { same in
                    same.filter(key == after.key)
                    same.filter(\._$id > after.id)
                }
            }
        }
        let rows = try await query.sort(key).sort(\._$id).limit(request.limit + 1).all()
        let items = Array(rows.prefix(request.limit))
        let next = rows.count > request.limit ? items.last.map { PageCursor(key: keyOf($0), id: $0.id!) } : nil
        return Page(items: items, next: next)
    }
}

extension QueryBuilder {
    /// Newest first: orders by (time, id) descending and starts after the cursor, as the
    /// findings list does. Fetches one extra row to know whether a next page exists.
    func pageNewestFirst(by key: KeyPath<Model, FieldProperty<Model, Date>>, _ request: PageRequest, timeOf: (Model) -> Date) async throws -> Page<Model>
    where Model.IDValue == UUID {
        var query = self
        if let after = request.after {
            let (lower, upper) = try after.timeWindow()
            query = query.group(.or) { group in
                group.filter(key < lower)
                group.group(.and) { same in
                    same.filter(key <= upper)
                    same.filter(\._$id < after.id)
                }
            }
        }
        let rows = try await query.sort(key, .descending).sort(\._$id, .descending).limit(request.limit + 1).all()
        let items = Array(rows.prefix(request.limit))
        let next = rows.count > request.limit ? items.last.map { PageCursor(time: timeOf($0), id: $0.id!) } : nil
        return Page(items: items, next: next)
    }
}

extension Request {
    /// A boolean query value: `true`/`1` or `false`/`0`; anything else is the client's mistake.
    func queryFlag(_ name: String) throws -> Bool? {
        guard let text = query[String.self, at: name], !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw AppError.badRequest(name)
        }
    }

    /// A UUID query value; anything else is a 400 naming the parameter.
    func queryUUID(_ name: String) throws -> UUID? {
        guard let text = query[String.self, at: name], !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text) else { throw AppError.badRequest(name) }
        return id
    }
}
