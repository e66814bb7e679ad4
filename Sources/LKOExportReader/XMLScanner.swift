/// A small, bounded XML tokenizer for the parts of an xlsx file.
///
/// It reads only what SpreadsheetML needs — elements, attributes, text, CDATA, the five
/// predefined entities and character references — and refuses the rest: a `<!DOCTYPE` (so
/// neither external entities nor DTDs, nor the entity expansion of a "billion laughs" file, are
/// ever processed), an undefined entity, mismatched tags, nesting deeper than the limit. It never
/// fetches anything and never expands anything but a single character reference. It works on
/// byte offsets and allocates only for the text the caller asks for, which is what makes 100 000
/// rows fast.
struct XMLScanner {
    enum Token: Equatable {
        /// `<name attributes>` (or `<name attributes/>` with `selfClosing`). Ranges index `bytes`.
        case start(name: Range<Int>, attributes: Range<Int>, selfClosing: Bool)
        case end(name: Range<Int>)
        /// Character data between tags, raw (entities not yet decoded).
        case text(Range<Int>)
        /// `<![CDATA[…]]>` content, literal.
        case cdata(Range<Int>)
        case eof
    }

    let bytes: [UInt8]
    let part: String
    let maximumDepth: Int
    private(set) var offset = 0
    private var stack: [Range<Int>] = []

    init(bytes: [UInt8], part: String, maximumDepth: Int) {
        self.bytes = bytes
        self.part = part
        self.maximumDepth = maximumDepth
        // A UTF-8 byte order mark before the declaration.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3 }
    }

    func fail(_ reason: String, at position: Int? = nil) -> ExportReaderError {
        .malformedXML(part: part, offset: position ?? offset, reason: reason)
    }

    /// The local part of an element or attribute name (`x:c` → `c`).
    func localName(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        for index in range where bytes[index] == UInt8(ascii: ":") { start = index + 1 }
        return start..<range.upperBound
    }

    func nameEquals(_ range: Range<Int>, _ name: StaticString) -> Bool {
        let local = localName(range)
        guard local.count == name.utf8CodeUnitCount else { return false }
        let pointer = name.utf8Start
        var index = 0
        for position in local {
            if bytes[position] != pointer[index] { return false }
            index += 1
        }
        return true
    }

