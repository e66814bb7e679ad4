import Testing
import LKOAccounts

@Suite("needsRehash")
struct NeedsRehashTests {
    let hasher = PasswordHasher() // current policy: OWASP m=19456, t=2, p=1

    @Test("a hash at the current policy is kept")
    func currentIsKept() {
        #expect(!hasher.needsRehash(encoded: phc()))
    }

    @Test("a hash stronger than the policy is kept")
    func strongerIsKept() {
        #expect(!hasher.needsRehash(encoded: phc(costs: "m=65536,t=3,p=1")))
        // More lanes do not make a guess cheaper, so they are not a reason to rehash.
        #expect(!hasher.needsRehash(encoded: phc(costs: "m=19456,t=2,p=4")))
    }

    @Test(
        "weaker, older or foreign hashes are replaced",
        arguments: [
            phc(costs: "m=4096,t=2,p=1"),          // less memory
            phc(costs: "m=19455,t=2,p=1"),         // one KiB short
            phc(costs: "m=19456,t=1,p=1"),         // fewer passes
            phc(costs: "m=65536,t=1,p=1"),         // more memory cannot buy back a pass
            phc("argon2i"),                        // wrong variant, same costs
            phc("argon2d"),
            phc(version: "v=16"),                  // Argon2 1.0
            phc(version: nil),                     // no version field means 1.0
            phc(saltBytes: 8),                     // shorter salt than the policy's 16 bytes
            phc(hashBytes: 16),                    // shorter hash than the policy's 32 bytes
            "",                                    // unparseable: replace rather than trust
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", // bcrypt
        ]
    )
    func weakerIsReplaced(encoded: String) {
        #expect(hasher.needsRehash(encoded: encoded))
    }

    @Test("the bar follows the configured parameters")
    func barFollowsConfiguration() {
        let cheap = PasswordHasher(parameters: cheapParameters)
        #expect(!cheap.needsRehash(encoded: phc(costs: "m=4096,t=1,p=1")))
        #expect(cheap.needsRehash(encoded: phc(costs: "m=128,t=1,p=1")))
    }
}
