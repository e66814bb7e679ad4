import Foundation
import GRDB
import LKOAccounts
@testable import LKOStore
import LKOTestSupport
import Testing

/// SQLite only: its file, its locks, its migrations (PostgreSQL has its own, EngineTests).
@Suite("Database file: creation, opening, migrations", .enabled(if: TestDatabase.isSQLite))
struct MigrationTests {
    static let allMigrations = ["v1-accounts-sessions-settings", "v2-policy-versions", "v3-audit", "v4-cases", "v5-absences", "v6-record", "v7-audit-rows",
                                 // Issue 14: tombstones, apply provenance, recorded access reviews.
                                 "v8-access",
                                 // The case lists page in SQL on an index in their order.
                                 "v9-case-lists"]

    static func appliedMigrations(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
    }

    @Test func theRegisteredMigrationsAreTheKnownOnes() {
        #expect(Schema.migrator.migrations == Self.allMigrations)
        #expect(Schema.applicationID == 0x4C4B_4F31)
    }

    @Test func createBuildsTheCurrentSchemaFromNothing() throws {
        let fixture = try Fixture()
        defer { fixture.cleanup() }
        #expect(try Self.appliedMigrations(fixture.path) == Self.allMigrations)
        let (applicationID, tables) = try fixture.store.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        }
        #expect(applicationID == Schema.applicationID)
        // Issue 14 adds `access_reviews` (the recorded access reviews).
        #expect(tables == ["absences", "access_reviews", "accounts", "activations", "answer_versions", "audit", "audit_rows", "case_events", "cases", "grdb_migrations", "policy_versions", "sessions", "settings", "violations"])
        let audit = try fixture.audit()
        #expect(audit.map(\.action) == ["database.init", "user.add"])
        #expect(audit.map(\.actor) == ["boss", "boss"])
        #expect(audit[0].details == #"{"sandbox":"no"}"#)
        let boss = try fixture.boss()
        #expect(boss.isBootstrap)
        #expect(boss.status == .active)
        #expect(boss.createdAt == "2026-03-02T09:00:00Z")
        #expect(fixture.store.isSandbox == false)
    }

    @Test func anEmptyLKODatabaseIsMigratedToCurrentOnOpen() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("empty.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)") }
        try queue.close()
        let store = try Store.open(path: path)
        defer { try? store.close() }
        #expect(try Self.appliedMigrations(path) == Self.allMigrations)
        #expect(store.isSandbox == false)
        #expect(try store.activePolicy() == nil)
    }

    @Test func aZeroByteFileIsNotAnLKODatabase() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("zero.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        expectStoreError(.notAnLKODatabase(path: path)) { try Store.open(path: path) }
    }

    /// A database written by each earlier release (migrated only up to each earlier id, with data
    /// of that schema) opens, is brought to the current schema, and keeps its data.
    // 6: a database of the release before issue 14 (v7), whose accounts gained `removed_at`.
    @Test(arguments: [0, 1, 2, 3, 6])
    func everyEarlierSchemaIsBroughtToCurrent(upToIndex: Int) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("old.sqlite")
        let target = Self.allMigrations[upToIndex]
        let hash = try cheapHasher.hash(password: adminPassword)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
        }
        try Schema.migrator.migrate(queue, upTo: target)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('sandbox', '1'), ('created_at', '2025-01-01T00:00:00Z')")
            try db.execute(sql: """
                INSERT INTO accounts(login, full_name, status, password_hash, is_bootstrap, created_at, updated_at)
                VALUES ('old_admin', 'Старый админ', 'active', ?, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')
                """, arguments: [hash])
        }
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") } == Array(Self.allMigrations[...upToIndex]))
        try queue.close()

        let clock = ManualWallClock(start: start)
        let store = try Store.open(path: path, clock: clock)
        defer { try? store.close() }
        #expect(try Self.appliedMigrations(path) == Self.allMigrations)
        #expect(store.isSandbox)
        let account = try store.read { db in try AccountRepository.require(db, "old_admin") }
        #expect(account.fullName == "Старый админ")
        #expect(account.isBootstrap)
        // The migrated database works: login, a policy apply, and an intact audit chain.
        let token = try store.login("old_admin", password: adminPassword, hasher: cheapHasher)
        let actor = try store.authenticate(token: token.text)
        guard case .applied = try store.apply(smallPolicy(admins: ["old_admin"]), message: "after upgrade", by: actor) else {
            Issue.record("the policy was not applied"); return
        }
        let verification = try store.read { db in try AuditLog.verify(db) }
        #expect(verification.firstBreak == nil)
        #expect(verification.entries == 2)  // login, policy.apply
        #expect(try store.integrityCheck() == ["ok"])
    }

    /// Issue 14's migration adds `accounts.removed_at`; the digest of a row covers every column,
    /// so without a new baseline every account of a v7 database would look edited behind lko's
    /// back to `audit verify --deep`.
    @Test func aColumnAddedByAMigrationDoesNotLookLikeATamperedRow() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("v7.sqlite")
        let hash = try cheapHasher.hash(password: adminPassword)
        let queue = try DatabaseQueue(path: path, configuration: SQLiteEngine.configuration())
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
        }
        try Schema.migrator.migrate(queue, upTo: "v7-audit-rows")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('sandbox', '0'), ('created_at', '2025-01-01T00:00:00Z')")
            try db.execute(sql: """
                INSERT INTO accounts(login, full_name, status, password_hash, is_bootstrap, created_at, updated_at)
                VALUES ('old_admin', 'Старый админ', 'active', ?, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')
                """, arguments: [hash])
            _ = try AuditLog.append(SQLDatabase(backend: SQLiteConnection(db)), at: start, actor: "old_admin", action: "user.add", object: "old_admin")
        }
        #expect(try queue.read { db in try AuditRows.verifyDeep(SQLDatabase(backend: SQLiteConnection(db))) } == [])
        try queue.close()

        let store = try Store.open(path: path, clock: ManualWallClock(start: start))
        defer { try? store.close() }
        #expect(try Self.appliedMigrations(path) == Self.allMigrations)
        #expect(try store.read { db in try AuditRows.verifyDeep(db) } == [])
        #expect(try store.read { db in try AuditLog.verify(db) }.firstBreak == nil)
    }

    @Test func aDatabaseFromANewerLkoIsRefusedAndLeftAlone() throws {
        let fixture = try Fixture()
        defer { fixture.dir.cleanup() }
        let path = fixture.path
        try fixture.store.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v9-from-the-future')")
        }
        try fixture.store.close()
        expectStoreError(.schemaTooNew(path: path)) { try Store.open(path: path) }
        #expect(try Self.appliedMigrations(path) == Self.allMigrations + ["v9-from-the-future"])
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("notes.txt")
        let content = Data("these are not the tables you are looking for\n".utf8)
        try content.write(to: URL(fileURLWithPath: path))
        expectStoreError(.notAnLKODatabase(path: path)) { try Store.open(path: path) }
        #expect(FileManager.default.contents(atPath: path) == content)
    }

    @Test func aSQLiteFileWithTheSQLiteHeaderButGarbageIsRefused() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("broken.sqlite")
        var bytes = Array("SQLite format 3\0".utf8)
        bytes += [UInt8](repeating: 0xAB, count: 4096)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        expectStoreError(.notAnLKODatabase(path: path)) { try Store.open(path: path) }
    }

    @Test(arguments: [Int32(0), Int32(0x1234_5678)])
    func aForeignSQLiteFileIsRefusedAndLeftUntouched(applicationID: Int32) throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "CREATE TABLE photos(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos(name) VALUES ('cat.jpg')")
        }
        try queue.close()
        let before = FileManager.default.contents(atPath: path)
        expectStoreError(.notAnLKODatabase(path: path)) { try Store.open(path: path) }
        #expect(FileManager.default.contents(atPath: path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let check = try DatabaseQueue(path: path)
        #expect(try check.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") } == ["photos"])
        try check.close()
    }

    @Test func aMissingFileIsReportedWithAHint() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("nothing-here.sqlite")
        expectStoreError(.databaseMissing(path: path)) { try Store.open(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(StoreError.databaseMissing(path: path).description.contains("lko init --db \(path)"))
    }

    @Test func createRefusesAnExistingFileAndLeavesItUntouched() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("precious.sqlite")
        let content = Data("precious data".utf8)
        try content.write(to: URL(fileURLWithPath: path))
        expectStoreError(.databaseExists(path: path)) {
            try Store.create(path: path, sandbox: false, administrator: NewAccount(login: "boss", fullName: "B"), password: adminPassword, hasher: cheapHasher)
        }
        #expect(FileManager.default.contents(atPath: path) == content)

        // A leftover -wal file alone is enough to refuse (it belongs to someone's database).
        let other = dir.path("other.sqlite")
        try Data("wal".utf8).write(to: URL(fileURLWithPath: other + "-wal"))
        expectStoreError(.databaseExists(path: other + "-wal")) {
            try Store.create(path: other, sandbox: false, administrator: NewAccount(login: "boss", fullName: "B"), password: adminPassword, hasher: cheapHasher)
        }
        #expect(!FileManager.default.fileExists(atPath: other))
        #expect(FileManager.default.contents(atPath: other + "-wal") == Data("wal".utf8))
    }

    @Test func createWithInvalidInputLeavesNoFile() throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("lko.sqlite")
        expectStoreError(.invalidLogin("9boss")) {
            try Store.create(path: path, sandbox: false, administrator: NewAccount(login: "9boss", fullName: "B"), password: adminPassword, hasher: cheapHasher)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let error = storeError {
            try Store.create(path: path, sandbox: false, administrator: NewAccount(login: "boss", fullName: "B"), password: "short", hasher: cheapHasher)
        }
        guard case .weakPassword(let reasons) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reasons.count == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theFileIsOwnerOnlyWithWALAndForeignKeys() throws {
        let fixture = try Fixture()
        defer { fixture.cleanup() }
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        for sidecar in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: fixture.path + sidecar) {
            let sidecarMode = try FileManager.default.attributesOfItem(atPath: fixture.path + sidecar)[.posixPermissions] as? Int
            #expect(sidecarMode == 0o600, "\(sidecar)")
        }
        let (journal, foreignKeys) = try fixture.store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        try fixture.store.close()

        // And again after reopening.
        let reopened = try Store.open(path: fixture.path)
        defer { try? reopened.close() }
        let (journal2, foreignKeys2) = try reopened.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal2 == "wal")
        #expect(foreignKeys2 == 1)
        // Foreign keys are enforced: a session for a login without an account is refused.
        #expect(throws: DatabaseError.self) {
            try reopened.write { db in
                try db.execute(sql: "INSERT INTO sessions(token_hash, login, created_at, last_seen_at) VALUES ('x', 'ghost', 'a', 'b')")
            }
        }
    }

    @Test func theSandboxFlagIsStoredAndTheClockOverrideRefusedInProduction() throws {
        let production = try Fixture()
        defer { production.cleanup() }
        try production.store.close()
        expectStoreError(.clockOverrideRefused) { try Store.open(path: production.path, clockOverride: start) }

        let sandbox = try Fixture(sandbox: true)
        defer { sandbox.cleanup() }
        try sandbox.store.close()
        let moved = Date(timeIntervalSince1970: 1_800_000_000)
        let store = try Store.open(path: sandbox.path, clockOverride: moved)
        defer { try? store.close() }
        #expect(store.isSandbox)
        #expect(store.clock.now() == moved)
    }
}
