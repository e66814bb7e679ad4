import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOPOS

/// `lko pos …`: the bridge to the real ПОС (docs/pos.md). Local database only.
struct POSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pos",
        abstract: L(.optPosAbstract),
        discussion: L(.optPosDiscussion),
        subcommands: [POSImport.self, POSMonitor.self, POSDrift.self, POSEvents.self, POSSheet.self, POSApplied.self, POSGenerate.self]
    )
}

enum POSFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv
}

enum SheetFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, json
}

/// The local service and the caller of this database's session.
func posService(_ database: DatabaseOptions, command: String) throws -> (LKOService, Caller) {
    try database.requireLocal(command)
    let backend = try LocalBackend(path: database.path, clockOverride: try database.clockOverride())
    return (backend.service, try backend.caller())
}

/// A one-line progress bar on standard error, only on a terminal.
final class ProgressLine {
    private var lastDraw = Date.distantPast
    private var lastStage = ""
    let enabled = Terminal.stderrIsTerminal

    /// `LKO_POS_TIMING=1`: each stage's start time on standard error (for measurements).
    let timing = ProcessInfo.processInfo.environment["LKO_POS_TIMING"] == "1"
    let started = Date()

    func update(_ stage: String, _ done: Int, _ total: Int) {
        if timing, stage != lastStage {
            FileHandle.standardError.write(Data(String(format: "%.3f s  %@\n", Date().timeIntervalSince(started), stage).utf8))
            if !enabled { lastStage = stage }
        }
        guard enabled else { return }
        let now = Date()
        guard stage != lastStage || now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        lastStage = stage
        let fraction = total > 0 ? Double(done) / Double(total) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(stage.padding(toLength: 14, withPad: " ", startingAt: 0)) \(bar) \(Int(fraction * 100))% ".utf8))
    }

    func finish() {
        if enabled, !lastStage.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

struct POSImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: L(.optPosImportAbstract),
        discussion: L(.optPosImportDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argPosExportFile))) var file: String
    @Option(help: ArgumentHelp(L(.optPosAsOf), valueName: "date")) var asOf: CalendarDate?
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(L(.optPosShow))) var show = 50

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try posService(database, command: "lko pos import")
            let url = URL(fileURLWithPath: file)
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes?[.size] as? Int, size > 256 << 20 { throw CommandFailure(message: L(.cliPosFileTooLarge, ["path": file])) }
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure(message: L(.cliPosFileUnreadable, ["path": file])) }
            let progress = ProgressLine()
            let report = try service.posImport(caller, bytes: Array(data), fileName: url.lastPathComponent, asOf: asOf?.description, progress: progress.update)
            progress.finish()
            if try output.resolve() == .json {
                try Terminal.document(report)
            } else {
                Terminal.out(POSText.importReport(report, file: file, show: show))
            }
            if report.errorCount > 0 { throw ExitCode.failure }
        }
    }
}

struct POSMonitor: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monitor", abstract: L(.optPosMonitorAbstract))
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.optPosMonitorAt), valueName: "date")) var at: CalendarDate?
    @Option(help: ArgumentHelp(L(.optPosFormat))) var format: POSFormat = .text

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try posService(database, command: "lko pos monitor")
            let report = try service.posMonitor(caller, at: at?.description)
            switch format {
            case .json: try Terminal.document(report)
            case .csv: FileHandle.standardOutput.write(Data(POSText.monitorCSV(report).utf8))
            case .markdown: Terminal.out(POSText.monitor(report, markdown: true))
            case .text: Terminal.out(POSText.monitor(report, markdown: false))
            }
        }
    }
}

