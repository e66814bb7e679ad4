import Foundation
import LKOAccounts

/// Parameters cheap enough to hash hundreds of times in a debug test run (256 KiB, 1 pass).
/// The OWASP settings are exercised only where their exact output format matters.
let cheapParameters = Argon2Parameters(memoryKiB: 256, iterations: 1, parallelism: 1)

/// A fixed starting instant for clock-driven tests: 2025-03-03 09:00:00 UTC.
let mondayMorning = Date(timeIntervalSince1970: 1_740_992_400)

let hour: TimeInterval = 3600
let minute: TimeInterval = 60

/// A syntactically valid PHC string with all-zero salt and hash, for tests that only parse.
func phc(
    _ algorithm: String = "argon2id",
    version: String? = "v=19",
    costs: String = "m=19456,t=2,p=1",
    saltBytes: Int = 16,
    hashBytes: Int = 32
) -> String {
    let salt = Base64NoPadding.standard.encode([UInt8](repeating: 0, count: saltBytes))
    let hash = Base64NoPadding.standard.encode([UInt8](repeating: 0, count: hashBytes))
    let versionField = version.map { "$\($0)" } ?? ""
    return "$\(algorithm)\(versionField)$\(costs)$\(salt)$\(hash)"
}
