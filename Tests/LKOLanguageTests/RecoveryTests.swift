import Foundation
import Testing
@testable import LKOLanguage

/// Error recovery: one run reports every independent error, each once, at the right line.
@Suite struct RecoveryTests {
    @Test func severalIndependentErrors() {
        let text = """
        organization "Администрация" {
          timezon "Europe/Moscow"
          term appeal 30 calendar days
        }

        role executor "Исполнитель" {
          allow view, draft assigned
          allow submit on assigned
        }

        categroy roads "Дороги"

        grant executor to roads_specialist on roads from 2025-02-30

        autorule roads priority 10 {
          when categry roads
          assign roads_specialist
        }

        test "t" {
          expect allow x view case { subcategory roads.potholes asignee x }
          expect maybe x view case {}
        }
        """
        let (file, diagnostics) = Support.parse(text)
        #expect(Support.codesAndLines(diagnostics, in: text) == [
            "E0012@2", "E0010@7", "E0011@11", "E0004@13", "E0012@16", "E0401@21", "E0010@22",
        ])
        #expect(diagnostics.sortedBySource().map(\.help) == [
            "did you mean `timezone`?",
            "finish the rule with a scope: `on any`, `on granted`, `on assigned` or `on assigned and granted`",
            "did you mean `category`?",
            "write dates as YYYY-MM-DD with a real day, e.g. 2026-03-02",
            "did you mean `category`?",
            "did you mean `assignee`?",
            "write `expect allow LOGIN ACTION case { … }` or `expect route case { … } to LOGIN`",
        ])
        // What parsed around the errors is kept (the grant with the bad date is dropped).
        #expect(file.declarations.count == 4)
    }

    @Test func missingClosingBraceReportsTheOpeningBrace() {
        let text = "role executor \"Исполнитель\" {\n  allow view on any\n\ngrant executor to a\n"
        let (file, diagnostics) = Support.parse(text)
        #expect(Support.codesAndLines(diagnostics, in: text) == ["E0013@1"])
        #expect(diagnostics.first?.span.start == 39)
        #expect(diagnostics.first?.label == "this `{` has no matching `}`")
        // The grant after the unclosed block is still read.
        #expect(file.declarations.count == 2)
    }

    @Test func missingClosingBraceAtEndOfFile() {
        let text = "category roads \"Дороги\" {\n  subcategory a \"A\" {\n    term 5 calendar days\n"
        let (_, diagnostics) = Support.parse(text)
        #expect(Support.codesAndLines(diagnostics, in: text) == ["E0013@1", "E0013@2"])
    }

    @Test func strayClosingBrace() {
        let text = "grant a to b\n}\ngrant c to d\n"
        let (file, diagnostics) = Support.parse(text)
        #expect(Support.codesAndLines(diagnostics, in: text) == ["E0011@2"])
        #expect(diagnostics.first?.message == "unexpected `}`")
        #expect(diagnostics.first?.label == "nothing to close")
        #expect(file.declarations.count == 2)
    }

    @Test func strayClosingBraceAfterABlock() {
        let text = "role r \"R\" {\n  allow view on any\n}\n}\n\ngrant c to d\n"
        let (file, diagnostics) = Support.parse(text)
        #expect(Support.codesAndLines(diagnostics, in: text) == ["E0011@4"])
        #expect(file.declarations.count == 2)
    }

    @Test(arguments: [
        ("rol r \"R\" {\n}", "did you mean `role`?"),
        ("grnt a to b", "did you mean `grant`?"),
        ("subcategory a \"A\"", "`subcategory` belongs inside a `category { … }` block"),
        ("fact a \"A\"", "`fact` belongs inside a `category { … }` block"),
        // Issue 14 added `substitute` (eligibility) and `accept` (accepted findings).
        ("policy x", "a policy file declares: `organization`, `role`, `category`, `grant`, `autorule`, `fasttrack`, `test`, `calendar`, `substitute`, `accept`"),
    ])
    func unknownDeclarations(_ text: String, _ help: String) {
        let (_, diagnostics) = Support.parse(text)
        #expect(diagnostics.map(\.code) == [.unknownDeclaration])
        #expect(diagnostics.first?.help == help)
        #expect(diagnostics.first?.span.start == 0)
    }

    @Test(arguments: [
        ("organization \"O\" {\n  timezome \"Europe/Moscow\"\n}", "unknown statement `timezome` in organization", "did you mean `timezone`?"),
        ("role r \"R\" {\n  alow view on any\n}", "unknown statement `alow` in role", "did you mean `allow`?"),
        ("category c \"C\" {\n  subcategry s \"S\"\n}", "unknown statement `subcategry` in category", "did you mean `subcategory`?"),
        ("category c \"C\" {\n  fact s \"S\"\n}", "unknown statement `fact` in category", "a category block may contain: `term`, `accelerated`, `subcategory`"),
        ("test \"t\" {\n  expct allow a view case {}\n}", "unknown statement `expct` in test", "did you mean `expect`?"),
        ("calendar {\n  dayoff 2028-01-09 \"x\"\n}", "unknown statement `dayoff` in calendar", "did you mean `day_off`?"),
        ("fasttrack f priority 1 {\n  asign x\n}", "unknown statement `asign` in fast-track", "did you mean `assign`?"),
        ("autorule f priority 1 {\n  when categori roads\n}", "cannot match on `categori`", "did you mean `category`?"),
    ])
    func unknownStatements(_ text: String, _ message: String, _ help: String) {
        let (_, diagnostics) = Support.parse(text)
        #expect(diagnostics.map(\.code) == [.unknownStatement])
        #expect(diagnostics.first?.message == message)
        #expect(diagnostics.first?.help == help)
        let file = SourceFile(path: "x", text: text)
        #expect(diagnostics.first.map { file.location(of: $0.span.start).line } == 2)
    }

    @Test func oneErrorPerBadStatementNotACascade() {
        let text = "role r \"R\" {\n  allow view, , on any\n  allow draft on any\n  allow submit on any\n}"
        let (file, diagnostics) = Support.parse(text)
        #expect(Support.codesAndLines(diagnostics, in: text) == ["E0010@2"])
        guard case .role(let role) = file.declarations.first else { Issue.record("role"); return }
        #expect(role.rules.map { $0.actions.map(\.name) } == [["draft"], ["submit"]])
    }

    @Test func unterminatedStringBeforeABraceKeepsTheBlock() {
        let text = "category roads \"Дороги {\n  subcategory potholes \"Ямы\"\n}\n"
        let (file, diagnostics) = Support.parse(text)
        #expect(Support.codesAndLines(diagnostics, in: text) == ["E0003@1"])
        guard case .category(let roads) = file.declarations.first else { Issue.record("category"); return }
        #expect(roads.title.value == "Дороги")
        #expect(roads.items.count == 1)
    }

    @Test func unquotedRussianTextIsOneErrorPerWord() {
        let text = "category roads Дороги\n"
        let (_, diagnostics) = Support.parse(text)
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter])
        #expect(diagnostics.first?.message == "unexpected `Дороги`")
        let (_, quotes) = Support.parse("category roads «Дороги»\n")
        #expect(quotes.map(\.code) == [.unexpectedCharacter])
        #expect(quotes.first?.help == "use straight double quotes `\"` around titles")
    }

    @Test func bodylessNodeBeforeClosingBraceOnOneLine() {
        let (file, diagnostics) = Support.parse("category roads \"Дороги\" { subcategory potholes \"Ямы\" }\n")
        #expect(diagnostics.isEmpty)
        guard case .category(let roads) = file.declarations.first else { Issue.record("category"); return }
        #expect(roads.items.count == 1)
    }

    /// Found by fuzzing: the grant clauses were matched eagerly, so `on from until roads`
    /// consumed all three keywords at once and the policy passed with words silently dropped.
    @Test func grantClausesAreReadOneAtATime() {
        let (_, diagnostics) = Support.parse("grant executor to x on from until roads\n")
        #expect(diagnostics.map(\.code) == [.expectedToken])
        #expect(diagnostics.first?.message == "expected a date after `until`, found `roads`")
        let (clean, cleanDiagnostics) = Support.parse("grant executor to x until 2027-01-31 on roads from 2027-01-01\n")
        #expect(cleanDiagnostics.isEmpty)
        guard case .grant(let grant) = clean.declarations.first else { Issue.record("grant"); return }
        #expect(grant.nodes.map(\.description) == ["roads"])
        #expect(grant.from?.description == "2027-01-01")
        #expect(grant.until?.description == "2027-01-31")
    }
}
