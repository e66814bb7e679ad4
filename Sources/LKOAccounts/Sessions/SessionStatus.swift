/// Whether a session may still be used, and if not, which limit ended it.
public enum SessionStatus: Sendable, Hashable, CustomStringConvertible {
    /// The session is usable; the store should record `now` as its last activity.
    case valid
    /// The user was inactive for the whole idle timeout.
    case idleExpired
    /// The session reached its maximum age, however active the user was.
    case absoluteExpired

    public var description: String {
        switch self {
        case .valid: "valid"
        case .idleExpired: "expired after inactivity"
        case .absoluteExpired: "expired at its maximum age"
        }
    }
}
