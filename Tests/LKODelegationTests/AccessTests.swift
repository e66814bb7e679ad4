import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow
import Testing

@Suite("Who may set up absences; pending substitutes")
struct AccessTests {
    func blockedMessages(_ body: () throws -> Void) -> [String]? {
        do {
            try body()
            return nil
        } catch StoreError.blocked(_, let blockers) {
            return blockers.map { $0.render(.en) }
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    @Test("a pending or current substitute cannot be removed or disabled; allowed after cancel")
    func pendingSubstituteAfterCancel() throws {
        let fixture = try DelegationFixture()
        let (absence, _) = try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))
        let expected = ["substitute for roads_specialist in absence #1 (11.01.2027 – 20.01.2027) — choose another substitute or cancel/end that absence first"]
        #expect(blockedMessages { try fixture.store.setStatus("roads_deputy", to: .disabled, by: fixture.admin) } == expected)
        #expect(blockedMessages { try fixture.store.removeUser("roads_deputy", by: fixture.admin) } == expected)
        #expect(try fixture.store.blockers(for: "roads_deputy").map { $0.render(.ru) } == [
            "замещает roads_specialist в отсутствие № 1 (11.01.2027 – 20.01.2027) — сначала выберите другого замещающего или отмените либо завершите это отсутствие",
        ])
        #expect(try fixture.account("roads_deputy").status == .active)
        #expect(try fixture.store.blockers(for: "roads_specialist") == [])
        try fixture.workflow.cancelAbsence(absence.id, by: fixture.admin)
        #expect(try fixture.store.blockers(for: "roads_deputy") == [])
        try fixture.store.setStatus("roads_deputy", to: .disabled, by: fixture.admin)
        #expect(try fixture.account("roads_deputy").status == .disabled)
    }

    @Test("a current substitute stays blocked until the absence ends")
    func currentSubstituteUntilEnd() throws {
        let fixture = try DelegationFixture()
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: nil, substitute: "roads_deputy", reason: .sick, allowPartial: true))
        try fixture.setDay("2027-01-12")
        try fixture.workflow.processDueDelegations()
        #expect(blockedMessages { try fixture.store.removeUser("roads_deputy", by: fixture.admin) } == [
            "substitute for roads_specialist in absence #1 (11.01.2027 – open-ended) — choose another substitute or cancel/end that absence first",
        ])
        try fixture.setDay("2027-01-15")
        _ = try fixture.workflow.endAbsence(1, returnedOn: day("2027-01-15"), by: fixture.admin)
        #expect(try fixture.store.blockers(for: "roads_deputy") == [])
        try fixture.store.removeUser("roads_deputy", by: fixture.admin)
        // Issue 14: removed means a tombstone (the name stays in the history), not a deletion.
        #expect(try fixture.account("roads_deputy").isRemoved)
    }

    @Test("the administrator may set up anyone's absence, an executor only their own; denials are audited")
    func authorization() throws {
        let fixture = try DelegationFixture(extraPolicy: reservePolicy)
        let own = fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy")
        #expect(try fixture.plan(own, by: "finance_sysadmin").errors == [])
        let (absence, _) = try fixture.add(own, by: "roads_specialist")
        #expect(absence.createdBy == "roads_specialist")

        let other = fixture.request("roads_second", from: "2027-01-25", until: "2027-01-29", substitute: "roads_reserve")
        for login in ["roads_specialist", "head", "ookr_curator", "deputy_housing"] {
            let auditBefore = try fixture.allAudit().count
            let error = failure { _ = try fixture.plan(other, by: login) }
            #expect(error?.hasPrefix("not allowed to set up an absence for roads_second") == true, "\(login): \(error ?? "allowed")")
            #expect(failure { try fixture.add(other, by: login) }?.hasPrefix("not allowed") == true)
            let written = Array(try fixture.allAudit().dropFirst(auditBefore))
            #expect(written.count == 2)
            #expect(written.allSatisfy { $0.action == "denied" && $0.actor == login && $0.object == "absence:roads_second" && details($0)["action"] == "manage_delegations" })
        }
        // A coordinator or curator may not set up even their own.
        #expect(failure { _ = try fixture.plan(fixture.request("head", from: "2027-01-25", until: "2027-01-29", substitute: "ookr_curator"), by: "head") }?.hasPrefix("not allowed") == true)
        #expect(failure { _ = try fixture.plan(fixture.request("ookr_curator", from: "2027-01-25", until: "2027-01-29", substitute: "ookr_specialist"), by: "ookr_curator") }?.hasPrefix("not allowed") == true)
        // Ending or cancelling someone else's absence is the same right.
        #expect(failure { try fixture.workflow.cancelAbsence(absence.id, by: try fixture.account("roads_second")) }?.hasPrefix("not allowed") == true)
        #expect(failure { _ = try fixture.workflow.endAbsence(absence.id, returnedOn: day("2027-01-15"), by: try fixture.account("head")) }?.hasPrefix("not allowed") == true)
        #expect(try fixture.absenceRows().map(\.status) == ["planned"])
        // The executor may cancel their own; the administrator may add anyone's.
        try fixture.workflow.cancelAbsence(absence.id, by: try fixture.account("roads_specialist"))
        try fixture.add(other, by: "finance_sysadmin")
        #expect(try fixture.absenceRows().map(\.login) == ["roads_specialist", "roads_second"])
    }

    @Test("delegation check reports absent substitutes, chains and expiring grants; refused to non-administrators")
    func delegationCheck() throws {
        let fixture = try DelegationFixture(extraPolicy: reservePolicy)
        try fixture.roadsCases()
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))
        try fixture.add(fixture.request("roads_deputy", from: "2027-01-12", until: "2027-01-14", substitute: "roads_reserve"))
        // roads_second has nothing to hand over when the absence is recorded; later gets a case.
        try fixture.add(fixture.request("roads_second", from: "2027-01-25", until: "2027-02-10", substitute: "roads_deputy"))
        try fixture.perform(.reassign, "R2", by: "head", to: "roads_second")

        for login in ["head", "roads_specialist", "ookr_curator"] {
            let error = failure { _ = try fixture.workflow.delegationCheck(from: fixture.workflow.today, days: 60, by: try fixture.account(login)) }
            #expect(error?.hasPrefix("not allowed to check delegations") == true)
            let entry = try fixture.lastAudit()
            #expect(entry.action == "denied")
            #expect(entry.actor == login)
            #expect(entry.object == "delegation")
        }
        let findings = try fixture.workflow.delegationCheck(from: fixture.workflow.today, days: 60, by: fixture.admin)
        let byAbsence = Dictionary(grouping: findings, by: \.absence)
        let chain = "On 12.01.2027 roads_deputy is absent too: cases go along roads_specialist → roads_deputy → roads_reserve to roads_reserve."
        #expect((byAbsence[1] ?? []).contains { (finding: Workflow.DelegationFinding) -> Bool in
            finding.severity == "warning" && finding.code == "substitution_chain" && finding.issue.description == chain
        })
        #expect(byAbsence[1]?.contains { $0.severity == "error" } == false)
        let gap = "roads.condition (case R2): roads_deputy holds no executor grant on it on 06.02.2027"
        #expect((byAbsence[3] ?? []).contains { (finding: Workflow.DelegationFinding) -> Bool in
            finding.severity == "error" && finding.login == "roads_second" && finding.issue.description.contains(gap)
        })
        #expect(findings.filter { $0.severity == "error" }.count == 1)
        // A window that ends before the third absence does not report it.
        let early = try fixture.workflow.delegationCheck(from: fixture.workflow.today, days: 10, by: fixture.admin)
        #expect(Set(early.map(\.absence)) == [1])
    }
}
