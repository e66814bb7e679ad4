import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOMessages

/// What `lko absence change` changes; nil fields stay as they are.
public struct AbsenceChange: Sendable, Equatable {
    /// The new last day away, or open-ended (sick leave whose end is not known yet).
    public enum Until: Sendable, Equatable {
        case on(CalendarDate)
        case openEnded

        var date: CalendarDate? {
            if case .on(let day) = self { return day }
            return nil
        }
    }

    public var from: CalendarDate?
    public var until: Until?
    public var reason: Absence.Reason?
    public var substitute: String?
    public var returnOpenCases: Bool?
    public var allowPartial: Bool?

    public init(from: CalendarDate? = nil, until: Until? = nil, reason: Absence.Reason? = nil, substitute: String? = nil, returnOpenCases: Bool? = nil, allowPartial: Bool? = nil) {
        self.from = from
        self.until = until
        self.reason = reason
        self.substitute = substitute
        self.returnOpenCases = returnOpenCases
        self.allowPartial = allowPartial
    }

    public var isEmpty: Bool { self == AbsenceChange() }
}

extension Workflow {
    /// `lko absence change ID …`: changes the dates, substitute, reason or flags of a recorded
    /// absence, after the same checks as `plan` (re-planned without the absence itself), audited
    /// with the absence before and after. `dryRun` checks and returns the plan, writing nothing.
    ///
    /// - A **planned** absence (not started) may change anything. If its new first day is today
    ///   or past, it starts at once, as `add` would (a past absence moves nothing; a partly past
    ///   one moves cases today).
    /// - An absence **in progress** keeps its first day (the handover has happened: it is
    ///   history). Its last day may move later, become open-ended, or move earlier down to
    ///   yesterday (then it ends today, as `lko absence end` would). A new substitute (or a
    ///   change of chain or coverage) takes over today the open cases held for the absentee:
    ///   each move is an audited `handover` dated today; deadlines never change.
    /// - A **cancelled** or **ended** absence cannot change.
    @discardableResult
    public func changeAbsence(_ id: Int64, _ change: AbsenceChange, dryRun: Bool = false, by actor: Account) throws -> (Absence, DelegationPlan) {
        // Whatever is due first, so "in progress" means handed over.
        try processDueDelegations()
        let now = store.clock.now()
        let day = today
        let result: Result<(Absence, DelegationPlan), WorkflowError> = try store.write { db in
            guard let absence = try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [id]) else {
                return .failure(.absenceNotFound(id))
            }
            if let denial = try authorizeDelegation(for: absence.login, by: actor, in: db) { return .failure(denial) }
            let status = absence.status(on: day)
            switch status {
            case .cancelled: return .failure(.refused("absence_cancelled", .absErrCancelledNoChange, ["id": "\(id)"]))
            case .ended: return .failure(.refused("absence_ended", .absErrEndedNoChange, ["id": "\(id)", "until": .text(absence.endsOn.map { peopleDate(iso: $0) } ?? "")]))
            case .planned, .inProgress: break
            }
            guard !change.isEmpty else { return .failure(.refused("nothing_to_change", .absErrNothingToChange, ["id": "\(id)"])) }
            let request = AbsenceRequest(login: absence.login, from: change.from ?? absence.start, until: change.until.map(\.date) ?? absence.end,
                                         reason: change.reason ?? absence.reason, substitute: change.substitute ?? absence.substitute,
                                         returnOpenCases: change.returnOpenCases ?? absence.returnOpenCases, allowPartial: change.allowPartial ?? absence.allowPartial)
            let mode: PlanMode
            if status == .inProgress {
                if request.from != absence.start {
                    return .failure(.refused("first_day_fixed", .absErrFirstDayFixed, ["id": "\(id)", "from": .text(peopleDate(iso: absence.startsOn))]))
                }
                if let until = request.until, until < day.adding(days: -1) {
                    return .failure(.refused("last_day_too_early", .absErrLastDayTooEarly, ["id": "\(id)", "yesterday": .text(peopleDate(day.adding(days: -1)))]))
                }
                mode = PlanMode(moveDay: day, checkFrom: day, includeHeld: true)
            } else {
                mode = .recordedOn(day)
            }
            var plan = try self.plan(request, in: db, excluding: id, mode: mode)
            plan.id = id
            guard plan.isAcceptable else {
                return .failure(.planRefused(absence: id, errors: plan.errors, suggestion: plan.suggestion))
            }
            if dryRun { return .success((absence, plan)) }

            let time = StoreClock.format(now)
            try db.execute(sql: """
                UPDATE absences SET starts_on = ?, ends_on = ?, reason = ?, substitute = ?, return_open_cases = ?, allow_partial = ?, updated_at = ? WHERE id = ?
                """, arguments: [request.from.description, request.until?.description, request.reason.rawValue, request.substitute, request.returnOpenCases, request.allowPartial, time, id])
            let changed = try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [id])!
            var details = ["before": Self.summary(absence), "after": Self.summary(changed), "changed": Self.changedFields(absence, changed).joined(separator: ", ")]
            if status == .inProgress { details["moved"] = String(plan.moves.count) }
            try AuditLog.append(db, at: now, actor: actor.login, action: "absence.change", object: "absence:\(id)", details: details)
            if status == .inProgress {
                try rehand(changed, plan.moves, on: day, in: db, now: now)
            } else if changed.start <= day {
                _ = try startNow(changed, in: db, now: now)
            }
            return .success((changed, plan))
        }
        let (absence, plan) = try result.get()
        if dryRun { return (absence, plan) }
        // A last day moved to yesterday ends the absence today.
        try processDueDelegations()
        return (try store.read { db in try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [id]) } ?? absence, plan)
    }

    /// Cases held for an absentee move to whoever the changed absence makes responsible today.
    private func rehand(_ absence: Absence, _ moves: [DelegationPlan.Move], on day: CalendarDate, in db: SQLDatabase, now: Date) throws {
        let time = StoreClock.format(now)
        for move in moves {
            guard var record = try CaseRecord.fetch(db, posNumber: move.posNumber) else { continue }
            let fromState = record.state
            let before = record.assignee
            record.assignee = move.to
            record.originalAssignee = record.originalAssignee ?? absence.login
            var comment = "отсутствие #\(absence.id) (\(absence.reason.rawValue)) \(absence.login) изменено: "
            if let target = move.to {
                comment += "передано \(target)"
            } else {
                record.state = .received
                comment += "замещающий не покрывает \(record.node): решает Координатор"
            }
            record.updatedAt = time
            try Workflow.save(db, record)
            try CaseEvent.append(db, caseID: record.id, at: time, onDay: day.description, actor: "system", actingFor: absence.login, action: "handover", from: fromState, to: record.state, assigneeBefore: before, assigneeAfter: move.to, comment: comment)
            try AuditLog.append(db, at: now, actor: "system", action: "case.handover", object: "case:\(record.posNumber)", details: ["absence": String(absence.id), "from": before ?? "", "to": move.to ?? "coordinator"])
        }
    }

    static func summary(_ absence: Absence) -> String {
        "\(absence.startsOn) – \(absence.endsOn ?? "open-ended"), \(absence.reason.rawValue), substitute \(absence.substitute), return_open_cases \(absence.returnOpenCases), allow_partial \(absence.allowPartial)"
    }

    static func changedFields(_ before: Absence, _ after: Absence) -> [String] {
        var fields: [String] = []
        if before.startsOn != after.startsOn { fields.append("from") }
        if before.endsOn != after.endsOn { fields.append("until") }
        if before.reason != after.reason { fields.append("reason") }
        if before.substitute != after.substitute { fields.append("substitute") }
        if before.returnOpenCases != after.returnOpenCases { fields.append("return_open_cases") }
        if before.allowPartial != after.allowPartial { fields.append("allow_partial") }
        return fields.isEmpty ? ["nothing"] : fields
    }
}
