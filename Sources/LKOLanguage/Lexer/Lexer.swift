import LKOMessages

/// Splits one file into tokens, keeping comments as trivia and reporting every unreadable piece
/// of text without stopping.
///
/// The lexer works on UTF-8 bytes in a single forward pass, so its cost is linear in the file
/// size whatever the file holds (a NUL, invalid UTF-8, a 10 MB line).
public struct Lexer {
    private let bytes: [UInt8]
    private let fileIndex: Int
    private var position = 0
    private var diagnostics: [Diagnostic] = []

    public init(file: SourceFile, fileIndex: Int) {
        self.bytes = file.utf8
        self.fileIndex = fileIndex
    }

    /// All tokens, ending with exactly one `.endOfFile`, and what was wrong along the way.
    public static func tokenize(_ file: SourceFile, fileIndex: Int) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file, fileIndex: fileIndex)
        var tokens = lexer.run()
        if let offset = file.invalidUTF8Offset {
            lexer.diagnostics.insert(Diagnostic(
                .invalidUTF8, Message(.diagInvalidUTF8),
                at: SourceSpan(file: fileIndex, start: offset, end: offset + 1),
                label: Message(.diagInvalidUTF8Label),
                help: Message(.diagInvalidUTF8Help)
            ), at: 0)
        }
        if tokens.last?.kind != .endOfFile {
            tokens.append(Token(kind: .endOfFile, text: "", span: SourceSpan(file: fileIndex, start: file.utf8.count, end: file.utf8.count), leadingComments: [], trailingComment: nil, blankLineBefore: false, startsLine: true))
        }
        return (tokens, lexer.diagnostics)
    }

    private mutating func run() -> [Token] {
        var tokens: [Token] = []
        var pendingComments: [Comment] = []
        // Line breaks since the last token or comment; two or more make a blank line.
        var lineBreaks = 0
        var blankLine = false
        while true {
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\n") {
                    lineBreaks += 1
                    if lineBreaks >= 2 { blankLine = true }
                    position += 1
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                    position += 1
                } else if byte == UInt8(ascii: "#") || (byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/")) {
                    let start = position + (byte == UInt8(ascii: "#") ? 1 : 2)
                    var end = start
                    while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                    var textEnd = end
                    if textEnd > start, bytes[textEnd - 1] == UInt8(ascii: "\r") { textEnd -= 1 }
                    let text = String(decoding: bytes[start..<textEnd], as: UTF8.self)
                    if lineBreaks == 0, !tokens.isEmpty, pendingComments.isEmpty, tokens[tokens.count - 1].trailingComment == nil {
                        tokens[tokens.count - 1].trailingComment = Comment(text: text, blankLineBefore: false)
                    } else {
                        pendingComments.append(Comment(text: text, blankLineBefore: blankLine && !tokens.isEmpty || blankLine && !pendingComments.isEmpty))
                    }
                    blankLine = false
                    lineBreaks = 0
                    position = end
                } else {
                    break
                }
            }
            let startsLine = lineBreaks > 0 || tokens.isEmpty
            let blankBefore = blankLine && (!tokens.isEmpty || !pendingComments.isEmpty)
            guard position < bytes.count else {
                tokens.append(Token(kind: .endOfFile, text: "", span: span(position, position), leadingComments: pendingComments, trailingComment: nil, blankLineBefore: blankBefore, startsLine: true))
                return tokens
            }
            var token = nextToken()
            token.leadingComments = pendingComments
            token.blankLineBefore = blankBefore
            token.startsLine = startsLine
            pendingComments = []
            lineBreaks = 0
            blankLine = false
            tokens.append(token)
        }
    }

    private func peek(_ ahead: Int) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(file: fileIndex, start: start, end: end)
    }

    private func make(_ kind: TokenKind, _ text: String, from start: Int) -> Token {
        Token(kind: kind, text: text, span: span(start, position), leadingComments: [], trailingComment: nil, blankLineBefore: false, startsLine: false)
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "_")
    }

    private static func isIdentifierContinue(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "-")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func nextToken() -> Token {
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"): position += 1; return make(.leftBrace, "{", from: start)
        case UInt8(ascii: "}"): position += 1; return make(.rightBrace, "}", from: start)
        case UInt8(ascii: ","): position += 1; return make(.comma, ",", from: start)
        case UInt8(ascii: "."): position += 1; return make(.dot, ".", from: start)
        case UInt8(ascii: "\""): return lexString()
        default: break
        }
        if Lexer.isIdentifierStart(byte) {
            while position < bytes.count, Lexer.isIdentifierContinue(bytes[position]) { position += 1 }
            // A trailing `-` belongs to no identifier a person would write; keep it out so
            // `a-` reports the dash instead of inventing a name.
            while position - 1 > start, bytes[position - 1] == UInt8(ascii: "-") { position -= 1 }
            return make(.identifier, String(decoding: bytes[start..<position], as: UTF8.self), from: start)
        }
        if Lexer.isDigit(byte) {
            return lexNumberOrDate()
        }
        // Anything else: skip one whole UTF-8 sequence (or one byte) and report it. A run of
        // non-ASCII text (an unquoted Russian word, «…») is one error, not one per letter.
        position += 1
        while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
        if byte >= 0x80 {
            while position < bytes.count, bytes[position] >= 0x80 { position += 1 }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        let shown = text.prefix(40)
        let message = byte == 0 ? Message(.diagUnexpectedNUL)
            : byte < 0x20 ? Message(.diagUnexpectedControl, ["code": .text(String(byte, radix: 16, uppercase: true))])
            : Message(shown.count == 1 ? .diagUnexpectedCharacter : .diagUnexpectedText, ["text": .text(String(shown))])
        var help = MessageKey.diagUnexpectedHelpNames
        if text.contains(where: { "\u{201C}\u{201D}«»".contains($0) }) {
            help = .diagUnexpectedHelpQuotes
        } else if byte == UInt8(ascii: ";") {
            help = .diagUnexpectedHelpSemicolon
        }
        diagnostics.append(Diagnostic(.unexpectedCharacter, message, at: span(start, position), label: Message(.diagUnexpectedLabel), help: Message(help)))
        return make(.invalid, text, from: start)
    }

    private mutating func lexString() -> Token {
        let start = position
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return make(.string, String(decoding: value, as: UTF8.self), from: start)
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                let escaped = bytes[position + 1]
                switch escaped {
                case UInt8(ascii: "\""): value.append(escaped)
                case UInt8(ascii: "\\"): value.append(escaped)
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                default:
                    diagnostics.append(Diagnostic(.unexpectedCharacter, Message(.diagUnknownEscape, ["character": .text(String(decoding: [escaped], as: UTF8.self))]), at: span(position, position + 2), label: Message(.diagUnknownEscapeLabel), help: Message(.diagUnknownEscapeHelp)))
                    value.append(escaped)
                }
                position += 2
                continue
            }
            value.append(byte)
            position += 1
        }
        // `category roads "Дороги {`: the `{` at the end of the line most likely opens a block,
        // so leave it to the parser instead of reporting the whole block as misplaced.
        var end = position
        while end > start + 1, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[end - 1]) { end -= 1 }
        if end > start + 1, bytes[end - 1] == UInt8(ascii: "{"), value.last == UInt8(ascii: "{") {
            while let last = value.last, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(last) { value.removeLast() }
            value.removeLast()
            position = end - 1
            while let last = value.last, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(last) { value.removeLast() }
            var textEnd = position
            while textEnd > start + 1, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(bytes[textEnd - 1]) { textEnd -= 1 }
            diagnostics.append(Diagnostic(.unterminatedString, Message(.diagUnterminatedString), at: span(start, textEnd), label: Message(.diagUnterminatedStringLabel), help: Message(.diagUnterminatedStringHelpBrace, ["brace": "{"])))
            return Token(kind: .string, text: String(decoding: value, as: UTF8.self), span: span(start, textEnd), leadingComments: [], trailingComment: nil, blankLineBefore: false, startsLine: false)
        }
        diagnostics.append(Diagnostic(.unterminatedString, Message(.diagUnterminatedString), at: span(start, position), label: Message(.diagUnterminatedStringLabel), help: Message(.diagUnterminatedStringHelpLine)))
        return make(.string, String(decoding: value, as: UTF8.self), from: start)
    }

    private mutating func lexNumberOrDate() -> Token {
        let start = position
        while position < bytes.count, Lexer.isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "-") || Lexer.isIdentifierStart(bytes[position]) {
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if text.utf8.allSatisfy(Lexer.isDigit) {
            if text.utf8.count > 9 {
                diagnostics.append(Diagnostic(.invalidNumber, Message(.diagNumberTooLarge, ["number": .text(String(text.prefix(24)))]), at: span(start, position), label: Message(.diagNumberTooLargeLabel), help: Message(.diagNumberTooLargeHelp)))
                return make(.invalid, text, from: start)
            }
            return make(.integer, text, from: start)
        }
        if text.contains("-") {
            if DateLiteral.parts(of: text) != nil {
                return make(.date, text, from: start)
            }
            diagnostics.append(Diagnostic(.invalidDate, Message(.diagInvalidDate, ["text": .text(String(text.prefix(40)))]), at: span(start, position), label: Message(.diagInvalidDateLabel), help: Message(.diagInvalidDateHelp)))
            return make(.invalid, text, from: start)
        }
        diagnostics.append(Diagnostic(.invalidNumber, Message(.diagNotANumber, ["text": .text(String(text.prefix(40)))]), at: span(start, position), label: Message(.diagNotANumberLabel), help: Message(.diagNotANumberHelp)))
        return make(.invalid, text, from: start)
    }
}
