import Fluent
import SQLKit

/// Every tenant-owned table has the same spine: (tenant_id, id) as the primary key, in that
/// order, so that a distributed PostgreSQL can shard on tenant_id without rewriting tables.
extension SchemaBuilder {
    func tenantOwned() -> SchemaBuilder {
        self.field("tenant_id", .uuid, .required)
            .field("id", .uuid, .required)
            .compositeIdentifier(over: "tenant_id", "id")
            .foreignKey("tenant_id", references: "tenants", "id", onDelete: .restrict)
    }

    /// A reference to another row of the same tenant: the pair is checked, so a row can never
    /// point into another tenant even if an id were guessed.
    /// `name` is for tables whose generated names would pass PostgreSQL's 63 characters and,
    /// cut there, collide with another constraint's.
    func sameTenantReference(_ field: FieldKey, to schema: String, onDelete: DatabaseSchema.ForeignKeyAction = .restrict, name: String? = nil) -> SchemaBuilder {
        self.foreignKey(["tenant_id", field], references: schema, ["tenant_id", "id"], onDelete: onDelete, name: name)
    }
}

extension Database {
    var sql: SQLDatabase {
        get throws {
            guard let sql = self as? SQLDatabase else { throw DatabaseSetupError.notSQL }
            return sql
        }
    }

    var isPostgres: Bool { (self as? SQLDatabase)?.dialect.name == "postgresql" }

    /// Plain secondary index; Fluent's schema builder has none of its own.
    func createIndex(_ name: String, on table: String, _ columns: [String]) async throws {
        var builder = try sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    /// An index over the rows that satisfy `predicate` only (SQLite and PostgreSQL both have
    /// them); `predicate` is fixed SQL written here, never user input.
    func createPartialIndex(_ name: String, on table: String, _ columns: [String], where predicate: String) async throws {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try await sql.raw(SQLQueryString("CREATE INDEX \"\(unsafeRaw: name)\" ON \"\(unsafeRaw: table)\" (\(unsafeRaw: list)) WHERE \(unsafeRaw: predicate)")).run()
    }

    func dropIndex(_ name: String) async throws {
        try await sql.drop(index: name).run()
    }
}

enum DatabaseSetupError: Error { case notSQL }

extension Database {
    /// Drops columns through the schema builder, one statement a column: SQLite alters one
    /// column at a time.
    func dropColumns(_ columns: FieldKey..., from table: String) async throws {
        for column in columns { try await schema(table).deleteField(column).update() }
    }
}
