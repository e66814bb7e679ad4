import Foundation
import GRDB
import LKOCalendar
import LKOMessages
import LKOStore
import LKOWorkflow
import Testing

@Suite("Reports")
struct ReportTests {
    /// Cases imported on 2026-03-02, reported on Tue 2026-03-10 (Mon 03-09 is a holiday).
    func reportFixture() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.importLines([
            // 02-01 + 30 = Tue 03-03: overdue on 03-10 by 03-04, 03-05, 03-06, 03-10 = 4 working days.
            caseLine("RP-O", subcategory: "other.other", regime: "appeal", date: "2026-02-01"),
            // 03-02 + 10 = Thu 03-12: 2 working days left (03-11, 03-12): at risk.
            caseLine("RP-K1", subcategory: "roads.potholes", date: "2026-03-02"),
            // 03-03 + 10 = Fri 03-13: 3 left, not at risk.
            caseLine("RP-K2", subcategory: "roads.potholes", date: "2026-03-03"),
            // Sat 02-28 + 10 = Tue 03-10: due today, 0 left, at risk but not overdue.
            caseLine("RP-K3", subcategory: "roads.potholes", date: "2026-02-28"),
            // Closed or never opened: not listed.
            caseLine("RP-A", subcategory: "housing.roof", date: "2026-02-01"),
            caseLine("RP-R", subcategory: "roads.potholes", date: "2026-02-01", status: "rejected"),
            caseLine("RP-M", subcategory: "roads.potholes", date: "2026-02-01", status: "moderation"),
            caseLine("RP-D", subcategory: "other.other", date: "2026-02-01"),
        ])
        try fixture.perform(.draft, "RP-A", by: "housing_specialist", text: "Кровля отремонтирована")
        try fixture.perform(.submit, "RP-A", by: "housing_specialist")
        try fixture.perform(.approve, "RP-A", by: "deputy_housing")
        try fixture.perform(.redirect, "RP-D", by: "head", to: "Министерство ЖКХ Тверской области")
        // RP-K2 waits for approval: still open.
        try fixture.perform(.draft, "RP-K2", by: "roads_specialist", text: "Ответ")
        try fixture.perform(.submit, "RP-K2", by: "roads_specialist")
        return fixture
    }

    @Test("daily control: open cases by executor, overdue and at risk")
    func daily() throws {
        let fixture = try reportFixture()
        fixture.setDay("2026-03-10")
        let rows = try fixture.workflow.dailyControl(at: day("2026-03-10"), by: try fixture.account("ookr_curator"))
        #expect(rows.map(\.posNumber) == ["RP-O", "RP-K3", "RP-K1", "RP-K2"])
        #expect(rows.map(\.assignee) == ["coordinator", "roads_specialist", "roads_specialist", "roads_specialist"])
        #expect(rows.map(\.deadline) == ["2026-03-03", "2026-03-10", "2026-03-12", "2026-03-13"])
        #expect(rows.map(\.workingDaysLeft) == [-4, 0, 2, 3])
        #expect(rows.map(\.overdue) == [true, false, false, false])
        #expect(rows.map(\.atRisk) == [false, true, true, false])
        #expect(rows.map(\.state) == ["received", "assigned", "assigned", "on_approval"])
        #expect(rows.first?.stateTitle == "Поступило (Координатор)")

        // The next morning RP-K3 is overdue by one working day.
        let next = try fixture.workflow.dailyControl(at: day("2026-03-11"), by: try fixture.account("head"))
        #expect(next.map(\.posNumber) == ["RP-O", "RP-K3", "RP-K1", "RP-K2"])
        #expect(next.map(\.workingDaysLeft) == [-5, -1, 1, 2])
        #expect(next.map(\.overdue) == [true, true, false, false])
        #expect(next.map(\.atRisk) == [false, false, true, true])
    }

    @Test("overdue only")
    func overdue() throws {
        let fixture = try reportFixture()
        let rows = try fixture.workflow.dailyControl(at: day("2026-03-11"), by: try fixture.account("ookr_curator"), overdueOnly: true)
        #expect(rows.map(\.posNumber) == ["RP-O", "RP-K3"])
        #expect(rows.allSatisfy { $0.overdue })
        // The case list agrees, on the store's today.
        fixture.setDay("2026-03-11")
        let listed = try fixture.workflow.cases(visibleTo: try fixture.account("ookr_curator"), filter: .init(overdueOnly: true))
        #expect(listed.map(\.posNumber) == ["RP-O", "RP-K3"])
    }

    @Test("report needs the policy's report action", arguments: ["roads_specialist", "deputy_housing", "finance_sysadmin"])
    func reportPermission(login: String) throws {
        let fixture = try Fixture()
        let before = try fixture.auditCount()
        #expect {
            try fixture.workflow.dailyControl(at: day("2026-03-02"), by: try fixture.account(login))
        } throws: { error in
            guard case .denied(let action, _)? = error as? WorkflowError else { return false }
            return action == "report"
        }
        #expect(try fixture.auditCount() == before + 1)
        let entry = try fixture.lastAudit()
        #expect(entry.action == "denied")
        #expect(entry.actor == login)
        #expect(entry.object == "report")
        #expect(throws: WorkflowError.self) {
            try fixture.workflow.responsibility("X", until: day("2026-03-02"), by: try fixture.account(login))
        }
    }

    @Test("responsibility per day across routing, reassignment and approval")
    func responsibility() throws {
        let fixture = try Fixture()
        try fixture.importLines([
            caseLine("RS1", subcategory: "improvement.yards", regime: "appeal"),
            caseLine("RS2", subcategory: "social.svo", regime: "appeal"),
        ])
        fixture.setDay("2026-03-03")
        try fixture.perform(.assign, "RS2", by: "head", to: "social_specialist")
        fixture.setDay("2026-03-04")
        try fixture.perform(.reassign, "RS1", by: "head", to: "lukovnikovo_territorial")
        fixture.setDay("2026-03-06")
        try fixture.perform(.draft, "RS1", by: "lukovnikovo_territorial", text: "Ответ")
        try fixture.perform(.submit, "RS1", by: "lukovnikovo_territorial")
        fixture.setDay("2026-03-10")
        try fixture.perform(.approve, "RS1", by: "deputy_housing")

        let curator = try fixture.account("ookr_curator")
        let days = try fixture.workflow.responsibility("RS1", until: day("2026-03-12"), by: curator)
        let expected: [(String, String, String)] = [
            ("2026-03-02", "assigned", "improvement_specialist"),
            ("2026-03-03", "assigned", "improvement_specialist"),
            ("2026-03-04", "assigned", "lukovnikovo_territorial"),
            ("2026-03-05", "assigned", "lukovnikovo_territorial"),
            // On approval the case is in the approvers' queue (issue 12, finding 3): those who may
            // approve it that day and did not write it.
            ("2026-03-06", "on_approval", "deputy_housing, ookr_curator, ookr_specialist"),
            ("2026-03-07", "on_approval", "deputy_housing, ookr_curator, ookr_specialist"),
            ("2026-03-08", "on_approval", "deputy_housing, ookr_curator, ookr_specialist"),
            ("2026-03-09", "on_approval", "deputy_housing, ookr_curator, ookr_specialist"),
            ("2026-03-10", "answered", "lukovnikovo_territorial"),
        ]
        #expect(days.map(\.day) == expected.map(\.0))
        #expect(days.map(\.state) == expected.map(\.1))
        #expect(days.map(\.responsible) == expected.map(\.2))
        #expect(days.allSatisfy { $0.actingFor == nil })

        let svo = try fixture.workflow.responsibility("RS2", until: day("2026-03-04"), by: curator)
        #expect(svo.map(\.day) == ["2026-03-02", "2026-03-03", "2026-03-04"])
        // The coordinator's queue is the Глава's, by name (finding 3).
        #expect(svo.map(\.responsible) == ["head", "social_specialist", "social_specialist"])
        #expect(svo.map(\.state) == ["received", "assigned", "assigned"])
    }

    @Test("responsibility records the absent executor a substitute acted for")
    func responsibilityActingFor() throws {
        let fixture = try Fixture(at: instant("2027-01-20T06:00:00Z"), resolver: SubstituteResolver(absent: "roads_specialist", substitute: "roads_deputy"))
        try fixture.importLines([caseLine("RS3", subcategory: "roads.signs", date: "2027-01-19")])
        let days = try fixture.workflow.responsibility("RS3", until: day("2027-01-21"), by: try fixture.account("head"))
        #expect(days.map(\.day) == ["2027-01-19", "2027-01-20", "2027-01-21"])
        // Imported a day late: the history is dated by the export (moderated and routed on
        // 19.01), so that day is the substitute's too (issue 12, finding 3).
        #expect(days.map(\.responsible) == ["roads_deputy", "roads_deputy", "roads_deputy"])
        #expect(days.map(\.actingFor) == ["roads_specialist", "roads_specialist", "roads_specialist"])
    }
}

