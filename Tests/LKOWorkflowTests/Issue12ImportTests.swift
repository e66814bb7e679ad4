import Foundation
import GRDB
import LKOCalendar
import LKOLanguage
import LKOStore
import LKOWorkflow
import LKOTestSupport
import Testing

/// Throws an error no line can catch while resolving one login: the run stops there, as if the
/// process were killed after the batches before it were committed.
struct CrashingResolver: AssigneeResolver {
    struct Crash: Error {}
    var crashing: String

    func resolve(_ login: String, on day: CalendarDate, in db: SQLDatabase) throws -> ResolvedAssignee {
        if login == crashing { throw Crash() }
        return ResolvedAssignee(login: login)
    }
}

extension Fixture {
    func importLines(_ lines: [String], batchSize: Int, actor: String = "head", progress: (Int, Int) -> Void = { _, _ in }) throws -> CaseImporter.Report {
        try CaseImporter(workflow: workflow, batchSize: batchSize).run(Data(lines.joined(separator: "\n").utf8), actor: actor, progress: progress)
    }

    func storedPOSNumbers() throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT pos_number FROM cases ORDER BY id") }
    }
}

@Suite("Issue 12: import")
struct Issue12ImportTests {
    @Test("finding 16: a NUL (or any control character) in a ПОС number rejects the line, naming the number")
    func finding16_controlCharacterInPOSNumberIsRejected() throws {
        let fixture = try Fixture()
        let lines = [
            /* 1 */ #"{"pos_number": "B-16\u0000x", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 2 */ #"{"pos_number": "B-17\u0007", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 3 */ #"{"pos_number": "B-18\u200B", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 4 */ #"{"pos_number": "B-19", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02", "description": "до\u0000после"}"#,
            /* 5 */ caseLine("B-16", subcategory: "roads.potholes"),
        ]
        let report = try fixture.importLines(lines)
        #expect(report.bad.map(\.line) == [1, 2, 3, 4])
        #expect(report.bad[0].reason.contains(#""pos_number" "B-16\u{0}x" contains a control character (U+0000)"#), "\(report.bad[0].reason)")
        #expect(report.bad[1].reason.contains("(U+0007)"))
        #expect(report.bad[2].reason.contains("(U+200B)"))
        #expect(report.bad[3].reason.contains(#""description" contains a NUL character"#))
        // The real B-16 is new, not "unchanged" after a cut one.
        #expect(report.inserted == 1)
        #expect(report.unchanged == 0)
        #expect(try fixture.storedPOSNumbers() == ["B-16"])
    }

    @Test("finding 17: a numeric epgu_number keeps its digits; a value that is not a whole number rejects the line")
    func finding17_numericEPGUNumberIsKept() throws {
        let fixture = try Fixture()
        let report = try fixture.importLines([
            /* 1 */ #"{"pos_number": "E1", "epgu_number": 5566778899, "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 2 */ #"{"pos_number": "E2", "epgu_number": 123456789012345678901234567890, "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 3 */ #"{"pos_number": "E3", "epgu_number": "00123", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 4 */ #"{"pos_number": "E4", "epgu_number": null, "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 5 */ #"{"pos_number": "E5", "epgu_number": 12.5, "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 6 */ #"{"pos_number": "E6", "epgu_number": true, "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 7 */ #"{"pos_number": "E7", "epgu_number": {"n": 1}, "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
            /* 8 */ #"{"pos_number": "E8", "epgu_number": -5, "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02"}"#,
        ])
        #expect(report.inserted == 4)
        #expect(report.bad.map(\.line) == [5, 6, 7, 8])
        #expect(report.bad.allSatisfy { $0.reason.contains(#""epgu_number" must be a string or a whole number"#) }, "\(report.bad)")
        #expect(try fixture.record("E1").epguNumber == "5566778899")
        #expect(try fixture.record("E2").epguNumber == "123456789012345678901234567890")
        #expect(try fixture.record("E3").epguNumber == "00123")
        #expect(try fixture.record("E4").epguNumber == nil)
    }

