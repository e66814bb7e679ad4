import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOMessages

/// What each action does to a case once the gate has let it through (`Workflow.perform`): its own
/// conditions, the case's new fields, the answer's versions and the violations it records.
extension Workflow {
    struct ActionContext {
        var db: SQLDatabase
        var actor: String
        var now: Date
        var time: String
        var day: CalendarDate
        var input: ActionInput
    }

    struct FollowingEvent {
        var action: String
        var from: CaseState
        var to: CaseState
        var assigneeBefore: String?
        var assigneeAfter: String?
        var actingFor: String?
        var comment: String
    }

    struct ActionEffect {
        var comment = ""
        var actingFor: String?
        /// History lines after the action's own (routing after a reclassification).
        var followingEvents: [FollowingEvent] = []
        var auditDetails: [String: String] = [:]
    }

    func apply(_ action: CaseAction, to record: inout CaseRecord, _ context: ActionContext) throws -> Result<ActionEffect, WorkflowError> {
        let input = context.input
        let db = context.db
        let day = context.day
        var effect = ActionEffect(comment: input.text ?? "")
        func trimmed(_ text: String?) -> String? {
            guard let value = text?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        switch action {
        case .assign, .reassign:
            guard let requested = trimmed(input.target) else { return .failure(.refused("target_required", .wfExecutorRequired, ["action": .text(action.rawValue)])) }
            let resolved = try resolver.resolve(requested, on: day, in: db)
            guard let nodeIndex = policy.nodeIndex(record.node), try isExecutor(resolved.login, node: nodeIndex, on: day, in: db) else {
                try AuditLog.append(db, at: context.now, actor: context.actor, action: "denied", object: "case:\(record.posNumber)", details: ["action": action.rawValue, "reason": "not_executor"])
                return .failure(.notExecutor(login: resolved.login, node: record.node, day: day.description))
            }
            let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM accounts WHERE login = ?"), arguments: [resolved.login])
            guard status == "active" else {
                return .failure(status == nil ? .refused("no_account", .workflowNoAccount) : .refused("account_disabled", .workflowTargetDisabled))
            }
            if action == .reassign, resolved.login == record.assignee {
                return .failure(.refused("already_assigned", .workflowAlreadyAssigned))
            }
            record.assignee = resolved.login
            effect.actingFor = resolved.actingFor
            // A substitute resolved for an absentee acts for them; anyone else assigned by name
            // holds the case in their own right (no hand-back, no drafted_for).
            record.originalAssignee = resolved.actingFor
            if let actingFor = resolved.actingFor { effect.comment = [effect.comment, "замещает \(actingFor)"].filter { !$0.isEmpty }.joined(separator: "; ") }
        case .draft:
            guard let text = trimmed(input.text) else { return .failure(.refused("text_required", .wfDraftTextRequired)) }
            record.answer = text
            record.draftedBy = context.actor
            record.draftedFor = record.originalAssignee != context.actor ? record.originalAssignee : nil
            try AnswerVersion.append(db, caseID: record.id, kind: .draft, text: text, author: context.actor, actingFor: record.draftedFor, at: context.time, onDay: day.description)
            effect.comment = "черновик ответа (\(text.count) символов)"
        case .submit:
            guard let answer = record.answer else { return .failure(.refused("no_draft", .workflowNoDraft)) }
            record.submittedBy = context.actor
            try AnswerVersion.append(db, caseID: record.id, kind: .submitted, text: answer, author: context.actor, actingFor: record.draftedFor, at: context.time, onDay: day.description)
        case .approve:
            let answer = record.answer ?? ""
            try AnswerVersion.append(db, caseID: record.id, kind: .approved, text: answer, author: context.actor, at: context.time, onDay: day.description, comment: input.text ?? "")
            record.answeredOn = day.description
            effect.comment = [effect.comment, "ответ направлен заявителю автоматически"].filter { !$0.isEmpty }.joined(separator: "; ")
            if let deadline = record.deadline.flatMap({ CalendarDate(iso: $0) }), day > deadline {
                let late = try lateness(of: record, deadline: deadline, through: day, in: db)
                try Violation.append(db, caseID: record.id, kind: .lateAnswer, onDay: day.description, deadline: deadline.description, calendarDays: late.calendar,
                                     workingDays: late.working, holders: late.holders, detail: "ответ направлен \(day), срок \(deadline)", at: context.time)
                effect.auditDetails["late_days"] = String(late.calendar)
            }
        case .return:
            guard let comment = trimmed(input.text) else { return .failure(.refused("comment_required", .wfReturnCommentRequired)) }
            try AnswerVersion.append(db, caseID: record.id, kind: .returned, text: record.answer ?? "", author: context.actor, at: context.time, onDay: day.description, comment: comment)
        case .redirect:
            guard let organization = trimmed(input.target) else { return .failure(.refused("target_required", .wfRedirectTargetRequired)) }
            let kind = input.kind ?? "other_body"
            guard Workflow.redirectKinds.contains(kind) else {
                return .failure(.refused("redirect_kind", .wfRedirectKind, ["kinds": .text(Workflow.redirectKinds.joined(separator: ", "))]))
            }
            // 59-ФЗ ст. 8 ч. 3: an appeal goes to the competent body within 7 days of registration.
            if record.regime == .appeal, let registered = CalendarDate(iso: record.moderationOn), day > registered.adding(days: 7) {
                guard let reason = trimmed(input.text) else {
                    return .failure(.refused("late_redirect_reason", .workflowLateRedirect))
                }
                let overdue = registered.adding(days: 7).days(until: day)
                let working = (try? calendar.workingDayCount(from: registered.adding(days: 8), through: day)) ?? 0
                let holders = try ResponsibilityTimeline(policy: policy, db: db).lateHolders(of: record, events: try CaseEvent.history(db, caseID: record.id), deadline: registered.adding(days: 7), through: day)
                try Violation.append(db, caseID: record.id, kind: .lateRedirect, onDay: day.description, deadline: registered.adding(days: 7).description, calendarDays: overdue,
                                     workingDays: working, holders: holders, detail: "перенаправлено \(day) (\(kind): \(organization)); причина: \(reason)", at: context.time)
                record.redirectReason = reason
            }
            record.redirectedTo = organization
            record.redirectKind = kind
            effect.comment = [effect.comment, "перенаправлено (\(Workflow.redirectTitle(kind))): \(organization)"].filter { !$0.isEmpty }.joined(separator: "; ")
            effect.auditDetails["kind"] = kind
        case .extend:
            guard record.regime == .appeal else {
                return .failure(.refused("appeals_only", .workflowExtendAppealsOnly))
            }
            guard record.extensionDays == 0 else {
                return .failure(.refused("already_extended", .workflowAlreadyExtended))
            }
            // 59-ФЗ ст. 12 ч. 2: the term is extended while it runs, not after it has run out.
            if let deadline = record.deadline.flatMap({ CalendarDate(iso: $0) }), day > deadline {
                return .failure(.refused("term_ran_out", .workflowTermRanOut))
            }
            guard let days = input.days, (1...30).contains(days) else { return .failure(.refused("days_required", .wfExtendDaysRequired)) }
            guard let reason = trimmed(input.text) else {
                return .failure(.refused("comment_required", .wfExtendReasonRequired))
            }
            guard let entry = CalendarDate(iso: record.moderationOn) else { return .failure(.refused("moderation_date", .wfModerationDateUnreadable, ["number": .text(record.posNumber)])) }
            let extended = try deadline(entry: entry, term: record.term, extensionDays: days)
            record.extensionDays = days
            record.extensionReason = reason
            record.deadline = extended.date.description
            record.deadlineNote = extended.note
            effect.comment = "срок продлён на \(days) дн. до \(extended.date): \(reason); заявителю направлен промежуточный ответ"
        case .reopen:
            // Повторное рассмотрение is a new examination: a new term of the same length counts
            // from the reopening day; the answers sent before stay in the record.
            let previous = record.deadline ?? "-"
            let renewed = try deadline(entry: day, term: record.term)
            record.assignee = nil
            record.originalAssignee = nil
            record.answer = nil
            record.draftedBy = nil
            record.draftedFor = nil
            record.submittedBy = nil
            record.answeredOn = nil
            record.extensionDays = 0
            record.extensionReason = nil
            record.deadline = renewed.date.description
            record.deadlineNote = renewed.note
            effect.comment = [effect.comment, "повторное рассмотрение; новый срок \(renewed.date) (прежний \(previous))"].filter { !$0.isEmpty }.joined(separator: "; ")
        case .reclassify:
            return try reclassify(&record, context)
        case .moderate, .reject:
            break
        }
        return .success(effect)
    }

    /// Order item 7: the coordinator moves a case to the node its content belongs to, whatever
    /// the citizen chose; it is then routed as usual. The term keeps counting from moderation
    /// under the new node's term, but is never lengthened by a reclassification: the new
    /// deadline is the earlier of the old one and the new node's.
    func reclassify(_ record: inout CaseRecord, _ context: ActionContext) throws -> Result<ActionEffect, WorkflowError> {
        guard let path = context.input.target?.trimmingCharacters(in: .whitespaces), !path.isEmpty else {
            return .failure(.refused("target_required", .wfReclassifyTargetRequired))
        }
        guard let reason = context.input.text?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            return .failure(.refused("comment_required", .wfReclassifyReasonRequired))
        }
        guard let index = policy.nodeIndex(path) else { return .failure(.refused("unknown_node", .wfUnknownNode, ["node": .text(path)])) }
        let row = policy.node(index)
        if row.level == "category", row.subtreeEnd > row.index + 1 {
            return .failure(.refused("node_is_category", .wfNodeIsCategory, ["node": .text(row.path), "example": .text(policy.node(index + 1).path)]))
        }
        guard row.path != record.node else { return .failure(.refused("already_in_node", .wfAlreadyInNode, ["number": .text(record.posNumber), "node": .text(row.path)])) }
        guard policy.decide(login: context.actor, action: .assign, node: index, assignee: nil, on: context.day) else {
            return .failure(.denied(action: "reclassify case \(record.posNumber) into \(row.path)", explanation: policy.explain(login: context.actor, action: .assign, node: index, assignee: nil, on: context.day).messages))
        }
        let oldNode = record.node
        let oldDeadline = record.deadline.flatMap { CalendarDate(iso: $0) }
        record.node = row.path
        record.assignee = nil
        record.originalAssignee = nil
        record.state = .received
        let admission = try self.admission(context.db, of: record, day: context.day.description)
        var routed = admission.record
        if let entry = CalendarDate(iso: routed.moderationOn) {
            let term = routed.term
            let fresh = try deadline(entry: entry, term: term, extensionDays: routed.extensionDays)
            if let oldDeadline, oldDeadline < fresh.date {
                routed.deadline = oldDeadline.description
            } else {
                routed.deadline = fresh.date.description
                routed.deadlineNote = fresh.note
            }
        }
        record = routed
        var effect = ActionEffect(comment: "переклассифицировано: \(oldNode) → \(row.path); причина: \(reason)")
        effect.auditDetails = ["from_node": oldNode, "to_node": row.path]
        if !admission.comment.isEmpty {
            effect.followingEvents.append(FollowingEvent(action: "route", from: .received, to: admission.routedTo, assigneeBefore: nil, assigneeAfter: routed.assignee, actingFor: admission.actingFor, comment: admission.comment))
        }
        return .success(effect)
    }

    /// Calendar and working days late, and who held the case on those days.
    func lateness(of record: CaseRecord, deadline: CalendarDate, through day: CalendarDate, in db: SQLDatabase) throws -> (calendar: Int, working: Int, holders: [Violation.Holder]) {
        let calendarDays = deadline.days(until: day)
        let workingDays = (try? calendar.workingDayCount(from: deadline.adding(days: 1), through: day)) ?? 0
        let holders = try ResponsibilityTimeline(policy: policy, db: db).lateHolders(of: record, events: try CaseEvent.history(db, caseID: record.id), deadline: deadline, through: day)
        return (calendarDays, workingDays, holders)
    }

    static func redirectTitle(_ kind: String) -> String {
        switch kind {
        case "subordinate": "в подведомственную организацию"
        case "superior": "в вышестоящую организацию"
        case "federal_email": "по e-mail в ФОИВ, не подключенный к ПОС"
        default: "в другой орган"
        }
    }
}
