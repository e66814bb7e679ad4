import Foundation
import GRDB
import LKOCompiler
import LKOStore
import LKOWorkflow
import Testing

/// The lifecycle table of `docs/workflow.md`, written out by hand: action → (from states, to state;
/// nil = unchanged).
let documentedTransitions: [CaseAction: (from: Set<CaseState>, to: CaseState?)] = [
    .moderate: ([.moderation], .received),
    .reject: ([.moderation], .rejected),
    .assign: ([.received], .assigned),
    .reassign: ([.assigned, .inProgress, .returned], .assigned),
    .draft: ([.assigned, .inProgress, .returned], .inProgress),
    .submit: ([.inProgress], .onApproval),
    .approve: ([.onApproval], .answered),
    .return: ([.onApproval], .returned),
    .redirect: ([.received, .assigned, .inProgress, .returned], .redirected),
    .extend: ([.received, .assigned, .inProgress, .onApproval, .returned], nil),
    .reopen: ([.answered], .received),
    .reclassify: ([.received, .assigned, .inProgress, .returned], .received),
]

@Suite("Transition table")
struct TransitionTableTests {
    @Test("the code's table is exactly the documented one")
    func tableMatchesDocs() {
        #expect(Set(TransitionTable.transitions.keys) == Set(CaseAction.allCases))
        for action in CaseAction.allCases {
            let documented = documentedTransitions[action]!
            #expect(TransitionTable.transitions[action]?.from == documented.from, "from-states of \(action)")
            #expect(TransitionTable.transitions[action]?.to == documented.to, "target of \(action)")
            for state in CaseState.allCases {
                #expect(TransitionTable.allows(action, from: state) == documented.from.contains(state), "\(action) from \(state)")
            }
        }
        #expect(TransitionTable.actions(from: .onApproval) == [.approve, .return, .extend])
        #expect(TransitionTable.actions(from: .rejected).isEmpty)
        #expect(TransitionTable.actions(from: .redirected).isEmpty)
    }

    @Test("policy permission of each action")
    func permissions() {
        let expected: [CaseAction: Action?] = [
            .moderate: nil, .reject: nil, .assign: .assign, .reassign: .reassign, .draft: .draft, .submit: .submit,
            .approve: .approve, .return: .return, .redirect: .redirect, .extend: .extend, .reopen: .assign, .reclassify: .assign,
        ]
        for action in CaseAction.allCases {
            #expect(action.permission == expected[action]!, "\(action)")
        }
    }

    @Test("platform events cannot be performed by people", arguments: [CaseAction.moderate, .reject])
    func platformEvents(action: CaseAction) throws {
        let fixture = try Fixture(logins: ["head"])
        try fixture.store.write { db in try fixture.insertCase("P-1", node: "other.other", state: .moderation, in: db) }
        let before = try fixture.auditCount()
        let outcome = fixture.attempt(action, "P-1", by: "head")
        guard case .invalid(let code, let message) = outcome else {
            Issue.record("expected invalid, got \(outcome)")
            return
        }
        #expect(code == "platform_event")
        #expect(message.contains("platform event"))
        #expect(try fixture.record("P-1").state == .moderation)
        #expect(try fixture.auditCount() == before)
    }

    @Test("an unknown case is reported, nothing written")
    func unknownCase() throws {
        let fixture = try Fixture(logins: ["head"])
        let before = try fixture.auditCount()
        #expect(throws: WorkflowError.unknownCase("404")) {
            try fixture.perform(.assign, "404", by: "head", to: "head")
        }
        #expect(try fixture.auditCount() == before)
    }
}

/// One arrangement of a case for the grid: where it is, whose it is, who wrote its answer.
struct GridScenario: CustomStringConvertible {
    var name: String
    var node: String
    var assignee: String
    var assignTarget: String
    var reassignTarget: String
    var draftedBy: String
    var submittedBy: String
    var draftedFor: String?
    /// Allowed cells per representative login, counted by hand from the policy's roles.
    var allowedByHand: [String: Int]

    var description: String { name }
}

/// Representative logins, one per role of `Policies/`.
let representatives: [(role: String, login: String)] = [
    ("coordinator", "head"), ("executor", "improvement_specialist"), ("manager", "deputy_housing"),
    ("curator", "ookr_curator"), ("admin", "finance_sysadmin"),
]

