import Foundation
import LKOAccounts

/// `lko login`, `lko logout`, and the check every state-changing command makes first.
extension Store {
    /// Verifies the password (with lockout after repeated failures) and opens a session. The
    /// returned token is shown once; only its SHA-256 is stored.
    ///
    /// The lock check, the password check and the failure count are one decision inside one
    /// write transaction: while the account is locked no password is even checked, and a right
    /// password racing a burst of wrong guesses can neither slip in under the lock nor clear it.
    /// Writes (and so logins) are serialized for the ~20 ms of one argon2id verification.
    public func login(_ login: String, password: String, hasher: PasswordHasher = PasswordHasher(), throttle: LoginThrottle = .standard) throws -> SessionToken {
        let now = clock.now()
        enum Outcome { case success(SessionToken), failure(StoreError) }
        let outcome = try write { db -> Outcome in
            guard let account = try AccountRepository.fetch(db, login), let storedHash = try AccountRepository.passwordHash(db, login) else {
                // Same work as a real check, so timing does not reveal which logins exist.
                hasher.simulateVerification(password: password)
                try AuditLog.append(db, at: now, actor: login, action: "login.failed", object: "user:" + login, details: ["reason": "unknown login"])
                return .failure(.wrongPassword)
            }
            // A removed account (a tombstone) has no password: it answers like an unknown login.
            if account.isRemoved {
                hasher.simulateVerification(password: password)
                try AuditLog.append(db, at: now, actor: login, action: "login.failed", object: "user:" + login, details: ["reason": "removed account"])
                return .failure(.wrongPassword)
            }
            let state = LoginThrottleState(consecutiveFailures: account.failedLogins, lockedUntil: account.lockedUntil.flatMap(StoreClock.parse))
            if case .locked(let until) = throttle.gate(for: state, now: now) {
                try AuditLog.append(db, at: now, actor: login, action: "login.refused", object: "user:\(login)", details: ["reason": "locked"])
                return .failure(.accountLocked(until: until))
            }
            guard try hasher.verify(password: password, encoded: storedHash) else {
                return .failure(try recordFailedPassword(db, login: login, state: state, throttle: throttle, now: now))
            }
            // Only someone who knows the password learns that the account is disabled.
            guard account.status == .active else {
                try AuditLog.append(db, at: now, actor: login, action: "login.refused", object: "user:\(login)", details: ["reason": "disabled"])
                return .failure(.accountDisabled(login))
            }
            let time = StoreClock.format(now)
            try db.execute(sql: "UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE login = ?", arguments: [login])
            if hasher.needsRehash(encoded: storedHash) {
                try db.execute(sql: "UPDATE accounts SET password_hash = ?, updated_at = ? WHERE login = ?", arguments: [try hasher.hash(password: password), time, login])
                try AuditLog.append(db, at: now, actor: login, action: "user.rehash", object: "user:\(login)")
            }
            let token = SessionToken.generate()
            try db.execute(sql: "INSERT INTO sessions(token_hash, login, created_at, last_seen_at) VALUES (?, ?, ?, ?)", arguments: [token.storageHash, login, time, time])
            try AuditLog.append(db, at: now, actor: login, action: "login", object: "user:\(login)")
            return .success(token)
        }
        switch outcome {
        case .success(let token): return token
        case .failure(let error): throw error
        }
    }

    /// Counts a wrong password (inside the caller's transaction) and locks the account when the
    /// count reaches the limit. Returns the error to report.
    ///
    /// A lock stops password checks, not the sessions that proved the password before it: five
    /// wrong guesses by anyone must not log a colleague out of the work in hand. (Disabling an
    /// account is what ends its sessions.)
    func recordFailedPassword(_ db: SQLDatabase, login: String, state: LoginThrottleState, throttle: LoginThrottle, now: Date) throws -> StoreError {
        let next = throttle.recordingFailure(state, now: now)
        let lockedNow = next.lockedUntil.map { $0 > now } ?? false
        try db.execute(sql: "UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE login = ?", arguments: [next.consecutiveFailures, next.lockedUntil.map(StoreClock.format), login])
        try AuditLog.append(db, at: now, actor: login, action: "login.failed", object: "user:\(login)", details: ["failures": String(next.consecutiveFailures)])
        guard lockedNow, let until = next.lockedUntil else { return .wrongPassword }
        try AuditLog.append(db, at: now, actor: login, action: "user.locked", object: "user:\(login)", details: ["until": StoreClock.format(until)])
        return .accountLocked(until: until)
    }

