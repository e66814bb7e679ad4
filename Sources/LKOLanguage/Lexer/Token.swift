import LKOMessages

/// The kinds of token in a policy file.
///
/// Keywords are not token kinds: they are identifiers that the parser recognizes by position, so
/// a new keyword never breaks an existing login or category id.
public enum TokenKind: Sendable, Hashable {
    /// ASCII letters, digits, `_` and `-`, starting with a letter or `_`: `roads`, `roads_specialist`, `cat00-s1`.
    case identifier
    /// `"Автомобильные дороги"`; the token's `text` is the decoded value.
    case string
    /// A non-negative whole number.
    case integer
    /// `YYYY-MM-DD`.
    case date
    case leftBrace, rightBrace, comma, dot
    case endOfFile
    /// Text the lexer could not read; it has already reported why.
    case invalid

    public var displayName: String {
        switch self {
        case .identifier: "a name"
        case .string: "a string"
        case .integer: "a number"
        case .date: "a date"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .comma: "`,`"
        case .dot: "`.`"
        case .endOfFile: "end of file"
        case .invalid: "invalid text"
        }
    }

    /// ``displayName`` in both languages, for "expected …, found …".
    public var displayMessage: Message.Argument {
        switch self {
        case .identifier: .message(Message(.diagTokenName))
        case .string: .message(Message(.diagTokenString))
        case .integer: .message(Message(.diagTokenNumber))
        case .date: .message(Message(.diagTokenDate))
        case .endOfFile: .message(Message(.diagTokenEndOfFile))
        case .invalid: .message(Message(.diagTokenInvalid))
        case .leftBrace, .rightBrace, .comma, .dot: .text(displayName)
        }
    }
}

/// A comment as written, kept so that `lko fmt` can put it back.
public struct Comment: Sendable, Hashable {
    /// The text after the `#` or `//` marker, without the line break.
    public var text: String
    /// Whether a blank line separated it from what came before (kept by the formatter).
    public var blankLineBefore: Bool
}

public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// Identifier or number text, decoded string value, or the date text.
    public var text: String
    public var span: SourceSpan
    /// Comments on their own lines before this token.
    public var leadingComments: [Comment]
    /// A comment on the same line, after this token.
    public var trailingComment: Comment?
    /// Whether at least one blank line stands between this token and the one before.
    public var blankLineBefore: Bool
    /// Whether this token is the first on its line.
    public var startsLine: Bool

    public func isKeyword(_ word: String) -> Bool {
        kind == .identifier && text == word
    }
}
