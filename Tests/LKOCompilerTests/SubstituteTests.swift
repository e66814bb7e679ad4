import Foundation
import Testing
@testable import LKOCalendar
@testable import LKOCompiler
@testable import LKOLanguage

/// Issue 14: substitute eligibility, derived rights, accepted findings, impossible test cases.
@Suite struct SubstituteTests {
    static let text = """
    organization "А" { timezone "Europe/Moscow" }
    role executor "Исполнитель" { allow view, draft, submit on assigned and granted }
    role coordinator "Координатор" { allow view, assign on any }
    role manager "Руководитель" { allow view, approve, return on granted }
    category roads "Дороги" {
      subcategory potholes "Ямы"
      subcategory signs "Знаки"
    }
    grant coordinator to head
    grant executor to roads_specialist on roads
    grant manager to deputy_housing on roads
    grant manager to deputy_social on roads.potholes
    substitute roads_deputy for roads_specialist
    substitute deputy_social for deputy_housing as approver

    """

    static func compile(_ text: String = text) -> Compilation {
        PolicyCompiler.compile(SourceSet(files: [SourceFile(path: "p.lko", bytes: Array(text.utf8))]), options: CompileOptions(lintDate: CalendarDate(iso: "2026-03-02")!))
    }

    static let day = CalendarDate(iso: "2027-01-12")!

    @Test func eligibilityCompilesAndFormatsStably() throws {
        let compilation = Self.compile()
        #expect(!compilation.hasErrors, "\(compilation.diagnostics)")
        #expect(compilation.policy?.substituteRows.count == 2)
        let (file, _) = Parser.parse(SourceFile(path: "p.lko", bytes: Array(Self.text.utf8)), fileIndex: 0)
        let formatted = PolicyFormatter().format(file)
        #expect(formatted.contains("substitute roads_deputy for roads_specialist\n"))
        #expect(formatted.contains("substitute deputy_social for deputy_housing as approver\n"))
        let (again, _) = Parser.parse(SourceFile(path: "p.lko", bytes: Array(formatted.utf8)), fileIndex: 0)
        #expect(PolicyFormatter().format(again) == formatted)
    }

    @Test func anAbsenceGivesTheSubstituteTheAbsenteesScopeForItsDaysOnly() throws {
        let policy = try #require(Self.compile().policy)
        let potholes = try #require(policy.nodeIndex("roads.signs"))
        let absence = AbsenceFact(id: 7, login: "roads_specialist", substitute: "roads_deputy", from: Self.day, until: Self.day.adding(days: 9))
        #expect(!policy.decide(login: "roads_deputy", action: .draft, node: potholes, assignee: "roads_deputy", on: Self.day))
        #expect(policy.decide(login: "roads_deputy", action: .draft, node: potholes, assignee: "roads_deputy", on: Self.day, absences: [absence]))
        #expect(!policy.decide(login: "roads_deputy", action: .draft, node: potholes, assignee: "roads_deputy", on: Self.day.adding(days: 10), absences: [absence]))
        #expect(!policy.decide(login: "roads_deputy", action: .approve, node: potholes, assignee: "x", on: Self.day, absences: [absence]))
        #expect(policy.isExecutor("roads_deputy", node: potholes, on: Self.day, absences: [absence]))
        let explanation = policy.explain(login: "roads_deputy", action: .draft, node: potholes, assignee: "roads_deputy", on: Self.day, absences: [absence])
        #expect(explanation.allowed)
        #expect(explanation.lines(in: .en)[1].contains("absence #7 of roads_specialist"))
        #expect(explanation.lines(in: .en)[1].contains("eligibility at p.lko:"))
        #expect(explanation.lines[1].hasPrefix("  основание:  отсутствие №7 сотрудника roads_specialist ("))
        #expect(explanation.lines[1].contains("право замещения: p.lko:"))
        #expect(explanation.lines[2].contains("передана roads_deputy на время отсутствия (замещение исполнителя)"))
    }

    @Test func anApproversAbsenceActivatesTheSubstituteApprover() throws {
        let policy = try #require(Self.compile().policy)
        let signs = try #require(policy.nodeIndex("roads.signs"))
        let absence = AbsenceFact(id: 8, login: "deputy_housing", substitute: "deputy_social", from: Self.day, until: nil)
        #expect(!policy.decide(login: "deputy_social", action: .approve, node: signs, assignee: "roads_specialist", on: Self.day))
        #expect(policy.decide(login: "deputy_social", action: .approve, node: signs, assignee: "roads_specialist", on: Self.day, absences: [absence]))
        // Nothing administrative is ever passed on, and an absence without eligibility gives nothing.
        let other = AbsenceFact(id: 9, login: "deputy_housing", substitute: "head", from: Self.day, until: nil)
        #expect(!policy.decide(login: "head", action: .approve, node: signs, assignee: "roads_specialist", on: Self.day, absences: [other]))
    }

    @Test func lintFindsEligibilityGivingNothingAndPartialCover() throws {
        let text = Self.text + "substitute roads_deputy for head\ngrant executor to s2 on roads\nsubstitute x for s2 on roads.potholes\n"
        let codes = Self.compile(text).diagnostics.map(\.code)
        #expect(codes.contains(.substituteUnknown))
        #expect(codes.contains(.scopeWithoutSubstitute), "x covers only roads.potholes of s2 … \(codes)")
    }

    @Test func acceptedFindingsAreListedApartAndUnusedOnesWarn() throws {
        let sod = Self.text + "grant manager to roads_specialist on roads\naccept W0506 for roads_specialist because \"малый отдел\"\n"
        let compilation = Self.compile(sod)
        #expect(!compilation.diagnostics.contains { $0.code == .separationOfDuties })
        #expect(compilation.accepted.map(\.diagnostic.code) == [.separationOfDuties])
        #expect(compilation.accepted.first?.reason == "малый отдел")
        let unused = Self.compile(Self.text + "accept W0506 for roads_specialist because \"малый отдел\"\n")
        #expect(unused.diagnostics.map(\.code) == [.unusedAcceptance])
    }

    @Test func aTestCaseOnACategoryWithSubcategoriesIsAnError() throws {
        let text = Self.text + "test \"t\" {\n  at 2026-03-02\n  expect allow head view case { category roads }\n}\n"
        let diagnostics = Self.compile(text).diagnostics
        let error = try #require(diagnostics.first { $0.code == .invalidCaseDescription })
        #expect(error.message.contains("no case can sit on `roads`"))
        #expect(error.help?.contains("subcategory roads.potholes") == true)
    }
}
