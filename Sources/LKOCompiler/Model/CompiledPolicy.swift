import LKOCalendar

/// The compiled policy in memory: the tables plus the indexes that answer decisions and routing
/// by lookup.
///
/// Logins, nodes, sources and localities are interned to integers; node coverage is a range test
/// on depth-first indexes; actions are bits. `decide` touches only the permissions of one login,
/// so its cost does not grow with the number of grants or rules in the policy. It never reads the
/// syntax tree, which is why a stored version (tables only) answers exactly like a fresh compile.
public struct CompiledPolicy: Sendable {
    public let tables: PolicyTables

    /// Login → interned id.
    let loginIDs: [String: Int32]
    /// Node path → index in `tables.nodes`.
    let nodeIDs: [String: Int32]
    /// Category id → (subcategory id → node index), for requests that give the two separately.
    let childIDs: [String: [String: Int32]]
    let nodeEnds: [Int32]
    /// Per login: its permissions, one entry per (grant, scope) with the actions merged.
    let permissionsByLogin: [[Permission]]
    /// The per-login blocks that `decide` reads.
    let decisionIndex: DecisionIndex
    /// Login bytes → (id, block), for `decide` by login name.
    let loginTable: LoginTable
    /// Per login: the executor-role grants, for routing and delegation checks.
    let executorGrantsByLogin: [[Coverage]]
    let routing: RoutingIndex
    let roleIDs: [String: Int]
    /// Grant index → its role rules (for explanations).
    public var version: String { tables.version }

    struct Permission: Sendable {
        var actions: UInt16
        var scope: Scope
        var coverage: Coverage
        var grant: Int32
    }

    /// Which nodes a grant covers and when.
    struct Coverage: Sendable {
        /// Node ranges `[start, end)`; empty with `everything` true for an unscoped grant.
        var ranges: [NodeRange]
        var everything: Bool
        var from: Int32
        var until: Int32
        var grant: Int32

        func covers(_ node: Int32) -> Bool {
            if everything { return true }
            for range in ranges where node >= range.start && node < range.end { return true }
            return false
        }

        func isValid(on day: Int32) -> Bool { day >= from && day <= until }
    }

    struct NodeRange: Sendable, Hashable {
        var start: Int32
        var end: Int32
    }

    public enum LoadError: Error, CustomStringConvertible {
        case unsupportedFormat(Int)
        case dangling(String)

        public var description: String {
            switch self {
            case .unsupportedFormat(let format): "compiled tables of format \(format) are not supported by this lko (it reads format \(PolicyTables.currentFormat)); recompile the policy"
            case .dangling(let what): "the compiled tables are inconsistent: \(what)"
            }
        }
    }

    /// Builds the indexes from tables (fresh from the compiler, or loaded from the store).
    public init(tables: PolicyTables) throws {
        guard tables.format == PolicyTables.currentFormat else { throw LoadError.unsupportedFormat(tables.format) }
        self.tables = tables
        var nodeIDs: [String: Int32] = [:]
        var childIDs: [String: [String: Int32]] = [:]
        nodeIDs.reserveCapacity(tables.nodes.count)
        for node in tables.nodes {
            nodeIDs[node.path] = Int32(node.index)
            let parts = node.path.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2, !parts[1].contains(".") {
                childIDs[parts[0], default: [:]][parts[1]] = Int32(node.index)
            }
        }
        self.nodeIDs = nodeIDs
        self.childIDs = childIDs
        self.nodeEnds = tables.nodes.map { Int32($0.subtreeEnd) }
        var loginIDs: [String: Int32] = [:]
        for (index, login) in tables.logins.enumerated() { loginIDs[login] = Int32(index) }
        self.loginIDs = loginIDs
        var roleIDs: [String: Int] = [:]
        for (index, role) in tables.roles.enumerated() { roleIDs[role.id] = index }
        self.roleIDs = roleIDs

        func coverage(nodes: [String], from: String?, until: String?, grant: Int) throws -> Coverage {
            var ranges: [NodeRange] = []
            for path in nodes {
                guard let id = nodeIDs[path] else { throw LoadError.dangling("grant \(grant) names unknown node \(path)") }
                ranges.append(NodeRange(start: id, end: Int32(tables.nodes[Int(id)].subtreeEnd)))
            }
            return Coverage(
                ranges: ranges, everything: nodes.isEmpty,
                from: from.flatMap { CalendarDate(iso: $0)?.dayNumber } ?? Int32.min,
                until: until.flatMap { CalendarDate(iso: $0)?.dayNumber } ?? Int32.max,
                grant: Int32(grant)
            )
        }

        var rulesByRole: [String: [(action: Action, scope: Scope)]] = [:]
        for row in tables.roleActions {
            guard let action = Action(name: row.action) else { throw LoadError.dangling("unknown action \(row.action)") }
            rulesByRole[row.role, default: []].append((action, row.scope))
        }
        var permissions = [[Permission]](repeating: [], count: tables.logins.count)
        var executorGrants = [[Coverage]](repeating: [], count: tables.logins.count)
        for grant in tables.grants {
            guard let login = loginIDs[grant.login] else { throw LoadError.dangling("grant \(grant.index) names login \(grant.login) missing from the login table") }
            let cover = try coverage(nodes: grant.nodes, from: grant.from, until: grant.until, grant: grant.index)
            if grant.role == tables.organization.executorRole {
                executorGrants[Int(login)].append(cover)
            }
            var byScope: [Scope: UInt16] = [:]
            for rule in rulesByRole[grant.role] ?? [] { byScope[rule.scope, default: 0] |= rule.action.bit }
            for scope in Scope.allCases {
                guard let actions = byScope[scope] else { continue }
                permissions[Int(login)].append(Permission(actions: actions, scope: scope, coverage: cover, grant: Int32(grant.index)))
            }
        }
        self.permissionsByLogin = permissions
        let decisionIndex = DecisionIndex(permissionsByLogin: permissions)
        self.decisionIndex = decisionIndex
        self.loginTable = LoginTable(keys: tables.logins.map { Array($0.utf8) }, blocks: Array(decisionIndex.blockStart.dropLast()))
        self.executorGrantsByLogin = executorGrants
        self.routing = try RoutingIndex(tables: tables, nodeIDs: nodeIDs, loginIDs: loginIDs)
    }

