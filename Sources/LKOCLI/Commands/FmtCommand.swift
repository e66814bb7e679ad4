import ArgumentParser
import Foundation
import LKOApplication
import LKOLanguage
import LKOMessages

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: L(.helpFmtAbstract),
        discussion: L(.helpFmtDiscussion)
    )

    @OptionGroup var policy: PolicyArgument

    @Flag(help: ArgumentHelp(L(.flagFmtCheck)))
    var check = false

    @Flag(help: ArgumentHelp(L(.flagFmtDiff)))
    var diff = false

    func run() throws {
        let fromStandardInput = policy.path == "-"
        let sources = try PolicyLoading(path: policy.path).load()
        let formatter = PolicyFormatter()
        var unformatted: [String] = []
        var broken = false
        for (index, file) in sources.files.enumerated() {
            let (parsed, diagnostics) = Parser.parse(file, fileIndex: index)
            if diagnostics.hasErrors {
                Terminal.err(DiagnosticRenderer(sources: sources, useColor: Terminal.stderrUsesColor, language: Language.current).render(diagnostics))
                Terminal.error(L(.fmtSyntaxErrors, ["path": file.path]))
                broken = true
                continue
            }
            let formatted = formatter.format(parsed)
            if fromStandardInput, !check, !diff {
                // A filter: the formatted text on standard output, whatever it was.
                FileHandle.standardOutput.write(Data(formatted.utf8))
                continue
            }
            guard formatted != file.text else { continue }
            unformatted.append(file.path)
            if diff {
                FileHandle.standardOutput.write(Data(UnifiedDiff.render(old: file.text, new: formatted, path: file.path).utf8))
            } else if !check {
                do {
                    try Data(formatted.utf8).write(to: URL(fileURLWithPath: file.path), options: .atomic)
                } catch {
                    throw CommandFailure(message: L(.cannotWrite, ["path": file.path, "reason": error.localizedDescription]))
                }
            }
        }
        if !diff {
            for path in unformatted { Terminal.out(L(check ? .fmtWouldReformat : .fmtFormatted, ["path": path])) }
        }
        if check || diff, !unformatted.isEmpty {
            Terminal.err(L(.fmtNotFormatted, ["count": "\(unformatted.count)", "path": policy.path]))
        }
        if broken || ((check || diff) && !unformatted.isEmpty) { throw ExitCode.failure }
    }
}

/// A unified diff of two texts by lines (the longest common subsequence; hunks with three
/// lines of context), as `diff -u` prints it.
enum UnifiedDiff {
    static func render(old: String, new: String, path: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Edit script from the LCS table (policy files are small).
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        enum Op { case same(String), del(String), add(String) }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { ops.append(.same(a[i])); i += 1; j += 1 }
            else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] { ops.append(.del(a[i])); i += 1 }
            else { ops.append(.add(b[j])); j += 1 }
        }
        // Group changes into hunks.
        var output = "--- \(path)\n+++ \(path) (formatted)\n"
        let changed = ops.indices.filter { if case .same = ops[$0] { return false } else { return true } }
        var index = 0
        while index < changed.count {
            var start = max(0, changed[index] - context)
            var end = min(ops.count, changed[index] + context + 1)
            index += 1
            while index < changed.count, changed[index] - context <= end {
                end = min(ops.count, changed[index] + context + 1)
                index += 1
            }
            start = max(0, start)
            // Line numbers at the hunk's start.
            var oldLine = 1, newLine = 1
            for op in ops[..<start] {
                switch op {
                case .same: oldLine += 1; newLine += 1
                case .del: oldLine += 1
                case .add: newLine += 1
                }
            }
            var oldCount = 0, newCount = 0, body = ""
            for op in ops[start..<end] {
                switch op {
                case .same(let line): body += " \(line)\n"; oldCount += 1; newCount += 1
                case .del(let line): body += "-\(line)\n"; oldCount += 1
                case .add(let line): body += "+\(line)\n"; newCount += 1
                }
            }
            output += "@@ -\(oldLine),\(oldCount) +\(newLine),\(newCount) @@\n" + body
        }
        return output
    }
}
