import Foundation
import LKOCompiler
import LKOStore
import LKOWorkflow
import Testing

/// Issue 14 in the workflow: the shipped policy's substitute eligibility (`substitute … for …`
/// in Policies/grants.lko) makes an absence enough — no dated grant, no policy edit.
@Suite("Issue 14: substitutes declared in the policy")
struct Issue14DelegationTests {
    @Test("an eligible substitute covers an absence outside any dated grant; the gate, explain and possible actions count the derived right")
    func eligibleSubstituteWithoutAGrant() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        // roads_deputy's dated grant ends on 2027-02-05; this vacation is later.
        try fixture.setDay("2027-02-15")
        let request = fixture.request("roads_specialist", from: "2027-02-16", until: "2027-02-26", substitute: "roads_deputy")
        let plan = try fixture.plan(request)
        #expect(plan.errors == [])
        #expect(plan.moves.map(\.to) == ["roads_deputy", "roads_deputy", "roads_deputy"])
        let (absence, _) = try fixture.add(request)
        try fixture.setDay("2027-02-16")
        try fixture.workflow.processDueDelegations()
        let r1 = try fixture.record("R1")
        #expect(r1.assignee == "roads_deputy")

        // What the console and a refusal offer: the substitute's derived actions.
        let today = fixture.workflow.today
        #expect(fixture.workflow.possibleActions(for: "roads_deputy", on: r1, day: today).contains(.draft))
        #expect(!fixture.workflow.possibleActions(for: "roads_deputy", on: r1, day: today).contains(.approve))
        let strict = try Workflow(store: fixture.store, resolver: DelegationResolver(), derivedRights: NoDerivedRights())
        #expect(!strict.possibleActions(for: "roads_deputy", on: r1, day: today).contains(.draft), "without derived rights the tables alone decide")

        // explain names the absence and the eligibility.
        let node = fixture.policy.nodeIndex(r1.node)
        let facts = try fixture.workflow.absenceFacts()
        let explanation = fixture.policy.explain(login: "roads_deputy", action: .draft, node: node, assignee: "roads_deputy", on: today, absences: facts)
        #expect(explanation.allowed)
        #expect(explanation.derived?.absence == absence.id)
        // In the reader's language (issue 16): Russian by default, English for LKO_LANG=en.
        let english = explanation.lines(in: .en)[1], russian = explanation.lines(in: .ru)[1]
        #expect(english.contains("absence #\(absence.id) of roads_specialist") && english.contains("eligibility at ") && english.contains("grants.lko:"), "\(english)")
        #expect(russian.contains("отсутствие №\(absence.id) сотрудника roads_specialist") && russian.contains("grants.lko:"), "\(russian)")
        #expect(!fixture.policy.explain(login: "roads_deputy", action: .draft, node: node, assignee: "roads_deputy", on: today).allowed, "the tables alone deny")

        // The gate allows it and audits where the right came from.
        try fixture.perform(.draft, "R1", by: "roads_deputy", text: "Ответ замещающего")
        #expect(details(try fixture.lastAudit())["via"]?.hasPrefix("via absence #\(absence.id) of roads_specialist, eligibility at ") == true)
        // A refusal by state lists what the substitute could do instead.
        let refusal = failure { try fixture.perform(.approve, "R1", by: "roads_deputy") }
        #expect(refusal != nil)

        // After the absence the right is gone.
        try fixture.setDay("2027-02-27")
        try fixture.workflow.processDueDelegations()
        #expect(!fixture.policy.decide(login: "roads_deputy", action: .draft, node: node, assignee: "roads_deputy", on: fixture.workflow.today, absences: try fixture.workflow.absenceFacts()))
    }

    @Test("delegation check counts a declared substitute approver while the approver is away")
    func substituteApproverCoversTheApprovals() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()  // R3 on approval, drafted by roads_specialist
        // The same absences as finding 14 (Issue12DelegationTests), under the shipped eligibility:
        // deputy_social approves for deputy_housing, so R3 is not left without an approver.
        _ = try fixture.add(fixture.request("deputy_housing", from: "2027-01-11", until: "2027-01-20", substitute: "deputy_social"))
        _ = try fixture.add(fixture.request("ookr_curator", from: "2027-01-11", until: "2027-01-20", substitute: "deputy_social"))
        _ = try fixture.add(fixture.request("ookr_specialist", from: "2027-01-12", until: "2027-01-19", substitute: "deputy_social"))
        let findings = try fixture.workflow.delegationCheck(from: day("2027-01-05"), days: 30, by: fixture.admin)
        #expect(findings.filter { $0.severity == "error" } == [], "\(findings)")
        try fixture.setDay("2027-01-13")
        try fixture.workflow.processDueDelegations()
        try fixture.perform(.approve, "R3", by: "deputy_social")
        #expect(try fixture.record("R3").state == .answered)
        #expect(details(try fixture.lastAudit())["via"]?.contains("of deputy_housing") == true)
    }

    @Test("separation of duties holds for a substitute approver who drafted the answer")
    func separationOfDutiesForSubstitutes() throws {
        // A variant where roads_deputy may also approve for deputy_housing.
        let fixture = try DelegationFixture(extraPolicy: "substitute roads_deputy for deputy_housing as approver\n")
        try fixture.roadsCases()
        try fixture.setDay("2027-02-15")
        _ = try fixture.add(fixture.request("roads_specialist", from: "2027-02-16", until: "2027-02-26", substitute: "roads_deputy"))
        _ = try fixture.add(fixture.request("deputy_housing", from: "2027-02-16", until: "2027-02-26", substitute: "roads_deputy"))
        try fixture.setDay("2027-02-16")
        try fixture.workflow.processDueDelegations()
        try fixture.perform(.draft, "R1", by: "roads_deputy", text: "Ответ")
        try fixture.perform(.submit, "R1", by: "roads_deputy")
        let r1 = try fixture.record("R1")
        let today = fixture.workflow.today
        // roads_deputy holds the approver's right on roads now, but not on their own answer.
        #expect(fixture.policy.decide(login: "roads_deputy", action: .approve, node: fixture.policy.nodeIndex(r1.node), assignee: r1.assignee, on: today, absences: try fixture.workflow.absenceFacts()))
        #expect(!fixture.workflow.possibleActions(for: "roads_deputy", on: r1, day: today).contains(.approve))
        #expect(throws: WorkflowError.self) { try fixture.perform(.approve, "R1", by: "roads_deputy") }
        #expect(try fixture.record("R1").state == .onApproval)
        // R3 was drafted and submitted by roads_specialist: roads_deputy may approve it.
        #expect(fixture.workflow.possibleActions(for: "roads_deputy", on: try fixture.record("R3"), day: today).contains(.approve))
        try fixture.perform(.approve, "R3", by: "roads_deputy")
        #expect(try fixture.record("R3").state == .answered)
    }
}
