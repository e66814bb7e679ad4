import Foundation

/// Why a password could not be hashed or checked.
///
/// A wrong password is not an error: ``PasswordHasher/verify(password:encoded:)`` returns
/// `false` for it. These cases mean the stored hash or the configuration is unusable, which the
/// caller should log and treat as a failed login without telling the user more.
public enum PasswordHashingError: Error, Sendable, Hashable, LocalizedError, CustomStringConvertible {
    /// The stored hash is not a well-formed PHC string.
    case malformedHash(PHCFormatError)
    /// The stored hash uses a variant this module refuses to verify (argon2d).
    case unsupportedVariant(Argon2Variant)
    /// The stored hash asks for more work than ``PasswordHasher/verificationCostLimit`` allows;
    /// verifying it could exhaust the server's memory or time.
    case storedCostTooHigh(stored: String, limit: String)
    /// The configured parameters cannot be passed to libargon2 (a negative or huge length).
    case invalidParameters(String)
    /// libargon2 reported an error; `message` is its own `argon2_error_message`.
    case argon2(code: Int32, message: String)

    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case let .malformedHash(reason):
            return reason.description
        case let .unsupportedVariant(variant):
            return "The stored password hash uses \(variant), which is not accepted for passwords; "
                + "reset the password so it is stored as argon2id."
        case let .storedCostTooHigh(stored, limit):
            return "The stored password hash asks for \(stored), above the verification limit "
                + "\(limit); the value is corrupt or hostile, reset the password."
        case let .invalidParameters(reason):
            return "The Argon2 parameters are unusable: \(reason)."
        case let .argon2(code, message):
            return "libargon2 failed with code \(code): \(message)."
        }
    }
}
