/// Where a case is in the ПОС lifecycle.
public enum CaseState: String, Sendable, Codable, CaseIterable, Comparable {
    /// На модерации (outside the organization: the regional moderator).
    case moderation
    /// Отклонено модератором.
    case rejected
    /// Поступило в организацию: waits for the Координатор.
    case received
    /// Назначен исполнитель.
    case assigned
    /// В работе: the executor is drafting.
    case inProgress = "in_progress"
    /// На утверждении.
    case onApproval = "on_approval"
    /// Возвращено на доработку.
    case returned
    /// Отправлен ответ заявителю (approval sends the answer automatically, order item 12).
    case answered
    /// Перенаправлено (not the organization's competence).
    case redirected

    public var title: String {
        switch self {
        case .moderation: "На модерации"
        case .rejected: "Отклонено модератором"
        case .received: "Поступило (Координатор)"
        case .assigned: "Назначен исполнитель"
        case .inProgress: "В работе"
        case .onApproval: "На утверждении"
        case .returned: "Возвращено на доработку"
        case .answered: "Отправлен ответ заявителю"
        case .redirected: "Перенаправлено"
        }
    }

    /// Open cases count against terms and move to a substitute during an absence.
    public var isOpen: Bool {
        switch self {
        case .received, .assigned, .inProgress, .onApproval, .returned: true
        case .moderation, .rejected, .answered, .redirected: false
        }
    }

    public static func < (lhs: CaseState, rhs: CaseState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
