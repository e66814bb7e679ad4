import Foundation
import LKOMessages
import Logging
import NIOCore
import PostgresNIO

/// A region's database: many organizations in one PostgreSQL database, each in its own schema
/// (`lko_ID`), served by one or several lko servers at once.
///
/// Writes to one organization are serialized across every server by a transaction-scoped
/// advisory lock on the organization's schema: the audit chain stays one linear chain, and a
/// check made in a transaction (is the case still in this state, with this assignee?) still
/// holds when the transaction commits, as with SQLite's single writer. Reads run in
/// repeatable-read snapshots beside the writer.
final class PostgresEngine: StoreEngine, @unchecked Sendable {
    let address: PostgresAddress
    let busyTimeout: TimeInterval
    private let pool: PostgresConnectionPool
    private let logger = Logger(label: "lko.postgres")

    var dialect: SQLDialect { .postgres }
    var displayAddress: String { address.display }

    private init(address: PostgresAddress, busyTimeout: TimeInterval) {
        self.address = address
        self.busyTimeout = busyTimeout
        pool = PostgresConnectionPool(address: address, logger: logger, leaseTimeout: busyTimeout)
    }

    /// Creates the organization's schema and tables; refuses when the organization exists.
    static func create(address text: String) throws -> PostgresEngine {
        let engine = PostgresEngine(address: try PostgresAddress(parsing: text), busyTimeout: Store.defaultBusyTimeout)
        do {
            try engine.transaction(lockKey: "lko.create") { db in
                if try engine.schemaExists(db) { throw StoreError.databaseExists(path: engine.displayAddress) }
                for statement in PostgresSchema.statements(schema: engine.address.schema) {
                    try db.execute(sql: statement)
                }
            }
        } catch {
            try? engine.close()
            throw error
        }
        return engine
    }

    /// Opens an organization's schema; refuses a missing one and one made by a newer lko.
    static func open(address text: String, busyTimeout: TimeInterval) throws -> PostgresEngine {
        let engine = PostgresEngine(address: try PostgresAddress(parsing: text), busyTimeout: busyTimeout)
        do {
            try engine.read { db in
                guard try engine.schemaExists(db) else { throw StoreError.databaseMissing(path: engine.displayAddress) }
                let version = try String.fetchOne(db, sql: "SELECT version FROM \(engine.address.schema).lko_schema")
                guard version == PostgresSchema.version else { throw StoreError.schemaTooNew(path: engine.displayAddress) }
            }
        } catch {
            try? engine.close()
            throw error
        }
        return engine
    }

