import ArgumentParser
import LKOApplication
import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: L(.helpReportAbstract),
        subcommands: [DailyReport.self, OverdueReport.self, ResponsibilityReport.self, ViolationsReport.self]
    )
}

/// The formats of the reports: rows for people, Excel, machines and reviewers.
let reportFormats: [OutputFormat] = [.text, .json, .csv, .markdown]

struct DailyReport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "daily", abstract: L(.helpReportDailyAbstract))
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.reportOptDay), valueName: "date")) var at: CalendarDate?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            try ReportRender.control(try database.backend().dailyControl(at: at?.description, overdueOnly: false), overdueOnly: false, format: format, dialect: output.dialect)
        }
    }
}

struct OverdueReport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "overdue", abstract: L(.helpReportOverdueAbstract))
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.reportOptOverdueDay), valueName: "date")) var at: CalendarDate?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            try ReportRender.control(try database.backend().dailyControl(at: at?.description, overdueOnly: true), overdueOnly: true, format: format, dialect: output.dialect)
        }
    }
}

struct ResponsibilityReport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(commandName: "responsibility", abstract: L(.helpReportResponsibilityAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.caseOptNumber))) var number: String
    @Option(help: ArgumentHelp(L(.reportOptUntil), valueName: "date")) var until: CalendarDate?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            try ReportRender.responsibility(try database.backend().responsibility(number, until: until?.description), number: number, format: format, dialect: output.dialect)
        }
    }
}

struct ViolationsReport: ParsableCommand, RemoteCapable {
    static let configuration = CommandConfiguration(
        commandName: "violations",
        abstract: L(.helpReportViolationsAbstract)
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.reportOptFrom), valueName: "date")) var from: CalendarDate?
    @Option(help: ArgumentHelp(L(.reportOptTo), valueName: "date")) var to: CalendarDate?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let format = try output.resolve(reportFormats)
            try ReportRender.violations(try database.backend().violations(from: from?.description, to: to?.description), from: from?.description, to: to?.description, format: format, dialect: output.dialect)
        }
    }
}
