import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOStore
import LKOMessages

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: L(.helpCheckAbstract),
        discussion: L(.helpCheckDiscussion)
    )

    @OptionGroup var policy: PolicyArgument

    @Flag(help: ArgumentHelp(L(.flagStrict)))
    var strict = false

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp(L(.optCheckAt), valueName: "date"))
    var at: CalendarDate?

    @Option(help: ArgumentHelp(L(.optCheckDb), valueName: "path"))
    var db: String?

    func run() throws {
        let format = try output.resolve([.text, .json])
        var compilation = try PolicyLoading(path: policy.path, lintDate: at ?? Today.date()).compile()
        // "Today" is the organization's: judge expiry again in its zone when that is another day.
        if at == nil, let zone = compilation.policy?.tables.organization.timeZone, Today.date(in: zone) != Today.date() {
            compilation = try PolicyLoading(path: policy.path, lintDate: Today.date(in: zone)).compile()
        }
        var diagnostics = compilation.diagnostics
        if let db, compilation.policy != nil {
            let accounts = try AccountStatuses.read(path: db)
            diagnostics = (diagnostics + AccountFindings.run(compilation, accounts: accounts)).sortedBySource()
        }
        if strict {
            diagnostics = diagnostics.map { var promoted = $0; promoted.severity = .error; return promoted }
        }
        let language = Language.current
        switch format {
        case .json, .csv, .markdown:
            // The document is the same in every language: codes and positions for tools, the
            // texts in Russian as the API shows them (docs/diagnostics.md, "JSON").
            let report = CheckReport(
                files: compilation.sources.files.map(\.path),
                errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
                version: compilation.policy?.version,
                diagnostics: diagnostics.map { DiagnosticRecord($0, sources: compilation.sources) },
                accepted: compilation.accepted.map { AcceptedRecord(finding: DiagnosticRecord($0.diagnostic, sources: compilation.sources), reason: $0.reason, acceptedAt: $0.position) }
            )
            try Terminal.document(report)
        case .text:
            let renderer = DiagnosticRenderer(sources: compilation.sources, useColor: Terminal.stderrUsesColor, language: language)
            if !diagnostics.isEmpty { Terminal.err(renderer.render(diagnostics)) }
            if !compilation.accepted.isEmpty {
                var lines = [L(.checkAcceptedHeading, ["count": "\(compilation.accepted.count)"])]
                for accepted in compilation.accepted {
                    let position = compilation.sources.position(of: accepted.diagnostic.span)
                    lines.append("  \(accepted.diagnostic.code.rawValue) \(position): \(accepted.diagnostic.message(in: language))")
                    lines.append("      " + L(.checkAcceptedAt, ["position": accepted.position, "reason": accepted.reason]))
                }
                Terminal.err(lines.joined(separator: "\n"))
            }
            var summary = L(.checkSummary, ["path": policy.path, "files": Messages.count(compilation.sources.files.count, .file, in: language),
                                            "errors": Messages.count(diagnostics.errorCount, .error, in: language),
                                            "warnings": Messages.count(diagnostics.warningCount, .warning, in: language)])
                + (compilation.accepted.isEmpty ? "" : L(.checkAcceptedCount, ["count": "\(compilation.accepted.count)"]))
            if let version = compilation.policy?.version, !diagnostics.hasErrors { summary += L(.checkVersion, ["version": "\(version.prefix(19))"]) }
            Terminal.err(summary)
        }
        if diagnostics.hasErrors { throw ExitCode.failure }
    }
}

struct CheckReport: Encodable {
    var files: [String]
    var errors: Int
    var warnings: Int
    var version: String?
    var diagnostics: [DiagnosticRecord]
    var accepted: [AcceptedRecord]
}

struct AcceptedRecord: Encodable {
    var finding: DiagnosticRecord
    var reason: String
    var acceptedAt: String
}

/// login → status of the accounts of a database (`removed` for a tombstone), read-only.
enum AccountStatuses {
    static func read(path: String) throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure(message: L(.noDatabase, ["path": path])) }
        let store = try Store.open(path: path)
        return try store.accountStatuses()
    }
}
