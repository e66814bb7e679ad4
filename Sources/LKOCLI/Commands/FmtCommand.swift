import ArgumentParser
import Foundation
import LKOLanguage

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite policy files in the canonical layout.",
        discussion: """
        Two-space indentation, one statement per line, comments kept. Formatting never changes \
        meaning (the files parse to the same tree) and is idempotent. Files with syntax errors \
        are left untouched.

        Exit status: 0 done (or, with --check, nothing to change), 1 a file would change \
        (--check) or has syntax errors, 2 wrong usage.
        """
    )

    @OptionGroup var policy: PolicyArgument

    @Flag(help: "Change nothing; list the files that are not formatted and exit 1 if any.")
    var check = false

    func run() throws {
        let sources = try PolicyLoading(path: policy.path).load()
        let formatter = PolicyFormatter()
        var unformatted: [String] = []
        var broken = false
        for (index, file) in sources.files.enumerated() {
            let (parsed, diagnostics) = Parser.parse(file, fileIndex: index)
            if diagnostics.hasErrors {
                Terminal.err(DiagnosticRenderer(sources: sources, useColor: Terminal.stderrUsesColor).render(diagnostics))
                Terminal.error("\(file.path) has syntax errors; not formatted")
                broken = true
                continue
            }
            let formatted = formatter.format(parsed)
            guard formatted != file.text else { continue }
            unformatted.append(file.path)
            if !check {
                do {
                    try Data(formatted.utf8).write(to: URL(fileURLWithPath: file.path), options: .atomic)
                } catch {
                    throw CommandFailure(message: "cannot write \(file.path): \(error.localizedDescription)")
                }
            }
        }
        for path in unformatted { Terminal.out(check ? "would reformat \(path)" : "formatted \(path)") }
        if check, !unformatted.isEmpty {
            Terminal.err("\(unformatted.count) file(s) not formatted; run `lko fmt \(policy.path)`")
        }
        if broken || (check && !unformatted.isEmpty) { throw ExitCode.failure }
    }
}
