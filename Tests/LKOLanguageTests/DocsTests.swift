import Foundation
import Testing
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

    @Test func sectionsWithAFixtureShowItsRenderedMessage() throws {
        for section in try Self.sections() {
            let code = try #require(DiagnosticCode(rawValue: section.code))
            guard !GoldenDiagnosticTests.notFromSourceText.contains(code) else { continue }
            let golden = try String(contentsOf: Support.diagnosticsFixtures.appendingPathComponent("\(code.rawValue).expected"), encoding: .utf8)
            let firstLine = String(golden.prefix { $0 != "\n" })
            #expect(section.body.contains(firstLine), "\(section.code): the docs do not show `\(firstLine)`")
            #expect(section.body.contains("```lko"), "\(section.code): no example")
            #expect(section.body.contains("**Fix:**"), "\(section.code): no fix")
        }
    }
}
