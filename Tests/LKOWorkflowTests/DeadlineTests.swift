import Foundation
import LKOWorkflow
import Testing

/// A case entering moderation on `entry` in a subcategory whose term is `term` days, and the
/// deadline worked out by hand from the decree table in `shared/domain.md`:
/// the last working day in (entry, entry + N], else the first working day after entry + N.
struct DeadlineCase: Sendable, CustomStringConvertible {
    var entry: String
    var term: Int
    var expected: String
    var swallowed: Bool = false
    var why: String

    var description: String { "\(entry) + \(term) → \(expected)" }

    /// The subcategory with that term in `Policies/` (messages; routing adds no term).
    var line: String {
        let subcategory = switch term {
        case 5: "improvement.snow"
        case 7: "utilities.heating"
        case 10: "roads.potholes"
        default: "other.other"
        }
        return caseLine("DL-\(entry)-\(term)", subcategory: subcategory, date: entry)
    }
}

let deadlineCases: [DeadlineCase] = [
    // 2024
    DeadlineCase(entry: "2024-01-01", term: 10, expected: "2024-01-11", why: "Thu 01-11 is a working day"),
    DeadlineCase(entry: "2024-01-02", term: 5, expected: "2024-01-09", swallowed: true, why: "01-03…01-07 all off, 01-08 off too: first working day Tue 01-09"),
    DeadlineCase(entry: "2024-02-13", term: 10, expected: "2024-02-22", why: "Fri 02-23 holiday → Thu 02-22"),
    DeadlineCase(entry: "2024-02-27", term: 10, expected: "2024-03-07", why: "Fri 03-08 holiday → Thu 03-07"),
    DeadlineCase(entry: "2024-02-07", term: 30, expected: "2024-03-07", why: "Fri 03-08 holiday → Thu 03-07"),
    DeadlineCase(entry: "2024-04-20", term: 7, expected: "2024-04-27", why: "Sat 04-27 is a working Saturday"),
    DeadlineCase(entry: "2024-04-21", term: 10, expected: "2024-04-27", why: "05-01, 04-30, 04-29 off, 04-28 Sun → working Sat 04-27"),
    DeadlineCase(entry: "2024-05-02", term: 10, expected: "2024-05-08", why: "Sun 05-12, Sat 05-11, 05-10 and 05-09 off → Wed 05-08"),
    DeadlineCase(entry: "2024-06-02", term: 10, expected: "2024-06-11", why: "Wed 06-12 holiday → Tue 06-11"),
    DeadlineCase(entry: "2024-10-26", term: 7, expected: "2024-11-02", why: "Sat 11-02 is a working Saturday"),
    DeadlineCase(entry: "2024-10-25", term: 10, expected: "2024-11-02", why: "Mon 11-04 off, Sun 11-03 → working Sat 11-02"),
    DeadlineCase(entry: "2024-12-18", term: 10, expected: "2024-12-28", why: "Sat 12-28 is a working Saturday"),
    DeadlineCase(entry: "2024-12-21", term: 10, expected: "2024-12-28", why: "12-31, 12-30 off, Sun 12-29 → working Sat 12-28"),
    DeadlineCase(entry: "2024-12-27", term: 10, expected: "2024-12-28", why: "2025-01-06 … 2024-12-29 all off → working Sat 12-28"),
    DeadlineCase(entry: "2024-12-09", term: 30, expected: "2024-12-28", why: "2025-01-08 back to working Sat 2024-12-28"),
    DeadlineCase(entry: "2024-12-29", term: 10, expected: "2025-01-09", swallowed: true, why: "12-30 … 01-08 all off: the term is swallowed"),
    DeadlineCase(entry: "2024-12-28", term: 5, expected: "2025-01-09", swallowed: true, why: "12-29 … 01-02 all off, then 01-03 … 01-08 off"),
    // 2025: the Mondays after 23 February and 8 March stayed working days.
    DeadlineCase(entry: "2025-02-14", term: 10, expected: "2025-02-24", why: "Mon 02-24 works in 2025"),
    DeadlineCase(entry: "2025-02-28", term: 10, expected: "2025-03-10", why: "Mon 03-10 works in 2025"),
    DeadlineCase(entry: "2025-02-08", term: 30, expected: "2025-03-10", why: "Mon 03-10 works in 2025"),
    DeadlineCase(entry: "2025-04-21", term: 10, expected: "2025-04-30", why: "Thu 05-01 holiday → Wed 04-30"),
    DeadlineCase(entry: "2025-04-29", term: 10, expected: "2025-05-07", why: "Fri 05-09, Thu 05-08 off → Wed 05-07"),
    DeadlineCase(entry: "2025-06-05", term: 10, expected: "2025-06-11", why: "Sun 06-15, Sat, 06-13, 06-12 off → Wed 06-11"),
    DeadlineCase(entry: "2025-10-25", term: 10, expected: "2025-11-01", why: "Tue 11-04, Mon 11-03 off, Sun → working Sat 11-01"),
    DeadlineCase(entry: "2025-12-25", term: 10, expected: "2025-12-30", why: "2026-01-04 back over 12-31 → Tue 12-30"),
    DeadlineCase(entry: "2025-12-30", term: 10, expected: "2026-01-12", swallowed: true, why: "12-31 … 2026-01-11 all off"),
    DeadlineCase(entry: "2025-12-31", term: 5, expected: "2026-01-12", swallowed: true, why: "01-01 … 01-05 off, next working Mon 01-12"),
    DeadlineCase(entry: "2025-12-31", term: 7, expected: "2026-01-12", swallowed: true, why: "01-01 … 01-07 off, next working Mon 01-12"),
    // 2026
    DeadlineCase(entry: "2026-02-13", term: 10, expected: "2026-02-20", why: "Mon 02-23 holiday, weekend → Fri 02-20"),
    DeadlineCase(entry: "2026-02-27", term: 10, expected: "2026-03-06", why: "Mon 03-09 holiday, weekend → Fri 03-06"),
    DeadlineCase(entry: "2026-05-01", term: 10, expected: "2026-05-08", why: "Mon 05-11 holiday, weekend → Fri 05-08"),
    DeadlineCase(entry: "2026-06-04", term: 10, expected: "2026-06-11", why: "Sun 06-14, Sat, Fri 06-12 holiday → Thu 06-11"),
    DeadlineCase(entry: "2026-10-25", term: 10, expected: "2026-11-03", why: "Wed 11-04 holiday → Tue 11-03"),
    DeadlineCase(entry: "2026-12-10", term: 30, expected: "2026-12-30", why: "2027-01-09 back over 01-08…12-31 → Wed 12-30"),
    DeadlineCase(entry: "2026-12-30", term: 10, expected: "2027-01-11", swallowed: true, why: "12-31 … 2027-01-10 all off"),
    DeadlineCase(entry: "2026-12-31", term: 7, expected: "2027-01-11", swallowed: true, why: "01-01 … 01-10 all off"),
    // 2027
    DeadlineCase(entry: "2027-02-10", term: 10, expected: "2027-02-20", why: "Sat 02-20 is a working Saturday"),
    DeadlineCase(entry: "2027-02-13", term: 10, expected: "2027-02-20", why: "02-23, 02-22 off, Sun 02-21 → working Sat 02-20"),
    DeadlineCase(entry: "2027-02-26", term: 10, expected: "2027-03-05", why: "Mon 03-08 holiday → Fri 03-05"),
    DeadlineCase(entry: "2027-04-23", term: 10, expected: "2027-04-30", why: "Mon 05-03 holiday → Fri 04-30"),
    DeadlineCase(entry: "2027-04-30", term: 10, expected: "2027-05-07", why: "Mon 05-10 holiday → Fri 05-07"),
    DeadlineCase(entry: "2027-06-04", term: 10, expected: "2027-06-11", why: "Mon 06-14 holiday → Fri 06-11"),
    DeadlineCase(entry: "2027-10-28", term: 10, expected: "2027-11-03", why: "Sun 11-07, Sat, 11-05, 11-04 off → Wed 11-03"),
    DeadlineCase(entry: "2027-12-21", term: 10, expected: "2027-12-30", why: "Fri 12-31 holiday → Thu 12-30"),
    DeadlineCase(entry: "2027-12-26", term: 5, expected: "2027-12-30", why: "Fri 12-31 holiday → Thu 12-30"),
]

