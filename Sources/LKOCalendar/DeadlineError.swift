/// A term the deadline calculator will not compute.
public enum DeadlineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The term's days are outside ``Term/allowedDays``.
    case termOutOfRange(days: Int)
    /// The extension is negative or longer than ``Term/maximumExtensionDays``.
    case extensionOutOfRange(days: Int)

    public var description: String {
        switch self {
        case .termOutOfRange(let days):
            "a term of \(days) days is out of range: terms run from \(Term.allowedDays.lowerBound) to \(Term.allowedDays.upperBound) days"
        case .extensionOutOfRange(let days):
            "an extension of \(days) days is out of range: extensions run from 0 to \(Term.maximumExtensionDays) days"
        }
    }
}
