import ArgumentParser
import Foundation
import LKOApplication
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOStore
import LKOMessages

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: L(.helpDiffAbstract),
        discussion: L(.helpDiffDiscussion)
    )

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case escalation, coverage, any
    }

    @Argument(help: ArgumentHelp(L(.diffArgOld))) var old: String
    @Argument(help: ArgumentHelp(L(.diffArgNew))) var new: String
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(L(.diffOptFailOn), valueName: "kind")) var failOn: FailOn?
    @Option(name: .customLong("policy"), help: ArgumentHelp(L(.diffOptPolicy), valueName: "dir")) var policyOption: String?
    @Option(name: .customLong("policy-dir"), help: ArgumentHelp(L(.diffOptPolicyDir), valueName: "dir", visibility: .hidden)) var policyDirOption: String?

    var policyDir: String { policyOption ?? policyDirOption ?? "Policies" }
    @Option(help: ArgumentHelp(L(.diffOptAt), valueName: "date")) var at: CalendarDate?
    @Option(help: ArgumentHelp(L(.diffOptDb), valueName: "path")) var db: String?

    func run() throws {
        let chosen = try output.resolve([.text, .markdown, .json])
        if policyDirOption != nil { Terminal.deprecated("--policy-dir", use: "--policy") }
        let (oldLabel, oldSources) = try PolicySide.load(old, policyDirectory: policyDir)
        let (newLabel, newSources) = try PolicySide.load(new, policyDirectory: policyDir)
        let day = at ?? Today.date()
        let options = CompileOptions(lintDate: day, lint: false)
        let oldCompilation = PolicyCompiler.compile(oldSources, options: options)
        let newCompilation = PolicyCompiler.compile(newSources, options: options)
        for (label, compilation) in [(oldLabel, oldCompilation), (newLabel, newCompilation)] where compilation.hasErrors {
            Terminal.err(DiagnosticRenderer(sources: compilation.sources, useColor: Terminal.stderrUsesColor).render(compilation.diagnostics.filter { $0.severity == .error }))
            throw CommandFailure(message: L(.diffSideHasErrors, ["side": label, "errors": "\(compilation.diagnostics.errorCount)"]))
        }
        var held: [DiffInput.HeldCase] = []
        if let db {
            do {
                let store = try Store.open(path: db)
                held = try store.openCaseHolders().map { DiffInput.HeldCase(posNumber: $0.posNumber, node: $0.node, assignee: $0.assignee) }
            } catch let error as StoreError {
                throw CommandFailure(message: localized(error, english: error.description))
            }
        }
        let diff = try PolicyDiff.compute(DiffInput(oldLabel: oldLabel, old: oldCompilation, newLabel: newLabel, new: newCompilation, at: day, heldCases: held))
        if chosen == .json {
            try Terminal.document(diff)
        } else {
            let format: DiffRenderer.Format = chosen == .markdown ? .markdown : .text
            let rendered = DiffRenderer(useColor: format == .text && Terminal.stdoutUsesColor, language: Language.current).render(diff, format: format)
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        switch failOn {
        case .escalation? where diff.hasEscalation: throw ExitCode.failure
        case .coverage? where diff.hasCoverageRisk: throw ExitCode.failure
        case .any? where !diff.risks.isEmpty: throw ExitCode.failure
        default: break
        }
    }
}

extension DiffRenderer.Format: ExpressibleByArgument {}

