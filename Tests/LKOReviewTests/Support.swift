import Foundation
import Testing
@testable import LKOCalendar
@testable import LKOCompiler
@testable import LKOLanguage

/// The day every fixture diff is judged at (before the deputies' time-bounded grants).
let reviewDay = CalendarDate(iso: "2026-03-02")!

/// The fixtures folder inside the test bundle.
func fixturesFolder(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "the Fixtures resource is missing", sourceLocation: sourceLocation)
}

/// The fixtures folder in the source tree (where golden files are rewritten).
let sourceFixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

/// Compiles `Fixtures/<pair>/<side>/`, naming files `<side>/<file>` so positions are stable.
func compileSide(_ pair: String, _ side: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Compilation {
    let folder = try fixturesFolder(sourceLocation: sourceLocation).appending(path: pair).appending(path: side)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".lko") }.sorted()
    #expect(!names.isEmpty, "no .lko files in \(pair)/\(side)", sourceLocation: sourceLocation)
    let files = try names.map { name in
        SourceFile(path: "\(side)/\(name)", bytes: [UInt8](try Data(contentsOf: folder.appending(path: name))))
    }
    let compilation = PolicyCompiler.compile(SourceSet(files: files), options: CompileOptions(lintDate: reviewDay, lint: false))
    let errors = compilation.diagnostics.filter { $0.severity == .error }.map { "\(compilation.sources.position(of: $0.span)) \($0.message)" }
    #expect(errors.isEmpty, "\(pair)/\(side) does not compile: \(errors)", sourceLocation: sourceLocation)
    return compilation
}

/// The diff of a fixture pair (labels `old` and `new`).
func diffPair(_ pair: String, at date: CalendarDate = reviewDay, heldCases: [DiffInput.HeldCase] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PolicyDiff {
    let old = try compileSide(pair, "old", sourceLocation: sourceLocation)
    let new = try compileSide(pair, "new", sourceLocation: sourceLocation)
    return try PolicyDiff.compute(DiffInput(oldLabel: "old", old: old, newLabel: "new", new: new, at: date, heldCases: heldCases))
}

typealias Access = PolicyDiff.AccessChange
typealias Tree = PolicyDiff.TreeChange
typealias Route = PolicyDiff.RoutingChange
typealias Finding = PolicyDiff.Finding
typealias Risk = PolicyDiff.Risk

func access(_ login: String, _ change: String, _ action: String, _ scope: String, _ nodes: [String], from: String? = nil, until: String? = nil, cause: String) -> Access {
    Access(login: login, change: change, action: action, scope: scope, nodes: nodes, from: from, until: until, cause: cause)
}

/// The same permission change for several actions (the order of the report: by action).
func access(_ login: String, _ change: String, _ actions: [String], _ scope: String, _ nodes: [String], from: String? = nil, until: String? = nil, cause: String) -> [Access] {
    actions.map { access(login, change, $0, scope, nodes, from: from, until: until, cause: cause) }
}

/// Compares `actual` with the golden file `Fixtures/<pair>/<name>`; with `LKO_UPDATE_GOLDEN=1`
/// rewrites the golden file in the source tree instead.
func expectGolden(_ actual: String, pair: String, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    if ProcessInfo.processInfo.environment["LKO_UPDATE_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: sourceFixturesFolder.appending(path: pair).appending(path: name))
        return
    }
    let url = try fixturesFolder(sourceLocation: sourceLocation).appending(path: pair).appending(path: name)
    let expected = try #require(try? String(contentsOf: url, encoding: .utf8), "missing golden \(pair)/\(name); run with LKO_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
    #expect(actual == expected, "\(pair)/\(name) differs from the golden file (LKO_UPDATE_GOLDEN=1 rewrites it)", sourceLocation: sourceLocation)
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false), e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        if let line = zip(a, e).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("first difference at line \(line.offset + 1):\n  actual:   \(line.element.0)\n  expected: \(line.element.1)", sourceLocation: sourceLocation)
        }
    }
}
