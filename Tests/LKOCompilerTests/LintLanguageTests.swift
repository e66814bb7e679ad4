import Foundation
import Testing
import LKOMessages
@testable import LKOCalendar
@testable import LKOCompiler
@testable import LKOLanguage

/// Issue 16: the compiler's diagnostics and lint findings are catalog messages, Russian by default
/// and English under `LKO_LANG=en`; what tools match on (codes, acceptances) does not depend on the
/// language.
@Suite("Lint and compiler diagnostics in Russian and English")
struct LintLanguageTests {
    static func hasCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    static func texts(_ diagnostic: Diagnostic) -> [Message] {
        [diagnostic.text] + [diagnostic.labelText, diagnostic.helpText].compactMap { $0 } + diagnostic.notes.map(\.text)
    }

    @Test func aShadowedRuleInBothLanguages() throws {
        let compilation = compile(header + LintTests.unionShadow, lintDate: "2026-03-02")
        let shadowed = try #require(compilation.diagnostics.first { $0.code == .shadowedRule })
        #expect(shadowed.message(in: .ru) == "автоправило `late` никогда не сработает")
        #expect(shadowed.message(in: .en) == "auto-rule `late` can never fire")
        #expect(shadowed.message == shadowed.message(in: .en))
        #expect(shadowed.label(in: .ru) == "всё, что под него подходит, забирают раньше")
        #expect(shadowed.notes.map { $0.message(in: .ru) }.allSatisfy { $0.hasPrefix("раньше забирает автоправило `") })
        let rendered = DiagnosticRenderer(sources: compilation.sources, language: .ru).render(shadowed)
        #expect(rendered.hasPrefix("предупреждение[W0501]: автоправило `late` никогда не сработает\n"), "\(rendered)")
        #expect(rendered.contains(" = примечание: раньше забирает автоправило `a1` (p.lko:"))
        #expect(rendered.contains(" = подсказка: всё, что под него подходит, раньше забирают другие правила (автоправило `a1`, автоправило `a2`, автоправило `a3`); "), "\(rendered)")
    }

    /// An `accept` matches the English text of a finding, so it holds whatever language the
    /// process speaks.
    @Test func acceptancesDoNotDependOnTheLanguage() throws {
        let text = header + twoSubcategories + "role manager \"Руководитель\" {\n  allow view, approve on granted\n}\ngrant manager to x on c\naccept W0506 for x because \"малый отдел\"\n"
        let compilation = compile(text, lintDate: "2026-03-02")
        #expect(compilation.accepted.map(\.diagnostic.code) == [.separationOfDuties], "\(compilation.diagnostics.map(\.message))")
        let finding = try #require(compilation.accepted.first?.diagnostic)
        #expect(finding.message(in: .ru).hasPrefix("`x` может и готовить, и утверждать ответы в `c."))
        let row = AcceptanceRow(code: "W0506", subjects: ["x"], reason: "r", position: "p")
        #expect(AcceptedFinding.matches(row, finding))
    }

    /// Every lint finding over the generated policies of the scale tests (hundreds, of every lint
    /// code but W0504 and W0510): from the catalog, both languages, nothing left unfilled.
    @Test func everyGeneratedFindingRendersInBothLanguages() {
        var codes = Set<DiagnosticCode>()
        for seed in LinearAlgorithmTests.seeds.prefix(60) {
            var random = RandomPolicy(seed: seed)
            let compilation = LinearAlgorithmTests.compiled(random.text())
            for diagnostic in compilation.diagnostics {
                codes.insert(diagnostic.code)
                for message in Self.texts(diagnostic) {
                    #expect(message.key != .verbatim)
                    let ru = message.render(.ru), en = message.render(.en)
                    #expect(Messages.placeholders(ru).isEmpty && Messages.placeholders(en).isEmpty, "\(ru) / \(en)")
                    #expect(Self.hasCyrillic(ru), "\(diagnostic.code.rawValue): \(ru)")
                }
            }
        }
        #expect(codes.isSuperset(of: [.shadowedRule, .overlappingRules, .coverageGap, .separationOfDuties]), "\(codes.map(\.rawValue).sorted())")
    }

    /// W0511 needs a database's accounts: each status in both languages.
    @Test func disabledAccountsInBothLanguages() throws {
        let compilation = compile(header + twoSubcategories + "substitute z for x\n", lintDate: "2026-03-02")
        let found = AccountFindings.run(compilation, accounts: ["x": "disabled", "y": "removed", "head": "active"])
        #expect(found.map(\.code) == Array(repeating: .disabledAccount, count: found.count) && found.count >= 3)
        let russian = found.map { $0.message(in: .ru) }
        #expect(russian.contains("в назначении роли `executor` указан `x`: учётная запись отключена"), "\(russian)")
        #expect(russian.contains("в назначении роли `executor` указан `y`: учётная запись удалена (хранится только для истории)"), "\(russian)")
        #expect(russian.contains("в праве замещения указан `z`: нет учётной записи"), "\(russian)")
        let english = found.map(\.message)
        #expect(english.contains("the grant of `executor` names `x`, who is disabled"))
        #expect(english.contains("the substitute eligibility names `z`, who has no account"))
        #expect(found.compactMap { $0.label(in: .ru) }.contains("отключена"))
        #expect(found.compactMap(\.label).contains("disabled"))
    }
}
