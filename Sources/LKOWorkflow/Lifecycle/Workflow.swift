import Foundation
import LKOAccounts
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOMessages

/// The workflow core: cases, their lifecycle, routing and deadlines, under the active policy.
///
/// Every action on a case passes ``perform(_:on:by:input:)`` — the one enforcement gate:
/// compiled permission ∧ the state allows it ∧ separation of duties, for an authenticated
/// account. The change, its history line and its audit entry are one transaction; a denial is
/// audited too, with the same explanation `lko explain` gives.
public final class Workflow: Sendable {
    public let store: Store
    public let active: ActivePolicy
    public let calendar: ProductionCalendar
    let resolver: any AssigneeResolver
    /// Consulted by the gate after the compiled tables say no (absences with eligibility).
    let derivedRights: any DerivedRightsProvider

    public var policy: CompiledPolicy { active.policy }

    public init(store: Store, resolver: any AssigneeResolver = DirectAssignment(), baseCalendar: ProductionCalendar? = nil, derivedRights: any DerivedRightsProvider = AbsenceDerivedRights()) throws {
        guard let active = try store.activePolicy() else { throw WorkflowError.noActivePolicy }
        self.store = store
        self.active = active
        self.resolver = resolver
        self.derivedRights = derivedRights
        do {
            self.calendar = try active.policy.productionCalendar(base: baseCalendar ?? ProductionCalendar.shipped())
        } catch {
            let reason: Message.Argument = (error as? CalendarOverrideError).map { .message($0.message) } ?? .text("\(error)")
            throw WorkflowError.calendar(Message(.wfCalendarCannotBuild, ["reason": reason]))
        }
    }

    /// Today in the organization's time zone, by the store's clock.
    public var today: CalendarDate { store.today(policy: policy) }

    // MARK: Deadlines

    /// The deadline of a term counted from the moderation entry day (order item 10), with the
    /// organization's end rule.
    public func deadline(entry: CalendarDate, term: TermValue, extensionDays: Int = 0) throws -> Deadline {
        do {
            return try DeadlineCalculator(calendar: calendar).deadline(entry: entry, term: term.calendarTerm, extraDays: extensionDays, endRule: policy.deadlineEndRule)
        } catch let error as CalendarError {
            throw WorkflowError.calendar(Message(.wfCalendarAddYear, ["reason": .message(error.message)]))
        } catch DeadlineError.extensionOutOfRange {
            throw WorkflowError.calendar(Message(.errExtendDaysRange))
        } catch {
            throw WorkflowError.calendar(Message(.errTermDaysRange))
        }
    }

    // MARK: The gate

    /// What an action needs besides the case: a target (login, organization, node), text, days,
    /// and for a redirect its kind.
    public struct ActionInput: Sendable {
        public var target: String?
        public var text: String?
        public var days: Int?
        /// A redirect's kind: subordinate, superior, other_body or federal_email.
        public var kind: String?

        public init(target: String? = nil, text: String? = nil, days: Int? = nil, kind: String? = nil) {
            self.target = target
            self.text = text
            self.days = days
            self.kind = kind
        }
    }

    /// ПОС's kinds of redirect.
    public static let redirectKinds = ["subordinate", "superior", "other_body", "federal_email"]

