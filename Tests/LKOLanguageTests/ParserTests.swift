import Foundation
import Testing
@testable import LKOLanguage

@Suite struct ParserTests {
    private func parseClean(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Declaration] {
        let (file, diagnostics) = Support.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return file.declarations
    }

    @Test func organizationSettings() throws {
        let declarations = parseClean("""
        organization "Администрация" {
          timezone "Europe/Moscow"
          term appeal 30 calendar days
          term message 20 working days
          deadline next_working_day
          executor_role executor
          coordinator_role head_role
        }
        """)
        guard case .organization(let organization) = try #require(declarations.first) else { Issue.record("not an organization"); return }
        #expect(organization.title.value == "Администрация")
        let kinds = organization.settings.map(\.kind)
        #expect(kinds.count == 6)
        guard case .timeZone(let zone) = kinds[0] else { Issue.record("timezone"); return }
        #expect(zone.value == "Europe/Moscow")
        guard case .term(let regime, let term) = kinds[2] else { Issue.record("term"); return }
        #expect(regime.name == "message")
        #expect(term.days.value == 20)
        #expect(term.unit == .working)
        guard case .deadlineRule(let rule) = kinds[3] else { Issue.record("deadline"); return }
        #expect(rule.name == "next_working_day")
        guard case .designatedRole(let setting, let role) = kinds[5] else { Issue.record("role"); return }
        #expect(setting.name == "coordinator_role")
        #expect(role.name == "head_role")
    }

    @Test(arguments: [
        ("any", ["any"]), ("granted", ["granted"]), ("assigned", ["assigned"]),
        ("assigned and granted", ["assigned", "and", "granted"]),
    ])
    func roleScopes(_ scope: String, _ words: [String]) throws {
        let declarations = parseClean("role r \"R\" {\n  allow view, draft, submit on \(scope)\n}")
        guard case .role(let role) = try #require(declarations.first) else { Issue.record("not a role"); return }
        #expect(role.id.name == "r")
        #expect(role.rules.count == 1)
        #expect(role.rules[0].actions.map(\.name) == ["view", "draft", "submit"])
        #expect(role.rules[0].scope.words.map(\.name) == words)
        #expect(role.rules[0].scope.text == scope)
    }

    @Test func categoryTreeWithTermsAndAcceleration() throws {
        let declarations = parseClean("""
        category roads "Дороги" {
          term 20 calendar days
          term message 15 working days
          subcategory potholes "Ямы" {
            term 10 calendar days
            accelerated
            fact pit "Яма на проезжей части"
            fact yard "Яма во дворе" {
              term 1 calendar day
            }
          }
          subcategory signs "Знаки"
        }
        category empty "Пусто" {
        }
        """)
        #expect(declarations.count == 2)
        guard case .category(let roads) = declarations[0], case .category(let empty) = declarations[1] else { Issue.record("categories"); return }
        #expect(roads.level == .category)
        #expect(roads.hasBody)
        #expect(empty.hasBody)
        #expect(empty.items.isEmpty)
        #expect(roads.items.count == 4)
        guard case .term(let general, let term) = roads.items[0].kind, case .term(let regime, _) = roads.items[1].kind else { Issue.record("terms"); return }
        #expect(general == nil)
        #expect(term.days.value == 20)
        #expect(regime?.name == "message")
        guard case .child(let potholes) = roads.items[2].kind, case .child(let signs) = roads.items[3].kind else { Issue.record("children"); return }
        #expect(potholes.level == .subcategory)
        #expect(!signs.hasBody)
        #expect(potholes.items.count == 4)
        guard case .accelerated = potholes.items[1].kind, case .child(let pit) = potholes.items[2].kind, case .child(let yard) = potholes.items[3].kind else { Issue.record("facts"); return }
        #expect(pit.level == .fact)
        #expect(pit.title.value == "Яма на проезжей части")
        #expect(yard.items.count == 1)
    }

    @Test func factsCannotNest() {
        let text = "category a \"A\" {\n  subcategory b \"B\" {\n    fact c \"C\" {\n      fact d \"D\"\n    }\n  }\n}\n"
        let (_, diagnostics) = Support.parse(text)
        #expect(Support.codesAndLines(diagnostics, in: text) == ["E0012@4"])
        #expect(diagnostics.first?.message == "unknown statement `fact` in fact")
    }

