import CArgon2

/// Hashes and verifies passwords with Argon2id, storing them as PHC strings.
///
/// A new hash looks like `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`: the variant, version,
/// costs and salt travel with the hash, so the store needs one text column and old hashes keep
/// verifying after ``parameters`` change. After a successful login, ask
/// ``needsRehash(encoded:)`` and, if it says so, store a fresh ``hash(password:)``.
///
/// Hashing is deliberately slow (tens of milliseconds with ``Argon2Parameters/owasp``); run it
/// off latency-critical threads.
public struct PasswordHasher: Sendable {
    /// The costs used for new hashes and as the bar for ``needsRehash(encoded:)``.
    public let parameters: Argon2Parameters

    /// The most expensive stored hash ``verify(password:encoded:)`` will attempt. A stored
    /// string chooses its own costs, so without a ceiling one corrupt row could demand gigabytes.
    public let verificationCostLimit: Argon2Parameters

    /// The default ceiling: 256 MiB, 16 passes, 8 lanes. Far above any policy this project
    /// would choose, far below what would endanger the server.
    public static let defaultVerificationCostLimit = Argon2Parameters(
        memoryKiB: 262_144, iterations: 16, parallelism: 8
    )

    public init(
        parameters: Argon2Parameters = .owasp,
        verificationCostLimit: Argon2Parameters = PasswordHasher.defaultVerificationCostLimit
    ) {
        self.parameters = parameters
        self.verificationCostLimit = verificationCostLimit
    }

    /// Hashes `password` with a fresh random salt and returns the PHC string to store.
    public func hash(password: String) throws(PasswordHashingError) -> String {
        try hash(password: password, salt: PasswordHasher.randomSalt(length: parameters.saltLength))
    }

    /// Hashes `password` with the given salt. Only for known-answer tests: a reused salt lets
    /// an attacker attack many hashes at once, so production code must use ``hash(password:)``.
    package func hash(password: String, salt: [UInt8]) throws(PasswordHashingError) -> String {
        guard let hashLength = UInt32(exactly: parameters.hashLength) else {
            throw .invalidParameters("hash length \(parameters.hashLength) is not between 0 and \(UInt32.max)")
        }
        guard let saltLength = UInt32(exactly: salt.count) else {
            throw .invalidParameters("salt of \(salt.count) bytes is too long")
        }
        let password = PasswordText.bytes(of: password)
        let capacity = argon2_encodedlen(
            parameters.iterations, parameters.memoryKiB, parameters.parallelism,
            saltLength, hashLength, Argon2_id
        )
        var encoded = [CChar](repeating: 0, count: capacity)
        let code = password.withUnsafeBytes { password in
            salt.withUnsafeBytes { salt in
                encoded.withUnsafeMutableBufferPointer { encoded in
                    argon2id_hash_encoded(
                        parameters.iterations, parameters.memoryKiB, parameters.parallelism,
                        password.baseAddress, password.count,
                        salt.baseAddress, salt.count,
                        Int(hashLength),
                        encoded.baseAddress, encoded.count
                    )
                }
            }
        }
        guard code == ARGON2_OK.rawValue else { throw PasswordHasher.libraryError(code) }
        let text = encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `password` matches the stored PHC string `encoded`.
    ///
    /// The comparison is libargon2's own constant-time one. Legacy argon2i hashes are accepted
    /// so their owners can still log in and be upgraded; argon2d hashes are refused.
    ///
    /// - Returns: `false` for a wrong password.
    /// - Throws: ``PasswordHashingError`` when `encoded` is malformed, uses argon2d, exceeds
    ///   ``verificationCostLimit``, or libargon2 fails for another reason.
    public func verify(password: String, encoded: String) throws(PasswordHashingError) -> Bool {
        let stored: PHCString
        do {
            stored = try PHCString(parsing: encoded)
        } catch {
            throw .malformedHash(error)
        }
        let type: Argon2_type
        switch stored.variant {
        case .argon2id: type = Argon2_id
        case .argon2i: type = Argon2_i
        case .argon2d: throw .unsupportedVariant(.argon2d)
        }
        try checkWithinVerificationLimit(stored.parameters)

        let password = PasswordText.bytes(of: password)
        let code = encoded.withCString { encoded in
            password.withUnsafeBytes { password in
                argon2_verify(encoded, password.baseAddress, password.count, type)
            }
        }
        switch code {
        case ARGON2_OK.rawValue: return true
        case ARGON2_VERIFY_MISMATCH.rawValue: return false
        default: throw PasswordHasher.libraryError(code)
        }
    }

    /// Spends as long as ``verify(password:encoded:)`` would, and checks nothing.
    ///
    /// Call it when the login does not exist: otherwise "unknown login" answers in microseconds
    /// and "wrong password" in milliseconds, and the difference tells an attacker which logins
    /// exist. A hash with ``parameters`` costs the same as verifying a hash stored with them.
    public func simulateVerification(password: String) {
        _ = try? hash(password: password)
    }

    /// Whether a stored hash should be replaced by a fresh one at the next successful login:
    /// it is not argon2id, predates Argon2 version 19, is weaker than ``parameters`` (see
    /// ``Argon2Parameters/isWeaker(than:)``), or cannot be parsed at all.
    public func needsRehash(encoded: String) -> Bool {
        guard let stored = try? PHCString(parsing: encoded) else { return true }
        return stored.variant != .argon2id
            || stored.version < PHCString.currentVersion
            || stored.parameters.isWeaker(than: parameters)
    }

    private func checkWithinVerificationLimit(_ stored: Argon2Parameters) throws(PasswordHashingError) {
        let limit = verificationCostLimit
        if stored.memoryKiB > limit.memoryKiB
            || stored.iterations > limit.iterations
            || stored.parallelism > limit.parallelism {
            throw .storedCostTooHigh(
                stored: "m=\(stored.memoryKiB),t=\(stored.iterations),p=\(stored.parallelism)",
                limit: "m=\(limit.memoryKiB),t=\(limit.iterations),p=\(limit.parallelism)"
            )
        }
    }

    /// `length` bytes from the operating system's CSPRNG (`getrandom` on Linux).
    private static func randomSalt(length: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<max(length, 0)).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    private static func libraryError(_ code: Int32) -> PasswordHashingError {
        let message = argon2_error_message(code).map { String(cString: $0) } ?? "unknown error"
        return .argon2(code: code, message: message)
    }
}
