import Crypto

/// A 256-bit random session secret: the text goes to the user, only its SHA-256 goes to the store.
///
/// Keeping the hash instead of the token means a leaked database does not hand out live
/// sessions. A plain, unsalted SHA-256 is enough here (unlike for passwords) because the token
/// has 256 bits of entropy: there is nothing to guess. The store looks sessions up by
/// ``storageHash``, so tokens are never compared directly and the type is not `Equatable`.
public struct SessionToken: Sendable, CustomStringConvertible {
    /// Entropy of a token: 32 bytes, 256 bits.
    public static let byteCount = 32
    /// Length of ``text``: 32 bytes in unpadded base64url.
    public static let textLength = 43

    private let bytes: [UInt8]

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A new token from the operating system's CSPRNG (`getrandom` on Linux).
    public static func generate() -> SessionToken {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A new token from `generator`. Production code uses ``generate()``; a deterministic
    /// generator is for tests only.
    public static func generate(using generator: inout some RandomNumberGenerator) -> SessionToken {
        SessionToken(bytes: (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Reads a token as presented by a client (cookie or header), checking its form but not
    /// whether any session has it; that is the store's lookup by ``storageHash``.
    public init(presented text: String) throws(SessionTokenError) {
        // Non-ASCII first: then the UTF-8 length is the character count the message reports.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { throw .notBase64URL }
        let length = text.utf8.count
        guard length == SessionToken.textLength else {
            throw .wrongLength(characters: length, expected: SessionToken.textLength)
        }
        guard let bytes = Base64NoPadding.url.decode(text), bytes.count == SessionToken.byteCount else {
            throw .notBase64URL
        }
        self.bytes = bytes
    }

    /// What the user's client keeps: 43 characters of unpadded base64url, safe in cookies and URLs.
    public var text: String {
        Base64NoPadding.url.encode(bytes)
    }

    /// What the store keeps: SHA-256 of the token's 32 bytes, as 64 lowercase hex digits.
    public var storageHash: String {
        SHA256.hash(data: bytes).lowercaseHex
    }

    /// Redacted, so that logging a token by accident does not leak a live session.
    public var description: String { "SessionToken(redacted)" }
}
