extension PolicyTables {
    /// The effective permissions follow from grants × role actions, and the routing decision
    /// table from the rules and the tree. They are the bulk of the tables (most of the bytes at
    /// region scale), so the store keeps the tables without them and derives them on load —
    /// exactly as the compiler does, with this one function.
    public func withDerivedRows() -> PolicyTables {
        var tables = self
        var actionsByRole: [String: [RoleActionRow]] = [:]
        for row in roleActions { actionsByRole[row.role, default: []].append(row) }
        var permissions: [PermissionRow] = []
        permissions.reserveCapacity(grants.count * 4)
        for grant in grants {
            for rule in actionsByRole[grant.role] ?? [] {
                permissions.append(PermissionRow(login: grant.login, action: rule.action, scope: rule.scope, nodes: grant.nodes, from: grant.from, until: grant.until, grant: grant.index, role: grant.role))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: Action.allCases.enumerated().map { ($1.rawValue, $0) })
        permissions.sort {
            ($0.login, order[$0.action] ?? 0, $0.scope, $0.grant) < ($1.login, order[$1.action] ?? 0, $1.scope, $1.grant)
        }
        tables.permissions = permissions
        tables.routes = RoutingIndex.routeRows(tables)
        return tables
    }

    /// The tables as the store keeps them: without the rows ``withDerivedRows()`` rebuilds.
    public var storageForm: PolicyTables {
        var tables = self
        tables.permissions = []
        tables.routes = []
        return tables
    }
}
