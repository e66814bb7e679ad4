import LKOCompiler

/// What a person (or the platform) does to a case: the verbs of `lko case`.
public enum CaseAction: String, Sendable, Codable, CaseIterable {
    case moderate, reject, assign, reassign, draft, submit, approve
    case `return`
    case redirect, extend, reopen
    /// Order item 7: the coordinator moves a case to the node its content belongs to.
    case reclassify

    /// The policy action that must be allowed; nil for platform events (moderation), which no
    /// person in the organization performs.
    public var permission: Action? {
        switch self {
        case .moderate, .reject: nil
        case .assign, .reopen, .reclassify: .assign
        case .reassign: .reassign
        case .draft: .draft
        case .submit: .submit
        case .approve: .approve
        case .return: .return
        case .redirect: .redirect
        case .extend: .extend
        }
    }
}

/// The closed transition table of the lifecycle (`docs/workflow.md`): for each action, the states
/// it may start from and the state it leads to. Anything not listed is refused.
public enum TransitionTable {
    public struct Transition: Sendable, Equatable {
        public var from: Set<CaseState>
        /// nil: the state does not change (an extension).
        public var to: CaseState?
    }

    public static let transitions: [CaseAction: Transition] = [
        .moderate: Transition(from: [.moderation], to: .received),
        .reject: Transition(from: [.moderation], to: .rejected),
        .assign: Transition(from: [.received], to: .assigned),
        .reassign: Transition(from: [.assigned, .inProgress, .returned], to: .assigned),
        .draft: Transition(from: [.assigned, .inProgress, .returned], to: .inProgress),
        .submit: Transition(from: [.inProgress], to: .onApproval),
        .approve: Transition(from: [.onApproval], to: .answered),
        .return: Transition(from: [.onApproval], to: .returned),
        .redirect: Transition(from: [.received, .assigned, .inProgress, .returned], to: .redirected),
        .extend: Transition(from: [.received, .assigned, .inProgress, .onApproval, .returned], to: nil),
        .reopen: Transition(from: [.answered], to: .received),
        // To the coordinator's queue, then routed again (possibly straight to an executor).
        .reclassify: Transition(from: [.received, .assigned, .inProgress, .returned], to: .received),
    ]

    /// The state after `action` from `state`, or nil when the table does not allow it.
    public static func target(of action: CaseAction, from state: CaseState) -> CaseState?? {
        guard let transition = transitions[action], transition.from.contains(state) else { return nil }
        return .some(transition.to)
    }

    public static func allows(_ action: CaseAction, from state: CaseState) -> Bool {
        transitions[action]?.from.contains(state) ?? false
    }

    /// Actions allowed from a state, for "what can I do now" messages.
    public static func actions(from state: CaseState) -> [CaseAction] {
        CaseAction.allCases.filter { allows($0, from: state) }
    }
}
