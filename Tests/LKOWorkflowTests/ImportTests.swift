import Foundation
import GRDB
import LKOCalendar
import LKOStore
import LKOWorkflow
import LKOMessages
import Testing

/// Throws a workflow error while resolving one login: a line that fails after its case row was
/// inserted.
struct FailingResolver: AssigneeResolver {
    var failing: String

    func resolve(_ login: String, on day: CalendarDate, in db: SQLDatabase) throws -> ResolvedAssignee {
        if login == failing { throw WorkflowError.invalid(code: "test", Message(.verbatim, ["text": .text("the delegation table is unavailable for \(login)")])) }
        return ResolvedAssignee(login: login)
    }
}

/// inserted, moderated, unchanged, bad.
func counts(_ report: CaseImporter.Report) -> [Int] {
    [report.inserted, report.moderated, report.unchanged, report.bad.count]
}

@Suite("Import")
struct ImportTests {
    @Test("idempotent by ПОС number: the second import leaves everything unchanged")
    func idempotent() throws {
        let fixture = try Fixture()
        let lines = [
            caseLine("I1", subcategory: "roads.potholes"),
            caseLine("I2", subcategory: "other.other", regime: "appeal"),
            caseLine("I3", subcategory: "social.svo", regime: "appeal", status: "moderation"),
        ]
        let first = try fixture.importLines(lines)
        #expect(counts(first) == [3, 0, 0, 0])
        let snapshot = try ["I1", "I2", "I3"].map { (try fixture.record($0), try fixture.events($0)) }
        fixture.clock.advance(by: 86_400)
        let second = try fixture.importLines(lines)
        #expect(counts(second) == [0, 0, 3, 0])
        for (index, pos) in ["I1", "I2", "I3"].enumerated() {
            #expect(try fixture.record(pos) == snapshot[index].0)
            #expect(try fixture.events(pos) == snapshot[index].1)
        }
        #expect(try fixture.caseCount() == 3)
        let audit = try fixture.audit(object: "cases")
        #expect(audit.map(\.action) == ["case.import", "case.import"])
        let version = fixture.workflow.active.version
        #expect(details(audit[1]) == ["inserted": "0", "moderated": "0", "unchanged": "3", "bad": "0", "policy": version])
        #expect(details(audit[0]) == ["inserted": "3", "moderated": "0", "unchanged": "0", "bad": "0", "policy": version])
    }

    @Test("moderation → received on a newer line, then routed; later lines change nothing")
    func moderationThenReceived() throws {
        let fixture = try Fixture()
        try fixture.importLines([caseLine("M1", subcategory: "roads.potholes", date: "2026-03-02", status: "moderation")])
        let waiting = try fixture.record("M1")
        #expect(waiting.state == .moderation)
        #expect(waiting.assignee == nil)
        #expect(waiting.deadline == "2026-03-12")
        #expect(try fixture.events("M1").map(\.action) == ["import"])
        #expect(try fixture.importLines([caseLine("M1", subcategory: "roads.potholes", status: "moderation")]).unchanged == 1)

        fixture.setDay("2026-03-04")
        let report = try fixture.importLines([caseLine("M1", subcategory: "roads.potholes", date: "2026-03-02", status: "received")])
        #expect(counts(report) == [0, 1, 0, 0])
        let routed = try fixture.record("M1")
        #expect(routed.state == .assigned)
        #expect(routed.assignee == "roads_specialist")
        #expect(routed.deadline == "2026-03-12", "day 0 is still the moderation entry")
        let events = try fixture.events("M1")
        #expect(events.map(\.action) == ["import", "moderate", "route"])
        #expect(events.map(\.onDay) == ["2026-03-02", "2026-03-04", "2026-03-04"])
        let moderated = try fixture.audit(object: "case:M1")
        #expect(moderated.map(\.action) == ["case.moderate"])
        #expect(details(moderated[0]) == ["to": "assigned"])

        #expect(try fixture.importLines([caseLine("M1", subcategory: "roads.potholes", status: "rejected")]).unchanged == 1)
        #expect(try fixture.record("M1").state == .assigned)
    }

