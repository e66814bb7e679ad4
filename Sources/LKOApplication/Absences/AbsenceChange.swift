import Foundation
import LKOCalendar
import LKOWorkflow
import LKOMessages

/// What a person fills in to change a recorded absence; nil fields stay as they are.
public struct AbsenceChangeInput: Sendable, Equatable {
    public var from: String?
    public var until: String?
    /// The absence has no known last day any more (sick leave); excludes `until`.
    public var openEnded: Bool
    public var reason: String?
    public var substitute: String?
    public var returnOpenCases: Bool?
    public var allowPartial: Bool?

    public init(from: String? = nil, until: String? = nil, openEnded: Bool = false, reason: String? = nil, substitute: String? = nil, returnOpenCases: Bool? = nil, allowPartial: Bool? = nil) {
        self.from = from
        self.until = until
        self.openEnded = openEnded
        self.reason = reason
        self.substitute = substitute
        self.returnOpenCases = returnOpenCases
        self.allowPartial = allowPartial
    }

    func change() throws -> AbsenceChange {
        if openEnded, until != nil { throw AppError.invalid(.errUntilOrOpenEnded, field: "until") }
        var change = AbsenceChange()
        change.from = try DayInput.field(from, name: "from", required: false)
        if openEnded {
            change.until = .openEnded
        } else if let end = try DayInput.field(until, name: "until", required: false) {
            change.until = .on(end)
        }
        if let start = change.from, let end = change.until, case .on(let last) = end, last < start {
            throw AppError.invalid(.errAbsenceEndsBeforeStart, field: "until")
        }
        if let reason {
            guard let value = Absence.Reason(rawValue: reason) else {
                throw AppError.invalid(.errAbsenceReasonChoices, field: "reason")
            }
            change.reason = value
        }
        if let substitute {
            guard !substitute.isEmpty else { throw AppError.invalid(.errEnterSubstitute, field: "substitute") }
            change.substitute = substitute
        }
        change.returnOpenCases = returnOpenCases
        change.allowPartial = allowPartial
        guard !change.isEmpty else { throw AppError.invalid(.errAbsenceChangeNothing) }
        return change
    }
}

extension LKOService {
    /// Changes a recorded absence after the same checks as the plan (re-planned without itself);
    /// with `dryRun`, only shows what the change would do. A cancelled or ended absence cannot
    /// change; one in progress keeps its first day, and a new substitute takes its cases today.
    public func changeAbsence(_ caller: Caller, id: Int64, _ input: AbsenceChangeInput, dryRun: Bool = false) throws -> AbsencePlanView {
        try run {
            let workflow = try workflow()
            let (absence, plan) = try workflow.changeAbsence(id, try input.change(), dryRun: dryRun, by: caller.account)
            let names = try store.read { try PersonNames.load($0) }
            return try planView(plan, absence: dryRun ? nil : absenceView(absence, caller: caller, workflow: workflow, names: names))
        }
    }
}
