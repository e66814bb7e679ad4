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
        /// For an approval gap: the case, and the days nobody present may approve it.
        public var posNumber: String? = nil
        public var days: [String]? = nil

        enum CodingKeys: String, CodingKey {
            case absence, login, severity, message
            case posNumber = "case"
            case days
        }
    }

    /// `lko delegation check`: absences starting or running in the window re-checked against
    /// today's policy and accounts — missing or invalid substitutes, chains and where they end,
    /// substitutes who are away themselves, executor grants that expire mid-absence, overload —
    /// and approval coverage: every case on approval needs, on each day of the window, someone
    /// present (an active account, not away) who may approve it and did not draft or submit it
    /// (nor had it drafted for them).
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
            findings += try approvalGaps(from: from, through: windowEnd, in: db)
            return .success(findings)
        }
        return try result.get()
    }

    /// Cases on approval with days in `from`…`through` when nobody present may approve them.
    /// A finding names the case and its days; `absence`/`login` is the first absence that takes
    /// an approver away on those days (0 and "" when no absence is involved: only the author may
    /// approve it at all).
    func approvalGaps(from: CalendarDate, through last: CalendarDate, in db: Database) throws -> [DelegationFinding] {
        let onApproval = try CaseRecord.fetchAll(db, sql: "SELECT * FROM cases WHERE state = 'on_approval' ORDER BY pos_number")
        guard !onApproval.isEmpty, from <= last else { return [] }
        let logins = try String.fetchAll(db, sql: "SELECT login FROM accounts WHERE status = 'active' ORDER BY login")
        let chains = SubstitutionChains(try Absence.all(db))
        // An eligible substitute approver (`substitute … as approver`) counts during the absence.
        let facts = policy.substituteRows.isEmpty ? [] : chains.absences.filter { !$0.isCancelled }.map(\.fact)
        let days = (0...from.days(until: last)).map { from.adding(days: $0) }
        var findings: [DelegationFinding] = []
        for record in onApproval {
            let node = policy.nodeIndex(record.node)
            let involved = Set([record.draftedBy, record.submittedBy, record.draftedFor].compactMap { $0 })
            var gapDays: [CalendarDate] = []
            var away: [(login: String, absence: Int64)] = []
            for checkDay in days {
                var present = false
                for login in logins where !involved.contains(login) {
                    guard policy.decide(login: login, action: .approve, node: node, assignee: record.assignee, on: checkDay, absences: facts) else { continue }
                    if let absence = chains.absence(of: login, on: checkDay) {
                        if !away.contains(where: { $0.login == login && $0.absence == absence.id }) { away.append((login, absence.id)) }
                        continue
                    }
                    present = true
                    break
                }
                if !present { gapDays.append(checkDay) }
            }
            guard !gapDays.isEmpty else { continue }
            // Only the absences that matter on the gap days.
            let relevant = away.filter { entry in gapDays.contains { chains.absence(of: entry.login, on: $0)?.id == entry.absence } }
            let authors = involved.sorted()
            var message = "case \(record.posNumber) (\(record.node)) is on approval and nobody present may approve it on \(Self.ranges(gapDays))"
            var reasons: [String] = []
            if !relevant.isEmpty { reasons.append("away: " + relevant.map { "\($0.login) (absence #\($0.absence))" }.joined(separator: ", ")) }
            if !authors.isEmpty { reasons.append("separated by duty: " + authors.joined(separator: ", ")) }
            if !reasons.isEmpty { message += " (" + reasons.joined(separator: "; ") + ")" }
            message += " — grant approve on \(record.node) to someone present, declare a substitute approver (`substitute LOGIN for \(relevant.first?.login ?? "LOGIN") as approver`), or change the absence"
            findings.append(.init(absence: relevant.first?.absence ?? 0, login: relevant.first?.login ?? "", severity: "error", message: message,
                                  posNumber: record.posNumber, days: gapDays.map(\.description)))
        }
        return findings
    }

    /// Days as ranges: "2027-01-11 – 2027-01-15, 2027-01-20".
    static func ranges(_ days: [CalendarDate]) -> String {
        var parts: [(CalendarDate, CalendarDate)] = []
        for day in days {
            if let last = parts.last, last.1.adding(days: 1) == day { parts[parts.count - 1].1 = day } else { parts.append((day, day)) }
        }
        return parts.map { $0.0 == $0.1 ? $0.0.description : "\($0.0) – \($0.1)" }.joined(separator: ", ")
    }
}
