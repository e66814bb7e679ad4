import Foundation

/// Reads one line of `lko authorize` input: a flat JSON object whose values are strings, numbers
/// or null. Written by hand over bytes because this is the throughput path (a general JSON
/// decoder costs more than the decision itself); anything it cannot read exactly is reported
/// with the reason, never guessed.
///
/// The scanner makes no `String`s on the common path: a value is a byte range of the line with
/// a `kind`, keys are matched by bytes, and only strings with escapes (or a bad line's message)
/// are decoded.
struct RequestScanner {
    /// Where a field's value lies in the line and how to read it.
    struct Value {
        enum Kind: UInt8 {
            /// Not given.
            case absent
            /// `null`.
            case null
            /// A string without escapes whose bytes are all ASCII, or a number token: the bytes
            /// are the value.
            case ascii
            /// A string without escapes with non-ASCII bytes (decoded as UTF-8, repaired).
            case utf8
            /// A string with escapes (already checked; decoded by ``RequestScanner/string(_:in:)``).
            case escaped
        }

        var kind: Kind = .absent
        /// The content range: inside the quotes for strings, the token for numbers.
        var start = 0
        var end = 0

        var isPresent: Bool { kind.rawValue > Kind.null.rawValue }
        var isASCIIOrMissing: Bool { kind.rawValue <= Kind.ascii.rawValue }
    }

    /// Field values of one request. `caseIDStart..<caseIDEnd` is the raw JSON token, so the
    /// answer echoes the id exactly as given (string, number or null); empty when absent.
    struct Request {
        var user = Value()
        var action = Value()
        var category = Value()
        var subcategory = Value()
        var assignee = Value()
        var caseIDStart = 0
        var caseIDEnd = 0
    }

    struct ScanError: Error {
        var message: String
    }

    private enum Key {
        case user, action, caseID, category, subcategory, assignee, other
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

    /// Whether the bytes of `value` are exactly `word`.
    private func equals(_ value: Value, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard value.end - value.start == count else { return false }
        return memcmp(bytes.baseAddress! + value.start, word.utf8Start, count) == 0
    }

    /// The first eight bytes of `text` as a little-endian word.
    private static func word(_ text: StaticString) -> UInt64 {
        UnsafeRawPointer(text.utf8Start).loadUnaligned(as: UInt64.self)
    }

    private static let userWord = word("user\":\"\"")
    private static let actionWord = word("action\":")
    private static let caseIDWord = word("case_id\"")
    private static let categoryWord = word("category")
    private static let assigneeWord = word("assignee")
    private static let subcategoryWord = word("subcategory")