let gridScenarios: [GridScenario] = [
    GridScenario(
        name: "A: improvement.yards, the executor's own case", node: "improvement.yards", assignee: "improvement_specialist",
        assignTarget: "improvement_specialist", reassignTarget: "lukovnikovo_territorial",
        draftedBy: "improvement_specialist", submittedBy: "improvement_specialist", draftedFor: nil,
        // head: assign 1 + reopen 1 + reassign 3 + redirect 4 + extend 5; executor: draft 3 + submit 1;
        // manager: approve 1 + return 1 + extend 5; curator: approve 1 + return 1.
        allowedByHand: ["head": 14, "improvement_specialist": 4, "deputy_housing": 7, "ookr_curator": 2, "finance_sysadmin": 0]
    ),
    GridScenario(
        name: "B: improvement.yards, another executor's case", node: "improvement.yards", assignee: "lukovnikovo_territorial",
        assignTarget: "improvement_specialist", reassignTarget: "improvement_specialist",
        draftedBy: "lukovnikovo_territorial", submittedBy: "lukovnikovo_territorial", draftedFor: nil,
        allowedByHand: ["head": 14, "improvement_specialist": 0, "deputy_housing": 7, "ookr_curator": 2, "finance_sysadmin": 0]
    ),
    GridScenario(
        name: "C: transport.routes, outside the manager's and the executor's grants", node: "transport.routes", assignee: "transport_specialist",
        assignTarget: "transport_specialist", reassignTarget: "improvement_specialist",
        draftedBy: "transport_specialist", submittedBy: "transport_specialist", draftedFor: nil,
        // reassign to a non-executor of transport is refused: head loses the 3 reassign cells.
        allowedByHand: ["head": 11, "improvement_specialist": 0, "deputy_housing": 0, "ookr_curator": 2, "finance_sysadmin": 0]
    ),
    GridScenario(
        name: "D: improvement.yards, answer recorded as submitted by the curator and drafted for the manager", node: "improvement.yards",
        assignee: "improvement_specialist", assignTarget: "improvement_specialist", reassignTarget: "lukovnikovo_territorial",
        draftedBy: "improvement_specialist", submittedBy: "ookr_curator", draftedFor: "deputy_housing",
        // separation of duties removes the manager's and the curator's approve/return.
        allowedByHand: ["head": 14, "improvement_specialist": 4, "deputy_housing": 5, "ookr_curator": 0, "finance_sysadmin": 0]
    ),
]

/// The case as set up for a state (assignee and answer fields follow the state).
struct GridSetup {
    var assignee: String?
    var answer: String?
    var draftedBy: String?
    var submittedBy: String?
    var draftedFor: String?

    init(_ scenario: GridScenario, _ state: CaseState) {
        switch state {
        case .moderation, .rejected, .received:
            break
        case .assigned, .redirected:
            assignee = scenario.assignee
        case .inProgress:
            assignee = scenario.assignee
            answer = "Проект ответа"
            draftedBy = scenario.draftedBy
            draftedFor = scenario.draftedFor
        case .onApproval, .returned, .answered:
            assignee = scenario.assignee
            answer = "Проект ответа"
            draftedBy = scenario.draftedBy
            submittedBy = scenario.submittedBy
            draftedFor = scenario.draftedFor
        }
    }
}

@Suite("Exhaustive gate grid")
struct TransitionGridTests {
    // `reclassify` needs a second node and re-routes; Issue12RecordTests covers it.
    static let gridActions = CaseAction.allCases.filter { $0.permission != nil && $0 != .reclassify }

