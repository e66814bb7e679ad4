import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow
import LKOMessages

/// One open case in the daily control (order item 13).
public struct ControlRowView: Sendable, Codable, Equatable {
    public var posNumber: String
    public var state: String
    public var stateTitle: String
    public var node: String
    public var regime: String
    public var assignee: String
    public var assigneeName: String
    public var deadline: String
    public var deadlineText: String
    public var workingDaysLeft: Int?
    public var dueToday: Bool
    public var overdue: Bool
    public var atRisk: Bool

    enum CodingKeys: String, CodingKey {
        case posNumber = "pos_number"
        case state
        case stateTitle = "state_title"
        case node, regime, assignee
        case assigneeName = "assignee_name"
        case deadline
        case deadlineText = "deadline_text"
        case workingDaysLeft = "working_days_left"
        case dueToday = "due_today"
        case overdue
        case atRisk = "at_risk"
    }
}

/// The control by executor: how many open, due today, at risk, overdue.
public struct ExecutorTotals: Sendable, Codable, Equatable {
    public var login: String
    public var name: String
    public var open: Int
    public var dueToday: Int
    public var atRisk: Int
    public var overdue: Int

    enum CodingKeys: String, CodingKey {
        case login, name, open
        case dueToday = "due_today"
        case atRisk = "at_risk"
        case overdue
    }
}

public struct ControlReport: Sendable, Codable, Equatable {
    public var date: String
    public var dateText: String
    public var rows: [ControlRowView]
    public var executors: [ExecutorTotals]
    public var totals: ExecutorTotals

    enum CodingKeys: String, CodingKey {
        case date
        case dateText = "date_text"
        case rows, executors, totals
    }
}

public struct ResponsibilityDayView: Sendable, Codable, Equatable {
    public var day: String
    public var dayText: String
    public var state: String
    public var stateTitle: String
    /// Everyone whose stage it was that day (the executor; the approvers present; the holders
    /// of the coordinator role; the moderator).
    public var responsible: [String]
    public var responsibleNames: [String]
    /// The names in one line, for a table cell.
    public var responsibleName: String { responsibleNames.joined(separator: ", ") }
    public var actingFor: String?
    public var actingForName: String?

    enum CodingKeys: String, CodingKey {
        case day
        case dayText = "day_text"
        case state
        case stateTitle = "state_title"
        case responsible
        case responsibleNames = "responsible_names"
        case actingFor = "acting_for"
        case actingForName = "acting_for_name"
    }
}

extension LKOService {
    /// The Куратор's daily control: every open case by executor (needs `report`).
    public func dailyControl(_ caller: Caller, at: String? = nil, overdueOnly: Bool = false) throws -> ControlReport {
        try run {
            let workflow = try workflow()
            let day = try DayInput.field(at, name: "at", required: false) ?? workflow.today
            let rows = try workflow.dailyControl(at: day, by: caller.account, overdueOnly: overdueOnly)
            let names = try store.read { try PersonNames.load($0) }
            let views = rows.map { row in
                ControlRowView(posNumber: row.posNumber, state: row.state, stateTitle: row.stateTitle, node: row.node, regime: row.regime,
                               assignee: row.assignee, assigneeName: names.name(row.assignee), deadline: row.deadline, deadlineText: RussianText.date(iso: row.deadline),
                               workingDaysLeft: row.workingDaysLeft, dueToday: row.deadline == day.description, overdue: row.overdue, atRisk: row.atRisk)
            }
            var byExecutor: [String: ExecutorTotals] = [:]
            var order: [String] = []
            var totals = ExecutorTotals(login: "", name: "Итого", open: 0, dueToday: 0, atRisk: 0, overdue: 0)
            for row in views {
                if byExecutor[row.assignee] == nil {
                    order.append(row.assignee)
                    byExecutor[row.assignee] = ExecutorTotals(login: row.assignee, name: row.assigneeName, open: 0, dueToday: 0, atRisk: 0, overdue: 0)
                }
                for index in [0, 1] {
                    var entry = index == 0 ? byExecutor[row.assignee]! : totals
                    entry.open += 1
                    if row.dueToday { entry.dueToday += 1 }
                    if row.atRisk { entry.atRisk += 1 }
                    if row.overdue { entry.overdue += 1 }
                    if index == 0 { byExecutor[row.assignee] = entry } else { totals = entry }
                }
            }
            let executors = order.compactMap { byExecutor[$0] }.sorted { $0.name < $1.name }
            return ControlReport(date: day.description, dateText: RussianText.date(day), rows: views, executors: executors, totals: totals)
        }
    }

