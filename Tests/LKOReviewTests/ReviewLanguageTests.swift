import Foundation
import Testing
@testable import LKOCompiler

/// Issue 16: the review report in Russian (the default) and English; the routing comparison's
/// rows are read in its own words and said in the reader's.
@Suite struct ReviewLanguageTests {
    let russian = DiffRenderer()
    let english = DiffRenderer(language: .en)

    @Test func routingOutcomes() {
        #expect(russian.routingOutcome("roads_specialist (auto-rule road_defects, 10 calendar days)") == "roads_specialist (автоправило `road_defects`, 10 календарных дней)")
        #expect(russian.routingOutcome("roads_fast (fast-track epgu, 1 working day)") == "roads_fast (фаст-трек `epgu`, 1 рабочий день)")
        #expect(russian.routingOutcome("coordinator (no rule, 22 working days)") == "Координатор (без правила, 22 рабочих дня)")
        #expect(russian.routingOutcome("not in the tree") == "нет в классификаторе")
        #expect(english.routingOutcome("coordinator (no rule, 1 calendar day)") == "coordinator (no rule, 1 calendar day)")
        #expect(english.routingOutcome("roads_specialist (auto-rule a, 10 calendar days)") == "roads_specialist (auto-rule `a`, 10 calendar days)")
        // Anything else is shown as it is.
        #expect(russian.routingOutcome("something (else)") == "something (else)")
    }

    @Test func routingCases() {
        #expect(russian.routingCases("roads.potholes") == "roads.potholes")
        #expect(russian.routingCases("improvement.lighting, improvement.yards, regime message, locality Луковниково/any other")
            == "improvement.lighting, improvement.yards, режим сообщение, населённый пункт Луковниково/любой другой")
        #expect(russian.routingCases("a.b, a.c, a.d, a.e, a.f, a.g and 3 more, channel widget/mobile_app, source MED_DOC_EPGU")
            == "a.b, a.c, a.d, a.e, a.f, a.g и ещё 3, канал widget/mobile_app, источник MED_DOC_EPGU")
        #expect(russian.routingCases("roads.potholes, cases appeal/widget/any other/any other; message/widget/X/any other; … (7 combinations)")
            == "roads.potholes, сочетания обращение/widget/любой другой/любой другой; сообщение/widget/X/любой другой; … (всего сочетаний: 7)")
        #expect(english.routingCases("roads.potholes, regime appeal, locality any other") == "roads.potholes, regime appeal, locality any other")
        #expect(english.routingCases("a.b and 2 more") == "a.b and 2 more")
    }

    @Test func theWholeReportHasNoEnglishHeadingsInRussian() throws {
        for pair in ["role-approve", "routing-priority", "coverage", "tree-structure", "tree-terms", "lockout", "until-earlier"] {
            let diff = try diffPair(pair, heldCases: [DiffInput.HeldCase(posNumber: "POS-7", node: "improvement.yards", assignee: "improvement_specialist")])
            for format in [DiffRenderer.Format.text, .markdown] {
                // The findings keep the linter's own (English) messages: everything before them.
                let whole = russian.render(diff, format: format)
                let report = whole.components(separatedBy: "Замечания линтера").first ?? whole
                for english in ["Risks", "Access", "Roles", "Tree and terms", "Routing", "Findings", "login(s)", "gained", " holder", "calendar days", "no rule", "auto-rule", "not in the tree", "role change", "moved from"] {
                    #expect(!report.contains(english), "\(pair) \(format): «\(english)» in the Russian report")
                }
                #expect(report.firstMatch(of: /\d{4}-\d{2}-\d{2}/) == nil, "\(pair) \(format): an ISO date in text")
                #expect(!report.contains("{") || report.contains("`{"), "\(pair) \(format): a placeholder left")
            }
        }
    }
}
