/// Reads one line of `lko authorize` input: a flat JSON object whose values are strings, numbers
/// or null. Written by hand over bytes because this is the throughput path (a general JSON
/// decoder costs more than the decision itself); anything it cannot read exactly is reported
/// with the reason, never guessed.
struct RequestScanner {
    /// Field values of one request. `caseIDToken` keeps the raw JSON so the answer echoes the id
    /// exactly as given (string or number).
    struct Request {
        var user: String?
        var action: String?
        var caseIDToken: ArraySlice<UInt8>?
        var category: String?
        var subcategory: String?
        var assignee: String?
    }

    struct ScanError: Error {
        var message: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let start: Int
    private let end: Int
    private var position: Int

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
        self.position = start
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end where !isSpace(bytes[index]) { return false }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }

    private var column: Int { position - start + 1 }

    private mutating func skipSpace() {
        while position < end, RequestScanner.isSpace(bytes[position]) { position += 1 }
    }

    mutating func scan() throws(ScanError) -> Request {
        var request = Request()
        skipSpace()
        guard position < end, bytes[position] == UInt8(ascii: "{") else {
            throw ScanError(message: "expected `{` at column \(column): each line is one JSON object")
        }
        position += 1
        skipSpace()
        if position < end, bytes[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            fields: while true {
                skipSpace()
                guard position < end, bytes[position] == UInt8(ascii: "\"") else {
                    throw ScanError(message: "expected a field name in quotes at column \(column)")
                }
                let key = try readString()
                skipSpace()
                guard position < end, bytes[position] == UInt8(ascii: ":") else {
                    throw ScanError(message: "expected `:` after \"\(key)\" at column \(column)")
                }
                position += 1
                skipSpace()
                guard position < end else { throw ScanError(message: "missing value for \"\(key)\"") }
                let valueStart = position
                var value: String?
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    value = try readString()
                case UInt8(ascii: "n"):
                    try readLiteral("null")
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    // The token is echoed verbatim, so it must be exactly a JSON number.
                    guard scanNumber() else {
                        throw ScanError(message: "the value of \"\(key)\" is not a valid JSON number (column \(column))")
                    }
                    value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<position]), as: UTF8.self)
                default:
                    throw ScanError(message: "the value of \"\(key)\" must be a string, a number or null (column \(column))")
                }
                switch key {
                case "user": request.user = value
                case "action": request.action = value
                case "case_id": request.caseIDToken = ArraySlice(UnsafeBufferPointer(rebasing: bytes[valueStart..<position]))
                case "category": request.category = value
                case "subcategory": request.subcategory = value
                case "assignee": request.assignee = value
                default: break
                }
                skipSpace()
                guard position < end else { throw ScanError(message: "the object is not closed with `}`") }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"): position += 1; break fields
                default: throw ScanError(message: "expected `,` or `}` at column \(column)")
                }
            }
        }
        skipSpace()
        guard position == end else { throw ScanError(message: "unexpected text after the object at column \(column)") }
        return request
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` (RFC 8259) and stops after
    /// it; false when the bytes there are not a number. What follows is checked by the caller.
    private mutating func scanNumber() -> Bool {
        func digits() -> Bool {
            let first = position
            while position < end, RequestScanner.isDigit(bytes[position]) { position += 1 }
            return position > first
        }
        if position < end, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < end, RequestScanner.isDigit(bytes[position]) else { return false }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < end, RequestScanner.isDigit(bytes[position]) { return false }
        } else {
            _ = digits()
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() else { return false }
        }
        if position < end, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() else { return false }
        }
        return true
    }

    private mutating func readLiteral(_ word: StaticString) throws(ScanError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= end else { throw ScanError(message: "expected `\(word)` at column \(column)") }
        for index in 0..<count where bytes[position + index] != word.utf8Start[index] {
            throw ScanError(message: "expected `\(word)` at column \(column)")
        }
        position += count
    }

    /// Reads a JSON string starting at its opening quote.
    private mutating func readString() throws(ScanError) -> String {
        position += 1
        let contentStart = position
        var hasEscape = false
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<position])
                position += 1
                return hasEscape ? try RequestScanner.unescape(content) : String(decoding: content, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                position += 2
                continue
            }
            if byte < 0x20 { throw ScanError(message: "control character inside a string at column \(column)") }
            position += 1
        }
        throw ScanError(message: "a string is not closed")
    }

    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) throws(ScanError) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count)
        var index = 0
        func hexValue(_ from: Int) -> UInt32? {
            guard from + 4 <= raw.count else { return nil }
            return UInt32(String(decoding: UnsafeBufferPointer(rebasing: raw[from..<from + 4]), as: UTF8.self), radix: 16)
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else { utf8.append(byte); index += 1; continue }
            guard index + 1 < raw.count else { throw ScanError(message: "a string ends with `\\`") }
            let escaped = raw[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                guard let code = hexValue(index) else { throw ScanError(message: "bad \\u escape") }
                index += 4
                var value = code
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < raw.count, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u"),
                          let low = hexValue(index + 2), (0xDC00...0xDFFF).contains(low) else {
                        throw ScanError(message: "unpaired surrogate in a \\u escape")
                    }
                    index += 6
                    value = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(value) else { throw ScanError(message: "invalid \\u escape") }
                utf8.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw ScanError(message: "unknown escape `\\\(Character(Unicode.Scalar(escaped)))`")
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
