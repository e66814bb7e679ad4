import ArgumentParser
import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Control reports (needs report).",
        subcommands: [DailyReport.self, OverdueReport.self, ResponsibilityReport.self]
    )
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

struct ControlReportPrinter {
    var rows: [Workflow.ControlRow]
    var format: ReportFormat

    func print() throws {
        switch format {
        case .json:
            try Terminal.json(rows)
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
}

enum CSV {
    static func field(_ value: String) -> String {
        value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}

struct DailyReport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "daily", abstract: "Every open case with state, assignee, days left; overdue and at risk (≤ 2 working days), by executor (order item 13).")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The day of the report (default: today).", valueName: "date")) var at: CalendarDate?
    @Option(help: "text, json or csv.") var format: ReportFormat = .text

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let rows = try context.workflow.dailyControl(at: at ?? context.workflow.today, by: context.actor)
            try ControlReportPrinter(rows: rows, format: format).print()
        }
    }
}

struct OverdueReport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "overdue", abstract: "Open cases past their deadline.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "date")) var at: CalendarDate?
    @Option(help: "text, json or csv.") var format: ReportFormat = .text

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let rows = try context.workflow.dailyControl(at: at ?? context.workflow.today, by: context.actor, overdueOnly: true)
            try ControlReportPrinter(rows: rows, format: format).print()
        }
    }
}

struct ResponsibilityReport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "responsibility", abstract: "Who was responsible for a case on each day (order item 15).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: ArgumentHelp("Last day shown (default: today).", valueName: "date")) var until: CalendarDate?
    @Option(help: "text, json or csv.") var format: ReportFormat = .text

    func run() throws {
        try runStoreCommand {
            let context = try WorkflowContext(database)
            let days = try context.workflow.responsibility(number, until: until ?? context.workflow.today, by: context.actor)
            switch format {
            case .json: try Terminal.json(days)
            case .csv:
                Terminal.out("day,state,responsible,acting_for")
                for day in days { Terminal.out([day.day, day.state, day.responsible, day.actingFor ?? ""].map(CSV.field).joined(separator: ",")) }
            case .text:
                for day in days { Terminal.out("\(day.day)  \(day.state)\t\(day.responsible)" + (day.actingFor.map { " (for \($0))" } ?? "")) }
            }
        }
    }
}
