/// A short account of what changes between two compiled policies, counted on the tables
/// (positions ignored): what `lko apply` prints before activating. `lko diff` gives the full
/// impact report.
public struct ChangeSummary: Sendable, Equatable {
    public var grantsAdded: [String] = []
    public var grantsRemoved: [String] = []
    public var permissionsGained = 0
    public var permissionsLost = 0
    public var rolesChanged: [String] = []
    public var nodesAdded: [String] = []
    public var nodesRemoved: [String] = []
    public var nodesChanged: [String] = []
    public var rulesAdded: [String] = []
    public var rulesRemoved: [String] = []
    public var rulesChanged: [String] = []
    public var organizationChanged = false
    public var calendarChanged = false

    public var isEmpty: Bool { self == ChangeSummary() }

    public init() {}

    public init(from old: PolicyTables?, to new: PolicyTables) {
        guard let old else {
            grantsAdded = new.grants.map(ChangeSummary.describe)
            permissionsGained = new.permissions.count
            rolesChanged = new.roles.map(\.id)
            nodesAdded = new.nodes.map(\.path)
            rulesAdded = (new.fastTracks + new.autoRules).map(\.id)
            organizationChanged = true
            calendarChanged = !new.calendar.isEmpty || !new.calendarYears.isEmpty
            return
        }
        let oldGrants = Set(old.grants.map(ChangeSummary.describe))
        let newGrants = Set(new.grants.map(ChangeSummary.describe))
        grantsAdded = newGrants.subtracting(oldGrants).sorted()
        grantsRemoved = oldGrants.subtracting(newGrants).sorted()
        func permissionKeys(_ tables: PolicyTables) -> Set<String> {
            Set(tables.permissions.map { "\($0.login) \($0.action) \($0.scope.rawValue) \($0.nodes.joined(separator: ",")) \($0.from ?? "") \($0.until ?? "")" })
        }
        let oldPermissions = permissionKeys(old), newPermissions = permissionKeys(new)
        permissionsGained = newPermissions.subtracting(oldPermissions).count
        permissionsLost = oldPermissions.subtracting(newPermissions).count
        func roleKeys(_ tables: PolicyTables) -> [String: Set<String>] {
            var keys: [String: Set<String>] = [:]
            for role in tables.roles { keys[role.id] = ["title:" + role.title] }
            for row in tables.roleActions { keys[row.role, default: []].insert("\(row.action) \(row.scope.rawValue)") }
            return keys
        }
        let oldRoles = roleKeys(old), newRoles = roleKeys(new)
        rolesChanged = Set(oldRoles.keys).union(newRoles.keys).filter { oldRoles[$0] != newRoles[$0] }.sorted()
        func nodeKeys(_ tables: PolicyTables) -> [String: String] {
            Dictionary(uniqueKeysWithValues: tables.nodes.map { ($0.path, "\($0.title)|\($0.appealTerm)|\($0.messageTerm)|\($0.accelerated)") })
        }
        let oldNodes = nodeKeys(old), newNodes = nodeKeys(new)
        nodesAdded = Set(newNodes.keys).subtracting(oldNodes.keys).sorted()
        nodesRemoved = Set(oldNodes.keys).subtracting(newNodes.keys).sorted()
        nodesChanged = Set(newNodes.keys).intersection(oldNodes.keys).filter { oldNodes[$0] != newNodes[$0] }.sorted()
        func ruleKeys(_ tables: PolicyTables) -> [String: String] {
            var keys: [String: String] = [:]
            for (kind, rows) in [("fasttrack", tables.fastTracks), ("autorule", tables.autoRules)] {
                for row in rows {
                    keys["\(kind) \(row.id)"] = "\(row.priority)|\(row.nodes)|\(row.regimes)|\(row.channels)|\(row.sources)|\(row.localities)|\(row.assignee ?? "-")|\(row.term?.description ?? "-")"
                }
            }
            return keys
        }
        let oldRules = ruleKeys(old), newRules = ruleKeys(new)
        rulesAdded = Set(newRules.keys).subtracting(oldRules.keys).sorted()
        rulesRemoved = Set(oldRules.keys).subtracting(newRules.keys).sorted()
        rulesChanged = Set(newRules.keys).intersection(oldRules.keys).filter { oldRules[$0] != newRules[$0] }.sorted()
        var oldOrganization = old.organization, newOrganization = new.organization
        oldOrganization.position = ""
        newOrganization.position = ""
        organizationChanged = oldOrganization != newOrganization
        calendarChanged = old.calendar.map { "\($0.date)\($0.kind)\($0.source)" } != new.calendar.map { "\($0.date)\($0.kind)\($0.source)" }
            || old.calendarYears.map(\.year) != new.calendarYears.map(\.year)
    }

    static func describe(_ grant: GrantRow) -> String {
        var text = "\(grant.role) to \(grant.login)"
        if !grant.nodes.isEmpty { text += " on " + grant.nodes.joined(separator: ", ") }
        if let from = grant.from { text += " from \(from)" }
        if let until = grant.until { text += " until \(until)" }
        return text
    }

    /// Lines for a terminal.
    public var lines: [String] {
        if isEmpty { return ["no effective change"] }
        var lines: [String] = []
        func list(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("\(title) (\(items.count)):")
            lines += items.prefix(20).map { "  \($0)" }
            if items.count > 20 { lines.append("  … and \(items.count - 20) more") }
        }
        if organizationChanged { lines.append("organization settings changed") }
        list("grants added", grantsAdded)
        list("grants removed", grantsRemoved)
        if permissionsGained + permissionsLost > 0 { lines.append("permissions: +\(permissionsGained) −\(permissionsLost)") }
        list("roles changed", rolesChanged)
        list("nodes added", nodesAdded)
        list("nodes removed", nodesRemoved)
        list("nodes changed (title, term or acceleration)", nodesChanged)
        list("rules added", rulesAdded)
        list("rules removed", rulesRemoved)
        list("rules changed", rulesChanged)
        if calendarChanged { lines.append("calendar additions changed") }
        return lines
    }
}
