import Foundation
import LKOApplication
import LKOWorkflow

/// The commands over the JSON API of `lko serve`: the same use cases, decoded into the same
/// types, with the bearer token of this server's session file (or `LKO_TOKEN`).
final class RemoteBackend: Backend {
    let client: HTTPClient
    let serverKey: String
    var session: SessionSlot { .server(serverKey) }
    var location: String { serverKey }

    init(server text: String) throws {
        let url = try HTTPClient.serverURL(text)
        serverKey = url.absoluteString
        client = HTTPClient(base: url, token: SessionFile.load(forServer: url.absoluteString))
    }

    private func segment(_ text: String) -> String { HTTPClient.segment(text) }

    /// The bearer token is required for everything but the login: say so before asking.
    private func requireToken() throws {
        guard let token = client.token, !token.isEmpty else { throw AppError.unauthenticated }
    }

    private func get<Answer: Decodable>(_ path: String, _ query: HTTPClient.Query = .init(), as type: Answer.Type) throws -> Answer {
        try requireToken()
        return try client.call("GET", path, query: query, as: type)
    }

    private func post<Answer: Decodable>(_ path: String, _ body: some Encodable, as type: Answer.Type, timeout: TimeInterval? = nil) throws -> Answer {
        try requireToken()
        return try client.call("POST", path, body: body, as: type, timeout: timeout)
    }

    private func post(_ path: String) throws {
        try requireToken()
        _ = try client.call("POST", path, as: Empty.self)
    }

    // MARK: sessions

    private struct SessionAnswer: Decodable {
        var token: String
        var me: Me
    }

    private struct MeAnswer: Decodable {
        var me: Me
    }

    func login(_ login: String, password: String) throws -> SessionStart {
        struct Body: Encodable { var login, password: String }
        let answer = try client.call("POST", "/session/login", body: Body(login: login, password: password), as: SessionAnswer.self)
        return SessionStart(token: answer.token, me: answer.me)
    }

    func logout() throws {
        guard client.token?.isEmpty == false else { return }
        try post("/session/logout")
    }

    func me() throws -> Me { try get("/session", as: MeAnswer.self).me }

    func changeOwnPassword(current: String, new: String) throws -> SessionStart {
        struct Body: Encodable {
            var current, new: String
            enum CodingKeys: String, CodingKey {
                case current = "current_password"
                case new = "new_password"
            }
        }
        let answer = try post("/session/password", Body(current: current, new: new), as: SessionAnswer.self)
        return SessionStart(token: answer.token, me: answer.me)
    }

    // MARK: cases

    func cases(_ query: CaseQuery) throws -> Page<CaseSummary> {
        var items = HTTPClient.Query()
        items.add("view", query.view.rawValue)
        items.add("state", query.state?.rawValue)
        items.add("assignee", query.assignee)
        items.add("number", query.number)
        items.add("page", String(query.page))
        items.add("per_page", String(query.perPage))
        return try get("/cases", items, as: Page<CaseSummary>.self)
    }

    func caseDetail(_ number: String) throws -> CaseDetail {
        try get("/cases/\(segment(number))", as: CaseDetail.self)
    }

    func perform(_ action: String, on number: String, _ request: ActionRequest) throws -> CaseDetail {
        struct Body: Encodable {
            var to, text, comment: String?
            var days: Int?
            var kind, organization: String?
        }
        return try post("/cases/\(segment(number))/actions/\(segment(action))",
                        Body(to: request.to, text: request.text, comment: request.comment, days: request.days, kind: request.kind, organization: request.organization),
                        as: CaseDetail.self)
    }

    func importCases(_ data: Data, progress: @escaping (Int, Int) -> Void) throws -> CaseImporter.Report {
        try requireToken()
        // 422 carries the report of an import with bad lines: a result, as locally.
        let (status, body) = try client.send("POST", "/cases/import", body: data, contentType: "application/x-ndjson", timeout: 600)
        guard (200..<300).contains(status) || status == 422, let report = try? JSONDecoder().decode(CaseImporter.Report.self, from: body) else {
            throw client.failure(status: status, body: body)
        }
        return report
    }

    // MARK: absences

    private struct AbsenceBody: Encodable {
        var login, from: String
        var until: String?
        var reason, substitute: String
        var returnOpenCases, allowPartial: Bool

        init(_ input: AbsenceInput) {
            login = input.login
            from = input.from
            until = input.until
            reason = input.reason
            substitute = input.substitute
            returnOpenCases = input.returnOpenCases
            allowPartial = input.allowPartial
        }

        enum CodingKeys: String, CodingKey {
            case login, from, until, reason, substitute
            case returnOpenCases = "return_open_cases"
            case allowPartial = "allow_partial"
        }
    }

    func planAbsence(_ input: AbsenceInput) throws -> AbsencePlanView {
        try post("/absences/plan", AbsenceBody(input), as: AbsencePlanView.self)
    }

    func changeAbsence(_ id: Int64, _ input: AbsenceChangeInput, dryRun: Bool) throws -> AbsencePlanView {
        try post("/absences/\(id)/change", AbsenceChangeBody(input, dryRun: dryRun), as: AbsencePlanView.self)
    }

    func violations(from: String?, to: String?) throws -> [ViolationView] {
        var query = HTTPClient.Query()
        if let from { query.add("from", from) }
        if let to { query.add("to", to) }
        return try get("/reports/violations", query, as: [ViolationView].self)
    }

