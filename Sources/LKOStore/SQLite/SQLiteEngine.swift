import Foundation
import GRDB
import LKOMessages

/// The embedded default: one SQLite file (WAL, foreign keys on, mode 0600) for one
/// organization on one machine. GRDB's pool gives one writer beside concurrent readers.
final class SQLiteEngine: StoreEngine {
    let path: String
    /// A pool when opened; the queue that created the file when made by ``create(path:)``.
    let writer: any DatabaseWriter

    var dialect: SQLDialect { .sqlite }
    var displayAddress: String { path }

    private init(path: String, writer: any DatabaseWriter) {
        self.path = path
        self.writer = writer
    }

    /// A new file, owner-only from its first byte, with the schema. Refuses to touch an existing file.
    static func create(path: String) throws -> SQLiteEngine {
        let manager = FileManager.default
        for candidate in [path, path + "-wal", path + "-shm"] where manager.fileExists(atPath: candidate) {
            throw StoreError.databaseExists(path: candidate)
        }
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
            return SQLiteEngine(path: path, writer: queue)
        } catch {
            removeFiles(path)
            throw translate(error, path: path)
        }
    }

    static func removeFiles(_ path: String) {
        for candidate in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: candidate) }
    }

    /// Opens an existing file, applying pending migrations; refuses foreign files and files
    /// from a newer lko without changing a byte.
    static func open(path: String, busyTimeout: TimeInterval) throws -> SQLiteEngine {
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
            let pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
            try Schema.migrator.migrate(pool)
            return SQLiteEngine(path: path, writer: pool)
        } catch {
            throw translate(error, path: path)
        }
    }

    static func configuration(busyTimeout: TimeInterval = Store.defaultBusyTimeout) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            SQLiteRowTracker.install(on: db)
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

    /// Whether a failure was the disk filling up.
    static func isDiskFull(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_FULL
    }

    func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        do {
            return try writer.write { db in try body(SQLDatabase(backend: SQLiteConnection(db))) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        do {
            return try writer.read { db in try body(SQLDatabase(backend: SQLiteConnection(db))) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    func integrityCheck() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    func close() throws {
        try writer.close()
    }

    /// Copies the file with SQLite's online backup API: a consistent snapshot even while other
    /// connections write. Returns the copy's page count and integrity check.
    func backup(to destination: String) throws -> (pages: Int, integrity: String) {
        let target = try DatabaseQueue(path: destination)
        try writer.backup(to: target)
        let result = try target.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?")
        }
        try target.close()
        return result
    }
}