    @Test("moderation → rejected; rejected on first sight; a rejected case stays rejected")
    func rejected() throws {
        let fixture = try Fixture()
        try fixture.importLines([
            caseLine("J1", subcategory: "roads.potholes", status: "moderation"),
            caseLine("J2", subcategory: "roads.potholes", status: "rejected"),
        ])
        #expect(try fixture.record("J2").state == .rejected)
        #expect(try fixture.events("J2").map(\.action) == ["import", "reject"])
        #expect(try fixture.events("J2").last?.comment == "Отклонено модератором")
        let report = try fixture.importLines([
            caseLine("J1", subcategory: "roads.potholes", status: "rejected"),
            caseLine("J2", subcategory: "roads.potholes", status: "received"),
        ])
        #expect(counts(report) == [0, 1, 1, 0])
        let rejected = try fixture.record("J1")
        #expect(rejected.state == .rejected)
        #expect(rejected.assignee == nil)
        #expect(try fixture.events("J1").map(\.action) == ["import", "reject"])
        #expect(try fixture.audit(object: "case:J1").map(\.action) == ["case.reject"])
        #expect(try fixture.record("J2").state == .rejected)
        // Nothing more can be done with it.
        #expect(fixture.attempt(.assign, "J1", by: "head", to: "roads_specialist") == .deniedByState)
    }

