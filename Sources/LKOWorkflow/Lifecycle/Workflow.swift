import Foundation
import GRDB
import LKOAccounts
import LKOCalendar
import LKOCompiler
import LKOStore

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

    public var policy: CompiledPolicy { active.policy }

    public init(store: Store, resolver: any AssigneeResolver = DirectAssignment(), baseCalendar: ProductionCalendar? = nil) throws {
        guard let active = try store.activePolicy() else { throw WorkflowError.noActivePolicy }
        self.store = store
        self.active = active
        self.resolver = resolver
        do {
            self.calendar = try active.policy.productionCalendar(base: baseCalendar ?? ProductionCalendar.shipped())
        } catch {
            throw WorkflowError.calendar("the production calendar cannot be built: \(error)")
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
            throw WorkflowError.calendar("\(error); add the year to the policy with `calendar { year … }` once its decree is published")
        } catch {
            throw WorkflowError.calendar("\(error)")
        }
    }

    // MARK: The gate

    /// What an action needs besides the case: a target login, text, days.
    public struct ActionInput: Sendable {
        public var target: String?
        public var text: String?
        public var days: Int?

        public init(target: String? = nil, text: String? = nil, days: Int? = nil) {
            self.target = target
            self.text = text
            self.days = days
        }
    }

    /// Performs `action` on the case with ПОС number `posNumber` as `actor`.
    @discardableResult
    public func perform(_ action: CaseAction, on posNumber: String, by actor: Account, input: ActionInput = ActionInput()) throws -> CaseRecord {
        guard let permission = action.permission else {
            throw WorkflowError.invalid("`\(action.rawValue)` is a platform event (moderation happens outside the organization); it comes in with `lko case import`")
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
            // 0. The actor's account, as stored now: active and not locked (a session checked
            //    earlier does not survive a disable or a lockout in between).
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT status, locked_until FROM accounts WHERE login = ?"), arguments: [actor.login])
            let status: String? = row?["status"]
            let lockedUntil = (row?["locked_until"] as String?).flatMap(StoreClock.parse)
            if status != "active" || lockedUntil.map({ $0 > now }) == true {
                let why = status == nil ? "there is no account `\(actor.login)`" : status != "active" ? "the account `\(actor.login)` is disabled" : "the account `\(actor.login)` is locked"
                return try deny(.denied(action: "\(action.rawValue) case \(posNumber)", explanation: [why]), reason: status == nil ? "no_account" : status != "active" ? "account_disabled" : "account_locked")
            }
            // 1. Compiled permission.
            if !policy.decide(login: actor.login, action: permission, node: node, assignee: record.assignee, on: day) {
                let explanation = policy.explain(login: actor.login, action: permission, node: node, assignee: record.assignee, on: day)
                return try deny(.denied(action: "\(action.rawValue) case \(posNumber)", explanation: explanation.lines), reason: explanation.denial?.reason.code ?? "denied")
            }
            // 2. The state allows it.
            guard let target = TransitionTable.target(of: action, from: record.state) else {
                return try deny(.stateForbids(action: action.rawValue, state: record.state, allowed: TransitionTable.actions(from: record.state)), reason: "state \(record.state.rawValue)")
            }
            // 3. Separation of duties (order item 12): whoever drafted or submitted the answer —
            //    or had it drafted for them by a substitute — cannot approve or return it.
            if action == .approve || action == .return {
                let involved = [record.draftedBy, record.submittedBy, record.draftedFor].compactMap { $0 }
                if involved.contains(actor.login) {
                    return try deny(.separationOfDuties("\(actor.login) drafted or submitted this answer (or it was drafted for them), so someone else must \(action.rawValue) it"), reason: "separation_of_duties")
                }
            }
            // 4. What the action itself needs.
            let before = record.state
            let assigneeBefore = record.assignee
            var actingFor: String?
            var comment = input.text ?? ""
            switch action {
            case .assign, .reassign:
                guard let requested = input.target, !requested.isEmpty else { return .failure(.invalid("`\(action.rawValue)` needs the executor: --to LOGIN")) }
                let resolved = try resolver.resolve(requested, on: day, in: db)
                guard let nodeIndex = node, policy.isExecutor(resolved.login, node: nodeIndex, on: day) else {
                    return try deny(.notExecutor(login: resolved.login, node: record.node, day: day.description), reason: "not_executor")
                }
                let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM accounts WHERE login = ?"), arguments: [resolved.login])
                guard status == "active" else {
                    return .failure(.invalid(status == nil ? "`\(resolved.login)` has no account; add it with `lko user add \(resolved.login)`" : "the account `\(resolved.login)` is disabled"))
                }
                if action == .reassign, resolved.login == record.assignee {
                    return .failure(.invalid("case \(posNumber) is already assigned to \(resolved.login)"))
                }
                record.assignee = resolved.login
                actingFor = resolved.actingFor
                // A substitute resolved for an absentee acts for them; anyone else assigned by
                // name holds the case in their own right (no hand-back, no drafted_for).
                record.originalAssignee = resolved.actingFor
                if let actingFor { comment = [comment, "замещает \(actingFor)"].filter { !$0.isEmpty }.joined(separator: "; ") }
            case .draft:
                guard let text = input.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                    return .failure(.invalid("`draft` needs the answer text: --text \"…\" or --file FILE"))
                }
                record.answer = text
                record.draftedBy = actor.login
                record.draftedFor = record.originalAssignee != actor.login ? record.originalAssignee : nil
                comment = "черновик ответа (\(text.count) символов)"
            case .submit:
                guard record.answer != nil else { return .failure(.invalid("there is no draft to submit; `lko case draft` first")) }
                record.submittedBy = actor.login
            case .approve:
                comment = [comment, "ответ направлен заявителю автоматически"].filter { !$0.isEmpty }.joined(separator: "; ")
            case .return:
                guard !comment.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return .failure(.invalid("`return` needs the reason for revision: --comment \"…\""))
                }
            case .redirect:
                guard let organization = input.target?.trimmingCharacters(in: .whitespaces), !organization.isEmpty else {
                    return .failure(.invalid("`redirect` needs the organization: --to \"…\""))
                }
                record.redirectedTo = organization
                comment = [comment, "перенаправлено: \(organization)"].filter { !$0.isEmpty }.joined(separator: "; ")
            case .extend:
                guard record.regime == .appeal else {
                    return .failure(.invalid("only обращения (appeals under 59-ФЗ) can be extended; case \(posNumber) is a сообщение"))
                }
                guard record.extensionDays == 0 else {
                    return .failure(.invalid("case \(posNumber) was already extended by \(record.extensionDays) days; a term is extended at most once"))
                }
                guard let days = input.days, (1...30).contains(days) else {
                    return .failure(.invalid("`extend` needs --days 1…30"))
                }
                guard let reason = input.text?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
                    return .failure(.invalid("`extend` needs the reason: --comment \"…\" (the applicant gets an interim answer)"))
                }
                guard let entry = CalendarDate(iso: record.moderationOn) else { return .failure(.invalid("the case's moderation date is unreadable")) }
                let extended = try deadline(entry: entry, term: record.term, extensionDays: days)
                record.extensionDays = days
                record.extensionReason = reason
                record.deadline = extended.date.description
                record.deadlineNote = extended.note
                comment = "срок продлён на \(days) дн. до \(extended.date): \(reason); заявителю направлен промежуточный ответ"
            case .reopen:
                record.assignee = nil
                record.answer = nil
                record.draftedBy = nil
                record.draftedFor = nil
                record.submittedBy = nil
                comment = [comment, "повторное рассмотрение"].filter { !$0.isEmpty }.joined(separator: "; ")
            case .moderate, .reject:
                break
            }
            if let target { record.state = target }
            record.updatedAt = StoreClock.format(now)
            try Workflow.save(db, record)
            try CaseEvent.append(db, caseID: record.id, at: record.updatedAt, onDay: day.description, actor: actor.login, actingFor: actingFor, action: action.rawValue, from: before, to: record.state, assigneeBefore: assigneeBefore, assigneeAfter: record.assignee, comment: comment)
            try AuditLog.append(db, at: now, actor: actor.login, action: "case.\(action.rawValue)", object: "case:\(posNumber)", details: ["from": before.rawValue, "to": record.state.rawValue, "assignee": record.assignee ?? ""])
            return .success(record)
        }
        return try outcome.get()
    }

    static func save(_ db: Database, _ record: CaseRecord) throws {
        try db.cachedStatement(sql: """
            UPDATE cases SET state = ?, assignee = ?, original_assignee = ?, routed_by = ?, fast_track = ?, term_days = ?, term_unit = ?,
              extension_days = ?, extension_reason = ?, deadline = ?, deadline_note = ?, answer = ?, drafted_by = ?, drafted_for = ?,
              submitted_by = ?, redirected_to = ?, updated_at = ?
            WHERE id = ?
            """).execute(arguments: [
                record.state.rawValue, record.assignee, record.originalAssignee, record.routedBy, record.fastTrack, record.termDays, record.termUnit,
                record.extensionDays, record.extensionReason, record.deadline, record.deadlineNote, record.answer, record.draftedBy, record.draftedFor,
                record.submittedBy, record.redirectedTo, record.updatedAt, record.id,
            ])
    }
}

extension Workflow {
    /// Writes a new case row whole; returns its id.
    static func insert(_ db: Database, _ record: CaseRecord) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO cases(pos_number, epgu_number, regime, node, source, channel, locality, address, description, applicant_name, applicant_contacts,
              received_on, moderation_on, state, assignee, original_assignee, routed_by, fast_track, term_days, term_unit, extension_days, extension_reason,
              deadline, deadline_note, answer, drafted_by, drafted_for, submitted_by, redirected_to, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                record.posNumber, record.epguNumber, record.regime.rawValue, record.node, record.source, record.channel?.rawValue, record.locality,
                record.address, record.description, record.applicantName, record.applicantContacts, record.receivedOn, record.moderationOn,
                record.state.rawValue, record.assignee, record.originalAssignee, record.routedBy, record.fastTrack, record.termDays, record.termUnit,
                record.extensionDays, record.extensionReason, record.deadline, record.deadlineNote, record.answer, record.draftedBy, record.draftedFor,
                record.submittedBy, record.redirectedTo, record.createdAt, record.updatedAt,
            ])
        return db.lastInsertedRowID
    }
}
