import Foundation
import GRDB
@testable import LKOStore
import LKOTestSupport
import Testing

/// The engine seam itself: what both engines must agree on, and what PostgreSQL adds.
@Suite("Engines: SQLite and PostgreSQL behind one store")
struct EngineTests {
    /// Row digests recorded by every earlier lko were computed from GRDB's printed storage; the
    /// seam's own values must print the same, or every stored digest would look tampered with.
    @Test(arguments: [
        DatabaseValue.null, 0.databaseValue, Int64.max.databaseValue, (-42).databaseValue, 1.5.databaseValue, 1e300.databaseValue,
        "".databaseValue, "Яма на \"Ленина\"\n\t\\ 12".databaseValue, Data([0, 1, 0xFF]).databaseValue,
    ])
    func digestTextIsGRDBsPrintedStorage(_ value: DatabaseValue) {
        let seam = SQLiteConnection.value(value)
        let expected = value.isNull ? "\u{0}" : String(describing: value.storage)
        #expect(seam.digestText == expected)
    }

    @Test func placeholdersBecomeNumberedOutsideQuotes() {
        #expect(PlaceholderRewriter.rewrite("SELECT ? FROM t WHERE a = ? AND b = '?' AND \"c?\" = ?") == "SELECT $1 FROM t WHERE a = $2 AND b = '?' AND \"c?\" = $3")
        #expect(PlaceholderRewriter.rewrite("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1")
    }

    @Test func addressesAreParsedAndBadOnesExplained() throws {
        let address = try PostgresAddress(parsing: "postgres://lko:secret@10.0.0.5:5433/region?organization=lukovnikovo", environment: [:])
        #expect(address.host == "10.0.0.5" && address.port == 5433 && address.user == "lko" && address.database == "region")
        #expect(address.password == "secret")
        #expect(address.schema == "lko_lukovnikovo")
        #expect(!address.display.contains("secret"))
        let defaults = try PostgresAddress(parsing: "postgres:///", environment: ["PGPASSWORD": "p"])
        #expect(defaults.organization == PostgresAddress.defaultOrganization && defaults.password == "p" && defaults.port == 5432)
        for bad in ["postgres://h/db?organization=Lukovnikovo", "postgres://h/db?organization=1x", "postgres://h/db?organization=a-b",
                    "postgres://h/db?sslmode=require", "mysql://h/db"] {
            #expect(throws: StoreError.self, "\(bad)") { try PostgresAddress(parsing: bad, environment: [:]) }
        }
        #expect(Store.isPostgresAddress("postgresql://h/db") && !Store.isPostgresAddress("/var/lib/lko/lko.sqlite"))
    }

    @Test func anUnreachableServerIsAClearErrorNotACrash() throws {
        // Port 1 on loopback: nothing listens there.
        do {
            _ = try Store.open(path: "postgres://postgres@127.0.0.1:1/lko?organization=nobody")
            Issue.record("opened a database on a port where nothing listens")
        } catch let error as StoreError {
            guard case .databaseUnavailable(let address, _) = error else { Issue.record("\(error)"); return }
            #expect(address == "postgres://postgres@127.0.0.1:1/lko?organization=nobody")
        }
    }

    @Test(.enabled(if: TestDatabase.isPostgres))
    func aWriterWaitsForAnotherServersWriteThenFailsAsBusy() throws {
        let f = try Fixture()
        try f.store.close()
        let store = try Store.open(path: f.path, clock: f.clock, busyTimeout: 0.3)
        defer { try? store.close() }
        let schema = try PostgresAddress(parsing: f.path).schema
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let other = Thread {
            // Another server in the middle of a long write to the same organization.
            _ = try? PostgresEngine.withForeignTransaction(address: f.path) { db in
                try db.execute(sql: "SELECT pg_advisory_xact_lock(hashtext(?))", arguments: [schema])
                holding.signal()
                release.wait()
            }
            holding.signal()
        }
        other.start()
        holding.wait()
        let boss = try store.read { db in try AccountRepository.require(db, "boss") }
        #expect(throws: StoreError.busy(path: f.path)) {
            try store.addUser(by: boss, NewAccount(login: "waiting", fullName: "Ждущий"), password: userPassword, hasher: cheapHasher)
        }
        release.signal()
        holding.wait()
        try store.addUser(by: boss, NewAccount(login: "waiting", fullName: "Ждущий"), password: userPassword, hasher: cheapHasher)
        #expect(try store.read { db in try AuditLog.verify(db) }.firstBreak == nil)
    }

    /// PostgreSQL aborts a transaction at its first failed statement and answers the COMMIT
    /// with ROLLBACK; a failure swallowed on the way must not look like a commit.
    @Test(.enabled(if: TestDatabase.isPostgres))
    func aSwallowedFailureIsNeverReportedAsACommit() throws {
        let f = try Fixture()
        #expect(throws: (any Error).self) {
            try f.store.write { db in
                try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('probe', '1')")
                _ = try? db.execute(sql: "SELECT 1 / 0")
            }
        }
        #expect(try f.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM settings WHERE key = 'probe'") } == 0)
        // The connection goes back to work.
        try f.add("ivanova")
        #expect(try f.store.read { db in try AuditLog.verify(db) }.firstBreak == nil)
    }

    @Test(.enabled(if: TestDatabase.isPostgres))
    func organizationsInOneDatabaseAreApart() throws {
        let first = try Fixture(), second = try Fixture()
        try first.add("ivanova")
        #expect(try first.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts WHERE login = 'ivanova'") } == 1)
        #expect(try second.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accounts WHERE login = 'ivanova'") } == 0)
        #expect(try first.store.read { db in try AuditLog.verify(db) }.headHash != second.store.read { db in try AuditLog.verify(db) }.headHash)
        #expect(throws: StoreError.self) {
            try Store.create(path: first.path, sandbox: false, administrator: NewAccount(login: "boss", fullName: "Другой"), password: adminPassword, hasher: cheapHasher)
        }
    }
}
