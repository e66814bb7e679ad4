import Foundation
import GRDB
import LKOAccounts
@testable import LKOStore
import Testing

@Suite("Audit chain")
struct AuditTests {
    /// A store with a realistic series of operations behind it; returns the secrets used.
    static func busyFixture() throws -> (Fixture, secrets: [String]) {
        let f = try Fixture()
        var secrets = [adminPassword, userPassword]
        try f.add("ivanova")
        _ = storeError { try f.login("ivanova", "wrong guess number one") }
        secrets.append("wrong guess number one")
        let token = try f.login("ivanova", userPassword)
        secrets += [token.text, token.storageHash]
        try f.store.changePassword(of: "ivanova", to: "brand new secret phrase", by: f.boss(), hasher: cheapHasher)
        secrets.append("brand new secret phrase")
        let bossToken = try f.login("boss", adminPassword)
        secrets += [bossToken.text, bossToken.storageHash]
        _ = try f.store.apply(smallPolicy(), message: "v1", by: f.boss())
        _ = try f.store.apply(smallPolicy(viewers: ["ivanova"]), message: "v2", by: f.boss())
        _ = try f.store.rollback(to: nil, message: "back", by: f.boss())
        try f.store.logout(token: bossToken.text)
        _ = storeError { try f.store.users(by: try f.account("ivanova")) }
        return (f, secrets)
    }

    static let expectedActions = [
        "database.init", "user.add", "user.add", "login.failed", "login", "user.passwd", "login",
        "policy.apply", "policy.apply", "policy.rollback", "logout", "denied",
    ]

    func hash(of seq: Int64, _ f: Fixture) throws -> String {
        try f.store.read { db in try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE seq = ?", arguments: [seq]) } ?? ""
    }

    @Test func theChainVerifiesAfterASeriesOfOperations() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        let entries = try f.audit()
        #expect(entries.map(\.action) == Self.expectedActions)
        #expect(entries.map(\.seq) == Array(1...Int64(Self.expectedActions.count)))
        #expect(entries.first?.prevHash == AuditLog.genesisHash)
        for (previous, next) in zip(entries, entries.dropFirst()) { #expect(next.prevHash == previous.hash) }
        let verification = try f.verify()
        #expect(verification == AuditLog.Verification(entries: Self.expectedActions.count, firstBreak: nil, headHash: try #require(entries.last).hash))
        // Filters.
        #expect(try f.store.read { db in try AuditLog.entries(db, filter: .init(actor: "ivanova")) }.map(\.action) == ["login.failed", "login", "denied"])
        #expect(try f.store.read { db in try AuditLog.entries(db, filter: .init(object: "user")) }.count == 7)
        #expect(try f.store.read { db in try AuditLog.entries(db, filter: .init(limit: 2)) }.map(\.seq) == [1, 2])
    }

    @Test func anEmptyChainIsIntact() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.store.write { db in try db.execute(sql: "DELETE FROM audit") }
        #expect(try f.verify() == AuditLog.Verification(entries: 0, firstBreak: nil, headHash: AuditLog.genesisHash))
    }

    @Test func anEditedEntryIsFound() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        try f.store.write { db in try db.execute(sql: #"UPDATE audit SET details = '{"reason":"nothing to see"}' WHERE seq = 6"#) }
        let result = try f.verify()
        #expect(result.firstBreak?.seq == 6)
        #expect(result.firstBreak?.reason == "its content was edited (the hash does not match)")
        #expect(result.headHash == (try hash(of: 5, f)))

        // Each column is covered by the hash.
        for (column, value) in [("at", "2020-01-01T00:00:00Z"), ("actor", "someone"), ("action", "login"), ("object", "user:x")] {
            let (g, _) = try Self.busyFixture()
            defer { g.cleanup() }
            try g.store.write { db in try db.execute(sql: "UPDATE audit SET \(column) = ? WHERE seq = 4", arguments: [value]) }
            #expect(try g.verify().firstBreak?.seq == 4, "\(column)")
        }
    }

    @Test func aDeletedMiddleEntryIsFound() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        try f.store.write { db in try db.execute(sql: "DELETE FROM audit WHERE seq = 5") }
        let result = try f.verify()
        #expect(result.firstBreak?.seq == 6)
        #expect(result.firstBreak?.reason == "entries 5…5 are missing (deleted)")
        #expect(result.firstBreak?.message.render(.ru) == "записей 5…5 нет (удалены)")
    }

