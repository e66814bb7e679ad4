import Crypto
import Foundation
import LKOMessages

/// The rows behind the audit chain. Every row lko writes in a tracked table is noted by a
/// transaction observer; the next audit entry of the transaction stores the digest of each
/// row's new content in `audit_rows` and chains a digest of that list with the entry. So an
/// edit made behind lko's back — `UPDATE cases SET assignee = …` in the sqlite3 shell — leaves
/// the row's content different from its last recorded digest, and `lko audit verify --deep`
/// names it; editing `audit_rows` instead breaks the chain.
public enum AuditRows {
    /// The tables whose rows carry state: cases and their history and answers, accounts,
    /// settings, absences, violations. (Sessions change on every request and hold only hashes
    /// of tokens; policy versions are content-addressed and checked by their own hash.)
    public static let tables: Set<String> = ["cases", "case_events", "answer_versions", "violations", "accounts", "settings", "absences"]

    /// Stores the digests of the rows written since the last entry and returns their combined
    /// digest (nil when none), for the entry `seq`.
    static func record(_ db: SQLDatabase, seq: Int64) throws -> String? {
        let changed = try db.backend.drainChangedRows()
        guard !changed.isEmpty else { return nil }
        var lines: [String] = []
        for table in changed.keys.sorted() {
            for rowID in changed[table]!.sorted() {
                let digest = try rowDigest(db, table: table, rowID: rowID)
                try db.cachedStatement(sql: "INSERT INTO audit_rows(seq, tbl, row_id, digest) VALUES (?, ?, ?, ?)").execute(arguments: [seq, table, rowID, digest])
                lines.append("\(table):\(rowID):\(digest)")
            }
        }
        return combined(lines)
    }

