import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOMessages

extension Workflow {
    /// One finding of `delegation check`: an error or a warning of an absence's plan, or an
    /// approval gap. In JSON the message is in Russian, with its stable `code`.
    public struct DelegationFinding: Sendable, Codable, Equatable {
        public var absence: Int64
        public var login: String
        public var severity: String
        /// What it is (a plan issue's code, or `approval_gap`).
        public var code: String
        public var message: Message
        /// For an approval gap: the case, and the days nobody present may approve it.
        public var posNumber: String? = nil
        public var days: [String]? = nil

        init(absence: Int64, login: String, severity: String, issue: DelegationPlan.Issue, posNumber: String? = nil, days: [String]? = nil) {
            self.absence = absence
            self.login = login
            self.severity = severity
            self.code = issue.code
            self.message = issue.message
            self.posNumber = posNumber
            self.days = days
        }

        /// The finding as a plan issue (its code and message).
        public var issue: DelegationPlan.Issue { DelegationPlan.Issue(code, message) }

        enum CodingKeys: String, CodingKey {
            case absence, login, severity, code, message
            case posNumber = "case"
            case days
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            absence = try container.decode(Int64.self, forKey: .absence)
            login = try container.decode(String.self, forKey: .login)
            severity = try container.decode(String.self, forKey: .severity)
            code = try container.decode(String.self, forKey: .code)
            message = Message(.verbatim, ["text": .text(try container.decode(String.self, forKey: .message))])
            posNumber = try container.decodeIfPresent(String.self, forKey: .posNumber)
            days = try container.decodeIfPresent([String].self, forKey: .days)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(absence, forKey: .absence)
            try container.encode(login, forKey: .login)
            try container.encode(severity, forKey: .severity)
            try container.encode(code, forKey: .code)
            try container.encode(message.render(.ru), forKey: .message)
            try container.encodeIfPresent(posNumber, forKey: .posNumber)
            try container.encodeIfPresent(days, forKey: .days)
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
                return .failure(.denied(action: "check delegations", explanation: explanation.messages))
            }
            let windowEnd = from.adding(days: max(0, days))
            var findings: [DelegationFinding] = []
            let absences = try Absence.all(db).filter { !$0.isCancelled && !$0.endProcessed && $0.overlaps(start: from, end: windowEnd) }
            for absence in absences {
                let request = AbsenceRequest(login: absence.login, from: max(absence.start, from), until: absence.end, reason: absence.reason, substitute: absence.substitute, returnOpenCases: absence.returnOpenCases, allowPartial: absence.allowPartial)
                let plan = try self.plan(request, in: db, excluding: absence.id)
                for var error in plan.errors {
                    // What to paste into the policy, as `absence plan` prints it.
                    if error.code == "substitute_not_covering", !plan.suggestion.isEmpty {
                        error.message = Message(.verbatim, ["text": .messages([error.message] + plan.suggestion.map { Message(.planSuggestion, ["paste": .text($0)]) }, separator: " — ")])
                    }
                    findings.append(.init(absence: absence.id, login: absence.login, severity: "error", issue: error))
                }
                for warning in plan.warnings { findings.append(.init(absence: absence.id, login: absence.login, severity: "warning", issue: warning)) }
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
    func approvalGaps(from: CalendarDate, through last: CalendarDate, in db: SQLDatabase) throws -> [DelegationFinding] {
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
            var reasons: [Message] = []
            if !relevant.isEmpty {
                let entries = relevant.map { Message(.planApprovalAwayEntry, ["login": .text($0.login), "absence": .text("\($0.absence)")]) }
                reasons.append(Message(.planApprovalAway, ["list": .messages(entries, separator: ", ")]))
            }
            if !authors.isEmpty { reasons.append(Message(.planApprovalSeparated, ["list": .text(authors.joined(separator: ", "))])) }
            let message = Message(.planApprovalGap, [
                "number": .text(record.posNumber), "node": .text(record.node), "days": .text(Self.ranges(gapDays)),
                "reasons": reasons.isEmpty ? .text("") : .message(Message(.planApprovalReasons, ["reasons": .messages(reasons, separator: "; ")])),
                "away": relevant.first.map { .text($0.login) } ?? .message(Message(.planLoginPlaceholder)),
            ])
            findings.append(.init(absence: relevant.first?.absence ?? 0, login: relevant.first?.login ?? "", severity: "error", issue: .init("approval_gap", message),
                                  posNumber: record.posNumber, days: gapDays.map(\.description)))
        }
        return findings
    }

    /// Days as ranges, for people: "11.01.2027 – 15.01.2027, 20.01.2027".
    static func ranges(_ days: [CalendarDate]) -> String {
        var parts: [(CalendarDate, CalendarDate)] = []
        for day in days {
            if let last = parts.last, last.1.adding(days: 1) == day { parts[parts.count - 1].1 = day } else { parts.append((day, day)) }
        }
        return parts.map { $0.0 == $0.1 ? peopleDate($0.0) : "\(peopleDate($0.0)) – \(peopleDate($0.1))" }.joined(separator: ", ")
    }
}
