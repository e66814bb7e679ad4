/// The three members of the Argon2 family, named as they appear in a PHC string (`$argon2id$…`).
public enum Argon2Variant: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Data-dependent memory access: fastest, but leaks timing through the cache. Never used
    /// for passwords here; recognised only so that a stored `argon2d` hash gets a clear error.
    case argon2d
    /// Data-independent memory access. Older deployments used it for passwords; such hashes
    /// still verify so their owners can log in once and be rehashed to `argon2id`.
    case argon2i
    /// The hybrid recommended by RFC 9106 and OWASP. Every new hash uses it.
    case argon2id

    public var description: String { rawValue }
}
