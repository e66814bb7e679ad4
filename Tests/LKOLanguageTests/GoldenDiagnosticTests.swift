import Foundation
import Testing
import LKOCalendar
import LKOCompiler
@testable import LKOLanguage

/// One fixture per diagnostic code: `Fixtures/diagnostics/<CODE>.lko` and the exact rendered text
/// in `<CODE>.expected` (no color).
///
/// `E00xx` fixtures are read by the parser alone (they are syntax errors; the resolver would add
/// "no organization" to every one); every other fixture is a whole policy compiled with lint as of
/// 2026-03-02. Each fixture must produce its own code and no other.
///
/// To regenerate after changing a message: `LKO_UPDATE_GOLDEN=1 swift test --filter GoldenDiagnosticTests`,
/// then read every changed `.expected` file before committing it.
@Suite struct GoldenDiagnosticTests {
    /// Codes no policy text can produce: E0014 comes from reading the disk (the CLI reports
    /// unreadable files itself) and E0015 from an empty policy folder or an internal compiler
    /// error; W0511 needs the accounts of a database (`lko check --db`, `lko apply`). They are documented in docs/diagnostics.md but have no fixture.
    static let notFromSourceText: Set<DiagnosticCode> = [.unreadableFile, .emptyPolicy, .disabledAccount]

    static let lintDate = CalendarDate(year: 2026, month: 3, day: 2)

    static var fixtureCodes: [DiagnosticCode] {
        DiagnosticCode.allCases.filter { !notFromSourceText.contains($0) }
    }

    static func diagnose(_ code: DiagnosticCode, text: Data) -> (SourceSet, [Diagnostic]) {
        let sources = SourceSet(files: [SourceFile(path: "\(code.rawValue).lko", bytes: [UInt8](text))])
        if code.rawValue.hasPrefix("E00") {
            return (sources, ParsedPolicy(sources: sources).diagnostics)
        }
        let compilation = PolicyCompiler.compile(sources, options: CompileOptions(lintDate: lintDate, lint: true))
        return (sources, compilation.diagnostics)
    }

    @Test func everyEmittableCodeHasAFixtureAndNothingElseDoes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Support.diagnosticsFixtures.path)
        let fixtures = Set(files.filter { $0.hasSuffix(".lko") }.map { String($0.dropLast(4)) })
        let goldens = Set(files.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(9)) })
        let expected = Set(Self.fixtureCodes.map(\.rawValue))
        #expect(fixtures == expected, "missing: \(expected.subtracting(fixtures).sorted()), extra: \(fixtures.subtracting(expected).sorted())")
        #expect(goldens == expected, "missing goldens: \(expected.subtracting(goldens).sorted()), extra: \(goldens.subtracting(expected).sorted())")
        #expect(Self.notFromSourceText.count == 3)
    }

    @Test(arguments: fixtureCodes)
    func golden(_ code: DiagnosticCode) throws {
        let fixture = Support.diagnosticsFixtures.appendingPathComponent("\(code.rawValue).lko")
        let golden = Support.diagnosticsFixtures.appendingPathComponent("\(code.rawValue).expected")
        let data = try Data(contentsOf: fixture)
        let (sources, diagnostics) = Self.diagnose(code, text: data)
        #expect(diagnostics.map(\.code) == [code], "the fixture must produce exactly one \(code.rawValue), got \(diagnostics.map(\.code.rawValue))")
        #expect(diagnostics.first?.severity == code.defaultSeverity)
        let rendered = Support.render(diagnostics, sources: sources)
        if Support.updateGoldens {
            try Data(rendered.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(rendered == expected)
        // Every span lies inside the file and every note points inside it too.
        for diagnostic in diagnostics {
            #expect(diagnostic.span.file == 0)
            #expect(diagnostic.span.end <= sources.files[0].utf8.count)
            for note in diagnostic.notes {
                if let span = note.span, !span.isNone { #expect(span.end <= sources.files[0].utf8.count) }
            }
        }
    }

    /// The golden text starts with `severity[CODE]: ` and points at the fixture by name.
    @Test(arguments: fixtureCodes)
    func goldenHeader(_ code: DiagnosticCode) throws {
        let golden = Support.diagnosticsFixtures.appendingPathComponent("\(code.rawValue).expected")
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(expected.hasPrefix("\(code.defaultSeverity.rawValue)[\(code.rawValue)]: "))
        #expect(expected.contains("--> \(code.rawValue).lko:"))
        #expect(expected.contains("= help: "))
    }

    @Test func jsonRecordMatchesTheRenderedPosition() throws {
        let code = DiagnosticCode.unknownNode
        let data = try Data(contentsOf: Support.diagnosticsFixtures.appendingPathComponent("E0104.lko"))
        let (sources, diagnostics) = Self.diagnose(code, text: data)
        let record = try #require(diagnostics.first.map { DiagnosticRecord($0, sources: sources) })
        #expect(record.code == "E0104")
        #expect(record.title == "unknown category, subcategory or fact")
        #expect(record.line == 18)
        #expect(record.column == 39)
        #expect(record.endColumn == 43)
        #expect(record.help == "did you mean `roads`?")
    }
}
