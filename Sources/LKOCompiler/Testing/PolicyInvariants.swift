import LKOCalendar
import LKOLanguage

/// The invariants every input must keep, whatever its bytes: what the libFuzzer target
/// (`Sources/LKOFuzz`, built with `LKO_FUZZ=1`) traps on and what the regression tests over
/// `Tests/LKOCompilerTests/Fixtures/fuzz-regressions/` assert — one implementation for both.
///
/// One input is one policy; bytes with a NUL are split at the first one into two files so that
/// multi-file resolution is exercised. The input is compiled (parse, resolve, validate, lint) and
/// every diagnostic rendered; when it compiles, `decide` and `explain` must agree and the policy's
/// tests run; when no file has a parse error (`lko fmt` leaves such files alone), formatting must
/// re-parse to the same diagnostics, be idempotent, and compile to the same diagnostic codes.
public enum PolicyInvariants {
    static let lintDate = CalendarDate(year: 2026, month: 3, day: 2)!

    /// Splits the input at the first NUL byte into two files, as the fuzz target does.
    static func sources(_ bytes: [UInt8]) -> [SourceFile] {
        if let separator = bytes.firstIndex(of: 0) {
            return [
                SourceFile(path: "a.lko", bytes: Array(bytes[..<separator])),
                SourceFile(path: "b.lko", bytes: Array(bytes[(separator + 1)...])),
            ]
        }
        return [SourceFile(path: "a.lko", bytes: bytes)]
    }

    /// `decide` (the enforcement fast path) and `explain` (what `lko explain` prints) must agree for
    /// every login, action, node and assignee, on the lint date and around every grant's bounds.
    /// Bounded to a few thousand questions so one execution stays fast.
    static func decisionMismatches(_ policy: CompiledPolicy) -> [String] {
        var dates = [lintDate]
        for grant in policy.tables.grants {
            for text in [grant.from, grant.until].compactMap({ $0 }) {
                guard let date = CalendarDate(iso: text) else { continue }
                dates += [date.adding(days: -1), date, date.adding(days: 1)]
            }
        }
        // The compiled bundle (`lko compile --bundle`), written and read back, decides the same.
        let bundle = try? DecisionBundle(policy: policy, sourceDigest: [UInt8](repeating: 0, count: 32)).encoded().withUnsafeBytes { try DecisionBundle(bytes: $0) }
        var found: [String] = bundle == nil ? ["the compiled bundle does not read back"] : []
        let logins = Array(policy.tables.logins.prefix(8)) + ["nobody"]
        let nodes: [Int?] = [nil] + policy.tables.nodes.indices.prefix(12).map { Optional($0) }
        var asked = 0
        for date in dates.prefix(6) {
            for login in logins {
                for node in nodes {
                    for assignee in [nil, login] {
                        for action in Action.allCases {
                            asked += 1
                            if asked > 4_000 { return found }
                            let fast = policy.decide(login: login, action: action, node: node, assignee: assignee, on: date)
                            let explained = policy.explain(login: login, action: action, node: node, assignee: assignee, on: date)
                            if fast != explained.allowed {
                                found.append("decide says \(fast), explain says \(explained.allowed) for \(login) \(action.rawValue) node \(node.map(String.init) ?? "nil") assignee \(assignee ?? "nil") on \(date)")
                            }
                            if let bundle, bundle.decide(login: login, action: action, node: node, assignee: assignee, on: date) != fast {
                                found.append("the bundle disagrees with decide (\(fast)) for \(login) \(action.rawValue) node \(node.map(String.init) ?? "nil") assignee \(assignee ?? "nil") on \(date)")
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    static func codes(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code.rawValue)/\($0.severity.rawValue)" }.sorted()
    }

    static func spanProblems(_ diagnostics: [Diagnostic], in sources: SourceSet) -> [String] {
        var problems: [String] = []
        for diagnostic in diagnostics {
            let spans = [diagnostic.span] + diagnostic.notes.compactMap(\.span)
            for span in spans where !span.isNone {
                guard let file = sources.file(of: span) else {
                    problems.append("\(diagnostic.code.rawValue) points at file \(span.file) of \(sources.files.count)")
                    continue
                }
                if span.start < 0 || span.start > span.end || span.end > file.utf8.count {
                    problems.append("\(diagnostic.code.rawValue) span \(span.start)..<\(span.end) outside \(file.path) (\(file.utf8.count) bytes)")
                }
            }
        }
        return problems
    }

    /// Every broken invariant, described; empty when the input keeps them all.
    public static func problems(_ bytes: [UInt8]) -> [String] {
        let set = SourceSet(files: sources(bytes))
        let compilation = PolicyCompiler.compile(set, options: CompileOptions(lintDate: lintDate, lint: true))
        var problems = spanProblems(compilation.diagnostics, in: set)
        let rendered = DiagnosticRenderer(sources: set).render(compilation.diagnostics)
        if !compilation.diagnostics.isEmpty, rendered.isEmpty { problems.append("diagnostics rendered to nothing") }
        _ = DiagnosticRenderer(sources: set, useColor: true).render(compilation.diagnostics)
        for diagnostic in compilation.diagnostics { _ = DiagnosticRecord(diagnostic, sources: set) }
        if let policy = compilation.policy {
            _ = PolicyTestRunner.run(compilation, today: lintDate)
            problems += decisionMismatches(policy)
        }

        // `lko fmt` leaves a file with any parse error untouched; so does this.
        let parses = set.files.enumerated().map { Parser.parse($1, fileIndex: $0) }
        guard !parses.contains(where: { $0.diagnostics.hasErrors }) else { return problems }

        let formatter = PolicyFormatter()
        var formattedFiles: [SourceFile] = []
        for (index, file) in set.files.enumerated() {
            let (parsed, parseDiagnostics) = parses[index]
            let formatted = formatter.format(parsed)
            let reread = SourceFile(path: file.path, text: formatted)
            let (reparsed, reparseDiagnostics) = Parser.parse(reread, fileIndex: index)
            if reparseDiagnostics.hasErrors || codes(reparseDiagnostics) != codes(parseDiagnostics) {
                let shown = DiagnosticRenderer(sources: SourceSet(files: [reread])).render(reparseDiagnostics)
                problems.append("formatted \(file.path) does not parse the same:\n\(formatted)\n\(shown)")
                continue
            }
            let again = formatter.format(reparsed)
            if again != formatted {
                problems.append("formatting \(file.path) is not idempotent:\n--- first\n\(formatted)\n--- second\n\(again)")
            }
            formattedFiles.append(reread)
        }
        guard problems.isEmpty else { return problems }
        let formattedSet = SourceSet(files: formattedFiles)
        let recompiled = PolicyCompiler.compile(formattedSet, options: CompileOptions(lintDate: lintDate, lint: true))
        problems += spanProblems(recompiled.diagnostics, in: formattedSet)
        if codes(recompiled.diagnostics) != codes(compilation.diagnostics) {
            problems.append("formatting changed the diagnostics: \(codes(compilation.diagnostics)) → \(codes(recompiled.diagnostics))")
        }
        return problems
    }
}
