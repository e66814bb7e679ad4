import Foundation

/// Locks an account after repeated failed logins: five in a row lock it for 15 minutes.
///
/// Pure logic over ``LoginThrottleState``; the store loads the state, asks ``gate(for:now:)``,
/// checks the password only when the gate is open, and saves ``recordingFailure(_:now:)`` or
/// ``recordingSuccess()``. Do both in one transaction, or concurrent guesses can slip
/// between the read and the write.
///
/// Attempts during a lockout neither count nor extend it: extending would let anyone keep a
/// colleague locked out indefinitely by guessing on their login.
public struct LoginThrottle: Sendable, Hashable {
    /// Consecutive failures that trigger a lockout.
    public var maximumFailures: Int
    /// How long a lockout lasts, in seconds.
    public var lockoutDuration: TimeInterval

    public init(maximumFailures: Int = 5, lockoutDuration: TimeInterval = 15 * 60) {
        self.maximumFailures = maximumFailures
        self.lockoutDuration = lockoutDuration
    }

    /// Five failures, fifteen minutes.
    public static let standard = LoginThrottle()

    /// Whether an attempt at `now` may check the password. The lock ends exactly at
    /// `lockedUntil`.
    public func gate(for state: LoginThrottleState, now: Date) -> LoginGate {
        if let lockedUntil = state.lockedUntil, now < lockedUntil {
            return .locked(until: lockedUntil)
        }
        return .open
    }

    /// The state after a wrong password at `now`.
    ///
    /// The failure that reaches ``maximumFailures`` sets `lockedUntil`. A failure after an
    /// expired lockout starts a new count of one, so the user gets a fresh set of attempts.
    public func recordingFailure(_ state: LoginThrottleState, now: Date) -> LoginThrottleState {
        if case .locked = gate(for: state, now: now) {
            return state
        }
        // After an expired lockout the old failures no longer count.
        let previous = state.lockedUntil == nil ? state.consecutiveFailures : 0
        // Clamped, so a corrupt stored count (negative or huge) cannot overflow or misbehave.
        let threshold = max(maximumFailures, 1)
        let failures = min(max(previous, 0), threshold - 1) + 1
        let lockedUntil = failures >= threshold ? now.addingTimeInterval(lockoutDuration) : nil
        return LoginThrottleState(consecutiveFailures: failures, lockedUntil: lockedUntil)
    }

    /// The state after a correct password: all failures are forgiven, whatever came before.
    public func recordingSuccess() -> LoginThrottleState {
        .clean
    }
}
