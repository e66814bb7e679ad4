import Foundation
import GRDB
import LKOCalendar
import LKOCompiler
import LKOStore

extension Workflow {
    public struct DelegationFinding: Sendable, Codable, Equatable {
        public var absence: Int64
        public var login: String
        public var severity: String
        public var message: String
    }

    /// `lko delegation check`: absences starting or running in the window re-checked against
    /// today's policy and accounts — missing or invalid substitutes, chains and where they end,
    /// substitutes who are away themselves, executor grants that expire mid-absence, overload.
    public func delegationCheck(from: CalendarDate, days: Int, by actor: Account) throws -> [DelegationFinding] {
        let result: Result<[DelegationFinding], WorkflowError> = try store.write { db in
            if !policy.decide(login: actor.login, action: .manageDelegations, node: nil, assignee: nil, on: today) {
                let explanation = policy.explain(login: actor.login, action: .manageDelegations, node: nil, assignee: nil, on: today)
                try AuditLog.append(db, at: store.clock.now(), actor: actor.login, action: "denied", object: "delegation", details: ["reason": explanation.denial?.reason.code ?? "denied"])
                return .failure(.denied(action: "check delegations", explanation: explanation.lines))
            }
            let windowEnd = from.adding(days: max(0, days))
            var findings: [DelegationFinding] = []
            let absences = try Absence.all(db).filter { !$0.isCancelled && !$0.endProcessed && $0.overlaps(start: from, end: windowEnd) }
            for absence in absences {
                let request = AbsenceRequest(login: absence.login, from: max(absence.start, from), until: absence.end, reason: absence.reason, substitute: absence.substitute, returnOpenCases: absence.returnOpenCases, allowPartial: absence.allowPartial)
                let plan = try self.plan(request, in: db, excluding: absence.id)
                for error in plan.errors { findings.append(.init(absence: absence.id, login: absence.login, severity: "error", message: error)) }
                for warning in plan.warnings { findings.append(.init(absence: absence.id, login: absence.login, severity: "warning", message: warning)) }
            }
            return .success(findings)
        }
        return try result.get()
    }
}
