import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow
import Testing

/// Permanent extra road executors for chains and open-ended leave.
let reservePolicy = """
grant executor to roads_reserve on roads
grant executor to roads_second on roads
"""

@Suite("Absence rules")
struct RulesTests {
    @Test("chain A → B → C: A's cases go to C acting for A, and so do new routes")
    func chain() throws {
        let fixture = try DelegationFixture(extraPolicy: reservePolicy)
        try fixture.roadsCases()
        // B (roads_deputy) is away first; B has no cases and no routes, so nothing to cover.
        let (b, planB) = try fixture.add(fixture.request("roads_deputy", from: "2027-01-10", until: "2027-01-25", substitute: "roads_reserve"))
        #expect(planB.moves == [])
        #expect(b.id == 1)
        let plan = try fixture.plan(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))
        #expect(plan.errors == [])
        #expect(plan.warnings.contains { $0.code == "substitution_chain" && $0.description == "On 11.01.2027 roads_deputy is absent too: cases go along roads_specialist → roads_deputy → roads_reserve to roads_reserve." })
        #expect(plan.moves.map(\.to) == ["roads_reserve", "roads_reserve", "roads_reserve"])
        #expect(plan.routes.allSatisfy { $0.resolvesTo == "roads_reserve" })
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))

        try fixture.setDay("2027-01-11")
        try fixture.workflow.processDueDelegations()
        let r1 = try fixture.record("R1")
        #expect(r1.assignee == "roads_reserve")
        #expect(r1.originalAssignee == "roads_specialist")
        let handover = try #require(try fixture.events("R1").last)
        #expect(handover.action == "handover")
        #expect(handover.actingFor == "roads_specialist")
        #expect(handover.assigneeBefore == "roads_specialist")
        #expect(handover.assigneeAfter == "roads_reserve")
        #expect(handover.comment == "отсутствие #2 (vacation) roads_specialist: передано roads_reserve")

        try fixture.setDay("2027-01-12")
        try fixture.importCases([("R5", "roads.potholes")], date: "2027-01-12")
        let r5 = try fixture.record("R5")
        #expect(r5.assignee == "roads_reserve")
        #expect(r5.originalAssignee == "roads_specialist")
        #expect(try fixture.events("R5").last?.actingFor == "roads_specialist")
    }

    @Test("a cycle A → B → A is an error printing it; nothing is recorded")
    func cycle() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        try fixture.add(fixture.request("roads_deputy", from: "2027-01-11", until: "2027-01-20", substitute: "roads_specialist"))
        let before = try fixture.snapshot()
        let request = fixture.request("roads_specialist", from: "2027-01-15", until: "2027-01-25", substitute: "roads_deputy")
        let plan = try fixture.plan(request)
        #expect(plan.errors.contains { $0.code == "substitution_cycle" && $0.description.hasPrefix("Substitution cycle on 15.01.2027: roads_specialist → roads_deputy → roads_specialist") })
        let error = failure { try fixture.add(request) }
        #expect(error?.contains("The absence is not recorded:") == true)
        #expect(error?.contains("roads_specialist → roads_deputy → roads_specialist") == true)
        #expect(try fixture.snapshot() == before)
        #expect(try fixture.absenceRows().count == 1)
    }

    @Test("one person cannot have overlapping absences; an adjacent one is fine")
    func overlapping() throws {
        let fixture = try DelegationFixture()
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))
        let before = try fixture.snapshot()
        let error = failure { try fixture.add(fixture.request("roads_specialist", from: "2027-01-18", until: "2027-01-25", substitute: "roads_deputy")) }
        #expect(error?.contains("`roads_specialist` already has absence #1 (11.01.2027 – 20.01.2027) overlapping this one") == true)
        #expect(try fixture.snapshot() == before)
        // Open-ended overlaps too.
        let openEnded = try fixture.plan(fixture.request("roads_specialist", from: "2027-01-02", until: nil, substitute: "roads_deputy", reason: .sick))
        #expect(openEnded.errors.contains { $0.code == "overlapping_absence" && $0.description.contains("already has absence #1") })
        let (next, _) = try fixture.add(fixture.request("roads_specialist", from: "2027-01-21", until: "2027-01-25", substitute: "roads_deputy"))
        #expect(next.id == 2)
    }

    @Test("partial coverage is an error listing the gaps; with --allow-partial the uncovered cases go to the coordinator")
    func partialCoverage() throws {
        // Without the shipped eligibility (issue 14): `substitute housing_deputy for
        // housing_specialist` passes on all of housing_specialist's scope, waste included, so
        // nothing would be left uncovered.
        let fixture = try DelegationFixture(extraPolicy: "grant executor to housing_specialist on waste", at: morning("2027-05-24"), eligibility: false)
        try fixture.importCases([("H1", "housing.entrances"), ("U1", "utilities.water"), ("W1", "waste.containers")], date: "2027-05-24")
        try fixture.perform(.reassign, "W1", by: "head", to: "housing_specialist")
        #expect(try fixture.record("W1").assignee == "housing_specialist")
        let strict = fixture.request("housing_specialist", from: "2027-06-01", until: "2027-06-14", substitute: "housing_deputy")
        let plan = try fixture.plan(strict)
        #expect(plan.errors.count == 1)
        let error = try #require(plan.errors.first)
        #expect(error.code == "substitute_not_covering")
        let message = error.description
        #expect(message.contains("waste.containers (case W1): housing_deputy holds no executor grant on it on 01.06.2027"))
        #expect(!message.contains("housing.entrances"))
        let before = try fixture.snapshot()
        #expect(failure { try fixture.add(strict) }?.contains("waste.containers (case W1)") == true)
        #expect(try fixture.snapshot() == before)

        var partial = strict
        partial.allowPartial = true
        let partialPlan = try fixture.plan(partial)
        #expect(partialPlan.errors == [])
        #expect(partialPlan.warnings.contains { $0.description.hasPrefix("Not covered, their cases go to the coordinator's queue: waste.containers (case W1)") })
        #expect(Dictionary(uniqueKeysWithValues: partialPlan.moves.map { ($0.posNumber, $0.to ?? "coordinator") }) == ["H1": "housing_deputy", "U1": "housing_deputy", "W1": "coordinator"])
        try fixture.add(partial)
        try fixture.setDay("2027-06-01")
        try fixture.workflow.processDueDelegations()
        let w1 = try fixture.record("W1")
        #expect(w1.state == .received)
        #expect(w1.assignee == nil)
        #expect(w1.originalAssignee == "housing_specialist")
        #expect(try fixture.events("W1").last?.comment == "отсутствие #1 (vacation) housing_specialist: замещающий не покрывает waste.containers: решает Координатор")
        #expect(try fixture.record("H1").assignee == "housing_deputy")
        #expect(try fixture.record("U1").assignee == "housing_deputy")
    }

    @Test("a substitute grant expiring mid-absence is an error naming the day")
    func grantExpiresMidAbsence() throws {
        // Issue 14: with the shipped eligibility (`substitute roads_deputy for roads_specialist`)
        // the absence gives roads_deputy roads_specialist's executor scope for all its days, so
        // the same absence is covered past the end of roads_deputy's own dated grant.
        let eligible = try DelegationFixture()
        try eligible.roadsCases()
        let covered = try eligible.plan(eligible.request("roads_specialist", from: "2027-01-25", until: "2027-02-10", substitute: "roads_deputy"))
        #expect(covered.errors == [])
        #expect(covered.moves.map(\.to) == ["roads_deputy", "roads_deputy", "roads_deputy"])

        // Without eligibility only the dated grant counts, and it ends on 2027-02-05.
        let fixture = try DelegationFixture(eligibility: false)
        try fixture.roadsCases()
        let before = try fixture.snapshot()
        let request = fixture.request("roads_specialist", from: "2027-01-25", until: "2027-02-10", substitute: "roads_deputy")
        let plan = try fixture.plan(request)
        #expect(plan.errors.count == 1)
        #expect(plan.errors.first?.description.contains("roads.potholes (case R1, autorule road_defects): roads_deputy holds no executor grant on it on 06.02.2027") == true)
        #expect(failure { try fixture.add(request) }?.contains("on 06.02.2027") == true)
        #expect(try fixture.snapshot() == before)
        // Until the last day of the grant it is fine.
        #expect(try fixture.plan(fixture.request("roads_specialist", from: "2027-01-25", until: "2027-02-05", substitute: "roads_deputy")).errors == [])
    }

    @Test("open-ended sick leave: checked a year ahead, ended later with endAbsence")
    func openEndedSickLeave() throws {
        // Without the shipped eligibility (issue 14), under which roads_deputy would cover an
        // open-ended leave of roads_specialist for as long as it lasts.
        let fixture = try DelegationFixture(extraPolicy: reservePolicy, eligibility: false)
        try fixture.roadsCases()
        try fixture.setDay("2027-01-12")
        // roads_deputy's grant ends on 2027-02-05: not enough for an open-ended leave.
        let tooShort = try fixture.plan(fixture.request("roads_specialist", from: "2027-01-12", until: nil, substitute: "roads_deputy", reason: .sick))
        #expect(tooShort.errors.first?.description.contains("holds no executor grant on it on 06.02.2027") == true)
        let (absence, plan) = try fixture.add(fixture.request("roads_specialist", from: "2027-01-12", until: nil, substitute: "roads_reserve", reason: .sick, returnOpenCases: true))
        #expect(plan.until == nil)
        #expect(absence.endsOn == nil)
        #expect(absence.reason == .sick)
        #expect(absence.startProcessed)
        #expect(try fixture.record("R1").assignee == "roads_reserve")

        try fixture.setDay("2027-03-01")
        #expect(try fixture.workflow.processDueDelegations() == [])
        #expect(try fixture.record("R1").assignee == "roads_reserve")
        let ended = try fixture.workflow.endAbsence(absence.id, returnedOn: day("2027-03-01"), by: fixture.admin)
        #expect(ended.endsOn == "2027-02-28")
        #expect(ended.endProcessed)
        #expect(try fixture.record("R1").assignee == "roads_specialist")
        #expect(try fixture.record("R2").assignee == "roads_specialist")
        #expect(try fixture.record("R3").assignee == "roads_reserve")
        #expect(try fixture.moves("handback").map(\.onDay) == ["2027-03-01", "2027-03-01"])
        #expect(details(try fixture.audit(action: "absence.end").first!) == ["last_day": "2027-02-28"])
    }

    @Test("early end: the first day back ends it; an end can only move earlier; a second end is refused")
    func earlyEnd() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        let (absence, _) = try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy", returnOpenCases: true))
        #expect(failure { _ = try fixture.workflow.endAbsence(absence.id, returnedOn: day("2027-01-11"), by: fixture.admin) }?.contains("use `lko absence cancel 1`") == true)
        #expect(failure { _ = try fixture.workflow.endAbsence(absence.id, returnedOn: day("2027-01-25"), by: fixture.admin) }?.contains("an end can only move earlier") == true)
        try fixture.setDay("2027-01-11")
        try fixture.workflow.processDueDelegations()
        try fixture.setDay("2027-01-15")
        let ended = try fixture.workflow.endAbsence(absence.id, returnedOn: day("2027-01-15"), by: fixture.admin)
        #expect(ended.endsOn == "2027-01-14")
        #expect(ended.endProcessed)
        #expect(try fixture.moves("handback").map(\.pos) == ["R1", "R2"])
        #expect(try fixture.moves("handback").allSatisfy { $0.onDay == "2027-01-15" && $0.after == "roads_specialist" })
        #expect(failure { _ = try fixture.workflow.endAbsence(absence.id, returnedOn: day("2027-01-15"), by: fixture.admin) }?.contains("has already ended") == true)
        // Back at work: new routes go to the executor again.
        try fixture.importCases([("R6", "roads.potholes")], date: "2027-01-15")
        #expect(try fixture.record("R6").assignee == "roads_specialist")
    }

    @Test("cancel: only before the start; kept as cancelled; moves nothing")
    func cancel() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        let (first, _) = try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))
        try fixture.workflow.cancelAbsence(first.id, by: fixture.admin)
        let rows = try fixture.absenceRows()
        #expect(rows.map(\.status) == ["cancelled"])
        #expect(try fixture.workflow.absences().map(\.id) == [1])
        #expect(failure { try fixture.workflow.cancelAbsence(first.id, by: fixture.admin) }?.contains("already cancelled") == true)
        #expect(failure { _ = try fixture.workflow.endAbsence(first.id, returnedOn: day("2027-01-15"), by: fixture.admin) }?.contains("was cancelled") == true)
        #expect(try fixture.audit(action: "absence.cancel").map(\.object) == ["absence:1"])
        // A cancelled absence neither overlaps nor routes.
        let (second, _) = try fixture.add(fixture.request("roads_specialist", from: "2027-01-12", until: "2027-01-20", substitute: "roads_deputy"))
        try fixture.setDay("2027-01-11")
        try fixture.workflow.processDueDelegations()
        #expect(try fixture.moves("handover") == [])
        try fixture.importCases([("R7", "roads.potholes")], date: "2027-01-11")
        #expect(try fixture.record("R7").assignee == "roads_specialist")
        try fixture.setDay("2027-01-12")
        try fixture.workflow.processDueDelegations()
        #expect(try fixture.moves("handover").map(\.pos) == ["R1", "R2", "R3", "R7"])
        // Once started it cannot be cancelled.
        #expect(failure { try fixture.workflow.cancelAbsence(second.id, by: fixture.admin) }?.contains("has started (12.01.2027)") == true)
        #expect(try fixture.absenceRows().map(\.status) == ["cancelled", "planned"])
    }

    @Test("the substitute must be someone else with an active account")
    func substituteChecks() throws {
        let fixture = try DelegationFixture()
        #expect(try fixture.plan(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_specialist")).errors.map(\.description).contains("The substitute must be someone else than `roads_specialist`."))
        #expect(try fixture.plan(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "nobody")).errors.map(\.description).contains("The substitute `nobody` has no account."))
        try fixture.store.setStatus("roads_deputy", to: .disabled, by: fixture.admin)
        #expect(try fixture.plan(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy")).errors.map(\.code).contains("substitute_disabled"))
        #expect(try fixture.plan(fixture.request("roads_specialist", from: "2027-01-20", until: "2027-01-11", substitute: "roads_second")).errors.map(\.description).contains("The absence ends (11.01.2027) before it starts (20.01.2027)."))
    }
}
