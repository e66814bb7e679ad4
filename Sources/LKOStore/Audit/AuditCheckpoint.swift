import Crypto
import Foundation
import LKOMessages
#if canImport(Glibc)
import Glibc
#endif

/// A signed statement of the audit chain's head — its last entry's number and hash, and the
/// time — kept outside the database (a folder, or shipped elsewhere from standard output).
///
/// The chain alone proves that no entry was changed *relative to the entries after it*; whoever
/// can write the file can still delete the newest entries, or rewrite the whole chain with
/// recomputed hashes. A checkpoint signed with a key that is not in the database pins the head:
/// `lko audit verify --checkpoints DIR` proves that every checkpointed entry still exists
/// unchanged, so truncation, deletion and a full rewrite are all detected. Someone holding both
/// the database and the key can still forge (docs/audit.md, the threat model).
public struct AuditCheckpoint: Codable, Sendable, Equatable, Hashable {
    public var format: Int
    /// Identifies the database: the hash of its first audit entry (`database.init`).
    public var database: String
    /// The last entry covered, and its hash.
    public var seq: Int64
    public var headHash: String
    public var at: String
    /// Ed25519, base64.
    public var publicKey: String
    public var signature: String

    enum CodingKeys: String, CodingKey {
        case format, database, seq
        case headHash = "head_hash"
        case at
        case publicKey = "public_key"
        case signature
    }

    /// The bytes signed: everything but the signature, in a fixed order.
    var signedBytes: Data {
        Data("lko-audit-checkpoint\n\(format)\n\(database)\n\(seq)\n\(headHash)\n\(at)\n\(publicKey)".utf8)
    }

    public var fileName: String {
        "checkpoint-" + String(format: "%012lld", seq) + "-" + at.replacingOccurrences(of: ":", with: "") + ".json"
    }
}

/// The checkpoint signing key: a file beside the database (`lko.sqlite.audit-key`, mode 0600),
/// never inside it. Its public half is written beside it (`.pub`) for verifiers.
public enum AuditKey {
    /// Where `lko serve` writes checkpoints unless told: beside a SQLite file, or beside the key
    /// of an organization in PostgreSQL.
    public static func defaultCheckpointDirectory(forDatabase path: String) -> String {
        guard Store.isPostgresAddress(path) else { return path + ".checkpoints" }
        return String(defaultPath(forDatabase: path).dropLast(".audit-key".count)) + ".checkpoints"
    }

    /// Beside a SQLite file; for an organization in PostgreSQL, in `LKO_AUDIT_KEY_DIR` (or
    /// `~/.lko/audit-keys`), named after the database and the organization. Several servers of
    /// one region share the key file (docs/deploy.md).
    public static func defaultPath(forDatabase path: String) -> String {
        guard Store.isPostgresAddress(path), let address = try? PostgresAddress(parsing: path) else { return path + ".audit-key" }
        let environment = ProcessInfo.processInfo.environment
        let directory = environment["LKO_AUDIT_KEY_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".lko/audit-keys")
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = "\(address.host)_\(address.port)_\(address.database)_\(address.organization).audit-key"
        return (directory as NSString).appendingPathComponent(name)
    }

    /// Creates a new key (replacing one left from a removed database at the same path).
    @discardableResult
    public static func create(at path: String) throws -> Curve25519.Signing.PrivateKey {
        let key = Curve25519.Signing.PrivateKey()
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data((key.rawRepresentation.base64EncodedString() + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.invalidField(field: "audit key", reason: Message(.fieldErrCannotWrite, ["path": .text(path)]))
        }
        guard rename(temporary, path) == 0 else { throw StoreError.invalidField(field: "audit key", reason: Message(.fieldErrCannotWrite, ["path": .text(path)])) }
        let publicText = key.publicKey.rawRepresentation.base64EncodedString() + "\n"
        _ = FileManager.default.createFile(atPath: path + ".pub", contents: Data(publicText.utf8), attributes: [.posixPermissions: 0o644])
        return key
    }

    public static func load(at path: String) throws -> Curve25519.Signing.PrivateKey {
        guard let data = FileManager.default.contents(atPath: path),
              let raw = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw StoreError.invalidField(field: "audit key", reason: Message(.fieldErrNoSigningKey, ["path": .text(path)]))
        }
        return key
    }

    /// The public key to trust: the `.pub` file, else the private key's half.
    public static func publicKey(at path: String) throws -> Curve25519.Signing.PublicKey {
        if let data = FileManager.default.contents(atPath: path + ".pub"),
           let raw = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
           let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) {
            return key
        }
        return try load(at: path).publicKey
    }
}

extension Store {
    /// The identity of this database for checkpoints: the hash of its first audit entry.
    func databaseIdentity(_ db: SQLDatabase) throws -> String {
        try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE seq = 1") ?? "unknown"
    }

