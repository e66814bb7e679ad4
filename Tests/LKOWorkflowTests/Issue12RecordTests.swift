import Foundation
import GRDB
import LKOCalendar
import LKOCompiler
import LKOStore
@testable import LKOWorkflow
import Testing

/// Issue 12, findings 1–9: the record order item 15 needs.
@Suite("Issue 12: the record")
struct Issue12RecordTests {
    /// An appeal on roads.potholes moderated 2026-03-02: 30 calendar days → due 2026-04-01.
    func appealOnRoads(_ fixture: Fixture, _ pos: String = "R-1", date: String = "2026-03-02") throws {
        try fixture.importLines([caseLine(pos, subcategory: "potholes", regime: "appeal", date: date)].map { $0.replacingOccurrences(of: "\"subcategory\"", with: "\"category\":\"roads\",\"subcategory\"") })
    }

    @Test func finding1_anExtensionAfterTheTermHasRunOutIsRefusedAndTheViolationStays() throws {
        let f = try Fixture()
        try appealOnRoads(f)
        let due = try #require(try f.record("R-1").deadline)
        f.setDay(CalendarDate(iso: due)!.adding(days: 4).description)
        let outcome = f.attempt(.extend, "R-1", by: "head", text: "нужна проверка на месте", days: 10)
        guard case .invalid(let code, let message) = outcome else { Issue.record("expected a refusal, got \(outcome)"); return }
        #expect(code == "term_ran_out")
        #expect(message.contains("The term has already run out"))
        #expect(try f.record("R-1").deadline == due)
        let overdue = try f.workflow.dailyControl(at: f.workflow.today, by: try f.account("ookr_curator"), overdueOnly: true)
        #expect(overdue.map(\.posNumber) == ["R-1"])
        // On the last day of the term it still works.
        let g = try Fixture()
        try appealOnRoads(g)
        g.setDay(due)
        #expect(g.attempt(.extend, "R-1", by: "head", text: "проверка", days: 10) == .allowed)
    }