    @Test func aDeletedFirstEntryIsFound() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        try f.store.write { db in try db.execute(sql: "DELETE FROM audit WHERE seq = 1") }
        #expect(try f.verify().firstBreak?.seq == 2)
    }

    @Test func aDeletionHiddenByRenumberingIsFound() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        try f.store.write { db in
            try db.execute(sql: "DELETE FROM audit WHERE seq = 5")
            try db.execute(sql: "UPDATE audit SET seq = seq + 1000 WHERE seq > 5")
            try db.execute(sql: "UPDATE audit SET seq = seq - 1001 WHERE seq > 1000")
        }
        let result = try f.verify()
        #expect(result.firstBreak?.seq == 5)
        #expect(result.firstBreak?.reason == "it does not follow entry 4 (an entry before it was deleted, inserted or reordered)")
    }

    @Test func aForgedEntryInsertedInTheMiddleIsFound() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        let previous = try hash(of: 4, f)
        try f.store.write { db in
            try db.execute(sql: "UPDATE audit SET seq = seq + 1000 WHERE seq >= 5")
            try db.execute(sql: "UPDATE audit SET seq = seq - 999 WHERE seq > 1000")
            // A well-formed entry whose own hash is right: only the chain gives it away.
            let at = "2026-03-02T09:00:00Z", details = #"{"role":"forged"}"#
            let forged = AuditLog.chainHash(previous: previous, seq: 5, at: at, actor: "boss", action: "user.add", object: "user:mole", details: details)
            try db.execute(sql: "INSERT INTO audit(seq, at, actor, action, object, details, prev_hash, hash) VALUES (5, ?, 'boss', 'user.add', 'user:mole', ?, ?, ?)",
                           arguments: [at, details, previous, forged])
        }
        let result = try f.verify()
        #expect(result.firstBreak?.seq == 6)
        #expect(result.firstBreak?.reason == "it does not follow entry 5 (an entry before it was deleted, inserted or reordered)")
        #expect(result.entries == 6)
    }

    @Test func aForgedEntryAppendedWithAWrongPrevHashIsFound() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        let n = Int64(Self.expectedActions.count)
        try f.store.write { db in
            let at = "2026-03-02T09:00:00Z", details = "{}"
            let forged = AuditLog.chainHash(previous: AuditLog.genesisHash, seq: n + 1, at: at, actor: "boss", action: "logout", object: "user:boss", details: details)
            try db.execute(sql: "INSERT INTO audit(seq, at, actor, action, object, details, prev_hash, hash) VALUES (?, ?, 'boss', 'logout', 'user:boss', ?, ?, ?)",
                           arguments: [n + 1, at, details, AuditLog.genesisHash, forged])
        }
        #expect(try f.verify().firstBreak?.seq == n + 1)
    }

    @Test func aCorrectlyChainedForgeryAtTheEndChangesOnlyTheHeadHash() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        let head = try f.verify().headHash
        try f.store.write { db in
            _ = try AuditLog.append(db, at: start, actor: "boss", action: "user.add", object: "user:mole")
        }
        let result = try f.verify()
        #expect(result.firstBreak == nil)
        #expect(result.headHash != head)  // only a head hash kept elsewhere reveals it
    }

    @Test func swappedEntriesAreFound() throws {
        let (f, _) = try Self.busyFixture()
        defer { f.cleanup() }
        try f.store.write { db in
            try db.execute(sql: "UPDATE audit SET seq = -1 WHERE seq = 7")
            try db.execute(sql: "UPDATE audit SET seq = 7 WHERE seq = 8")
            try db.execute(sql: "UPDATE audit SET seq = 8 WHERE seq = -1")
        }
        let result = try f.verify()
        #expect(result.firstBreak?.seq == 7)
        #expect(result.firstBreak?.reason == "it does not follow entry 6 (an entry before it was deleted, inserted or reordered)")

        // Swapping contents but keeping each row's prev_hash/hash links: the hashes no longer match.
        let (g, _) = try Self.busyFixture()
        defer { g.cleanup() }
        try g.store.write { db in
            let rows = try SQLRow.fetchAll(db, sql: "SELECT * FROM audit WHERE seq IN (7, 8) ORDER BY seq")
            for (row, other) in [(rows[0], rows[1]), (rows[1], rows[0])] {
                try db.execute(sql: "UPDATE audit SET at = ?, actor = ?, action = ?, object = ?, details = ? WHERE seq = ?",
                               arguments: [other["at"], other["actor"], other["action"], other["object"], other["details"], row["seq"]])
            }
        }
        let contents = try g.verify()
        #expect(contents.firstBreak?.seq == 7)
        #expect(contents.firstBreak?.reason == "its content was edited (the hash does not match)")
    }

    @Test func noPasswordOrTokenTextAppearsInTheAuditTable() throws {
        let (f, secrets) = try Self.busyFixture()
        defer { f.cleanup() }
        let everything = try f.store.read { db in
            try SQLRow.fetchAll(db, sql: "SELECT * FROM audit").flatMap { row in row.columnNames.map { String(describing: row.value(named: $0)) } }
        }.joined(separator: "\n")
        #expect(everything.contains("ivanova"))  // the dump is real
        for secret in secrets {
            #expect(!everything.contains(secret), "\(secret.prefix(4))…")
        }
        #expect(!everything.contains("$argon2"))
    }
}

@Suite("Outside text in the audit log")
struct AuditOutsideTextTests {
    /// Issue 12 finding 21 and issue 13: a login typed at the login form is bounded and its
    /// control characters escaped; a huge or line-forging value never reaches the log raw.
    @Test func finding21_unknownLoginsAreBoundedAndEscaped() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let forged = "nobody\n2026-03-02T09:00:00Z boss user.add user:evil {}\u{1B}[31m" + String(repeating: "x", count: 100_000)
        #expect(throws: StoreError.self) { _ = try f.store.login(forged, password: "whatever it is", hasher: cheapHasher) }
        let entry = try #require(try f.audit().last)
        #expect(entry.action == "login.failed")
        #expect(!entry.actor.contains("\n"))
        #expect(!entry.actor.contains("\u{1B}"))
        #expect(entry.actor.contains("\\u{a}"))
        #expect(entry.actor.count <= AuditText.limit + 1)
        #expect(entry.object.count <= 201)
        #expect(try f.verify().firstBreak == nil)
    }
}
