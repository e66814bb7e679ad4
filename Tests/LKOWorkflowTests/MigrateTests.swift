import Foundation
import GRDB
@testable import LKOStore
import LKOTestSupport
import LKOWorkflow
import Testing

/// `lko migrate`: a municipality's SQLite database moved into its organization in PostgreSQL,
/// proved by counts, digests and the audit chain — and refused whole when anything differs.
@Suite("Migration from SQLite to PostgreSQL", .enabled(if: TestDatabase.isPostgres))
struct MigrateTests {
    /// A municipality's day: cases imported, routed, answered, approved.
    func municipality() throws -> Fixture {
        let f = try Fixture(sqliteOnly: true)
        try f.importLines([
            caseLine("M-1", subcategory: "roads.potholes"),
            caseLine("M-2", subcategory: "roads.potholes"),
            caseLine("M-3", subcategory: "health.doctor_appointment"),
        ])
        try f.perform(.draft, "M-1", by: "roads_specialist", text: "Яма будет заделана до 06.03.2026.")
        try f.perform(.submit, "M-1", by: "roads_specialist")
        return f
    }

    func regionalAddress() -> String {
        TestDatabase.address(in: "")
    }

    @Test func aMovedDatabaseEqualsItsSourceAndGoesOnWorking() throws {
        let f = try municipality()
        let target = regionalAddress()
        let sourceCases = try f.caseCount()
        let sourceHead = try f.lastAudit().hash
        try f.store.close()

        let report = try StoreMigration.run(from: f.store.path, to: target)
        #expect(report.auditHead == sourceHead)
        #expect(report.tables.first { $0.table == "cases" }?.rows == sourceCases)
        #expect(report.tables.contains { $0.table == "audit_rows" && $0.rows > 0 })

        // The region's copy opens, verifies deeply, and records what happens next.
        let moved = try Store.open(path: target)
        defer { try? moved.close() }
        #expect(try moved.read { db in try AuditLog.verify(db) }.headHash == sourceHead)
        #expect(try moved.read { db in try AuditRows.verifyDeep(db) } == [])
        let workflow = try Workflow(store: moved)
        let approver = try moved.read { db in try AccountRepository.require(db, "deputy_housing") }
        _ = try workflow.perform(.approve, on: "M-1", by: approver, input: .init())
        #expect(try moved.read { db in try String.fetchOne(db, sql: "SELECT state FROM cases WHERE pos_number = 'M-1'") } == "answered")
        #expect(try moved.read { db in try AuditLog.verify(db) }.firstBreak == nil)
        #expect(try moved.read { db in try AuditRows.verifyDeep(db) } == [])
        // New rows get new ids after the copied ones.
        #expect(try moved.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT id) = COUNT(*) FROM case_events") } == 1)
    }

    @Test func aSourceEditedBehindLkosBackIsNotMovedAndNothingIsLeft() throws {
        let f = try municipality()
        let path = f.store.path
        try f.store.close()
        let shell = try DatabaseQueue(path: path)
        try shell.write { db in try db.execute(sql: "UPDATE cases SET assignee = 'head' WHERE pos_number = 'M-2'") }
        try shell.close()
        let target = regionalAddress()
        #expect(throws: StoreMigration.Failure.self) { try StoreMigration.run(from: path, to: target) }
        #expect(throws: StoreError.databaseMissing(path: try PostgresAddress(parsing: target).display)) { try Store.open(path: target) }
    }

    @Test func anExistingOrganizationIsNeverOverwritten() throws {
        let f = try municipality()
        let path = f.store.path
        try f.store.close()
        let target = regionalAddress()
        _ = try StoreMigration.run(from: path, to: target)
        #expect(throws: StoreError.self) { try StoreMigration.run(from: path, to: target) }
        let moved = try Store.open(path: target)
        defer { try? moved.close() }
        #expect(try moved.read { db in try AuditLog.verify(db) }.firstBreak == nil)
    }
}
