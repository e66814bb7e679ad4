import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOMessages

extension Workflow {
    /// The administrator (`manage_delegations`) may set up anyone's absence; an executor may set
    /// up their own. A denial is audited.
    func authorizeDelegation(for login: String, by actor: Account, in db: SQLDatabase) throws -> WorkflowError? {
        let day = today
        if policy.decide(login: actor.login, action: .manageDelegations, node: nil, assignee: nil, on: day) { return nil }
        let isExecutorToday = policy.tables.nodes.indices.contains { policy.isExecutor(actor.login, node: $0, on: day) }
        if actor.login == login, isExecutorToday { return nil }
        let explanation = policy.explain(login: actor.login, action: .manageDelegations, node: nil, assignee: nil, on: day)
        try AuditLog.append(db, at: store.clock.now(), actor: actor.login, action: "denied", object: "absence:\(login)", details: ["action": "manage_delegations", "reason": explanation.denial?.reason.code ?? "denied"])
        return .denied(action: "set up an absence for \(login) (only the administrator, or executors for themselves)", explanation: explanation.messages)
    }

    /// `lko absence plan`: the checks and effects, changing nothing.
    public func planAbsence(_ request: AbsenceRequest, by actor: Account) throws -> DelegationPlan {
        let result: Result<DelegationPlan, WorkflowError> = try store.write { db in
            if let denial = try authorizeDelegation(for: request.login, by: actor, in: db) { return .failure(denial) }
            return .success(try plan(request, in: db))
        }
        return try result.get()
    }

