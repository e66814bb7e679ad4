import Crypto
import Foundation
import LKOMessages

/// The audit trail: append-only, hash-chained entries written in the same transaction as the
/// change they record.
///
/// Each entry's hash is SHA-256 over the previous entry's hash and this entry's canonical form
/// (`seq`, time, actor, action, object and details as sorted-key JSON), so editing, deleting,
/// inserting or reordering entries breaks the chain at the first affected entry. Details never
/// hold passwords, tokens or applicants' personal data.
public enum AuditLog {
    public static let genesisHash = String(repeating: "0", count: 64)

    public struct Entry: Codable, Sendable, Equatable, SQLRecord {
        public var seq: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var object: String
        public var details: String
        public var prevHash: String
        public var hash: String
        /// The digest of the rows this entry's change wrote (``AuditRows``), chained with the
        /// entry; nil for an entry that changed no tracked row, and for entries before v7.
        public var rowsDigest: String? = nil

        enum CodingKeys: String, CodingKey {
            case seq, at, actor, action, object, details
            case prevHash = "prev_hash"
            case hash
            case rowsDigest = "rows_digest"
        }
    }

    /// The longest detail value kept whole: reasons, comments and messages are bounded so that
    /// no sender can grow the log at will; longer text stays in the tables it belongs to.
    public static let detailLimit = 500

    /// Appends an entry. Every value that may come from outside (a login typed at the login
    /// form, a comment, a reason) is bounded and has its control characters escaped, so a
    /// printed log line cannot be forged.
    @discardableResult
    public static func append(_ db: SQLDatabase, at: Date, actor rawActor: String, action: String, object rawObject: String, details rawDetails: [String: String] = [:]) throws -> Entry {
        let actor = AuditText.bounded(rawActor)
        let object = AuditText.bounded(rawObject, limit: 200)
        let details = rawDetails.mapValues { AuditText.bounded($0, limit: detailLimit) }
        let last = try SQLRow.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
        let seq: Int64 = (last?["seq"] as Int64? ?? 0) + 1
        let previous: String = last?["hash"] ?? genesisHash
        let detailsText = canonicalJSON(details)
        let time = StoreClock.format(at)
        // The rows this transaction wrote since the last entry, each with the digest of its new
        // content: `audit verify --deep` later proves each row still holds what lko wrote.
        let rowsDigest = try AuditRows.record(db, seq: seq)
        let hash = chainHash(previous: previous, seq: seq, at: time, actor: actor, action: action, object: object, details: detailsText, rowsDigest: rowsDigest)
        // Cached: the statement is compiled once per connection, not once per entry.
        try db.cachedStatement(sql: "INSERT INTO audit(seq, at, actor, action, object, details, prev_hash, hash, rows_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [seq, time, actor, action, object, detailsText, previous, hash, rowsDigest])
        return Entry(seq: seq, at: time, actor: actor, action: action, object: object, details: detailsText, prevHash: previous, hash: hash, rowsDigest: rowsDigest)
    }

    static func chainHash(previous: String, seq: Int64, at: String, actor: String, action: String, object: String, details: String, rowsDigest: String? = nil) -> String {
        var fields = ["seq": String(seq), "at": at, "actor": actor, "action": action, "object": object, "details": details]
        if let rowsDigest { fields["rows"] = rowsDigest }
        let canonical = canonicalJSON(fields)
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

    public static func entries(_ db: SQLDatabase, filter: Filter = Filter()) throws -> [Entry] {
        var clauses: [String] = []
        var arguments: SQLArguments = []
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
            /// Why, from the catalog (people read it in their language).
            public var message: Message
            /// Why, in English: the JSON's `reason`, logs.
            public var reason: String { message.render(.en) }

            public init(seq: Int64, message: Message) {
                self.seq = seq
                self.message = message
            }
        }
    }

    public static func verify(_ db: SQLDatabase) throws -> Verification {
        var previous = genesisHash
        var expectedSeq: Int64 = 1
        var count = 0
        let cursor = try Entry.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
        while let entry = try cursor.next() {
            count += 1
            if entry.seq != expectedSeq {
                let reason = entry.seq > expectedSeq
                    ? Message(.auditBreakMissing, ["first": .text("\(expectedSeq)"), "last": .text("\(entry.seq - 1)")])
                    : Message(.auditBreakOutOfOrder, ["seq": .text("\(entry.seq)")])
                return Verification(entries: count, firstBreak: .init(seq: entry.seq, message: reason), headHash: previous)
            }
            if entry.prevHash != previous {
                return Verification(entries: count, firstBreak: .init(seq: entry.seq, message: Message(.auditBreakNotFollowing, ["previous": .text("\(entry.seq - 1)")])), headHash: previous)
            }
            let recomputed = chainHash(previous: previous, seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, object: entry.object, details: entry.details, rowsDigest: entry.rowsDigest)
            if recomputed != entry.hash {
                return Verification(entries: count, firstBreak: .init(seq: entry.seq, message: Message(.auditBreakEdited)), headHash: previous)
            }
            previous = entry.hash
            expectedSeq += 1
        }
        return Verification(entries: count, firstBreak: nil, headHash: previous)
    }
}
