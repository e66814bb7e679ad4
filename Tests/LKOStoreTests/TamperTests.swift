import Foundation
import GRDB
import LKOAccounts
@testable import LKOStore
import LKOTestSupport
import Testing

/// Issue 13: every tampering kind the review tried with the sqlite3 shell is detected.
@Suite("Tampering with the record")
struct TamperTests {
    /// A database with some history and a checkpoint of it; then `tamper` runs as raw SQL on a
    /// separate connection (as the sqlite3 shell or psql would).
    func scenario(_ tamper: (SQLDatabase) throws -> Void) throws -> (Fixture, checkpoints: String) {
        let f = try Fixture()
        for login in ["ivanova", "petrov", "sidorov"] { try f.add(login) }
        try f.store.setStatus("sidorov", to: .disabled, by: f.boss())
        let checkpoints = f.dir.path("checkpoints")
        _ = try f.store.checkpoint(keyPath: AuditKey.defaultPath(forDatabase: f.path), directory: checkpoints)
        if TestDatabase.isPostgres {
            // psql: a transaction of its own, outside lko (the row audit's triggers stay quiet).
            try PostgresEngine.withForeignTransaction(address: f.path) { db in try tamper(db) }
        } else {
            let shell = try DatabaseQueue(path: f.path)
            try shell.writeWithoutTransaction { db in try tamper(SQLDatabase(backend: SQLiteConnection(db))) }
            try shell.close()
        }
        return (f, checkpoints)
    }

    func checkpointProblems(_ f: Fixture, _ directory: String) throws -> [String] {
        let store = try Store.open(path: f.path, clock: f.clock)
        defer { try? store.close() }
        return try store.verifyCheckpoints(directory: directory, publicKey: AuditKey.publicKey(at: AuditKey.defaultPath(forDatabase: f.path))).problems
    }

    func deepFindings(_ f: Fixture) throws -> [AuditRows.Finding] {
        let store = try Store.open(path: f.path, clock: f.clock)
        defer { try? store.close() }
        return try store.read { db in try AuditRows.verifyDeep(db) }
    }

    @Test func anUntouchedDatabaseVerifiesWithItsCheckpointsAndDeeply() throws {
        let (f, checkpoints) = try scenario { _ in }
        defer { f.cleanup() }
        #expect(try checkpointProblems(f, checkpoints).isEmpty)
        #expect(try deepFindings(f).isEmpty)
    }

