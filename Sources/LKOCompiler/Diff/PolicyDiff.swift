import LKOCalendar
import LKOLanguage

/// What a policy change *does*: the `terraform plan` of access, computed on the compiled tables
/// of both sides. Formatting, comments and declaration order never show up here, because they
/// never reach the tables.
public struct PolicyDiff: Sendable, Codable, Equatable {
    public var old: Side
    public var new: Side
    public var access: [AccessChange] = []
    public var roles: [RoleChange] = []
    public var tree: [TreeChange] = []
    public var routing: [RoutingChange] = []
    public var findingsIntroduced: [Finding] = []
    public var findingsResolved: [Finding] = []
    public var risks: [Risk] = []
    /// Substitute eligibility declared or withdrawn (`substitute … for …`).
    public var substitutes: [SubstituteChange] = []
    /// Accepted findings declared or withdrawn (`accept … because …`).
    public var acceptances: [AcceptanceChange] = []

    public struct SubstituteChange: Sendable, Codable, Equatable {
        /// `added` or `removed`.
        public var change: String
        public var substitute: String
        /// nil: anyone (a pool).
        public var absentee: String?
        public var kind: String
        /// Node paths; empty means the whole tree.
        public var nodes: [String]
        /// The actions an absence would pass on through it (today's grants of the absentees).
        public var actions: [String]
        public var position: String
    }

    public struct AcceptanceChange: Sendable, Codable, Equatable {
        /// `added` or `removed`.
        public var change: String
        public var code: String
        public var subjects: [String]
        public var reason: String
        public var position: String
    }

    public struct Side: Sendable, Codable, Equatable {
        public var label: String
        public var version: String
    }

    /// A permission gained or lost by one login.
    public struct AccessChange: Sendable, Codable, Equatable {
        public var login: String
        /// `gained` or `lost`.
        public var change: String
        public var action: String
        public var scope: String
        /// Node paths (a node stands for its whole subtree); `*` for every case.
        public var nodes: [String]
        public var from: String?
        public var until: String?
        /// The grant that causes it, on the side where the permission exists (`file:line`).
        public var cause: String
    }

    public struct RoleChange: Sendable, Codable, Equatable {
        public var role: String
        public var added: [String]
        public var removed: [String]
        public var titleChange: String?
        /// How many logins hold the role (on the new side; the old side for a removed role).
        public var holders: Int
        public var position: String
    }

    public struct TreeChange: Sendable, Codable, Equatable {
        /// added, removed, renamed, moved, term, accelerated
        public var kind: String
        public var node: String
        public var detail: String
    }

    public struct RoutingChange: Sendable, Codable, Equatable {
        /// `subcategory roads.potholes, any source`
        public var cases: String
        public var old: String
        public var new: String
        /// How many points of the match space the row stands for.
        public var points: Int
    }

    public struct Finding: Sendable, Codable, Equatable, Hashable {
        public var code: String
        public var message: String
    }

    public struct Risk: Sendable, Codable, Equatable {
        /// escalation, coverage, lost_access, lockout
        public var kind: String
        public var message: String
    }

    public var hasEffectiveChange: Bool {
        !access.isEmpty || !roles.isEmpty || !tree.isEmpty || !routing.isEmpty || !findingsIntroduced.isEmpty || !findingsResolved.isEmpty
            || !substitutes.isEmpty || !acceptances.isEmpty
    }

    public var hasEscalation: Bool { risks.contains { $0.kind == "escalation" } }
    public var hasCoverageRisk: Bool { risks.contains { $0.kind == "coverage" } }
}

/// The two compiled sides of a review and the context to judge them in.
public struct DiffInput: Sendable {
    public var oldLabel: String
    public var old: Compilation
    public var newLabel: String
    public var new: Compilation
    /// The day lint and validity-dependent findings are judged at.
    public var at: CalendarDate
    /// Open cases by assignee (from a store), to flag people losing access to cases they hold.
    public var heldCases: [HeldCase]

    public struct HeldCase: Sendable {
        public var posNumber: String
        public var node: String
        public var assignee: String

        public init(posNumber: String, node: String, assignee: String) {
            self.posNumber = posNumber
            self.node = node
            self.assignee = assignee
        }
    }

