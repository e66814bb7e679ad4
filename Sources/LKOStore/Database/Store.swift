import Foundation
import LKOMessages
import LKOAccounts

/// The lko database: accounts, sessions, policy versions, cases and the audit chain of one
/// organization, in a SQLite file (the default) or in a regional PostgreSQL database.
///
/// Every multi-step change runs in one transaction together with its audit entry, so a crash at
/// any moment leaves either the old state or the new one, never half of a change.
public final class Store: Sendable {
    /// The database's address as given: a file path, or a `postgres://` address (without its password).
    public let path: String
    /// The engine that holds the data (``SQLiteEngine`` by default, ``PostgresEngine`` for a region).
    let engine: any StoreEngine
    public let clock: any WallClock
    /// Whether the database was created with `lko init --sandbox` (rehearsals and training), the
    /// only kind that accepts a moved clock.
    public let isSandbox: Bool
    /// Reasons an account cannot be removed or disabled (open cases, pending substitutions),
    /// supplied by the layers above.
    let blockerProviders: [any AccountBlockerProvider]
    let activeCache = ActivePolicyCache()

    /// How long a write waits for another process's write before giving up with a message.
    public static let defaultBusyTimeout: TimeInterval = 5

    init(engine: any StoreEngine, clock: any WallClock, isSandbox: Bool, blockerProviders: [any AccountBlockerProvider]) {
        self.path = engine.displayAddress
        self.engine = engine
        self.clock = clock
        self.isSandbox = isSandbox
        self.blockerProviders = blockerProviders
    }

    /// The engine's dialect: `sqlite` for a file, `postgres` for a `postgres://` address.
    public var dialect: SQLDialect { engine.dialect }

    /// Whether an address names a PostgreSQL database rather than a SQLite file.
    public static func isPostgresAddress(_ address: String) -> Bool {
        address.hasPrefix("postgres://") || address.hasPrefix("postgresql://")
    }

    /// Creates a new database with its first administrator. Refuses to touch an existing one.
    ///
    /// - Parameter path: a SQLite file, or `postgres://user@host:port/db?organization=ID` for
    ///   one organization's part of a regional PostgreSQL database.
    public static func create(
        path: String,
        sandbox: Bool,
        administrator: NewAccount,
        password: String,
        clock: any WallClock = SystemWallClock(),
        hasher: PasswordHasher = PasswordHasher(),
        auditKeyPath: String? = nil
    ) throws -> Store {
        try AccountRules.validate(administrator)
        let violations = PasswordRules.standard.violations(of: password, login: administrator.login)
        guard violations.isEmpty else { throw StoreError.weakPassword(violations.map(\.description)) }
        let passwordHash = try hasher.hash(password: password)

        let engine: any StoreEngine = try isPostgresAddress(path)
            ? PostgresEngine.create(address: path)
            : SQLiteEngine.create(path: path)
        do {
            let store = Store(engine: engine, clock: clock, isSandbox: sandbox, blockerProviders: [])
            try store.write { db in
                let now = clock.now()
                try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('sandbox', ?), ('created_at', ?)", arguments: [sandbox ? "1" : "0", StoreClock.format(now)])
                try AccountRepository.insert(db, administrator, passwordHash: passwordHash, isBootstrap: true, now: now)
                try AuditLog.append(db, at: now, actor: administrator.login, action: "database.init", object: "database", details: ["sandbox": sandbox ? "yes" : "no"])
                try AuditLog.append(db, at: now, actor: administrator.login, action: "user.add", object: "user:\(administrator.login)", details: ["role": "initial administrator"])
            }
            // The checkpoint signing key lives beside the database, never in it.
            try AuditKey.create(at: auditKeyPath ?? AuditKey.defaultPath(forDatabase: engine.displayAddress))
            return store
        } catch {
            try? engine.close()
            if let postgres = engine as? PostgresEngine { try? postgres.dropOrganization() } else { SQLiteEngine.removeFiles(path) }
            throw error
        }
    }

    /// Opens an existing database, applying pending migrations.
    ///
    /// - Parameter clockOverride: a moved "now" (`LKO_NOW`); refused unless the database is a sandbox.
    /// - Parameter busyTimeout: how long a write waits for another writer before failing
    ///   with ``StoreError/busy(path:)``.
    public static func open(
        path: String,
        clock: any WallClock = SystemWallClock(),
        clockOverride: Date? = nil,
        blockerProviders: [any AccountBlockerProvider] = [],
        busyTimeout: TimeInterval = Store.defaultBusyTimeout
    ) throws -> Store {
        let engine: any StoreEngine = try isPostgresAddress(path)
            ? PostgresEngine.open(address: path, busyTimeout: busyTimeout)
            : SQLiteEngine.open(path: path, busyTimeout: busyTimeout)
        do {
            let isSandbox = try engine.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'sandbox'") == "1"
            }
            let probe = Store(engine: engine, clock: clock, isSandbox: isSandbox, blockerProviders: [])
            try engine.read { db in try probe.checkSandboxFlag(db) }
            var effectiveClock = clock
            if let clockOverride {
                guard isSandbox else { throw StoreError.clockOverrideRefused }
                effectiveClock = FixedWallClock(clockOverride)
            }
            return Store(engine: engine, clock: effectiveClock, isSandbox: isSandbox, blockerProviders: blockerProviders)
        } catch {
            try? engine.close()
            throw error
        }
    }

    /// Runs `body` in one write transaction (committed only if it returns normally).
    @discardableResult
    public func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        try engine.write(body)
    }

    public func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        try engine.read(body)
    }

    /// The engine's integrity check (`PRAGMA integrity_check` on SQLite) — "ok" when healthy.
    public func integrityCheck() throws -> [String] {
        try engine.integrityCheck()
    }

    public func close() throws {
        try engine.close()
    }

    /// Whether a failure was the disk (or the database server's disk) filling up.
    public static func isDiskFull(_ error: any Error) -> Bool {
        SQLiteEngine.isDiskFull(error) || PostgresEngine.isDiskFull(error)
    }
}

/// Something that may forbid removing or disabling an account (the workflow: open cases; the
/// delegation layer: pending substitutions). Each returned message is one reason, for people
/// (rendered in the reader's language).
public protocol AccountBlockerProvider: Sendable {
    func blockers(for login: String, in db: SQLDatabase) throws -> [Message]
}

extension Store {
    /// A cheap health probe: the database answers a read.
    public func integrityQuick() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT 1") == 1 }
    }
}
