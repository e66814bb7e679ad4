extension PolicyTables {
    /// The effective permissions follow from grants × role actions, and the routing decision
    /// table from the rules and the tree. They are the bulk of the tables (most of the bytes at
    /// region scale), so the store keeps the tables without them and derives them on load —
    /// exactly as the compiler does, with this one function.
    public func withDerivedRows() -> PolicyTables {
        var tables = self
        var actionsByRole: [String: [RoleActionRow]] = [:]
        for row in roleActions { actionsByRole[row.role, default: []].append(row) }
        // Sorted by (login, action, scope, grant) on small integer keys — the logins ranked once —
        // rather than by comparing rows of strings: the same order (ties keep generation order).
        let loginRank = Dictionary(uniqueKeysWithValues: Set(grants.map(\.login)).sorted().enumerated().map { ($1, UInt32($0)) })
        let order = Dictionary(uniqueKeysWithValues: Action.allCases.enumerated().map { ($1.rawValue, UInt32($0)) })
        let scopeOrder = Dictionary(uniqueKeysWithValues: Scope.allCases.enumerated().map { ($1, UInt32($0)) })
        struct Key: Comparable {
            var login: UInt32, action: UInt32, scope: UInt32, grant: Int, sequence: Int
            static func < (a: Key, b: Key) -> Bool {
                (a.login, a.action, a.scope, a.grant, a.sequence) < (b.login, b.action, b.scope, b.grant, b.sequence)
            }
        }
        var keyed: [(key: Key, grant: Int, rule: RoleActionRow)] = []
        keyed.reserveCapacity(grants.count * 4)
        for (position, grant) in grants.enumerated() {
            let rank = loginRank[grant.login]!
            for rule in actionsByRole[grant.role] ?? [] {
                let key = Key(login: rank, action: order[rule.action] ?? 0, scope: scopeOrder[rule.scope]!, grant: grant.index, sequence: keyed.count)
                keyed.append((key, position, rule))
            }
        }
        keyed.sort { $0.key < $1.key }
        var permissions: [PermissionRow] = []
        permissions.reserveCapacity(keyed.count)
        for entry in keyed {
            let grant = grants[entry.grant], rule = entry.rule
            permissions.append(PermissionRow(login: grant.login, action: rule.action, scope: rule.scope, nodes: grant.nodes, from: grant.from, until: grant.until, grant: grant.index, role: grant.role))
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
