/// Why the workflow refused something, with what to do about it.
public enum WorkflowError: Error, Equatable, CustomStringConvertible {
    case noActivePolicy
    case unknownCase(String)
    case denied(action: String, explanation: [String])
    case stateForbids(action: String, state: CaseState, allowed: [CaseAction])
    case separationOfDuties(String)
    case invalid(String)
    case notExecutor(login: String, node: String, day: String)
    case calendar(String)

    public var description: String {
        switch self {
        case .noActivePolicy: "no policy is active in this database; apply one with `lko apply`"
        case .unknownCase(let number): "no case with ПОС number \(number); `lko case list` shows the cases you may see"
        case .denied(let action, let explanation): "not allowed to \(action)\n" + explanation.joined(separator: "\n")
        case .stateForbids(let action, let state, let allowed):
            "`\(action)` is not possible while the case is \(state.rawValue) («\(state.title)»)" + (allowed.isEmpty ? "; nothing more can be done with it" : "; possible now: " + allowed.map(\.rawValue).joined(separator: ", "))
        case .separationOfDuties(let message): "separation of duties: \(message)"
        case .invalid(let message): message
        case .notExecutor(let login, let node, let day): "`\(login)` holds no executor grant on `\(node)` on \(day); only executors may be assigned cases (order item 9)"
        case .calendar(let message): message
        }
    }
}