    @Test("every role × every action × every state, for every scenario", arguments: gridScenarios.indices)
    func grid(scenarioIndex: Int) throws {
        let scenario = gridScenarios[scenarioIndex]
        let fixture = try Fixture()
        let policy = fixture.policy
        let today = fixture.workflow.today
        #expect(today.description == "2026-03-02")
        // The representatives really hold the roles they stand for.
        for (role, login) in representatives {
            #expect(policy.tables.grants.contains { $0.login == login && $0.role == role }, "\(login) holds \(role)")
        }
        #expect(Set(representatives.map(\.role)) == Set(policy.tables.roles.map(\.id)), "one representative per role of the policy")
        #expect(Self.gridActions.count == 9)
        let node = try #require(policy.nodeIndex(scenario.node))

        func pos(_ login: String, _ action: CaseAction, _ state: CaseState) -> String {
            "G\(scenarioIndex)-\(login)-\(action.rawValue)-\(state.rawValue)"
        }
        try fixture.store.write { db in
            for (_, login) in representatives {
                for action in Self.gridActions {
                    for state in CaseState.allCases {
                        let setup = GridSetup(scenario, state)
                        try fixture.insertCase(
                            pos(login, action, state), node: scenario.node, regime: .appeal, state: state, assignee: setup.assignee,
                            moderationOn: "2026-03-02", term: 30, deadline: "2026-04-01", answer: setup.answer,
                            draftedBy: setup.draftedBy, submittedBy: setup.submittedBy, draftedFor: setup.draftedFor,
                            redirectedTo: state == .redirected ? "Министерство" : nil, in: db
                        )
                    }
                }
            }
        }

        var checked = 0
        var allowedCount: [String: Int] = [:]
        for (_, login) in representatives {
            for action in Self.gridActions {
                for state in CaseState.allCases {
                    let number = pos(login, action, state)
                    let setup = GridSetup(scenario, state)
                    // Expected, from the compiled tables, the documented transition table and SoD.
                    let permitted = policy.decide(login: login, action: action.permission!, node: node, assignee: setup.assignee, on: today)
                    let stateAllows = documentedTransitions[action]!.from.contains(state)
                    #expect(stateAllows == TransitionTable.allows(action, from: state))
                    let sod = (action == .approve || action == .return)
                        && [setup.draftedBy, setup.submittedBy, setup.draftedFor].contains(login)
                    var expected: GateOutcome
                    if !permitted {
                        expected = .deniedByPolicy
                    } else if !stateAllows {
                        expected = .deniedByState
                    } else if sod {
                        expected = .deniedBySeparationOfDuties
                    } else if action == .assign || action == .reassign {
                        let target = action == .assign ? scenario.assignTarget : scenario.reassignTarget
                        expected = policy.isExecutor(target, node: node, on: today) ? .allowed : .deniedNotExecutor
                    } else {
                        expected = .allowed
                    }

                    let target: String? = switch action {
                    case .assign: scenario.assignTarget
                    case .reassign: scenario.reassignTarget
                    case .redirect: "Министерство транспорта Тверской области"
                    default: nil
                    }
                    let text: String? = switch action {
                    case .draft: "Ответ: яма будет заделана до 15 марта"
                    case .return: "Ответ не охватывает все вопросы"
                    case .extend: "Нужна выездная проверка"
                    default: nil
                    }
                    let eventsBefore = try fixture.events(number)
                    let auditBefore = try fixture.auditCount()
                    let outcome = fixture.attempt(action, number, by: login, to: target, text: text, days: action == .extend ? 10 : nil)
                    checked += 1
                    #expect(outcome == expected, "\(scenario.name): \(login) \(action) from \(state)")
                    let after = try fixture.record(number)
                    let eventsAfter = try fixture.events(number)
                    let entry = try fixture.lastAudit()
                    #expect(try fixture.auditCount() == auditBefore + 1, "\(number): exactly one audit entry")
                    #expect(entry.actor == login)
                    #expect(entry.object == "case:\(number)")
                    if outcome == .allowed {
                        allowedCount[login, default: 0] += 1
                        let to = documentedTransitions[action]!.to ?? state
                        #expect(after.state == to, "\(number) ends in \(to)")
                        #expect(eventsAfter.count == eventsBefore.count + 1, "\(number): one history line")
                        if let event = eventsAfter.last {
                            #expect(event.actor == login)
                            #expect(event.action == action.rawValue)
                            #expect(event.fromState == state.rawValue)
                            #expect(event.toState == to.rawValue)
                            #expect(event.onDay == "2026-03-02")
                            #expect(event.at == "2026-03-02T06:00:00Z")
                            #expect(event.assigneeBefore == setup.assignee)
                            #expect(event.assigneeAfter == after.assignee)
                        }
                        #expect(entry.action == "case.\(action.rawValue)")
                        var expectedDetails = ["from": state.rawValue, "to": to.rawValue, "assignee": after.assignee ?? ""]
                        if action == .redirect { expectedDetails["kind"] = "other_body" }
                        #expect(details(entry) == expectedDetails)
                        switch action {
                        case .assign: #expect(after.assignee == scenario.assignTarget)
                        case .reassign: #expect(after.assignee == scenario.reassignTarget)
                        case .draft:
                            #expect(after.answer == text)
                            #expect(after.draftedBy == login)
                        case .submit: #expect(after.submittedBy == login)
                        case .redirect: #expect(after.redirectedTo == target)
                        case .extend:
                            #expect(after.extensionDays == 10)
                            #expect(after.extensionReason == text)
                            // entry 2026-03-02 + 40 days = 2026-04-11 (Sat) → Fri 2026-04-10.
                            #expect(after.deadline == "2026-04-10")
                        case .reopen:
                            #expect(after.assignee == nil)
                            #expect(after.answer == nil)
                            #expect(after.draftedBy == nil)
                            #expect(after.submittedBy == nil)
                        case .approve, .return, .moderate, .reject, .reclassify: break
                        }
                    } else {
                        #expect(after.state == state, "\(number) unchanged")
                        #expect(after.assignee == setup.assignee)
                        #expect(after.answer == setup.answer)
                        #expect(eventsAfter == eventsBefore, "\(number): no history line for a denial")
                        #expect(entry.action == "denied")
                        let reason = details(entry)["reason"]
                        #expect(details(entry)["action"] == action.rawValue)
                        switch outcome {
                        case .deniedByPolicy:
                            let explanation = policy.explain(login: login, action: action.permission!, node: node, assignee: setup.assignee, on: today)
                            #expect(reason == explanation.denial?.reason.code)
                        case .deniedByState: #expect(reason == "state \(state.rawValue)")
                        case .deniedBySeparationOfDuties: #expect(reason == "separation_of_duties")
                        case .deniedNotExecutor: #expect(reason == "not_executor")
                        default: Issue.record("\(number): unexpected \(outcome)")
                        }
                    }
                }
            }
        }
        #expect(checked == representatives.count * Self.gridActions.count * CaseState.allCases.count)
        #expect(checked == 405)
        for (_, login) in representatives {
            #expect(allowedCount[login, default: 0] == scenario.allowedByHand[login], "\(scenario.name): allowed cells of \(login)")
        }
        let verification = try fixture.verifyAudit()
        #expect(verification.firstBreak == nil)
    }
}

