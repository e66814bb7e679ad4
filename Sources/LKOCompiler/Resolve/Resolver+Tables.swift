import Foundation
import LKOLanguage

extension Resolver {
    func buildTables(organization: OrganizationRow) -> PolicyTables {
        let roleRows = roles.values.sorted { $0.id < $1.id }
        let roleActions = roleActionRows.sorted {
            ($0.role, Action(name: $0.action)!, $0.scope) < ($1.role, Action(name: $1.action)!, $1.scope)
        }
        let sourceRows = sources.files.map { SourceRow(path: $0.path, sha256: PolicyVersion.sha256Hex($0.utf8)) }
        var tables = PolicyTables(
            organization: organization,
            actions: Action.allCases.map { ActionRow(action: $0.rawValue, administrative: $0.isAdministrative) },
            roles: roleRows,
            roleActions: roleActions,
            nodes: tree.rows,
            logins: Array(Set(grants.map(\.login))).sorted(),
            grants: grants,
            permissions: [],
            autoRules: autoRules,
            fastTracks: fastTracks,
            routes: [],
            calendar: calendarRows,
            calendarYears: calendarYears,
            sources: sourceRows,
            substitutes: substituteRows.isEmpty ? nil : substituteRows,
            acceptances: acceptanceRows.isEmpty ? nil : acceptanceRows
        )
        tables = tables.withDerivedRows()
        tables.version = computeVersion ? PolicyVersion.compute(tables) : ""
        return tables
    }
}
