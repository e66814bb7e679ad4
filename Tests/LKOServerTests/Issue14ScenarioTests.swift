import Foundation
import Hummingbird
import HummingbirdTesting
import LKOAccounts
import LKOApplication
import LKOServer
import LKOStore
import Testing

/// Issue 14: a vacation and an approver's sick leave set up by the administrator with no policy
/// change — the shipped policy declares who may stand in for whom (`substitute … for …` in
/// Policies/grants.lko) — cases handed over and back, `explain` and the access review showing
/// the derived rights, separation of duties still holding; and the three access routes.
@Suite struct Issue14ScenarioTests {
    static func addSubstitutes(_ fixture: ServerFixture) throws {
        let admin = try fixture.store.user("finance_sysadmin", by: fixture.caller("finance_sysadmin").account)
        for (login, name) in [("roads_deputy", "Смирнов Олег Игоревич"), ("deputy_social", "Белова Ирина Викторовна")] {
            try fixture.store.addUser(by: admin, NewAccount(login: login, fullName: name), password: testPassword, hasher: cheapHasher)
        }
    }

    /// 09:00 Moscow time of `date`.
    static func morning(_ date: String) -> Date { StoreClock.parse("\(date)T06:00:00Z")! }

    @Test func vacationAndSickLeaveWithoutAPolicyChange() throws {
        let fixture = try ServerFixture()
        try Self.addSubstitutes(fixture)
        let service = fixture.service
        let admin = try fixture.caller("finance_sysadmin")
        let version = try #require(try fixture.store.activePolicy()).version
        // roads_deputy holds no grant in March 2026 (the shipped dated grant is for 2027): only
        // the eligibility can make them roads_specialist's substitute.
        let before = try service.whoCan(admin, action: "draft", node: "roads.potholes", at: nil)
        #expect(before.map(\.login) == ["roads_specialist"])

        // The administrator records a vacation and an approver's open-ended sick leave.
        let vacation = try service.addAbsence(admin, AbsenceInput(login: "roads_specialist", from: "2026-03-10", until: "2026-03-20", reason: "vacation", substitute: "roads_deputy", returnOpenCases: true))
        #expect(vacation.moves.map(\.posNumber) == ["DEMO-0001"])
        #expect(vacation.moves.map(\.to) == ["roads_deputy"])
        _ = try service.addAbsence(admin, AbsenceInput(login: "deputy_housing", from: "2026-03-11", until: nil, reason: "sick", substitute: "deputy_social"))
        #expect(try fixture.store.activePolicy()?.version == version, "no policy change")

        // The review before the absences start already lists the rights they will give.
        let review = try service.accessReview(admin)
        let deputy = try #require(review.people.first { $0.login == "roads_deputy" })
        #expect(deputy.rights.contains { $0.kind == "absence" && $0.action == "draft" && $0.from == "2026-03-10" && $0.until == "2026-03-20" && $0.source.hasPrefix("via absence #1 of roads_specialist, eligibility at ") && $0.source.contains("grants.lko:") })
        let social = try #require(review.people.first { $0.login == "deputy_social" })
        #expect(social.rights.contains { $0.kind == "absence" && $0.action == "approve" && $0.nodes.contains("roads") && $0.until == nil })
        #expect(!social.rights.contains { $0.kind == "absence" && $0.action == "draft" }, "an approver's substitute gets the approver's scope, not an executor's")

        // The vacation starts: the case is handed over to the substitute.
        fixture.clock.set(to: Self.morning("2026-03-10"))
        _ = try service.catchUpDelegationMoves()
        let deputyCaller = try fixture.caller("roads_deputy")
        var detail = try service.caseDetail(deputyCaller, number: "DEMO-0001")
        #expect(detail.summary.assignee == "roads_deputy")
        // The console and refusals offer what the substitute may do (derived rights count).
        #expect(detail.actions.map(\.action).contains("draft"))
        #expect(try service.cases(deputyCaller, query: CaseQuery(view: .mine)).items.map(\.posNumber) == ["DEMO-0001"])
        let explained = try service.explain(admin, login: "roads_deputy", action: "draft", subcategory: "roads.potholes.carriageway", assignee: "roads_deputy", at: nil)
        #expect(explained.allowed)
        // The API explains in Russian (issue 16): the absence and the eligibility it rests on.
        #expect(explained.lines.contains { $0.contains("отсутствие №1 сотрудника roads_specialist (10.03.2026 – 20.03.2026)") && $0.contains("grants.lko:") }, "\(explained.lines)")
        detail = try service.perform(deputyCaller, action: "draft", number: "DEMO-0001", request: ActionRequest(text: "Яма заделана 12 марта."))
        detail = try service.perform(deputyCaller, action: "submit", number: "DEMO-0001", request: ActionRequest())
        #expect(detail.summary.state == "on_approval")
        let drafted = try fixture.store.read { db in try AuditLog.entries(db, filter: AuditLog.Filter(actor: "roads_deputy", object: "case:DEMO-0001")) }
        #expect(drafted.map(\.action) == ["case.draft", "case.submit"])
        #expect(drafted.allSatisfy { $0.details.contains("via absence #1 of roads_specialist") })

        // The approver is sick: deputy_social approves in deputy_housing's stead, audited so.
        fixture.clock.set(to: Self.morning("2026-03-12"))
        _ = try service.catchUpDelegationMoves()
        let socialCaller = try fixture.caller("deputy_social")
        let approvals = try service.cases(socialCaller, query: CaseQuery(view: .approval)).items.map(\.posNumber)
        #expect(approvals == ["DEMO-0001"])
        // Separation of duties still holds: the substitute who drafted cannot approve (and holds
        // no approval right anyway); deputy_housing is away but the substitute approver is not.
        #expect(throws: (any Error).self) { try service.perform(deputyCaller, action: "approve", number: "DEMO-0001", request: ActionRequest()) }
        detail = try service.perform(socialCaller, action: "approve", number: "DEMO-0001", request: ActionRequest())
        #expect(detail.summary.state == "answered")
        let approved = try fixture.store.read { db in try AuditLog.entries(db, filter: AuditLog.Filter(actor: "deputy_social", object: "case:DEMO-0001")) }
        #expect(approved.last?.action == "case.approve")
        #expect(approved.last?.details.contains("via absence #2 of deputy_housing") == true)

        // The vacation ends; the substitute's rights end with it.
        fixture.clock.set(to: Self.morning("2026-03-21"))
        _ = try service.catchUpDelegationMoves()
        let after = try service.whoCan(admin, action: "draft", node: "roads.potholes", at: nil)
        #expect(after.map(\.login) == ["roads_specialist"])
        let deputyAccess = try service.userAccess(admin, login: "roads_deputy", at: nil)
        #expect(deputyAccess.derived.isEmpty)
        #expect(try fixture.store.read { db in try AuditLog.verify(db) }.firstBreak == nil)
    }