    mutating func next() throws(ExportReaderError) -> Token {
        while true {
            let count = bytes.count
            guard offset < count else {
                if !stack.isEmpty { throw fail("unexpected end of the document inside an element") }
                return .eof
            }
            if bytes[offset] != UInt8(ascii: "<") {
                let start = offset
                while offset < count, bytes[offset] != UInt8(ascii: "<") { offset += 1 }
                return .text(start..<offset)
            }
            // bytes[offset] == "<"
            guard offset + 1 < count else { throw fail("a lone `<` at the end") }
            let second = bytes[offset + 1]
            if second == UInt8(ascii: "?") {
                // Processing instruction or the XML declaration: skip to `?>`.
                guard let end = find([UInt8(ascii: "?"), UInt8(ascii: ">")], from: offset + 2) else { throw fail("unterminated processing instruction") }
                offset = end + 2
                continue
            }
            if second == UInt8(ascii: "!") {
                if hasPrefix("<!--", at: offset) {
                    guard let end = find(Array("-->".utf8), from: offset + 4) else { throw fail("unterminated comment") }
                    offset = end + 3
                    continue
                }
                if hasPrefix("<![CDATA[", at: offset) {
                    let start = offset + 9
                    guard let end = find(Array("]]>".utf8), from: start) else { throw fail("unterminated CDATA section") }
                    offset = end + 3
                    return .cdata(start..<end)
                }
                // `<!DOCTYPE`, `<!ENTITY` or anything else declarative: refused outright.
                throw ExportReaderError.doctypeRefused(part: part)
            }
            if second == UInt8(ascii: "/") {
                let nameStart = offset + 2
                var index = nameStart
                while index < count, isNameByte(bytes[index]) { index += 1 }
                let name = nameStart..<index
                while index < count, isSpace(bytes[index]) { index += 1 }
                guard index < count, bytes[index] == UInt8(ascii: ">"), !name.isEmpty else { throw fail("malformed end tag", at: offset) }
                guard let open = stack.popLast() else { throw fail("an end tag without a start tag", at: offset) }
                guard bytes[open] == bytes[name] else { throw fail("mismatched end tag", at: offset) }
                offset = index + 1
                return .end(name: name)
            }
            // A start tag.
            let nameStart = offset + 1
            var index = nameStart
            while index < count, isNameByte(bytes[index]) { index += 1 }
            let name = nameStart..<index
            guard !name.isEmpty else { throw fail("malformed start tag", at: offset) }
            let attributesStart = index
            var quote: UInt8 = 0
            while index < count {
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 } else if byte == UInt8(ascii: "<") { throw fail("`<` inside an attribute value", at: index) }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "<") {
                    throw fail("`<` inside a tag", at: index)
                }
                index += 1
            }
            guard index < count else { throw fail("unterminated start tag", at: offset) }
            let selfClosing = index > attributesStart && bytes[index - 1] == UInt8(ascii: "/")
            let attributes = attributesStart..<(selfClosing ? index - 1 : index)
            offset = index + 1
            if !selfClosing {
                guard stack.count < maximumDepth else { throw fail("elements nested deeper than \(maximumDepth)") }
                stack.append(name)
            }
            return .start(name: name, attributes: attributes, selfClosing: selfClosing)
        }
    }

    /// The raw value of the attribute with local name `name` in an attribute region.
    func attribute(_ name: StaticString, in region: Range<Int>) -> Range<Int>? {
        var index = region.lowerBound
        let end = region.upperBound
        while index < end {
            while index < end, isSpace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < end, isNameByte(bytes[index]) { index += 1 }
            let attributeName = nameStart..<index
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end else { return nil }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            index += 1
            let valueStart = index
            while index < end, bytes[index] != quote { index += 1 }
            guard index < end else { return nil }
            let value = valueStart..<index
            index += 1
            if !attributeName.isEmpty, nameEquals(attributeName, name) { return value }
        }
        return nil
    }

    /// Appends `range` to `output` with entities and character references decoded.
    func decode(_ range: Range<Int>, into output: inout [UInt8], limit: Int) throws(ExportReaderError) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            if byte != UInt8(ascii: "&") {
                output.append(byte)
                index += 1
            } else {
                guard let semicolon = (index + 1..<min(end, index + 12)).first(where: { bytes[$0] == UInt8(ascii: ";") }) else {
                    throw fail("a bare `&`", at: index)
                }
                let entity = Array(bytes[(index + 1)..<semicolon])
                switch entity {
                case Array("lt".utf8): output.append(UInt8(ascii: "<"))
                case Array("gt".utf8): output.append(UInt8(ascii: ">"))
                case Array("amp".utf8): output.append(UInt8(ascii: "&"))
                case Array("quot".utf8): output.append(UInt8(ascii: "\""))
                case Array("apos".utf8): output.append(UInt8(ascii: "'"))
                default:
                    guard entity.first == UInt8(ascii: "#"), entity.count >= 2 else { throw fail("undefined entity (no DTD is read)", at: index) }
                    let hex = entity[1] == UInt8(ascii: "x") || entity[1] == UInt8(ascii: "X")
                    let digits = entity.dropFirst(hex ? 2 : 1)
                    guard !digits.isEmpty, digits.count <= 8, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
                          value != 0, let scalar = Unicode.Scalar(value) else { throw fail("invalid character reference", at: index) }
                    output.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                index = semicolon + 1
            }
            if output.count > limit { throw ExportReaderError.cellTooLong(part: part, limit: limit) }
        }
    }

    func appendLiteral(_ range: Range<Int>, into output: inout [UInt8], limit: Int) throws(ExportReaderError) {
        output.append(contentsOf: bytes[range])
        if output.count > limit { throw ExportReaderError.cellTooLong(part: part, limit: limit) }
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private func hasPrefix(_ text: StaticString, at position: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        let pointer = text.utf8Start
        for index in 0..<length where bytes[position + index] != pointer[index] { return false }
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    @inline(__always) private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    @inline(__always) private func isNameByte(_ byte: UInt8) -> Bool {
        !(isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }
}
