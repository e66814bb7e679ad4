import Foundation
import GRDB
import LKOAccounts
import LKOCalendar
import LKOCompiler
import LKOLanguage
import LKOStore
import LKOTestSupport
import LKOWorkflow

/// Argon2 settings cheap enough for tests that create many accounts.
let cheapHasher = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, parallelism: 1))
let testPassword = "correct horse battery staple"

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let realPolicies: URL = repositoryRoot.appendingPathComponent("Policies")

/// `2026-03-02T09:00` in Moscow (a Monday, a working day).
let mondayMorning = instant("2026-03-02T06:00:00Z")

func instant(_ text: String) -> Date {
    guard let date = StoreClock.parse(text) else { fatalError("bad instant \(text)") }
    return date
}

func day(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(iso: text) else { fatalError("bad date \(text)") }
    return date
}

/// Every login the real policy's grants name (each gets an account unless a test says otherwise).
let allPolicyLogins = [
    "head", "ookr_curator", "ookr_specialist", "deputy_housing", "deputy_social", "business_manager",
    "roads_specialist", "housing_specialist", "improvement_specialist", "lukovnikovo_territorial",
    "transport_specialist", "education_specialist", "social_specialist", "health_liaison", "general_specialist",
    "roads_deputy", "housing_deputy",
]

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// A store in a temporary folder with a manual clock, the bootstrap administrator
/// `finance_sysadmin`, a policy applied, accounts for the given logins, and the workflow.
final class Fixture {
    let folder: URL
    let clock: ManualWallClock
    let store: Store
    let admin: Account
    let workflow: Workflow

    init(
        policy: URL = realPolicies,
        logins: [String] = allPolicyLogins,
        at start: Date = mondayMorning,
        resolver: (any AssigneeResolver)? = nil,
        sqliteOnly: Bool = false
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lko-wftests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        clock = ManualWallClock(start: start)
        let path = sqliteOnly ? folder.appendingPathComponent("lko.sqlite").path : TestDatabase.address(in: folder.path)
        let created = try Store.create(
            path: path, sandbox: true,
            administrator: NewAccount(login: "finance_sysadmin", fullName: "Системный администратор"),
            password: testPassword, clock: clock, hasher: cheapHasher
        )
        try created.close()
        store = try Store.open(path: path, clock: clock, blockerProviders: [OpenCasesBlocker()])
        let bootstrap = try store.read { db in
            try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = 'finance_sysadmin'")!
        }
        let sources = try PolicyLoader.load(path: policy.path)
        _ = try store.apply(sources, message: "test policy", by: bootstrap)
        admin = try store.user("finance_sysadmin", by: bootstrap)
        for login in logins where login != "finance_sysadmin" {
            try store.addUser(by: admin, NewAccount(login: login, fullName: "Сотрудник \(login)"), password: testPassword, hasher: cheapHasher)
        }
        if let resolver {
            workflow = try Workflow(store: store, resolver: resolver)
        } else {
            workflow = try Workflow(store: store)
        }
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    var policy: CompiledPolicy { workflow.policy }

    /// The account as stored now (read directly: the gate under test takes the account).
    func account(_ login: String) throws -> Account {
        guard let account = try store.read({ db in try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE login = ?", arguments: [login]) }) else {
            throw FixtureError(description: "no account \(login)")
        }
        return account
    }

    /// Moves the clock to 09:00 Moscow time of `date`.
    func setDay(_ date: String) {
        clock.set(to: instant("\(date)T06:00:00Z"))
    }

    @discardableResult
    func perform(_ action: CaseAction, _ pos: String, by login: String, to target: String? = nil, text: String? = nil, days: Int? = nil) throws -> CaseRecord {
        try workflow.perform(action, on: pos, by: try account(login), input: .init(target: target, text: text, days: days))
    }

    /// Imports JSON lines (joined with newlines) as `actor`.
    @discardableResult
    func importLines(_ lines: [String], actor: String = "head") throws -> CaseImporter.Report {
        try CaseImporter(workflow: workflow).run(Data(lines.joined(separator: "\n").utf8), actor: actor)
    }

    func record(_ pos: String) throws -> CaseRecord {
        guard let record = try store.read({ db in try CaseRecord.fetchOne(db, sql: "SELECT * FROM cases WHERE pos_number = ?", arguments: [pos]) }) else {
            throw FixtureError(description: "no case \(pos)")
        }
        return record
    }

    func caseCount() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases")! }
    }

    func events(_ pos: String) throws -> [CaseEvent] {
        try store.read { db in
            try CaseEvent.fetchAll(db, sql: "SELECT e.* FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.pos_number = ? ORDER BY e.id", arguments: [pos])
        }
    }

    func lastAudit() throws -> AuditLog.Entry {
        try store.read { db in try AuditLog.Entry.fetchOne(db, sql: "SELECT * FROM audit ORDER BY seq DESC LIMIT 1")! }
    }

    func audit(object: String) throws -> [AuditLog.Entry] {
        try store.read { db in try AuditLog.entries(db, filter: .init(object: object)) }
    }

    func auditCount() throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit")! }
    }