    /// Performs `action` on the case with ПОС number `posNumber` as `actor`.
    ///
    /// - Parameter receiver: for a redirect to another ЛКО of the region, who takes the case in
    ///   the same transaction (``RegionalRedirect``); if it refuses, the redirect does not happen.
    @discardableResult
    public func perform(_ action: CaseAction, on posNumber: String, by actor: Account, input: ActionInput = ActionInput(), receiver: (any RedirectReceiver)? = nil) throws -> CaseRecord {
        guard let permission = action.permission else {
            throw WorkflowError.refused("platform_event", .wfPlatformEvent, ["action": .text(action.rawValue)])
        }
        let now = store.clock.now()
        let day = today
        let outcome: Result<CaseRecord, WorkflowError> = try store.write { db in
            guard var record = try CaseRecord.fetch(db, posNumber: posNumber) else { return .failure(.unknownCase(posNumber)) }
            let node = policy.nodeIndex(record.node)
            func deny(_ error: WorkflowError, reason: String) throws -> Result<CaseRecord, WorkflowError> {
                try AuditLog.append(db, at: now, actor: actor.login, action: "denied", object: "case:\(posNumber)", details: ["action": action.rawValue, "reason": reason])
                return .failure(error)
            }
            // 0. The actor's account, as stored now: active (a session checked earlier does not
            //    survive a disable in between). A lockout stops password checks, not the work of
            //    a session that proved the password before it.
            let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM accounts WHERE login = ?"), arguments: [actor.login])
            if status != "active" {
                let why = Message(status == nil ? .wfDeniedNoAccount : .wfDeniedAccountDisabled, ["login": .text(actor.login)])
                return try deny(.denied(action: "\(action.rawValue) case \(posNumber)", explanation: [why]), reason: status == nil ? "no_account" : "account_disabled")
            }
            // 1. Compiled permission, else a right derived from an absence (eligibility).
            var derived: DerivedRight?
            if !policy.decide(login: actor.login, action: permission, node: node, assignee: record.assignee, on: day) {
                derived = try derivedRights.right(login: actor.login, action: permission, node: node, assignee: record.assignee, on: day, policy: policy, in: db)
            }
            if derived == nil, !policy.decide(login: actor.login, action: permission, node: node, assignee: record.assignee, on: day) {
                let explanation = policy.explain(login: actor.login, action: permission, node: node, assignee: record.assignee, on: day)
                return try deny(.denied(action: "\(action.rawValue) case \(posNumber)", explanation: explanation.messages), reason: explanation.denial?.reason.code ?? "denied")
            }
            // 2. The state allows it. Only what this person could do is offered instead.
            guard let target = TransitionTable.target(of: action, from: record.state) else {
                return try deny(.stateForbids(action: action.rawValue, state: record.state, allowed: try possibleActions(for: actor.login, on: record, day: day, in: db)), reason: "state \(record.state.rawValue)")
            }
            // 3. Separation of duties (order item 12): whoever drafted or submitted the answer —
            //    or had it drafted for them by a substitute — cannot approve or return it.
            if action == .approve || action == .return {
                let involved = [record.draftedBy, record.submittedBy, record.draftedFor].compactMap { $0 }
                if involved.contains(actor.login) {
                    return try deny(.separationOfDuties("\(actor.login) drafted or submitted this answer (or it was drafted for them), so someone else must \(action.rawValue) it"), reason: "separation_of_duties")
                }
            }
            // 4. What the action itself needs, and what it changes.
            let before = record.state
            let assigneeBefore = record.assignee
            let context = ActionContext(db: db, actor: actor.login, now: now, time: StoreClock.format(now), day: day, input: input)
            let effect: ActionEffect
            switch try apply(action, to: &record, context) {
            case .failure(let error): return .failure(error)
            case .success(let done): effect = done
            }
            if let target, action != .reclassify { record.state = target }
            record.updatedAt = context.time
            try Workflow.save(db, record)
            try CaseEvent.append(db, caseID: record.id, at: record.updatedAt, onDay: day.description, actor: actor.login, actingFor: effect.actingFor, action: action.rawValue, from: before, to: record.state, assigneeBefore: assigneeBefore, assigneeAfter: record.assignee, comment: effect.comment)
            for follow in effect.followingEvents {
                try CaseEvent.append(db, caseID: record.id, at: record.updatedAt, onDay: day.description, actor: "system", actingFor: follow.actingFor, action: follow.action, from: follow.from, to: follow.to, assigneeBefore: follow.assigneeBefore, assigneeAfter: follow.assigneeAfter, comment: follow.comment)
            }
            var details = ["from": before.rawValue, "to": record.state.rawValue, "assignee": record.assignee ?? ""].merging(effect.auditDetails) { $1 }
            if let derived { details["via"] = derived.source }
            try AuditLog.append(db, at: now, actor: actor.login, action: "case.\(action.rawValue)", object: "case:\(posNumber)", details: details)
            if action == .redirect, let receiver {
                try receiver.receive(record, history: try CaseEvent.history(db, caseID: record.id), by: actor.login, at: now, in: db)
            }
            return .success(record)
        }
        return try outcome.get()
    }