    /// A person changes their own password: the current one is required (a stolen session alone
    /// cannot take the account over) and a wrong one counts towards the lockout like a failed
    /// login. Every session of the account ends, and a new one is returned for the caller.
    public func changeOwnPassword(_ actor: Account, current: String, new password: String, hasher: PasswordHasher = PasswordHasher(), throttle: LoginThrottle = .standard) throws -> SessionToken {
        let login = actor.login
        let violations = PasswordRules.standard.violations(of: password, login: login)
        guard violations.isEmpty else { throw StoreError.weakPassword(violations.map(\.description)) }
        guard current != password else { throw StoreError.weakPassword(["the new password is the same as the current one"]) }
        let newHash = try hasher.hash(password: password)
        let now = clock.now()
        enum Outcome { case success(SessionToken), failure(StoreError) }
        let outcome = try write { db -> Outcome in
            let account = try AccountRepository.require(db, login)
            let state = LoginThrottleState(consecutiveFailures: account.failedLogins, lockedUntil: account.lockedUntil.flatMap(StoreClock.parse))
            if case .locked(let until) = throttle.gate(for: state, now: now) { return .failure(.accountLocked(until: until)) }
            guard let storedHash = try AccountRepository.passwordHash(db, login), try hasher.verify(password: current, encoded: storedHash) else {
                let error = try recordFailedPassword(db, login: login, state: state, throttle: throttle, now: now)
                return .failure(error == .wrongPassword ? .currentPasswordWrong : error)
            }
            let time = StoreClock.format(now)
            try db.execute(sql: "UPDATE accounts SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE login = ?", arguments: [newHash, time, login])
            try db.execute(sql: "DELETE FROM sessions WHERE login = ?", arguments: [login])
            let token = SessionToken.generate()
            try db.execute(sql: "INSERT INTO sessions(token_hash, login, created_at, last_seen_at) VALUES (?, ?, ?, ?)", arguments: [token.storageHash, login, time, time])
            try AuditLog.append(db, at: now, actor: login, action: "user.passwd", object: "user:\(login)", details: ["by": "self"])
            return .success(token)
        }
        switch outcome {
        case .success(let token): return token
        case .failure(let error): throw error
        }
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
        // A read first: most requests only need to know the session is valid. Expiry deletes
        // and the once-a-minute refresh are small writes of their own.
        let found = try read { db -> (login: String, created: Date, lastSeen: Date, account: Account?)? in
            guard let row = try SQLRow.fetchOne(db.cachedStatement(sql: "SELECT login, created_at, last_seen_at FROM sessions WHERE token_hash = ?"), arguments: [token.storageHash]) else {
                return nil
            }
            let login: String = row["login"]
            return (login, StoreClock.parse(row["created_at"]) ?? .distantPast, StoreClock.parse(row["last_seen_at"]) ?? .distantPast, try AccountRepository.fetch(db, login))
        }
        guard let found else { throw StoreError.sessionInvalid("unknown or revoked token") }
        switch lifetime.status(createdAt: found.created, lastSeenAt: found.lastSeen, now: now) {
        case .valid: break
        case .idleExpired:
            try write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [token.storageHash]) }
            throw StoreError.sessionInvalid("idle for more than 8 hours")
        case .absoluteExpired:
            try write { db in try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [token.storageHash]) }
            throw StoreError.sessionInvalid("older than 12 hours")
        }
        guard let account = found.account else { throw StoreError.unknownLogin(found.login) }
        guard account.status == .active else { throw StoreError.accountDisabled(found.login) }
        // The idle timer moves at most once a minute: a busy client costs no write per request.
        if now.timeIntervalSince(found.lastSeen) >= Store.sessionRefreshInterval {
            try write { db in
                try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", arguments: [StoreClock.format(now), token.storageHash])
            }
        }
        return account
    }

    /// How often a session's idle timer is written back (seconds); the idle limit is hours.
    public static let sessionRefreshInterval: TimeInterval = 60

    public func logout(token text: String) throws {
        guard let token = try? SessionToken(presented: text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        try write { db in
            guard let login = try String.fetchOne(db, sql: "SELECT login FROM sessions WHERE token_hash = ?", arguments: [token.storageHash]) else { return }
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [token.storageHash])
            try AuditLog.append(db, at: clock.now(), actor: login, action: "logout", object: "user:\(login)")
        }
    }
}
