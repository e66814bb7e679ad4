import Foundation
import Testing
import LKOAccounts

/// Prints how long one OWASP hash and one verify take on this machine. Opt-in, because timing
/// depends on the machine and load: `LKO_MEASURE=1 swift test --filter HashingCostMeasurement`
/// (add `-c release` for optimised numbers). It asserts only correctness, never speed.
@Suite("Hashing cost measurement", .enabled(if: ProcessInfo.processInfo.environment["LKO_MEASURE"] != nil))
struct HashingCostMeasurement {
    @Test("OWASP hash and verify")
    func owaspTiming() throws {
        let hasher = PasswordHasher()
        let clock = ContinuousClock()
        var hashTimes: [Duration] = []
        var verifyTimes: [Duration] = []
        for round in 0..<10 {
            var encoded = ""
            hashTimes.append(try clock.measure { encoded = try hasher.hash(password: "measure-\(round)-password") })
            var matched = false
            verifyTimes.append(try clock.measure { matched = try hasher.verify(password: "measure-\(round)-password", encoded: encoded) })
            #expect(matched)
        }
        func summary(_ times: [Duration]) -> String {
            let ms = times.map { Double($0.components.attoseconds) / 1e15 + Double($0.components.seconds) * 1e3 }.sorted()
            return String(format: "median %.1f ms, min %.1f ms, max %.1f ms", ms[ms.count / 2], ms.first!, ms.last!)
        }
        print("argon2id m=19456,t=2,p=1 hash: \(summary(hashTimes)); verify: \(summary(verifyTimes))")
    }
}