struct POSDrift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: L(.optPosDriftAbstract),
        discussion: L(.optPosDriftDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.optPosFrom), valueName: "date")) var from: CalendarDate?
    @Option(help: ArgumentHelp(L(.optPosTo), valueName: "date")) var to: CalendarDate?
    @Option(help: ArgumentHelp(L(.optPosFormat))) var format: POSFormat = .text

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try posService(database, command: "lko pos drift")
            let report = try service.posDrift(caller, from: from?.description, to: to?.description)
            switch format {
            case .json: try Terminal.document(report)
            case .csv: FileHandle.standardOutput.write(Data(POSText.driftCSV(report).utf8))
            case .markdown: Terminal.out(POSText.drift(report, markdown: true))
            case .text: Terminal.out(POSText.drift(report, markdown: false))
            }
            if !report.findings.isEmpty { throw ExitCode.failure }
        }
    }
}

struct POSEvents: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "events", abstract: L(.optPosEventsAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argPosNumber))) var number: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try posService(database, command: "lko pos events")
            let events = try service.posEvents(caller, number: number)
            if try output.resolve() == .json { return try Terminal.document(events, key: "events") }
            let kinds = ["appeared": "появилось", "status": "статус", "executor": "исполнитель", "coordinator": "координатор", "manager": "руководитель", "planned": "плановая дата"]
            let dated = ["received": "по дате поступления", "actual": "по дате завершения", "as_of": "по дню выгрузки"]
            for event in events {
                Terminal.out("\(RussianDate.text(event.day))  \(event.number)  \(kinds[event.kind] ?? event.kind): \(event.old ?? "—") → \(event.new ?? "—")  (\(dated[event.datedBy] ?? event.datedBy))")
            }
        }
    }
}

struct POSSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: L(.optPosSheetAbstract),
        discussion: L(.optPosSheetDiscussion)
    )
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.optSheetFormat))) var format: SheetFormat = .markdown
    @Option(help: ArgumentHelp(L(.optSheetSince), valueName: "version")) var since: String?
    @Option(help: ArgumentHelp(L(.optOutFile), valueName: "path")) var out: String?
    @Option(help: ArgumentHelp(L(.optSheetMap), valueName: "path")) var map: String?

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try posService(database, command: "lko pos sheet")
            let (sheet, changes) = try service.posSheet(caller, since: since)
            if let map { try Data(SheetRenderer.svg(sheet.edges).utf8).write(to: URL(fileURLWithPath: map)) }
            let text: String
            switch format {
            case .markdown: text = SheetRenderer.markdown(sheet, changes: changes, mapFile: map)
            case .html: text = SheetRenderer.html(sheet, changes: changes)
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                struct Output: Encodable { var sheet: ConfigurationSheet; var changes: SheetChanges? }
                text = String(decoding: try encoder.encode(Output(sheet: sheet, changes: changes)), as: UTF8.self) + "\n"
            }
            if let out {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out))
                Terminal.err(L(.cliWritten, ["path": out]))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}

struct POSApplied: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "applied", abstract: L(.optPosAppliedAbstract))
    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp(L(.argPosAppliedVersion))) var version: String

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try posService(database, command: "lko pos applied")
            let full = try service.posApplied(caller, version: version)
            Terminal.out(L(.cliPosApplied, ["version": full]))
        }
    }
}

struct POSGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: L(.optPosGenerateAbstract))
    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(L(.optPosRows))) var rows = 200
    @Option(help: ArgumentHelp(L(.optPosSeed))) var seed: UInt64 = 78
    @Option(help: ArgumentHelp(L(.optPosGenerateAsOf), valueName: "date")) var asOf: CalendarDate?
    @Flag(help: ArgumentHelp(L(.flagPosCsv))) var csv = false
    @Flag(help: ArgumentHelp(L(.flagPosClean))) var clean = false
    @Option(help: ArgumentHelp(L(.optPosOut), valueName: "path")) var out: String

    func run() throws {
        try runBackendCommand {
            let (service, caller) = try posService(database, command: "lko pos generate")
            let bytes = try service.posGenerate(caller, rows: rows, seed: seed, asOf: asOf?.description, csv: csv, messy: !clean)
            try Data(bytes).write(to: URL(fileURLWithPath: out))
            Terminal.err(L(.cliPosGenerated, ["path": out, "rows": "\(rows)", "bytes": "\(bytes.count)"]))
        }
    }
}
