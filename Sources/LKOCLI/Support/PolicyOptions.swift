import ArgumentParser
import Foundation
import LKOCalendar
import LKOCompiler
import LKOLanguage

/// The policy folder argument shared by the policy commands.
struct PolicyArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The policy: a folder of .lko files (read with every subfolder) or one file.", valueName: "dir"))
    var path: String = "Policies"
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
            throw CommandFailure(message: "the policy in \(path) has \(compilation.diagnostics.errorCount) error(s); run `lko check \(path)` for details")
        }
        return (compilation, policy)
    }

    func compile() throws -> Compilation {
        let sources = try load()
        return PolicyCompiler.compile(sources, options: CompileOptions(lintDate: lintDate, lint: lint, version: version))
    }

    func load() throws -> SourceSet {
        do {
            return try PolicyLoader.load(path: path)
        } catch let error as PolicyLoader.LoadError {
            throw CommandFailure(message: error.description)
        }
    }
}