    /// `lko absence add`: the same checks; records the absence and, if it has started, hands
    /// over at once — today, in the same transaction (an absence recorded after its start moves
    /// cases only from today; one recorded after its end moves nothing). Returns the plan that
    /// was carried out, with the new absence's `id`.
    public func addAbsence(_ request: AbsenceRequest, by actor: Account) throws -> (Absence, DelegationPlan) {
        // Whatever is already due goes first (in date order), so a start carried out now does
        // not overtake the earlier ones.
        try processDueDelegations()
        let now = store.clock.now()
        let day = today
        let result: Result<(Absence, DelegationPlan), WorkflowError> = try store.write { db in
            if let denial = try authorizeDelegation(for: request.login, by: actor, in: db) { return .failure(denial) }
            var plan = try self.plan(request, in: db)
            guard plan.isAcceptable else { return .failure(.planRefused(absence: nil, errors: plan.errors, suggestion: plan.suggestion)) }
            let time = StoreClock.format(now)
            let id = try db.insert(sql: """
                INSERT INTO absences(login, starts_on, ends_on, reason, substitute, return_open_cases, allow_partial, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?)
                """, arguments: [request.login, request.from.description, request.until?.description, request.reason.rawValue, request.substitute, request.returnOpenCases, request.allowPartial, actor.login, time, time])
            plan.id = id
            try AuditLog.append(db, at: now, actor: actor.login, action: "absence.add", object: "absence:\(id)", details: [
                "login": request.login, "from": request.from.description, "until": request.until?.description ?? "open-ended",
                "reason": request.reason.rawValue, "substitute": request.substitute,
            ])
            let absence = try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [id])!
            if absence.start <= day { _ = try startNow(absence, in: db, now: now) }
            return .success((absence, plan))
        }
        let (absence, plan) = try result.get()
        try processDueDelegations()
        return (try store.read { db in try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [absence.id]) } ?? absence, plan)
    }

    /// An absence recorded (or changed) today whose first day is today or past: a past one is
    /// only a record — nothing moves, it is marked started and ended; otherwise the cases move
    /// today, exactly as the plan computed today said.
    func startNow(_ absence: Absence, in db: SQLDatabase, now: Date) throws -> [DelegationMove] {
        let day = today
        if let end = absence.end, end < day {
            let time = StoreClock.format(now)
            try db.execute(sql: "UPDATE absences SET start_processed = 1, end_processed = 1, updated_at = ? WHERE id = ?", arguments: [time, absence.id])
            try AuditLog.append(db, at: now, actor: "system", action: "absence.past", object: "absence:\(absence.id)", details: [
                "login": absence.login, "from": absence.startsOn, "until": end.description, "moved": "0",
            ])
            return []
        }
        return try begin(absence, on: day, in: db, now: now, mode: .recordedOn(day))
    }

    /// The absences (of `login` or substituted by them; covering `day`), oldest first. Each
    /// one's real status today is ``Absence/status(on:)`` with ``today``.
    public func absences(at day: CalendarDate? = nil, login: String? = nil) throws -> [Absence] {
        try store.read { db in
            try Absence.all(db).filter { absence in
                (login == nil || absence.login == login || absence.substitute == login) && (day.map { absence.covers($0) } ?? true)
            }
        }
    }

    /// Early return (or the end of an open-ended sick leave): `returnedOn` is the first day back.
    public func endAbsence(_ id: Int64, returnedOn: CalendarDate, by actor: Account) throws -> Absence {
        let now = store.clock.now()
        let result: Result<Absence, WorkflowError> = try store.write { db in
            guard let absence = try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [id]) else { return .failure(.absenceNotFound(id)) }
            if let denial = try authorizeDelegation(for: absence.login, by: actor, in: db) { return .failure(denial) }
            guard !absence.isCancelled else { return .failure(.refused("absence_cancelled", .absErrWasCancelled, ["id": "\(id)"])) }
            guard !absence.endProcessed else {
                return .failure(.refused("absence_ended", .absErrAlreadyEnded, ["id": "\(id)", "until": .text(absence.endsOn.map { peopleDate(iso: $0) } ?? "")]))
            }
            guard returnedOn > absence.start else {
                return .failure(.refused("absence_not_started", .absErrNotStartedUseCancel, ["id": "\(id)", "from": .text(peopleDate(iso: absence.startsOn))]))
            }
            let lastDay = returnedOn.adding(days: -1)
            if let end = absence.end, lastDay > end { return .failure(.refused("end_only_earlier", .absErrEndOnlyEarlier, ["id": "\(id)", "until": .text(peopleDate(end))])) }
            try db.execute(sql: "UPDATE absences SET ends_on = ?, updated_at = ? WHERE id = ?", arguments: [lastDay.description, StoreClock.format(now), id])
            try AuditLog.append(db, at: now, actor: actor.login, action: "absence.end", object: "absence:\(id)", details: ["last_day": lastDay.description])
            return .success(try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [id])!)
        }
        _ = try result.get()
        try processDueDelegations()
        return try store.read { db in try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [id])! }
    }

    /// Cancels an absence that has not started; it is kept, marked cancelled.
    public func cancelAbsence(_ id: Int64, by actor: Account) throws {
        let now = store.clock.now()
        let day = today
        let result: Result<Void, WorkflowError> = try store.write { db in
            guard let absence = try Absence.fetchOne(db, sql: "SELECT * FROM absences WHERE id = ?", arguments: [id]) else { return .failure(.absenceNotFound(id)) }
            if let denial = try authorizeDelegation(for: absence.login, by: actor, in: db) { return .failure(denial) }
            guard !absence.isCancelled else { return .failure(.refused("absence_cancelled", .absErrAlreadyCancelled, ["id": "\(id)"])) }
            guard !absence.startProcessed, absence.start > day else {
                return .failure(.refused("absence_started", .absErrStartedUseEnd, ["id": "\(id)", "from": .text(peopleDate(iso: absence.startsOn))]))
            }
            try db.execute(sql: "UPDATE absences SET status = 'cancelled', updated_at = ? WHERE id = ?", arguments: [StoreClock.format(now), id])
            try AuditLog.append(db, at: now, actor: actor.login, action: "absence.cancel", object: "absence:\(id)")
            return .success(())
        }
        try result.get()
    }

    /// Carries out every absence start and end that is due — exactly once each, in date order,
    /// however long nobody ran lko. Called by every command through the CLI, and by `lko tick`.
    /// Returns each case moved (or kept), with the names of the people involved.
    @discardableResult
    public func processDueDelegations() throws -> [DelegationMove] {
        let day = today
        let now = store.clock.now()
        return try store.write { db in
            var done: [DelegationMove] = []
            struct Event { var date: CalendarDate; var isEnd: Bool; var absence: Absence }
            var events: [Event] = []
            for absence in try Absence.all(db) where !absence.isCancelled {
                if !absence.startProcessed, absence.start <= day { events.append(Event(date: absence.start, isEnd: false, absence: absence)) }
                if absence.startProcessed || absence.start <= day, !absence.endProcessed, let end = absence.end, end < day {
                    events.append(Event(date: end.adding(days: 1), isEnd: true, absence: absence))
                }
            }
            // Ends before starts on the same day: someone back today can receive cases today.
            events.sort { ($0.date, $0.isEnd ? 0 : 1, $0.absence.id) < ($1.date, $1.isEnd ? 0 : 1, $1.absence.id) }
            for event in events {
                if event.isEnd {
                    done += try finish(event.absence, on: event.date, in: db, now: now)
                } else {
                    // Recorded in advance and due (or overdue after downtime): the start day.
                    done += try begin(event.absence, on: event.date, in: db, now: now, mode: PlanMode())
                }
            }
            return try DelegationMove.named(done, in: db)
        }
    }

    private func begin(_ absence: Absence, on day: CalendarDate, in db: SQLDatabase, now: Date, mode: PlanMode) throws -> [DelegationMove] {
        // The same function as `plan` and `add`, so the dry run predicts the real run: a case goes
        // where the plan says (nil — a node not covered on every day — is the coordinator's queue).
        let request = AbsenceRequest(login: absence.login, from: absence.start, until: absence.end, reason: absence.reason, substitute: absence.substitute, returnOpenCases: absence.returnOpenCases, allowPartial: absence.allowPartial)
        let planned = try plan(request, in: db, excluding: absence.id, mode: mode)
        let targets = Dictionary(planned.moves.map { ($0.posNumber, $0.to) }, uniquingKeysWith: { first, _ in first })
        let time = StoreClock.format(now)
        var done: [DelegationMove] = []
        let open = try CaseRecord.fetchAll(db, sql: """
            SELECT * FROM cases WHERE assignee = ? AND state IN \(openStatesSQL) ORDER BY pos_number
            """, arguments: [absence.login]).filter { targets.keys.contains($0.posNumber) }
        for var record in open {
            let fromState = record.state
            let target = targets[record.posNumber] ?? nil
            let before = record.assignee
            let original = record.originalAssignee ?? absence.login
            record.assignee = target
            record.originalAssignee = original
            var comment = "отсутствие #\(absence.id) (\(absence.reason.rawValue)) \(absence.login): "
            if target == nil {
                // Only with --allow-partial can a case lack a covering substitute; it goes to the
                // coordinator's queue.
                record.state = .received
                comment += "замещающий не покрывает \(record.node): решает Координатор"
            } else {
                comment += "передано \(target!)"
            }
            record.updatedAt = time
            try Workflow.save(db, record)
            try CaseEvent.append(db, caseID: record.id, at: time, onDay: day.description, actor: "system", actingFor: original, action: "handover", from: fromState, to: record.state, assigneeBefore: before, assigneeAfter: target, comment: comment)
            try AuditLog.append(db, at: now, actor: "system", action: "case.handover", object: "case:\(record.posNumber)", details: ["absence": String(absence.id), "from": before ?? "", "to": target ?? "coordinator"])
            done.append(DelegationMove(kind: .handover, posNumber: record.posNumber, absence: absence.id, from: before, to: target))
        }
        try db.execute(sql: "UPDATE absences SET start_processed = 1, updated_at = ? WHERE id = ?", arguments: [time, absence.id])
        try AuditLog.append(db, at: now, actor: "system", action: "absence.start", object: "absence:\(absence.id)", details: ["login": absence.login, "moved": String(open.count)])
        return done
    }

    private func finish(_ absence: Absence, on returnDay: CalendarDate, in db: SQLDatabase, now: Date) throws -> [DelegationMove] {
        let time = StoreClock.format(now)
        var done: [DelegationMove] = []
        if absence.returnOpenCases {
            // Cases still open and not yet submitted go back to the returning executor.
            let cases = try CaseRecord.fetchAll(db, sql: """
                SELECT * FROM cases WHERE original_assignee = ? AND assignee IS NOT NULL AND assignee != ? AND state IN ('assigned', 'in_progress', 'returned') ORDER BY pos_number
                """, arguments: [absence.login, absence.login])
            for var record in cases {
                guard let node = policy.nodeIndex(record.node), policy.isExecutor(absence.login, node: node, on: returnDay) else {
                    done.append(DelegationMove(kind: .stays, posNumber: record.posNumber, absence: absence.id, from: record.assignee, to: record.assignee,
                                               returning: absence.login, node: record.node, day: returnDay.description))
                    continue
                }
                let before = record.assignee
                record.assignee = absence.login
                record.originalAssignee = nil
                record.updatedAt = time
                try Workflow.save(db, record)
                try CaseEvent.append(db, caseID: record.id, at: time, onDay: returnDay.description, actor: "system", action: "handback", from: record.state, to: record.state, assigneeBefore: before, assigneeAfter: absence.login, comment: "возвращено после отсутствия #\(absence.id)")
                try AuditLog.append(db, at: now, actor: "system", action: "case.handback", object: "case:\(record.posNumber)", details: ["absence": String(absence.id), "from": before ?? "", "to": absence.login])
                done.append(DelegationMove(kind: .handback, posNumber: record.posNumber, absence: absence.id, from: before, to: absence.login))
            }
        }
        try db.execute(sql: "UPDATE absences SET end_processed = 1, updated_at = ? WHERE id = ?", arguments: [time, absence.id])
        try AuditLog.append(db, at: now, actor: "system", action: "absence.finish", object: "absence:\(absence.id)", details: ["login": absence.login, "returned": String(done.count)])
        return done
    }
}
