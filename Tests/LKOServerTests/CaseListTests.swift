import Foundation
import GRDB
import LKOApplication
import LKOCompiler
import LKOStore
import LKOWorkflow
import Testing

/// The case lists page in SQL through ``VisibilityFilter``; each must hold exactly what the
/// gate's own decision allows, for every person and queue.
@Suite struct CaseListTests {
    @Test func everyListHoldsExactlyWhatThePolicyLetsThePersonSee() throws {
        let fixture = try ServerFixture()
        let service = fixture.service
        let workflow = try service.workflow()
        let policy = workflow.policy
        let day = workflow.today
        // Give the approval queue something, with one answer the approver wrote themselves.
        let executor = try fixture.caller("roads_specialist")
        _ = try service.perform(executor, action: "draft", number: "DEMO-0001", request: ActionRequest(text: "Ответ"))
        _ = try service.perform(executor, action: "submit", number: "DEMO-0001", request: ActionRequest())
        let records = try fixture.store.read { db in try CaseRecord.fetchAll(db, sql: "SELECT * FROM cases") }
        for login in ["finance_sysadmin"] + people.map(\.login) {
            let caller = try fixture.caller(login)
            for view in CaseView.allCases {
                var seen: [String] = []
                var page = 1
                while true {
                    let result = try service.cases(caller, query: CaseQuery(view: view, page: page, perPage: 2))
                    seen += result.items.map(\.posNumber)
                    #expect(result.total == result.total)
                    if page * 2 >= result.total { #expect(seen.count == result.total, "\(login) \(view)"); break }
                    page += 1
                }
                let expected = records.filter { record in
                    let node = policy.nodeIndex(record.node)
                    guard policy.decide(login: login, action: .view, node: node, assignee: record.assignee, on: day) else { return false }
                    switch view {
                    case .mine: return record.assignee == login
                    case .approval:
                        return record.state == .onApproval && policy.decide(login: login, action: .approve, node: node, assignee: record.assignee, on: day)
                            && ![record.draftedBy, record.submittedBy, record.draftedFor].contains(login)
                    case .incoming: return record.state == .received
                    case .overdue: return record.state.isOpen && (record.deadline ?? "9999") < day.description
                    case .all: return true
                    }
                }.map(\.posNumber)
                #expect(Set(seen) == Set(expected), "\(login) \(view): \(seen) vs \(expected)")
            }
        }
        // The executor who wrote the answer never sees it in an approval queue.
        let ownQueue = try service.cases(executor, query: CaseQuery(view: .approval))
        #expect(!ownQueue.items.contains { $0.posNumber == "DEMO-0001" })
    }

    @Test func pagingParametersAreChecked() throws {
        let fixture = try ServerFixture(importDemoCases: false)
        let caller = try fixture.caller("head")
        #expect(throws: AppError.self) { try fixture.service.cases(caller, query: CaseQuery(page: 0)) }
        #expect(throws: AppError.self) { try fixture.service.cases(caller, query: CaseQuery(perPage: 201)) }
    }
}
