import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore

/// Rights the compiled tables do not hold but an absence gives: the workflow gate asks this
/// provider only after ``CompiledPolicy/decide(login:action:node:assignee:on:)`` said no, so
/// decisions stay pure and fast for everyone else.
public protocol DerivedRightsProvider: Sendable {
    /// The derived right that allows `login` to do `action` on a case at `node` assigned to
    /// `assignee` on `day`, or nil.
    func right(login: String, action: Action, node: Int?, assignee: String?, on day: CalendarDate, policy: CompiledPolicy, in db: SQLDatabase) throws -> DerivedRight?
}

/// The policy's substitute eligibility applied to the absences recorded in the database (order
/// items 9 and 12): an eligible substitute holds the absentee's executor (approver) scope for
/// exactly the absence's days.
public struct AbsenceDerivedRights: DerivedRightsProvider {
    public init() {}

    public func right(login: String, action: Action, node: Int?, assignee: String?, on day: CalendarDate, policy: CompiledPolicy, in db: SQLDatabase) throws -> DerivedRight? {
        guard !policy.substituteRows.isEmpty else { return nil }
        let absences = try AbsenceDerivedRights.facts(db, substitute: login)
        return policy.derivedMatch(login: login, action: action, node: node, assignee: assignee, on: day, absences: absences)
    }

    /// The absences that count (not cancelled), as the compiler sees them; of one substitute
    /// when given.
    public static func facts(_ db: SQLDatabase, substitute: String? = nil) throws -> [AbsenceFact] {
        let rows: [Absence]
        if let substitute {
            rows = try Absence.fetchAll(db, sql: "SELECT * FROM absences WHERE substitute = ? AND status != 'cancelled' ORDER BY starts_on, id", arguments: [substitute])
        } else {
            rows = try Absence.fetchAll(db, sql: "SELECT * FROM absences WHERE status != 'cancelled' ORDER BY starts_on, id")
        }
        return rows.map(\.fact)
    }
}

/// No derived rights: the compiled tables alone decide.
public struct NoDerivedRights: DerivedRightsProvider {
    public init() {}

    public func right(login: String, action: Action, node: Int?, assignee: String?, on day: CalendarDate, policy: CompiledPolicy, in db: SQLDatabase) throws -> DerivedRight? { nil }
}

extension Absence {
    /// The absence as the compiler sees it.
    public var fact: AbsenceFact {
        AbsenceFact(id: id, login: login, substitute: substitute, from: start, until: end)
    }
}

extension Workflow {
    /// Every absence that counts (not cancelled), for derived rights.
    public func absenceFacts() throws -> [AbsenceFact] {
        try store.read { db in try AbsenceDerivedRights.facts(db) }
    }

    /// Whether `login` may hold cases at `node` on `day` as an executor: by a grant or, with
    /// the policy's eligibility, by an absence they stand in for.
    func isExecutor(_ login: String, node: Int, on day: CalendarDate, in db: SQLDatabase) throws -> Bool {
        if policy.isExecutor(login, node: node, on: day) { return true }
        guard !policy.substituteRows.isEmpty else { return false }
        return policy.isExecutor(login, node: node, on: day, absences: try AbsenceDerivedRights.facts(db, substitute: login))
    }
}
