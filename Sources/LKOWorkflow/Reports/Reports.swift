import Foundation
import GRDB
import LKOCalendar
import LKOCompiler
import LKOStore

/// The Куратор's daily control (order item 13), overdue cases, and who was responsible for a
/// case on each day (order item 15).
extension Workflow {
    public struct ControlRow: Sendable, Codable, Equatable {
        public var posNumber: String
        public var state: String
        public var stateTitle: String
        public var node: String
        public var regime: String
        public var assignee: String
        public var deadline: String
        public var workingDaysLeft: Int?
        public var overdue: Bool
        public var atRisk: Bool
    }

    /// Every open case as of `day`, sorted by executor then deadline. At risk: ≤ 2 working days left.
    public func dailyControl(at day: CalendarDate, by actor: Account, overdueOnly: Bool = false) throws -> [ControlRow] {
        try requireReport(actor)
        let records = try store.read { db in
            try CaseRecord.fetchAll(db, sql: "SELECT * FROM cases WHERE state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned') ORDER BY deadline, pos_number")
        }
        let rows = records.map { record -> ControlRow in
            let left = workingDaysLeft(until: record.deadline, from: day)
            let overdue = (record.deadline.flatMap(CalendarDate.init(iso:)).map { $0 < day }) ?? false
            return ControlRow(
                posNumber: record.posNumber, state: record.state.rawValue, stateTitle: record.state.title, node: record.node,
                regime: record.regime.rawValue, assignee: record.assignee ?? "coordinator", deadline: record.deadline ?? "",
                workingDaysLeft: left, overdue: overdue, atRisk: !overdue && (left.map { $0 <= 2 } ?? false)
            )
        }
        let filtered = overdueOnly ? rows.filter(\.overdue) : rows
        return filtered.sorted { ($0.assignee, $0.deadline, $0.posNumber) < ($1.assignee, $1.deadline, $1.posNumber) }
    }

    func requireReport(_ actor: Account) throws {
        let day = today
        guard policy.decide(login: actor.login, action: .report, node: nil, assignee: nil, on: day) else {
            let explanation = policy.explain(login: actor.login, action: .report, node: nil, assignee: nil, on: day)
            try store.write { db in
                try AuditLog.append(db, at: store.clock.now(), actor: actor.login, action: "denied", object: "report", details: ["reason": explanation.denial?.reason.code ?? "denied"])
            }
            throw WorkflowError.denied(action: "report", explanation: explanation.lines)
        }
    }

    public struct ResponsibilityDay: Sendable, Codable, Equatable {
        public var day: String
        public var state: String
        /// The login responsible that day ("coordinator" while unassigned).
        public var responsible: String
        /// The absent executor they acted for, if a substitute.
        public var actingFor: String?
    }

    /// Who held the case at the end of each day, from its entry into moderation to its closing
    /// (or `until`).
    public func responsibility(_ posNumber: String, until: CalendarDate, by actor: Account) throws -> [ResponsibilityDay] {
        try requireReport(actor)
        let (record, events) = try caseDetail(posNumber, for: actor)
        guard let start = CalendarDate(iso: record.moderationOn) else { return [] }
        var days: [ResponsibilityDay] = []
        var state = CaseState.moderation
        var holder: String?
        var actingFor: String?
        var index = 0
        var day = start
        let sortedEvents = events.sorted { ($0.onDay, $0.id) < ($1.onDay, $1.id) }
        while day <= until {
            while index < sortedEvents.count, sortedEvents[index].onDay <= day.description {
                let event = sortedEvents[index]
                state = CaseState(rawValue: event.toState) ?? state
                if event.assigneeAfter != event.assigneeBefore || event.action == "route" || event.action == "reopen" {
                    holder = event.assigneeAfter
                    actingFor = event.actingFor
                }
                index += 1
            }
            let responsible: String
            switch state {
            case .moderation: responsible = "moderator"
            case .rejected, .answered, .redirected: responsible = holder ?? "coordinator"
            default: responsible = holder ?? "coordinator"
            }
            days.append(ResponsibilityDay(day: day.description, state: state.rawValue, responsible: responsible, actingFor: actingFor))
            if !state.isOpen, state != .moderation { break }
            day = day.adding(days: 1)
        }
        return days
    }
}