@Suite("Audit chain and open-case blocker")
struct AuditAndBlockerTests {
    @Test("the audit chain verifies after full lifecycles, and breaks where it is edited")
    func auditChain() throws {
        let fixture = try Fixture()
        try fixture.importLines([
            caseLine("L1", subcategory: "roads.potholes"),
            caseLine("L2", subcategory: "other.other", regime: "appeal"),
            caseLine("L3", subcategory: "housing.roof", status: "moderation"),
            caseLine("L4", subcategory: "transport.routes", regime: "appeal"),
        ])
        try fixture.perform(.draft, "L1", by: "roads_specialist", text: "Яма заделана")
        try fixture.perform(.submit, "L1", by: "roads_specialist")
        try fixture.perform(.return, "L1", by: "ookr_curator", text: "Приложите фото")
        try fixture.perform(.draft, "L1", by: "roads_specialist", text: "Яма заделана, фото приложено")
        try fixture.perform(.submit, "L1", by: "roads_specialist")
        try fixture.perform(.approve, "L1", by: "deputy_housing")
        try fixture.perform(.reopen, "L1", by: "head", text: "Повторная жалоба")
        try fixture.perform(.assign, "L1", by: "head", to: "roads_specialist")
        try fixture.perform(.assign, "L2", by: "head", to: "general_specialist")
        try fixture.perform(.extend, "L2", by: "head", text: "Запрос документов", days: 15)
        try fixture.perform(.redirect, "L4", by: "head", to: "Министерство транспорта Тверской области")
        fixture.setDay("2026-03-03")
        try fixture.importLines([caseLine("L3", subcategory: "housing.roof", status: "received")])
        #expect(fixture.attempt(.approve, "L2", by: "roads_specialist") == .deniedByPolicy)
        #expect(fixture.attempt(.draft, "L4", by: "head", text: "x") == .deniedByPolicy)

        #expect(try fixture.events("L1").map(\.action) == ["import", "moderate", "route", "draft", "submit", "return", "draft", "submit", "approve", "reopen", "assign"])
        #expect(try fixture.events("L1").map(\.toState) == ["moderation", "received", "assigned", "in_progress", "on_approval", "returned", "in_progress", "on_approval", "answered", "received", "assigned"])
        #expect(try fixture.audit(object: "case:L1").map(\.action) == ["case.draft", "case.submit", "case.return", "case.draft", "case.submit", "case.approve", "case.reopen", "case.assign"])
        #expect(try fixture.record("L3").assignee == "housing_specialist")
        #expect(try fixture.record("L4").state == .redirected)

        let verification = try fixture.verifyAudit()
        #expect(verification.firstBreak == nil)
        #expect(verification.entries == (try fixture.auditCount()))
        #expect(verification.entries > 20)

        // Editing one case entry breaks the chain exactly there.
        let target = try #require(try fixture.audit(object: "case:L1").first { $0.action == "case.approve" })
        try fixture.store.write { db in
            try db.execute(sql: "UPDATE audit SET actor = 'ookr_curator' WHERE seq = ?", arguments: [target.seq])
        }
        let broken = try fixture.verifyAudit()
        #expect(broken.firstBreak?.seq == target.seq)
    }

