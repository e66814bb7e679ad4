import Foundation
import Testing
import LKOCalendar
import LKOCompiler
import LKOMessages
@testable import LKOLanguage

/// One fixture per diagnostic code: `Fixtures/diagnostics/<CODE>.lko` and the exact rendered text
/// in Russian, the default, in `<CODE>.expected` and in English (`LKO_LANG=en`) in
/// `<CODE>.en.expected` (no color).
///
/// `E00xx` fixtures are read by the parser alone (they are syntax errors; the resolver would add
/// "no organization" to every one); every other fixture is a whole policy compiled with lint as of
/// 2026-03-02. Each fixture must produce its own code and no other.
///
/// To regenerate after changing a message: `LKO_UPDATE_GOLDEN=1 swift test --filter GoldenDiagnosticTests`,
/// then read every changed `.expected` file — in both languages — before committing it.
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

    /// The goldens of a code: Russian (`CODE.expected`) and English (`CODE.en.expected`).
    static let goldens: [(language: Language, suffix: String)] = [(.ru, ".expected"), (.en, ".en.expected")]

    static func golden(_ code: DiagnosticCode, _ language: Language) -> URL {
        Support.diagnosticsFixtures.appendingPathComponent(code.rawValue + (language == .ru ? ".expected" : ".en.expected"))
    }

    @Test func everyEmittableCodeHasAFixtureAndNothingElseDoes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Support.diagnosticsFixtures.path)
        let fixtures = Set(files.filter { $0.hasSuffix(".lko") }.map { String($0.dropLast(4)) })
        let english = Set(files.filter { $0.hasSuffix(".en.expected") }.map { String($0.dropLast(12)) })
        let russian = Set(files.filter { $0.hasSuffix(".expected") && !$0.hasSuffix(".en.expected") }.map { String($0.dropLast(9)) })
        let expected = Set(Self.fixtureCodes.map(\.rawValue))
        #expect(fixtures == expected, "missing: \(expected.subtracting(fixtures).sorted()), extra: \(fixtures.subtracting(expected).sorted())")
        #expect(russian == expected, "missing goldens: \(expected.subtracting(russian).sorted()), extra: \(russian.subtracting(expected).sorted())")
        #expect(english == expected, "missing English goldens: \(expected.subtracting(english).sorted()), extra: \(english.subtracting(expected).sorted())")
        #expect(Self.notFromSourceText.count == 3)
    }

    @Test(arguments: fixtureCodes)
    func golden(_ code: DiagnosticCode) throws {
        let fixture = Support.diagnosticsFixtures.appendingPathComponent("\(code.rawValue).lko")
        let data = try Data(contentsOf: fixture)
        let (sources, diagnostics) = Self.diagnose(code, text: data)
        #expect(diagnostics.map(\.code) == [code], "the fixture must produce exactly one \(code.rawValue), got \(diagnostics.map(\.code.rawValue))")
        #expect(diagnostics.first?.severity == code.defaultSeverity)
        for (language, _) in Self.goldens {
            let rendered = Support.render(diagnostics, sources: sources, language: language)
            let golden = Self.golden(code, language)
            if Support.updateGoldens {
                try Data(rendered.utf8).write(to: golden)
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(rendered == expected, "\(code.rawValue) in \(language)")
        }
        // Every span lies inside the file and every note points inside it too.
        for diagnostic in diagnostics {
            #expect(diagnostic.span.file == 0)
            #expect(diagnostic.span.end <= sources.files[0].utf8.count)
            for note in diagnostic.notes {
                if let span = note.span, !span.isNone { #expect(span.end <= sources.files[0].utf8.count) }
            }
        }
    }

    /// The golden text starts with `severity[CODE]: ` in its language and points at the fixture by
    /// name.
    @Test(arguments: fixtureCodes)
    func goldenHeader(_ code: DiagnosticCode) throws {
        let russian = try String(contentsOf: Self.golden(code, .ru), encoding: .utf8)
        #expect(russian.hasPrefix("\(code.defaultSeverity == .error ? "ошибка" : "предупреждение")[\(code.rawValue)]: "))
        #expect(russian.contains("--> \(code.rawValue).lko:"))
        #expect(russian.contains("= подсказка: "))
        let english = try String(contentsOf: Self.golden(code, .en), encoding: .utf8)
        #expect(english.hasPrefix("\(code.defaultSeverity.rawValue)[\(code.rawValue)]: "))
        #expect(english.contains("--> \(code.rawValue).lko:"))
        #expect(english.contains("= help: "))
    }

    /// Only the words change with the language: the position, the source line and the caret under
    /// it are the same, character for character (a Cyrillic label follows the caret and cannot
    /// shift it).
    @Test(arguments: fixtureCodes)
    func bothLanguagesPointAtTheSamePlace(_ code: DiagnosticCode) throws {
        let russian = try String(contentsOf: Self.golden(code, .ru), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let english = try String(contentsOf: Self.golden(code, .en), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(russian.count == english.count)
        for (ru, en) in zip(russian, english) where en.contains("|") || en.contains("-->") {
            if en.contains("^") {
                // The caret line up to the end of the carets.
                let end = { (line: Substring) in line.lastIndex(of: "^").map { line[...$0] } ?? line }
                #expect(end(ru) == end(en), "\(code.rawValue): `\(ru)` vs `\(en)`")
            } else {
                #expect(ru == en, "\(code.rawValue)")
            }
        }
    }

    @Test func jsonRecordMatchesTheRenderedPosition() throws {
        let code = DiagnosticCode.unknownNode
        let data = try Data(contentsOf: Support.diagnosticsFixtures.appendingPathComponent("E0104.lko"))
        let (sources, diagnostics) = Self.diagnose(code, text: data)
        let diagnostic = try #require(diagnostics.first)
        // Russian whatever LKO_LANG says: the same document the API would show.
        let record = DiagnosticRecord(diagnostic, sources: sources)
        #expect(record.code == "E0104")
        #expect(record.severity == "error")
        #expect(record.title == "неизвестная категория, подкатегория или факт")
        #expect(record.message == "неизвестная категория `road`")
        #expect(record.label == "нет в классификаторе")
        #expect(record.line == 18)
        #expect(record.column == 39)
        #expect(record.endColumn == 43)
        #expect(record.help == "возможно, вы имели в виду `roads`?")
        let english = DiagnosticRecord(diagnostic, sources: sources, language: .en)
        #expect(english.title == "unknown category, subcategory or fact")
        #expect(english.message == "unknown category `road`")
        #expect(english.help == "did you mean `roads`?")
        #expect(english.line == record.line && english.column == record.column && english.code == record.code)
    }
}
