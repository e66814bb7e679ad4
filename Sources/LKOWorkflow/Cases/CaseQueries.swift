import Foundation
import LKOMessages
import LKOCalendar
import LKOCompiler
import LKOStore

extension Workflow {
    public struct CaseFilter: Sendable {
        public var state: CaseState?
        public var assignee: String?
        public var overdueOnly = false

        public init(state: CaseState? = nil, assignee: String? = nil, overdueOnly: Bool = false) {
            self.state = state
            self.assignee = assignee
            self.overdueOnly = overdueOnly
        }
    }

    /// Cases `actor` may view (the policy's `view`), filtered.
    public func cases(visibleTo actor: Account, filter: CaseFilter = CaseFilter()) throws -> [CaseRecord] {
        let day = today
        var clauses: [String] = []
        var arguments: SQLArguments = []
        if let state = filter.state { clauses.append("state = ?"); arguments += [state.rawValue] }
        if let assignee = filter.assignee { clauses.append("assignee = ?"); arguments += [assignee] }
        if filter.overdueOnly {
            clauses.append("deadline < ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned')")
            arguments += [day.description]
        }
        let sql = "SELECT * FROM cases" + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")) + " ORDER BY deadline, pos_number"
        let all = try store.read { db in try CaseRecord.fetchAll(db, sql: sql, arguments: arguments) }
        return all.filter { record in
            policy.decide(login: actor.login, action: .view, node: policy.nodeIndex(record.node), assignee: record.assignee, on: day)
        }
    }

    /// One case, if `actor` may view it; a denial is audited and explained.
    public func caseDetail(_ posNumber: String, for actor: Account) throws -> (CaseRecord, [CaseEvent]) {
        let day = today
        let found = try store.read { db -> (CaseRecord, [CaseEvent])? in
            guard let record = try CaseRecord.fetch(db, posNumber: posNumber) else { return nil }
            return (record, try CaseEvent.history(db, caseID: record.id))
        }
        guard let (record, events) = found else { throw WorkflowError.unknownCase(posNumber) }
        let node = policy.nodeIndex(record.node)
        // The grants, else a right an absence gives a declared substitute (issue 14).
        let viewable = try policy.decide(login: actor.login, action: .view, node: node, assignee: record.assignee, on: day)
            || store.read { db in try derivedRights.right(login: actor.login, action: .view, node: node, assignee: record.assignee, on: day, policy: policy, in: db) } != nil
        guard viewable else {
            let explanation = policy.explain(login: actor.login, action: .view, node: node, assignee: record.assignee, on: day)
            try store.write { db in
                try AuditLog.append(db, at: store.clock.now(), actor: actor.login, action: "denied", object: "case:\(posNumber)", details: ["action": "view", "reason": explanation.denial?.reason.code ?? "denied"])
            }
            throw WorkflowError.denied(action: "view case \(posNumber)", explanation: explanation.messages)
        }
        return (record, events)
    }

    /// Working days from `day` (exclusive) to the deadline (inclusive); negative when overdue.
    public func workingDaysLeft(until deadline: String?, from day: CalendarDate) -> Int? {
        guard let deadline, let date = CalendarDate(iso: deadline) else { return nil }
        do {
            if date > day { return try calendar.workingDayCount(from: day.adding(days: 1), through: date) }
            if date == day { return 0 }
            return -(try calendar.workingDayCount(from: date.adding(days: 1), through: day))
        } catch {
            return nil
        }
    }
}

/// Keeps an account with open cases from being removed or disabled.
public struct OpenCasesBlocker: AccountBlockerProvider {
    public init() {}

    public func blockers(for login: String, in db: SQLDatabase) throws -> [Message] {
        let numbers = try String.fetchAll(db, sql: """
            SELECT pos_number FROM cases WHERE assignee = ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned')
            ORDER BY pos_number
            """, arguments: [login])
        guard !numbers.isEmpty else { return [] }
        let shown = numbers.prefix(10).joined(separator: ", ")
        return [Message(.blockerOpenCases, ["count": .text("\(numbers.count)"), "login": .text(login), "numbers": .text(shown + (numbers.count > 10 ? ", …" : ""))])]
    }
}
