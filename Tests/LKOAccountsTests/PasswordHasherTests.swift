import Testing
import LKOAccounts

@Suite("PasswordHasher")
struct PasswordHasherTests {
    let cheap = PasswordHasher(parameters: cheapParameters)

    @Test("OWASP hash has the documented PHC shape and verifies")
    func owaspRoundTrip() throws {
        let hasher = PasswordHasher()
        let encoded = try hasher.hash(password: "correct horse battery staple")
        #expect(encoded.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        let parsed = try PHCString(parsing: encoded)
        #expect(parsed.salt.count == 16)
        #expect(parsed.hash.count == 32)
        // 16 bytes → 22 Base64 characters, 32 bytes → 43.
        #expect(encoded.count == "$argon2id$v=19$m=19456,t=2,p=1$".count + 22 + 1 + 43)
        #expect(try hasher.verify(password: "correct horse battery staple", encoded: encoded))
        #expect(try !hasher.verify(password: "correct horse battery stapler", encoded: encoded))
        #expect(!hasher.needsRehash(encoded: encoded))
    }

    @Test("each hash gets a fresh salt")
    func saltsDiffer() throws {
        let first = try PHCString(parsing: cheap.hash(password: "same password"))
        let second = try PHCString(parsing: cheap.hash(password: "same password"))
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
        #expect(first.salt.count == 16)
    }

    @Test("a wrong password is false, not an error")
    func wrongPasswordIsFalse() throws {
        let encoded = try cheap.hash(password: "Tr0ub4dor&3-extended")
        #expect(try cheap.verify(password: "Tr0ub4dor&3-extended", encoded: encoded))
        #expect(try !cheap.verify(password: "tr0ub4dor&3-extended", encoded: encoded))
        #expect(try !cheap.verify(password: "Tr0ub4dor&3-extende", encoded: encoded))
        #expect(try !cheap.verify(password: "", encoded: encoded))
    }

    @Test(
        "unicode passwords round-trip",
        arguments: ["пароль-Ёжик-2025", "密码密码密码密码密码密码", "🔐🦊 emoji pass 🔐", "ß ẞ ﬁ Ⅻ", "a\u{0}b-with-NUL-inside"]
    )
    func unicodeRoundTrip(password: String) throws {
        let encoded = try cheap.hash(password: password)
        #expect(try cheap.verify(password: password, encoded: encoded))
        #expect(try !cheap.verify(password: password + "!", encoded: encoded))
    }

    @Test("a NUL inside the password is part of it, not its end")
    func embeddedNulIsSignificant() throws {
        let encoded = try cheap.hash(password: "a\u{0}b-with-NUL-inside")
        #expect(try !cheap.verify(password: "a", encoded: encoded))
    }

    @Test("composed and decomposed spellings of the same password verify alike")
    func normalisation() throws {
        let composed = "caf\u{E9}-Ёлка-пароль"          // é and Ё as single scalars
        let decomposed = "cafe\u{301}-Е\u{308}лка-пароль" // base letter + combining mark
        #expect(Array(composed.unicodeScalars) != Array(decomposed.unicodeScalars))
        let encoded = try cheap.hash(password: composed)
        #expect(try cheap.verify(password: decomposed, encoded: encoded))
        #expect(try !cheap.verify(password: "cafe-Елка-пароль", encoded: encoded))
    }

    @Test("libargon2 errors are reported with its own message")
    func libraryErrorIsTyped() {
        let tooLittleMemory = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 1, iterations: 1))
        #expect(throws: PasswordHashingError.argon2(code: -14, message: "Memory cost is too small")) {
            try tooLittleMemory.hash(password: "whatever")
        }
        let zeroPasses = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 0))
        #expect(throws: PasswordHashingError.argon2(code: -12, message: "Time cost is too small")) {
            try zeroPasses.hash(password: "whatever")
        }
        let shortSalt = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, saltLength: 4))
        #expect(throws: PasswordHashingError.argon2(code: -6, message: "Salt is too short")) {
            try shortSalt.hash(password: "whatever")
        }
    }

    @Test("nonsense lengths are refused before reaching C")
    func negativeLengths() {
        let negativeHash = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, hashLength: -1))
        #expect(throws: PasswordHashingError.invalidParameters("hash length -1 is not between 0 and 4294967295")) {
            try negativeHash.hash(password: "whatever")
        }
        // A negative salt length yields an empty salt, which libargon2 rejects.
        let negativeSalt = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 256, iterations: 1, saltLength: -5))
        #expect(throws: PasswordHashingError.argon2(code: -6, message: "Salt is too short")) {
            try negativeSalt.hash(password: "whatever")
        }
    }

    @Test("error messages say what is wrong")
    func errorMessages() {
        let error = PasswordHashingError.argon2(code: -14, message: "Memory cost is too small")
        #expect(error.description == "libargon2 failed with code -14: Memory cost is too small.")
        #expect(error.errorDescription == error.description)
        let malformed = PasswordHashingError.malformedHash(.saltTooShort(bytes: 3, minimum: 8))
        #expect(malformed.description == "The salt of the stored password hash is 3 bytes; Argon2 needs at least 8.")
    }
}

@Suite("PasswordHasher timing decoy")
struct TimingDecoyTests {
    @Test("simulated verification runs the same Argon2 work as a real one")
    func decoyCostsLikeVerify() throws {
        // Compared in a single process under the same load; a decoy that did no work would
        // take microseconds, a real check with 4 MiB and 3 passes takes milliseconds.
        let hasher = PasswordHasher(parameters: Argon2Parameters(memoryKiB: 4_096, iterations: 3))
        let encoded = try hasher.hash(password: "real password")
        let clock = ContinuousClock()
        let verify = try (0..<5).map { _ in try clock.measure { _ = try hasher.verify(password: "guess", encoded: encoded) } }.min()!
        let decoy = (0..<5).map { _ in clock.measure { hasher.simulateVerification(password: "guess") } }.min()!
        #expect(decoy > verify / 4)
    }
}
