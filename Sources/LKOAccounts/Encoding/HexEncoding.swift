extension Sequence<UInt8> {
    /// Lowercase hexadecimal, two digits per byte: the text form of digests kept in the store.
    package var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in self {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
