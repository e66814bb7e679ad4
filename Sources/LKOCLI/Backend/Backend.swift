import Foundation
import LKOApplication
import LKOWorkflow

/// What the staff and administration commands need, in LKOApplication's types: the same calls
/// over the local database file (``LocalBackend``, which wraps ``LKOService``) or over the JSON
/// API of `lko serve` (``RemoteBackend``). Commands parse arguments, call one of these and print
/// the result with the renderers in `Render/`; both backends fail with ``AppError``s, so messages
/// and exit codes are the same either way.
protocol Backend {
    /// Where this backend keeps the session token between commands.
    var session: SessionSlot { get }

    /// Where the data lives, for messages: the database path or the server URL.
    var location: String { get }

    func login(_ login: String, password: String) throws -> SessionStart
    /// Ends the session of the saved token (if any).
    func logout() throws
    func me() throws -> Me
    /// Changing one's own password needs the current one; the returned session replaces the old.
    func changeOwnPassword(current: String, new: String) throws -> SessionStart

    func cases(_ query: CaseQuery) throws -> Page<CaseSummary>
    func caseDetail(_ number: String) throws -> CaseDetail
    func perform(_ action: String, on number: String, _ request: ActionRequest) throws -> CaseDetail
    /// Imports a ПОС export. `progress` is called with (lines done, lines in all) where the
    /// backend can tell (locally); a report with bad lines is a result, not an error.
    func importCases(_ data: Data, progress: @escaping (Int, Int) -> Void) throws -> CaseImporter.Report

    func planAbsence(_ input: AbsenceInput) throws -> AbsencePlanView
    func addAbsence(_ input: AbsenceInput) throws -> AbsencePlanView
    func absences(login: String?, at: String?) throws -> [AbsenceView]
    func endAbsence(_ id: Int64, returnedOn: String?) throws -> AbsenceView
    func cancelAbsence(_ id: Int64) throws
    /// Changes a recorded absence after the same checks as a plan (a dry run changes nothing).
    func changeAbsence(_ id: Int64, _ input: AbsenceChangeInput, dryRun: Bool) throws -> AbsencePlanView
    func delegationCheck(from: String?, days: Int) throws -> [Workflow.DelegationFinding]

    func dailyControl(at: String?, overdueOnly: Bool) throws -> ControlReport
    func responsibility(_ number: String, until: String?) throws -> [ResponsibilityDayView]
    func violations(from: String?, to: String?) throws -> [ViolationView]

    func users() throws -> [UserView]
    func user(_ login: String) throws -> UserView
    func addUser(_ input: NewUserInput) throws -> UserView
    func setUserEnabled(_ login: String, enabled: Bool) throws -> UserView
    func unlockUser(_ login: String) throws -> UserView
    /// Someone else's password (`manage_users`); their sessions end.
    func resetPassword(of login: String, to password: String) throws

    func policyVersions() throws -> [PolicyVersionView]
    func reviewPolicy(_ candidate: PolicyFiles) throws -> PolicyReview
    func applyPolicy(_ candidate: PolicyFiles, message: String, confirmRisks: Bool) throws -> ApplyResult
    func rollbackPolicy(to version: String?, message: String) throws -> ApplyResult

    /// One page of the audit log, newest first.
    func auditLog(actor: String?, object: String?, page: Int, perPage: Int) throws -> Page<AuditEntryView>
    func verifyAudit() throws -> AuditVerification
}

/// A new session: the token (shown once) and who it belongs to.
struct SessionStart {
    var token: String
    var me: Me
}

/// Where a session token is kept: per database file, or per server URL.
enum SessionSlot: Equatable {
    case database(String)
    case server(String)

    func load() -> String? {
        switch self {
        case .database(let path): SessionFile.load(forDatabase: path)
        case .server(let url): SessionFile.load(forServer: url)
        }
    }

    func save(_ token: String) throws {
        switch self {
        case .database(let path): try SessionFile.save(token, forDatabase: path)
        case .server(let url): try SessionFile.save(token, forServer: url)
        }
    }

    func remove() {
        switch self {
        case .database(let path): SessionFile.remove(forDatabase: path)
        case .server(let url): SessionFile.remove(forServer: url)
        }
    }

    var isRemote: Bool {
        if case .server = self { return true }
        return false
    }
}

extension Backend {
    /// Every case the caller may view in a queue, page by page.
    func allCases(_ query: CaseQuery) throws -> [CaseSummary] {
        var query = query
        query.page = 1
        query.perPage = CaseQuery.maximumPerPage
        var all: [CaseSummary] = []
        while true {
            let page = try cases(query)
            all += page.items
            if page.items.isEmpty || all.count >= page.total { return all }
            query.page += 1
        }
    }

    /// The whole audit log, oldest first.
    func allAuditEntries(actor: String?, object: String?) throws -> [AuditEntryView] {
        var newestFirst: [AuditEntryView] = []
        var number = 1
        while true {
            let page = try auditLog(actor: actor, object: object, page: number, perPage: 500)
            newestFirst += page.items
            if page.items.isEmpty || newestFirst.count >= page.total { return newestFirst.reversed() }
            number += 1
        }
    }
}

/// A command that can run against a server (`--server URL` or `LKO_SERVER`). Commands without
/// it refuse with exit 2 when a server is named.
protocol RemoteCapable {}