    // MARK: Lookups

    /// The node index of a path (`roads.potholes`), or nil.
    public func nodeIndex(_ path: String) -> Int? {
        nodeIDs[path].map(Int.init)
    }

    /// The node of a request that names category and subcategory separately. The subcategory may
    /// be a bare id (`potholes`) or a full path (`roads.potholes`, `roads.potholes.pit`); a full
    /// path under another category than the one named is no node (the request contradicts itself).
    public func nodeIndex(category: String?, subcategory: String?) -> Int? {
        if let subcategory {
            if let category, let id = childIDs[category]?[subcategory] { return Int(id) }
            if let category, !subcategory.hasPrefix(category + ".") { return nil }
            if let id = nodeIDs[subcategory] { return Int(id) }
            return nil
        }
        return category.flatMap { nodeIDs[$0] }.map(Int.init)
    }

    public func node(_ index: Int) -> NodeRow { tables.nodes[index] }

    public func hasLogin(_ login: String) -> Bool { loginIDs[login] != nil }

    /// The interned id of a login (for ``decide(loginID:actionBit:node:assigned:day:)``), or nil.
    public func loginID(_ login: String) -> Int32? { loginIDs[login] }

    /// Every key of the lookup indexes, for callers that build their own byte-level tables
    /// (`lko authorize`): login → id, node path → node index, and (category id, subcategory id)
    /// → node index as used by ``nodeIndex(category:subcategory:)``.
    public var lookupKeys: (logins: [(String, Int32)], nodes: [(String, Int)], children: [(String, String, Int)]) {
        (
            loginIDs.map { ($0.key, $0.value) },
            nodeIDs.map { ($0.key, Int($0.value)) },
            childIDs.flatMap { category in category.value.map { (category.key, $0.key, Int($0.value)) } }
        )
    }

    /// Whether `ancestor`'s subtree contains `node`.
    public func contains(_ ancestor: Int, _ node: Int) -> Bool {
        node >= ancestor && node < Int(nodeEnds[ancestor])
    }

    /// Whether `login` holds the executor role on `node` on `date` (order item 9: only executors
    /// may be assigned cases).
    public func isExecutor(_ login: String, node: Int, on date: CalendarDate) -> Bool {
        guard let id = loginIDs[login] else { return false }
        return executorGrantsByLogin[Int(id)].contains { $0.isValid(on: date.dayNumber) && $0.covers(Int32(node)) }
    }

    /// The executor grants of a login (indexes into `tables.grants`) covering a node, on any date.
    public func executorGrants(of login: String, covering node: Int) -> [Int] {
        guard let id = loginIDs[login] else { return [] }
        return executorGrantsByLogin[Int(id)].filter { $0.covers(Int32(node)) }.map { Int($0.grant) }
    }
}
