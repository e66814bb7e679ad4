// The libFuzzer entry point for the policy language. Built only when `LKO_FUZZ=1` is set (see
// `Package.swift` and `Fuzz/README.md`); normal builds and `swift test` never see this target.
//
// One input is one policy. If the bytes contain a NUL, they are split at the first one into two
// files (`a.lko`, `b.lko`) so that multi-file resolution is exercised too. Every input is
// compiled (parse, resolve, validate, lint) and every diagnostic rendered. When no file has a
// parse error (`lko fmt` leaves such files alone), each file is also formatted and the output
// re-checked. Any broken invariant traps, which libFuzzer reports as a crash:
//
// - every diagnostic and note span lies inside its file (or is `.none`);
// - when the policy compiles: `decide` and `explain` agree (and `lko test`'s runner runs);
// - the formatted output parses with the same parse diagnostics (none of them errors);
// - formatting is idempotent: `fmt(parse(fmt(x))) == fmt(x)`;
// - the formatted policy compiles to the same diagnostic codes as the original.
//
// `Tests/LKOCompilerTests/FuzzRegressionTests.swift` runs the same checks on every input kept
// under `Tests/LKOCompilerTests/Fixtures/fuzz-regressions/`.
import LKOCalendar
import LKOCompiler
import LKOLanguage

@_cdecl("LLVMFuzzerTestOneInput")
public func lkoFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    FuzzCheck.run(bytes)
    return 0
}

enum FuzzCheck {
    static let lintDate = CalendarDate(year: 2026, month: 3, day: 2)!

    /// Splits the input at the first NUL byte into two files.
    static func sources(_ bytes: [UInt8]) -> [SourceFile] {
        if let separator = bytes.firstIndex(of: 0) {
            return [
                SourceFile(path: "a.lko", bytes: Array(bytes[..<separator])),
                SourceFile(path: "b.lko", bytes: Array(bytes[(separator + 1)...])),
            ]
        }
        return [SourceFile(path: "a.lko", bytes: bytes)]
    }

    static func fail(_ message: String) -> Never {
        fatalError("fuzz invariant broken: \(message)")
    }

    static func checkSpans(_ diagnostics: [Diagnostic], in sources: SourceSet) {
        for diagnostic in diagnostics {
            let spans = [diagnostic.span] + diagnostic.notes.compactMap(\.span)
            for span in spans where !span.isNone {
                guard let file = sources.file(of: span) else {
                    fail("\(diagnostic.code.rawValue) points at file \(span.file) of \(sources.files.count)")
                }
                guard span.start >= 0, span.start <= span.end, span.end <= file.utf8.count else {
                    fail("\(diagnostic.code.rawValue) span \(span.start)..<\(span.end) outside \(file.path) (\(file.utf8.count) bytes)")
                }
            }
        }
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
        let logins = Array(policy.tables.logins.prefix(8)) + ["nobody"]
        let nodes: [Int?] = [nil] + policy.tables.nodes.indices.prefix(12).map { Optional($0) }
        var found: [String] = []
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

    static func run(_ bytes: [UInt8]) {
        let set = SourceSet(files: sources(bytes))
        let compilation = PolicyCompiler.compile(set, options: CompileOptions(lintDate: lintDate, lint: true))
        checkSpans(compilation.diagnostics, in: set)
        let rendered = DiagnosticRenderer(sources: set).render(compilation.diagnostics)
        if !compilation.diagnostics.isEmpty, rendered.isEmpty { fail("diagnostics rendered to nothing") }
        _ = DiagnosticRenderer(sources: set, useColor: true).render(compilation.diagnostics)
        for diagnostic in compilation.diagnostics { _ = DiagnosticRecord(diagnostic, sources: set) }
        if let policy = compilation.policy {
            _ = PolicyTestRunner.run(compilation, today: lintDate)
            if let mismatch = decisionMismatches(policy).first { fail(mismatch) }
        }

        // `lko fmt` leaves a file with any parse error untouched; so does this.
        let parses = set.files.enumerated().map { Parser.parse($1, fileIndex: $0) }
        guard !parses.contains(where: { $0.diagnostics.hasErrors }) else { return }

        let formatter = PolicyFormatter()
        var formattedFiles: [SourceFile] = []
        for (index, file) in set.files.enumerated() {
            let (parsed, parseDiagnostics) = parses[index]
            let formatted = formatter.format(parsed)
            let reread = SourceFile(path: file.path, text: formatted)
            let (reparsed, reparseDiagnostics) = Parser.parse(reread, fileIndex: index)
            if reparseDiagnostics.hasErrors || codes(reparseDiagnostics) != codes(parseDiagnostics) {
                let shown = DiagnosticRenderer(sources: SourceSet(files: [reread])).render(reparseDiagnostics)
                fail("formatted \(file.path) does not parse the same:\n\(formatted)\n\(shown)")
            }
            let again = formatter.format(reparsed)
            if again != formatted {
                fail("formatting \(file.path) is not idempotent:\n--- first\n\(formatted)\n--- second\n\(again)")
            }
            formattedFiles.append(reread)
        }
        let formattedSet = SourceSet(files: formattedFiles)
        let recompiled = PolicyCompiler.compile(formattedSet, options: CompileOptions(lintDate: lintDate, lint: true))
        checkSpans(recompiled.diagnostics, in: formattedSet)
        if codes(recompiled.diagnostics) != codes(compilation.diagnostics) {
            fail("formatting changed the diagnostics: \(codes(compilation.diagnostics)) → \(codes(recompiled.diagnostics))")
        }
    }
}
