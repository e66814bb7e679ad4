import Foundation
import GRDB
import LKOMessages
import LKOAccounts

/// The lko database: one SQLite file (WAL, foreign keys on, mode 0600) holding accounts,
/// sessions, policy versions and the audit chain.
///
/// Every multi-step change runs in one transaction together with its audit entry, so a crash at
/// any moment leaves either the old state or the new one, never half of a change.
public final class Store: Sendable {
    public let path: String
    /// A pool when opened (readers run concurrently beside the one writer, WAL); the queue
    /// that created the file when made by ``create(path:sandbox:administrator:password:clock:hasher:auditKeyPath:)``.
    let queue: any DatabaseWriter
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

    private init(path: String, queue: any DatabaseWriter, clock: any WallClock, isSandbox: Bool, blockerProviders: [any AccountBlockerProvider]) {
        self.path = path
        self.queue = queue
        self.clock = clock
        self.isSandbox = isSandbox
        self.blockerProviders = blockerProviders
    }

    /// Creates a new database with its first administrator. Refuses to touch an existing file.
    public static func create(
        path: String,
        sandbox: Bool,
        administrator: NewAccount,
        password: String,
        clock: any WallClock = SystemWallClock(),
        hasher: PasswordHasher = PasswordHasher(),
        auditKeyPath: String? = nil
    ) throws -> Store {
        let manager = FileManager.default
        for candidate in [path, path + "-wal", path + "-shm"] where manager.fileExists(atPath: candidate) {
            throw StoreError.databaseExists(path: candidate)
        }
        try AccountRules.validate(administrator)
        let violations = PasswordRules.standard.violations(of: password, login: administrator.login)
        guard violations.isEmpty else { throw StoreError.weakPassword(violations.map(\.description)) }
        let passwordHash = try hasher.hash(password: password)

        // Owner-only from the first byte: the file holds password hashes and personal data.
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.invalidField(field: "--db", reason: Message(.fieldErrCannotCreate, ["path": .text(path)]))
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            }
            try Schema.migrator.migrate(queue)
            let store = Store(path: path, queue: queue, clock: clock, isSandbox: sandbox, blockerProviders: [])
            try store.write { db in
                let now = clock.now()
                try db.execute(sql: "INSERT INTO settings(key, value) VALUES ('sandbox', ?), ('created_at', ?)", arguments: [sandbox ? "1" : "0", StoreClock.format(now)])
                try AccountRepository.insert(db, administrator, passwordHash: passwordHash, isBootstrap: true, now: now)
                try AuditLog.append(db, at: now, actor: administrator.login, action: "database.init", object: "database", details: ["sandbox": sandbox ? "yes" : "no"])
                try AuditLog.append(db, at: now, actor: administrator.login, action: "user.add", object: "user:\(administrator.login)", details: ["role": "initial administrator"])
            }
            // The checkpoint signing key lives beside the database, never in it.
            try AuditKey.create(at: auditKeyPath ?? AuditKey.defaultPath(forDatabase: path))
            return store
        } catch {
            try? manager.removeItem(atPath: path)
            try? manager.removeItem(atPath: path + "-wal")
            try? manager.removeItem(atPath: path + "-shm")
            throw Store.translate(error, path: path)
        }
    }

    /// Opens an existing database, applying pending migrations.
    ///
    /// - Parameter clockOverride: a moved "now" (`LKO_NOW`); refused unless the database is a sandbox.
    /// - Parameter busyTimeout: how long a write waits for another process's write before failing
    ///   with ``StoreError/busy(path:)``.
    public static func open(
        path: String,
        clock: any WallClock = SystemWallClock(),
        clockOverride: Date? = nil,
        blockerProviders: [any AccountBlockerProvider] = [],
        busyTimeout: TimeInterval = Store.defaultBusyTimeout
    ) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.databaseMissing(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.invalidField(field: "--db", reason: Message(.fieldErrCannotRead, ["path": .text(path)]))
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header.starts(with: Array("SQLite format 3".utf8)) else { throw StoreError.notAnLKODatabase(path: path) }
        do {
            // Look through a read-only connection first: a foreign file, or one from a newer lko,
            // is left byte for byte as it was (a pool would switch it to WAL before any check).
            var lookOnly = configuration(busyTimeout: busyTimeout)
            lookOnly.readonly = true
            let look = try DatabaseQueue(path: path, configuration: lookOnly)
            try look.read { db in
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard application == Schema.applicationID else { throw StoreError.notAnLKODatabase(path: path) }
                if try Schema.migrator.hasBeenSuperseded(db) { throw StoreError.schemaTooNew(path: path) }
            }
            try look.close()
            let queue = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
            try Schema.migrator.migrate(queue)
            let isSandbox = try queue.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'sandbox'") == "1"
            }
            let probe = Store(path: path, queue: queue, clock: clock, isSandbox: isSandbox, blockerProviders: [])
            try queue.read { db in try probe.checkSandboxFlag(db) }
            var effectiveClock = clock
            if let clockOverride {
                guard isSandbox else { throw StoreError.clockOverrideRefused }
                effectiveClock = FixedWallClock(clockOverride)
            }
            return Store(path: path, queue: queue, clock: effectiveClock, isSandbox: isSandbox, blockerProviders: blockerProviders)
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    static func configuration(busyTimeout: TimeInterval = Store.defaultBusyTimeout) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            AuditRows.install(on: db)
            // In WAL mode NORMAL keeps the database consistent through any crash or kill; only
            // the last commits before a power loss may be lost, and every commit is still atomic.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// Maps SQLite failures to messages a person can act on.
    static func translate(_ error: any Error, path: String) -> any Error {
        if let databaseError = error as? DatabaseError {
            switch databaseError.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy(path: path)
            case .SQLITE_NOTADB: return StoreError.notAnLKODatabase(path: path)
            default: return error
            }
        }
        return error
    }

    /// Runs `body` in one write transaction (committed only if it returns normally).
    @discardableResult
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Store.translate(error, path: path)
        }
    }

    /// `PRAGMA integrity_check` — "ok" for a healthy file.
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    public func close() throws {
        try queue.close()
    }
}

/// Something that may forbid removing or disabling an account (the workflow: open cases; the
/// delegation layer: pending substitutions). Each returned message is one reason, for people
/// (rendered in the reader's language).
public protocol AccountBlockerProvider: Sendable {
    func blockers(for login: String, in db: Database) throws -> [Message]
}

extension Store {
    /// A cheap health probe: the database answers a read.
    public func integrityQuick() throws -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT 1") == 1 }
    }
}