    static func combined(_ lines: [String]) -> String {
        hex(SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)))
    }

    /// SHA-256 of a row's columns and values in order; `deleted` for a row that is gone.
    public static func rowDigest(_ db: SQLDatabase, table: String, rowID: Int64) throws -> String {
        guard tables.contains(table) else { return "untracked" }
        guard let row = try SQLRow.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(table) WHERE \(keyColumn(table)) = ?"), arguments: [rowID]) else { return "deleted" }
        var text = ""
        // PostgreSQL keeps SQLite's implicit rowid as a column of its own; it is not content.
        for (column, value) in row where column != "rowid" {
            text += column + "\u{1F}" + value.digestText + "\u{1E}"
        }
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// The column that identifies a tracked table's rows: SQLite's rowid, which is `id` where
    /// the table has an integer key (PostgreSQL has a `rowid` column where it has none).
    static func keyColumn(_ table: String) -> String {
        table == "accounts" || table == "settings" ? "rowid" : "id"
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// A row that no longer holds what lko last wrote, or that lko never wrote.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var table: String
        public var rowID: Int64
        /// The audit entry that last recorded the row (nil: never recorded).
        public var seq: Int64?
        /// What is wrong with the row, from the catalog.
        public var problem: Message

        /// The finding for people: the table, the row, the problem and the entry that last
        /// recorded the row.
        public var message: Message {
            let finding = Message(.auditRowFinding, ["table": .text(table), "row": .text("\(rowID)"), "problem": .message(problem)])
            return seq.map { Message(.auditRowLastRecorded, ["finding": .message(finding), "seq": .text("\($0)")]) } ?? finding
        }

        /// In English: the JSON, logs.
        public var description: String { message.render(.en) }
    }

    /// `lko audit verify --deep`: recomputes every tracked row's digest and compares it with the
    /// last one the chain recorded; checks that each entry's row list still hashes to what the
    /// chain holds; names rows lko never recorded.
    public static func verifyDeep(_ db: SQLDatabase) throws -> [Finding] {
        var findings: [Finding] = []
        // 1. The row lists are the chain's.
        var lines: [Int64: [String]] = [:]
        let cursor = try SQLRow.fetchCursor(db, sql: "SELECT seq, tbl, row_id, digest FROM audit_rows ORDER BY seq, tbl, row_id")
        while let row = try cursor.next() {
            lines[row["seq"], default: []].append("\(row["tbl"] as String):\(row["row_id"] as Int64):\(row["digest"] as String)")
        }
        let chained = Dictionary(uniqueKeysWithValues: try SQLRow.fetchAll(db, sql: "SELECT seq, rows_digest FROM audit WHERE rows_digest IS NOT NULL").map { ($0["seq"] as Int64, $0["rows_digest"] as String) })
        for (seq, digest) in chained where combined(lines[seq] ?? []) != digest {
            findings.append(Finding(table: "audit_rows", rowID: seq, seq: seq, problem: Message(.auditRowDigestsEdited, ["seq": .text("\(seq)")])))
        }
        for seq in lines.keys where chained[seq] == nil {
            findings.append(Finding(table: "audit_rows", rowID: seq, seq: seq, problem: Message(.auditRowDigestsUnexpected, ["seq": .text("\(seq)")])))
        }
        // 2. Each row against its last recorded digest.
        var latest: [String: [Int64: (seq: Int64, digest: String)]] = [:]
        for row in try SQLRow.fetchAll(db, sql: "SELECT tbl, row_id, seq, digest FROM audit_rows WHERE rowid IN (SELECT MAX(rowid) FROM audit_rows GROUP BY tbl, row_id)") {
            latest[row["tbl"], default: [:]][row["row_id"]] = (row["seq"], row["digest"])
        }
        for table in tables.sorted() {
            var present = Set<Int64>()
            for rowID in try Int64.fetchAll(db, sql: "SELECT \(keyColumn(table)) FROM \(table) ORDER BY \(keyColumn(table))") {
                present.insert(rowID)
                guard let recorded = latest[table]?[rowID] else {
                    findings.append(Finding(table: table, rowID: rowID, seq: nil, problem: Message(.auditRowNotRecorded)))
                    continue
                }
                if try rowDigest(db, table: table, rowID: rowID) != recorded.digest {
                    findings.append(Finding(table: table, rowID: rowID, seq: recorded.seq, problem: Message(recorded.digest == "deleted" ? .auditRowDeletedButPresent : .auditRowEdited)))
                }
            }
            for (rowID, recorded) in latest[table] ?? [:] where !present.contains(rowID) && recorded.digest != "deleted" {
                findings.append(Finding(table: table, rowID: rowID, seq: recorded.seq, problem: Message(.auditRowDeleted)))
            }
        }
        return findings.sorted { ($0.table, $0.rowID) < ($1.table, $1.rowID) }
    }

    /// Records the rows of `table` again after a migration changed its columns: a row's digest
    /// covers every column, so an added column would otherwise make every existing row look
    /// edited behind lko's back. One `audit.baseline` entry, none for an empty table.
    static func rebaseline(_ db: SQLDatabase, table: String, reason: String) throws {
        guard tables.contains(table) else { return }
        // Rows the chain never recorded (a database before v7, or an empty chain) have no
        // digest to restart.
        guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_rows WHERE tbl = ?", arguments: [table]) ?? 0 > 0 else { return }
        let rowIDs = try Int64.fetchAll(db, sql: "SELECT \(keyColumn(table)) FROM \(table)")
        guard !rowIDs.isEmpty else { return }
        db.backend.markChanged(table: table, rowIDs: rowIDs)
        try AuditLog.append(db, at: Date(), actor: "system", action: "audit.baseline", object: "database", details: ["reason": reason])
    }

    /// Records every existing row once (the baseline of a database made before v7).
    static func baseline(_ db: SQLDatabase) throws {
        var any = false
        for table in tables.sorted() {
            let rowIDs = try Int64.fetchAll(db, sql: "SELECT \(keyColumn(table)) FROM \(table)")
            any = any || !rowIDs.isEmpty
            db.backend.markChanged(table: table, rowIDs: rowIDs)
        }
        guard any else { return }
        try AuditLog.append(db, at: Date(), actor: "system", action: "audit.baseline", object: "database", details: ["reason": "row digests start here (schema v7)"])
    }
}
