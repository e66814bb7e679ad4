import LKOMessages

/// Why the workflow refused something, with what to do about it. Refusals people read carry a
/// message of the catalog (rendered in Russian by the API and the console, in the reader's
/// language by the CLI) and a stable, language-neutral ``code``.
public enum WorkflowError: Error, Equatable, CustomStringConvertible {
    case noActivePolicy
    case unknownCase(String)
    /// Not allowed: the action (in English, for logs) and why, as messages of the catalog (the
    /// explanation `lko explain` gives).
    case denied(action: String, explanation: [Message])
    case stateForbids(action: String, state: CaseState, allowed: [CaseAction])
    case separationOfDuties(String)
    /// A request the workflow refuses: its code (`comment_required`, `already_extended`, …) and
    /// the message for people.
    case invalid(code: String, Message)
    /// No absence with this number.
    case absenceNotFound(Int64)
    /// An absence that cannot be recorded (`absence` nil) or changed: the plan's errors, and the
    /// policy lines to paste when the substitute does not cover everything.
    case planRefused(absence: Int64?, errors: [DelegationPlan.Issue], suggestion: [String])
    case notExecutor(login: String, node: String, day: String)
    /// The production calendar cannot answer (a year it does not cover, bad additions).
    case calendar(Message)

    /// A stable code for machines and tests.
    public var code: String {
        switch self {
        case .noActivePolicy: "no_active_policy"
        case .unknownCase: "case_not_found"
        case .denied: "forbidden"
        case .stateForbids: "state_forbids"
        case .separationOfDuties: "separation_of_duties"
        case .invalid(let code, _): code
        case .absenceNotFound: "absence_not_found"
        case .planRefused: "plan_refused"
        case .notExecutor: "not_executor"
        case .calendar: "calendar"
        }
    }

    /// The message of a refusal that has one in the catalog (`invalid`, `absenceNotFound`,
    /// `planRefused`: its heading; the plan's errors are ``planErrors``).
    public var message: Message? {
        switch self {
        case .invalid(_, let message), .calendar(let message): message
        case .absenceNotFound(let id): Message(.absErrNotFound, ["id": "\(id)"])
        case .planRefused(let absence, _, _): absence.map { Message(.absErrNotChanged, ["id": "\($0)"]) } ?? Message(.absErrNotRecorded)
        default: nil
        }
    }

    /// The lines under a refused plan's heading: each error, then the lines to paste.
    public var planErrors: [Message] {
        guard case .planRefused(_, let errors, let suggestion) = self else { return [] }
        return errors.map(\.message) + suggestion.map { Message(.planSuggestion, ["paste": .text($0)]) }
    }

    /// In English, for administrators' logs and the CLI's English output.
    public var description: String {
        switch self {
        case .noActivePolicy: "no policy is active in this database; apply one with `lko apply`"
        case .unknownCase(let number): "no case with ПОС number \(number); `lko case list` shows the cases you may see"
        case .denied(let action, let explanation): "not allowed to \(action)\n" + explanation.map { $0.render(.en) }.joined(separator: "\n")
        case .stateForbids(let action, let state, let allowed):
            "`\(action)` is not possible while the case is \(state.rawValue) («\(state.title)»)" + (allowed.isEmpty ? "; nothing more can be done with it" : "; possible now: " + allowed.map(\.rawValue).joined(separator: ", "))
        case .separationOfDuties(let message): "separation of duties: \(message)"
        case .invalid, .absenceNotFound: message?.render(.en) ?? ""
        case .planRefused:
            ([message?.render(.en) ?? ""] + planErrors.map { "  - " + $0.render(.en) }).joined(separator: "\n")
        case .notExecutor(let login, let node, let day): "`\(login)` holds no executor grant on `\(node)` on \(day); only executors may be assigned cases (order item 9)"
        case .calendar(let message): message.render(.en)
        }
    }
}

extension WorkflowError {
    /// A refusal with its code and a catalog message.
    static func refused(_ code: String, _ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> WorkflowError {
        .invalid(code: code, Message(key, arguments))
    }
}
