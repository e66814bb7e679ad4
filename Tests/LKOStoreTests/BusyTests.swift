import Foundation
import GRDB
import LKOAccounts
@testable import LKOStore
import LKOTestSupport
import Testing

/// SQLite only: its file, its locks, its migrations (PostgreSQL has its own, EngineTests).
@Suite("A database locked by another process", .enabled(if: TestDatabase.isSQLite))
struct BusyTests {
    @Test func theDefaultBusyTimeoutIsFiveSeconds() {
        #expect(Store.defaultBusyTimeout == 5)
        guard case .timeout(let seconds) = SQLiteEngine.configuration().busyMode else {
            Issue.record("the store does not wait for a busy database"); return
        }
        #expect(seconds == 5)
    }

    @Test func aWriteFailsWithBusyAfterTheTimeoutAndSucceedsOnceReleased() throws {
        let f = try Fixture()
        defer { f.dir.cleanup() }
        try f.store.close()
        let timeout: TimeInterval = 0.3
        let store = try Store.open(path: f.path, clock: f.clock, busyTimeout: timeout)
        defer { try? store.close() }
        let boss = try store.read { db in try AccountRepository.require(db, "boss") }
        let auditBefore = try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") }

        // Another process holds a write transaction.
        let other = try DatabaseQueue(path: f.path)
        defer { try? other.close() }
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE settings SET value = value WHERE key = 'sandbox'")

            let clock = ContinuousClock()
            let began = clock.now
            do {
                try store.addUser(by: boss, NewAccount(login: "ivanova", fullName: "И"), password: userPassword, hasher: cheapHasher)
                Issue.record("the write went through a held lock")
            } catch let error as StoreError {
                #expect(error == .busy(path: f.path))
                #expect(error.description == "\(f.path) is locked by another lko process; try again when it finishes")
            }
            let waited = clock.now - began
            #expect(waited >= .milliseconds(300), "gave up after \(waited), before the timeout")
            #expect(waited < .seconds(4), "waited \(waited), much longer than the timeout")

            // Reads are not blocked by a writer (WAL).
            #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts") } == 1)

            // Login's audit write fails the same way.
            let loginError = storeError { try store.login("boss", password: adminPassword, hasher: cheapHasher) }
            #expect(loginError == .busy(path: f.path))
            try db.execute(sql: "ROLLBACK")
        }
        // Nothing half-written; after the lock is released the same write succeeds.
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") } == auditBefore)
        try store.addUser(by: boss, NewAccount(login: "ivanova", fullName: "И"), password: userPassword, hasher: cheapHasher)
        #expect(try store.read { db in try AccountRepository.fetch(db, "ivanova") }?.fullName == "И")
    }
}
