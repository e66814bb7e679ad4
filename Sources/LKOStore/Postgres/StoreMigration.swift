import Crypto
import Foundation
import LKOMessages

/// `lko migrate`: moves one municipality's SQLite database into its organization in the
/// regional PostgreSQL database, and proves the copy.
///
/// Everything happens in one PostgreSQL transaction: the organization's schema is created, every
/// table is copied row by row with its ids, and the copy is checked before the commit — equal
/// row counts, equal digests of every table's rows, the audit chain verifying to the same head,
/// and `audit verify --deep` finding nothing (each row still holds what the chain recorded). A
/// check that fails rolls everything back: the region is left as it was.
public enum StoreMigration {
    /// The tables copied, parents before children. Sessions are not copied: people sign in again.
    public static let tables = [
        "settings", "accounts", "policy_versions", "activations", "audit", "cases", "case_events",
        "absences", "answer_versions", "violations", "audit_rows", "access_reviews",
        "pos_snapshots", "pos_rows", "pos_events", "pos_applied",
    ]
    /// Tables whose SQLite rows are keyed by the implicit rowid, which is copied too (the row
    /// audit names rows by it).
    static let rowidTables: Set<String> = ["settings", "accounts", "audit_rows"]

    public struct TableReport: Sendable, Equatable, Codable {
        public var table: String
        public var rows: Int
        /// SHA-256 over the table's rows (columns and values, in key order), the same on both sides.
        public var digest: String
    }

    public struct Report: Sendable, Equatable, Codable {
        public var source: String
        public var target: String
        public var tables: [TableReport]
        public var auditEntries: Int
        /// The audit chain's last hash, equal on both sides.
        public var auditHead: String
        /// Where the checkpoint signing key was copied (nil: the source had none).
        public var auditKey: String?

        enum CodingKeys: String, CodingKey {
            case source, target, tables
            case auditEntries = "audit_entries"
            case auditHead = "audit_head"
            case auditKey = "audit_key"
        }
    }

    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// The source's own record does not verify: it is not moved until that is understood.
        case sourceDoesNotVerify(String)
        /// The copy differs from the source (the transaction was rolled back).
        case copyDiffers(table: String, what: String)

        public var message: Message {
            switch self {
            case .sourceDoesNotVerify(let reason): Message(.migrateSourceBroken, ["reason": .text(reason)])
            case .copyDiffers(let table, let what): Message(.migrateCopyDiffers, ["table": .text(table), "what": .text(what)])
            }
        }

