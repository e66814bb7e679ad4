import Foundation
import LKOCalendar
import LKOCompiler
import LKOMessages

/// The policy version in force, with its compiled tables ready for decisions.
public struct ActivePolicy: Sendable {
    public var versionID: Int64
    public var version: String
    public var activationID: Int64
    public var policy: CompiledPolicy
}

extension Store {
    /// The active policy, or nil before the first `lko apply`.
    public func activePolicy() throws -> ActivePolicy? {
        try read { db in try Store.activePolicy(db, cache: activeCache) }
    }

    /// The active policy as of `db`. Decoding and indexing a large policy takes a noticeable
    /// fraction of a second, so the compiled result is kept per activation: a later call that
    /// finds the same activation active reuses it.
    static func activePolicy(_ db: SQLDatabase, cache: ActivePolicyCache? = nil) throws -> ActivePolicy? {
        guard let head = try SQLRow.fetchOne(db, sql: "SELECT id, version_id FROM activations ORDER BY id DESC LIMIT 1") else { return nil }
        let activationID: Int64 = head["id"]
        if let cached = cache?.value, cached.activationID == activationID { return cached }
        guard let row = try SQLRow.fetchOne(db, sql: "SELECT version, tables FROM policy_versions WHERE id = ?", arguments: [head["version_id"] as Int64]) else { return nil }
        let active = ActivePolicy(versionID: head["version_id"], version: row["version"], activationID: activationID, policy: try CompiledPolicy(tables: decodeTables(row["tables"])))
        cache?.value = active
        return active
    }

    /// Stored tables (without their derived rows) back to full tables.
    static func decodeTables(_ text: String) throws -> PolicyTables {
        try TablesJSON.decode(Data(text.utf8)).withDerivedRows()
    }

    /// Today in the organization's time zone (of the active policy; Moscow before one exists).
    public func today(policy: CompiledPolicy? = nil) -> CalendarDate {
        StoreClock.day(of: clock.now(), in: policy?.tables.organization.timeZone ?? "Europe/Moscow")
    }

    /// Checks that `actor` may perform an administrative `action` under the active policy —
    /// or, before any policy is applied, that `actor` is the account made by `lko init`.
    /// A denial is audited and thrown with the same explanation `lko explain` gives.
    public func authorize(_ actor: Account, _ action: Action) throws {
        let active = try activePolicy()
        if let active {
            let day = today(policy: active.policy)
            if active.policy.decide(login: actor.login, action: action, node: nil, assignee: nil, on: day) { return }
            let explanation = active.policy.explain(login: actor.login, action: action, node: nil, assignee: nil, on: day)
            try write { db in
                try AuditLog.append(db, at: clock.now(), actor: actor.login, action: "denied", object: "action:\(action.rawValue)", details: ["reason": explanation.denial?.reason.code ?? "denied", "policy": active.version])
            }
            throw StoreError.denied(action: action.rawValue, explanation: explanation.messages)
        }
        guard actor.isBootstrap else {
            try write { db in
                try AuditLog.append(db, at: clock.now(), actor: actor.login, action: "denied", object: "action:\(action.rawValue)", details: ["reason": "no policy applied yet"])
            }
            throw StoreError.denied(action: action.rawValue, explanation: [Message(.errNoPolicyOnlyFirstAccount)])
        }
    }
}

/// The last active policy a store compiled, shared by its callers.
final class ActivePolicyCache: @unchecked Sendable {
    // Every access goes through `lock`, which is what makes the `@unchecked Sendable` true.
    private let lock = NSLock()
    private var stored: ActivePolicy?

    var value: ActivePolicy? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
