import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find every error and warning in a policy.",
        discussion: """
        Reads every .lko file of the folder as one policy and reports all problems in one run, \
        each with file:line:col, the source line, a stable code (see docs/diagnostics.md) and \
        how to fix it. Lint warnings (shadowed or overlapping rules, coverage gaps, expired \
        grants, unused roles, separation of duties) are computed exactly; --strict makes them \
        errors.

        Exit status: 0 clean (warnings allowed unless --strict), 1 errors, 2 wrong usage.
        """
    )

    @OptionGroup var policy: PolicyArgument

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Output format: text (for people) or json (for editors and CI).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Judge expired grants as of this date (default: today in the organization's time zone).", valueName: "date"))
    var at: CalendarDate?

    @Option(help: ArgumentHelp("Also check the policy against the accounts of this lko database: grants and eligibility naming disabled, removed or missing accounts (W0511).", valueName: "path"))
    var db: String?

    func run() throws {
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
        switch format {
        case .json:
            let report = CheckReport(
                files: compilation.sources.files.map(\.path),
                errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
                version: compilation.policy?.version,
                diagnostics: diagnostics.map { DiagnosticRecord($0, sources: compilation.sources) },
                accepted: compilation.accepted.map { AcceptedRecord(finding: DiagnosticRecord($0.diagnostic, sources: compilation.sources), reason: $0.reason, acceptedAt: $0.position) }
            )
            try Terminal.json(report)
        case .text:
            let renderer = DiagnosticRenderer(sources: compilation.sources, useColor: Terminal.stderrUsesColor)
            if !diagnostics.isEmpty { Terminal.err(renderer.render(diagnostics)) }
            if !compilation.accepted.isEmpty {
                var lines = ["accepted findings (\(compilation.accepted.count)), each reviewed with a reason in the policy:"]
                for accepted in compilation.accepted {
                    let position = compilation.sources.position(of: accepted.diagnostic.span)
                    lines.append("  \(accepted.diagnostic.code.rawValue) \(position): \(accepted.diagnostic.message)")
                    lines.append("      accepted at \(accepted.position): \(accepted.reason)")
                }
                Terminal.err(lines.joined(separator: "\n"))
            }
            let files = compilation.sources.files.count
            var summary = "\(policy.path): \(files) file\(files == 1 ? "" : "s"), \(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), \(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")" + (compilation.accepted.isEmpty ? "" : ", \(compilation.accepted.count) accepted")
            if let version = compilation.policy?.version, !diagnostics.hasErrors { summary += "; version \(version.prefix(19))…" }
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
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure(message: "no database at \(path)") }
        let store = try Store.open(path: path)
        return try store.accountStatuses()
    }
}
