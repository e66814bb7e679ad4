import Foundation
import LKOMessages
import LKOAccounts
import LKOCompiler

/// Account administration: `lko user …`. Each call is authorized (`manage_users`, except a
/// person changing their own password), validated, and written with its audit entry in one
/// transaction.
extension Store {
    public func addUser(by actor: Account, _ account: NewAccount, password: String, hasher: PasswordHasher = PasswordHasher()) throws {
        try authorize(actor, .manageUsers)
        try AccountRules.validate(account)
        let violations = PasswordRules.standard.violations(of: password, login: account.login)
        guard violations.isEmpty else { throw StoreError.weakPassword(violations.map(\.description)) }
        let passwordHash = try hasher.hash(password: password)
        try write { db in
            let now = clock.now()
            if try Store.isTombstone(db, account.login) { throw StoreError.accountRemoved(account.login) }
            try AccountRepository.insert(db, account, passwordHash: passwordHash, isBootstrap: false, now: now)
            try AuditLog.append(db, at: now, actor: actor.login, action: "user.add", object: "user:\(account.login)", details: ["position": account.position, "department": account.department])
        }
    }

    public func users(by actor: Account) throws -> [Account] {
        try authorize(actor, .manageUsers)
        // Removed accounts (tombstones) are not listed; `user show LOGIN` still finds one.
        return try read { db in try AccountRepository.all(db).filter { !$0.isRemoved } }
    }

    public func user(_ login: String, by actor: Account) throws -> Account {
        if login != actor.login { try authorize(actor, .manageUsers) }
        return try read { db in try AccountRepository.require(db, login) }
    }

    /// What stops `login` from being removed or disabled: open cases, pending substitutions.
    public func blockers(for login: String) throws -> [Message] {
        try read { db in try blockerProviders.flatMap { try $0.blockers(for: login, in: db) } }
    }

    public func setStatus(_ login: String, to status: Account.Status, by actor: Account) throws {
        try authorize(actor, .manageUsers)
        let active = try activePolicy()
        try write { db in
            let account = try AccountRepository.require(db, login)
            if account.isRemoved { throw StoreError.accountRemoved(login) }
            guard account.status != status else { return }
            if status == .disabled {
                let blockers = try blockerProviders.flatMap { try $0.blockers(for: login, in: db) }
                guard blockers.isEmpty else { throw StoreError.blocked(login: login, blockers: blockers) }
                try guardPolicyAdministrators(db, removing: login, active: active)
            }
            let now = clock.now()
            try db.execute(sql: "UPDATE accounts SET status = ?, updated_at = ? WHERE login = ?", arguments: [status.rawValue, StoreClock.format(now), login])
            if status == .disabled { try db.execute(sql: "DELETE FROM sessions WHERE login = ?", arguments: [login]) }
            try AuditLog.append(db, at: now, actor: actor.login, action: status == .disabled ? "user.disable" : "user.enable", object: "user:\(login)")
        }
    }

    /// Lifts a lockout after repeated failed logins (`manage_users`). Returns whether the
    /// account was locked at all.
    @discardableResult
    public func unlock(_ login: String, by actor: Account) throws -> Bool {
        try authorize(actor, .manageUsers)
        return try write { db in
            let account = try AccountRepository.require(db, login)
            if account.isRemoved { throw StoreError.accountRemoved(login) }
            let now = clock.now()
            let wasLocked = account.lockedUntil.flatMap(StoreClock.parse).map { $0 > now } ?? false
            guard wasLocked || account.failedLogins > 0 else { return false }
            try db.execute(sql: "UPDATE accounts SET failed_logins = 0, locked_until = NULL, updated_at = ? WHERE login = ?", arguments: [StoreClock.format(now), login])
            try AuditLog.append(db, at: now, actor: actor.login, action: "user.unlock", object: "user:\(login)", details: ["was_locked": wasLocked ? "yes" : "no"])
            return wasLocked
        }
    }

    public func removeUser(_ login: String, by actor: Account) throws {
        try authorize(actor, .manageUsers)
        let active = try activePolicy()
        try write { db in
            if try AccountRepository.require(db, login).isRemoved { throw StoreError.accountRemoved(login) }
            let blockers = try blockerProviders.flatMap { try $0.blockers(for: login, in: db) }
            guard blockers.isEmpty else { throw StoreError.blocked(login: login, blockers: blockers) }
            try guardPolicyAdministrators(db, removing: login, active: active)
            // A tombstone, not a deletion: the name stays behind every history line, the
            // account can never sign in again, and the login is never given to someone else.
            let now = clock.now()
            try db.execute(sql: "UPDATE accounts SET status = 'disabled', password_hash = '!removed', failed_logins = 0, locked_until = NULL, removed_at = ?, updated_at = ? WHERE login = ?", arguments: [StoreClock.format(now), StoreClock.format(now), login])
            try db.execute(sql: "DELETE FROM sessions WHERE login = ?", arguments: [login])
            try AuditLog.append(db, at: now, actor: actor.login, action: "user.remove", object: "user:\(login)", details: ["tombstone": "yes"])
        }
    }

    public func changePassword(of login: String, to password: String, by actor: Account, hasher: PasswordHasher = PasswordHasher()) throws {
        if login != actor.login { try authorize(actor, .manageUsers) }
        let violations = PasswordRules.standard.violations(of: password, login: login)
        guard violations.isEmpty else { throw StoreError.weakPassword(violations.map(\.description)) }
        let passwordHash = try hasher.hash(password: password)
        try write { db in
            if try AccountRepository.require(db, login).isRemoved { throw StoreError.accountRemoved(login) }
            let now = clock.now()
            try db.execute(sql: "UPDATE accounts SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE login = ?", arguments: [passwordHash, StoreClock.format(now), login])
            // Other sessions of the account end: a changed password must lock out whoever knew the old one.
            try db.execute(sql: "DELETE FROM sessions WHERE login = ?", arguments: [login])
            try AuditLog.append(db, at: now, actor: actor.login, action: "user.passwd", object: "user:\(login)")
        }
    }

    /// Refuses a change that would leave no active account able to change the policy.
    func guardPolicyAdministrators(_ db: SQLDatabase, removing login: String, active: ActivePolicy?) throws {
        let remaining = try AccountRepository.activeLogins(db, now: clock.now()).filter { $0 != login }
        if let active {
            let day = today(policy: active.policy)
            guard remaining.contains(where: { active.policy.decide(login: $0, action: .managePolicy, node: nil, assignee: nil, on: day) }) else {
                throw StoreError.lastAdministrator(login)
            }
        } else {
            let bootstrap = try String.fetchAll(db, sql: "SELECT login FROM accounts WHERE is_bootstrap = 1 AND status = 'active'")
            guard bootstrap.contains(where: { $0 != login }) else { throw StoreError.lastAdministrator(login) }
        }
    }
}