    @Test func deletingTheLastEntriesIsDetected() throws {
        let (f, checkpoints) = try scenario { db in try db.execute(sql: "DELETE FROM audit WHERE seq > (SELECT MAX(seq) - 2 FROM audit)") }
        defer { f.cleanup() }
        #expect(try f.verify().firstBreak == nil, "the chain alone cannot see a truncated tail")
        let problems = try checkpointProblems(f, checkpoints)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("is missing") == true)
    }

    @Test func deletingTheWholeLogIsDetected() throws {
        let (f, checkpoints) = try scenario { db in try db.execute(sql: "DELETE FROM audit") }
        defer { f.cleanup() }
        #expect(!(try checkpointProblems(f, checkpoints)).isEmpty)
    }

    @Test func rewritingTheWholeChainWithRecomputedHashesIsDetected() throws {
        let (f, checkpoints) = try scenario { db in
            // Rewrite entry 3's details and recompute every hash after it, as an attacker would.
            try db.execute(sql: "UPDATE audit SET details = '{\"role\":\"forged\"}' WHERE seq = 3")
            var previous = AuditLog.genesisHash
            for entry in try AuditLog.Entry.fetchAll(db, sql: "SELECT * FROM audit ORDER BY seq") {
                let hash = AuditLog.chainHash(previous: previous, seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, object: entry.object, details: entry.details, rowsDigest: entry.rowsDigest)
                try db.execute(sql: "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", arguments: [previous, hash, entry.seq])
                previous = hash
            }
        }
        defer { f.cleanup() }
        #expect(try f.verify().firstBreak == nil, "a full rewrite is consistent in itself")
        let problems = try checkpointProblems(f, checkpoints)
        #expect(problems.contains { $0.contains("was changed") || $0.contains("another database") })
    }

    @Test(arguments: [
        ("UPDATE accounts SET status = 'active' WHERE login = 'sidorov'", "accounts"),
        ("UPDATE accounts SET locked_until = NULL, failed_logins = 0, full_name = 'Подмена' WHERE login = 'ivanova'", "accounts"),
        ("INSERT INTO accounts(login, full_name, status, password_hash, created_at, updated_at) VALUES ('intruder', 'Чужой', 'active', 'x', 'now', 'now')", "accounts"),
        ("DELETE FROM accounts WHERE login = 'petrov'", "accounts"),
        ("INSERT INTO settings(key, value) VALUES ('extra', '1')", "settings"),
    ])
    func rowsEditedBehindLkosBackAreNamed(sql: String, table: String) throws {
        let (f, _) = try scenario { db in try db.execute(sql: sql) }
        defer { f.cleanup() }
        let findings = try deepFindings(f)
        #expect(findings.contains { $0.table == table }, "\(sql): \(findings)")
    }

    @Test func editingTheRowDigestsThemselvesBreaksTheChain() throws {
        let (f, _) = try scenario { db in
            try db.execute(sql: "UPDATE accounts SET status = 'active' WHERE login = 'sidorov'")
            let rowID = try Int64.fetchOne(db, sql: "SELECT rowid FROM accounts WHERE login = 'sidorov'")!
            // Cover the edit by recomputing the row's recorded digest.
            try db.execute(sql: "UPDATE audit_rows SET digest = ? WHERE tbl = 'accounts' AND row_id = ?", arguments: [try AuditRows.rowDigest(db, table: "accounts", rowID: rowID), rowID])
        }
        defer { f.cleanup() }
        #expect(try deepFindings(f).contains { $0.table == "audit_rows" })
    }

    @Test func aFlippedSandboxFlagRefusesToOpen() throws {
        let (f, _) = try scenario { db in try db.execute(sql: "UPDATE settings SET value = '1' WHERE key = 'sandbox'") }
        defer { f.cleanup() }
        #expect {
            _ = try Store.open(path: f.path, clock: f.clock)
        } throws: { error in
            guard case StoreError.tampered(let path) = error else { return false }
            return path == f.path && "\(error)".contains("the sandbox setting of")
        }
    }

    @Test func aForgedCheckpointIsRefused() throws {
        let (f, checkpoints) = try scenario { _ in }
        defer { f.cleanup() }
        // Signed with another key (an attacker's), placed in the folder.
        let other = f.dir.path("other.key")
        try AuditKey.create(at: other)
        _ = try f.store.checkpoint(keyPath: other, directory: checkpoints)
        let problems = try checkpointProblems(f, checkpoints)
        #expect(problems.contains { $0.contains("signature is not valid") })
    }

    /// A kill -9 while a checkpoint is written leaves the old checkpoints and either no new file
    /// or the whole new one, never a broken one: the file appears only by rename.
    @Test func aKilledCheckpointNeverLeavesABrokenFile() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let directory = f.dir.path("cp")
        _ = try f.store.checkpoint(keyPath: AuditKey.defaultPath(forDatabase: f.path), directory: directory)
        // A leftover of an interrupted write.
        try Data("{\"format\": 1, \"seq\"".utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("checkpoint-000000000009-x.json.partial"))
        let result = try f.store.verifyCheckpoints(directory: directory, publicKey: AuditKey.publicKey(at: AuditKey.defaultPath(forDatabase: f.path)))
        #expect(result.problems.isEmpty)
        #expect(result.checkpoints == 1)
    }
}

@Suite("Checkpoints under kill -9")
struct CheckpointKillTests {
    /// Real `lko audit checkpoint` processes killed with SIGKILL at 0–20 ms: the folder only ever
    /// holds whole, valid checkpoints (a `.partial` leftover is ignored), and a later checkpoint
    /// still verifies.
    @Test(.timeLimit(.minutes(3)))
    func aKilledCheckpointLeavesTheOldOrTheNewNeverABrokenOne() throws {
        let binary = try #require(lkoBinary(), "build the lko binary first (swift build)")
        let dir = try TempDir()
        defer { dir.cleanup() }
        let path = dir.path("lko.sqlite")
        let store = try Store.create(path: path, sandbox: false, administrator: NewAccount(login: "boss", fullName: "B"), password: adminPassword, hasher: cheapHasher)
        let token = try store.login("boss", password: adminPassword, hasher: cheapHasher).text
        try store.close()
        let folder = dir.path("checkpoints")
        var environment = ProcessInfo.processInfo.environment
        environment["LKO_TOKEN"] = token
        environment["LKO_DB"] = path
        environment["XDG_CONFIG_HOME"] = dir.path("config")
        environment.removeValue(forKey: "LKO_NOW")
        environment.removeValue(forKey: "LKO_SERVER")
        var killed = 0
        for round in 0..<20 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["audit", "checkpoint", "--dir", folder]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t((round % 10) * 2_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let reopened = try Store.open(path: path)
            let result = try reopened.verifyCheckpoints(directory: folder, publicKey: AuditKey.publicKey(at: AuditKey.defaultPath(forDatabase: path)))
            try reopened.close()
            #expect(result.problems.isEmpty, "round \(round): \(result.problems)")
        }
        #expect(killed > 0, "no process was killed mid-run; the test proved nothing")
    }
}
