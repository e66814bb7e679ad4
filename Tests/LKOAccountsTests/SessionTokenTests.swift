import Foundation
import Testing
import LKOAccounts

@Suite("SessionToken")
struct SessionTokenTests {
    @Test("the text is 43 characters of base64url and the hash 64 lowercase hex digits")
    func formats() {
        let token = SessionToken.generate()
        #expect(token.text.count == 43)
        #expect(token.text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(token.storageHash.count == 64)
        #expect(token.storageHash.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("a token hashes to the SHA-256 of its 32 bytes")
    func knownHash() throws {
        // 32 zero bytes: base64url is 43 'A's; SHA-256 of 32 zero bytes is a published constant.
        let token = try SessionToken(presented: String(repeating: "A", count: 43))
        #expect(token.storageHash == "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925")
        // 0x00…0x1f: checks byte order end to end.
        var counting = CountingGenerator()
        let counted = SessionToken.generate(using: &counting)
        #expect(counted.text == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")
        #expect(counted.storageHash == "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd")
    }

    @Test("presented text round-trips to the same hash")
    func roundTrip() throws {
        let token = SessionToken.generate()
        let presented = try SessionToken(presented: token.text)
        #expect(presented.text == token.text)
        #expect(presented.storageHash == token.storageHash)
    }

    @Test("tokens do not repeat and use every bit")
    func randomness() throws {
        var texts = Set<String>()
        var onesPerBit = [Int](repeating: 0, count: 256)
        let count = 1_000
        for _ in 0..<count {
            let token = SessionToken.generate()
            texts.insert(token.text)
            let bytes = try #require(Data(base64Encoded: token.text
                .replacingOccurrences(of: "-", with: "+")
                .replacingOccurrences(of: "_", with: "/") + "="))
            #expect(bytes.count == 32)
            for (index, byte) in bytes.enumerated() {
                for bit in 0..<8 where byte & (1 << bit) != 0 {
                    onesPerBit[index * 8 + bit] += 1
                }
            }
        }
        #expect(texts.count == count)
        // Each bit should be set about half the time; 350…650 of 1000 is > 9 standard
        // deviations wide, so a healthy generator never fails this, a stuck bit always does.
        #expect(onesPerBit.allSatisfy { (350...650).contains($0) })
    }

    @Test("redacted when printed")
    func redacted() {
        let token = SessionToken.generate()
        #expect("\(token)" == "SessionToken(redacted)")
        #expect(!String(describing: token).contains(token.text))
    }

    static let malformedTokens: [(text: String, error: SessionTokenError)] = [
        ("", SessionTokenError.wrongLength(characters: 0, expected: 43)),
        (String(repeating: "A", count: 42), .wrongLength(characters: 42, expected: 43)),
        (String(repeating: "A", count: 44), .wrongLength(characters: 44, expected: 43)),
        (String(repeating: "A", count: 42) + "=", .notBase64URL),
        (String(repeating: "A", count: 42) + "+", .notBase64URL),
        (String(repeating: "A", count: 42) + "B", .notBase64URL), // stray low bits
        (String(repeating: "A", count: 41) + "é", .notBase64URL),
        (String(repeating: "A", count: 42) + "é", .notBase64URL),
        (String(repeating: "A", count: 100_000), .wrongLength(characters: 100_000, expected: 43)),
        (String(repeating: "A", count: 42) + "\u{0}", .notBase64URL),
    ]

    @Test("malformed presented tokens are rejected with a reason", arguments: malformedTokens)
    func malformed(text: String, error: SessionTokenError) {
        #expect(throws: error) { try SessionToken(presented: text) }
    }

    @Test("error messages")
    func messages() {
        #expect(SessionTokenError.wrongLength(characters: 5, expected: 43).description
            == "The session token has 5 characters; a valid one has exactly 43.")
        #expect(SessionTokenError.notBase64URL.errorDescription?.hasPrefix("The session token contains characters outside base64url") == true)
    }
}

/// Yields bytes 0, 1, 2, … so a generated token's bytes are known.
struct CountingGenerator: RandomNumberGenerator {
    private var nextByte: UInt8 = 0
    mutating func next() -> UInt64 {
        // `UInt8.random(in:using:)` takes the low byte of one `next()` per byte.
        defer { nextByte &+= 1 }
        return UInt64(nextByte)
    }
}
