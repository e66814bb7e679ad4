import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler
import LKOLanguage

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

    func run() throws {
        var compilation = try PolicyLoading(path: policy.path, lintDate: at ?? Today.date()).compile()
        // "Today" is the organization's: judge expiry again in its zone when that is another day.
        if at == nil, let zone = compilation.policy?.tables.organization.timeZone, Today.date(in: zone) != Today.date() {
            compilation = try PolicyLoading(path: policy.path, lintDate: Today.date(in: zone)).compile()
        }
        var diagnostics = compilation.diagnostics
        if strict {
            diagnostics = diagnostics.map { var promoted = $0; promoted.severity = .error; return promoted }
        }
        switch format {
        case .json:
            let report = CheckReport(
                files: compilation.sources.files.map(\.path),
                errors: diagnostics.errorCount, warnings: diagnostics.warningCount,
                version: compilation.policy?.version,
                diagnostics: diagnostics.map { DiagnosticRecord($0, sources: compilation.sources) }
            )
            try Terminal.json(report)
        case .text:
            let renderer = DiagnosticRenderer(sources: compilation.sources, useColor: Terminal.stderrUsesColor)
            if !diagnostics.isEmpty { Terminal.err(renderer.render(diagnostics)) }
            let files = compilation.sources.files.count
            var summary = "\(policy.path): \(files) file\(files == 1 ? "" : "s"), \(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), \(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")"
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
}