    /// The actions `login` could take on the case now: the state, the policy (its grants, and the
    /// rights an absence gives a declared substitute) and separation of duties all allow them
    /// (the "possible now" of a refusal lists nothing else).
    public func possibleActions(for login: String, on record: CaseRecord, day: CalendarDate) -> [CaseAction] {
        (try? store.read { db in try possibleActions(for: login, on: record, day: day, in: db) }) ?? possibleActions(for: login, on: record, day: day, derived: { _ in false })
    }

    /// ``possibleActions(for:on:day:)`` inside a transaction (the gate's refusal).
    func possibleActions(for login: String, on record: CaseRecord, day: CalendarDate, in db: SQLDatabase) throws -> [CaseAction] {
        let node = policy.nodeIndex(record.node)
        var derived: [Action: Bool] = [:]
        for action in TransitionTable.actions(from: record.state) {
            guard let permission = action.permission, derived[permission] == nil else { continue }
            derived[permission] = policy.decide(login: login, action: permission, node: node, assignee: record.assignee, on: day)
                ? false
                : try derivedRights.right(login: login, action: permission, node: node, assignee: record.assignee, on: day, policy: policy, in: db) != nil
        }
        return possibleActions(for: login, on: record, day: day) { derived[$0] ?? false }
    }

    private func possibleActions(for login: String, on record: CaseRecord, day: CalendarDate, derived: (Action) -> Bool) -> [CaseAction] {
        let node = policy.nodeIndex(record.node)
        let involved = [record.draftedBy, record.submittedBy, record.draftedFor].compactMap { $0 }
        return TransitionTable.actions(from: record.state).filter { action in
            guard let permission = action.permission else { return false }
            guard policy.decide(login: login, action: permission, node: node, assignee: record.assignee, on: day) || derived(permission) else { return false }
            if action == .approve || action == .return, involved.contains(login) { return false }
            if action == .extend, record.regime != .appeal || record.extensionDays > 0 { return false }
            return true
        }
    }

    static func save(_ db: SQLDatabase, _ record: CaseRecord) throws {
        try db.cachedStatement(sql: """
            UPDATE cases SET state = ?, assignee = ?, original_assignee = ?, routed_by = ?, fast_track = ?, term_days = ?, term_unit = ?,
              extension_days = ?, extension_reason = ?, deadline = ?, deadline_note = ?, answer = ?, drafted_by = ?, drafted_for = ?,
              submitted_by = ?, redirected_to = ?, updated_at = ?, node = ?, redirect_kind = ?, redirect_reason = ?, answered_on = ?
            WHERE id = ?
            """).execute(arguments: [
                record.state.rawValue, record.assignee, record.originalAssignee, record.routedBy, record.fastTrack, record.termDays, record.termUnit,
                record.extensionDays, record.extensionReason, record.deadline, record.deadlineNote, record.answer, record.draftedBy, record.draftedFor,
                record.submittedBy, record.redirectedTo, record.updatedAt, record.node, record.redirectKind, record.redirectReason, record.answeredOn, record.id,
            ])
    }
}

extension Workflow {
    /// Writes a new case row whole; returns its id.
    static func insert(_ db: SQLDatabase, _ record: CaseRecord) throws -> Int64 {
        try db.insert(sql: """
            INSERT INTO cases(pos_number, epgu_number, regime, node, source, channel, locality, address, description, applicant_name, applicant_contacts,
              received_on, moderation_on, state, assignee, original_assignee, routed_by, fast_track, term_days, term_unit, extension_days, extension_reason,
              deadline, deadline_note, answer, drafted_by, drafted_for, submitted_by, redirected_to, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                record.posNumber, record.epguNumber, record.regime.rawValue, record.node, record.source, record.channel?.rawValue, record.locality,
                record.address, record.description, record.applicantName, record.applicantContacts, record.receivedOn, record.moderationOn,
                record.state.rawValue, record.assignee, record.originalAssignee, record.routedBy, record.fastTrack, record.termDays, record.termUnit,
                record.extensionDays, record.extensionReason, record.deadline, record.deadlineNote, record.answer, record.draftedBy, record.draftedFor,
                record.submittedBy, record.redirectedTo, record.createdAt, record.updatedAt,
            ])
    }
}
