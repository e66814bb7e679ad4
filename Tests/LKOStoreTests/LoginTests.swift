import Foundation
import GRDB
import LKOAccounts
@testable import LKOStore
import Testing

@Suite("Login and lockout")
struct LoginTests {
    static let wrong = "definitely not it"

    @Test func fiveFailuresLockForFifteenMinutesExactly() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        let auditBefore = try f.auditCount()
        for attempt in 1...4 {
            expectStoreError(.wrongPassword) { try f.login("ivanova", Self.wrong) }
            #expect(try f.account("ivanova").failedLogins == attempt)
            #expect(try f.account("ivanova").lockedUntil == nil)
            f.clock.advance(by: 10)
        }
        // 09:00:40 — the fifth failure locks until 09:15:40.
        let lockedAt = f.clock.now()
        let until = lockedAt.addingTimeInterval(15 * minute)
        expectStoreError(.accountLocked(until: until)) { try f.login("ivanova", Self.wrong) }
        #expect(try f.account("ivanova").failedLogins == 5)
        #expect(try f.account("ivanova").lockedUntil == "2026-03-02T09:15:40Z")

        // A correct password during the lock is refused, up to the last second.
        f.clock.set(to: until.addingTimeInterval(-1))
        expectStoreError(.accountLocked(until: until)) { try f.login("ivanova", userPassword) }
        // Attempts during the lock neither count nor extend it.
        expectStoreError(.accountLocked(until: until)) { try f.login("ivanova", Self.wrong) }
        #expect(try f.account("ivanova").failedLogins == 5)
        #expect(try f.account("ivanova").lockedUntil == "2026-03-02T09:15:40Z")

        // At the boundary the lock is over; success resets the counters.
        f.clock.set(to: until)
        let token = try f.login("ivanova", userPassword)
        #expect(try f.store.authenticate(token: token.text).login == "ivanova")
        #expect(try f.account("ivanova").failedLogins == 0)
        #expect(try f.account("ivanova").lockedUntil == nil)

        let entries = try f.audit().dropFirst(auditBefore)
        #expect(entries.map(\.action) == [
            "login.failed", "login.failed", "login.failed", "login.failed", "login.failed", "user.locked",
            "login.refused", "login.refused", "login",
        ])
        #expect(entries.allSatisfy { $0.object == "user:ivanova" && $0.actor == "ivanova" })
        #expect(entries.filter { $0.action == "login.failed" }.map(\.details) == (1...5).map { #"{"failures":"\#($0)"}"# })
        #expect(entries.first { $0.action == "user.locked" }?.details == #"{"until":"2026-03-02T09:15:40Z"}"#)
        #expect(entries.filter { $0.action == "login.refused" }.map(\.details) == Array(repeating: #"{"reason":"locked"}"#, count: 2))
        #expect(try f.verify().firstBreak == nil)
    }

    @Test func aFailureAfterAnExpiredLockStartsAFreshCount() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        for _ in 1...5 { _ = storeError { try f.login("ivanova", Self.wrong) } }
        f.clock.advance(by: 15 * minute)
        expectStoreError(.wrongPassword) { try f.login("ivanova", Self.wrong) }
        #expect(try f.account("ivanova").failedLogins == 1)
        #expect(try f.account("ivanova").lockedUntil == nil)
        _ = try f.login("ivanova", userPassword)
    }

    @Test func successResetsTheCount() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        for _ in 1...4 { expectStoreError(.wrongPassword) { try f.login("ivanova", Self.wrong) } }
        _ = try f.login("ivanova", userPassword)
        #expect(try f.account("ivanova").failedLogins == 0)
        for _ in 1...4 { expectStoreError(.wrongPassword) { try f.login("ivanova", Self.wrong) } }
        #expect(try f.account("ivanova").failedLogins == 4)
        #expect(try f.account("ivanova").lockedUntil == nil)
        _ = try f.login("ivanova", userPassword)
    }

    @Test func aPasswordChangeByAnAdministratorLiftsTheLock() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        for _ in 1...5 { _ = storeError { try f.login("ivanova", Self.wrong) } }
        #expect(try f.account("ivanova").lockedUntil != nil)
        try f.store.changePassword(of: "ivanova", to: "the replacement passphrase", by: try f.boss(), hasher: cheapHasher)
        #expect(try f.account("ivanova").lockedUntil == nil)
        _ = try f.login("ivanova", "the replacement passphrase")
    }

    @Test func unknownLoginsAndDisabledAccountsAreAudited() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        try f.store.setStatus("ivanova", to: .disabled, by: try f.boss())
        let before = try f.auditCount()
        expectStoreError(.wrongPassword) { try f.login("stranger", "whatever it is here") }
        expectStoreError(.accountDisabled("ivanova")) { try f.login("ivanova", userPassword) }
        let entries = try f.audit().dropFirst(before)
        #expect(entries.map(\.action) == ["login.failed", "login.refused"])
        #expect(entries.map(\.object) == ["user:stranger", "user:ivanova"])
        #expect(entries.map(\.details) == [#"{"reason":"unknown login"}"#, #"{"reason":"disabled"}"#])
        // A disabled account's failures are not counted.
        #expect(try f.account("ivanova").failedLogins == 0)
    }

    @Test func loginRehashesAWeakerStoredHash() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")  // hashed with m=256,t=1
        let storedHash = { try f.store.read { db in try AccountRepository.passwordHash(db, "ivanova") } }
        #expect(try storedHash()?.contains("$m=256,t=1,p=1$") == true)

        let stronger = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 512, iterations: 2, parallelism: 1))
        f.clock.advance(by: hour)
        _ = try f.store.login("ivanova", password: userPassword, hasher: stronger)
        let upgraded = try #require(try storedHash())
        #expect(upgraded.hasPrefix("$argon2id$v=19$m=512,t=2,p=1$"))
        #expect(stronger.needsRehash(encoded: upgraded) == false)
        #expect(try stronger.verify(password: userPassword, encoded: upgraded))
        #expect(try f.account("ivanova").updatedAt == "2026-03-02T10:00:00Z")
        let actions = try f.audit().suffix(2).map(\.action)
        #expect(actions == ["user.rehash", "login"])

        // Not again at the next login, and the old parameters still verify the new hash.
        let before = try f.auditCount()
        _ = try f.store.login("ivanova", password: userPassword, hasher: stronger)
        #expect(try storedHash() == upgraded)
        #expect(try f.audit().dropFirst(before).map(\.action) == ["login"])
        // A weaker hasher does not downgrade it.
        _ = try f.login("ivanova", userPassword)
        #expect(try storedHash() == upgraded)
    }
}