    public init(oldLabel: String, old: Compilation, newLabel: String, new: Compilation, at: CalendarDate, heldCases: [HeldCase] = []) {
        self.oldLabel = oldLabel
        self.old = old
        self.newLabel = newLabel
        self.new = new
        self.at = at
        self.heldCases = heldCases
    }
}

extension PolicyDiff {
    public enum DiffError: Error, CustomStringConvertible {
        case sideHasErrors(String, Int)

        public var description: String {
            switch self {
            case .sideHasErrors(let label, let count): "\(label) has \(count) error(s); run `lko check` on it first"
            }
        }
    }

    /// Compares two compiled policies.
    public static func compute(_ input: DiffInput) throws -> PolicyDiff {
        guard let oldPolicy = input.old.policy else { throw DiffError.sideHasErrors(input.oldLabel, input.old.diagnostics.errorCount) }
        guard let newPolicy = input.new.policy else { throw DiffError.sideHasErrors(input.newLabel, input.new.diagnostics.errorCount) }
        var diff = PolicyDiff(old: Side(label: input.oldLabel, version: oldPolicy.version), new: Side(label: input.newLabel, version: newPolicy.version))
        if oldPolicy.version == newPolicy.version { return diff }
        diff.access = AccessComparison(old: oldPolicy, new: newPolicy).changes()
        diff.roles = roleChanges(oldPolicy.tables, newPolicy.tables)
        diff.tree = treeChanges(oldPolicy.tables, newPolicy.tables)
        diff.routing = RoutingComparison(old: oldPolicy, new: newPolicy).changes()
        let oldFindings = Set(Linter(policy: oldPolicy, spans: input.old.spans, lintDate: input.at).run().map { Finding(code: $0.code.rawValue, message: $0.message) })
        let newFindings = Set(Linter(policy: newPolicy, spans: input.new.spans, lintDate: input.at).run().map { Finding(code: $0.code.rawValue, message: $0.message) })
        diff.findingsIntroduced = newFindings.subtracting(oldFindings).sorted { ($0.code, $0.message) < ($1.code, $1.message) }
        diff.findingsResolved = oldFindings.subtracting(newFindings).sorted { ($0.code, $0.message) < ($1.code, $1.message) }
        diff.substitutes = substituteChanges(oldPolicy, newPolicy)
        diff.acceptances = acceptanceChanges(oldPolicy.tables, newPolicy.tables)
        diff.risks = risks(diff, old: oldPolicy, new: newPolicy, input: input)
        return diff
    }

    /// Eligibility rows added and removed (positions aside), with what an absence would pass on.
    static func substituteChanges(_ old: CompiledPolicy, _ new: CompiledPolicy) -> [SubstituteChange] {
        func key(_ row: SubstituteRow) -> SubstituteRow { var row = row; row.position = ""; return row }
        let oldKeys = Set(old.substituteRows.map(key)), newKeys = Set(new.substituteRows.map(key))
        func actions(_ row: SubstituteRow, in policy: CompiledPolicy) -> [String] {
            let grants = policy.tables.grants.filter { grant in
                (row.absentee.map { grant.login == $0 } ?? (grant.login != row.substitute))
                    && policy.rolePassedOn(grant.role, kind: row.kind) && CompiledPolicy.intersect(grant.nodes, row.nodes) != nil
            }
            let roles = Set(grants.map(\.role))
            let names = Set(policy.tables.roleActions.filter { roles.contains($0.role) }.compactMap { Action(name: $0.action) }.filter { !$0.isAdministrative })
            return names.sorted().map(\.rawValue)
        }
        var changes: [SubstituteChange] = []
        for row in new.substituteRows where !oldKeys.contains(key(row)) {
            changes.append(SubstituteChange(change: "added", substitute: row.substitute, absentee: row.absentee, kind: row.kind.rawValue, nodes: row.nodes, actions: actions(row, in: new), position: row.position))
        }
        for row in old.substituteRows where !newKeys.contains(key(row)) {
            changes.append(SubstituteChange(change: "removed", substitute: row.substitute, absentee: row.absentee, kind: row.kind.rawValue, nodes: row.nodes, actions: actions(row, in: old), position: row.position))
        }
        return changes
    }