    private struct AbsenceChangeBody: Encodable {
        var from, until, reason, substitute: String?
        var openEnded: Bool
        var returnOpenCases, allowPartial: Bool?
        var dryRun: Bool

        init(_ input: AbsenceChangeInput, dryRun: Bool) {
            from = input.from
            until = input.until
            reason = input.reason
            substitute = input.substitute
            openEnded = input.openEnded
            returnOpenCases = input.returnOpenCases
            allowPartial = input.allowPartial
            self.dryRun = dryRun
        }

        enum CodingKeys: String, CodingKey {
            case from, until, reason, substitute
            case openEnded = "open_ended"
            case returnOpenCases = "return_open_cases"
            case allowPartial = "allow_partial"
            case dryRun = "dry_run"
        }
    }

    func addAbsence(_ input: AbsenceInput) throws -> AbsencePlanView {
        try post("/absences", AbsenceBody(input), as: AbsencePlanView.self)
    }

    func absences(login: String?, at: String?) throws -> [AbsenceView] {
        var query = HTTPClient.Query()
        query.add("login", login)
        query.add("at", at)
        return try get("/absences", query, as: [AbsenceView].self)
    }

    func endAbsence(_ id: Int64, returnedOn: String?) throws -> AbsenceView {
        struct Body: Encodable { var at: String? }
        return try post("/absences/\(id)/end", Body(at: returnedOn), as: AbsenceView.self)
    }

    func cancelAbsence(_ id: Int64) throws {
        try post("/absences/\(id)/cancel")
    }

    func delegationCheck(from: String?, days: Int) throws -> [Workflow.DelegationFinding] {
        var query = HTTPClient.Query()
        query.add("from", from)
        query.add("days", String(days))
        return try get("/delegation/check", query, as: [Workflow.DelegationFinding].self)
    }

    // MARK: reports

    func dailyControl(at: String?, overdueOnly: Bool) throws -> ControlReport {
        var query = HTTPClient.Query()
        query.add("at", at)
        return try get(overdueOnly ? "/reports/overdue" : "/reports/daily", query, as: ControlReport.self)
    }

    func responsibility(_ number: String, until: String?) throws -> [ResponsibilityDayView] {
        var query = HTTPClient.Query()
        query.add("until", until)
        return try get("/reports/responsibility/\(segment(number))", query, as: [ResponsibilityDayView].self)
    }

    // MARK: users

    func users() throws -> [UserView] { try get("/users", as: [UserView].self) }

    func user(_ login: String) throws -> UserView { try get("/users/\(segment(login))", as: UserView.self) }

    func addUser(_ input: NewUserInput) throws -> UserView {
        struct Body: Encodable {
            var login, fullName, position, department, email, password: String
            enum CodingKeys: String, CodingKey {
                case login
                case fullName = "full_name"
                case position, department, email, password
            }
        }
        return try post("/users", Body(login: input.login, fullName: input.fullName, position: input.position, department: input.department,
                                       email: input.email, password: input.password), as: UserView.self)
    }

    func setUserEnabled(_ login: String, enabled: Bool) throws -> UserView {
        try post("/users/\(segment(login))/\(enabled ? "enable" : "disable")", Empty(), as: UserView.self)
    }

    func unlockUser(_ login: String) throws -> UserView {
        try post("/users/\(segment(login))/unlock", Empty(), as: UserView.self)
    }

    func resetPassword(of login: String, to password: String) throws {
        struct Body: Encodable { var password: String }
        _ = try post("/users/\(segment(login))/password", Body(password: password), as: Empty.self)
    }

    // MARK: policy and audit

    private struct CandidateBody: Encodable {
        struct File: Encodable { var path, text: String }
        var files: [File]
        var message: String?
        var confirmRisks: Bool?

        init(_ candidate: PolicyFiles, message: String? = nil, confirmRisks: Bool? = nil) {
            files = candidate.files.map { File(path: $0.path, text: $0.text) }
            self.message = message
            self.confirmRisks = confirmRisks
        }

        enum CodingKeys: String, CodingKey {
            case files, message
            case confirmRisks = "confirm_risks"
        }
    }

    func policyVersions() throws -> [PolicyVersionView] { try get("/policy/versions", as: [PolicyVersionView].self) }

    func reviewPolicy(_ candidate: PolicyFiles) throws -> PolicyReview {
        try post("/policy/review", CandidateBody(candidate), as: PolicyReview.self, timeout: 600)
    }

    func applyPolicy(_ candidate: PolicyFiles, message: String, confirmRisks: Bool) throws -> ApplyResult {
        try post("/policy/apply", CandidateBody(candidate, message: message, confirmRisks: confirmRisks), as: ApplyResult.self, timeout: 600)
    }

    func rollbackPolicy(to version: String?, message: String) throws -> ApplyResult {
        struct Body: Encodable { var version: String?; var message: String }
        return try post("/policy/rollback", Body(version: version, message: message), as: ApplyResult.self, timeout: 600)
    }

    func auditLog(actor: String?, object: String?, page: Int, perPage: Int) throws -> Page<AuditEntryView> {
        var query = HTTPClient.Query()
        query.add("actor", actor)
        query.add("object", object)
        query.add("page", String(page))
        query.add("per_page", String(perPage))
        return try get("/audit", query, as: Page<AuditEntryView>.self)
    }

    func verifyAudit() throws -> AuditVerification { try get("/audit/verify", as: AuditVerification.self) }
}
