import Foundation
import LKOCalendar
import LKOMessages
import LKOStore

/// The region at a glance for its administrators and on-call team: each registered ЛКО with
/// its open cases, those due today and those overdue, and the length of its audit chain.
public struct RegionOverview: Sendable, Codable, Equatable {
    public var organization: RegionOrganization
    public var openCases: Int
    public var dueToday: Int
    public var overdue: Int
    public var auditEntries: Int

    enum CodingKeys: String, CodingKey {
        case organization
        case openCases = "open_cases"
        case dueToday = "due_today"
        case overdue
        case auditEntries = "audit_entries"
    }

    /// Reads every registered ЛКО in one snapshot of the regional database. Only for the
    /// region's administrators (`manage_users` in the organization `region`).
    public static func read(region store: Store, by actor: Account, today: CalendarDate) throws -> [RegionOverview] {
        guard store.organization == RegionRegistry.organization else {
            throw StoreError.invalidField(field: "--db", reason: Message(.regionNotTheRegion, ["organization": .text(RegionRegistry.organization)]))
        }
        try store.authorize(actor, .manageUsers)
        let day = today.description
        return try store.read { db in
            try RegionRegistry.organizations(db).map { organization in
                // Identifiers are checked when registered (lower-case Latin, digits, `_`).
                let schema = "lko_" + organization.id
                let counts = try SQLRow.fetchOne(db, sql: """
                    SELECT COUNT(*) AS open_cases,
                           COUNT(*) FILTER (WHERE deadline = ?) AS due_today,
                           COUNT(*) FILTER (WHERE deadline < ?) AS overdue,
                           (SELECT COUNT(*) FROM \(schema).audit) AS audit_entries
                    FROM \(schema).cases WHERE state IN \(openStatesSQL)
                    """, arguments: [day, day])
                return RegionOverview(organization: organization, openCases: counts?["open_cases"] ?? 0, dueToday: counts?["due_today"] ?? 0,
                                      overdue: counts?["overdue"] ?? 0, auditEntries: counts?["audit_entries"] ?? 0)
            }
        }
    }
}
