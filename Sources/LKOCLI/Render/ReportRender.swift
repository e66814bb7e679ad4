import Foundation
import LKOApplication
import LKOMessages

/// ПОС's own status text in Russian; the state's id in English.
func stateText(_ state: String, title: String) -> String {
    Language.current == .ru ? title : state
}

/// The daily control and the responsibility report, in text, JSON, CSV or Markdown.
enum ReportRender {
    static func control(_ report: ControlReport, overdueOnly: Bool, format: OutputFormat, dialect: CSVDialect) throws {
        let rows = report.rows
        let columns: [Column<ControlRowView>] = [
            Column(key: "assignee_name", title: L(.columnExecutor)) { $0.assigneeName.isEmpty ? $0.assignee : $0.assigneeName },
            Column(key: "pos_number", title: L(.columnNumber)) { $0.posNumber },
            Column(key: "state", title: L(.columnState)) { stateText($0.state, title: $0.stateTitle) },
            Column(key: "node", title: L(.columnSubcategory)) { $0.node },
            Column(key: "deadline", title: L(.columnDeadline)) { format == .csv && dialect == .rfc4180 ? $0.deadline : $0.deadlineText },
            Column(key: "working_days_left", title: L(.columnWorkingDaysLeft)) { $0.workingDaysLeft.map(String.init) ?? "" },
            Column(key: "flag", title: L(.columnFlag)) { $0.overdue ? L(.flagOverdue) : ($0.atRisk ? L(.flagAtRisk) : ($0.dueToday ? L(.flagDueToday) : "")) },
        ]
        let footer = L(.controlSummary, ["open": "\(rows.count)", "overdue": "\(rows.filter(\.overdue).count)", "at_risk": "\(rows.filter(\.atRisk).count)"])
        let title = L(overdueOnly ? .titleOverdue : .titleDailyControl, ["date": report.dateText])
        try RowReport(title: title, columns: columns, rows: rows, footer: footer).print(format, dialect: dialect) {
            try Terminal.document(report)
        }
    }

    static func violations(_ rows: [ViolationView], from: String?, to: String?, format: OutputFormat, dialect: CSVDialect) throws {
        let columns: [Column<ViolationView>] = [
            Column(key: "day", title: L(.columnDay)) { format == .csv && dialect == .rfc4180 ? $0.day : $0.dayText },
            Column(key: "pos_number", title: L(.columnNumber)) { $0.posNumber },
            Column(key: "kind", title: L(.columnViolation)) { Language.current == .ru ? $0.kindTitle : $0.kind },
            Column(key: "node", title: L(.columnSubcategory)) { $0.node },
            Column(key: "deadline", title: L(.columnDeadline)) { format == .csv && dialect == .rfc4180 ? ($0.deadline ?? "") : $0.deadlineText },
            Column(key: "calendar_days", title: L(.columnCalendarDays)) { String($0.calendarDays) },
            Column(key: "working_days", title: L(.columnWorkingDays)) { String($0.workingDays) },
            Column(key: "responsible", title: L(.columnResponsible)) { $0.responsible.map { "\($0.name.isEmpty ? $0.login : $0.name) (\($0.days))" }.joined(separator: ", ") },
        ]
        let period = [from.map(textDate), to.map(textDate)].compactMap { $0 }.joined(separator: " – ")
        let title = L(.titleViolations, ["period": period.isEmpty ? L(.periodDefault) : period])
        let footer = L(.violationsSummary, ["count": Messages.count(rows.count, .violation, in: Language.current)])
        try RowReport(title: title, columns: columns, rows: rows, footer: footer).print(format, dialect: dialect) {
            try Terminal.document(rows, key: "violations")
        }
    }

    static func responsibility(_ days: [ResponsibilityDayView], number: String, format: OutputFormat, dialect: CSVDialect) throws {
        let columns: [Column<ResponsibilityDayView>] = [
            Column(key: "day", title: L(.columnDay)) { format == .csv && dialect == .rfc4180 ? $0.day : $0.dayText },
            Column(key: "state", title: L(.columnState)) { stateText($0.state, title: $0.stateTitle) },
            Column(key: "responsible", title: L(.columnResponsible)) { day in
                zip(day.responsible, day.responsibleNames).map { $1.isEmpty ? $0 : $1 }.joined(separator: ", ")
            },
            Column(key: "acting_for", title: L(.columnActingFor)) { $0.actingForName ?? $0.actingFor ?? "" },
        ]
        let title = L(.titleResponsibility, ["number": number])
        try RowReport(title: title, columns: columns, rows: days, footer: nil).print(format, dialect: dialect) {
            try Terminal.document(days, key: "days")
        }
    }
}
