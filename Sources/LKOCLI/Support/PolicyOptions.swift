import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler
import LKOApplication
import LKOLanguage
import LKOMessages

/// The policy folder shared by the policy commands: `--policy DIR` (the one name on every
/// command), or the older positional `DIR`, which still works.
struct PolicyArgument: ParsableArguments {
    @Option(name: .customLong("policy"), help: ArgumentHelp(L(.optPolicy), valueName: "dir"))
    var option: String?

    @Argument(help: ArgumentHelp(L(.argPolicyDir), valueName: "dir"))
    var positional: String?

    func validate() throws {
        if let option, let positional, option != positional {
            throw ValidationError(L(.cliPolicyGivenTwice, ["option": option, "positional": positional]))
        }
    }

    var path: String { option ?? positional ?? "Policies" }
}

/// Loads and compiles a policy, printing diagnostics the way every command does.
struct PolicyLoading {
    var path: String
    var lintDate: CalendarDate?
    var lint = true
    /// Compute the version hash (see `CompileOptions.version`).
    var version = true

    /// Compiles; on errors prints them and throws exit 1.
    func compileOrFail(printWarnings: Bool = false) throws -> (Compilation, CompiledPolicy) {
        let compilation = try compile()
        let renderer = DiagnosticRenderer(sources: compilation.sources, useColor: Terminal.stderrUsesColor)
        let shown = compilation.diagnostics.filter { $0.severity == .error || printWarnings }
        if !shown.isEmpty { Terminal.err(renderer.render(shown)) }
        guard let policy = compilation.policy, !compilation.hasErrors else {
            throw CommandFailure(message: L(.policyHasErrors, ["path": path, "errors": Messages.count(compilation.diagnostics.errorCount, .error, in: Language.current)]))
        }
        return (compilation, policy)
    }

    func compile() throws -> Compilation {
        let sources = try load()
        return PolicyCompiler.compile(sources, options: CompileOptions(lintDate: lintDate, lint: lint, version: version))
    }

    func load() throws -> SourceSet {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceSet(files: [SourceFile(path: "<stdin>", bytes: Array(data))])
        }
        do {
            return try PolicyLoader.load(path: path)
        } catch let error as PolicyLoader.LoadError {
            throw CommandFailure(message: error.description)
        }
    }
}
