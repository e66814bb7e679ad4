import Foundation
import GRDB
import LKOAccounts
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOStore
import LKOWorkflow
import LKOTestSupport
import Testing

/// Argon2 settings cheap enough for tests that create many accounts.
let cheapHasher = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, parallelism: 1))
let testPassword = "correct horse battery staple"

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let realPolicies: URL = repositoryRoot.appendingPathComponent("Policies")

func instant(_ text: String) -> Date {
    guard let date = StoreClock.parse(text) else { fatalError("bad instant \(text)") }
    return date
}

func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(iso: text) else { fatalError("bad date \(text)") }
    return date
}

/// 09:00 Moscow time of `date`.
func morning(_ date: String) -> Date { instant("\(date)T06:00:00Z") }

/// Every login the real policy's grants name, plus a permanent reserve executor used by variants.
let allLogins = [
    "head", "ookr_curator", "ookr_specialist", "deputy_housing", "deputy_social", "business_manager",
    "roads_specialist", "housing_specialist", "improvement_specialist", "lukovnikovo_territorial",
    "transport_specialist", "education_specialist", "social_specialist", "health_liaison", "general_specialist",
    "roads_deputy", "housing_deputy", "roads_reserve", "roads_second",
]

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// A copy of the real policy (without its `tests.lko`, whose expectations the extra grants may
/// contradict) with an extra file of grants; `eligibility: false` also drops its `substitute …
/// for …` declarations (issue 14), for tests about the dated grants alone.
func policyVariant(extra: String, keepTests: Bool = false, eligibility: Bool = true) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lko-delegpolicy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: realPolicies.path) where name.hasSuffix(".lko") {
        if name == "tests.lko", !keepTests { continue }
        var text = try String(contentsOf: realPolicies.appendingPathComponent(name), encoding: .utf8)
        if !eligibility {
            text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("substitute ") }.joined(separator: "\n")
        }
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    try extra.write(to: folder.appendingPathComponent("variant.lko"), atomically: true, encoding: .utf8)
    return folder
}

/// A store in a temporary folder with a manual clock, the bootstrap administrator, a policy,
/// accounts, both account blockers, and a workflow resolving absences.
final class DelegationFixture {
    let folder: URL
    let clock: ManualWallClock
    let store: Store
    let admin: Account
    private(set) var workflow: Workflow
    let policyFolder: URL?