@Suite("Deadlines through the workflow")
struct DeadlineTests {
    @Test("every holiday block of 2024–2027, imported")
    func holidayBlocks() throws {
        let fixture = try Fixture()
        let report = try fixture.importLines(deadlineCases.map(\.line))
        #expect(report.bad == [])
        #expect(report.inserted == deadlineCases.count)
        for item in deadlineCases {
            let record = try fixture.record("DL-\(item.entry)-\(item.term)")
            #expect(record.termDays == item.term, "\(item)")
            #expect(record.moderationOn == item.entry)
            #expect(record.deadline == item.expected, "\(item): \(item.why)")
            if item.swallowed {
                let note = try #require(record.deadlineNote, "\(item) carries a note")
                #expect(note.contains("swallowed by holidays"), "\(item)")
                #expect(note.contains(item.expected), "\(item)")
            } else {
                #expect(record.deadlineNote == nil, "\(item)")
            }
        }
    }

    @Test("the swallowed term: entry 2024-12-29, 10 days → 2025-01-09 with a note")
    func swallowedTerm() throws {
        let fixture = try Fixture()
        try fixture.importLines([caseLine("SW", subcategory: "roads.potholes", date: "2024-12-29")])
        let record = try fixture.record("SW")
        #expect(record.deadline == "2025-01-09")
        #expect(record.deadlineNote == "every day from 2024-12-30 to 2025-01-08 is non-working, so the term was swallowed by holidays: the deadline moves forward to the first working day, 2025-01-09")
    }

