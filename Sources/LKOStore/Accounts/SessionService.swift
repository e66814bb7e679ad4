import Foundation
import GRDB
import LKOAccounts

/// `lko login`, `lko logout`, and the check every state-changing command makes first.
extension Store {
    /// Verifies the password (with lockout after repeated failures) and opens a session. The
    /// returned token is shown once; only its SHA-256 is stored.
    public func login(_ login: String, password: String, hasher: PasswordHasher = PasswordHasher(), throttle: LoginThrottle = .standard) throws -> SessionToken {
        let now = clock.now()
        guard let (account, storedHash) = try read({ db -> (Account, String)? in
            guard let account = try AccountRepository.fetch(db, login), let hash = try AccountRepository.passwordHash(db, login) else { return nil }
            return (account, hash)
        }) else {
            // Same work as a real check, so timing does not reveal which logins exist.
            hasher.simulateVerification(password: password)
            try write { db in try AuditLog.append(db, at: now, actor: login, action: "login.failed", object: "user:\(login)", details: ["reason": "unknown login"]) }
            throw StoreError.wrongPassword
        }
        var state = LoginThrottleState(consecutiveFailures: account.failedLogins, lockedUntil: account.lockedUntil.flatMap(StoreClock.parse))
        if case .locked(let until) = throttle.gate(for: state, now: now) {
            try write { db in try AuditLog.append(db, at: now, actor: login, action: "login.refused", object: "user:\(login)", details: ["reason": "locked"]) }
            throw StoreError.accountLocked(until: until)
        }
        guard try hasher.verify(password: password, encoded: storedHash) else {
            // The counter is re-read inside the write transaction: guesses verified concurrently
            // (other processes) must each count, and none may overwrite a lock set meanwhile.
            let lockedUntil = try write { db -> Date? in
                let fresh = try AccountRepository.fetch(db, login)
                let current = LoginThrottleState(consecutiveFailures: fresh?.failedLogins ?? state.consecutiveFailures, lockedUntil: fresh?.lockedUntil.flatMap(StoreClock.parse))
                if case .locked(let until) = throttle.gate(for: current, now: now) {
                    try AuditLog.append(db, at: now, actor: login, action: "login.refused", object: "user:\(login)", details: ["reason": "locked"])
                    return until
                }
                state = throttle.recordingFailure(current, now: now)
                let lockedNow = state.lockedUntil.map { $0 > now } ?? false
                try db.execute(sql: "UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE login = ?", arguments: [state.consecutiveFailures, state.lockedUntil.map(StoreClock.format), login])
                try AuditLog.append(db, at: now, actor: login, action: "login.failed", object: "user:\(login)", details: ["failures": String(state.consecutiveFailures)])
                if lockedNow {
                    try AuditLog.append(db, at: now, actor: login, action: "user.locked", object: "user:\(login)", details: ["until": StoreClock.format(state.lockedUntil!)])
                    try db.execute(sql: "DELETE FROM sessions WHERE login = ?", arguments: [login])
                }
                return lockedNow ? state.lockedUntil : nil
            }
            if let lockedUntil { throw StoreError.accountLocked(until: lockedUntil) }
            throw StoreError.wrongPassword
        }
        // Only someone who knows the password learns that the account is disabled.
        guard account.status == .active else {
            try write { db in try AuditLog.append(db, at: now, actor: login, action: "login.refused", object: "user:\(login)", details: ["reason": "disabled"]) }
            throw StoreError.accountDisabled(login)
        }
        let rehashed = hasher.needsRehash(encoded: storedHash) ? try hasher.hash(password: password) : nil
        let token = SessionToken.generate()
        try write { db in
            let time = StoreClock.format(now)
            try db.execute(sql: "UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE login = ?", arguments: [login])
            if let rehashed {
                try db.execute(sql: "UPDATE accounts SET password_hash = ?, updated_at = ? WHERE login = ?", arguments: [rehashed, time, login])
                try AuditLog.append(db, at: now, actor: login, action: "user.rehash", object: "user:\(login)")
            }
            try db.execute(sql: "INSERT INTO sessions(token_hash, login, created_at, last_seen_at) VALUES (?, ?, ?, ?)", arguments: [token.storageHash, login, time, time])
            try AuditLog.append(db, at: now, actor: login, action: "login", object: "user:\(login)")
        }
        return token
    }

    /// The account behind a session token, refreshing its idle timer. Fails for a tampered,
    /// expired or revoked token, and at once for a disabled or locked account.
    public func authenticate(token text: String, lifetime: SessionLifetime = .standard) throws -> Account {
        let token: SessionToken
        do {
            token = try SessionToken(presented: text.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw StoreError.sessionInvalid("the token is malformed: \(error)")
        }
        let now = clock.now()
        // An expired session is deleted in a transaction that commits; the refusal is thrown
        // after it (throwing inside `write` would roll the deletion back).
        let outcome = try write { db -> Result<Account, StoreError> in
            guard let row = try Row.fetchOne(db, sql: "SELECT login, created_at, last_seen_at FROM sessions WHERE token_hash = ?", arguments: [token.storageHash]) else {
                throw StoreError.sessionInvalid("unknown or revoked token")
            }
            let login: String = row["login"]
            let created = StoreClock.parse(row["created_at"]) ?? .distantPast
            let lastSeen = StoreClock.parse(row["last_seen_at"]) ?? .distantPast
            switch lifetime.status(createdAt: created, lastSeenAt: lastSeen, now: now) {
            case .valid: break
            case .idleExpired:
                try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [token.storageHash])
                return .failure(StoreError.sessionInvalid("idle for more than 8 hours"))
            case .absoluteExpired:
                try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [token.storageHash])
                return .failure(StoreError.sessionInvalid("older than 12 hours"))
            }
            let account = try AccountRepository.require(db, login)
            guard account.status == .active else { throw StoreError.accountDisabled(login) }
            if let until = account.lockedUntil.flatMap(StoreClock.parse), until > now { throw StoreError.accountLocked(until: until) }
            try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", arguments: [StoreClock.format(now), token.storageHash])
            return .success(account)
        }
        return try outcome.get()
    }

    public func logout(token text: String) throws {
        guard let token = try? SessionToken(presented: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        try write { db in
            guard let login = try String.fetchOne(db, sql: "SELECT login FROM sessions WHERE token_hash = ?", arguments: [token.storageHash]) else { return }
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [token.storageHash])
            try AuditLog.append(db, at: clock.now(), actor: login, action: "logout", object: "user:\(login)")
        }
    }
}
