import Foundation

/// What the store persists per account to throttle password guessing: two columns.
public struct LoginThrottleState: Sendable, Hashable, Codable {
    /// Failed logins since the last success or the last expired lockout.
    public var consecutiveFailures: Int
    /// While `now` is before this instant, logins are refused without checking the password.
    public var lockedUntil: Date?

    public init(consecutiveFailures: Int = 0, lockedUntil: Date? = nil) {
        self.consecutiveFailures = consecutiveFailures
        self.lockedUntil = lockedUntil
    }

    /// An account with no recent failures.
    public static let clean = LoginThrottleState()
}