    private func schemaExists(_ db: SQLDatabase) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?", arguments: [address.schema]) ?? 0 > 0
    }

    /// Removes the organization's schema (a `create` that failed half-way: nothing is left).
    func dropOrganization() throws {
        try transaction(lockKey: address.schema) { db in
            try db.execute(sql: "DROP SCHEMA IF EXISTS \(address.schema) CASCADE")
        }
    }

    func write<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        try transaction(lockKey: address.schema, tracking: true) { db in
            let result = try body(db)
            // Rows written after the last audit entry of the transaction are not recorded
            // (as on SQLite, where the tracker forgets them at commit). Sent with the COMMIT.
            if let backend = db.backend as? PostgresConnectionBackend {
                _ = backend.send("DELETE FROM audit_pending")
            } else {
                try db.execute(sql: "DELETE FROM audit_pending")
            }
            return result
        }
    }

    /// A read that meets a broken connection (a restart, a failover) is read again on a new
    /// one, for up to the busy timeout: reading twice changes nothing, and a request whose write
    /// committed must not fail on the read that follows it.
    func read<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try readOnce(body)
            } catch StoreError.databaseUnavailable where Date() < deadline {
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    private func readOnce<T>(_ body: (SQLDatabase) throws -> T) throws -> T {
        try pool.withConnection { backend in
            // BEGIN and COMMIT travel with the statements (a read-only transaction's COMMIT
            // cannot fail in a way the reader must hear of): one round trip per statement.
            let begin = backend.send("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let result = try body(SQLDatabase(backend: backend))
                try backend.awaitAnswer(begin)
                _ = backend.send("COMMIT")
                return result
            } catch {
                backend.rollback(after: error, begin: begin)
                throw error
            }
        }
    }

    /// One write transaction holding the advisory lock named by `lockKey` until it ends;
    /// `tracking`: the row audit's triggers note what it writes.
    private func transaction<T>(lockKey: String, tracking: Bool = false, _ body: (SQLDatabase) throws -> T) throws -> T {
        try pool.withConnection { backend in
            let begin = backend.send("BEGIN")
            do {
                let milliseconds = max(1, Int(busyTimeout * 1000))
                // One round trip: the lock wait's limit, the row audit's mark (lko's own
                // transaction), then the organization's write lock.
                // (A materialized CTE: the settings are made before the lock is waited for.)
                // The transaction's id comes back too: if the answer to COMMIT is lost, the
                // server is asked what became of it.
                let preamble = try backend.rows(sql: "WITH settings AS MATERIALIZED (SELECT set_config('lock_timeout', ?, true), set_config('lko.tracking', ?, true)) SELECT pg_advisory_xact_lock(hashtext(?)), txid_current() AS txid FROM settings",
                                                arguments: ["\(milliseconds)", tracking ? "on" : "off", lockKey], cached: true)
                let txid: Int64? = preamble.first?["txid"]
                let result = try body(SQLDatabase(backend: backend))
                try backend.awaitAnswer(begin)
                let commit: PostgresQueryResult
                do {
                    commit = try backend.run("COMMIT", [])
                } catch let failure as PostgresFailure where failure.isConnectionFailure {
                    guard let txid, try committed(txid) else { throw failure }
                    return result
                }
                // A transaction in which any statement failed answers COMMIT with ROLLBACK, not
                // an error: that must never pass for a commit.
                guard commit.metadata.command == "COMMIT" else { throw PostgresEngineError.rolledBack }
                return result
            } catch {
                backend.rollback(after: error, begin: begin)
                // 55P03: the lock wait ran out; 40P01: a deadlock PostgreSQL broke by failing us.
                if let failure = error as? PostgresFailure, failure.sqlState == "55P03" || failure.sqlState == "40P01" {
                    throw StoreError.busy(path: displayAddress)
                }
                throw error
            }
        }
    }

    /// Whether a transaction whose COMMIT went unanswered (the connection broke) committed: asks
    /// the server (`txid_status`) on a new connection, for up to 20 s while it comes back.
    /// Unknown after that: ``StoreError/commitOutcomeUnknown(address:)``, never a guess.
    private func committed(_ txid: Int64) throws -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let status = try? pool.withConnection { backend in
                try String.fetchOne(SQLDatabase(backend: backend), sql: "SELECT txid_status(?)", arguments: [txid])
            }
            switch status {
            case "committed": return true
            case "aborted": return false
            default: Thread.sleep(forTimeInterval: 0.25)
            }
        }
        throw StoreError.commitOutcomeUnknown(address: displayAddress)
    }

    /// Runs `body` in a transaction that is not lko's: no advisory lock, no row audit — what an
    /// edit made with psql looks like (the tamper tests; `lko migrate` checks its copy this way).
    static func withForeignTransaction<T>(address text: String, _ body: (SQLDatabase) throws -> T) throws -> T {
        let engine = PostgresEngine(address: try PostgresAddress(parsing: text), busyTimeout: Store.defaultBusyTimeout)
        defer { try? engine.close() }
        return try engine.pool.withConnection { backend in
            try backend.execute(sql: "BEGIN", arguments: [], cached: false)
            do {
                let result = try body(SQLDatabase(backend: backend))
                try backend.execute(sql: "COMMIT", arguments: [], cached: false)
                return result
            } catch {
                try? backend.execute(sql: "ROLLBACK", arguments: [], cached: false)
                throw error
            }
        }
    }

    func integrityCheck() throws -> [String] {
        // PostgreSQL checks its pages itself (checksums, WAL); what lko can check is that every
        // table answers.
        try read { db in
            for table in ["settings", "accounts", "cases", "audit", "audit_rows"] {
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")
            }
            return ["ok"]
        }
    }

    func close() throws {
        pool.closeAll()
    }

    /// Server errors keep their SQLSTATE; a lost or refused connection becomes
    /// ``StoreError/databaseUnavailable(address:)``.
    static func translate(_ error: any Error) -> any Error {
        guard let psql = error as? PSQLError else { return error }
        if psql.code == .server, let info = psql.serverInfo {
            return PostgresFailure(sqlState: info[.sqlState] ?? "", message: info[.message] ?? "", detail: info[.detail])
        }
        return PostgresFailure(sqlState: "08000", message: "\(psql.code)", detail: nil)
    }

    static func isDiskFull(_ error: any Error) -> Bool {
        (error as? PostgresFailure)?.sqlState == "53100"
    }
}

/// A failure reported by PostgreSQL (SQLSTATE and message) or by the connection to it (class 08).
public struct PostgresFailure: Error, CustomStringConvertible, Sendable {
    public var sqlState: String
    public var message: String
    public var detail: String?

    /// The connection was lost or could not be made: the request fails, nothing of it stays.
    public var isConnectionFailure: Bool { sqlState.hasPrefix("08") || sqlState.hasPrefix("57P") }

    public var description: String {
        "PostgreSQL \(sqlState): \(message)" + (detail.map { " (\($0))" } ?? "")
    }
}

enum PostgresEngineError: Error, CustomStringConvertible {
    case noInsertedID(sql: String)
    /// PostgreSQL rolled the transaction back at COMMIT (a statement in it had failed).
    case rolledBack

    var description: String {
        switch self {
        case .noInsertedID(let sql): return "the insert returned no id: \(sql)"
        case .rolledBack: return "the transaction was rolled back at commit (a statement in it failed); nothing was changed"
        }
    }
}
