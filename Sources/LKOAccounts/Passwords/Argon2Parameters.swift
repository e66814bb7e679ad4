/// The cost settings of one Argon2id hash.
///
/// Stored hashes carry their own settings (in the PHC string), so changing ``owasp`` later does
/// not break old hashes: they still verify, and ``PasswordHasher/needsRehash(encoded:)`` reports
/// them as due for an upgrade at the owner's next successful login.
public struct Argon2Parameters: Sendable, Hashable, CustomStringConvertible {
    /// Memory cost in KiB (the `m` of the PHC string). The main defence against GPU guessing.
    public var memoryKiB: UInt32
    /// Number of passes over memory (the `t` of the PHC string).
    public var iterations: UInt32
    /// Number of lanes (the `p` of the PHC string). It changes the result, not the attacker's
    /// total work, so it is kept at 1 for a server that hashes one login at a time per request.
    public var parallelism: UInt32
    /// Length of the random salt in bytes.
    public var saltLength: Int
    /// Length of the derived hash in bytes.
    public var hashLength: Int

    public init(
        memoryKiB: UInt32,
        iterations: UInt32,
        parallelism: UInt32 = 1,
        saltLength: Int = 16,
        hashLength: Int = 32
    ) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
        self.saltLength = saltLength
        self.hashLength = hashLength
    }

    /// OWASP Password Storage Cheat Sheet's first Argon2id configuration:
    /// 19 MiB of memory, 2 iterations, 1 lane, 16-byte salt, 32-byte hash.
    public static let owasp = Argon2Parameters(memoryKiB: 19_456, iterations: 2, parallelism: 1)

    public var description: String {
        "m=\(memoryKiB),t=\(iterations),p=\(parallelism) (salt \(saltLength) B, hash \(hashLength) B)"
    }

    /// Whether a hash made with `self` is cheaper to attack than one made with `current`.
    ///
    /// Less memory, fewer passes, a shorter salt or a shorter hash each count as weaker.
    /// Parallelism is deliberately ignored: more lanes split the same memory differently but do
    /// not make a guess cheaper for an attacker.
    public func isWeaker(than current: Argon2Parameters) -> Bool {
        memoryKiB < current.memoryKiB
            || iterations < current.iterations
            || saltLength < current.saltLength
            || hashLength < current.hashLength
    }
}
