import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow
import LKOMessages

/// An absence as a colleague may see it. The reason (sick leave is personal data) is shown only
/// to the person, to those who manage delegations and to the coordinator.
public struct AbsenceView: Sendable, Codable, Equatable {
    public var id: Int64
    public var login: String
    public var name: String
    public var startsOn: String
    public var endsOn: String?
    public var period: String
    public var reason: String?
    public var reasonTitle: String?
    public var substitute: String
    public var substituteName: String
    /// `planned`, `in_progress`, `ended` or `cancelled`.
    public var status: String
    public var statusTitle: String
    public var returnOpenCases: Bool

    enum CodingKeys: String, CodingKey {
        case id, login, name
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case period, reason
        case reasonTitle = "reason_title"
        case substitute
        case substituteName = "substitute_name"
        case status
        case statusTitle = "status_title"
        case returnOpenCases = "return_open_cases"
    }
}

/// What a person fills in to plan an absence.
public struct AbsenceInput: Sendable, Equatable {
    public var login: String
    public var from: String
    public var until: String?
    public var reason: String
    public var substitute: String
    public var returnOpenCases: Bool
    public var allowPartial: Bool

    public init(login: String, from: String, until: String?, reason: String, substitute: String, returnOpenCases: Bool = false, allowPartial: Bool = false) {
        self.login = login
        self.from = from
        self.until = until
        self.reason = reason
        self.substitute = substitute
        self.returnOpenCases = returnOpenCases
        self.allowPartial = allowPartial
    }

    func request() throws -> AbsenceRequest {
        guard !login.isEmpty else { throw AppError.invalid(.errEnterAbsentee, field: "login") }
        guard let reason = Absence.Reason(rawValue: reason) else {
            throw AppError.invalid(.errAbsenceReasonChoices, field: "reason")
        }
        guard !substitute.isEmpty else { throw AppError.invalid(.errEnterSubstitute, field: "substitute") }
        let start = try DayInput.field(from, name: "from", required: true)!
        let end = try DayInput.field(until, name: "until", required: false)
        if let end, end < start { throw AppError.invalid(.errAbsenceEndsBeforeStart, field: "until") }
        return AbsenceRequest(login: login, from: start, until: end, reason: reason, substitute: substitute, returnOpenCases: returnOpenCases, allowPartial: allowPartial)
    }
}

/// The preview of `lko absence plan`, with names and dates for people.
public struct AbsencePlanView: Sendable, Codable, Equatable {
    public struct Move: Sendable, Codable, Equatable {
        public var posNumber: String
        public var node: String
        public var stateTitle: String
        public var deadlineText: String
        public var to: String?
        public var toName: String
        public var dueDuringAbsence: Bool

        enum CodingKeys: String, CodingKey {
            case posNumber = "pos_number"
            case node
            case stateTitle = "state_title"
            case deadlineText = "deadline_text"
            case to
            case toName = "to_name"
            case dueDuringAbsence = "due_during_absence"
        }
    }

    public var plan: DelegationPlan
    public var name: String
    public var substituteName: String
    public var period: String
    public var moves: [Move]
    public var acceptable: Bool
    /// Set when the absence was recorded.
    public var absence: AbsenceView?

    enum CodingKeys: String, CodingKey {
        case plan, name
        case substituteName = "substitute_name"
        case period, moves, acceptable, absence
    }
}

extension LKOService {
    /// The dry run: what `addAbsence` would do, and every error. Changes nothing.
    public func planAbsence(_ caller: Caller, _ input: AbsenceInput) throws -> AbsencePlanView {
        try run {
            let workflow = try workflow()
            let plan = try workflow.planAbsence(try input.request(), by: caller.account)
            return try planView(plan, absence: nil)
        }
    }

    /// Records the absence after the same checks as the plan; hands over at once if it has started.
    public func addAbsence(_ caller: Caller, _ input: AbsenceInput) throws -> AbsencePlanView {
        try run {
            let workflow = try workflow()
            let (absence, plan) = try workflow.addAbsence(try input.request(), by: caller.account)
            return try planView(plan, absence: absenceView(absence, caller: caller, workflow: workflow, names: try store.read { try PersonNames.load($0) }))
        }
    }