    @Test func finding2_aLateAnswerIsRecordedWithWhoseStageHeldIt() throws {
        let f = try Fixture()
        try appealOnRoads(f)
        let due = CalendarDate(iso: try #require(try f.record("R-1").deadline))!
        // The executor drafts two days late and submits; the Руководитель approves two days later.
        f.setDay(due.adding(days: 2).description)
        try f.perform(.draft, "R-1", by: "roads_specialist", text: "Ответ")
        try f.perform(.submit, "R-1", by: "roads_specialist")
        f.setDay(due.adding(days: 4).description)
        try f.perform(.approve, "R-1", by: "deputy_housing")
        let curator = try f.account("ookr_curator")
        let rows = try f.workflow.violations(from: due, to: due.adding(days: 10), by: curator)
        let late = try #require(rows.first { $0.kind == "late_answer" })
        #expect(late.posNumber == "R-1")
        #expect(late.calendarDays == 4)
        #expect(late.workingDays >= 2)
        let days = Dictionary(uniqueKeysWithValues: late.responsible.map { ($0.login, $0.days) })
        // A day belongs to the stage the case was in at its end: day 1 after the deadline with
        // the executor; days 2–4 on approval with the approvers present who did not write it
        // (the Руководитель and the Кураторы).
        #expect(days["roads_specialist"] == 1)
        #expect(days["deputy_housing"] == 3)
        #expect(days["ookr_curator"] == 3)
        #expect(try f.record("R-1").answeredOn == due.adding(days: 4).description)
    }

    @Test func finding3_aCaseOnApprovalIsChargedToTheApproversAndTheQueueToTheCoordinator() throws {
        let f = try Fixture()
        try f.importLines([#"{"pos_number":"S-1","regime":"appeal","category":"social","subcategory":"svo","received_at":"2026-03-02"}"#])
        let curator = try f.account("ookr_curator")
        let days = try f.workflow.responsibility("S-1", until: CalendarDate(iso: "2026-03-03")!, by: curator)
        // social.svo is left to the coordinator: the Глава by login, not a pseudo-login.
        #expect(days.last?.holders == ["head"])
        try f.perform(.assign, "S-1", by: "head", to: "social_specialist")
        try f.perform(.draft, "S-1", by: "social_specialist", text: "Ответ")
        try f.perform(.submit, "S-1", by: "social_specialist")
        let onApproval = try f.workflow.responsibility("S-1", until: CalendarDate(iso: "2026-03-02")!, by: curator)
        #expect(onApproval.last?.state == "on_approval")
        #expect(onApproval.last?.holders.contains("deputy_social") == true)
        #expect(onApproval.last?.holders.contains("social_specialist") == false)
    }

    /// A case moderated on 02.03 but imported only on 10.03: its history is dated by the export's
    /// own days, so the days in between are the executor's (ПОС routed it on 02.03), not the
    /// moderator's.
    @Test func finding3_aLateImportIsDatedByTheExportNotTheImportDay() throws {
        let f = try Fixture()
        f.setDay("2026-03-10")
        try appealOnRoads(f, "L-1", date: "2026-03-02")
        let events = try f.events("L-1")
        #expect(events.map(\.onDay) == ["2026-03-02", "2026-03-02", "2026-03-02"])
        let days = try f.workflow.responsibility("L-1", until: CalendarDate(iso: "2026-03-10")!, by: try f.account("ookr_curator"))
        #expect(days.first?.day == "2026-03-02")
        #expect(days.allSatisfy { $0.holders == ["roads_specialist"] }, "\(days.map(\.holders))")
    }

    @Test func finding4_everyVersionOfTheAnswerIsKept() throws {
        let f = try Fixture()
        try appealOnRoads(f)
        try f.perform(.draft, "R-1", by: "roads_specialist", text: "Первый вариант")
        try f.perform(.draft, "R-1", by: "roads_specialist", text: "Второй вариант")
        try f.perform(.submit, "R-1", by: "roads_specialist")
        try f.perform(.return, "R-1", by: "deputy_housing", text: "Укажите сроки работ")
        try f.perform(.draft, "R-1", by: "roads_specialist", text: "Третий вариант со сроками")
        try f.perform(.submit, "R-1", by: "roads_specialist")
        try f.perform(.approve, "R-1", by: "deputy_housing")
        try f.perform(.reopen, "R-1", by: "head", text: "жалоба заявителя")
        let caseID = try f.record("R-1").id
        let versions = try f.store.read { db in try AnswerVersion.all(db, caseID: caseID) }
        #expect(versions.map(\.kind) == [.draft, .draft, .submitted, .returned, .draft, .submitted, .approved])
        #expect(versions.map(\.text) == ["Первый вариант", "Второй вариант", "Второй вариант", "Второй вариант", "Третий вариант со сроками", "Третий вариант со сроками", "Третий вариант со сроками"])
        #expect(versions[3].comment == "Укажите сроки работ")
        #expect(versions[6].author == "deputy_housing")
        // Nobody rewrites a version, not even through SQL.
        #expect(throws: (any Error).self) {
            try f.store.write { db in try db.execute(sql: "UPDATE answer_versions SET text = 'подмена' WHERE id = ?", arguments: [versions[6].id]) }
        }
    }

    @Test func finding5_theDailyReportForADayIsThatDaysState() throws {
        let f = try Fixture()
        try appealOnRoads(f, "R-1", date: "2026-03-02")
        f.setDay("2026-03-03")
        try appealOnRoads(f, "R-2", date: "2026-03-03")
        try f.perform(.draft, "R-1", by: "roads_specialist", text: "Ответ")
        try f.perform(.submit, "R-1", by: "roads_specialist")
        try f.perform(.approve, "R-1", by: "deputy_housing")
        let curator = try f.account("ookr_curator")
        let monday = try f.workflow.dailyControl(at: CalendarDate(iso: "2026-03-02")!, by: curator)
        // On 02.03 R-1 was open and assigned; R-2 had not arrived.
        #expect(monday.map(\.posNumber) == ["R-1"])
        #expect(monday.first?.state == "assigned")
        let tuesday = try f.workflow.dailyControl(at: CalendarDate(iso: "2026-03-03")!, by: curator)
        #expect(tuesday.map(\.posNumber) == ["R-2"])
    }

    @Test func finding6_theCoordinatorReclassifiesAPotholeFiledUnderOther() throws {
        let f = try Fixture()
        try f.importLines([#"{"pos_number":"O-1","regime":"message","category":"other","subcategory":"other","received_at":"2026-03-02","description":"Яма на дороге"}"#])
        #expect(f.attempt(.assign, "O-1", by: "head", to: "roads_specialist") == .deniedNotExecutor)
        // Only the coordinator, with a reason.
        #expect(f.attempt(.reclassify, "O-1", by: "roads_specialist", to: "roads.potholes", text: "яма") == .deniedByPolicy)
        guard case .invalid = f.attempt(.reclassify, "O-1", by: "head", to: "roads.potholes") else { Issue.record("a reason is required"); return }
        let before = try f.record("O-1").deadline!
        try f.perform(.reclassify, "O-1", by: "head", to: "roads.potholes", text: "по содержанию — дорожная деятельность")
        let moved = try f.record("O-1")
        #expect(moved.node == "roads.potholes")
        // Routed as usual: the roads auto-rule gives it to the roads executor.
        #expect(moved.state == .assigned)
        #expect(moved.assignee == "roads_specialist")
        #expect(moved.deadline! <= before)
        let audit = try f.audit(object: "case:O-1").last!
        #expect(audit.action == "case.reclassify")
        #expect(details(audit)["to_node"] == "roads.potholes")
    }

    @Test func finding7_redirectsRecordTheirKindAndALateOneItsReason() throws {
        let f = try Fixture()
        try appealOnRoads(f)
        try f.workflow.perform(.redirect, on: "R-1", by: try f.account("head"), input: .init(target: "ГКУ «Дирекция дорог Тверской области»", kind: "superior"))
        #expect(try f.record("R-1").redirectKind == "superior")
        #expect(f.attempt(.redirect, "R-1", by: "head", to: "x") == .deniedByState)
        // An appeal redirected 9 days after registration needs a reason, and is listed.
        let g = try Fixture()
        try appealOnRoads(g, "R-2")
        g.setDay("2026-03-11")
        guard case .invalid(let code, let message) = g.attempt(.redirect, "R-2", by: "head", to: "Минтранс") else { Issue.record("a reason is required"); return }
        #expect(code == "late_redirect_reason")
        #expect(message.contains("7 days"))
        try g.workflow.perform(.redirect, on: "R-2", by: try g.account("head"), input: .init(target: "Минтранс России", text: "поздно установлена компетенция", kind: "federal_email"))
        let rows = try g.workflow.violations(from: CalendarDate(iso: "2026-03-01")!, to: CalendarDate(iso: "2026-03-31")!, by: try g.account("ookr_curator"))
        let late = try #require(rows.first { $0.kind == "late_redirect" })
        #expect(late.calendarDays == 2)
        #expect(late.detail.contains("поздно установлена компетенция"))
        #expect(g.attempt(.redirect, "R-1", by: "head", to: "x") != .allowed)
    }

    @Test func finding8_aReopenedCaseGetsANewTermFromTheReopeningDay() throws {
        let f = try Fixture()
        try appealOnRoads(f)
        try f.perform(.draft, "R-1", by: "roads_specialist", text: "Ответ")
        try f.perform(.submit, "R-1", by: "roads_specialist")
        try f.perform(.approve, "R-1", by: "deputy_housing")
        f.setDay("2026-03-10")
        try f.perform(.reopen, "R-1", by: "head", text: "повторное обращение")
        let record = try f.record("R-1")
        let expected = try f.workflow.deadline(entry: CalendarDate(iso: "2026-03-10")!, term: record.term).date.description
        #expect(record.deadline == expected)
        #expect(try f.events("R-1").last!.comment.contains("новый срок"))
    }

    @Test func finding9_aRefusalOffersOnlyWhatTheAskerCouldDo() throws {
        let f = try Fixture()
        try f.importLines([#"{"pos_number":"M-1","regime":"message","category":"roads","subcategory":"potholes","received_at":"2026-03-02","status":"moderation"}"#])
        do {
            try f.perform(.assign, "M-1", by: "head", to: "roads_specialist")
            Issue.record("assign in moderation must be refused")
        } catch let WorkflowError.stateForbids(_, _, allowed) {
            #expect(allowed.isEmpty)
            #expect(!WorkflowError.stateForbids(action: "assign", state: .moderation, allowed: allowed).description.contains("moderate"))
        }
        try appealOnRoads(f, "R-9")
        do {
            try f.perform(.submit, "R-9", by: "roads_specialist")
            Issue.record("submit without a draft in state assigned must be refused")
        } catch let WorkflowError.stateForbids(_, _, allowed) {
            // The executor may draft, not reassign or redirect (those are the coordinator's).
            #expect(allowed == [.draft])
        }
    }
}
