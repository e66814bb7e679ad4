import Foundation
import LKOCompiler
import LKOStore
import LKOWorkflow
import Testing

/// The real policy plus: an executor who is also a manager, a curator who is also an executor, and
/// a manager who may draft and submit (role `editor`).
let dualRolePolicyText = """
grant manager to improvement_specialist on improvement
grant executor to ookr_curator on improvement

role editor "Редактор" {
  allow view, draft, submit on granted
}
grant editor to deputy_housing on improvement
"""

@Suite("Separation of duties")
struct SeparationOfDutiesTests {
    func dualRoleFixture(resolver: (any AssigneeResolver)? = nil) throws -> (Fixture, URL) {
        let policy = try policyVariant(extra: dualRolePolicyText)
        let fixture = try Fixture(policy: policy, resolver: resolver)
        // The variant really gives the second roles.
        let node = try #require(fixture.policy.nodeIndex("improvement.yards"))
        #expect(fixture.policy.decide(login: "improvement_specialist", action: .approve, node: node, assignee: "improvement_specialist", on: fixture.workflow.today))
        #expect(fixture.policy.isExecutor("ookr_curator", node: node, on: fixture.workflow.today))
        #expect(fixture.policy.decide(login: "deputy_housing", action: .submit, node: node, assignee: "improvement_specialist", on: fixture.workflow.today))
        return (fixture, policy)
    }

    func expectSoD(_ fixture: Fixture, _ pos: String, by login: String, sourceLine: SourceLocation = #_sourceLocation) throws {
        for action in [CaseAction.approve, .return] {
            let outcome = fixture.attempt(action, pos, by: login, text: action == .return ? "Доработать" : nil)
            #expect(outcome == .deniedBySeparationOfDuties, "\(login) \(action) \(pos)", sourceLocation: sourceLine)
            let entry = try fixture.lastAudit()
            #expect(entry.action == "denied", sourceLocation: sourceLine)
            #expect(entry.actor == login, sourceLocation: sourceLine)
            #expect(details(entry) == ["action": action.rawValue, "reason": "separation_of_duties"], sourceLocation: sourceLine)
            #expect(try fixture.record(pos).state == .onApproval, sourceLocation: sourceLine)
        }
    }

    @Test("the drafter holding Руководитель cannot approve or return; another approver can")
    func drafterWhoIsManager() throws {
        let (fixture, policy) = try dualRoleFixture()
        defer { try? FileManager.default.removeItem(at: policy) }
        try fixture.importLines([caseLine("SD1", subcategory: "improvement.yards", regime: "appeal")])
        #expect(try fixture.record("SD1").assignee == "improvement_specialist")
        try fixture.perform(.draft, "SD1", by: "improvement_specialist", text: "Ответ")
        try fixture.perform(.submit, "SD1", by: "improvement_specialist")
        try expectSoD(fixture, "SD1", by: "improvement_specialist")
        let approved = try fixture.perform(.approve, "SD1", by: "deputy_housing")
        #expect(approved.state == .answered)
        #expect(try fixture.events("SD1").last?.comment == "ответ направлен заявителю автоматически")
    }

    @Test("a curator cannot approve an answer they drafted; another curator can")
    func curatorOwnDraft() throws {
        let (fixture, policy) = try dualRoleFixture()
        defer { try? FileManager.default.removeItem(at: policy) }
        try fixture.importLines([caseLine("SD2", subcategory: "improvement.yards", regime: "appeal")])
        try fixture.perform(.reassign, "SD2", by: "head", to: "ookr_curator")
        try fixture.perform(.draft, "SD2", by: "ookr_curator", text: "Ответ куратора")
        try fixture.perform(.submit, "SD2", by: "ookr_curator")
        try expectSoD(fixture, "SD2", by: "ookr_curator")
        #expect(try fixture.perform(.return, "SD2", by: "ookr_specialist", text: "Уточнить адрес").state == .returned)
        // After the return the drafter drafts again; still theirs, still not theirs to approve.
        try fixture.perform(.draft, "SD2", by: "ookr_curator", text: "Ответ куратора, уточнённый")
        try fixture.perform(.submit, "SD2", by: "ookr_curator")
        try expectSoD(fixture, "SD2", by: "ookr_curator")
        #expect(try fixture.perform(.approve, "SD2", by: "ookr_specialist").state == .answered)
    }

    @Test("the submitter cannot approve or return, nor can the drafter; a third person can")
    func submitterDistinctFromDrafter() throws {
        let (fixture, policy) = try dualRoleFixture()
        defer { try? FileManager.default.removeItem(at: policy) }
        try fixture.importLines([caseLine("SD3", subcategory: "improvement.yards", regime: "appeal")])
        try fixture.perform(.draft, "SD3", by: "improvement_specialist", text: "Ответ")
        try fixture.perform(.submit, "SD3", by: "deputy_housing")
        let record = try fixture.record("SD3")
        #expect(record.draftedBy == "improvement_specialist")
        #expect(record.submittedBy == "deputy_housing")
        try expectSoD(fixture, "SD3", by: "deputy_housing")
        try expectSoD(fixture, "SD3", by: "improvement_specialist")
        #expect(try fixture.perform(.approve, "SD3", by: "ookr_curator").state == .answered)
    }

    @Test("whoever returned an answer may approve the next version")
    func returnerMayApproveLater() throws {
        let fixture = try Fixture()
        try fixture.importLines([caseLine("SD4", subcategory: "improvement.yards", regime: "appeal")])
        try fixture.perform(.draft, "SD4", by: "improvement_specialist", text: "Ответ")
        try fixture.perform(.submit, "SD4", by: "improvement_specialist")
        #expect(fixture.attempt(.return, "SD4", by: "deputy_housing") == .invalid(code: "comment_required", message: "`return` needs the reason for revision: --comment \"…\"."))
        #expect(fixture.attempt(.return, "SD4", by: "deputy_housing", text: "   ") == .invalid(code: "comment_required", message: "`return` needs the reason for revision: --comment \"…\"."))
        try fixture.perform(.return, "SD4", by: "deputy_housing", text: "Не указан срок")
        #expect(try fixture.events("SD4").last?.comment == "Не указан срок")
        try fixture.perform(.draft, "SD4", by: "improvement_specialist", text: "Ответ со сроком")
        try fixture.perform(.submit, "SD4", by: "improvement_specialist")
        #expect(try fixture.perform(.approve, "SD4", by: "deputy_housing").state == .answered)
    }

    @Test("an answer a substitute drafted for an absent executor cannot be approved by that executor")
    func draftedForAbsentExecutor() throws {
        let (fixture, policy) = try dualRoleFixture(resolver: SubstituteResolver(absent: "improvement_specialist", substitute: "lukovnikovo_territorial"))
        defer { try? FileManager.default.removeItem(at: policy) }
        try fixture.importLines([caseLine("SD5", subcategory: "improvement.yards", regime: "appeal")])
        let routed = try fixture.record("SD5")
        #expect(routed.assignee == "lukovnikovo_territorial")
        #expect(routed.originalAssignee == "improvement_specialist")
        try fixture.perform(.draft, "SD5", by: "lukovnikovo_territorial", text: "Ответ замещающего")
        #expect(try fixture.record("SD5").draftedFor == "improvement_specialist")
        try fixture.perform(.submit, "SD5", by: "lukovnikovo_territorial")
        try expectSoD(fixture, "SD5", by: "improvement_specialist")
        #expect(try fixture.perform(.approve, "SD5", by: "deputy_housing").state == .answered)
    }
}
