import Testing
@testable import LKOCalendar
@testable import LKOCompiler
import LKOLanguage

let routingPolicy = header + """
category c "C" {
  subcategory s "S" {
    term 20 calendar days
  }
  subcategory t "T"
}
grant executor to x on c
grant executor to y on c.s from 2026-01-01 until 2026-06-30
fasttrack ft priority 100 {
  when subcategory c.s
  when source SRC
  term 5 calendar days
  assign x
}
fasttrack ft2 priority 1 {
  when subcategory c.s
  when source EXP, SRC
  when regime message
  term 3 calendar days
  assign y
}
autorule a1 priority 1 {
  when subcategory c.s
  when regime appeal
  assign y
}
autorule b2 priority 2 {
  when category c
  when channel widget
  assign x
}
autorule a2 priority 2 {
  when category c
  when channel widget
  leave to coordinator
}
autorule loc priority 3 {
  when category c
  when locality "L"
  assign x
}
"""

struct RouteCase: CustomTestStringConvertible, Sendable {
    var attributes: CaseAttributes
    var date: String?
    var assignee: String?
    var via: RouteDecision.Via
    var term: String
    var fastTrack: Bool
    var fallback: String?
    var testDescription: String { attributes.summary + (date.map { " on \($0)" } ?? "") }
}

let routeCases: [RouteCase] = [
    // A fast-track beats an auto-rule of a lower priority number.
    RouteCase(attributes: .init(node: "c.s", regime: .appeal, source: "SRC"), date: "2026-03-01", assignee: "x", via: .fastTrack("ft"), term: "5c", fastTrack: true),
    // Fast-tracks among themselves by priority: ft2 (1) before ft (100).
    RouteCase(attributes: .init(node: "c.s", regime: .message, source: "SRC"), date: "2026-03-01", assignee: "y", via: .fastTrack("ft2"), term: "3c", fastTrack: true),
    // A fast-track whose executor is not one on that date: coordinator, node term, not fast.
    RouteCase(attributes: .init(node: "c.s", regime: .message, source: "SRC"), date: "2026-07-01", assignee: nil, via: .fastTrack("ft2"), term: "20c", fastTrack: false,
              fallback: "y holds no executor grant on c.s on 2026-07-01"),
    RouteCase(attributes: .init(node: "c.s", regime: .message, source: "SRC"), date: "2026-06-30", assignee: "y", via: .fastTrack("ft2"), term: "3c", fastTrack: true),
    // ft2's source outside its subcategory.
    RouteCase(attributes: .init(node: "c.t", regime: .message, source: "EXP"), date: nil, assignee: nil, via: .noRule, term: "30c", fastTrack: false),
    // Auto-rules: regime match, then the date check on the target.
    RouteCase(attributes: .init(node: "c.s", regime: .appeal, channel: .widget), date: "2026-03-01", assignee: "y", via: .autoRule("a1"), term: "20c", fastTrack: false),
    RouteCase(attributes: .init(node: "c.s", regime: .appeal, channel: .widget), date: "2025-12-31", assignee: nil, via: .autoRule("a1"), term: "20c", fastTrack: false,
              fallback: "y holds no executor grant on c.s on 2025-12-31"),
    RouteCase(attributes: .init(node: "c.s", regime: .appeal), date: nil, assignee: "y", via: .autoRule("a1"), term: "20c", fastTrack: false),
    // Equal priority: the id decides (a2 < b2).
    RouteCase(attributes: .init(node: "c.t", regime: .message, channel: .widget, locality: "L"), date: "2026-03-01", assignee: nil, via: .autoRule("a2"), term: "30c", fastTrack: false),
    RouteCase(attributes: .init(node: "c.s", regime: .message, channel: .widget), date: "2026-03-01", assignee: nil, via: .autoRule("a2"), term: "20c", fastTrack: false),
    // Locality.
    RouteCase(attributes: .init(node: "c.t", regime: .message, channel: .mobileApp, locality: "L"), date: "2026-03-01", assignee: "x", via: .autoRule("loc"), term: "30c", fastTrack: false),
    RouteCase(attributes: .init(node: "c.t", regime: .message, channel: .mobileApp, locality: "M"), date: "2026-03-01", assignee: nil, via: .noRule, term: "30c", fastTrack: false),
    // A source no rule names, no channel, no regime: only rules without those conditions.
    RouteCase(attributes: .init(node: "c.s", source: "OTHER"), date: nil, assignee: nil, via: .noRule, term: "20c", fastTrack: false),
    RouteCase(attributes: .init(node: "c", locality: "L"), date: nil, assignee: "x", via: .autoRule("loc"), term: "30c", fastTrack: false),
]

