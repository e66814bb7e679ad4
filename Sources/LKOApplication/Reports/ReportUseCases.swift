import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow

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
    public var responsible: String
    public var responsibleName: String
    public var actingFor: String?
    public var actingForName: String?

    enum CodingKeys: String, CodingKey {
        case day
        case dayText = "day_text"
        case state
        case stateTitle = "state_title"
        case responsible
        case responsibleName = "responsible_name"
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
                                      responsible: entry.responsible, responsibleName: names.name(entry.responsible),
                                      actingFor: entry.actingFor, actingForName: entry.actingFor.map(names.name))
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
