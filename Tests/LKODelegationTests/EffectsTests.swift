import Foundation
import LKOCalendar
import LKOStore
import LKOWorkflow
import Testing

@Suite("Effects of absences")
struct EffectsTests {
    @Test("catch-up after days without commands: starts and ends in date order, exactly once")
    func catchUp() throws {
        let fixture = try DelegationFixture(extraPolicy: reservePolicy)
        try fixture.roadsCases()
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy", returnOpenCases: true))
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-22", until: "2027-01-23", substitute: "roads_reserve", returnOpenCases: true))
        let auditBefore = try fixture.allAudit().count
        try fixture.setDay("2027-01-25")
        let done = try fixture.workflow.processDueDelegations()
        #expect(done.map(\.description) == [
            "case R1: roads_specialist → roads_deputy (absence #1)",
            "case R2: roads_specialist → roads_deputy (absence #1)",
            "case R3: roads_specialist → roads_deputy (absence #1)",
            "case R1: roads_deputy → roads_specialist (back from absence #1)",
            "case R2: roads_deputy → roads_specialist (back from absence #1)",
            "case R1: roads_specialist → roads_reserve (absence #2)",
            "case R2: roads_specialist → roads_reserve (absence #2)",
            "case R1: roads_reserve → roads_specialist (back from absence #2)",
            "case R2: roads_reserve → roads_specialist (back from absence #2)",
        ])
        // For people: full names, in the reader's language.
        #expect(done.first?.message.render(.ru) == "сообщение R1: Сотрудник roads_specialist → Сотрудник roads_deputy (отсутствие № 1)")
        #expect(done[3].message.render(.en) == "case R1: Сотрудник roads_deputy → Сотрудник roads_specialist (back from absence #1)")
        #expect(done[3].message.render(.ru) == "сообщение R1: Сотрудник roads_deputy → Сотрудник roads_specialist (возвращение после отсутствия № 1)")
        #expect(done.map(\.kind) == [.handover, .handover, .handover, .handback, .handback, .handover, .handover, .handback, .handback])
        let written = Array(try fixture.allAudit().dropFirst(auditBefore))
        #expect(written.filter { $0.action.hasPrefix("absence.") }.map { "\($0.action) \($0.object)" } == [
            "absence.start absence:1", "absence.finish absence:1", "absence.start absence:2", "absence.finish absence:2",
        ])
        #expect(written.count == 13)
        #expect(try fixture.moves("handover").map(\.onDay) == ["2027-01-11", "2027-01-11", "2027-01-11", "2027-01-22", "2027-01-22"])
        #expect(try fixture.moves("handback").map(\.onDay) == ["2027-01-21", "2027-01-21", "2027-01-24", "2027-01-24"])
        #expect(try fixture.absenceRows().allSatisfy { $0.startProcessed && $0.endProcessed })
        #expect(try fixture.record("R3").assignee == "roads_deputy")

        let after = try fixture.snapshot()
        #expect(try fixture.workflow.processDueDelegations() == [])
        try fixture.setDay("2027-01-26")
        #expect(try fixture.workflow.processDueDelegations() == [])
        #expect(try fixture.snapshot() == after)
    }

    @Test("separation of duties: the substitute never approves their draft, the absentee never one drafted for them")
    func separationOfDuties() throws {
        let fixture = try DelegationFixture(extraPolicy: """
            grant manager to roads_specialist on roads
            grant manager to roads_deputy on roads
            """)
        try fixture.importCases([("R1", "roads.potholes"), ("R2", "roads.condition")], date: "2027-01-05")
        try fixture.perform(.draft, "R2", by: "roads_specialist", text: "Ответ исполнителя")
        try fixture.perform(.submit, "R2", by: "roads_specialist")
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))
        try fixture.setDay("2027-01-11")
        try fixture.workflow.processDueDelegations()
        let drafted = try fixture.perform(.draft, "R1", by: "roads_deputy", text: "Ответ замещающего")
        #expect(drafted.draftedBy == "roads_deputy")
        #expect(drafted.draftedFor == "roads_specialist")
        try fixture.perform(.submit, "R1", by: "roads_deputy")
        for login in ["roads_deputy", "roads_specialist"] {
            for action in [CaseAction.approve, .return] {
                let error = failure { try fixture.perform(action, "R1", by: login, text: action == .return ? "Доработать" : nil) }
                #expect(error?.hasPrefix("separation of duties:") == true, "\(login) \(action): \(error ?? "allowed")")
                let entry = try fixture.lastAudit()
                #expect(entry.action == "denied")
                #expect(entry.actor == login)
                #expect(details(entry) == ["action": action.rawValue, "reason": "separation_of_duties"])
            }
        }
        #expect(try fixture.record("R1").state == .onApproval)
        #expect(try fixture.perform(.approve, "R1", by: "deputy_housing").state == .answered)
        // R2 was drafted by the absentee before leaving: the substitute (not involved) may approve it.
        #expect(failure { try fixture.perform(.approve, "R2", by: "roads_specialist") }?.hasPrefix("separation of duties:") == true)
        #expect(try fixture.perform(.approve, "R2", by: "roads_deputy").state == .answered)
    }

    @Test("routes during the absence go to the substitute acting for the absentee; after it, to the executor")
    func routesDuringAbsence() throws {
        let fixture = try DelegationFixture()
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy"))
        try fixture.setDay("2027-01-12")
        try fixture.importCases([("R5", "roads.potholes"), ("R6", "roads.sidewalks"), ("H5", "housing.roof")], date: "2027-01-12")
        let r5 = try fixture.record("R5")
        #expect(r5.state == .assigned)
        #expect(r5.assignee == "roads_deputy")
        #expect(r5.originalAssignee == "roads_specialist")
        let route = try #require(try fixture.events("R5").last)
        #expect(route.action == "route")
        #expect(route.actingFor == "roads_specialist")
        #expect(route.comment == "автоправило road_defects; замещает roads_specialist")
        #expect(try fixture.record("R6").assignee == "roads_deputy")
        #expect(try fixture.record("H5").assignee == "housing_specialist")
        #expect(try fixture.record("H5").originalAssignee == nil)
        // The coordinator assigning to the absentee reaches the substitute too (who holds it already).
        #expect(failure { try fixture.perform(.reassign, "R5", by: "head", to: "roads_specialist") } == "The case is already assigned to this executor.")

        try fixture.setDay("2027-01-21")
        try fixture.importCases([("R7", "roads.potholes")], date: "2027-01-21")
        let r7 = try fixture.record("R7")
        #expect(r7.assignee == "roads_specialist")
        #expect(r7.originalAssignee == nil)
        #expect(try fixture.events("R7").last?.actingFor == nil)
    }

    func returnedScenario(returnOpenCases: Bool) throws -> DelegationFixture {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        try fixture.importCases([("R4", "roads.sidewalks")], date: "2027-01-05")
        try fixture.perform(.draft, "R4", by: "roads_specialist", text: "Ответ")
        try fixture.perform(.submit, "R4", by: "roads_specialist")
        try fixture.perform(.return, "R4", by: "deputy_housing", text: "Уточнить сроки ремонта")
        #expect(try fixture.record("R4").state == .returned)
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy", returnOpenCases: returnOpenCases))
        return fixture
    }

    @Test("with --return-open-cases, assigned / in progress / returned cases go back; on approval stays; deadlines never change")
    func returnAtEnd() throws {
        let fixture = try returnedScenario(returnOpenCases: true)
        let deadlines = try ["R1", "R2", "R3", "R4"].map { try fixture.record($0).deadline }
        #expect(deadlines == ["2027-01-15", "2027-02-04", "2027-02-04", "2027-02-04"])
        try fixture.setDay("2027-01-11")
        try fixture.workflow.processDueDelegations()
        #expect(try ["R1", "R2", "R3", "R4"].map { try fixture.record($0).assignee } == ["roads_deputy", "roads_deputy", "roads_deputy", "roads_deputy"])
        try fixture.setDay("2027-01-14")
        try fixture.importCases([("R5", "roads.potholes")], date: "2027-01-14")
        let r5Deadline = try fixture.record("R5").deadline
        try fixture.setDay("2027-01-21")
        try fixture.workflow.processDueDelegations()
        #expect(try fixture.moves("handback").map(\.pos) == ["R1", "R2", "R4", "R5"])
        #expect(try fixture.moves("handback").map(\.toState) == ["assigned", "in_progress", "returned", "assigned"])
        for pos in ["R1", "R2", "R4", "R5"] {
            let record = try fixture.record(pos)
            #expect(record.assignee == "roads_specialist", "\(pos)")
            #expect(record.originalAssignee == nil, "\(pos)")
        }
        let r3 = try fixture.record("R3")
        #expect(r3.assignee == "roads_deputy")
        #expect(r3.state == .onApproval)
        #expect(r3.originalAssignee == "roads_specialist")
        #expect(try ["R1", "R2", "R3", "R4"].map { try fixture.record($0).deadline } == deadlines)
        #expect(try fixture.record("R5").deadline == r5Deadline)
        #expect(try fixture.record("R1").state == .assigned)
    }

    @Test("without --return-open-cases every case stays with the substitute")
    func noReturnAtEnd() throws {
        let fixture = try returnedScenario(returnOpenCases: false)
        let deadlines = try ["R1", "R2", "R3", "R4"].map { try fixture.record($0).deadline }
        try fixture.setDay("2027-01-25")
        try fixture.workflow.processDueDelegations()
        #expect(try fixture.moves("handback") == [])
        #expect(try ["R1", "R2", "R3", "R4"].map { try fixture.record($0).assignee } == ["roads_deputy", "roads_deputy", "roads_deputy", "roads_deputy"])
        #expect(try ["R1", "R2", "R3", "R4"].map { try fixture.record($0).state } == [.assigned, .inProgress, .onApproval, .returned])
        #expect(try ["R1", "R2", "R3", "R4"].map { try fixture.record($0).deadline } == deadlines)
        #expect(details(try fixture.audit(action: "absence.finish").first!) == ["login": "roads_specialist", "returned": "0"])
    }

    @Test("every move is audited naming the absence, and the audit chain verifies")
    func auditTrail() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy", returnOpenCases: true))
        try fixture.setDay("2027-01-22")
        try fixture.workflow.processDueDelegations()
        let handovers = try fixture.audit(action: "case.handover")
        #expect(handovers.map(\.object) == ["case:R1", "case:R2", "case:R3"])
        #expect(handovers.allSatisfy { $0.actor == "system" && details($0) == ["absence": "1", "from": "roads_specialist", "to": "roads_deputy"] })
        let handbacks = try fixture.audit(action: "case.handback")
        #expect(handbacks.map(\.object) == ["case:R1", "case:R2"])
        #expect(handbacks.allSatisfy { details($0) == ["absence": "1", "from": "roads_deputy", "to": "roads_specialist"] })
        #expect(details(try fixture.audit(action: "absence.add").first!) == [
            "login": "roads_specialist", "from": "2027-01-11", "until": "2027-01-20", "reason": "vacation", "substitute": "roads_deputy",
        ])
        #expect(details(try fixture.audit(action: "absence.start").first!) == ["login": "roads_specialist", "moved": "3"])
        #expect(details(try fixture.audit(action: "absence.finish").first!) == ["login": "roads_specialist", "returned": "2"])
        #expect(try fixture.events("R1").filter { $0.action == "handback" }.first?.comment == "возвращено после отсутствия #1")
        let verification = try fixture.verifyAudit()
        #expect(verification.firstBreak == nil)
        #expect(verification.entries == (try fixture.allAudit().count))
    }

    @Test("report responsibility shows who held the case each day and for whom")
    func responsibility() throws {
        let fixture = try DelegationFixture()
        try fixture.roadsCases()
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy", returnOpenCases: true))
        try fixture.setDay("2027-01-11")
        try fixture.workflow.processDueDelegations()
        try fixture.setDay("2027-01-21")
        try fixture.workflow.processDueDelegations()
        let days = try fixture.workflow.responsibility("R1", until: day("2027-01-22"), by: try fixture.account("head"))
        #expect(days.count == 18)
        #expect(days.first?.day == "2027-01-05")
        for entry in days {
            let date = day(entry.day)
            if date < day("2027-01-11") || date > day("2027-01-20") {
                #expect(entry.responsible == "roads_specialist", "\(entry.day)")
                #expect(entry.actingFor == nil, "\(entry.day)")
            } else {
                #expect(entry.responsible == "roads_deputy", "\(entry.day)")
                #expect(entry.actingFor == "roads_specialist", "\(entry.day)")
            }
            #expect(entry.state == "assigned")
        }
        #expect(failure { _ = try fixture.workflow.responsibility("R1", until: day("2027-01-22"), by: try fixture.account("roads_deputy")) }?.hasPrefix("not allowed to report") == true)
    }

    @Test("a coordinator's reassignment during the absence ends the substitution for that case")
    func reassignDuringAbsence() throws {
        let fixture = try DelegationFixture(extraPolicy: reservePolicy + "\ngrant manager to roads_specialist on roads\n")
        try fixture.importCases([("R1", "roads.potholes")], date: "2027-01-05")
        try fixture.add(fixture.request("roads_specialist", from: "2027-01-11", until: "2027-01-20", substitute: "roads_deputy", returnOpenCases: true))
        try fixture.setDay("2027-01-11")
        try fixture.workflow.processDueDelegations()
        #expect(try fixture.record("R1").originalAssignee == "roads_specialist")
        let reassigned = try fixture.perform(.reassign, "R1", by: "head", to: "roads_reserve")
        #expect(reassigned.assignee == "roads_reserve")
        #expect(try fixture.events("R1").last?.actingFor == nil)
        // roads_reserve holds it in their own right, not for the absentee.
        #expect(reassigned.originalAssignee == nil)
        let drafted = try fixture.perform(.draft, "R1", by: "roads_reserve", text: "Ответ")
        #expect(drafted.draftedFor == nil)
        // The returning executor does not take back a case the coordinator gave to someone else.
        try fixture.setDay("2027-01-21")
        try fixture.workflow.processDueDelegations()
        #expect(try fixture.moves("handback") == [])
        #expect(try fixture.record("R1").assignee == "roads_reserve")
        try fixture.perform(.submit, "R1", by: "roads_reserve")
        #expect(try fixture.perform(.approve, "R1", by: "roads_specialist").state == .answered)
    }
}
