import Foundation
import GRDB
import LKOAccounts
@testable import LKOStore
import LKOTestSupport
import Testing

/// SQLite only: its file, its locks, its migrations (PostgreSQL has its own, EngineTests).
@Suite("Online backup", .enabled(if: TestDatabase.isSQLite))
struct BackupTests {
    /// `lko backup` while another connection keeps writing: the copy is one consistent state,
    /// owner-only, opens as an lko database, and its audit chain verifies.
    @Test func backupWhileWritingIsConsistentAndPrivate() async throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        let writer = try Store.open(path: f.path, clock: f.clock)
        defer { try? writer.close() }
        let destination = f.dir.path("copy.sqlite")
        let boss = try f.boss()
        async let writes: Void = {
            for index in 0..<200 {
                try writer.addUser(by: boss, NewAccount(login: "user\(index)", fullName: "Сотрудник \(index)"), password: userPassword, hasher: cheapHasher)
            }
        }()
        try await Task.sleep(for: .milliseconds(5))
        let result = try f.store.backup(to: destination)
        try await writes
        #expect(result.integrity == "ok")
        let attributes = try FileManager.default.attributesOfItem(atPath: destination)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let copy = try Store.open(path: destination, clock: f.clock)
        defer { try? copy.close() }
        let verification = try copy.read { db in try AuditLog.verify(db) }
        #expect(verification.firstBreak == nil)
        // Every account in the copy has its audit entry: no half-written change was copied.
        let (accounts, added) = try copy.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts")!, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit WHERE action = 'user.add'")!)
        }
        #expect(accounts == added)
        // An existing file is never overwritten.
        #expect(throws: StoreError.self) { try f.store.backup(to: destination) }
    }
}