    @Test(arguments: [
        "on roads, waste.containers from 2027-01-11 until 2027-02-05",
        "until 2027-02-05 on roads, waste.containers from 2027-01-11",
        "from 2027-01-11 until 2027-02-05 on roads, waste.containers",
    ])
    func grantClausesInAnyOrder(_ clauses: String) throws {
        let declarations = parseClean("grant executor to roads_deputy \(clauses)")
        guard case .grant(let grant) = try #require(declarations.first) else { Issue.record("not a grant"); return }
        #expect(grant.role.name == "executor")
        #expect(grant.login.name == "roads_deputy")
        #expect(grant.nodes.map(\.description) == ["roads", "waste.containers"])
        #expect(grant.from?.description == "2027-01-11")
        #expect(grant.until?.description == "2027-02-05")
    }

    @Test func grantWithoutClauses() throws {
        let declarations = parseClean("grant coordinator to head\ngrant curator to x")
        #expect(declarations.count == 2)
        guard case .grant(let grant) = declarations[0] else { Issue.record("not a grant"); return }
        #expect(grant.nodes.isEmpty)
        #expect(grant.from == nil)
        #expect(grant.until == nil)
    }

    @Test func grantClauseTwice() {
        let (_, diagnostics) = Support.parse("grant a to b from 2027-01-01 from 2027-01-02")
        #expect(diagnostics.map(\.message) == ["`from` given twice in one grant"])
    }