    func verifyAudit() throws -> AuditLog.Verification {
        try store.read { db in try AuditLog.verify(db) }
    }

    /// Inserts a case directly (test setup), in any state.
    func insertCase(
        _ pos: String, node: String, regime: Regime = .appeal, state: CaseState, assignee: String? = nil,
        moderationOn: String = "2026-03-02", term: Int = 30, deadline: String? = nil, answer: String? = nil,
        draftedBy: String? = nil, submittedBy: String? = nil, draftedFor: String? = nil, redirectedTo: String? = nil,
        in db: SQLDatabase
    ) throws {
        try db.execute(sql: """
            INSERT INTO cases(pos_number, regime, node, received_on, moderation_on, state, assignee, term_days, term_unit, deadline,
              answer, drafted_by, submitted_by, drafted_for, redirected_to, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'calendar', ?, ?, ?, ?, ?, ?, '2026-03-02T06:00:00Z', '2026-03-02T06:00:00Z')
            """, arguments: [pos, regime.rawValue, node, moderationOn, moderationOn, state.rawValue, assignee, term, deadline,
                             answer, draftedBy, submittedBy, draftedFor, redirectedTo])
    }
}

/// A copy of the real policy in a temporary folder, with text replaced and an extra file added.
func policyVariant(replacing replacements: [(file: String, old: String, new: String)] = [], extra: String = "") throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lko-policy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: realPolicies.path) where name.hasSuffix(".lko") {
        var text = try String(contentsOf: realPolicies.appendingPathComponent(name), encoding: .utf8)
        for replacement in replacements where replacement.file == name {
            guard text.contains(replacement.old) else { throw FixtureError(description: "\(name) does not contain \(replacement.old)") }
            text = text.replacingOccurrences(of: replacement.old, with: replacement.new)
        }
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    if !extra.isEmpty {
        try extra.write(to: folder.appendingPathComponent("variant.lko"), atomically: true, encoding: .utf8)
    }
    return folder
}

/// One import line as JSON; `nil` values are left out.
func jsonLine(_ fields: [String: Any?]) -> String {
    let present = fields.compactMapValues { $0 }
    let data = try! JSONSerialization.data(withJSONObject: present, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

/// A typical line: a message in `subcategory` received and moderated on `date`.
func caseLine(
    _ pos: String, subcategory: String, regime: String? = "message", date: String = "2026-03-02", moderation: String? = nil,
    status: String? = nil, source: String? = nil, channel: String? = nil, locality: String? = nil
) -> String {
    jsonLine([
        "pos_number": pos, "subcategory": subcategory, "regime": regime, "received_at": date, "moderation_at": moderation,
        "status": status, "source": source, "channel": channel, "locality": locality,
    ])
}

/// The outcome of one `perform`, classified by which part of the gate refused it.
enum GateOutcome: Equatable, CustomStringConvertible {
    case allowed
    case deniedByPolicy
    case deniedByState
    case deniedBySeparationOfDuties
    case deniedNotExecutor
    /// Refused by the workflow's own checks: the refusal's code and its English text.
    case invalid(code: String, message: String)
    case other(String)

    init(_ error: any Error) {
        switch error as? WorkflowError {
        case .denied?: self = .deniedByPolicy
        case .stateForbids?: self = .deniedByState
        case .separationOfDuties?: self = .deniedBySeparationOfDuties
        case .notExecutor?: self = .deniedNotExecutor
        case .invalid(let code, let message)?: self = .invalid(code: code, message: message.render(.en))
        default: self = .other("\(error)")
        }
    }

    var description: String {
        switch self {
        case .allowed: "allowed"
        case .deniedByPolicy: "denied by policy"
        case .deniedByState: "denied by state"
        case .deniedBySeparationOfDuties: "denied by separation of duties"
        case .deniedNotExecutor: "denied: target not an executor"
        case .invalid(let code, let message): "invalid (\(code)): \(message)"
        case .other(let message): "error: \(message)"
        }
    }
}

extension Fixture {
    /// Performs and classifies the result instead of throwing.
    func attempt(_ action: CaseAction, _ pos: String, by login: String, to target: String? = nil, text: String? = nil, days: Int? = nil) -> GateOutcome {
        do {
            try perform(action, pos, by: login, to: target, text: text, days: days)
            return .allowed
        } catch {
            return GateOutcome(error)
        }
    }
}

/// The details of an audit entry as a dictionary.
func details(_ entry: AuditLog.Entry) -> [String: String] {
    (try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))) ?? [:]
}
