import Foundation
import LKOCalendar
import LKOMessages
import LKOStore

/// Takes a redirected case into another organization inside the redirecting transaction.
public protocol RedirectReceiver: Sendable {
    /// `record` is the case as the sender leaves it (redirected), `history` its events; `db` is
    /// the sender's transaction. Throwing undoes the redirect.
    func receive(_ record: CaseRecord, history: [CaseEvent], by actor: String, at now: Date, in db: SQLDatabase) throws
}

/// A redirect between two ЛКО of one region (docs/workflow.md, «Между ЛКО региона»): the case
/// leaves the sender as «перенаправлено» and enters the receiver's queue — routed under the
/// receiver's own active policy, keeping its ПОС number, its term and deadline, and its whole
/// history (the sender's events, then the arrival). Both organizations' records say it, and
/// both change in one transaction or not at all.
public struct RegionalRedirect: RedirectReceiver {
    /// The receiving organization's identifier.
    public let organization: String
    /// The receiving organization's workflow: its policy routes the case.
    let receiver: Workflow
    /// The sending organization's identifier and title (for the history).
    let sender: String

    /// - Parameter receiver: a workflow on the receiving organization's store (its active policy).
    public init(organization: String, receiver: Workflow, sender: String) {
        self.organization = organization
        self.receiver = receiver
        self.sender = sender
    }

    /// How a redirect from `sender` to `organization` is called in ПОС's words, or a refusal when
    /// the two are neither superior nor subordinate of each other.
    public static func kind(in db: SQLDatabase, from sender: String, to organization: String) throws -> String {
        guard let kind = try RegionRegistry.relation(db, from: sender, to: organization) else {
            throw WorkflowError.refused("region_not_related", .regionNotRelated, ["from": .text(sender), "to": .text(organization)])
        }
        return kind
    }

    public func receive(_ record: CaseRecord, history: [CaseEvent], by actor: String, at now: Date, in db: SQLDatabase) throws {
        try db.inOrganization(organization) { target in
            if try CaseRecord.fetch(target, posNumber: record.posNumber) != nil {
                throw WorkflowError.refused("region_case_exists", .regionCaseExists, ["number": .text(record.posNumber), "organization": .text(organization)])
            }
            guard receiver.policy.nodeIndex(record.node) != nil else {
                throw WorkflowError.refused("region_unknown_category", .regionUnknownCategory, ["node": .text(record.node), "organization": .text(organization)])
            }
            let time = StoreClock.format(now)
            let day = receiver.today.description
            // The case as the receiver first sees it: passed moderation, its term running as it
            // was, nobody of the sender's attached to it.
            var arriving = record
            arriving.id = 0
            arriving.state = .moderation
            arriving.assignee = nil
            arriving.originalAssignee = nil
            arriving.routedBy = ""
            arriving.answer = nil
            arriving.draftedBy = nil
            arriving.draftedFor = nil
            arriving.submittedBy = nil
            arriving.redirectedTo = nil
            arriving.redirectKind = nil
            arriving.redirectReason = nil
            arriving.answeredOn = nil
            arriving.createdAt = time
            arriving.updatedAt = time
            let admission = try receiver.admission(target, of: arriving, day: day)
            arriving = admission.record
            arriving.id = try Workflow.insert(target, arriving)
            // The history, kept: the sender's events as they were, marked with where they happened.
            let copy = try target.cachedStatement(sql: "INSERT INTO case_events(case_id, at, on_day, actor, acting_for, action, from_state, to_state, assignee_before, assignee_after, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            for event in history {
                try copy.execute(arguments: [arriving.id, event.at, event.onDay, event.actor, event.actingFor, event.action, event.fromState, event.toState,
                                             event.assigneeBefore, event.assigneeAfter, "[ЛКО \(sender)] " + event.comment])
            }
            try CaseEvent.append(target, caseID: arriving.id, at: time, onDay: day, actor: actor, action: "redirect_in", from: nil, to: .moderation,
                                 assigneeBefore: nil, assigneeAfter: nil, comment: "перенаправлено из ЛКО \(sender)")
            try receiver.recordAdmission(target, admission, caseID: arriving.id, now: time, day: day)
            try AuditLog.append(target, at: now, actor: actor, action: "case.receive", object: "case:\(record.posNumber)",
                                details: ["from": sender, "to": arriving.state.rawValue, "assignee": arriving.assignee ?? ""])
        }
    }
}