    @Test func autoRuleWithEveryField() throws {
        let declarations = parseClean("""
        autorule everything priority 7 {
          when category roads, waste
          when subcategory roads.potholes
          when fact roads.potholes.pit
          when regime appeal, message
          when channel widget, epgu_account, mobile_app
          when source MED_DOC_EPGU, "Код с пробелом"
          when locality "Старица", Luk
          assign roads_specialist
        }
        """)
        guard case .autoRule(let rule) = try #require(declarations.first) else { Issue.record("not an autorule"); return }
        #expect(rule.id.name == "everything")
        #expect(rule.title == nil)
        #expect(rule.priority?.value == 7)
        #expect(rule.conditions.map(\.field) == [.category, .subcategory, .fact, .regime, .channel, .source, .locality])
        #expect(rule.conditions.map { $0.values.map(\.text) } == [
            ["roads", "waste"], ["roads.potholes"], ["roads.potholes.pit"], ["appeal", "message"],
            ["widget", "epgu_account", "mobile_app"], ["MED_DOC_EPGU", "Код с пробелом"], ["Старица", "Luk"],
        ])
        guard case .text = rule.conditions[5].values[1], case .name = rule.conditions[5].values[0] else { Issue.record("source values"); return }
        guard case .login(let login) = rule.target else { Issue.record("target"); return }
        #expect(login.name == "roads_specialist")
        #expect(rule.term == nil)
    }

    @Test func fastTrackWithTitleTermAndCoordinator() throws {
        let declarations = parseClean("""
        fasttrack med "Запись к врачу" priority 1 {
          when source MED_DOC_EPGU
          term 5 working days
          leave to coordinator
        }
        """)
        guard case .fastTrack(let rule) = try #require(declarations.first) else { Issue.record("not a fasttrack"); return }
        #expect(rule.title?.value == "Запись к врачу")
        #expect(rule.term?.days.value == 5)
        #expect(rule.term?.unit == .working)
        guard case .coordinator = rule.target else { Issue.record("target"); return }
    }

    @Test func autoRuleCannotHaveATerm() {
        let (_, diagnostics) = Support.parse("autorule a priority 1 {\n  term 5 calendar days\n  assign x\n}")
        #expect(diagnostics.map(\.code) == [.unknownStatement])
        #expect(diagnostics.first?.help == "a auto-rule block may contain: `when`, `assign`, `leave`")
    }

    @Test func ruleWithoutPriority() {
        let (file, diagnostics) = Support.parse("autorule a {\n  assign x\n}")
        #expect(diagnostics.map(\.message) == ["expected `priority N`, found `{`"])
        #expect(file.declarations.count == 1)
    }

    @Test func twoTargets() {
        let (_, diagnostics) = Support.parse("autorule a priority 1 {\n  assign x\n  leave to coordinator\n}")
        #expect(Support.codesAndLines(diagnostics, in: "autorule a priority 1 {\n  assign x\n  leave to coordinator\n}") == ["E0206@3"])
    }

    @Test func testsWithDecisionsAndRoutes() throws {
        let declarations = parseClean("""
        test "Проверка" {
          at 2026-03-02
          expect allow roads_specialist draft case { subcategory roads.potholes assignee roads_specialist }
          expect deny x approve case { fact roads.potholes.pit at 2027-01-08 regime message channel widget }
          expect route case { category roads source "КОД" locality Staritsa } to roads_specialist via autorule road_defects
          expect route case { subcategory health.doctor source MED_DOC_EPGU } to coordinator via fasttrack med_doc
          expect route case {} to coordinator
        }
        """)
        guard case .test(let test) = try #require(declarations.first) else { Issue.record("not a test"); return }
        #expect(test.name.value == "Проверка")
        #expect(test.at?.description == "2026-03-02")
        #expect(test.expectations.count == 5)
        guard case .decision(let allow, let login, let action, let description) = test.expectations[0].kind else { Issue.record("decision"); return }
        #expect(allow)
        #expect(login.name == "roads_specialist")
        #expect(action.name == "draft")
        #expect(description.fields.map(\.key.name) == ["subcategory", "assignee"])
        guard case .decision(let allow2, _, _, let description2) = test.expectations[1].kind else { Issue.record("deny"); return }
        #expect(!allow2)
        #expect(description2.fields.map(\.key.name) == ["fact", "at", "regime", "channel"])
        #expect(description2.fields[1].date?.description == "2027-01-08")
        guard case .route(let route, let target, let via) = test.expectations[2].kind else { Issue.record("route"); return }
        #expect(route.fields.map(\.value.text) == ["roads", "КОД", "Staritsa"])
        guard case .login(let login3) = target else { Issue.record("login target"); return }
        #expect(login3.name == "roads_specialist")
        #expect(via?.kind.name == "autorule")
        #expect(via?.id.name == "road_defects")
        guard case .route(_, let target4, let via4) = test.expectations[3].kind, case .coordinator = target4 else { Issue.record("coordinator"); return }
        #expect(via4?.kind.name == "fasttrack")
        guard case .route(let empty, _, let via5) = test.expectations[4].kind else { Issue.record("empty case"); return }
        #expect(empty.fields.isEmpty)
        #expect(via5 == nil)
    }

    @Test func calendarBlock() throws {
        let declarations = parseClean("""
        calendar {
          year 2028 "ПП РФ № 1"
          day_off 2028-01-09 "ПП РФ № 1"
          workday 2028-12-27 "ПП РФ № 1"
        }
        """)
        guard case .calendar(let calendar) = try #require(declarations.first) else { Issue.record("not a calendar"); return }
        #expect(calendar.entries.count == 3)
        guard case .year(let year) = calendar.entries[0].kind, case .dayOff(let off) = calendar.entries[1].kind,
              case .workday(let work) = calendar.entries[2].kind else { Issue.record("entries"); return }
        #expect(year.value == 2028)
        #expect(off.description == "2028-01-09")
        #expect(work.description == "2028-12-27")
        #expect(calendar.entries.allSatisfy { $0.source.value == "ПП РФ № 1" })
    }

    @Test func declarationSpansCoverTheirText() throws {
        let text = "grant a to b on roads\n\nrole r \"R\" {\n  allow view on any\n}\n"
        let (file, _) = Support.parse(text)
        let source = SourceFile(path: "x", text: text)
        guard case .grant(let grant) = file.declarations[0], case .role(let role) = file.declarations[1] else { Issue.record("declarations"); return }
        #expect(source.text(of: grant.span) == "grant a to b on roads")
        #expect(source.text(of: role.span) == "role r \"R\" {\n  allow view on any\n}")
        #expect(source.text(of: role.rules[0].span) == "allow view on any")
    }

    @Test func realPolicyParsesCleanly() throws {
        var counts: [String: Int] = [:]
        for (name, text) in try Support.policyFiles() {
            let (file, diagnostics) = Support.parse(text, path: name)
            #expect(diagnostics.isEmpty, "\(name)")
            counts[name] = file.declarations.count
        }
        // grants.lko: 18 grants and (issue 14) 4 substitute eligibilities.
        #expect(counts == ["categories.lko": 10, "grants.lko": 22, "organization.lko": 6, "routing.lko": 12, "tests.lko": 8])
    }
}
