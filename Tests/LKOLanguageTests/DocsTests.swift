import Foundation
import Testing
import LKOMessages
@testable import LKOLanguage

/// `docs/diagnostics.md` documents every code, one `## CODE — title` section each.
@Suite struct DocsTests {
    static let docs = Support.packageRoot.appendingPathComponent("docs/diagnostics.md")

    static func sections() throws -> [(code: String, title: String, body: String)] {
        let text = try String(contentsOf: docs, encoding: .utf8)
        var result: [(String, String, String)] = []
        for chunk in text.components(separatedBy: "\n## ").dropFirst() {
            let heading = chunk.prefix { $0 != "\n" }
            let parts = heading.components(separatedBy: " — ")
            // The page's own sections ("Languages", "The examples") are not codes.
            guard let first = parts.first?.first, first == "E" || first == "W", parts[0].count == 5, parts[0].dropFirst().allSatisfy(\.isNumber) else { continue }
            result.append((parts[0], parts.dropFirst().joined(separator: " — "), String(chunk)))
        }
        return result
    }

    @Test func everyCodeHasExactlyOneSectionAndNoSectionIsUnknown() throws {
        let sections = try Self.sections()
        let documented = sections.map(\.code)
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(documented.sorted() == codes.sorted(), "missing: \(Set(codes).subtracting(documented).sorted()), unknown: \(Set(documented).subtracting(codes).sorted())")
        #expect(Set(documented).count == documented.count, "a code has two sections")
        #expect(documented == codes, "sections are in code order")
    }

    @Test func headingsUseTheCodeTitles() throws {
        for section in try Self.sections() {
            let code = try #require(DiagnosticCode(rawValue: section.code))
            #expect(section.title == code.title, "\(section.code)")
        }
    }

    /// Each section shows what `lko check` prints for its fixture in Russian and, under
    /// `LKO_LANG=en`, in English: both goldens whole, as `text` blocks.
    @Test func sectionsWithAFixtureShowItsRenderedMessage() throws {
        for section in try Self.sections() {
            let code = try #require(DiagnosticCode(rawValue: section.code))
            guard !GoldenDiagnosticTests.notFromSourceText.contains(code) else { continue }
            for language in [Language.ru, .en] {
                let golden = try String(contentsOf: GoldenDiagnosticTests.golden(code, language), encoding: .utf8)
                let firstLine = String(golden.prefix { $0 != "\n" })
                #expect(section.body.contains("```text\n" + golden + "```"), "\(section.code): the docs do not show the \(language) golden `\(firstLine)`")
            }
            #expect(section.body.contains("```lko"), "\(section.code): no example")
            #expect(section.body.contains("**Fix:**"), "\(section.code): no fix")
        }
    }

    /// Each section names its code's Russian title too (`lko check --format json` shows it).
    @Test func sectionsGiveTheRussianTitle() throws {
        for section in try Self.sections() {
            let code = try #require(DiagnosticCode(rawValue: section.code))
            let russian = code.titleMessage.render(.ru)
            #expect(section.body.contains("«\(russian)»"), "\(section.code): no «\(russian)»")
        }
    }
}
