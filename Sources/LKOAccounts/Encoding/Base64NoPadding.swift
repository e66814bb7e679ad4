/// Strict, padding-free Base64 in the two alphabets this module needs.
///
/// Foundation's decoder wants `=` padding and tolerates characters this module must reject, so
/// the module carries its own small codec. Decoding is strict in one more way: the unused low
/// bits of the last character must be zero, so every byte string has exactly one text form.
/// That keeps a token or a PHC string from having several spellings that all "match".
package enum Base64NoPadding: Sendable {
    /// `A–Z a–z 0–9 + /`: the alphabet the PHC string format uses for salt and hash.
    case standard
    /// `A–Z a–z 0–9 - _` (RFC 4648 §5): safe in URLs and cookies, used for session tokens.
    case url

    private static let commonCharacters = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8
    )
    private static let standardAlphabet = commonCharacters + Array("+/".utf8)
    private static let urlAlphabet = commonCharacters + Array("-_".utf8)
    private static let standardValues = values(of: standardAlphabet)
    private static let urlValues = values(of: urlAlphabet)

    /// The 64 characters, in value order.
    private var alphabet: [UInt8] {
        switch self {
        case .standard: Base64NoPadding.standardAlphabet
        case .url: Base64NoPadding.urlAlphabet
        }
    }

    /// For each byte, its 6-bit value, or -1 if it is not in the alphabet.
    private var characterValues: [Int8] {
        switch self {
        case .standard: Base64NoPadding.standardValues
        case .url: Base64NoPadding.urlValues
        }
    }

    private static func values(of alphabet: [UInt8]) -> [Int8] {
        var values = [Int8](repeating: -1, count: 256)
        for (value, character) in alphabet.enumerated() {
            values[Int(character)] = Int8(value)
        }
        return values
    }

    /// Encodes `bytes` without trailing `=`.
    package func encode(_ bytes: [UInt8]) -> String {
        let alphabet = self.alphabet
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            let characterCount = min(remaining, 3) + 1
            for position in 0..<characterCount {
                let sextet = (group >> UInt32(18 - 6 * position)) & 0x3F
                output.append(alphabet[Int(sextet)])
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `text`, or returns `nil` if it is not canonical padding-free Base64 in this
    /// alphabet (foreign characters, `=` padding, an impossible length, or stray low bits).
    package func decode(_ text: some StringProtocol) -> [UInt8]? {
        let lookup = characterValues
        let characters = Array(text.utf8)
        // One leftover character would carry only 6 bits: less than a byte, so never valid.
        guard characters.count % 4 != 1 else { return nil }

        var output: [UInt8] = []
        output.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bitCount = 0
        for character in characters {
            let value = lookup[Int(character)]
            guard value >= 0 else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bitCount)))
                accumulator &= (1 << UInt32(bitCount)) - 1
            }
        }
        // Leftover bits are padding; if any is set, the text is a non-canonical spelling.
        guard accumulator == 0 else { return nil }
        return output
    }
}