@Suite("route")
struct RoutingTests {
    static let compiled: CompiledPolicy? = compile(routingPolicy).policy

    @Test(arguments: routeCases)
    func route(_ example: RouteCase) throws {
        let policy = try #require(RoutingTests.compiled)
        let date = try example.date.map { try day($0) }
        let decision = try #require(policy.route(example.attributes, on: date))
        #expect(decision.assignee == example.assignee)
        #expect(decision.via == example.via)
        #expect(termText(decision.term) == example.term)
        #expect(decision.isFastTrack == example.fastTrack)
        #expect(decision.fallbackReason == example.fallback)
    }

    @Test func unknownOrMissingNodeIsNotRouted() throws {
        let policy = try #require(RoutingTests.compiled)
        #expect(policy.route(CaseAttributes(node: "c.nope")) == nil)
        #expect(policy.route(CaseAttributes()) == nil)
    }

    @Test func equalPriorityOverlapIsLinted() {
        let compilation = compile(routingPolicy)
        let overlaps = compilation.diagnostics.filter { $0.code == .overlappingRules }
        #expect(overlaps.count == 1)
        #expect(overlaps.first?.message == "auto-rule `a2` and `b2` have the same priority and overlap")
    }

    @Test func summaryNamesTargetRuleAndTerm() throws {
        let policy = try #require(RoutingTests.compiled)
        let fallback = try #require(policy.route(CaseAttributes(node: "c.s", regime: .appeal), on: try day("2026-07-01")))
        #expect(fallback.summary == "coordinator via auto-rule a1, term 20 calendar days (y holds no executor grant on c.s on 2026-07-01)")
    }

    @Test(arguments: [
        (CaseAttributes(node: "health.doctor_appointment", regime: .message, source: "MED_DOC_EPGU"), "health_liaison", RouteDecision.Via.fastTrack("med_doc"), "5c"),
        (CaseAttributes(node: "roads.potholes.carriageway", regime: .appeal), "roads_specialist", .autoRule("road_defects"), "10c"),
        (CaseAttributes(node: "roads.sidewalks", regime: .message), "roads_specialist", .autoRule("roads_other"), "30c"),
        (CaseAttributes(node: "waste.containers", regime: .message, locality: "Луковниково"), "lukovnikovo_territorial", .autoRule("lukovnikovo"), "5c"),
        (CaseAttributes(node: "transport.stops", regime: .appeal), nil, .autoRule("transport_appeals"), "30c"),
        (CaseAttributes(node: "transport.stops"), nil, .noRule, "30c"),
        (CaseAttributes(node: "other.other", regime: .message), nil, .noRule, "30c"),
    ] as [(CaseAttributes, String?, RouteDecision.Via, String)])
    func shippedRouting(attributes: CaseAttributes, assignee: String?, via: RouteDecision.Via, term: String) throws {
        let policy = try #require(try shippedCompilation().policy)
        let decision = try #require(policy.route(attributes, on: try day("2026-03-02")))
        #expect(decision.assignee == assignee)
        #expect(decision.via == via)
        #expect(termText(decision.term) == term)
    }
}

@Suite("policy tests runner")
struct PolicyTestRunnerTests {
    @Test func shippedPolicyTestsPass() throws {
        let compilation = try shippedCompilation()
        let report = PolicyTestRunner.run(compilation, today: try day("2026-03-02"))
        #expect(report.results.count == 36)
        #expect(report.failed == 0, "\(report.results.filter { !$0.passed }.map { "\($0.position) \($0.detail)" })")
        #expect(Set(report.results.map(\.test)).count == 8)
    }