        public var description: String { message.render(.en) }
    }

    /// Copies `source` (a SQLite file) into the organization named by `target` (a `postgres://`
    /// address). Refuses when the organization exists already.
    public static func run(from source: String, to target: String) throws -> Report {
        guard !Store.isPostgresAddress(source) else {
            throw StoreError.invalidField(field: "--from", reason: Message(.migrateFromNotSQLite))
        }
        guard Store.isPostgresAddress(target) else {
            throw StoreError.invalidField(field: "--to", reason: Message(.migrateToNotPostgres))
        }
        let from = try SQLiteEngine.open(path: source, busyTimeout: Store.defaultBusyTimeout)
        defer { try? from.close() }

        // The source first: its chain and rows must verify, or there is nothing to prove.
        let (sourceTables, sourceChain) = try from.read { db -> ([TableReport], AuditLog.Verification) in
            let chain = try AuditLog.verify(db)
            if let broken = chain.firstBreak {
                throw Failure.sourceDoesNotVerify("seq \(broken.seq): \(broken.reason)")
            }
            if let finding = try AuditRows.verifyDeep(db).first {
                throw Failure.sourceDoesNotVerify(finding.description)
            }
            return (try tables.compactMap { try tableReport(db, $0) }, chain)
        }

        let address = try PostgresAddress(parsing: target)
        let to = try PostgresEngine.create(address: target)
        var created = true
        defer {
            try? to.close()
            if !created { _ = try? PostgresEngine.withForeignTransaction(address: target) { db in try db.execute(sql: "DROP SCHEMA IF EXISTS \(address.schema) CASCADE") } }
        }
        do {
            try PostgresEngine.withForeignTransaction(address: target) { db in
                try db.execute(sql: "SELECT pg_advisory_xact_lock(hashtext(?))", arguments: [address.schema])
                try from.read { sqlite in
                    for table in tables where try sqlite.tableExists(table) {
                        try copy(table, from: sqlite, to: db)
                    }
                }
                for statement in PostgresSchema.resetIdentities(schema: address.schema) { _ = try db.rows(sql: statement) }
                // The proof, before the commit.
                for expected in sourceTables {
                    guard let copied = try tableReport(db, expected.table) else { throw Failure.copyDiffers(table: expected.table, what: "missing") }
                    if copied.rows != expected.rows { throw Failure.copyDiffers(table: expected.table, what: "\(copied.rows) rows, not \(expected.rows)") }
                    if copied.digest != expected.digest { throw Failure.copyDiffers(table: expected.table, what: "row digest") }
                }
                let chain = try AuditLog.verify(db)
                guard chain.firstBreak == nil, chain.headHash == sourceChain.headHash, chain.entries == sourceChain.entries else {
                    throw Failure.copyDiffers(table: "audit", what: "chain")
                }
                if let finding = try AuditRows.verifyDeep(db).first { throw Failure.copyDiffers(table: finding.table, what: finding.description) }
            }
        } catch {
            created = false
            throw error
        }

        // The checkpoint key goes with the database (the copy keeps its own file, 0600).
        var keyPath: String? = nil
        let sourceKey = AuditKey.defaultPath(forDatabase: source)
        let targetKey = AuditKey.defaultPath(forDatabase: address.display)
        if FileManager.default.fileExists(atPath: sourceKey) {
            if !FileManager.default.fileExists(atPath: targetKey) {
                let previousMask = umask(0o077)
                defer { umask(previousMask) }
                try FileManager.default.copyItem(atPath: sourceKey, toPath: targetKey)
            }
            keyPath = targetKey
        }
        return Report(source: source, target: address.display, tables: sourceTables, auditEntries: sourceChain.entries, auditHead: sourceChain.headHash, auditKey: keyPath)
    }

    private static func selectAll(_ table: String, dialect: SQLDialect) -> String {
        let key = keyColumn(table)
        // SQLite's implicit rowid is not in `*`; PostgreSQL's rowid column is.
        let columns = rowidTables.contains(table) && dialect == .sqlite ? "rowid AS rowid, *" : "*"
        return "SELECT \(columns) FROM \(table) ORDER BY \(key)"
    }

    private static func keyColumn(_ table: String) -> String {
        switch table {
        case "audit": return "seq"
        case "pos_rows": return "snapshot_id, pos_number"
        default: return rowidTables.contains(table) ? "rowid" : "id"
        }
    }

    private static func copy(_ table: String, from source: SQLDatabase, to target: SQLDatabase) throws {
        var statement: String? = nil
        for row in try source.rows(sql: selectAll(table, dialect: .sqlite)) {
            if statement == nil {
                let placeholders = Array(repeating: "?", count: row.columnNames.count).joined(separator: ", ")
                statement = "INSERT INTO \(table)(\(row.columnNames.joined(separator: ", "))) VALUES (\(placeholders))"
            }
            try target.cachedStatement(sql: statement!).execute(arguments: SQLArguments(row.values))
        }
    }

    /// The table's row count and a digest of its rows: each row as its columns (sorted by name)
    /// and values in the digest form of ``AuditRows``, rows in key order.
    static func tableReport(_ db: SQLDatabase, _ table: String) throws -> TableReport? {
        guard try db.tableExists(table) else { return nil }
        var hasher = SHA256()
        var count = 0
        for row in try db.rows(sql: selectAll(table, dialect: db.dialect)) {
            count += 1
            let pairs = zip(row.columnNames, row.values).sorted { $0.0 < $1.0 }
            var text = ""
            for (column, value) in pairs { text += column + "\u{1F}" + value.digestText + "\u{1E}" }
            hasher.update(data: Data((text + "\n").utf8))
        }
        return TableReport(table: table, rows: count, digest: AuditRows.hex(hasher.finalize()))
    }
}
