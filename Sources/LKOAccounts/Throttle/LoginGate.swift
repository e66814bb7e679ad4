import Foundation

/// Whether a login attempt may proceed to the password check.
public enum LoginGate: Sendable, Hashable, CustomStringConvertible {
    /// Check the password.
    case open
    /// Refuse without checking the password, so that guesses during the lockout reveal nothing.
    case locked(until: Date)

    public var description: String {
        switch self {
        case .open: "open"
        case let .locked(until): "locked until \(until.formatted(.iso8601))"
        }
    }
}
