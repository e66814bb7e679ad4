import Foundation
import LKOApplication
import LKOMessages
import LKOWorkflow

/// The commands over the local database file: ``LKOService`` directly, with the session token
/// of this database's session file (or `LKO_TOKEN`).
final class LocalBackend: Backend {
    let service: LKOService
    let path: String
    var session: SessionSlot { .database(path) }
    var location: String { path }

    /// Opens the database (honouring `LKO_NOW` in sandbox databases) and carries out absence
    /// starts and ends that fell due while nobody ran lko.
    init(path: String, clockOverride: Date?) throws {
        self.path = path
        do {
            service = try LKOService.open(path: path, clockOverride: clockOverride)
        } catch {
            throw AppError.from(error)
        }
        do {
            for move in try service.catchUpDelegationMoves() { Terminal.err(L(.cliDelegationLine, ["line": move.message.render(Language.current)])) }
        } catch {
            let reason = (AppError.from(error) as? AppError)?.description(in: Language.current) ?? "\(error)"
            Terminal.warning(L(.cliPendingAbsencesFailed, ["reason": reason]))
        }
    }

    /// The logged-in caller of this database's session.
    func caller() throws -> Caller {
        guard let token = session.load(), !token.isEmpty else { throw AppError.unauthenticated }
        return try service.authenticate(token: token)
    }

    func login(_ login: String, password: String) throws -> SessionStart {
        let started = try service.login(login, password: password)
        return SessionStart(token: started.token, me: started.me)
    }

    func logout() throws {
        if let token = session.load() { try service.logout(token: token) }
    }

    func me() throws -> Me { try service.me(try caller()) }

    func changeOwnPassword(current: String, new: String) throws -> SessionStart {
        let started = try service.changeOwnPassword(try caller(), current: current, new: new)
        return SessionStart(token: started.token, me: started.me)
    }

    func cases(_ query: CaseQuery) throws -> Page<CaseSummary> { try service.cases(try caller(), query: query) }
    func caseDetail(_ number: String) throws -> CaseDetail { try service.caseDetail(try caller(), number: number) }
    func perform(_ action: String, on number: String, _ request: ActionRequest) throws -> CaseDetail {
        try service.perform(try caller(), action: action, number: number, request: request)
    }
    func importCases(_ data: Data, progress: @escaping (Int, Int) -> Void) throws -> CaseImporter.Report {
        try service.importCases(try caller(), data: data, progress: progress)
    }

    func planAbsence(_ input: AbsenceInput) throws -> AbsencePlanView { try service.planAbsence(try caller(), input) }
    func addAbsence(_ input: AbsenceInput) throws -> AbsencePlanView { try service.addAbsence(try caller(), input) }
    func absences(login: String?, at: String?) throws -> [AbsenceView] { try service.absences(try caller(), login: login, at: at) }
    func endAbsence(_ id: Int64, returnedOn: String?) throws -> AbsenceView { try service.endAbsence(try caller(), id: id, returnedOn: returnedOn) }
    func cancelAbsence(_ id: Int64) throws { try service.cancelAbsence(try caller(), id: id) }
    func delegationCheck(from: String?, days: Int) throws -> [Workflow.DelegationFinding] {
        try service.delegationCheck(try caller(), from: from, days: days)
    }

    func dailyControl(at: String?, overdueOnly: Bool) throws -> ControlReport { try service.dailyControl(try caller(), at: at, overdueOnly: overdueOnly) }
    func changeAbsence(_ id: Int64, _ input: AbsenceChangeInput, dryRun: Bool) throws -> AbsencePlanView {
        try service.changeAbsence(try caller(), id: id, input, dryRun: dryRun)
    }

    func violations(from: String?, to: String?) throws -> [ViolationView] {
        try service.violations(try caller(), from: from, to: to)
    }

    func responsibility(_ number: String, until: String?) throws -> [ResponsibilityDayView] {
        try service.responsibility(try caller(), number: number, until: until)
    }

    func users() throws -> [UserView] { try service.users(try caller()) }
    func user(_ login: String) throws -> UserView { try service.user(try caller(), login: login) }
    func addUser(_ input: NewUserInput) throws -> UserView { try service.addUser(try caller(), input) }
    func setUserEnabled(_ login: String, enabled: Bool) throws -> UserView { try service.setUserEnabled(try caller(), login: login, enabled: enabled) }
    func unlockUser(_ login: String) throws -> UserView { try service.unlockUser(try caller(), login: login) }
    func resetPassword(of login: String, to password: String) throws { try service.resetPassword(try caller(), login: login, password: password) }

    func policyVersions() throws -> [PolicyVersionView] { try service.policyVersions(try caller()) }
    func reviewPolicy(_ candidate: PolicyFiles) throws -> PolicyReview { try service.reviewPolicy(try caller(), candidate, language: Language.current) }
    func applyPolicy(_ candidate: PolicyFiles, message: String, confirmRisks: Bool) throws -> ApplyResult {
        try service.applyPolicy(try caller(), candidate, message: message, confirmRisks: confirmRisks)
    }
    func rollbackPolicy(to version: String?, message: String) throws -> ApplyResult {
        try service.rollbackPolicy(try caller(), to: version, message: message)
    }

    func auditLog(actor: String?, object: String?, page: Int, perPage: Int) throws -> Page<AuditEntryView> {
        try service.auditLog(try caller(), actor: actor, object: object, page: page, perPage: perPage)
    }
    func verifyAudit() throws -> AuditVerification { try service.verifyAudit(try caller()) }
}