    /// `eligibility: false`: the real policy without its substitute eligibility (issue 14), so that
    /// only dated grants make a substitute an executor.
    init(extraPolicy: String? = nil, at start: Date = morning("2027-01-05"), logins: [String] = allLogins, eligibility: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lko-delegtests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clock = ManualWallClock(start: start)
        let path = TestDatabase.address(in: folder.path)
        let created = try Store.create(
            path: path, sandbox: true,
            administrator: NewAccount(login: "finance_sysadmin", fullName: "Системный администратор"),
            password: testPassword, clock: clock, hasher: cheapHasher
        )
        try created.close()
        store = try Store.open(path: path, clock: clock, blockerProviders: [OpenCasesBlocker(), PendingSubstituteBlocker()])
        let bootstrap = try store.read { db in
            try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = 'finance_sysadmin'")!
        }
        policyFolder = eligibility && extraPolicy == nil ? nil : try policyVariant(extra: extraPolicy ?? "", eligibility: eligibility)
        let sources = try PolicyLoader.load(path: (policyFolder ?? realPolicies).path)
        _ = try store.apply(sources, message: "test policy", by: bootstrap)
        admin = try store.user("finance_sysadmin", by: bootstrap)
        for login in logins {
            try store.addUser(by: admin, NewAccount(login: login, fullName: "Сотрудник \(login)"), password: testPassword, hasher: cheapHasher)
        }
        workflow = try Workflow(store: store, resolver: DelegationResolver())
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: folder)
        if let policyFolder { try? FileManager.default.removeItem(at: policyFolder) }
    }

    var policy: CompiledPolicy { workflow.policy }

    /// Moves the clock to 09:00 Moscow time of `date` and takes a fresh workflow.
    func setDay(_ date: String) throws {
        clock.set(to: morning(date))
        workflow = try Workflow(store: store, resolver: DelegationResolver())
    }

    func account(_ login: String) throws -> Account {
        guard let account = try store.read({ db in try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = ?", arguments: [login]) }) else {
            throw FixtureError(description: "no account \(login)")
        }
        return account
    }

    @discardableResult
    func perform(_ action: CaseAction, _ pos: String, by login: String, to target: String? = nil, text: String? = nil) throws -> CaseRecord {
        try workflow.perform(action, on: pos, by: try account(login), input: .init(target: target, text: text))
    }

    /// Imports cases (messages received and moderated on `date`, status received).
    @discardableResult
    func importCases(_ cases: [(pos: String, subcategory: String)], date: String, regime: String = "message") throws -> CaseImporter.Report {
        let lines = cases.map { item in
            let object: [String: String] = ["pos_number": item.pos, "subcategory": item.subcategory, "regime": regime, "received_at": date]
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let report = try CaseImporter(workflow: workflow).run(Data(lines.joined(separator: "\n").utf8), actor: "head")
        #expect(report.bad.isEmpty, "bad import lines: \(report.bad)")
        return report
    }

    func record(_ pos: String) throws -> CaseRecord {
        guard let record = try store.read({ db in try CaseRecord.fetchOne(db, sql: "SELECT * FROM cases WHERE pos_number = ?", arguments: [pos]) }) else {
            throw FixtureError(description: "no case \(pos)")
        }
        return record
    }

    func events(_ pos: String) throws -> [CaseEvent] {
        try store.read { db in
            try CaseEvent.fetchAll(db, sql: "SELECT e.* FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.pos_number = ? ORDER BY e.id", arguments: [pos])
        }
    }

    /// Every handover or handback event, as (pos, action, before, after, actingFor, onDay).
    func moves(_ action: String) throws -> [Move] {
        try store.read { db in
            try SQLRow.fetchAll(db, sql: """
                SELECT c.pos_number, e.assignee_before, e.assignee_after, e.acting_for, e.on_day, e.from_state, e.to_state
                FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.action = ? ORDER BY e.id
                """, arguments: [action]).map {
                Move(pos: $0["pos_number"], before: $0["assignee_before"], after: $0["assignee_after"], actingFor: $0["acting_for"], onDay: $0["on_day"], fromState: $0["from_state"], toState: $0["to_state"])
            }
        }
    }

    struct Move: Equatable, CustomStringConvertible {
        var pos: String
        var before: String?
        var after: String?
        var actingFor: String?
        var onDay: String
        var fromState: String?
        var toState: String
        var description: String { "\(pos) \(before ?? "-")→\(after ?? "-") for \(actingFor ?? "-") on \(onDay) \(fromState ?? "-")→\(toState)" }
    }

    func audit(action: String) throws -> [AuditLog.Entry] {
        try store.read { db in try AuditLog.Entry.fetchAll(db, sql: "SELECT * FROM audit WHERE action = ? ORDER BY seq", arguments: [action]) }
    }

    func allAudit() throws -> [AuditLog.Entry] {
        try store.read { db in try AuditLog.Entry.fetchAll(db, sql: "SELECT * FROM audit ORDER BY seq") }
    }

    func lastAudit() throws -> AuditLog.Entry {
        try store.read { db in try AuditLog.Entry.fetchOne(db, sql: "SELECT * FROM audit ORDER BY seq DESC LIMIT 1")! }
    }

    func verifyAudit() throws -> AuditLog.Verification {
        try store.read { db in try AuditLog.verify(db) }
    }

    func absenceRows() throws -> [Absence] {
        try store.read { db in try Absence.fetchAll(db, sql: "SELECT * FROM absences ORDER BY id") }
    }

    /// Row counts of every table plus the audit chain's head: equal snapshots mean nothing was written.
    func snapshot() throws -> [String: String] {
        try store.read { db in
            var result: [String: String] = [:]
            let tables = try String.fetchAll(db, sql: db.dialect == .sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT IN ('lko_schema', 'audit_pending')")
            for table in tables {
                result[table] = String(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(table)\"") ?? -1)
            }
            result["#audit_head"] = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1") ?? ""
            result["#cases"] = try String.fetchAll(db, sql: "SELECT pos_number || ':' || state || ':' || COALESCE(assignee, '-') || ':' || COALESCE(original_assignee, '-') || ':' || updated_at FROM cases ORDER BY pos_number").joined(separator: ",")
            result["#absences"] = try String.fetchAll(db, sql: "SELECT id || ':' || status || ':' || start_processed || ':' || end_processed || ':' || COALESCE(ends_on, '-') FROM absences ORDER BY id").joined(separator: ",")
            return result
        }
    }

    // MARK: Delegation calls

    func request(_ login: String, from: String, until: String?, substitute: String, reason: Absence.Reason = .vacation, returnOpenCases: Bool = false, allowPartial: Bool = false) -> AbsenceRequest {
        AbsenceRequest(login: login, from: day(from), until: until.map(day), reason: reason, substitute: substitute, returnOpenCases: returnOpenCases, allowPartial: allowPartial)
    }

    func plan(_ request: AbsenceRequest, by login: String = "finance_sysadmin") throws -> DelegationPlan {
        try workflow.planAbsence(request, by: try account(login))
    }

    @discardableResult
    func add(_ request: AbsenceRequest, by login: String = "finance_sysadmin") throws -> (Absence, DelegationPlan) {
        try workflow.addAbsence(request, by: try account(login))
    }

    /// The roads scenario: three cases routed to roads_specialist on 2027-01-05 — R1 assigned
    /// (pothole, 10-day term), R2 in progress, R3 on approval — and H1 with housing_specialist.
    func roadsCases() throws {
        try importCases([("R1", "roads.potholes"), ("R2", "roads.condition"), ("R3", "roads.signs"), ("H1", "housing.entrances")], date: "2027-01-05")
        try perform(.draft, "R2", by: "roads_specialist", text: "Черновик ответа по состоянию дороги")
        try perform(.draft, "R3", by: "roads_specialist", text: "Ответ по знакам")
        try perform(.submit, "R3", by: "roads_specialist")
    }
}

/// The details of an audit entry as a dictionary.
func details(_ entry: AuditLog.Entry) -> [String: String] {
    (try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))) ?? [:]
}

/// Runs `body` and returns the error it threw, described.
func failure(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return "\(error)"
    }
}
