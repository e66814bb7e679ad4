import Foundation
import GRDB
import LKOAccounts
@testable import LKOStore
import Testing

@Suite("Sessions")
struct SessionTests {
    static let unknown = StoreError.sessionInvalid("unknown or revoked token")

    func sessionCount(_ f: Fixture, _ login: String) throws -> Int {
        try f.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions WHERE login = ?", arguments: [login]) ?? -1 }
    }

    @Test func theTokenIsStoredOnlyAsItsHash() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let token = try f.login("boss", adminPassword)
        #expect(token.text.count == 43)
        let stored = try f.store.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM sessions") }
        #expect(stored == [token.storageHash])
        #expect(try f.store.authenticate(token: token.text).login == "boss")
        // Surrounding whitespace (a trailing newline from a file) is tolerated.
        #expect(try f.store.authenticate(token: "  \(token.text)\n").login == "boss")
    }

    @Test func idleExpiryIsExactlyEightHours() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let first = try f.login("boss", adminPassword)
        let second = try f.login("boss", adminPassword)
        f.clock.advance(by: 8 * hour - 1)
        #expect(try f.store.authenticate(token: first.text).login == "boss")  // refreshes `first`
        #expect(try f.store.read { db in try String.fetchOne(db, sql: "SELECT last_seen_at FROM sessions WHERE token_hash = ?", arguments: [first.storageHash]) } == "2026-03-02T16:59:59Z")
        f.clock.advance(by: 1)
        expectStoreError(.sessionInvalid("idle for more than 8 hours")) { try f.store.authenticate(token: second.text) }
        // The refreshed one lives on.
        #expect(try f.store.authenticate(token: first.text).login == "boss")
    }

    @Test func absoluteExpiryIsExactlyTwelveHoursHoweverActive() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let token = try f.login("boss", adminPassword)
        for _ in 1...3 {
            f.clock.advance(by: 4 * hour - 1)
            #expect(try f.store.authenticate(token: token.text).login == "boss")
        }
        f.clock.set(to: start.addingTimeInterval(12 * hour - 1))
        #expect(try f.store.authenticate(token: token.text).login == "boss")
        f.clock.set(to: start.addingTimeInterval(12 * hour))
        expectStoreError(.sessionInvalid("older than 12 hours")) { try f.store.authenticate(token: token.text) }
    }

    @Test func anExpiredSessionIsDeleted() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let idle = try f.login("boss", adminPassword)
        f.clock.advance(by: 4 * hour)
        let fresh = try f.login("boss", adminPassword)
        f.clock.advance(by: 4 * hour)
        expectStoreError(.sessionInvalid("idle for more than 8 hours")) { try f.store.authenticate(token: idle.text) }
        #expect(try sessionCount(f, "boss") == 1)
        expectStoreError(Self.unknown) { try f.store.authenticate(token: idle.text) }
        #expect(try f.store.authenticate(token: fresh.text).login == "boss")

        f.clock.advance(by: 8 * hour)  // 12 h after `fresh` was created, 8 h after its last use
        expectStoreError(.sessionInvalid("older than 12 hours")) { try f.store.authenticate(token: fresh.text) }
        #expect(try sessionCount(f, "boss") == 0)
        expectStoreError(Self.unknown) { try f.store.authenticate(token: fresh.text) }
    }

    @Test func logoutRevokesAndIsAudited() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let token = try f.login("boss", adminPassword)
        let other = try f.login("boss", adminPassword)
        try f.store.logout(token: token.text)
        expectStoreError(Self.unknown) { try f.store.authenticate(token: token.text) }
        #expect(try f.store.authenticate(token: other.text).login == "boss")
        #expect(try f.audit().last?.action == "logout")
        // Logging out twice, or with garbage, changes nothing.
        let before = try f.auditCount()
        try f.store.logout(token: token.text)
        try f.store.logout(token: "garbage")
        #expect(try f.auditCount() == before)
    }

    @Test func aTamperedTokenIsRefused() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let token = try f.login("boss", adminPassword)
        var characters = Array(token.text)
        characters[0] = characters[0] == "A" ? "B" : "A"
        expectStoreError(Self.unknown) { try f.store.authenticate(token: String(characters)) }

        let truncated = String(token.text.dropLast())
        let error = storeError { try f.store.authenticate(token: truncated) }
        guard case .sessionInvalid(let reason) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason.hasPrefix("the token is malformed"))
        for bad in ["", token.text + "A", String(repeating: "!", count: 43), token.storageHash] {
            let refused = storeError { try f.store.authenticate(token: bad) }
            if case .sessionInvalid = refused {} else { Issue.record("\(bad): \(String(describing: refused))") }
        }
        // The genuine token still works.
        #expect(try f.store.authenticate(token: token.text).login == "boss")
    }

    @Test func aDisabledAccountsSessionStopsAtOnce() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        let token = try f.login("ivanova", userPassword)
        #expect(try f.store.authenticate(token: token.text).login == "ivanova")
        try f.store.setStatus("ivanova", to: .disabled, by: try f.boss())
        expectStoreError(Self.unknown) { try f.store.authenticate(token: token.text) }
        #expect(try sessionCount(f, "ivanova") == 0)
        // Re-enabling does not bring the session back.
        try f.store.setStatus("ivanova", to: .active, by: try f.boss())
        expectStoreError(Self.unknown) { try f.store.authenticate(token: token.text) }
    }

    @Test func aDisabledStatusIsCheckedEvenIfASessionRowSurvives() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        let token = try f.login("ivanova", userPassword)
        try f.store.write { db in try db.execute(sql: "UPDATE accounts SET status = 'disabled' WHERE login = 'ivanova'") }
        expectStoreError(.accountDisabled("ivanova")) { try f.store.authenticate(token: token.text) }
    }

    /// A lockout stops password guesses, not the session of whoever proved the password before
    /// it: five wrong guesses by anyone must not log a colleague out (issue 10's review).
    @Test func aLockoutLeavesExistingSessionsWorking() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        let token = try f.login("ivanova", userPassword)
        for _ in 1...5 { _ = storeError { try f.login("ivanova", "someone guessing here") } }
        #expect(try f.store.authenticate(token: token.text).login == "ivanova")
        #expect(try sessionCount(f, "ivanova") == 1)
        // But no new session while locked, even with the right password.
        #expect(storeError { try f.login("ivanova", userPassword) } != nil)
    }

    @Test func aPasswordChangeEndsTheAccountsSessions() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        let first = try f.login("ivanova", userPassword)
        let second = try f.login("ivanova", userPassword)
        let bossToken = try f.login("boss", adminPassword)
        try f.store.changePassword(of: "ivanova", to: "a fresh new passphrase", by: try f.store.authenticate(token: first.text), hasher: cheapHasher)
        expectStoreError(Self.unknown) { try f.store.authenticate(token: first.text) }
        expectStoreError(Self.unknown) { try f.store.authenticate(token: second.text) }
        #expect(try f.store.authenticate(token: bossToken.text).login == "boss")

        let third = try f.login("ivanova", "a fresh new passphrase")
        try f.store.changePassword(of: "ivanova", to: "yet another passphrase", by: try f.boss(), hasher: cheapHasher)
        expectStoreError(Self.unknown) { try f.store.authenticate(token: third.text) }
        #expect(try f.store.authenticate(token: bossToken.text).login == "boss")
    }
}