    @Test("finding 18: every committed batch has its own audit entry, written in its transaction — also when the run dies midway")
    func finding18_eachCommittedBatchIsAudited() throws {
        let fixture = try Fixture(resolver: CrashingResolver(crashing: "housing_specialist"))
        let lines = [
            caseLine("K1", subcategory: "roads.potholes"), caseLine("K2", subcategory: "other.other"),
            caseLine("K3", subcategory: "roads.signs"), "not json",
            caseLine("K5", subcategory: "roads.potholes"), caseLine("K6", subcategory: "roads.potholes"),
            caseLine("K7", subcategory: "housing.roof"), caseLine("K8", subcategory: "roads.potholes"),
        ]
        var caught: CaseImporter.Interrupted?
        do {
            _ = try fixture.importLines(lines, batchSize: 2)
        } catch let error as CaseImporter.Interrupted {
            caught = error
        }
        let interrupted = try #require(caught)
        #expect(!interrupted.isDiskFull)
        #expect(interrupted.failedLines == 7...8)
        #expect(interrupted.report.inserted == 5)
        // Batches 1–3 are committed; batch 4 (K7 crashes) is not.
        #expect(try fixture.storedPOSNumbers() == ["K1", "K2", "K3", "K5", "K6"])
        let batches = try fixture.audit(object: "import")
        #expect(batches.map(\.action) == ["case.import.batch", "case.import.batch", "case.import.batch"])
        let version = fixture.workflow.active.version
        #expect(details(batches[0]) == ["batch": "1", "lines": "1-2", "inserted": "2", "moderated": "0", "unchanged": "0", "bad": "0", "first": "K1", "last": "K2", "policy": version])
        #expect(details(batches[1]) == ["batch": "2", "lines": "3-4", "inserted": "1", "moderated": "0", "unchanged": "0", "bad": "1", "first": "K3", "last": "K3", "policy": version])
        #expect(details(batches[2]) == ["batch": "3", "lines": "5-6", "inserted": "2", "moderated": "0", "unchanged": "0", "bad": "0", "first": "K5", "last": "K6", "policy": version])
        // Each entry is in its batch's transaction: right after that batch's last case event.
        for (entry, lastCase) in zip(batches, ["K2", "K3", "K6"]) {
            let (caseTime, auditTime) = try fixture.store.read { db in
                (try String.fetchOne(db, sql: "SELECT MAX(e.at) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.pos_number = ?", arguments: [lastCase]),
                 entry.at)
            }
            #expect(caseTime.map { $0 <= auditTime } == true)
        }
        #expect(try fixture.verifyAudit().firstBreak == nil)

        // A second run: nothing new, each batch audited with no first/last.
        let second = try Fixture()
        let report = try second.importLines([caseLine("Z1", subcategory: "roads.potholes")], batchSize: 10)
        #expect(report.inserted == 1)
        let rerun = try second.importLines([caseLine("Z1", subcategory: "roads.potholes")], batchSize: 10)
        #expect(rerun.unchanged == 1)
        let entries = try second.audit(object: "import")
        #expect(entries.count == 2)
        #expect(details(entries[1])["first"] == nil)
        #expect(details(entries[1])["unchanged"] == "1")
    }