    /// Signs the chain's current head. With `directory`, writes it there atomically (a kill at
    /// any moment leaves the old checkpoints and either no new file or the whole new one).
    public func checkpoint(keyPath: String, directory: String?) throws -> AuditCheckpoint {
        let key = try AuditKey.load(at: keyPath)
        let (identity, head) = try read { db -> (String, SQLRow?) in
            (try databaseIdentity(db), try SQLRow.fetchOne(db, sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
        }
        guard let head else { throw StoreError.invalidField(field: "audit", reason: Message(.fieldErrAuditEmpty)) }
        var checkpoint = AuditCheckpoint(format: 1, database: identity, seq: head["seq"], headHash: head["hash"], at: StoreClock.format(clock.now()),
                                         publicKey: key.publicKey.rawRepresentation.base64EncodedString(), signature: "")
        checkpoint.signature = try key.signature(for: checkpoint.signedBytes).base64EncodedString()
        if let directory {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(checkpoint)
            let final = (directory as NSString).appendingPathComponent(checkpoint.fileName)
            let temporary = final + ".partial"
            let handle = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard handle >= 0 else { throw StoreError.invalidField(field: "checkpoint", reason: Message(.fieldErrCannotWriteInto, ["path": .text(directory)])) }
            let written = data.withUnsafeBytes { Glibc.write(handle, $0.baseAddress, $0.count) }
            fsync(handle)
            Glibc.close(handle)
            guard written == data.count, rename(temporary, final) == 0 else {
                unlink(temporary)
                throw StoreError.invalidField(field: "checkpoint", reason: Message(.fieldErrCannotWriteInto, ["path": .text(directory)]))
            }
            let folder = Glibc.open(directory, O_RDONLY)
            if folder >= 0 { fsync(folder); Glibc.close(folder) }
        }
        return checkpoint
    }

    public struct CheckpointVerification: Sendable, Equatable {
        public var checkpoints: Int
        /// The newest entry a valid checkpoint proves.
        public var provenThrough: Int64?
        public var entries: Int64
        /// What is wrong, from the catalog (people read it in their language).
        public var problemTexts: [Message]
        /// What is wrong, in English: the JSON, logs.
        public var problems: [String] { problemTexts.map { $0.render(.en) } }
    }

    /// Proves every checkpointed entry still exists unchanged. Files that are not checkpoints
    /// (or half-written `.partial` files) are skipped; a bad signature is a problem.
    public func verifyCheckpoints(directory: String, publicKey: Curve25519.Signing.PublicKey) throws -> CheckpointVerification {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasPrefix("checkpoint-") && $0.hasSuffix(".json") }.sorted()
        var result = CheckpointVerification(checkpoints: 0, provenThrough: nil, entries: 0, problemTexts: [])
        try read { db in
            let identity = try databaseIdentity(db)
            result.entries = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM audit") ?? 0
            for name in names {
                let path = (directory as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path), let checkpoint = try? JSONDecoder().decode(AuditCheckpoint.self, from: data) else {
                    result.problemTexts.append(Message(.auditCpUnreadable, ["file": .text(name)]))
                    continue
                }
                guard checkpoint.publicKey == publicKey.rawRepresentation.base64EncodedString(),
                      let signature = Data(base64Encoded: checkpoint.signature), publicKey.isValidSignature(signature, for: checkpoint.signedBytes) else {
                    result.problemTexts.append(Message(.auditCpBadSignature, ["file": .text(name)]))
                    continue
                }
                guard checkpoint.database == identity else {
                    result.problemTexts.append(Message(.auditCpOtherDatabase, ["file": .text(name)]))
                    continue
                }
                result.checkpoints += 1
                guard let hash = try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE seq = ?", arguments: [checkpoint.seq]) else {
                    let entries = Int(result.entries)
                    result.problemTexts.append(Message(.auditCpEntryMissing, ["seq": .text("\(checkpoint.seq)"), "at": .text(StoreClock.text(checkpoint.at)),
                                                                             "entries": .pair(ru: Messages.count(entries, .entry, in: .ru), en: Messages.count(entries, .entry, in: .en))]))
                    continue
                }
                guard hash == checkpoint.headHash else {
                    result.problemTexts.append(Message(.auditCpEntryChanged, ["seq": .text("\(checkpoint.seq)"), "at": .text(StoreClock.text(checkpoint.at))]))
                    continue
                }
                result.provenThrough = max(result.provenThrough ?? 0, checkpoint.seq)
            }
        }
        return result
    }

    /// Refuses a database whose sandbox flag no longer holds what lko wrote at `init` — someone
    /// flipped it to re-enable `LKO_NOW` on a production database.
    func checkSandboxFlag(_ db: SQLDatabase) throws {
        guard try db.tableExists("audit_rows"),
              let rowID = try Int64.fetchOne(db, sql: "SELECT rowid FROM settings WHERE key = 'sandbox'") else { return }
        guard let recorded = try String.fetchOne(db, sql: "SELECT digest FROM audit_rows WHERE tbl = 'settings' AND row_id = ? ORDER BY seq DESC LIMIT 1", arguments: [rowID]) else { return }
        if try AuditRows.rowDigest(db, table: "settings", rowID: rowID) != recorded {
            throw StoreError.tampered(path: path)
        }
    }
}
