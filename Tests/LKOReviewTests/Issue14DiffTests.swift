import Foundation
import Testing
@testable import LKOCalendar
@testable import LKOCompiler
@testable import LKOLanguage

/// Issue 14: access compared on the nodes a case can sit on; implied lines; eligibility and
/// acceptance changes.
@Suite struct Issue14DiffTests {
    static let base = """
    organization "А" { timezone "Europe/Moscow" }
    role executor "Исполнитель" { allow view, draft on assigned and granted }
    role coordinator "Координатор" { allow view, assign on any }
    role manager "Руководитель" { allow view, approve on granted }
    category roads "Дороги" {
      subcategory potholes "Ямы"
      subcategory signs "Знаки"
    }
    grant coordinator to head

    """

    static func compile(_ text: String) -> Compilation {
        PolicyCompiler.compile(SourceSet(files: [SourceFile(path: "p.lko", bytes: Array((base + text).utf8))]), options: CompileOptions(lintDate: CalendarDate(iso: "2026-03-02")!))
    }

    static func diff(_ old: String, _ new: String) throws -> PolicyDiff {
        try PolicyDiff.compute(DiffInput(oldLabel: "old", old: compile(old), newLabel: "new", new: compile(new), at: CalendarDate(iso: "2026-03-02")!))
    }

    @Test func narrowingReportsOnlyTheSubcategoriesLost() throws {
        let diff = try Self.diff("grant executor to s on roads\n", "grant executor to s on roads.potholes\n")
        #expect(!diff.access.isEmpty)
        #expect(diff.access.allSatisfy { $0.change == "lost" && $0.nodes == ["roads.signs"] })
    }

    @Test func rewritingEverySubcategoryAsTheCategoryIsNoChange() throws {
        let diff = try Self.diff("grant manager to m on roads.potholes, roads.signs\n", "grant manager to m on roads\n")
        #expect(diff.access == [])
        #expect(!diff.hasEscalation)
    }

    @Test func aLineAlreadyImpliedGainsNothing() throws {
        let old = "grant manager to m on roads\n"
        let new = old.replacingOccurrences(of: "", with: "")
        let diff = try PolicyDiff.compute(DiffInput(
            oldLabel: "old", old: Self.compile(old), newLabel: "new",
            new: PolicyCompiler.compile(SourceSet(files: [SourceFile(path: "p.lko", bytes: Array((Self.base.replacingOccurrences(of: "allow view, approve on granted", with: "allow view, approve on granted\n  allow view on assigned and granted") + new).utf8))])),
            at: CalendarDate(iso: "2026-03-02")!))
        #expect(diff.access == [])
        #expect(!diff.roles.isEmpty)
    }

    @Test func aNewApproverEligibilityEscalates() throws {
        let diff = try Self.diff("grant manager to m on roads\n", "grant manager to m on roads\nsubstitute d for m as approver\n")
        #expect(diff.substitutes.count == 1)
        #expect(diff.substitutes[0].actions.contains("approve"))
        #expect(diff.hasEscalation)
        #expect(DiffRenderer(language: .en).render(diff, format: .markdown).contains("Substitute eligibility"))
        #expect(DiffRenderer().render(diff, format: .markdown).contains("#### Право замещения"))
        #expect(diff.risks.first?.message == "d, замещая m во время записанного отсутствия, сможет `approve` (право замещения: p.lko:11:1)")
    }

    @Test func acceptancesAddedAndRemovedAreReported() throws {
        let sod = "grant executor to s on roads\ngrant manager to s on roads\n"
        let diff = try Self.diff(sod, sod + "accept W0506 for s because \"малый отдел\"\n")
        #expect(diff.acceptances.map(\.change) == ["added"])
        #expect(diff.findingsResolved.isEmpty, "an accepted finding is not a resolved one")
    }
}
