import Foundation
import GRDB
import LKOCalendar
import LKOCompiler

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
        try read { db in try Store.activePolicy(db) }
    }

    static func activePolicy(_ db: Database) throws -> ActivePolicy? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.id AS activation, v.id AS version_id, v.version, v.tables
            FROM activations a JOIN policy_versions v ON v.id = a.version_id
            ORDER BY a.id DESC LIMIT 1
            """) else { return nil }
        let tablesText: String = row["tables"]
        let tables = try TablesJSON.decode(Data(tablesText.utf8))
        return ActivePolicy(versionID: row["version_id"], version: row["version"], activationID: row["activation"], policy: try CompiledPolicy(tables: tables))
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
            throw StoreError.denied(action: action.rawValue, explanation: explanation.lines)
        }
        guard actor.isBootstrap else {
            try write { db in
                try AuditLog.append(db, at: clock.now(), actor: actor.login, action: "denied", object: "action:\(action.rawValue)", details: ["reason": "no policy applied yet"])
            }
            throw StoreError.denied(action: action.rawValue, explanation: ["no policy is applied yet: only the account created by `lko init` may administer the database until `lko apply` activates one"])
        }
    }
}
