import Dispatch
import LKOCalendar
import LKOLanguage
import LKOMessages

/// What a policy change *does*: the `terraform plan` of access, computed on the compiled tables
/// of both sides. Formatting, comments and declaration order never show up here, because they
/// never reach the tables.
///
/// Facts only, in the policy's identifiers: ``DiffRenderer`` makes the text, in a language. Every
/// shell encodes it with the same snake_case keys (docs/review.md, docs/schemas/diff.schema.json).
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

    enum CodingKeys: String, CodingKey {
        case old, new, access, roles, tree, routing
        case findingsIntroduced = "findings_introduced"
        case findingsResolved = "findings_resolved"
        case risks, substitutes, acceptances
    }

    public struct SubstituteChange: Sendable, Codable, Equatable {
        /// `added` or `removed`.
        public var change: String
        public var substitute: String
        /// nil: anyone (a pool).
        public var absentee: String?
        /// `executor` or `approver`.
        public var kind: String
        /// Node paths; empty means the whole tree.
        public var nodes: [String]
        /// The actions an absence would pass on through it (today's grants of the absentees).
        public var actions: [String]
        public var position: String

        enum CodingKeys: String, CodingKey {
            case change, substitute, absentee, kind, nodes, actions, position
        }
    }

    public struct AcceptanceChange: Sendable, Codable, Equatable {
        /// `added` or `removed`.
        public var change: String
        public var code: String
        public var subjects: [String]
        public var reason: String
        public var position: String

        enum CodingKeys: String, CodingKey {
            case change, code, subjects, reason, position
        }
    }

    public struct Side: Sendable, Codable, Equatable {
        public var label: String
        public var version: String

        enum CodingKeys: String, CodingKey {
            case label, version
        }
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
        /// What causes it, on the side where the permission exists (`file:line:col`): the grant,
        /// or — when only a role changed (``causeRole``) — that role's declaration.
        public var cause: String
        /// Set when the grant is the same on both sides and its role gained (lost) the action:
        /// the role's id.
        public var causeRole: String? = nil

        enum CodingKeys: String, CodingKey {
            case login, change, action, scope, nodes, from, until, cause
            case causeRole = "cause_role"
        }
    }

    public struct RoleChange: Sendable, Codable, Equatable {
        public var role: String
        /// `added` (a new role), `removed`, or `changed` (its rules or its title).
        public var change: String
        /// The role's title (on the new side; the old side for a removed role).
        public var title: String
        /// The old title, when the title changed.
        public var oldTitle: String?
        /// Rules added, as the policy writes them after `allow`: `approve on granted`.
        public var added: [String]
        public var removed: [String]
        /// How many logins hold the role (on the new side; the old side for a removed role).
        public var holders: Int
        public var position: String

        public init(role: String, change: String = "changed", title: String = "", oldTitle: String? = nil, added: [String], removed: [String], holders: Int, position: String) {
            self.role = role
            self.change = change
            self.title = title
            self.oldTitle = oldTitle
            self.added = added
            self.removed = removed
            self.holders = holders
            self.position = position
        }

        enum CodingKeys: String, CodingKey {
            case role, change, title
            case oldTitle = "old_title"
            case added, removed, holders, position
        }
    }

    public struct TreeChange: Sendable, Codable, Equatable {
        /// added, removed, renamed, moved, term, accelerated
        public var kind: String
        public var node: String
        /// The node's title (added, removed, moved, renamed: the new one).
        public var title: String?
        /// renamed: the old title.
        public var oldTitle: String?
        /// moved: the old path.
        public var from: String?
        /// added, removed: the nodes below it that came (went) with it.
        public var with: [String]?
        /// term: `appeal` or `message`.
        public var regime: String?
        /// term: the effective term before and after.
        public var oldTerm: TermValue?
        public var newTerm: TermValue?
        /// accelerated: whether it is accelerated now.
        public var accelerated: Bool?

        public init(kind: String, node: String, title: String? = nil, oldTitle: String? = nil, from: String? = nil, with: [String]? = nil, regime: String? = nil, oldTerm: TermValue? = nil, newTerm: TermValue? = nil, accelerated: Bool? = nil) {
            self.kind = kind
            self.node = node
            self.title = title
            self.oldTitle = oldTitle
            self.from = from
            self.with = with
            self.regime = regime
            self.oldTerm = oldTerm
            self.newTerm = newTerm
            self.accelerated = accelerated
        }

        enum CodingKeys: String, CodingKey {
            case kind, node, title
            case oldTitle = "old_title"
            case from, with, regime
            case oldTerm = "old_term"
            case newTerm = "new_term"
            case accelerated
        }
    }

    public struct RoutingChange: Sendable, Codable, Equatable {
        /// `subcategory roads.potholes, any source`
        public var cases: String
        public var old: String
        public var new: String
        /// How many points of the match space the row stands for.
        public var points: Int

        enum CodingKeys: String, CodingKey {
            case cases, old, new, points
        }
    }

    /// A lint finding: its code and the linter's message. Findings are compared by the English
    /// text (the same whatever the reader's language); ``message(in:)`` renders it for people.
    public struct Finding: Sendable, Codable, Equatable, Hashable {
        public var code: String
        /// In English: the identity of the finding across the two sides.
        public var message: String
        /// The linter's message in the catalog, when the finding came from the linter.
        public var text: Message?

        public init(code: String, message: String, text: Message? = nil) {
            self.code = code
            self.message = message
            self.text = text
        }

        public func message(in language: Language) -> String { text?.render(language) ?? message }

        public static func == (lhs: Finding, rhs: Finding) -> Bool { lhs.code == rhs.code && lhs.message == rhs.message }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(code)
            hasher.combine(message)
        }

        enum CodingKeys: String, CodingKey {
            case code, message
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(code: try container.decode(String.self, forKey: .code), message: try container.decode(String.self, forKey: .message))
        }

        /// JSON carries the English message: the finding's identity, the same in every language.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(message, forKey: .message)
        }
    }

    /// A risk flag and the facts behind it; ``message`` is its text in Russian, ``DiffRenderer``
    /// renders it in any language.
    public struct Risk: Sendable, Codable, Equatable {
        /// escalation, coverage, lost_access, lockout
        public var kind: String
        /// escalation: the privileged permission gained.
        public var access: AccessChange?
        /// escalation: the eligibility added that passes privileged actions on (``actions``).
        public var eligibility: SubstituteChange?
        /// escalation through an eligibility: the privileged actions; lost_access: the action lost.
        public var actions: [String]?
        /// lost_access: who holds the case.
        public var login: String?
        /// lost_access: the case's ПОС number.
        public var caseNumber: String?
        /// coverage: the subcategory left uncovered; lost_access: the case's node.
        public var node: String?

        public init(kind: String, access: AccessChange? = nil, eligibility: SubstituteChange? = nil, actions: [String]? = nil, login: String? = nil, caseNumber: String? = nil, node: String? = nil) {
            self.kind = kind
            self.access = access
            self.eligibility = eligibility
            self.actions = actions
            self.login = login
            self.caseNumber = caseNumber
            self.node = node
        }

        enum CodingKeys: String, CodingKey {
            case kind, access, eligibility, actions, login
            case caseNumber = "case_number"
            case node
        }
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
            case .sideHasErrors(let label, let count):
                Messages.text(.diffSideHasErrors, ["side": label, "errors": "\(count)"], in: .ru)
            }
        }
    }

    /// Compares two compiled policies.
    public static func compute(_ input: DiffInput) throws -> PolicyDiff {
        guard let oldPolicy = input.old.policy else { throw DiffError.sideHasErrors(input.oldLabel, input.old.diagnostics.errorCount) }
        guard let newPolicy = input.new.policy else { throw DiffError.sideHasErrors(input.newLabel, input.new.diagnostics.errorCount) }
        var diff = PolicyDiff(old: Side(label: input.oldLabel, version: oldPolicy.version), new: Side(label: input.newLabel, version: newPolicy.version))
        if oldPolicy.version == newPolicy.version { return diff }
        // The four comparisons read both sides and write nothing shared: they run side by side
        // (at 16× they are most of the diff's time; docs/benchmarks.md).
        let parts = IndependentParts()
        let oldSpans = input.old.spans, newSpans = input.new.spans, lintDate = input.at
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            switch part {
            case 0: parts.access = AccessComparison(old: oldPolicy, new: newPolicy).changes()
            case 1: parts.routing = RoutingComparison(old: oldPolicy, new: newPolicy).changes()
            case 2: parts.oldFindings = Linter(policy: oldPolicy, spans: oldSpans, lintDate: lintDate).run().map { Finding(code: $0.code.rawValue, message: $0.message, text: $0.text) }
            default: parts.newFindings = Linter(policy: newPolicy, spans: newSpans, lintDate: lintDate).run().map { Finding(code: $0.code.rawValue, message: $0.message, text: $0.text) }
            }
        }
        diff.access = parts.access.map(withCauseRole)
        diff.roles = roleChanges(oldPolicy.tables, newPolicy.tables)
        diff.tree = treeChanges(oldPolicy.tables, newPolicy.tables)
        diff.routing = parts.routing
        let oldFindings = Set(parts.oldFindings)
        let newFindings = Set(parts.newFindings)
        diff.findingsIntroduced = newFindings.subtracting(oldFindings).sorted { ($0.code, $0.message) < ($1.code, $1.message) }
        diff.findingsResolved = oldFindings.subtracting(newFindings).sorted { ($0.code, $0.message) < ($1.code, $1.message) }
        diff.substitutes = substituteChanges(oldPolicy, newPolicy)
        diff.acceptances = acceptanceChanges(oldPolicy.tables, newPolicy.tables)
        diff.risks = risks(diff, old: oldPolicy, new: newPolicy, input: input)
        return diff
    }

    /// The results of the comparisons `compute` runs at once: each written by exactly one of
    /// `concurrentPerform`'s iterations and read only after it returns, hence unchecked.
    private final class IndependentParts: @unchecked Sendable {
        var access: [AccessChange] = []
        var routing: [RoutingChange] = []
        var oldFindings: [Finding] = []
        var newFindings: [Finding] = []
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
            let titleChanged = oldTitles[role] != nil && newTitles[role] != nil && oldTitles[role] != newTitles[role]
            guard before != after || titleChanged || (oldRules[role] == nil) != (newRules[role] == nil) else { continue }
            let side = newRules[role] != nil ? new : old
            let holders = Set(side.grants.filter { $0.role == role }.map(\.login)).count
            let position = (new.roles.first { $0.id == role } ?? old.roles.first { $0.id == role })?.position ?? ""
            let kind = oldRules[role] == nil ? "added" : newRules[role] == nil ? "removed" : "changed"
            changes.append(RoleChange(
                role: role, change: kind, title: newTitles[role] ?? oldTitles[role] ?? "", oldTitle: titleChanged ? oldTitles[role] : nil,
                added: after.subtracting(before).sorted(), removed: before.subtracting(after).sorted(), holders: holders, position: position
            ))
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
                changes.append(TreeChange(kind: "moved", node: path, title: newNodes[path]!.title, from: origin))
            } else if !added.contains(parentPath(path) ?? "") {
                changes.append(TreeChange(kind: "added", node: path, title: newNodes[path]!.title, with: withNodes(under: path, in: added)))
            }
        }
        for path in removed.sorted() where !movedOrigins.contains(path) && !removed.contains(parentPath(path) ?? "") {
            changes.append(TreeChange(kind: "removed", node: path, title: oldNodes[path]!.title, with: withNodes(under: path, in: removed)))
        }
        for path in Set(oldNodes.keys).intersection(newNodes.keys).sorted() {
            let before = oldNodes[path]!, after = newNodes[path]!
            if before.title != after.title { changes.append(TreeChange(kind: "renamed", node: path, title: after.title, oldTitle: before.title)) }
            if before.appealTerm != after.appealTerm { changes.append(TreeChange(kind: "term", node: path, regime: Regime.appeal.rawValue, oldTerm: before.appealTerm, newTerm: after.appealTerm)) }
            if before.messageTerm != after.messageTerm { changes.append(TreeChange(kind: "term", node: path, regime: Regime.message.rawValue, oldTerm: before.messageTerm, newTerm: after.messageTerm)) }
            if before.accelerated != after.accelerated { changes.append(TreeChange(kind: "accelerated", node: path, accelerated: after.accelerated)) }
        }
        return changes
    }

    /// `transport.buses, transport.trams`: the nodes added (removed) with a node, which get no row
    /// of their own, so a reviewer still sees every one of them (nil: none).
    static func withNodes(under path: String, in paths: Set<String>) -> [String]? {
        let below = paths.filter { $0.hasPrefix(path + ".") }.sorted()
        return below.isEmpty ? nil : below
    }

    /// The access comparison names a role change as `role change: ROLE, file:line:col`; the
    /// diff keeps the role and the position apart.
    static func withCauseRole(_ change: AccessChange) -> AccessChange {
        var change = change
        let prefix = "role change"
        guard change.cause.hasPrefix(prefix) else { return change }
        let rest = change.cause.dropFirst(prefix.count)
        if rest.isEmpty {
            change.causeRole = ""
            change.cause = ""
        } else if rest.hasPrefix(": "), let comma = rest.firstIndex(of: ",") {
            change.causeRole = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<comma])
            change.cause = String(rest[comma...].dropFirst().drop { $0 == " " })
        }
        return change
    }

    static func parentPath(_ path: String) -> String? {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        return String(path[..<dot])
    }

    static func risks(_ diff: PolicyDiff, old: CompiledPolicy, new: CompiledPolicy, input: DiffInput) -> [Risk] {
        var risks: [Risk] = []
        for change in diff.access where change.change == "gained" {
            guard let action = Action(name: change.action), action.isPrivileged else { continue }
            risks.append(Risk(kind: "escalation", access: change))
        }
        for change in diff.substitutes where change.change == "added" {
            let privileged = change.actions.compactMap(Action.init(name:)).filter(\.isPrivileged)
            guard !privileged.isEmpty else { continue }
            risks.append(Risk(kind: "escalation", eligibility: change, actions: privileged.map(\.rawValue)))
        }
        for finding in diff.findingsIntroduced where finding.code == DiagnosticCode.coverageGap.rawValue {
            // The linter names the subcategory first, in backticks.
            let quoted = finding.message.split(separator: "`", omittingEmptySubsequences: false)
            risks.append(Risk(kind: "coverage", node: quoted.count > 2 ? String(quoted[1]) : finding.message))
        }
        for held in input.heldCases {
            guard let oldNode = old.nodeIndex(held.node) else { continue }
            let newNode = new.nodeIndex(held.node)
            for action in [Action.view, .draft, .submit] {
                let before = old.decide(login: held.assignee, action: action, node: oldNode, assignee: held.assignee, on: input.at)
                let after = newNode.map { new.decide(login: held.assignee, action: action, node: $0, assignee: held.assignee, on: input.at) } ?? false
                if before && !after {
                    risks.append(Risk(kind: "lost_access", actions: [action.rawValue], login: held.assignee, caseNumber: held.posNumber, node: held.node))
                    break
                }
            }
        }
        // "Any more": a side that never had a policy manager is not news on every later diff.
        func hasManagers(_ policy: CompiledPolicy) -> Bool {
            policy.tables.permissions.contains { $0.action == Action.managePolicy.rawValue && ($0.until.map { $0 >= input.at.description } ?? true) }
        }
        if hasManagers(old), !hasManagers(new) {
            risks.append(Risk(kind: "lockout"))
        }
        return risks
    }
}
