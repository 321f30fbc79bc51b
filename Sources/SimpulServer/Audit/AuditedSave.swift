import Fluent
import SimpulCore
import Foundation
import Vapor

/// A record whose every change is audited with the same target type, label and fields.
protocol AuditedRecord: Model where IDValue == UUID {
    static var auditTargetType: AuditTarget { get }
    var auditLabel: String { get }
    var auditFields: Auditor.Fields { get }
}

enum AuditedSave {
    /// Creates or updates `record` and writes its audit event in one transaction, with
    /// `alongside` (ending sessions, adding grants) inside the same transaction.
    /// `before`: the fields as they were, nil for a new record.
    static func save<Record: AuditedRecord>(_ record: Record, action: AuditAction, before: Auditor.Fields?, principal: Principal, req: Request,
                                            alongside: (@Sendable (Database) async throws -> Void)? = nil) async throws {
        let actor = req.auditActor(principal)
        try await req.db.transaction { db in
            try await record.save(on: db)
            try await Auditor.record(actor, on: db, action: action, targetType: Record.auditTargetType, targetID: record.id, label: record.auditLabel,
                                     before: before, after: record.auditFields)
            try await alongside?(db)
        }
    }
}