    /// Absences the caller may know of: everyone's period and substitute, the reason only where
    /// the caller may see it.
    public func absences(_ caller: Caller, login: String? = nil, at day: String? = nil) throws -> [AbsenceView] {
        try run {
            let workflow = try workflow()
            let date = try DayInput.field(day, name: "at", required: false)
            let list = try workflow.absences(at: date, login: login)
            let names = try store.read { try PersonNames.load($0) }
            return list.sorted { $0.id > $1.id }.map { absenceView($0, caller: caller, workflow: workflow, names: names) }
        }
    }

    public func endAbsence(_ caller: Caller, id: Int64, returnedOn: String?) throws -> AbsenceView {
        try run {
            let workflow = try workflow()
            let day = try DayInput.field(returnedOn, name: "at", required: false) ?? workflow.today
            let absence = try Self.hidingOthersAbsences { try workflow.endAbsence(id, returnedOn: day, by: caller.account) }
            return absenceView(absence, caller: caller, workflow: workflow, names: try store.read { try PersonNames.load($0) })
        }
    }

    public func cancelAbsence(_ caller: Caller, id: Int64) throws {
        try run { try Self.hidingOthersAbsences { try workflow().cancelAbsence(id, by: caller.account) } }
    }

    /// `delegation check`: absences soon or now without a valid substitute.
    public func delegationCheck(_ caller: Caller, from: String?, days: Int) throws -> [Workflow.DelegationFinding] {
        try run {
            guard (0...366).contains(days) else { throw AppError.invalid(.errCheckWindowRange, field: "days") }
            let workflow = try workflow()
            return try workflow.delegationCheck(from: try DayInput.field(from, name: "from", required: false) ?? workflow.today, days: days, by: caller.account)
        }
    }

    /// Someone who may not manage an absence learns nothing of it: "not found", as for an id
    /// that does not exist.
    static func hidingOthersAbsences<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch WorkflowError.denied {
            throw AppError(.notFound, code: "absence_not_found", Message(.absenceNotFound))
        }
    }

    func planView(_ plan: DelegationPlan, absence: AbsenceView?) throws -> AbsencePlanView {
        let names = try store.read { try PersonNames.load($0) }
        let moves = plan.moves.map { move in
            AbsencePlanView.Move(posNumber: move.posNumber, node: move.node, stateTitle: CaseState(rawValue: move.state)?.title ?? move.state,
                                 deadlineText: RussianText.date(iso: move.deadline), to: move.to, toName: move.to.map(names.name) ?? "Координатор",
                                 dueDuringAbsence: move.dueDuringAbsence)
        }
        return AbsencePlanView(plan: plan, name: names.name(plan.login), substituteName: names.name(plan.substitute),
                               period: Self.period(plan.from, plan.until), moves: moves, acceptable: plan.isAcceptable, absence: absence)
    }

    static func period(_ from: String, _ until: String?) -> String {
        "с \(RussianText.date(iso: from)) " + (until.map { "по \(RussianText.date(iso: $0))" } ?? "до выхода (без даты окончания)")
    }

    func absenceView(_ absence: Absence, caller: Caller, workflow: Workflow, names: PersonNames) -> AbsenceView {
        let day = workflow.today
        let policy = workflow.policy
        let mayKnowWhy = absence.login == caller.login
            || policy.decide(login: caller.login, action: .manageDelegations, node: nil, assignee: nil, on: day)
            || policy.holds(caller.login, .assign, on: day)
        let status: (String, String) = absence.isCancelled ? ("cancelled", "отменено")
            : absence.endProcessed || (absence.end.map { $0 < day } ?? false) ? ("ended", "завершено")
            : absence.startProcessed || absence.start <= day ? ("in_progress", "идёт") : ("planned", "запланировано")
        return AbsenceView(
            id: absence.id, login: absence.login, name: names.name(absence.login), startsOn: absence.startsOn, endsOn: absence.endsOn,
            period: Self.period(absence.startsOn, absence.endsOn),
            reason: mayKnowWhy ? absence.reason.rawValue : nil, reasonTitle: mayKnowWhy ? RussianText.absenceReason(absence.reason) : nil,
            substitute: absence.substitute, substituteName: names.name(absence.substitute), status: status.0, statusTitle: status.1,
            returnOpenCases: absence.returnOpenCases
        )
    }
}
