import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import SimpulServer

@Suite("Migrations")
struct MigrationTests {
    /// The column names of every table, to compare a schema before and after a round trip.
    static func schema(_ app: Application) async throws -> [String: [String]] {
        let sql = try app.db.sql
        let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'messages_fts%'").all()
            .map { try $0.decode(column: "name", as: String.self) }
        var columns: [String: [String]] = [:]
        for table in tables {
            columns[table] = try await sql.raw("SELECT name FROM pragma_table_info(\(literal: table))").all().map { try $0.decode(column: "name", as: String.self) }.sorted()
        }
        return columns
    }

    @Test("every migration reverts, in reverse order, and applies again to the same schema (SQLite; the PostgreSQL suites share one database)")
    func roundTrip() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        try await withTestApp { app in
            let before = try await Self.schema(app)
            try await app.migrator.revertAllBatches().get()
            let emptied = try await Self.schema(app)
            #expect(Set(emptied.keys) == ["_fluent_migrations"])
            try await prepareDatabase(app, migrate: true)
            #expect(try await Self.schema(app) == before)
        }
    }

    @Test("the list names each migration once, in the order of the numbered files")
    func listInFileOrder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/SimpulServer/Database/Migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.first?.isNumber == true }.sorted()
        let names = SimpulMigrations.all.map { String(describing: type(of: $0)) }
        #expect(Set(names).count == names.count)
        #expect(files.map { String($0.drop { $0 != "-" }.dropFirst().dropLast(".swift".count)) } == names)
    }
}
