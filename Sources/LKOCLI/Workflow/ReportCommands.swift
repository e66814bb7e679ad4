import ArgumentParser
import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Control reports (needs report).",
        subcommands: [DailyReport.self, OverdueReport.self, ResponsibilityReport.self, ViolationsReport.self]
    )
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

enum CSV {
    static func field(_ value: String) -> String {
        value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}

struct DailyReport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "daily", abstract: "Every open case with state, assignee, days left; overdue and at risk (≤ 2 working days), by executor (order item 13).")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The day of the report (default: today).", valueName: "date")) var at: CalendarDate?
    @Option(help: "text, json or csv.") var format: ReportFormat = .text

    func run() throws {
        try runBackendCommand {
            try ReportRender.control(try database.backend().dailyControl(at: at?.description, overdueOnly: false), format: format)
        }
    }
}

struct OverdueReport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "overdue", abstract: "Open cases past their deadline.")
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("The day (default: today).", valueName: "date")) var at: CalendarDate?
    @Option(help: "text, json or csv.") var format: ReportFormat = .text

    func run() throws {
        try runBackendCommand {
            try ReportRender.control(try database.backend().dailyControl(at: at?.description, overdueOnly: true), format: format)
        }
    }
}

struct ResponsibilityReport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "responsibility", abstract: "Who was responsible for a case on each day (order item 15).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The ПОС number.") var number: String
    @Option(help: ArgumentHelp("Last day shown (default: today).", valueName: "date")) var until: CalendarDate?
    @Option(help: "text, json or csv.") var format: ReportFormat = .text

    func run() throws {
        try runBackendCommand {
            try ReportRender.responsibility(try database.backend().responsibility(number, until: until?.description), format: format)
        }
    }
}

struct ViolationsReport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "violations",
        abstract: "Late answers, late redirects and extensions, and cases overdue now — with whose stage held each past its term (order item 15).",
        discussion: "  lko report violations --from 2026-03-01 --to 2026-03-31 --format csv"
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("First day (default: 30 days before --to).", valueName: "date")) var from: CalendarDate?
    @Option(help: ArgumentHelp("Last day (default: today).", valueName: "date")) var to: CalendarDate?
    @Option(help: "text, json or csv.") var format: ReportFormat = .text

    func run() throws {
        try runBackendCommand {
            try ReportRender.violations(try database.backend().violations(from: from?.description, to: to?.description), format: format)
        }
    }
}
