import Testing
import LKOAccounts

@Suite("PHC string parsing")
struct PHCStringTests {
    @Test("a well-formed string is taken apart")
    func parsesFields() throws {
        let parsed = try PHCString(parsing: "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4")
        #expect(parsed.variant == .argon2id)
        #expect(parsed.version == 19)
        #expect(parsed.parameters == Argon2Parameters(memoryKiB: 19_456, iterations: 2, parallelism: 1, saltLength: 8, hashLength: 32))
        #expect(parsed.salt == Array("somesalt".utf8))
    }

    @Test("a missing version field means the legacy v=16")
    func missingVersionIsLegacy() throws {
        let parsed = try PHCString(parsing: phc(version: nil))
        #expect(parsed.version == 16)
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let input: String
        let error: PHCFormatError
        var testDescription: String { "\(error)".prefix(60) + "" }
    }

    static let salt = "c29tZXNhbHQ"
    static let hash = "nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"

    static let malformed: [Malformed] = [
        Malformed(input: "", error: .empty),
        Malformed(input: "argon2id$v=19$m=256,t=2,p=1$\(salt)$\(hash)", error: .missingLeadingDollar),
        Malformed(input: "password123", error: .missingLeadingDollar),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$\(salt)", error: .wrongShape(fieldCount: 4)),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$\(salt)$\(hash)$extra", error: .wrongShape(fieldCount: 6)),
        Malformed(input: "$", error: .wrongShape(fieldCount: 1)),
        Malformed(input: "$$$$", error: .unknownAlgorithm("")),
        Malformed(input: "$$$$$", error: .wrongShape(fieldCount: 5)),
        Malformed(input: "$argon2id$m=256,t=2,p=1$\(salt)", error: .wrongShape(fieldCount: 3)),
        Malformed(input: "$scrypt$v=19$m=256,t=2,p=1$\(salt)$\(hash)", error: .unknownAlgorithm("scrypt")),
        Malformed(input: "$Argon2id$v=19$m=256,t=2,p=1$\(salt)$\(hash)", error: .unknownAlgorithm("Argon2id")),
        Malformed(input: "$argon2id\u{0}$v=19$m=256,t=2,p=1$\(salt)$\(hash)", error: .unknownAlgorithm("argon2id\u{0}")),
        Malformed(input: "$argon2id$v=20$m=256,t=2,p=1$\(salt)$\(hash)", error: .invalidVersion("v=20")),
        Malformed(input: "$argon2id$v=019$m=256,t=2,p=1$\(salt)$\(hash)", error: .invalidVersion("v=019")),
        Malformed(input: "$argon2id$v=19$m=256,t=2$\(salt)$\(hash)", error: .invalidParameters("m=256,t=2")),
        Malformed(input: "$argon2id$v=19$t=2,m=256,p=1$\(salt)$\(hash)", error: .invalidParameters("t=2,m=256,p=1")),
        Malformed(input: "$argon2id$v=19$m=-256,t=2,p=1$\(salt)$\(hash)", error: .invalidParameters("m=-256,t=2,p=1")),
        Malformed(input: "$argon2id$v=19$m=+256,t=2,p=1$\(salt)$\(hash)", error: .invalidParameters("m=+256,t=2,p=1")),
        Malformed(input: "$argon2id$v=19$m=0256,t=2,p=1$\(salt)$\(hash)", error: .invalidParameters("m=0256,t=2,p=1")),
        Malformed(input: "$argon2id$v=19$m=0,t=2,p=1$\(salt)$\(hash)", error: .invalidParameters("m=0,t=2,p=1")),
        Malformed(input: "$argon2id$v=19$m=4294967296,t=2,p=1$\(salt)$\(hash)", error: .invalidParameters("m=4294967296,t=2,p=1")),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1,keyid=x$\(salt)$\(hash)", error: .invalidParameters("m=256,t=2,p=1,keyid=x")),
        Malformed(input: "$argon2id$v=19$m=２５６,t=2,p=1$\(salt)$\(hash)", error: .invalidParameters("m=２５６,t=2,p=1")),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$\(salt)=$\(hash)", error: .invalidBase64(field: "salt")),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHR$\(hash)", error: .invalidBase64(field: "salt")),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$\(salt)$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi-4", error: .invalidBase64(field: "hash")),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$\(salt)$a", error: .invalidBase64(field: "hash")),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$c29t$\(hash)", error: .saltTooShort(bytes: 3, minimum: 8)),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$$\(hash)", error: .saltTooShort(bytes: 0, minimum: 8)),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$\(salt)$nfA", error: .hashTooShort(bytes: 2, minimum: 4)),
        Malformed(input: "$argon2id$v=19$m=256,t=2,p=1$\(salt)$" + String(repeating: "A", count: 600), error: .tooLong(length: 641, limit: 512)),
    ]

    @Test("malformed strings give a precise error", arguments: malformed)
    func malformedInput(_ example: Malformed) {
        #expect(throws: example.error) { try PHCString(parsing: example.input) }
    }

    @Test("verify reports malformed stored hashes as errors, not false", arguments: malformed)
    func verifyRejectsMalformed(_ example: Malformed) {
        let hasher = PasswordHasher(parameters: cheapParameters)
        #expect(throws: PasswordHashingError.malformedHash(example.error)) {
            try hasher.verify(password: "password", encoded: example.input)
        }
    }

    @Test("verify refuses argon2d and costs beyond the verification limit")
    func verifyRefusesDangerousStrings() {
        let hasher = PasswordHasher()
        #expect(throws: PasswordHashingError.unsupportedVariant(.argon2d)) {
            try hasher.verify(password: "password", encoded: phc("argon2d", costs: "m=256,t=2,p=1"))
        }
        #expect(throws: PasswordHashingError.storedCostTooHigh(stored: "m=4194304,t=2,p=1", limit: "m=262144,t=16,p=8")) {
            try hasher.verify(password: "password", encoded: phc(costs: "m=4194304,t=2,p=1"))
        }
        #expect(throws: PasswordHashingError.storedCostTooHigh(stored: "m=256,t=1000,p=1", limit: "m=262144,t=16,p=8")) {
            try hasher.verify(password: "password", encoded: phc(costs: "m=256,t=1000,p=1"))
        }
    }

    @Test("a parseable string that libargon2 still rejects becomes a typed library error")
    func libraryRejectsTooLittleMemory() {
        // m=8 with p=2 is below Argon2's floor of 8 KiB per lane; only libargon2 knows that.
        let hasher = PasswordHasher()
        #expect(throws: PasswordHashingError.argon2(code: -14, message: "Memory cost is too small")) {
            try hasher.verify(password: "password", encoded: phc(costs: "m=8,t=1,p=2"))
        }
    }

    @Test("random garbage and mutations of a real hash never crash verify or needsRehash")
    func fuzzNeverCrashes() {
        let hasher = PasswordHasher(parameters: cheapParameters)
        // The reference vector (m=256, t=2, p=1): fixed, so every run explores the same inputs.
        let valid = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array("$=,+/-_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\u{0}é".unicodeScalars)
        var matched = 0, mismatched = 0, rejected = 0
        for round in 0..<2_000 {
            var scalars = Array(valid.unicodeScalars)
            if round.isMultiple(of: 2) {
                // Replace one to three characters of the valid string.
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let position = Int.random(in: 0..<scalars.count, using: &generator)
                    scalars[position] = alphabet.randomElement(using: &generator)!
                }
            } else {
                scalars = (0..<Int.random(in: 0...120, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            _ = hasher.needsRehash(encoded: text)
            switch Result(catching: { try hasher.verify(password: "password", encoded: text) }) {
            case .success(true):
                matched += 1
                // Only a "mutation" that put back the same characters may still match.
                #expect(text == valid)
            case .success(false): mismatched += 1
            case .failure: rejected += 1
            }
        }
        // Both outcomes were exercised: parseable-but-wrong strings and rejected ones.
        #expect(mismatched > 100)
        #expect(rejected > 1_000)
        #expect(matched + mismatched + rejected == 2_000)
    }
}

/// A small deterministic generator so that the fuzz test explores the same inputs every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
