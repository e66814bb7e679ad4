import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOWorkflow
import LKOMessages

public struct ExplainResult: Sendable, Codable, Equatable {
    public var allowed: Bool
    public var login: String
    public var action: String
    public var node: String?
    public var date: String
    public var lines: [String]
}

public struct DeadlineResult: Sendable, Codable, Equatable {
    public var from: String
    public var days: Int
    public var unit: String
    public var deadline: String
    public var deadlineText: String
    /// Why the deadline is where it is, when that needs saying (a term swallowed by holidays), in
    /// Russian with DD.MM.YYYY dates, like the API's other texts for people.
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case from, days, unit, deadline
        case deadlineText = "deadline_text"
        case note
    }
}

extension LKOService {
    /// Allow or deny, and why, under the active policy. Anyone may ask about themselves; asking
    /// about someone else needs `manage_users`, `manage_policy` or `report`.
    public func explain(_ caller: Caller, login: String?, action name: String, subcategory: String?, assignee: String?, at: String?) throws -> ExplainResult {
        try run {
            let workflow = try workflow()
            let policy = workflow.policy
            let subject = (login?.isEmpty == false ? login! : caller.login)
            if subject != caller.login {
                let day = workflow.today
                guard [.manageUsers, .managePolicy, .report].contains(where: { policy.decide(login: caller.login, action: $0, node: nil, assignee: nil, on: day) }) else {
                    throw AppError(.forbidden, code: "forbidden", Message(.errExplainOthersForbidden))
                }
            }
            guard let action = Action(rawValue: name) else {
                throw AppError.invalid(.errUnknownActionChoices, ["action": .text(String(name.prefix(40))), "actions": .text(Action.allCases.map(\.rawValue).joined(separator: ", "))], field: "action")
            }
            var node: Int?
            if let subcategory, !subcategory.isEmpty {
                guard let index = policy.nodeIndex(subcategory) else { throw AppError.invalid(.errNoSuchSubcategory, ["node": .text(String(subcategory.prefix(60)))], field: "subcategory") }
                node = index
            }
            let day = try DayInput.field(at, name: "at", required: false) ?? workflow.today
            // With the recorded absences: a declared substitute's right shows with its source.
            let absences = policy.substituteRows.isEmpty ? [] : try workflow.absenceFacts()
            let explanation = policy.explain(login: subject, action: action, node: node, assignee: assignee?.isEmpty == true ? nil : assignee, on: day, absences: absences)
            return ExplainResult(allowed: explanation.allowed, login: subject, action: action.rawValue, node: subcategory, date: day.description, lines: explanation.lines)
        }
    }

    /// A term's end on the production calendar (order item 10), with the policy's calendar.
    public func deadline(_ caller: Caller, from: String, days: Int, unit: String) throws -> DeadlineResult {
        try run {
            _ = caller
            let workflow = try workflow()
            guard let start = try DayInput.field(from, name: "from", required: true) else { throw AppError.invalid(.errEnterDate, field: "from") }
            guard (1...366).contains(days) else { throw AppError.invalid(.errTermDaysRange, field: "days") }
            let termUnit: TermValue.Unit
            switch unit {
            case "calendar", "": termUnit = .calendar
            case "working": termUnit = .working
            default: throw AppError.invalid(.errTermUnitChoices, field: "unit")
            }
            let result = try workflow.deadline(entry: start, term: TermValue(days: days, unit: termUnit))
            return DeadlineResult(from: start.description, days: days, unit: termUnit == .working ? "working" : "calendar", deadline: result.date.description,
                                  deadlineText: RussianText.date(result.date), note: result.noteMessage?.render(.ru))
        }
    }
}