    @Test func casesGoBackWhenTheVacationEnds() throws {
        let fixture = try ServerFixture()
        try Self.addSubstitutes(fixture)
        let service = fixture.service
        let admin = try fixture.caller("finance_sysadmin")
        _ = try service.addAbsence(admin, AbsenceInput(login: "roads_specialist", from: "2026-03-10", until: "2026-03-20", reason: "vacation", substitute: "roads_deputy", returnOpenCases: true))
        fixture.clock.set(to: Self.morning("2026-03-10"))
        _ = try service.catchUpDelegationMoves()
        #expect(try service.caseDetail(try fixture.caller("head"), number: "DEMO-0001").summary.assignee == "roads_deputy")
        fixture.clock.set(to: Self.morning("2026-03-23"))
        _ = try service.catchUpDelegationMoves()
        let back = try service.caseDetail(try fixture.caller("head"), number: "DEMO-0001")
        #expect(back.summary.assignee == "roads_specialist")
        #expect(back.history.map(\.action).suffix(2) == ["handover", "handback"])
        // The substitute no longer sees the case.
        #expect(throws: (any Error).self) { try service.caseDetail(try fixture.caller("roads_deputy"), number: "DEMO-0001") }
    }

    // MARK: The API routes

    @Test func theAccessRoutes() async throws {
        try await withAPI { client, fixture in
            try Self.addSubstitutes(fixture)
            _ = try fixture.service.addAbsence(try fixture.caller("finance_sysadmin"), AbsenceInput(login: "roads_specialist", from: "2026-03-10", until: "2026-03-20", reason: "vacation", substitute: "roads_deputy"))
            let people = try await tokens(client, "finance_sysadmin", "ookr_curator", "head", "roads_specialist")

            let review = try await send(client, .get, "/api/v1/access/review?at=12.03.2026", token: people["ookr_curator"]!)
            #expect(review.status == .ok, "\(review)")
            let object = try review.object()
            #expect(Set(object.keys) == ["day", "policy_version", "people", "changes"])
            #expect(object["day"] as? String == "2026-03-12")
            let reviewed = try #require(object["people"] as? [[String: Any]])
            let deputy = try #require(reviewed.first { $0["login"] as? String == "roads_deputy" })
            #expect(deputy["full_name"] as? String == "Смирнов Олег Игоревич")
            let rights = try #require(deputy["rights"] as? [[String: Any]])
            #expect(rights.contains { $0["kind"] as? String == "absence" && ($0["source"] as? String)?.hasPrefix("via absence #1 of roads_specialist") == true })

            let who = try await send(client, .get, "/api/v1/access/who-can?action=draft&subcategory=roads.potholes&at=2026-03-12", token: people["finance_sysadmin"]!)
            #expect(who.status == .ok, "\(who)")
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(who.text.utf8)) as? [[String: Any]])
            #expect(entries.compactMap { $0["login"] as? String } == ["roads_deputy", "roads_specialist"])
            #expect(Set(entries[0].keys) == [
                "login", "full_name", "status", "reach", "source", "scope", "nodes", "role", "role_title", "kind", "position", "absence", "absentee", "absentee_name",
            ])
            // Language-neutral values: identifiers and positions; the English `reach`/`source` descriptions stay as they were.
            #expect(entries[0]["scope"] as? String == "assigned and granted")
            #expect(entries[0]["kind"] as? String == "absence")
            #expect(entries[0]["absentee"] as? String == "roads_specialist")
            #expect(entries[0]["reach"] as? String == "cases assigned to them in roads")
            #expect(entries[1]["kind"] as? String == "grant")
            #expect(entries[1]["role_title"] as? String == "Исполнитель")
            #expect(entries[1]["absence"] == nil, "a grant's entry has no absence")

            let access = try await send(client, .get, "/api/v1/users/roads_specialist/access", token: people["finance_sysadmin"]!)
            #expect(access.status == .ok, "\(access)")
            let person = try access.object()
            #expect(person["roles"] as? [String] == ["executor"])
            #expect(person["open_cases"] as? [String] == ["DEMO-0001"])
            #expect((person["absences"] as? [[String: Any]])?.first?["role"] as? String == "away")
            #expect((person["absences"] as? [[String: Any]])?.first?["substitute_name"] as? String == "Смирнов Олег Игоревич")
            #expect((person["grants"] as? [[String: Any]])?.first?["role_title"] as? String == "Исполнитель")
            #expect((person["warnings"] as? [Any])?.isEmpty == true, "an active account with grants: nothing to warn about")
            // Oneself: allowed; someone else without manage_users or view_audit: refused.
            #expect(try await send(client, .get, "/api/v1/users/roads_specialist/access", token: people["roads_specialist"]!).status == .ok)
            expectError(try await send(client, .get, "/api/v1/users/head/access", token: people["roads_specialist"]!), .forbidden, code: "forbidden")
            expectError(try await send(client, .get, "/api/v1/access/review", token: people["head"]!), .forbidden, code: "forbidden")
            expectError(try await send(client, .get, "/api/v1/access/who-can?action=fly&subcategory=roads", token: people["finance_sysadmin"]!), .badRequest, field: "action")
            expectError(try await send(client, .get, "/api/v1/access/who-can?action=draft", token: people["finance_sysadmin"]!), .badRequest, field: "subcategory")
            expectError(try await send(client, .get, "/api/v1/access/review?at=someday", token: people["finance_sysadmin"]!), .badRequest, field: "at")
        }
    }
}
