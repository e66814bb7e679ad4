import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore

/// The Куратор's daily control (order item 13), overdue cases, who was responsible for a case on
/// each day (order item 15), and the violations of terms with whose stage caused them.
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

    /// Every case open at the end of `day`, as it stood then (rebuilt from its history: a case
    /// that arrived later is not there, one answered later still is), sorted by executor then
    /// deadline. At risk: ≤ 2 working days left.
    public func dailyControl(at day: CalendarDate, by actor: Account, overdueOnly: Bool = false) throws -> [ControlRow] {
        try requireReport(actor)
        struct Open { var posNumber, state, node, regime: String; var assignee, deadline: String? }
        var open: [Open] = []
        if day >= today {
            // Today (or later): the cases as they stand — the common case, and the Куратор's page.
            open = try store.read { db in
                try SQLRow.fetchAll(db.cachedStatement(sql: """
                    SELECT pos_number, state, node, regime, assignee, deadline FROM cases
                    WHERE state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned')
                    """)).map { Open(posNumber: $0["pos_number"], state: $0["state"], node: $0["node"], regime: $0["regime"], assignee: $0["assignee"], deadline: $0["deadline"]) }
            }
        } else {
            // A past day: each case as it stood at that day's end, rebuilt from its history.
            let (records, events) = try store.read { db -> ([CaseRecord], [Int64: [CaseEvent]]) in
                let records = try CaseRecord.fetchAll(db, sql: "SELECT * FROM cases WHERE moderation_on <= ? ORDER BY deadline, pos_number", arguments: [day.description])
                let events = Dictionary(grouping: try CaseEvent.fetchAll(db, sql: "SELECT * FROM case_events WHERE on_day <= ? ORDER BY id", arguments: [day.description]), by: \.caseID)
                return (records, events)
            }
            for record in records {
                guard let past = try asOf(record, events: events[record.id] ?? [], day: day), past.state.isOpen else { continue }
                open.append(Open(posNumber: record.posNumber, state: past.state.rawValue, node: record.node, regime: record.regime.rawValue, assignee: past.assignee, deadline: past.deadline))
            }
        }
        // Few distinct deadlines: count working days once per deadline, not once per case.
        var leftByDeadline: [String: Int?] = [:]
        var rows: [ControlRow] = []
        rows.reserveCapacity(open.count)
        for item in open {
            let key = item.deadline ?? ""
            let left: Int?
            if let known = leftByDeadline[key] { left = known } else {
                left = workingDaysLeft(until: item.deadline, from: day)
                leftByDeadline[key] = left
            }
            let overdue = (item.deadline.flatMap(CalendarDate.init(iso:)).map { $0 < day }) ?? false
            if overdueOnly, !overdue { continue }
            let state = CaseState(rawValue: item.state) ?? .received
            rows.append(ControlRow(
                posNumber: item.posNumber, state: item.state, stateTitle: state.title, node: item.node,
                regime: item.regime, assignee: item.assignee ?? "coordinator", deadline: item.deadline ?? "",
                workingDaysLeft: left, overdue: overdue, atRisk: !overdue && (left.map { $0 <= 2 } ?? false)
            ))
        }
        return rows.sorted { ($0.assignee, $0.deadline, $0.posNumber) < ($1.assignee, $1.deadline, $1.posNumber) }
    }

    /// A case at the end of `day`: its state and holder from the history up to that day, and
    /// the deadline it had then (an extension granted later does not count yet).
    func asOf(_ record: CaseRecord, events: [CaseEvent], day: CalendarDate) throws -> (state: CaseState, assignee: String?, deadline: String?)? {
        var state: CaseState?
        var assignee: String?
        var extendedLater = false
        var reopenedLater = false
        for event in events.sorted(by: { ($0.onDay, $0.id) < ($1.onDay, $1.id) }) {
            if event.onDay > day.description {
                if event.action == "extend" { extendedLater = true }
                if event.action == "reopen" { reopenedLater = true }
                continue
            }
            state = CaseState(rawValue: event.toState) ?? state
            if event.assigneeAfter != event.assigneeBefore || ["route", "reopen", "reclassify", "assign", "reassign", "handover", "handback"].contains(event.action) {
                assignee = event.assigneeAfter
            }
        }
        guard let state else { return nil }
        var deadline = record.deadline
        if extendedLater || reopenedLater, let entry = CalendarDate(iso: record.moderationOn) {
            deadline = try self.deadline(entry: entry, term: record.term, extensionDays: extendedLater ? 0 : record.extensionDays).date.description
        }
        return (state, assignee, deadline)
    }

    func requireReport(_ actor: Account) throws {
        let day = today
        guard policy.decide(login: actor.login, action: .report, node: nil, assignee: nil, on: day) else {
            let explanation = policy.explain(login: actor.login, action: .report, node: nil, assignee: nil, on: day)
            try store.write { db in
                try AuditLog.append(db, at: store.clock.now(), actor: actor.login, action: "denied", object: "report", details: ["reason": explanation.denial?.reason.code ?? "denied"])
            }
            throw WorkflowError.denied(action: "report", explanation: explanation.messages)
        }
    }

    public struct ResponsibilityDay: Sendable, Codable, Equatable {
        public var day: String
        public var state: String
        /// The login(s) responsible that day, joined with ", " (see ``holders``).
        public var responsible: String
        /// Everyone whose stage it was: the executor; the approvers who may approve it that day,
        /// are present and did not write it; the holders of the coordinator role; the moderator.
        public var holders: [String]
        /// The absent executor they acted for, if a substitute.
        public var actingFor: String?
    }

    /// Who held the case at the end of each day, from its entry into moderation to its closing
    /// (or `until`).
    public func responsibility(_ posNumber: String, until: CalendarDate, by actor: Account) throws -> [ResponsibilityDay] {
        try requireReport(actor)
        let (record, events) = try caseDetail(posNumber, for: actor)
        let timeline = try store.read { db in try ResponsibilityTimeline(policy: policy, db: db) }
        return timeline.days(of: record, events: events, until: until).map { entry in
            ResponsibilityDay(day: entry.day.description, state: entry.state.rawValue, responsible: entry.holders.joined(separator: ", "), holders: entry.holders, actingFor: entry.actingFor)
        }
    }

    /// One line of `lko report violations`.
    public struct ViolationRow: Sendable, Codable, Equatable {
        /// late_answer, late_redirect, late_extension or overdue_now.
        public var kind: String
        public var posNumber: String
        public var node: String
        public var regime: String
        public var day: String
        public var deadline: String?
        public var calendarDays: Int
        public var workingDays: Int
        public var responsible: [Violation.Holder]
        public var detail: String

        enum CodingKeys: String, CodingKey {
            case kind
            case posNumber = "pos_number"
            case node, regime, day, deadline
            case calendarDays = "calendar_days"
            case workingDays = "working_days"
            case responsible, detail
        }
    }

    /// Late answers, late redirects and extensions recorded between `from` and `to`, and the
    /// cases overdue now (as of `to`), each with whose stage held the case past its term.
    public func violations(from: CalendarDate, to: CalendarDate, by actor: Account) throws -> [ViolationRow] {
        try requireReport(actor)
        return try store.read { db in
            var rows: [ViolationRow] = []
            let recorded = try SQLRow.fetchAll(db, sql: """
                SELECT v.*, c.pos_number, c.node, c.regime FROM violations v JOIN cases c ON c.id = v.case_id
                WHERE v.on_day BETWEEN ? AND ? ORDER BY v.on_day, v.id
                """, arguments: [from.description, to.description])
            for row in recorded {
                let holders = (try? JSONDecoder().decode([Violation.Holder].self, from: Data((row["responsible"] as String).utf8))) ?? []
                rows.append(ViolationRow(kind: row["kind"], posNumber: row["pos_number"], node: row["node"], regime: row["regime"], day: row["on_day"],
                                         deadline: row["deadline"], calendarDays: row["calendar_days"], workingDays: row["working_days"], responsible: holders, detail: row["detail"]))
            }
            // Extensions granted after the term had run out (possible before lko refused them).
            let lateExtensions = try SQLRow.fetchAll(db, sql: """
                SELECT e.on_day, c.* FROM case_events e JOIN cases c ON c.id = e.case_id
                WHERE e.action = 'extend' AND e.on_day BETWEEN ? AND ?
                """, arguments: [from.description, to.description])
            for row in lateExtensions {
                let record = try CaseRecord(row: row)
                guard let entry = CalendarDate(iso: record.moderationOn), let onDay = CalendarDate(iso: row["on_day"] as String) else { continue }
                let original = try deadline(entry: entry, term: record.term).date
                guard onDay > original else { continue }
                rows.append(ViolationRow(kind: "late_extension", posNumber: record.posNumber, node: record.node, regime: record.regime.rawValue, day: onDay.description,
                                         deadline: original.description, calendarDays: original.days(until: onDay), workingDays: (try? calendar.workingDayCount(from: original.adding(days: 1), through: onDay)) ?? 0,
                                         responsible: [], detail: "срок продлён \(onDay) после его окончания \(original)"))
            }
            // Open now and past the deadline.
            let timeline = try ResponsibilityTimeline(policy: policy, db: db)
            let open = try CaseRecord.fetchAll(db, sql: """
                SELECT * FROM cases WHERE deadline < ? AND state IN ('received', 'assigned', 'in_progress', 'on_approval', 'returned') ORDER BY deadline, pos_number
                """, arguments: [to.description])
            for record in open {
                guard let deadline = record.deadline.flatMap({ CalendarDate(iso: $0) }) else { continue }
                let holders = timeline.lateHolders(of: record, events: try CaseEvent.history(db, caseID: record.id), deadline: deadline, through: to)
                rows.append(ViolationRow(kind: "overdue_now", posNumber: record.posNumber, node: record.node, regime: record.regime.rawValue, day: to.description,
                                         deadline: deadline.description, calendarDays: deadline.days(until: to), workingDays: (try? calendar.workingDayCount(from: deadline.adding(days: 1), through: to)) ?? 0,
                                         responsible: holders, detail: "открыто, срок истёк \(deadline)"))
            }
            return rows
        }
    }
}
