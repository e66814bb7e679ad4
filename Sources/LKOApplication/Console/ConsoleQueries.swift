import Foundation
import LKOCompiler
import LKOStore
import LKOWorkflow

/// A person the console offers in a list (an executor to assign, a substitute to choose).
public struct PersonChoice: Sendable, Codable, Equatable {
    public var login: String
    public var name: String
    public var position: String
    /// For a case: the person is an executor on its subcategory today.
    public var covers: Bool

    enum CodingKeys: String, CodingKey {
        case login, name, position, covers
    }
}

/// A file of the active policy, to start an edit from.
public struct PolicySourceFile: Sendable, Codable, Equatable {
    public var path: String
    public var text: String
}

extension LKOService {
    /// People holding the executor role today (on any subcategory) with an active account, by
    /// full name; with `node`, those who cover it come first and are marked. The list shows
    /// what the policy says; the gate still decides every assignment.
    public func executorChoices(_ caller: Caller, node: String? = nil) throws -> [PersonChoice] {
        try run {
            _ = caller
            let workflow = try workflow()
            let policy = workflow.policy
            let day = workflow.today
            let role = policy.tables.organization.executorRole
            let logins = Set(policy.tables.grants.filter { $0.role == role && PolicyFacts.valid(from: $0.from, until: $0.until, on: day) }.map(\.login))
            let accounts = try store.read { db in
                try SQLRow.fetchAll(db.cachedStatement(sql: "SELECT login, full_name, position, status FROM accounts")).map {
                    (login: $0["login"] as String, name: $0["full_name"] as String, position: $0["position"] as String, status: $0["status"] as String)
                }
            }
            let nodeIndex = node.flatMap { policy.nodeIndex($0) }
            let choices = accounts.filter { logins.contains($0.login) && $0.status == "active" }.map { account in
                PersonChoice(login: account.login, name: account.name.isEmpty ? account.login : account.name, position: account.position,
                             covers: nodeIndex.map { policy.isExecutor(account.login, node: $0, on: day) } ?? true)
            }
            return choices.sorted { ($0.covers ? 0 : 1, $0.name) < ($1.covers ? 0 : 1, $1.name) }
        }
    }

    /// The files of the active policy (`manage_policy`), the starting point of a change.
    public func activePolicyFiles(_ caller: Caller) throws -> [PolicySourceFile] {
        try run {
            try store.authorize(caller.account, .managePolicy)
            guard try store.activePolicy() != nil else { return [] }
            return try store.storedVersion(nil).files.map { PolicySourceFile(path: $0.path, text: $0.text) }
        }
    }
}
