import Foundation

/// One policy file held in memory: its name as the user wrote it, its bytes as UTF-8, and an
/// index of line starts so that any byte offset becomes `line:column` in O(log lines).
///
/// Files are decoded leniently: bytes that are not valid UTF-8 become U+FFFD so that the rest of
/// the file can still be checked, and `invalidUTF8Offset` remembers the first bad byte so the
/// checker can report it as an error instead of silently accepting it.
public struct SourceFile: Sendable, Hashable {
    /// The path shown in diagnostics (relative when the user gave a relative directory).
    public let path: String
    public let text: String
    public let utf8: [UInt8]
    /// Byte offset of the first byte of each line.
    public let lineStarts: [Int]
    /// Byte offset (in the original bytes) of the first invalid UTF-8 sequence, if any.
    public let invalidUTF8Offset: Int?
    /// Unicode scalars (bytes that are not UTF-8 continuation bytes) before each 64-byte block of
    /// `utf8`, so a column costs O(log lines + 64) however long its line is: thousands of
    /// diagnostics on one long line must not cost O(diagnostics × line length).
    let scalarsBeforeBlock: [Int32]

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        let decoded = String(decoding: bytes, as: UTF8.self)
        let invalidOffset = SourceFile.firstInvalidUTF8Offset(bytes)
        self.text = decoded
        self.utf8 = invalidOffset == nil ? bytes : Array(decoded.utf8)
        self.invalidUTF8Offset = invalidOffset
        var starts = [0]
        var blocks: [Int32] = []
        blocks.reserveCapacity(utf8.count / 64 + 1)
        var scalars: Int32 = 0
        for (offset, byte) in utf8.enumerated() {
            if offset & 63 == 0 { blocks.append(scalars) }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        if utf8.count & 63 == 0 { blocks.append(scalars) }
        self.lineStarts = starts
        self.scalarsBeforeBlock = blocks
    }

    /// Unicode scalars in `utf8[0..<offset]`; `offset` must be in `0...utf8.count`.
    func scalarCount(before offset: Int) -> Int {
        let block = offset >> 6
        var count = Int(scalarsBeforeBlock[block])
        var index = block << 6
        while index < offset {
            if utf8[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The byte offset where the scalar with index `scalar` (counted from the start of the file)
    /// begins, or `utf8.count` past the last one.
    func offset(ofScalar scalar: Int) -> Int {
        var low = 0
        var high = scalarsBeforeBlock.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(scalarsBeforeBlock[middle]) <= scalar { low = middle } else { high = middle - 1 }
        }
        var count = Int(scalarsBeforeBlock[low])
        var index = low << 6
        while index < utf8.count {
            if utf8[index] & 0xC0 != 0x80 {
                if count == scalar { return index }
                count += 1
            }
            index += 1
        }
        return utf8.count
    }

    /// 1-based line and column of a byte offset. Columns count Unicode scalars, so a caret lines up
    /// under Cyrillic text in a terminal.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, utf8.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        // Count only scalar starts: continuation bytes are 10xxxxxx.
        let column = 1 + scalarCount(before: clamped) - scalarCount(before: lineStarts[low])
        return SourceLocation(line: low + 1, column: column, offset: clamped)
    }

    /// The byte range of a 1-based line without its line break (empty for a line that does not exist).
    func lineBounds(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return 0..<0 }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a 1-based line without its line break.
    public func lineText(_ line: Int) -> String {
        String(decoding: utf8[lineBounds(line)], as: UTF8.self)
    }

    public func text(of span: SourceSpan) -> String {
        let start = max(0, min(span.start, utf8.count))
        let end = max(start, min(span.end, utf8.count))
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for continuation in 1..<length {
                let next = bytes[index + continuation]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}

/// A 1-based position in a source file.
public struct SourceLocation: Sendable, Hashable, Codable {
    public let line: Int
    public let column: Int
    public let offset: Int
}

/// A half-open byte range `[start, end)` in one file of a ``SourceSet``.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// Index of the file in its ``SourceSet``.
    public let file: Int
    public let start: Int
    public let end: Int

    public init(file: Int, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both (same file assumed).
    public func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    /// A span for things that have no place in any file (built-in defaults).
    public static let none = SourceSpan(file: -1, start: 0, end: 0)
    public var isNone: Bool { file < 0 }
}

/// All files of one policy, in a fixed order (sorted by path) so that every later step is
/// deterministic whatever order the file system lists them in.
public struct SourceSet: Sendable {
    public let files: [SourceFile]

    public init(files: [SourceFile]) {
        self.files = files.sorted { $0.path < $1.path }
    }

    public func file(of span: SourceSpan) -> SourceFile? {
        files.indices.contains(span.file) ? files[span.file] : nil
    }

    /// `path:line:col` for messages and explanations.
    public func position(of span: SourceSpan) -> String {
        guard let file = file(of: span) else { return "<built-in>" }
        let location = file.location(of: span.start)
        return "\(file.path):\(location.line):\(location.column)"
    }

    /// `path:line`, the form used when pointing a reviewer at a declaration.
    public func line(of span: SourceSpan) -> String {
        guard let file = file(of: span) else { return "<built-in>" }
        return "\(file.path):\(file.location(of: span.start).line)"
    }
}
