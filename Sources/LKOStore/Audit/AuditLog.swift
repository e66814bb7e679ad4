import Crypto
import Foundation
import GRDB

/// The audit trail: append-only, hash-chained entries written in the same transaction as the
/// change they record.
///
/// Each entry's hash is SHA-256 over the previous entry's hash and this entry's canonical form
/// (`seq`, time, actor, action, object and details as sorted-key JSON), so editing, deleting,
/// inserting or reordering entries breaks the chain at the first affected entry. Details never
/// hold passwords, tokens or applicants' personal data.
public enum AuditLog {
    public static let genesisHash = String(repeating: "0", count: 64)

    public struct Entry: Codable, Sendable, Equatable, FetchableRecord {
        public var seq: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var object: String
        public var details: String
        public var prevHash: String
        public var hash: String

        enum CodingKeys: String, CodingKey {
            case seq, at, actor, action, object, details
            case prevHash = "prev_hash"
            case hash
        }
    }

    @discardableResult
    public static func append(_ db: Database, at: Date, actor: String, action: String, object: String, details: [String: String] = [:]) throws -> Entry {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
        let seq: Int64 = (last?["seq"] as Int64? ?? 0) + 1
        let previous: String = last?["hash"] ?? genesisHash
        let detailsText = canonicalJSON(details)
        let time = StoreClock.format(at)
        let hash = chainHash(previous: previous, seq: seq, at: time, actor: actor, action: action, object: object, details: detailsText)
        // Cached: the statement is compiled once per connection, not once per entry.
        try db.cachedStatement(sql: "INSERT INTO audit(seq, at, actor, action, object, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [seq, time, actor, action, object, detailsText, previous, hash])
        return Entry(seq: seq, at: time, actor: actor, action: action, object: object, details: detailsText, prevHash: previous, hash: hash)
    }

    static func chainHash(previous: String, seq: Int64, at: String, actor: String, action: String, object: String, details: String) -> String {
        let canonical = canonicalJSON(["seq": String(seq), "at": at, "actor": actor, "action": action, "object": object, "details": details])
        let digest = SHA256.hash(data: Data((previous + "\n" + canonical).utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Sorted keys, no whitespace, every value a string: one byte sequence per content.
    static func canonicalJSON(_ values: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(values)) ?? Data("{}".utf8), as: UTF8.self)
    }

    public struct Filter: Sendable {
        public var since: String?
        public var actor: String?
        public var object: String?
        public var limit: Int?

        public init(since: String? = nil, actor: String? = nil, object: String? = nil, limit: Int? = nil) {
            self.since = since
            self.actor = actor
            self.object = object
            self.limit = limit
        }
    }

    public static func entries(_ db: Database, filter: Filter = Filter()) throws -> [Entry] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since = filter.since { clauses.append("at >= ?"); arguments += [since] }
        if let actor = filter.actor { clauses.append("actor = ?"); arguments += [actor] }
        if let object = filter.object { clauses.append("(object = ? OR object LIKE ?)"); arguments += [object, object + ":%"] }
        var sql = "SELECT * FROM audit"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY seq"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return try Entry.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// The result of checking the whole chain.
    public struct Verification: Sendable, Equatable {
        public var entries: Int
        /// The first entry where the chain breaks, and why; nil when intact.
        public var firstBreak: Break?
        /// The hash of the last entry: record it elsewhere to detect a rewrite of the whole chain.
        public var headHash: String

        public struct Break: Sendable, Equatable {
            public var seq: Int64
            public var reason: String
        }
    }

    public static func verify(_ db: Database) throws -> Verification {
        var previous = genesisHash
        var expectedSeq: Int64 = 1
        var count = 0
        let cursor = try Entry.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
        while let entry = try cursor.next() {
            count += 1
            if entry.seq != expectedSeq {
                let reason = entry.seq > expectedSeq
                    ? "entries \(expectedSeq)…\(entry.seq - 1) are missing (deleted)"
                    : "sequence number \(entry.seq) is out of order"
                return Verification(entries: count, firstBreak: .init(seq: entry.seq, reason: reason), headHash: previous)
            }
            if entry.prevHash != previous {
                return Verification(entries: count, firstBreak: .init(seq: entry.seq, reason: "it does not follow entry \(entry.seq - 1) (an entry before it was deleted, inserted or reordered)"), headHash: previous)
            }
            let recomputed = chainHash(previous: previous, seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, object: entry.object, details: entry.details)
            if recomputed != entry.hash {
                return Verification(entries: count, firstBreak: .init(seq: entry.seq, reason: "its content was edited (the hash does not match)"), headHash: previous)
            }
            previous = entry.hash
            expectedSeq += 1
        }
        return Verification(entries: count, firstBreak: nil, headHash: previous)
    }
}
