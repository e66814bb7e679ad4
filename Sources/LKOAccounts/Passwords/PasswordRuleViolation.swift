import Foundation

/// One way a proposed password breaks ``PasswordRules``, with a message that tells the user how
/// to fix it.
public enum PasswordRuleViolation: Sendable, Hashable, LocalizedError, CustomStringConvertible {
    /// Fewer characters than the minimum.
    case tooShort(length: Int, minimum: Int)
    /// More characters than the maximum.
    case tooLong(length: Int, maximum: Int)
    /// The password contains the account's login, ignoring letter case.
    case containsLogin(login: String)

    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case let .tooShort(length, minimum):
            return "The password has \(length) \(PasswordRuleViolation.characters(length)); use at least "
                + "\(minimum). Several unrelated words make a long password that is easy to remember."
        case let .tooLong(length, maximum):
            return "The password has \(length) \(PasswordRuleViolation.characters(length)); use at most \(maximum)."
        case let .containsLogin(login):
            return "The password contains the login '\(login)'; choose one that does not include "
                + "the login in any letter case."
        }
    }

    private static func characters(_ count: Int) -> String {
        count == 1 ? "character" : "characters"
    }
}
