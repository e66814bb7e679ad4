import Foundation

/// Turns a password into the exact bytes that are hashed.
///
/// The same password can arrive as different code points: "é" typed on one keyboard is one
/// scalar, on another it is "e" plus a combining accent. NIST SP 800-63B (§5.1.1.2) asks
/// verifiers to normalise with NFKC or NFKD so that both spellings verify. NFKC is used here;
/// it must never change, or existing hashes of non-ASCII passwords would stop matching.
enum PasswordText {
    static func bytes(of password: String) -> [UInt8] {
        Array(password.precomposedStringWithCompatibilityMapping.utf8)
    }
}
