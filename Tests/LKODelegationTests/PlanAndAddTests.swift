import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow
import Testing

@Suite("Plan = add")
struct PlanAndAddTests {
    @Test("the dry run lists moves, routes and loads, writes nothing, and add then does exactly that")
    func planPredictsAdd() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        let request = fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy", returnOpenCases: true)
        let before = try fixture.snapshot()
        let plan = try fixture.plan(request)
        #expect(try fixture.snapshot() == before)

        #expect(plan.errors == [])
        #expect(plan.moves.map(\.posNumber) == ["R1", "R2", "R3"])
        #expect(plan.moves.map(\.to) == ["roads_deputy", "roads_deputy", "roads_deputy"])
        #expect(plan.moves.map(\.state) == ["assigned", "in_progress", "on_approval"])
        #expect(plan.moves.map(\.deadline) == ["2027-01-15", "2027-02-04", "2027-02-04"])
        #expect(plan.moves.map(\.dueDuringAbsence) == [true, false, false])
        #expect(plan.warnings.contains { $0.code == "due_during_absence" && $0.description == "Cases due during the absence: 1." })
        #expect(Set(plan.routes.map(\.rule)) == ["road_defects", "roads_other"])
        #expect(plan.routes.allSatisfy { $0.kind == "autorule" && $0.resolvesTo == "roads_deputy" })
        #expect(plan.substituteLoadNow == 0)
        #expect(plan.substituteLoadAfter == 3)

        let (absence, carried) = try fixture.add(request)
        #expect(carried == recorded(plan, as: absence.id))
        #expect(absence.id == 1)
        #expect(absence.startProcessed == false)
        #expect(try fixture.moves("handover") == [])
        #expect(try fixture.record("R1").assignee == "roads_specialist")

        try fixture.setDay("2027-01-11")
        let done = try fixture.workflow.processDueDelegations()
        #expect(done.count == 3)
        let handovers = try fixture.moves("handover")
        #expect(handovers.map(\.pos) == plan.moves.map(\.posNumber))
        #expect(handovers.map(\.after) == plan.moves.map(\.to))
        #expect(handovers.allSatisfy { $0.before == "roads_specialist" && $0.actingFor == "roads_specialist" && $0.onDay == "2027-01-11" })
        // The loads the plan predicted.
        let held = try fixture.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases WHERE assignee = 'roads_deputy'")!
        }
        #expect(held == plan.substituteLoadAfter)
        // The housing case did not move.
        #expect(try fixture.record("H1").assignee == "housing_specialist")
    }

    @Test("an absence that started in the past hands over at once on add, as planned")
    func startInThePast() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        try fixture.setDay("2027-01-13")
        let request = fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy")
        let before = try fixture.snapshot()
        let plan = try fixture.plan(request)
        #expect(try fixture.snapshot() == before)
        #expect(plan.errors == [])
        #expect(plan.moves.map(\.to) == ["roads_deputy", "roads_deputy", "roads_deputy"])

        let (absence, carried) = try fixture.add(request)
        #expect(carried == recorded(plan, as: absence.id))
        #expect(absence.startProcessed)
        #expect(absence.endProcessed == false)
        let handovers = try fixture.moves("handover")
        #expect(handovers.map(\.pos) == ["R1", "R2", "R3"])
        #expect(handovers.map(\.after) == plan.moves.map(\.to))
        #expect(try fixture.record("R2").assignee == "roads_deputy")
        #expect(try fixture.record("R2").originalAssignee == "roads_specialist")
    }

    @Test("with --allow-partial and a grant expiring mid-absence, plan and add agree on every case")
    func partialPlanEqualsAdd() throws {
        // Without the shipped eligibility (issue 14): `substitute roads_deputy for
        // roads_specialist` would cover the whole absence, and nothing would expire mid-absence.
        let fixture = try DelegationFixture(eligibility: false)
        try fixture.roadsCases()
        let request = fixture.request("roads_specialist", from: "2027-01-25", until: "2027-02-10", substitute: "roads_deputy", allowPartial: true)
        let plan = try fixture.plan(request)
        #expect(plan.errors == [])
        #expect(plan.warnings.contains { $0.code == "not_covered_partial" && $0.description.hasPrefix("Not covered, their cases go to the coordinator's queue:") && $0.description.contains("06.02.2027") })
        let (absence, carried) = try fixture.add(request)
        #expect(carried == recorded(plan, as: absence.id))
        try fixture.setDay("2027-01-25")
        try fixture.workflow.processDueDelegations()
        let handovers = try fixture.moves("handover")
        #expect(handovers.map(\.pos) == plan.moves.map(\.posNumber))
        #expect(handovers.map(\.after) == plan.moves.map(\.to), "plan said \(plan.moves.map { $0.to ?? "coordinator" }), add did \(handovers)")
        for move in plan.moves {
            #expect(try fixture.record(move.posNumber).assignee == move.to)
        }
    }

    @Test("a start in the past moves cases to whoever substitutes today, as the plan says (not along a chain of the start day)")
    func pastStartChainPlanEqualsAdd() throws {
        let fixture = try DelegationFixture(extraPolicy: reservePolicy)
        try fixture.roadsCases()
        try fixture.add(fixture.request("roads_deputy", from: "2027-01-11", until: "2027-01-12", substitute: "roads_reserve"))
        try fixture.setDay("2027-01-14")
        let request = fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy")
        let plan = try fixture.plan(request)
        #expect(plan.errors == [])
        #expect(plan.moves.map(\.to) == ["roads_deputy", "roads_deputy", "roads_deputy"])
        let (absence, carried) = try fixture.add(request)
        #expect(carried == recorded(plan, as: absence.id))
        #expect(absence.startProcessed)
        #expect(try fixture.moves("handover").map(\.after) == plan.moves.map(\.to))
    }
}
