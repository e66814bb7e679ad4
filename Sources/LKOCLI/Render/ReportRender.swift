import Foundation
import LKOApplication

/// The daily control and the responsibility report, in text, JSON or CSV.
enum ReportRender {
    static func control(_ report: ControlReport, format: ReportFormat) throws {
        let rows = report.rows
        switch format {
        case .json:
            try Terminal.json(report)
        case .csv:
            Terminal.out("pos_number,state,node,regime,assignee,deadline,working_days_left,overdue,at_risk")
            for row in rows {
                Terminal.out([row.posNumber, row.state, row.node, row.regime, row.assignee, row.deadline, row.workingDaysLeft.map(String.init) ?? "", String(row.overdue), String(row.atRisk)].map(CSV.field).joined(separator: ","))
            }
        case .text:
            var current: String?
            for row in rows {
                if row.assignee != current {
                    current = row.assignee
                    Terminal.out("\n\(row.assignee)")
                }
                let flag = row.overdue ? "OVERDUE" : (row.atRisk ? "AT RISK" : "")
                Terminal.out("  \(row.posNumber)\t\(row.stateTitle)\t\(row.node)\t\(row.deadline)\t\(row.workingDaysLeft.map { "\($0) wd left" } ?? "")\t\(flag)")
            }
            Terminal.out("\n\(rows.count) open case(s), \(rows.filter(\.overdue).count) overdue, \(rows.filter(\.atRisk).count) at risk")
        }
    }

    static func violations(_ rows: [ViolationView], format: ReportFormat) throws {
        switch format {
        case .json: try Terminal.json(rows)
        case .csv: FileHandle.standardOutput.write(Data(ExcelCSV.violations(rows).utf8))
        case .text:
            for row in rows {
                let people = row.responsible.map { "\($0.name) (\($0.days) дн.)" }.joined(separator: ", ")
                Terminal.out("\(row.dayText)  \(row.posNumber)\t\(row.kindTitle)\t\(row.calendarDays) кал. / \(row.workingDays) раб. дн.\t\(people)")
            }
            Terminal.out("нарушений: \(rows.count)")
        }
    }

    static func responsibility(_ days: [ResponsibilityDayView], format: ReportFormat) throws {
        switch format {
        case .json: try Terminal.json(days)
        case .csv:
            Terminal.out("day,state,responsible,acting_for")
            for day in days { Terminal.out([day.day, day.state, day.responsible.joined(separator: " "), day.actingFor ?? ""].map(CSV.field).joined(separator: ",")) }
        case .text:
            for day in days { Terminal.out("\(day.day)  \(day.state)\t\(day.responsible.joined(separator: ", "))" + (day.actingFor.map { " (for \($0))" } ?? "")) }
        }
    }
}
