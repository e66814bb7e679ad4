import Foundation
import Testing
@testable import LKOCalendar
@testable import LKOCompiler
@testable import LKOLanguage

/// A date from its ISO text; a typo fails the test instead of crashing the run.
func day(_ iso: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CalendarDate {
    try #require(CalendarDate(iso: iso), "bad date literal \(iso)", sourceLocation: sourceLocation)
}

/// Compiles in-memory files (path → text).
func compile(_ files: [(String, String)], lintDate: String? = nil, lint: Bool = true) -> Compilation {
    let set = SourceSet(files: files.map { SourceFile(path: $0.0, text: $0.1) })
    return PolicyCompiler.compile(set, options: CompileOptions(lintDate: lintDate.flatMap(CalendarDate.init(iso:)), lint: lint))
}

func compile(_ text: String, lintDate: String? = nil, lint: Bool = true) -> Compilation {
    compile([("p.lko", text)], lintDate: lintDate, lint: lint)
}

/// Compiles and requires a policy (no errors).
func policy(_ text: String, lintDate: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CompiledPolicy {
    let compilation = compile(text, lintDate: lintDate)
    let errors = compilation.diagnostics.filter { $0.severity == .error }.map { "\($0.code.rawValue) \(compilation.sources.position(of: $0.span)) \($0.message)" }
    #expect(errors.isEmpty, "unexpected errors: \(errors)", sourceLocation: sourceLocation)
    return try #require(compilation.policy, sourceLocation: sourceLocation)
}

/// (code, line) of every diagnostic, in source order.
func findings(_ compilation: Compilation) -> [Finding] {
    compilation.diagnostics.map { diagnostic in
        let line = compilation.sources.file(of: diagnostic.span)?.location(of: diagnostic.span.start).line ?? 0
        return Finding(code: diagnostic.code.rawValue, line: line)
    }
}

struct Finding: Equatable, CustomStringConvertible {
    var code: String
    var line: Int
    var description: String { "\(code)@\(line)" }
}

func F(_ code: String, _ line: Int) -> Finding { Finding(code: code, line: line) }

/// Only the warnings (lint), as findings.
func warnings(_ compilation: Compilation) -> [Finding] {
    findings(compilation).filter { $0.code.hasPrefix("W") }
}

/// The folder of the shipped policy, found from this file's place in the source tree.
let shippedPolicyFolder: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Policies").path

func shippedCompilation() throws -> Compilation {
    let sources = try PolicyLoader.load(path: shippedPolicyFolder)
    return PolicyCompiler.compile(sources, options: CompileOptions(lintDate: CalendarDate(iso: "2026-03-02")))
}

/// A tiny organization plus executor/coordinator roles, shared by many small policies.
let header = """
organization "Org" {
  timezone "Europe/Moscow"
}
role coordinator "Координатор" {
  allow view, assign on any
}
role executor "Исполнитель" {
  allow view, draft on assigned and granted
}
grant coordinator to boss

"""

/// Lines `header` takes, so tests can name lines of what follows.
let headerLines = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1

func fixture(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    return try String(contentsOf: url, encoding: .utf8)
}