    /// Which field a key names. Keys are compared by bytes; one with escapes or non-ASCII bytes
    /// is decoded and compared as text, as before.
    private func key(_ value: Value) -> Key {
        if value.kind != .ascii {
            switch RequestScanner.string(value, in: bytes) {
            case "user": return .user
            case "action": return .action
            case "case_id": return .caseID
            case "category": return .category
            case "subcategory": return .subcategory
            case "assignee": return .assignee
            default: return .other
            }
        }
        let length = value.end - value.start
        if value.start + 8 <= bytes.count {
            // A key is followed by its closing quote (and more), so eight bytes can be read; the
            // bytes past a short key are masked off.
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: value.start, as: UInt64.self))
            switch length {
            case 4: return word & 0xFFFF_FFFF == RequestScanner.userWord & 0xFFFF_FFFF ? .user : .other
            case 6: return word & 0xFFFF_FFFF_FFFF == RequestScanner.actionWord & 0xFFFF_FFFF_FFFF ? .action : .other
            case 7: return word & 0xFF_FFFF_FFFF_FFFF == RequestScanner.caseIDWord & 0xFF_FFFF_FFFF_FFFF ? .caseID : .other
            case 8: return word == RequestScanner.categoryWord ? .category : word == RequestScanner.assigneeWord ? .assignee : .other
            case 11: return word == RequestScanner.subcategoryWord && equals(value, "subcategory") ? .subcategory : .other
            default: return .other
            }
        }
        switch length {
        case 4: return equals(value, "user") ? .user : .other
        case 6: return equals(value, "action") ? .action : .other
        case 7: return equals(value, "case_id") ? .caseID : .other
        case 8: return equals(value, "category") ? .category : equals(value, "assignee") ? .assignee : .other
        case 11: return equals(value, "subcategory") ? .subcategory : .other
        default: return .other
        }
    }

    private static let userKey = word("user\"\"\"\"") & 0xFF_FFFF_FFFF
    private static let actionKey = word("action\"\"") & 0xFF_FFFF_FFFF_FFFF
    private static let caseIDKey = word("case_id\"")
    private static let subcategoryHead = word("subcateg")
    private static let subcategoryTail = UInt32(truncatingIfNeeded: word("ory\"\"\"\"\""))

    /// Reads a key at its opening quote. The six keys of a request, written plainly, are
    /// recognised from one or two word compares without scanning the string; anything else
    /// (other keys, escapes, a line ending early) is read by ``readString()`` and matched by
    /// ``key(_:)`` exactly as before.
    private mutating func readKey() throws(ScanError) -> (Value, Key) {
        let first = position + 1
        if first + 16 <= end {
            let base = UnsafeRawPointer(bytes.baseAddress!)
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: first, as: UInt64.self))
            var length = -1
            var field = Key.other
            if word & 0xFF_FFFF_FFFF == RequestScanner.userKey {
                length = 4; field = .user
            } else if word & 0xFF_FFFF_FFFF_FFFF == RequestScanner.actionKey {
                length = 6; field = .action
            } else if word == RequestScanner.caseIDKey {
                length = 7; field = .caseID
            } else if word == RequestScanner.categoryWord, bytes[first + 8] == UInt8(ascii: "\"") {
                length = 8; field = .category
            } else if word == RequestScanner.assigneeWord, bytes[first + 8] == UInt8(ascii: "\"") {
                length = 8; field = .assignee
            } else if word == RequestScanner.subcategoryHead,
                      UInt32(littleEndian: base.loadUnaligned(fromByteOffset: first + 8, as: UInt32.self)) == RequestScanner.subcategoryTail {
                length = 11; field = .subcategory
            }
            if length >= 0 {
                position = first + length + 1
                return (Value(kind: .ascii, start: first, end: first + length), field)
            }
        }
        let value = try readString()
        return (value, key(value))
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
                let (keyValue, field) = try readKey()
                skipSpace()
                guard position < end, bytes[position] == UInt8(ascii: ":") else {
                    throw ScanError(message: "expected `:` after \"\(keyText(keyValue))\" at column \(column)")
                }
                position += 1
                skipSpace()
                guard position < end else { throw ScanError(message: "missing value for \"\(keyText(keyValue))\"") }
                let valueStart = position
                var value: Value
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    value = try readString()
                case UInt8(ascii: "n"):
                    try readLiteral("null")
                    value = Value(kind: .null, start: valueStart, end: position)
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    // The token is echoed verbatim, so it must be exactly a JSON number.
                    guard scanNumber() else {
                        throw ScanError(message: "the value of \"\(keyText(keyValue))\" is not a valid JSON number (column \(column))")
                    }
                    value = Value(kind: .ascii, start: valueStart, end: position)
                default:
                    throw ScanError(message: "the value of \"\(keyText(keyValue))\" must be a string, a number or null (column \(column))")
                }
                switch field {
                case .user: request.user = value
                case .action: request.action = value
                case .caseID: request.caseIDStart = valueStart; request.caseIDEnd = position
                case .category: request.category = value
                case .subcategory: request.subcategory = value
                case .assignee: request.assignee = value
                case .other: break
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

    private func keyText(_ value: Value) -> String {
        RequestScanner.string(value, in: bytes) ?? ""
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

    /// Reads a JSON string starting at its opening quote and stops after its closing quote. The
    /// value is left in place: `kind` says whether its bytes are the value (`.ascii`, `.utf8`) or
    /// it has escapes, which are checked here (so a bad escape is reported where it is found) and
    /// decoded again by ``string(_:)`` on the rare path that needs the text.
    private mutating func readString() throws(ScanError) -> Value {
        position += 1
        let contentStart = position
        var high: UInt8 = 0
        var hasEscape = false
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while position < end {
            // Eight bytes at a time up to the first byte that needs a look: a quote, a backslash,
            // a control character or a non-ASCII byte (the lowest flagged byte is always a true
            // one: the borrows of these tests only run upwards).
            if position + 8 <= end {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let flags = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
                let special = flags & highs
                if special == 0 {
                    position += 8
                    continue
                }
                position += special.trailingZeroBitCount >> 3
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let value = Value(kind: hasEscape ? .escaped : high < 0x80 ? .ascii : .utf8, start: contentStart, end: position)
                position += 1
                if hasEscape { _ = try RequestScanner.unescape(UnsafeBufferPointer(rebasing: bytes[contentStart..<value.end])) }
                return value
            }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                position += 2
                continue
            }
            if byte < 0x20 { throw ScanError(message: "control character inside a string at column \(column)") }
            high |= byte
            position += 1
        }
        throw ScanError(message: "a string is not closed")
    }

    /// The text of a value read by ``scan()`` (nil for absent or null), decoded as it was before
    /// the byte-level fast path existed: invalid UTF-8 repaired, escapes decoded.
    static func string(_ value: Value, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        switch value.kind {
        case .absent, .null: return nil
        case .ascii, .utf8: return String(decoding: UnsafeBufferPointer(rebasing: bytes[value.start..<value.end]), as: UTF8.self)
        case .escaped: return try? unescape(UnsafeBufferPointer(rebasing: bytes[value.start..<value.end]))
        }
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