@Suite("Login throttle under concurrent guesses")
struct ConcurrentLoginTests {
    /// Eight wrong passwords at once from eight processes (connections) must all count: the
    /// fifth locks the account and the rest are refused, however the attempts interleave.
    @Test func concurrentFailuresAllCount() async throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        let path = f.path
        let clock = f.clock
        let stores = try (0..<8).map { _ in try Store.open(path: path, clock: clock) }
        defer { for store in stores { try? store.close() } }
        let outcomes = await withTaskGroup(of: String.self) { group in
            for store in stores {
                group.addTask {
                    do {
                        _ = try store.login("ivanova", password: "a wrong guess at it", hasher: cheapHasher)
                        return "success"
                    } catch let error as StoreError {
                        switch error {
                        case .wrongPassword: return "wrong"
                        case .accountLocked: return "locked"
                        default: return "\(error)"
                        }
                    } catch {
                        return "\(error)"
                    }
                }
            }
            var all: [String] = []
            for await outcome in group { all.append(outcome) }
            return all.sorted()
        }
        #expect(outcomes == ["locked", "locked", "locked", "locked", "wrong", "wrong", "wrong", "wrong"])
        let account = try f.account("ivanova")
        #expect(account.failedLogins == 5)
        #expect(account.lockedUntil == "2026-03-02T09:15:00Z")
        let actions = try f.audit().map(\.action)
        #expect(actions.filter { $0 == "login.failed" }.count == 5)
        #expect(actions.filter { $0 == "user.locked" }.count == 1)
        #expect(actions.filter { $0 == "login.refused" }.count == 3)
        expectStoreError(.accountLocked(until: start.addingTimeInterval(15 * minute))) { try f.login("ivanova", userPassword) }
    }

    /// The review's race: 30 wrong guesses in parallel, then the right password 50 ms later. The
    /// lock check, the password check and the count are one decision, so the right password is
    /// refused while locked and does not clear the lock.
    @Test func theRightPasswordDuringABurstOfGuessesIsRefusedAndTheLockStays() async throws {
        let f = try Fixture()
        defer { f.cleanup() }
        try f.add("ivanova")
        let path = f.path
        let clock = f.clock
        let stores = try (0..<31).map { _ in try Store.open(path: path, clock: clock) }
        defer { for store in stores { try? store.close() } }
        let late = await withTaskGroup(of: String?.self) { group in
            for store in stores.dropLast() {
                group.addTask {
                    _ = try? store.login("ivanova", password: "a wrong guess at it", hasher: cheapHasher)
                    return nil
                }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(50))
                do {
                    _ = try stores.last!.login("ivanova", password: userPassword, hasher: cheapHasher)
                    return "logged in"
                } catch let error as StoreError {
                    if case .accountLocked = error { return "locked" }
                    return "\(error)"
                } catch {
                    return "\(error)"
                }
            }
            var outcome: String?
            for await result in group where result != nil { outcome = result }
            return outcome
        }
        #expect(late == "locked")
        let account = try f.account("ivanova")
        #expect(account.failedLogins == 5)
        #expect(account.lockedUntil == "2026-03-02T09:15:00Z")
        #expect(try f.audit().map(\.action).filter { $0 == "login" }.isEmpty)
    }
}