    @Test("the fast-track's own term: med_doc 5 days")
    func fastTrackTerm() throws {
        let fixture = try Fixture()
        // 2025-02-19 + 5 = Mon 02-24, a working day in 2025.
        try fixture.importLines([caseLine("FT", subcategory: "health.doctor_appointment", date: "2025-02-19", source: "MED_DOC_EPGU")])
        let record = try fixture.record("FT")
        #expect(record.fastTrack)
        #expect(record.termDays == 5)
        #expect(record.deadline == "2025-02-24")
    }

    @Test("received_at and moderation_at: the moderation day is day 0")
    func moderationDayCounts() throws {
        let fixture = try Fixture()
        try fixture.importLines([jsonLine(["pos_number": "MD", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-03", "moderation_at": "2026-02-27T23:10:00+03:00"])])
        let record = try fixture.record("MD")
        #expect(record.receivedOn == "2026-03-03")
        #expect(record.moderationOn == "2026-02-27")
        // 02-27 + 10 = Mon 03-09 (holiday) → Fri 03-06.
        #expect(record.deadline == "2026-03-06")
    }

    @Test("a date outside 2024–2027 is a bad line naming the year")
    func uncoveredYears() throws {
        let fixture = try Fixture()
        let report = try fixture.importLines([
            caseLine("Y1", subcategory: "roads.potholes", date: "2028-01-10"),
            caseLine("Y2", subcategory: "roads.potholes", date: "2023-12-28"),
            // Entry in 2027, but the nominal last day 2028-01-04 must be looked at.
            caseLine("Y3", subcategory: "roads.potholes", date: "2027-12-25"),
            caseLine("Y4", subcategory: "roads.potholes", date: "2027-12-20"),
            caseLine("Y5", subcategory: "roads.potholes", date: "2028-03-01", status: "moderation"),
        ])
        #expect(report.inserted == 1)
        #expect(report.bad.map(\.line) == [1, 2, 3, 5])
        let reasons = report.bad.map(\.reason)
        #expect(reasons.count == 4)
        if reasons.count == 4 {
            #expect(reasons[0].contains("2028"))
            #expect(reasons[1].contains("2023"))
            #expect(reasons[2].contains("2028"))
            #expect(reasons[3].contains("2028"))
        }
        #expect(try fixture.record("Y4").deadline == "2027-12-30")
        #expect(try fixture.caseCount() == 1)
    }
}

@Suite("Extensions")
struct ExtensionTests {
    @Test("an appeal is extended once, the deadline recomputed from the entry with N + extra")
    func extendOnce() throws {
        let fixture = try Fixture()
        fixture.setDay("2026-02-02")
        // 2026-01-24 + 30 = Mon 02-23 (holiday) → Fri 02-20.
        try fixture.importLines([caseLine("E1", subcategory: "other.other", regime: "appeal", date: "2026-01-24")])
        #expect(try fixture.record("E1").deadline == "2026-02-20")
        let extended = try fixture.perform(.extend, "E1", by: "head", text: "Нужна выездная проверка", days: 10)
        // 01-24 + 40 = Thu 03-05 — not the old deadline + 10 (03-02).
        #expect(extended.deadline == "2026-03-05")
        #expect(extended.extensionDays == 10)
        #expect(extended.extensionReason == "Нужна выездная проверка")
        #expect(extended.state == .received)
        let event = try #require(try fixture.events("E1").last)
        #expect(event.action == "extend")
        #expect(event.fromState == "received")
        #expect(event.toState == "received")
        #expect(event.comment == "срок продлён на 10 дн. до 2026-03-05: Нужна выездная проверка; заявителю направлен промежуточный ответ")
        // Once only.
        guard case .invalid(let code, let again) = fixture.attempt(.extend, "E1", by: "head", text: "Ещё", days: 5) else {
            Issue.record("a second extension must be refused")
            return
        }
        #expect(code == "already_extended")
        #expect(again.contains("already extended; it can be extended only once"))
        #expect(try fixture.record("E1").deadline == "2026-03-05")
    }

    @Test("the full 30 days, by a manager, in on_approval")
    func thirtyDaysByManager() throws {
        let fixture = try Fixture()
        // 2026-02-16 + 30 = Wed 03-18; + 60 = Fri 04-17.
        try fixture.importLines([caseLine("E2", subcategory: "housing.entrances", regime: "appeal", date: "2026-02-16")])
        #expect(try fixture.record("E2").deadline == "2026-03-18")
        try fixture.perform(.draft, "E2", by: "housing_specialist", text: "Ответ")
        try fixture.perform(.submit, "E2", by: "housing_specialist")
        let extended = try fixture.perform(.extend, "E2", by: "deputy_housing", text: "Запрос в управляющую компанию", days: 30)
        #expect(extended.state == .onApproval)
        #expect(extended.deadline == "2026-04-17")
        #expect(extended.extensionDays == 30)
    }

    struct Refusal: Sendable, CustomStringConvertible {
        var pos: String
        var days: Int?
        var reason: String?
        var code: String
        var message: String
        var description: String { "\(pos) days \(days.map(String.init) ?? "none") reason \(reason ?? "none")" }
    }

    @Test("refusals: a message, 0 or 31 days, no days, no reason", arguments: [
        Refusal(pos: "X-msg", days: 10, reason: "Причина", code: "appeals_only", message: "Only an appeal under 59-ФЗ can be extended"),
        Refusal(pos: "X-app", days: 31, reason: "Причина", code: "days_required", message: "--days 1…30"),
        Refusal(pos: "X-app", days: 0, reason: "Причина", code: "days_required", message: "--days 1…30"),
        Refusal(pos: "X-app", days: nil, reason: "Причина", code: "days_required", message: "--days 1…30"),
        Refusal(pos: "X-app", days: 10, reason: nil, code: "comment_required", message: "needs the reason"),
        Refusal(pos: "X-app", days: 10, reason: "  \n", code: "comment_required", message: "needs the reason"),
    ])
    func refusals(_ refusal: Refusal) throws {
        let (pos, days, reason, message) = (refusal.pos, refusal.days, refusal.reason, refusal.message)
        let fixture = try Fixture()
        try fixture.importLines([
            caseLine("X-msg", subcategory: "other.other", regime: "message"),
            caseLine("X-app", subcategory: "other.other", regime: "appeal"),
        ])
        let before = try fixture.record(pos)
        let auditBefore = try fixture.auditCount()
        guard case .invalid(let code, let text) = fixture.attempt(.extend, pos, by: "head", text: reason, days: days) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(code == refusal.code)
        #expect(text.contains(message), "\(text)")
        #expect(try fixture.record(pos) == before)
        #expect(try fixture.auditCount() == auditBefore)
    }
}
