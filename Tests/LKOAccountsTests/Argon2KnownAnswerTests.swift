import Testing
import LKOAccounts

/// Vectors from the Argon2 reference implementation's `src/test.c`
/// (github.com/P-H-C/phc-winner-argon2), Argon2id, version 0x13, password "password",
/// salt "somesalt", 32-byte output. `m` there is given as a power of two.
@Suite("Argon2id known answers")
struct Argon2KnownAnswerTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let parameters: Argon2Parameters
        let password: String
        let rawHashHex: String
        let encoded: String
        var testDescription: String { "m=\(parameters.memoryKiB),t=\(parameters.iterations),p=\(parameters.parallelism),\(password)" }
    }

    static let vectors: [Vector] = [
        // hashtest(version, 2, 8, 1, "password", "somesalt", ...)
        Vector(
            parameters: Argon2Parameters(memoryKiB: 256, iterations: 2, parallelism: 1, saltLength: 8),
            password: "password",
            rawHashHex: "9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe",
            encoded: "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"
        ),
        // hashtest(version, 2, 8, 2, "password", "somesalt", ...)
        Vector(
            parameters: Argon2Parameters(memoryKiB: 256, iterations: 2, parallelism: 2, saltLength: 8),
            password: "password",
            rawHashHex: "6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037",
            encoded: "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc"
        ),
        // hashtest(version, 2, 16, 1, "password", "somesalt", ...): 64 MiB, the headline vector.
        Vector(
            parameters: Argon2Parameters(memoryKiB: 65_536, iterations: 2, parallelism: 1, saltLength: 8),
            password: "password",
            rawHashHex: "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7",
            encoded: "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"
        ),
    ]

    @Test("hashing with the reference salt reproduces the reference PHC string", arguments: vectors)
    func hashingReproducesReference(vector: Vector) throws {
        let hasher = PasswordHasher(parameters: vector.parameters)
        let encoded = try hasher.hash(password: vector.password, salt: Array("somesalt".utf8))
        #expect(encoded == vector.encoded)
    }

    @Test("the PHC string carries the reference raw hash", arguments: vectors)
    func parsedHashMatchesReferenceHex(vector: Vector) throws {
        let parsed = try PHCString(parsing: vector.encoded)
        #expect(parsed.hash.lowercaseHex == vector.rawHashHex)
        #expect(parsed.salt == Array("somesalt".utf8))
        #expect(parsed.variant == .argon2id)
        #expect(parsed.version == 0x13)
    }

    @Test("the reference PHC string verifies the right password only", arguments: vectors)
    func referenceVerifies(vector: Vector) throws {
        // The default hasher (OWASP costs) must still accept a hash made with other costs.
        let hasher = PasswordHasher()
        #expect(try hasher.verify(password: "password", encoded: vector.encoded))
        #expect(try !hasher.verify(password: "passwore", encoded: vector.encoded))
        #expect(try !hasher.verify(password: "", encoded: vector.encoded))
    }

    @Test("a legacy argon2i reference hash still verifies")
    func legacyArgon2iVerifies() throws {
        // Same file, Argon2i section, hashtest(version, 2, 8, 1, "password", "somesalt", ...).
        let encoded = "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8"
        let hasher = PasswordHasher()
        #expect(try hasher.verify(password: "password", encoded: encoded))
        #expect(try !hasher.verify(password: "Password", encoded: encoded))
        #expect(hasher.needsRehash(encoded: encoded))
    }
}