    /// Who held a case on each day (order item 15), with names.
    public func responsibility(_ caller: Caller, number: String, until: String? = nil) throws -> [ResponsibilityDayView] {
        try run {
            let workflow = try workflow()
            let day = try DayInput.field(until, name: "until", required: false) ?? workflow.today
            _ = try viewable(caller, number: number, workflow: workflow)
            let days = try workflow.responsibility(number, until: day, by: caller.account)
            let names = try store.read { try PersonNames.load($0) }
            return days.map { entry in
                ResponsibilityDayView(day: entry.day, dayText: RussianText.date(iso: entry.day), state: entry.state,
                                      stateTitle: CaseState(rawValue: entry.state)?.title ?? entry.state,
                                      responsible: entry.holders, responsibleNames: entry.holders.map(names.name),
                                      actingFor: entry.actingFor, actingForName: entry.actingFor.map(names.name))
            }
        }
    }
}

/// One violation of a term, with whose stage held the case past it (order item 15).
public struct ViolationView: Sendable, Codable, Equatable {
    public struct Person: Sendable, Codable, Equatable {
        public var login: String
        public var name: String
        public var days: Int
    }

    public var kind: String
    public var kindTitle: String
    public var posNumber: String
    public var node: String
    public var day: String
    public var dayText: String
    public var deadline: String?
    public var deadlineText: String
    public var calendarDays: Int
    public var workingDays: Int
    public var responsible: [Person]
    public var detail: String

    enum CodingKeys: String, CodingKey {
        case kind
        case kindTitle = "kind_title"
        case posNumber = "pos_number"
        case node, day
        case dayText = "day_text"
        case deadline
        case deadlineText = "deadline_text"
        case calendarDays = "calendar_days"
        case workingDays = "working_days"
        case responsible, detail
    }
}

extension LKOService {
    /// `report violations`: late answers, late redirects and extensions in the period, and
    /// what is overdue at its end — each naming whose stage held the case past its term.
    public func violations(_ caller: Caller, from: String?, to: String?) throws -> [ViolationView] {
        try run {
            let workflow = try workflow()
            let end = try DayInput.field(to, name: "to", required: false) ?? workflow.today
            let start = try DayInput.field(from, name: "from", required: false) ?? end.adding(days: -30)
            guard start <= end else { throw AppError.invalid(.errPeriodStartAfterEnd, field: "from") }
            let rows = try workflow.violations(from: start, to: end, by: caller.account)
            let names = try store.read { try PersonNames.load($0) }
            return rows.map { row in
                ViolationView(kind: row.kind, kindTitle: RussianText.violationKind(row.kind), posNumber: row.posNumber, node: row.node, day: row.day,
                              dayText: RussianText.date(iso: row.day), deadline: row.deadline, deadlineText: RussianText.date(iso: row.deadline),
                              calendarDays: row.calendarDays, workingDays: row.workingDays,
                              responsible: row.responsible.map { ViolationView.Person(login: $0.login, name: names.name($0.login), days: $0.days) }, detail: row.detail)
            }
        }
    }
}

/// CSV that a Russian Excel opens as columns: UTF-8 with a BOM, `;` between fields, CRLF.
public enum ExcelCSV {
    public static func render(header: [String], rows: [[String]]) -> String {
        var text = "\u{FEFF}"
        for line in [header] + rows {
            text += line.map(field).joined(separator: ";") + "\r\n"
        }
        return text
    }

    static func field(_ value: String) -> String {
        // A leading = + - @ would be read as a formula: quote-protect it (CSV injection).
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first), Int(value) == nil { value = "'" + value }
        return value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    public static func violations(_ rows: [ViolationView]) -> String {
        render(
            header: ["Вид нарушения", "Номер", "Подкатегория", "День", "Срок", "Календарных дней", "Рабочих дней", "Чей этап (дней)", "Подробности"],
            rows: rows.map { row in
                [row.kindTitle, row.posNumber, row.node, row.dayText, row.deadlineText, String(row.calendarDays), String(row.workingDays),
                 row.responsible.map { "\($0.name) (\($0.days))" }.joined(separator: ", "), row.detail]
            }
        )
    }

    /// The daily control as the Куратор's spreadsheet.
    public static func control(_ report: ControlReport) -> String {
        render(
            header: ["Номер", "Статус", "Подкатегория", "Вид", "Исполнитель", "Срок", "Осталось рабочих дней", "Просрочено", "Под угрозой"],
            rows: report.rows.map { row in
                [row.posNumber, row.stateTitle, row.node, row.regime == "appeal" ? "Обращение" : "Сообщение", row.assigneeName, row.deadlineText,
                 row.workingDaysLeft.map(String.init) ?? "", row.overdue ? "Да" : "Нет", row.atRisk ? "Да" : "Нет"]
            }
        )
    }
}
