import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOStore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What a policy change does: an exact change-impact report.",
        discussion: """
        Each side is a policy folder, a file, or a git revision of the current repository (its \
        Policies/ at that revision). Computed on the compiled tables of both sides: access gained \
        and lost per login (with the grant that causes it), role changes, tree and term changes, \
        every routing outcome that changes (by evaluating both rule sets over the whole match \
        space), lint findings introduced or resolved, and risk flags. Formatting, comments and \
        declaration order never show up.

          lko diff origin/main HEAD
          lko diff HEAD~1 Policies --format markdown > review.md
          lko diff old/ new/ --fail-on escalation

        Exit status: 0 (or, with --fail-on, 0 when nothing of that kind is flagged), 1 flagged \
        or a side has errors, 2 wrong usage.
        """
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case escalation, coverage, any
    }

    @Argument(help: "The old side: folder, file or git revision.") var old: String
    @Argument(help: "The new side: folder, file or git revision.") var new: String
    @Option(help: "text, markdown or json.") var format: DiffRenderer.Format = .text
    @Option(help: ArgumentHelp("Exit 1 when flagged: escalation, coverage, or any risk.", valueName: "kind")) var failOn: FailOn?
    @Option(help: ArgumentHelp("The policy folder inside the repository, for git revisions.", valueName: "dir")) var policyDir: String = "Policies"
    @Option(help: ArgumentHelp("Judge validity and lint at this date (default: today).", valueName: "date")) var at: CalendarDate?
    @Option(help: ArgumentHelp("An lko database: also flag people losing access to open cases they hold.", valueName: "path")) var db: String?

    func run() throws {
        let (oldLabel, oldSources) = try PolicySide.load(old, policyDirectory: policyDir)
        let (newLabel, newSources) = try PolicySide.load(new, policyDirectory: policyDir)
        let day = at ?? Today.date()
        let options = CompileOptions(lintDate: day, lint: false)
        let oldCompilation = PolicyCompiler.compile(oldSources, options: options)
        let newCompilation = PolicyCompiler.compile(newSources, options: options)
        for (label, compilation) in [(oldLabel, oldCompilation), (newLabel, newCompilation)] where compilation.hasErrors {
            Terminal.err(DiagnosticRenderer(sources: compilation.sources, useColor: Terminal.stderrUsesColor).render(compilation.diagnostics.filter { $0.severity == .error }))
            throw CommandFailure(message: "\(label) has \(compilation.diagnostics.errorCount) error(s); a diff needs two valid policies")
        }
        var held: [DiffInput.HeldCase] = []
        if let db {
            do {
                let store = try Store.open(path: db)
                held = try store.openCaseHolders().map { DiffInput.HeldCase(posNumber: $0.posNumber, node: $0.node, assignee: $0.assignee) }
            } catch let error as StoreError {
                throw CommandFailure(message: error.description)
            }
        }
        let diff = try PolicyDiff.compute(DiffInput(oldLabel: oldLabel, old: oldCompilation, newLabel: newLabel, new: newCompilation, at: day, heldCases: held))
        let output = DiffRenderer(useColor: format == .text && Terminal.stdoutUsesColor).render(diff, format: format)
        FileHandle.standardOutput.write(Data(output.utf8))
        switch failOn {
        case .escalation? where diff.hasEscalation: throw ExitCode.failure
        case .coverage? where diff.hasCoverageRisk: throw ExitCode.failure
        case .any? where !diff.risks.isEmpty: throw ExitCode.failure
        default: break
        }
    }
}

extension DiffRenderer.Format: ExpressibleByArgument {}