@Suite("The gate checks the account itself")
struct AccountGateTests {
    @Test("an account disabled after it was looked up can no longer act")
    func disabledActor() throws {
        let fixture = try Fixture()
        try fixture.importLines([caseLine("AG1", subcategory: "other.other", regime: "appeal")])
        let head = try fixture.account("head")
        try fixture.store.setStatus("head", to: .disabled, by: fixture.admin)
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.perform(.assign, on: "AG1", by: head, input: .init(target: "general_specialist"))
        }
        #expect(try fixture.record("AG1").state == .received)
        let entry = try fixture.lastAudit()
        #expect(entry.action == "denied")
        #expect(entry.actor == "head")
        #expect(details(entry) == ["action": "assign", "reason": "account_disabled"])
        try fixture.store.setStatus("head", to: .active, by: fixture.admin)
        #expect(try fixture.workflow.perform(.assign, on: "AG1", by: head, input: .init(target: "general_specialist")).state == .assigned)
    }

    /// Five wrong guesses by anyone lock the login, not the work of a session that proved the
    /// password before the lock (otherwise anyone could stop a colleague's work at will).
    @Test("a lockout stops password checks, not a session's work")
    func lockedActor() throws {
        let fixture = try Fixture()
        try fixture.importLines([caseLine("AG2", subcategory: "other.other", regime: "appeal")])
        let head = try fixture.account("head")
        try fixture.store.write { db in
            try db.execute(sql: "UPDATE accounts SET locked_until = '2026-03-02T06:15:00Z' WHERE login = 'head'")
        }
        #expect(try fixture.workflow.perform(.assign, on: "AG2", by: head, input: .init(target: "general_specialist")).assignee == "general_specialist")
    }
}
