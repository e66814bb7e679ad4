import Foundation

/// Why a stored password hash is not a well-formed Argon2 PHC string.
///
/// The messages name the faulty part and say what was expected, but never echo more than a
/// short fragment of the input: a stored hash is sensitive, and garbage can be arbitrarily long.
public enum PHCFormatError: Error, Sendable, Hashable, LocalizedError, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// The text is longer than any Argon2 hash this module accepts.
    case tooLong(length: Int, limit: Int)
    /// The text does not start with `$`, so it is not a PHC string at all.
    case missingLeadingDollar
    /// The text does not have the `$algorithm$v=19$m=…,t=…,p=…$salt$hash` shape.
    case wrongShape(fieldCount: Int)
    /// The algorithm field names something other than argon2d, argon2i or argon2id.
    case unknownAlgorithm(String)
    /// The version field is not `v=16` or `v=19`.
    case invalidVersion(String)
    /// The parameter field is not exactly `m=<KiB>,t=<passes>,p=<lanes>`.
    case invalidParameters(String)
    /// The salt or hash field is not padding-free standard Base64.
    case invalidBase64(field: String)
    /// The salt is shorter than Argon2's minimum of 8 bytes.
    case saltTooShort(bytes: Int, minimum: Int)
    /// The hash is shorter than Argon2's minimum of 4 bytes.
    case hashTooShort(bytes: Int, minimum: Int)

    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case .empty:
            return "The stored password hash is empty; expected an Argon2 PHC string such as "
                + "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>."
        case let .tooLong(length, limit):
            return "The stored password hash is \(length) characters long; an Argon2 PHC string "
                + "is at most \(limit)."
        case .missingLeadingDollar:
            return "The stored password hash does not start with '$'; expected an Argon2 PHC "
                + "string such as $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>."
        case let .wrongShape(fieldCount):
            return "The stored password hash has \(fieldCount) '$'-separated fields; expected "
                + "$<algorithm>$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>."
        case let .unknownAlgorithm(name):
            return "The stored password hash names algorithm '\(PHCFormatError.excerpt(name))'; "
                + "expected argon2id (or the legacy argon2i / argon2d)."
        case let .invalidVersion(field):
            return "The stored password hash has version field '\(PHCFormatError.excerpt(field))'; "
                + "expected v=19 (or the legacy v=16)."
        case let .invalidParameters(field):
            return "The stored password hash has parameters '\(PHCFormatError.excerpt(field))'; "
                + "expected m=<KiB>,t=<passes>,p=<lanes> with positive decimal numbers in that order."
        case let .invalidBase64(field):
            return "The \(field) of the stored password hash is not padding-free Base64 "
                + "(characters A–Z, a–z, 0–9, '+', '/')."
        case let .saltTooShort(bytes, minimum):
            return "The salt of the stored password hash is \(bytes) bytes; Argon2 needs at least \(minimum)."
        case let .hashTooShort(bytes, minimum):
            return "The hash of the stored password hash is \(bytes) bytes; Argon2 needs at least \(minimum)."
        }
    }

    /// At most 24 characters of a faulty field, enough to recognise it in a log.
    static func excerpt(_ text: some StringProtocol) -> String {
        text.count <= 24 ? String(text) : String(text.prefix(24)) + "…"
    }
}