    @Test("bad lines are reported with their numbers while good lines go in")
    func badLines() throws {
        let fixture = try Fixture()
        let lines = [
            /* 1 */ caseLine("B01", subcategory: "roads.potholes"),
            /* 2 */ "this is not json",
            /* 3 */ #"{"subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 4 */ caseLine("B04", subcategory: "roads.flying_cars"),
            /* 5 */ caseLine("B05", subcategory: "roads.potholes", regime: "urgent"),
            /* 6 */ caseLine("B06", subcategory: "roads.potholes", channel: "telegram"),
            /* 7 */ caseLine("B07", subcategory: "roads.potholes", date: "2026-13-01"),
            /* 8 */ caseLine("B08", subcategory: "other.other"),
            /* 9 */ "   ",
            /* 10 */ caseLine("B10", subcategory: "roads.potholes", regime: nil),
            /* 11 */ jsonLine(["pos_number": "B11", "subcategory": "other.other", "fz59": true, "received_at": "2026-03-02"]),
            /* 12 */ jsonLine(["pos_number": "B12", "subcategory": "other.other", "fz59": false, "received_at": "2026-03-02"]),
            /* 13 */ #"{"pos_number": 2026000123, "category": "roads", "subcategory": "potholes", "fact": "carriageway", "regime": "appeal", "received_at": "2026-03-02"}"#,
            /* 14 */ caseLine("B14", subcategory: "roads.potholes", status: "closed"),
            /* 15 */ #"{"pos_number": "B15", "subcategory": "roads.potholes", "regime": "message"}"#,
            /* 16 */ caseLine("B16", subcategory: "roads.potholes", moderation: "yesterday"),
            /* 17 */ caseLine("B 17", subcategory: "roads.potholes"),
            /* 18 */ #"{"pos_number": "B18", "subcategory": "roads.potholes", "regime": 5, "received_at": "2026-03-02"}"#,
            /* 19 */ #"{"pos_number": "B19", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 20 */ #"{"pos_number": "B20", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02""#,
        ]
        let report = try fixture.importLines(lines)
        #expect(report.inserted == 5)
        #expect(report.unchanged == 0)
        let expected: [(Int, String)] = [
            (2, "not a JSON object"),
            (3, "\"pos_number\" is missing or not a string/number"),
            (4, "unknown category node \"roads.flying_cars\" in the active policy"),
            (5, "\"regime\" must be \"appeal\" or \"message\", got \"urgent\""),
            (6, "\"channel\" must be widget, epgu_account or mobile_app, got \"telegram\""),
            (7, "\"received_at\" is not a date: \"2026-13-01\""),
            (10, "give \"regime\" (\"appeal\"/\"message\") or \"fz59\" (true/false)"),
            (14, "\"status\" must be moderation, rejected or received, got \"closed\""),
            (15, "\"received_at\" is missing"),
            (16, "\"moderation_at\" is not a date: \"yesterday\""),
            (17, "\"pos_number\" must be 1–64 characters without spaces"),
            (18, "\"regime\" has the wrong type"),
            (19, "the case names no category/subcategory"),
            (20, "not a JSON object"),
        ]
        #expect(report.bad.map(\.line) == expected.map(\.0))
        for (bad, (line, reason)) in zip(report.bad, expected) {
            #expect(bad.reason.contains(reason), "line \(line): \(bad.reason)")
            // The same reason from the catalog: the CLI's English is the JSON's, its Russian
            // has no English words but the JSON's field names and values.
            let text = try #require(bad.text, "line \(line)")
            #expect(text.render(.en) == bad.reason)
            #expect(text.render(.ru).unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "line \(line): \(text.render(.ru))")
        }
        #expect(report.bad.first { $0.line == 5 }?.text?.render(.ru) == "поле \"regime\" должно быть \"appeal\" или \"message\", а указано \"urgent\"")
        #expect(report.bad.first { $0.line == 19 }?.text?.render(.ru) == "не указаны ни категория, ни подкатегория")
        // Over the API the report keeps the English `reason` only.
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report.bad[0])) as? [String: Any])
        #expect(Set(json.keys) == ["line", "reason"])
        #expect(try fixture.caseCount() == 5)
        #expect(try fixture.record("B11").regime == .appeal)
        #expect(try fixture.record("B12").regime == .message)
        let numeric = try fixture.record("2026000123")
        #expect(numeric.node == "roads.potholes.carriageway")
        #expect(numeric.regime == .appeal)
        #expect(numeric.assignee == "roads_specialist")
        let audit = try #require(try fixture.audit(object: "cases").last)
        #expect(details(audit) == ["inserted": "5", "moderated": "0", "unchanged": "0", "bad": "14", "policy": fixture.workflow.active.version])
    }

    @Test("a JSON array or a bare value is not a case", arguments: ["[1, 2]", "42", "\"2026-0001\"", "null"])
    func notAnObject(line: String) throws {
        let fixture = try Fixture(logins: ["head"])
        let report = try fixture.importLines([caseLine("OK1", subcategory: "other.other"), line])
        #expect(report.inserted == 1)
        #expect(report.bad.map(\.line) == [2])
        #expect(report.bad.first?.reason.hasPrefix("not a JSON object") == true, "\(report.bad)")
    }

    @Test("a line that fails midway leaves nothing of its case; the others go in")
    func savepoint() throws {
        let fixture = try Fixture(resolver: FailingResolver(failing: "roads_specialist"))
        let auditBefore = try fixture.auditCount()
        let report = try fixture.importLines([
            caseLine("SP1", subcategory: "other.other"),
            caseLine("SP2", subcategory: "roads.potholes"),
            caseLine("SP3", subcategory: "housing.roof"),
        ])
        #expect(report.inserted == 2)
        #expect(report.bad.map(\.line) == [2])
        #expect(report.bad.map(\.reason) == ["the delegation table is unavailable for roads_specialist"])
        #expect(try fixture.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases WHERE pos_number = 'SP2'") } == 0)
        #expect(try fixture.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_events e LEFT JOIN cases c ON c.id = e.case_id WHERE c.id IS NULL") } == 0)
        #expect(try fixture.events("SP1").map(\.action) == ["import", "moderate", "route"])
        #expect(try fixture.record("SP3").assignee == "housing_specialist")
        // The batch's entry and the summary (issue 12, finding 18).
        #expect(try fixture.auditCount() == auditBefore + 2)
        // A moderated line that fails midway keeps the case in moderation.
        try fixture.importLines([caseLine("SP4", subcategory: "roads.signs", status: "moderation")])
        let failed = try fixture.importLines([caseLine("SP4", subcategory: "roads.signs", status: "received")])
        #expect(failed.bad.map(\.line) == [1])
        #expect(try fixture.record("SP4").state == .moderation)
        #expect(try fixture.events("SP4").map(\.action) == ["import"])
    }

    @Test("applicant data is stored but never audited")
    func personalData() throws {
        let fixture = try Fixture()
        try fixture.importLines([jsonLine([
            "pos_number": "PD1", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02",
            "applicant": ["name": "Иванов Иван Иванович", "contacts": "+7 900 000-00-00"], "address": "ул. Ленина, 1",
            "epgu_number": "5566778899", "source": "MED_DOC_EPGU", "channel": "widget", "locality": "Старица",
        ])])
        let record = try fixture.record("PD1")
        #expect(record.applicantName == "Иванов Иван Иванович")
        #expect(record.applicantContacts == "+7 900 000-00-00")
        #expect(record.epguNumber == "5566778899")
        #expect(record.channel == .widget)
        #expect(record.locality == "Старица")
        let audit = try fixture.store.read { db in try AuditLog.entries(db) }
        #expect(!audit.contains { $0.details.contains("Иванов") || $0.details.contains("900") })
    }
}
