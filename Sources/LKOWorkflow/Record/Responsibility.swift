import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore

/// Who held a case on each day — the basis of the responsibility report (order item 15) and of
/// the lateness recorded when an answer goes out late.
///
/// A day belongs to the stage the case was in at its end: the regional moderator while in
/// moderation; the person(s) holding the coordinator role that day while it waits in the
/// coordinator's queue; the executor while assigned, in work or returned; and, while on
/// approval, everyone who may approve it that day, is not away, and did not write the answer.
struct ResponsibilityTimeline {
    struct Day: Equatable {
        var day: CalendarDate
        var state: CaseState
        var holders: [String]
        var actingFor: String?
    }

    let policy: CompiledPolicy
    /// (login, first day, last day or nil) of every absence not cancelled.
    let absences: [(login: String, start: CalendarDate, end: CalendarDate?)]

    init(policy: CompiledPolicy, db: SQLDatabase) throws {
        self.policy = policy
        absences = try SQLRow.fetchAll(db, sql: "SELECT login, starts_on, ends_on FROM absences WHERE status != 'cancelled'").compactMap { row in
            guard let start = CalendarDate(iso: row["starts_on"] as String) else { return nil }
            return (row["login"], start, (row["ends_on"] as String?).flatMap { CalendarDate(iso: $0) })
        }
    }

    func isAway(_ login: String, on day: CalendarDate) -> Bool {
        absences.contains { $0.login == login && $0.start <= day && ($0.end.map { day <= $0 } ?? true) }
    }

    /// The day-by-day holders from the moderation entry through `until`, stopping after the day
    /// the case closed.
    func days(of record: CaseRecord, events: [CaseEvent], until: CalendarDate) -> [Day] {
        guard let start = CalendarDate(iso: record.moderationOn) else { return [] }
        let sorted = events.sorted { ($0.onDay, $0.id) < ($1.onDay, $1.id) }
        var state = CaseState.moderation
        var assignee: String?
        var actingFor: String?
        var index = 0
        var result: [Day] = []
        var day = start
        while day <= until {
            while index < sorted.count, sorted[index].onDay <= day.description {
                let event = sorted[index]
                state = CaseState(rawValue: event.toState) ?? state
                if event.assigneeAfter != event.assigneeBefore || ["route", "reopen", "reclassify", "assign", "reassign", "handover", "handback"].contains(event.action) {
                    assignee = event.assigneeAfter
                    actingFor = event.actingFor
                }
                index += 1
            }
            result.append(Day(day: day, state: state, holders: holders(of: record, state: state, assignee: assignee, on: day), actingFor: state.isOpen && assignee != nil ? actingFor : nil))
            if !state.isOpen, state != .moderation { break }
            day = day.adding(days: 1)
        }
        return result
    }

    func holders(of record: CaseRecord, state: CaseState, assignee: String?, on day: CalendarDate) -> [String] {
        let node = policy.nodeIndex(record.node)
        switch state {
        case .moderation:
            return ["moderator"]
        case .received:
            return present(policy.tables.logins.filter { policy.decide(login: $0, action: .assign, node: node, assignee: nil, on: day) }, on: day, fallback: ["coordinator"])
        case .assigned, .inProgress, .returned:
            return [assignee ?? "coordinator"]
        case .onApproval:
            let involved = [record.draftedBy, record.submittedBy, record.draftedFor].compactMap { $0 }
            let approvers = policy.tables.logins.filter { login in
                !involved.contains(login) && policy.decide(login: login, action: .approve, node: node, assignee: assignee, on: day)
            }
            return present(approvers, on: day, fallback: [assignee ?? "coordinator"])
        case .rejected, .answered, .redirected:
            return [assignee ?? "coordinator"]
        }
    }

    /// Those not away that day; all of them when everyone is away (someone still had to act);
    /// `fallback` when there is nobody at all.
    private func present(_ logins: [String], on day: CalendarDate, fallback: [String]) -> [String] {
        guard !logins.isEmpty else { return fallback }
        let here = logins.filter { !isAway($0, on: day) }
        return (here.isEmpty ? logins : here).sorted()
    }

    /// Who held the case on the days after `deadline` through `day`, and for how many days each.
    func lateHolders(of record: CaseRecord, events: [CaseEvent], deadline: CalendarDate, through day: CalendarDate) -> [Violation.Holder] {
        var counts: [String: Int] = [:]
        for entry in days(of: record, events: events, until: day) where entry.day > deadline {
            for login in entry.holders { counts[login, default: 0] += 1 }
        }
        return counts.map { Violation.Holder(login: $0.key, days: $0.value) }.sorted { ($0.days, $1.login) > ($1.days, $0.login) }
    }
}