    @Test func wrongExpectationsFailWithUsefulDetail() throws {
        let sources = try PolicyLoader.load(path: shippedPolicyFolder)
        let wrong = SourceFile(path: "zz-wrong.lko", text: """
        test "wrong on purpose" {
          at 2026-03-02
          expect allow roads_specialist approve case { subcategory roads.potholes assignee roads_specialist }
          expect route case { subcategory roads.signs regime appeal } to housing_specialist via autorule housing
          expect deny head assign case { subcategory roads.signs }
          expect route case { subcategory roads.signs regime appeal } to roads_specialist via autorule road_defects
        }
        """)
        let compilation = PolicyCompiler.compile(SourceSet(files: sources.files + [wrong]))
        #expect(!compilation.hasErrors)
        let report = PolicyTestRunner.run(compilation, today: try day("2026-03-02"))
        let mine = report.results.filter { $0.test == "wrong on purpose" }
        #expect(mine.map(\.passed) == [false, false, false, true])
        #expect(mine.map(\.position) == ["zz-wrong.lko:3:3", "zz-wrong.lko:4:3", "zz-wrong.lko:5:3", "zz-wrong.lko:6:3"])
        #expect(mine[0].expectation == "expect allow roads_specialist approve case { subcategory roads.potholes assignee roads_specialist }")
        // What happened is kept as facts and rendered when shown: `detail` is Russian (what the
        // service's policy review and the JSON show), `detail(in:)` any language.
        #expect(mine[0].explanation?.allowed == false)
        #expect(mine[0].explanation?.denial?.reason == .roleLacksAction(role: "executor"))
        #expect(mine[0].route == nil)
        #expect(mine[0].detail.hasPrefix("DENY roads_specialist approve на 02.03.2026 (сообщение или обращение в `roads.potholes`, исполнитель roads_specialist)\n  причина:    роль `executor` «Исполнитель»"))
        #expect(mine[0].detail.contains("не допускает `approve`; это действие допускают роли: `curator` «Куратор», `manager` «Руководитель»"))
        #expect(mine[0].detail(in: .en).hasPrefix("DENY roads_specialist approve on 02.03.2026 (case in `roads.potholes`, assigned to roads_specialist)\n  reason: role `executor` «Исполнитель»"))
        #expect(mine[0].detail(in: .en) == mine[0].explanation?.lines(in: .en).joined(separator: "\n"))
        #expect(mine[1].route?.assignee == "roads_specialist")
        #expect(mine[1].route?.via == .autoRule("road_defects"))
        #expect(mine[1].explanation == nil)
        #expect(mine[1].detail == "roads_specialist (автоправило `road_defects`, 30 календарных дней)")
        #expect(mine[1].detail(in: .en) == "roads_specialist (auto-rule `road_defects`, 30 calendar days)")
        #expect(mine[2].detail.hasPrefix("ALLOW head assign на 02.03.2026"))
        #expect(mine[2].detail(in: .en).hasPrefix("ALLOW head assign on 02.03.2026"))
        #expect(report.failed == 3)
    }

    @Test func aRuleWhoseTargetCannotTakeTheCaseSaysWhy() throws {
        let sources = try PolicyLoader.load(path: shippedPolicyFolder)
        // roads_deputy is an executor on roads only from 11.01.2027 until 05.02.2027.
        let extra = SourceFile(path: "zz-deputy.lko", text: """
        autorule deputy_signs priority 1 {
          when subcategory roads.signs
          assign roads_deputy
        }

        test "the deputy before the substitution" {
          at 2026-03-02
          expect route case { subcategory roads.signs regime message } to coordinator
          expect route case { subcategory roads.signs regime message } to roads_deputy via autorule deputy_signs
        }
        """)
        let compilation = PolicyCompiler.compile(SourceSet(files: sources.files + [extra]))
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        let report = PolicyTestRunner.run(compilation, today: try day("2026-03-02"))
        let mine = report.results.filter { $0.test == "the deputy before the substitution" }
        #expect(mine.map(\.passed) == [true, false])
        #expect(mine[1].route?.assignee == nil)
        #expect(mine[1].route?.fallbackReason != nil)
        #expect(mine[1].detail(in: .en) == "coordinator (auto-rule `deputy_signs`, 30 calendar days)\n`roads_deputy` is not an executor for `roads.signs` on 02.03.2026; only executors can be assigned (order item 9).")
        #expect(mine[1].detail == "Координатор (автоправило `deputy_signs`, 30 календарных дней)\n«roads_deputy» не является исполнителем по «roads.signs» на 02.03.2026; назначать можно только исполнителей (п. 9 распоряжения).")
    }
}
