extension PolicyTables {
    /// The effective permissions follow from grants × role actions, and the routing decision
    /// table from the rules and the tree. They are the bulk of the tables (most of the bytes at
    /// region scale), so the store keeps the tables without them and derives them on load —
    /// exactly as the compiler does, with this one function.
    public func withDerivedRows() -> PolicyTables {
        var tables = self
        // Sorted by (login, action, scope, grant) on small integer keys — the logins ranked once —
        // rather than by comparing rows of strings: the same order (ties keep generation order).
        let loginRank = Dictionary(uniqueKeysWithValues: Set(grants.map(\.login)).sorted().enumerated().map { ($1, UInt32($0)) })
        let order = Dictionary(uniqueKeysWithValues: Action.allCases.enumerated().map { ($1.rawValue, UInt32($0)) })
        let scopeOrder = Dictionary(uniqueKeysWithValues: Scope.allCases.enumerated().map { ($1, UInt32($0)) })
        // One 24-byte entry per row to sort, not (key, grant, role-action row) copies: at 16× the
        // region that array was 123 MB, alive next to the rows it orders.
        struct Entry: Comparable {
            /// login rank << 32 | action << 16 | scope
            var high: UInt64
            /// grant index << 32 | sequence (generation order, for ties)
            var low: UInt64
            var grant: UInt32, rule: UInt32
            static func < (a: Entry, b: Entry) -> Bool { (a.high, a.low) < (b.high, b.low) }
        }
        var rulesByRole: [String: [Int]] = [:]
        for (index, row) in roleActions.enumerated() { rulesByRole[row.role, default: []].append(index) }
        var entries: [Entry] = []
        entries.reserveCapacity(grants.count * 4)
        for (position, grant) in grants.enumerated() {
            let rank = UInt64(loginRank[grant.login]!)
            for rule in rulesByRole[grant.role] ?? [] {
                let row = roleActions[rule]
                let high = rank << 32 | UInt64(order[row.action] ?? 0) << 16 | UInt64(scopeOrder[row.scope]!)
                entries.append(Entry(high: high, low: UInt64(grant.index) << 32 | UInt64(entries.count), grant: UInt32(position), rule: UInt32(rule)))
            }
        }
        entries.sort()
        var permissions: [PermissionRow] = []
        permissions.reserveCapacity(entries.count)
        for entry in entries {
            let grant = grants[Int(entry.grant)], rule = roleActions[Int(entry.rule)]
            permissions.append(PermissionRow(login: grant.login, action: rule.action, scope: rule.scope, nodes: grant.nodes, from: grant.from, until: grant.until, grant: grant.index, role: grant.role))
        }
        entries = []
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