    static func acceptanceChanges(_ old: PolicyTables, _ new: PolicyTables) -> [AcceptanceChange] {
        func key(_ row: AcceptanceRow) -> AcceptanceRow { var row = row; row.position = ""; return row }
        let oldRows = old.acceptances ?? [], newRows = new.acceptances ?? []
        let oldKeys = Set(oldRows.map(key)), newKeys = Set(newRows.map(key))
        return newRows.filter { !oldKeys.contains(key($0)) }.map { AcceptanceChange(change: "added", code: $0.code, subjects: $0.subjects, reason: $0.reason, position: $0.position) }
            + oldRows.filter { !newKeys.contains(key($0)) }.map { AcceptanceChange(change: "removed", code: $0.code, subjects: $0.subjects, reason: $0.reason, position: $0.position) }
    }

    static func roleChanges(_ old: PolicyTables, _ new: PolicyTables) -> [RoleChange] {
        func rules(_ tables: PolicyTables) -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for role in tables.roles { result[role.id] = [] }
            for row in tables.roleActions { result[row.role, default: []].insert("\(row.action) on \(row.scope.rawValue)") }
            return result
        }
        let oldRules = rules(old), newRules = rules(new)
        let oldTitles = Dictionary(uniqueKeysWithValues: old.roles.map { ($0.id, $0.title) })
        let newTitles = Dictionary(uniqueKeysWithValues: new.roles.map { ($0.id, $0.title) })
        var changes: [RoleChange] = []
        for role in Set(oldRules.keys).union(newRules.keys).sorted() {
            let before = oldRules[role] ?? [], after = newRules[role] ?? []
            let titleChange = (oldTitles[role] != nil && newTitles[role] != nil && oldTitles[role] != newTitles[role]) ? "«\(oldTitles[role]!)» → «\(newTitles[role]!)»" : nil
            guard before != after || titleChange != nil || (oldRules[role] == nil) != (newRules[role] == nil) else { continue }
            let side = newRules[role] != nil ? new : old
            let holders = Set(side.grants.filter { $0.role == role }.map(\.login)).count
            let position = (new.roles.first { $0.id == role } ?? old.roles.first { $0.id == role })?.position ?? ""
            var change = RoleChange(role: role, added: after.subtracting(before).sorted(), removed: before.subtracting(after).sorted(), titleChange: titleChange, holders: holders, position: position)
            if oldRules[role] == nil { change.titleChange = "new role «\(newTitles[role] ?? "")»" }
            if newRules[role] == nil { change.titleChange = "role removed" }
            changes.append(change)
        }
        return changes
    }

    static func treeChanges(_ old: PolicyTables, _ new: PolicyTables) -> [TreeChange] {
        let oldNodes = Dictionary(uniqueKeysWithValues: old.nodes.map { ($0.path, $0) })
        let newNodes = Dictionary(uniqueKeysWithValues: new.nodes.map { ($0.path, $0) })
        var changes: [TreeChange] = []
        let added = Set(newNodes.keys).subtracting(oldNodes.keys)
        let removed = Set(oldNodes.keys).subtracting(newNodes.keys)
        // A node whose id, level and title reappear under another parent has moved.
        var movedFrom: [String: String] = [:]
        for path in added {
            let node = newNodes[path]!
            let id = path.split(separator: ".").last.map(String.init) ?? path
            if let origin = removed.first(where: { candidate in
                let oldNode = oldNodes[candidate]!
                return oldNode.level == node.level && oldNode.title == node.title && candidate.split(separator: ".").last.map(String.init) == id
            }) {
                movedFrom[path] = origin
            }
        }
        let movedOrigins = Set(movedFrom.values)
        for path in added.sorted() {
            if let origin = movedFrom[path] {
                changes.append(TreeChange(kind: "moved", node: path, detail: "moved from \(origin)"))
            } else if !added.contains(parentPath(path) ?? "") {
                changes.append(TreeChange(kind: "added", node: path, detail: "«\(newNodes[path]!.title)»" + withNodes(under: path, in: added)))
            }
        }
        for path in removed.sorted() where !movedOrigins.contains(path) && !removed.contains(parentPath(path) ?? "") {
            changes.append(TreeChange(kind: "removed", node: path, detail: "«\(oldNodes[path]!.title)»" + withNodes(under: path, in: removed)))
        }
        for path in Set(oldNodes.keys).intersection(newNodes.keys).sorted() {
            let before = oldNodes[path]!, after = newNodes[path]!
            if before.title != after.title { changes.append(TreeChange(kind: "renamed", node: path, detail: "«\(before.title)» → «\(after.title)»")) }
            if before.appealTerm != after.appealTerm { changes.append(TreeChange(kind: "term", node: path, detail: "appeal term \(before.appealTerm) → \(after.appealTerm)")) }
            if before.messageTerm != after.messageTerm { changes.append(TreeChange(kind: "term", node: path, detail: "message term \(before.messageTerm) → \(after.messageTerm)")) }
            if before.accelerated != after.accelerated { changes.append(TreeChange(kind: "accelerated", node: path, detail: after.accelerated ? "now accelerated" : "no longer accelerated")) }
        }
        return changes
    }

    /// ", with transport.buses, transport.trams": the nodes added (removed) with a node, which get
    /// no row of their own, so a reviewer still sees every one of them.
    static func withNodes(under path: String, in paths: Set<String>) -> String {
        let below = paths.filter { $0.hasPrefix(path + ".") }.sorted()
        return below.isEmpty ? "" : ", with " + below.joined(separator: ", ")
    }

    static func parentPath(_ path: String) -> String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }

    static func risks(_ diff: PolicyDiff, old: CompiledPolicy, new: CompiledPolicy, input: DiffInput) -> [Risk] {
        var risks: [Risk] = []
        for change in diff.access where change.change == "gained" {
            guard let action = Action(name: change.action), action.isPrivileged else { continue }
            risks.append(Risk(kind: "escalation", message: "\(change.login) gains `\(change.action)` on \(change.scope)" + nodesText(change.nodes) + validityText(change.from, change.until) + " (\(change.cause))"))
        }
        for change in diff.substitutes where change.change == "added" {
            let privileged = change.actions.compactMap(Action.init(name:)).filter(\.isPrivileged)
            guard !privileged.isEmpty else { continue }
            risks.append(Risk(kind: "escalation", message: "\(change.substitute) may `\(privileged.map(\.rawValue).joined(separator: "`, `"))` while standing in for \(change.absentee ?? "anyone")" + nodesText(change.nodes.isEmpty ? ["*"] : change.nodes) + " during a recorded absence (eligibility at \(change.position))"))
        }
        for finding in diff.findingsIntroduced where finding.code == DiagnosticCode.coverageGap.rawValue {
            risks.append(Risk(kind: "coverage", message: finding.message))
        }
        for held in input.heldCases {
            guard let oldNode = old.nodeIndex(held.node) else { continue }
            let newNode = new.nodeIndex(held.node)
            for action in [Action.view, .draft, .submit] {
                let before = old.decide(login: held.assignee, action: action, node: oldNode, assignee: held.assignee, on: input.at)
                let after = newNode.map { new.decide(login: held.assignee, action: action, node: $0, assignee: held.assignee, on: input.at) } ?? false
                if before && !after {
                    risks.append(Risk(kind: "lost_access", message: "\(held.assignee) holds case \(held.posNumber) (\(held.node)) but loses `\(action.rawValue)` on it"))
                    break
                }
            }
        }
        // "Any more": a side that never had a policy manager is not news on every later diff.
        func hasManagers(_ policy: CompiledPolicy) -> Bool {
            policy.tables.permissions.contains { $0.action == Action.managePolicy.rawValue && ($0.until.map { $0 >= input.at.description } ?? true) }
        }
        if hasManagers(old), !hasManagers(new) {
            risks.append(Risk(kind: "lockout", message: "no login can `manage_policy` under the new policy: nobody could change it again"))
        }
        return risks
    }

    /// " in roads, improvement"; nothing for every case (`*`).
    static func nodesText(_ nodes: [String]) -> String {
        nodes == ["*"] ? "" : " in " + nodes.joined(separator: ", ")
    }

    static func validityText(_ from: String?, _ until: String?) -> String {
        switch (from, until) {
        case (nil, nil): ""
        case (let from?, nil): " from \(from)"
        case (nil, let until?): " until \(until)"
        case (let from?, let until?): " from \(from) until \(until)"
        }
    }
}