    @Test("finding 19: the policy is pinned for the run; the report names the version and a replacement applied meanwhile")
    func finding19_policyPinnedForTheRun() throws {
        let fixture = try Fixture()
        let pinned = fixture.workflow.active.version
        let replacement = try policyVariant(replacing: [(file: "routing.lko", old: """
            autorule road_defects priority 10 {
              when subcategory roads.potholes, roads.condition, roads.signs
              assign roads_specialist
            }
            """, new: """
            autorule road_defects priority 10 {
              when subcategory roads.potholes, roads.condition, roads.signs
              leave to coordinator
            }
            """)])
        defer { try? FileManager.default.removeItem(at: replacement) }
        // Its own tests expect the old routing; this replacement is about routing only.
        try FileManager.default.removeItem(at: replacement.appendingPathComponent("tests.lko"))
        let lines = (1...6).map { caseLine("P\($0)", subcategory: "roads.potholes") }
        var replacedVersion: String?
        let report = try fixture.importLines(lines, batchSize: 2) { done, _ in
            guard done == 2 else { return }
            let outcome = try? fixture.store.apply(try PolicyLoader.load(path: replacement.path), message: "replaced mid-run", by: fixture.admin)
            replacedVersion = try? fixture.store.activePolicy()?.version
            #expect(outcome != nil)
        }
        let now = try #require(replacedVersion)
        #expect(now != pinned)
        #expect(report.policyVersion == pinned)
        #expect(report.policyActiveAtEnd == now)
        // Every line routed by the pinned version — the same rule for the whole run.
        for number in 1...6 {
            #expect(try fixture.record("P\(number)").assignee == "roads_specialist", "P\(number)")
        }
        #expect(try fixture.audit(object: "import").allSatisfy { details($0)["policy"] == pinned })
        let summary = try #require(try fixture.audit(object: "cases").last)
        #expect(details(summary)["policy"] == pinned)
        #expect(details(summary)["policy_active_at_end"] == now)
        // In JSON.
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        #expect(json?["policy_version"] as? String == pinned)
        #expect(json?["policy_active_at_end"] as? String == now)
        // A run started after the change (a new workflow) uses and names the new version only.
        let plain = try CaseImporter(workflow: try Workflow(store: fixture.store)).run(Data(caseLine("P7", subcategory: "roads.potholes").utf8), actor: "head")
        #expect(plain.policyVersion == now)
        #expect(plain.policyActiveAtEnd == nil)
        #expect(try fixture.record("P7").assignee == nil)
    }

    /// SQLite only: the test fills the file with `PRAGMA max_page_count`.
    @Test("finding 20: a full database says so, with how many cases were stored before it", .enabled(if: TestDatabase.isSQLite))
    func finding20_fullDiskSaysHowManyCasesWereStored() throws {
        let fixture = try Fixture()
        let description = String(repeating: "Яма на проезжей части. ", count: 120)
        let lines = (1...200).map { number in
            jsonLine(["pos_number": "F\(number)", "subcategory": "roads.potholes", "regime": "message", "received_at": "2026-03-02", "description": description])
        }
        // Room for a few batches only.
        try fixture.store.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count")!
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 40)")
        }
        var caught: CaseImporter.Interrupted?
        do {
            _ = try fixture.importLines(lines, batchSize: 5)
        } catch let error as CaseImporter.Interrupted {
            caught = error
        }
        let interrupted = try #require(caught)
        let stored = try fixture.caseCount()
        #expect(stored > 0)
        #expect(stored < 200)
        #expect(interrupted.isDiskFull)
        #expect(interrupted.report.inserted == stored)
        #expect(interrupted.report.stored == stored)
        #expect(interrupted.failedLines.lowerBound == stored + 1)
        #expect(interrupted.failedLines.count == 5)
        let message = interrupted.description
        #expect(message.hasPrefix("the import stopped at lines \(stored + 1)–\(stored + 5): the database or its disk is full"), "\(message)")
        #expect(message.contains("\(stored) case(s) were stored before it"))
        #expect(message.contains("run the same import again"))
        // Every committed batch is audited.
        let batches = try fixture.audit(object: "import")
        #expect(batches.map { Int(details($0)["inserted"] ?? "") ?? 0 }.reduce(0, +) == stored)
        // With room again, the same import completes; stored cases are left unchanged.
        try fixture.store.write { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
        let rerun = try fixture.importLines(lines, batchSize: 5)
        #expect(rerun.unchanged == stored)
        #expect(rerun.inserted == 200 - stored)
    }
}
