import Foundation
import GRDB
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow
import Testing

/// What a case should look like after admission.
struct RouteExpectation: Sendable, CustomStringConvertible {
    var pos: String
    var line: String
    var state: CaseState
    var assignee: String?
    var routedBy: String
    var fastTrack: Bool
    var termDays: Int
    var deadline: String

    var description: String { pos }
}

/// Entry 2026-03-02 (Mon): +5 → Sat 03-07 → Fri 03-06; +10 → Thu 03-12; +30 → Wed 04-01.
let routeExpectations: [RouteExpectation] = [
    // Fast-track beats everything: med_doc (priority 1) needs the source and the subcategory.
    RouteExpectation(pos: "R01", line: caseLine("R01", subcategory: "health.doctor_appointment", source: "MED_DOC_EPGU"),
                     state: .assigned, assignee: "health_liaison", routedBy: "фаст-трек med_doc", fastTrack: true, termDays: 5, deadline: "2026-03-06"),
    // Same subcategory without the source: no rule at all, the node's accelerated term.
    RouteExpectation(pos: "R02", line: caseLine("R02", subcategory: "health.doctor_appointment", channel: "widget"),
                     state: .received, assignee: nil, routedBy: "нет подходящего правила: решает Координатор", fastTrack: false, termDays: 10, deadline: "2026-03-12"),
    // Fast-track school_meals (messages only) beats auto-rule education for a message …
    RouteExpectation(pos: "R03", line: caseLine("R03", subcategory: "education.school_meals"),
                     state: .assigned, assignee: "education_specialist", routedBy: "фаст-трек school_meals", fastTrack: true, termDays: 10, deadline: "2026-03-12"),
    // … while an appeal there falls through to the auto-rule with the 30-day term.
    RouteExpectation(pos: "R04", line: caseLine("R04", subcategory: "education.school_meals", regime: "appeal"),
                     state: .assigned, assignee: "education_specialist", routedBy: "автоправило education", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    // Priority: road_defects (10) before roads_other (50); a fact routes by its subcategory.
    RouteExpectation(pos: "R05", line: jsonLine(["pos_number": "R05", "category": "roads", "subcategory": "potholes", "fact": "yard_road", "regime": "message", "received_at": "2026-03-02"]),
                     state: .assigned, assignee: "roads_specialist", routedBy: "автоправило road_defects", fastTrack: false, termDays: 10, deadline: "2026-03-12"),
    RouteExpectation(pos: "R06", line: caseLine("R06", subcategory: "roads.sidewalks", regime: "appeal"),
                     state: .assigned, assignee: "roads_specialist", routedBy: "автоправило roads_other", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    // Locality: lukovnikovo (25) only for Луковниково, else improvement (30).
    RouteExpectation(pos: "R07", line: caseLine("R07", subcategory: "improvement.yards", locality: "Луковниково"),
                     state: .assigned, assignee: "lukovnikovo_territorial", routedBy: "автоправило lukovnikovo", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    RouteExpectation(pos: "R08", line: caseLine("R08", subcategory: "improvement.yards", locality: "Старица"),
                     state: .assigned, assignee: "improvement_specialist", routedBy: "автоправило improvement", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    RouteExpectation(pos: "R09", line: caseLine("R09", subcategory: "waste.containers"),
                     state: .assigned, assignee: "improvement_specialist", routedBy: "автоправило improvement", fastTrack: false, termDays: 5, deadline: "2026-03-06"),
    // svo (5) leaves the case to the coordinator before social (40) could take it.
    RouteExpectation(pos: "R10", line: caseLine("R10", subcategory: "social.svo", regime: "appeal"),
                     state: .received, assignee: nil, routedBy: "автоправило svo", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    RouteExpectation(pos: "R11", line: caseLine("R11", subcategory: "social.elderly", regime: "appeal"),
                     state: .assigned, assignee: "social_specialist", routedBy: "автоправило social", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    // Transport: appeals to the coordinator (60), messages to the executor (61).
    RouteExpectation(pos: "R12", line: caseLine("R12", subcategory: "transport.routes", regime: "appeal"),
                     state: .received, assignee: nil, routedBy: "автоправило transport_appeals", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    RouteExpectation(pos: "R13", line: caseLine("R13", subcategory: "transport.routes", channel: "mobile_app"),
                     state: .assigned, assignee: "transport_specialist", routedBy: "автоправило transport_messages", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    RouteExpectation(pos: "R14", line: caseLine("R14", subcategory: "other.other", regime: "appeal"),
                     state: .received, assignee: nil, routedBy: "нет подходящего правила: решает Координатор", fastTrack: false, termDays: 30, deadline: "2026-04-01"),
    // 7 days from Mon 03-02: Mon 03-09 is a holiday (2026 decree), so Fri 03-06.
    RouteExpectation(pos: "R15", line: caseLine("R15", subcategory: "utilities.heating"),
                     state: .assigned, assignee: "housing_specialist", routedBy: "автоправило housing", fastTrack: false, termDays: 7, deadline: "2026-03-06"),
]

/// Substitutes for one absent executor.
struct SubstituteResolver: AssigneeResolver {
    var absent: String
    var substitute: String

    func resolve(_ login: String, on day: CalendarDate, in db: SQLDatabase) throws -> ResolvedAssignee {
        login == absent ? ResolvedAssignee(login: substitute, actingFor: absent) : ResolvedAssignee(login: login)
    }
}

@Suite("Routing at admission")
struct RoutingTests {
    @Test("fast-track, auto-rules by priority, locality, leave-to-coordinator")
    func routes() throws {
        let fixture = try Fixture()
        let report = try fixture.importLines(routeExpectations.map(\.line))
        #expect(report.bad == [])
        #expect(report.inserted == routeExpectations.count)
        for expected in routeExpectations {
            let record = try fixture.record(expected.pos)
            #expect(record.state == expected.state, "\(expected.pos) state")
            #expect(record.assignee == expected.assignee, "\(expected.pos) assignee")
            #expect(record.routedBy == expected.routedBy, "\(expected.pos) routed by")
            #expect(record.fastTrack == expected.fastTrack, "\(expected.pos) fast-track")
            #expect(record.termDays == expected.termDays, "\(expected.pos) term")
            #expect(record.termUnit == "calendar")
            #expect(record.deadline == expected.deadline, "\(expected.pos) deadline")
            #expect(record.deadlineNote == nil)
            let events = try fixture.events(expected.pos)
            #expect(events.map(\.action) == ["import", "moderate", "route"], "\(expected.pos) history")
            #expect(events.map(\.actor) == ["platform", "moderator", "system"])
            #expect(events.map(\.toState) == ["moderation", "received", expected.state.rawValue])
            #expect(events.last?.assigneeAfter == expected.assignee)
            #expect(events.last?.comment == expected.routedBy)
        }
        // A fact is stored as its full path.
        #expect(try fixture.record("R05").node == "roads.potholes.yard_road")
    }

    @Test("a target without an account leaves the case with the coordinator, with the reason")
    func targetWithoutAccount() throws {
        let fixture = try Fixture(logins: allPolicyLogins.filter { $0 != "social_specialist" && $0 != "health_liaison" })
        try fixture.importLines([
            caseLine("N1", subcategory: "social.elderly", regime: "appeal"),
            caseLine("N2", subcategory: "health.doctor_appointment", source: "MED_DOC_EPGU"),
        ])
        let elderly = try fixture.record("N1")
        #expect(elderly.state == .received)
        #expect(elderly.assignee == nil)
        #expect(elderly.routedBy == "автоправило social; у social_specialist нет активной учётной записи: решает Координатор")
        #expect(try fixture.events("N1").last?.comment == elderly.routedBy)
        #expect(try fixture.events("N1").last?.toState == "received")
        #expect(try fixture.record("N2").state == .received)
    }

    @Test("a fast-track whose target cannot take the case gives no fast-track term")
    func fastTrackFallbackTerm() throws {
        let fixture = try Fixture(logins: allPolicyLogins.filter { $0 != "health_liaison" })
        try fixture.importLines([caseLine("N2", subcategory: "health.doctor_appointment", source: "MED_DOC_EPGU")])
        // A fast-track whose target cannot take the case is not a fast-track: the coordinator
        // gets it with the node's own term (10 days → Thu 2026-03-12), not the fast-track's 5.
        let medical = try fixture.record("N2")
        #expect(medical.state == .received)
        #expect(medical.assignee == nil)
        #expect(medical.fastTrack == false)
        #expect(medical.routedBy == "фаст-трек med_doc; у health_liaison нет активной учётной записи: решает Координатор")
        #expect(medical.termDays == 10)
        #expect(medical.deadline == "2026-03-12")
    }

    @Test("a disabled target is treated like a missing one")
    func disabledTarget() throws {
        let fixture = try Fixture()
        try fixture.store.setStatus("roads_specialist", to: .disabled, by: fixture.admin)
        try fixture.importLines([caseLine("D1", subcategory: "roads.potholes")])
        let record = try fixture.record("D1")
        #expect(record.state == .received)
        #expect(record.assignee == nil)
        #expect(record.routedBy == "автоправило road_defects; у roads_specialist нет активной учётной записи: решает Координатор")
    }

    @Test("a target without an executor grant that day leaves the case with the coordinator")
    func targetWithoutGrantThatDay() throws {
        let policy = try policyVariant(replacing: [
            (file: "grants.lko", old: "grant executor to transport_specialist on transport", new: "grant executor to transport_specialist on transport until 2026-02-28"),
            (file: "tests.lko", old: "  expect route case { subcategory transport.routes regime message channel mobile_app } to transport_specialist\n", new: ""),
        ])
        defer { try? FileManager.default.removeItem(at: policy) }
        let fixture = try Fixture(policy: policy)
        try fixture.importLines([caseLine("T1", subcategory: "transport.routes", channel: "mobile_app")])
        let record = try fixture.record("T1")
        #expect(record.state == .received)
        #expect(record.assignee == nil)
        #expect(record.routedBy == "автоправило transport_messages; transport_specialist не является исполнителем по transport.routes на 2026-03-02: решает Координатор")
        #expect(try fixture.events("T1").last?.comment == record.routedBy)
        // The coordinator cannot hand it to them either.
        #expect(fixture.attempt(.assign, "T1", by: "head", to: "transport_specialist") == .deniedNotExecutor)
        // The day before the grant ended, the same rule would have assigned it.
        fixture.setDay("2026-02-27")
        try fixture.importLines([caseLine("T2", subcategory: "transport.routes", date: "2026-02-27", channel: "mobile_app")])
        #expect(try fixture.record("T2").assignee == "transport_specialist")
    }

    @Test("an absent target's substitute receives the case, acting for them")
    func substitute() throws {
        let fixture = try Fixture(at: instant("2027-01-20T06:00:00Z"), resolver: SubstituteResolver(absent: "roads_specialist", substitute: "roads_deputy"))
        try fixture.importLines([caseLine("S1", subcategory: "roads.signs", date: "2027-01-20")])
        let record = try fixture.record("S1")
        #expect(record.state == .assigned)
        #expect(record.assignee == "roads_deputy")
        #expect(record.originalAssignee == "roads_specialist")
        let route = try #require(try fixture.events("S1").last)
        #expect(route.actingFor == "roads_specialist")
        #expect(route.comment == "автоправило road_defects; замещает roads_specialist")
        // Outside the substitution period the deputy holds no grant: the coordinator decides.
        fixture.setDay("2027-02-08")
        try fixture.importLines([caseLine("S2", subcategory: "roads.signs", date: "2027-02-08")])
        let later = try fixture.record("S2")
        #expect(later.state == .received)
        #expect(later.routedBy == "автоправило road_defects; roads_deputy не является исполнителем по roads.signs на 2027-02-08: решает Координатор")
    }
}