    @Test("an executor with open cases cannot be removed or disabled; the cases are listed")
    func openCasesBlock() throws {
        let fixture = try Fixture()
        try fixture.importLines([
            caseLine("OC2", subcategory: "roads.potholes"),
            caseLine("OC1", subcategory: "roads.signs", regime: "appeal"),
            caseLine("OC3", subcategory: "roads.condition", status: "moderation"),
        ])
        let expectedBlocker = Message(.blockerOpenCases, ["count": "2", "login": "roads_specialist", "numbers": "OC1, OC2"])
        #expect(try fixture.store.blockers(for: "roads_specialist") == [expectedBlocker])
        #expect(expectedBlocker.render(.en) == "2 open case(s) assigned to roads_specialist: OC1, OC2 — reassign them first (`lko case reassign N --to LOGIN`)")
        #expect(expectedBlocker.render(.ru) == "у roads_specialist открытых сообщений и обращений: 2 (OC1, OC2) — сначала передайте их (`lko case reassign НОМЕР --to ЛОГИН`)")
        #expect(throws: StoreError.blocked(login: "roads_specialist", blockers: [expectedBlocker])) {
            try fixture.store.removeUser("roads_specialist", by: fixture.admin)
        }
        #expect(throws: StoreError.blocked(login: "roads_specialist", blockers: [expectedBlocker])) {
            try fixture.store.setStatus("roads_specialist", to: .disabled, by: fixture.admin)
        }
        #expect(try fixture.account("roads_specialist").status == .active)
        #expect(try fixture.audit(object: "user:roads_specialist").map(\.action) == ["user.add"])
        #expect(try fixture.store.blockers(for: "head") == [])

        // Close one, hand over the other: the account is free to go.
        try fixture.perform(.draft, "OC1", by: "roads_specialist", text: "Ответ")
        try fixture.perform(.submit, "OC1", by: "roads_specialist")
        #expect(try fixture.store.blockers(for: "roads_specialist") == [expectedBlocker])
        try fixture.perform(.approve, "OC1", by: "deputy_housing")
        try fixture.perform(.redirect, "OC2", by: "head", to: "ГКУ «Дирекция территориального дорожного фонда»")
        #expect(try fixture.store.blockers(for: "roads_specialist") == [])
        try fixture.store.setStatus("roads_specialist", to: .disabled, by: fixture.admin)
        #expect(try fixture.account("roads_specialist").status == .disabled)
        try fixture.store.removeUser("roads_specialist", by: fixture.admin)
        // Issue 14: a removed account stays as a tombstone, so its name stays behind the history.
        #expect(try fixture.account("roads_specialist").isRemoved)
        #expect(try fixture.account("roads_specialist").fullName == "Сотрудник roads_specialist")
    }

    @Test("more than ten open cases are listed as the first ten and an ellipsis")
    func manyOpenCases() throws {
        let fixture = try Fixture()
        try fixture.importLines((1...12).map { caseLine(String(format: "MANY%02d", $0), subcategory: "housing.entrances") })
        let blockers = try fixture.store.blockers(for: "housing_specialist")
        #expect(blockers.map { $0.render(.en) } == ["12 open case(s) assigned to housing_specialist: MANY01, MANY02, MANY03, MANY04, MANY05, MANY06, MANY07, MANY08, MANY09, MANY10, … — reassign them first (`lko case reassign N --to LOGIN`)"])
    }
}
