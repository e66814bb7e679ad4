import Crypto
import Foundation
import LKOCompiler

/// Where an applied policy came from: the git commit, and whether the working tree was clean.
public struct PolicyProvenance: Sendable, Codable, Equatable {
    public var commit: String
    public var clean: Bool

    public init(commit: String, clean: Bool) {
        self.commit = commit
        self.clean = clean
    }
}

/// A recorded access review (`lko access review --record`): the matrix as JSON, its digest.
public struct RecordedAccessReview: Sendable, Codable, Equatable {
    public var id: Int64
    public var onDay: String
    public var policyVersion: String
    public var matrix: String
    public var digest: String
    public var recordedBy: String
    public var recordedAt: String
}

extension Store {
    /// Whether `login` is a removed account kept as a tombstone.
    public static func isTombstone(_ db: SQLDatabase, _ login: String) throws -> Bool {
        try String.fetchOne(db, sql: "SELECT removed_at FROM accounts WHERE login = ?", arguments: [login]) != nil
    }

    /// login → `active`, `disabled` or `removed` (a tombstone), for every account.
    public func accountStatuses() throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            for row in try SQLRow.fetchAll(db, sql: "SELECT login, status, removed_at FROM accounts") {
                result[row["login"]] = (row["removed_at"] as String?) != nil ? "removed" : row["status"]
            }
            return result
        }
    }

    /// The logins of removed accounts (tombstones).
    public func tombstones() throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT login FROM accounts WHERE removed_at IS NOT NULL")) }
    }

    /// Records an access review (needs `manage_users` or `view_audit`), audited.
    public func recordAccessReview(matrixJSON: String, onDay: String, policyVersion: String, by actor: Account) throws -> RecordedAccessReview {
        let day = try activePolicy().map { today(policy: $0.policy) }
        if let policy = try activePolicy()?.policy, let day,
           !policy.decide(login: actor.login, action: .manageUsers, node: nil, assignee: nil, on: day),
           !policy.decide(login: actor.login, action: .viewAudit, node: nil, assignee: nil, on: day) {
            try authorize(actor, .manageUsers)
        }
        let digest = "sha256:" + SHA256.hash(data: Data(matrixJSON.utf8)).map { String(format: "%02x", $0) }.joined()
        return try write { db in
            let now = clock.now()
            let id = try db.insert(sql: "INSERT INTO access_reviews(on_day, policy_version, matrix, digest, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [onDay, policyVersion, matrixJSON, digest, actor.login, StoreClock.format(now)])
            try AuditLog.append(db, at: now, actor: actor.login, action: "access.review", object: "access_review:\(id)", details: ["day": onDay, "policy": policyVersion, "digest": digest])
            return RecordedAccessReview(id: id, onDay: onDay, policyVersion: policyVersion, matrix: matrixJSON, digest: digest, recordedBy: actor.login, recordedAt: StoreClock.format(now))
        }
    }

    /// The last recorded access review, if any.
    public func lastAccessReview() throws -> RecordedAccessReview? {
        try read { db in
            guard let row = try SQLRow.fetchOne(db, sql: "SELECT * FROM access_reviews ORDER BY id DESC LIMIT 1") else { return nil }
            return RecordedAccessReview(id: row["id"], onDay: row["on_day"], policyVersion: row["policy_version"], matrix: row["matrix"], digest: row["digest"], recordedBy: row["recorded_by"], recordedAt: row["recorded_at"])
        }
    }
}
