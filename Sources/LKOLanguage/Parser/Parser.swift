import LKOMessages

/// A recursive-descent parser that reports every syntax error in one run.
///
/// After an error it skips to the next token that can start a statement of the enclosing block
/// (or a top-level declaration), so one typo costs one diagnostic, not a cascade. Every loop
/// consumes at least one token per turn, and the grammar nests at most four blocks deep, so the
/// parser terminates on any input and never overflows the stack.
public struct Parser {
    var tokens: [Token]
    var index = 0
    let fileIndex: Int
    var diagnostics: [Diagnostic] = []
    /// Comments read but not yet attached to a statement.
    var pendingComments: [Comment] = []
    /// The last token whose leading comments were moved into `pendingComments`.
    var leadingTakenThrough = -1
    /// The end-of-line comment of the last consumed token, until a statement claims it.
    var bufferedTrailing: Comment?

    public static let topLevelKeywords: [String] = [
        "organization", "role", "category", "grant", "autorule", "fasttrack", "test", "calendar", "substitute", "accept",
    ]

    init(tokens: [Token], fileIndex: Int) {
        self.tokens = tokens
        self.fileIndex = fileIndex
    }

    /// Parses one file. Lexical and syntax errors come back together, in source order.
    public static func parse(_ file: SourceFile, fileIndex: Int) -> (file: PolicyFile, diagnostics: [Diagnostic]) {
        let (tokens, lexical) = Lexer.tokenize(file, fileIndex: fileIndex)
        var parser = Parser(tokens: tokens, fileIndex: fileIndex)
        let parsed = parser.parseFile()
        return (parsed, lexical + parser.diagnostics)
    }

    // MARK: Tokens

    var current: Token { tokens[index] }
    var previous: Token { tokens[max(0, index - 1)] }
    var atEnd: Bool { current.kind == .endOfFile }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    /// An end-of-line comment that no statement claimed (after `{`, or inside a multi-line
    /// statement) is kept as a leading comment of what follows.
    mutating func flushTrailing() {
        if let comment = bufferedTrailing {
            pendingComments.append(comment)
            bufferedTrailing = nil
        }
    }

    mutating func takeLeadingComments() {
        if index > leadingTakenThrough {
            pendingComments += tokens[index].leadingComments
            leadingTakenThrough = index
        }
    }

    @discardableResult
    mutating func advance() -> Token {
        flushTrailing()
        takeLeadingComments()
        let token = tokens[index]
        bufferedTrailing = token.trailingComment
        if token.kind != .endOfFile { index += 1 }
        return token
    }

    mutating func check(_ kind: TokenKind) -> Bool { current.kind == kind }

    mutating func match(_ kind: TokenKind) -> Token? {
        check(kind) ? advance() : nil
    }

    mutating func matchKeyword(_ word: String) -> Token? {
        current.isKeyword(word) ? advance() : nil
    }

    /// Starts a statement: its leading comments and blank-line flag.
    mutating func beginStatement() -> Trivia {
        flushTrailing()
        takeLeadingComments()
        let trivia = Trivia(leading: pendingComments, trailing: nil, blankLineBefore: current.blankLineBefore)
        pendingComments = []
        return trivia
    }

    /// Ends a statement: the comment on its last line.
    mutating func endStatement(_ trivia: inout Trivia) {
        trivia.trailing = bufferedTrailing
        bufferedTrailing = nil
    }

    func span(from start: Token) -> SourceSpan {
        SourceSpan(file: fileIndex, start: start.span.start, end: max(start.span.end, previous.span.end))
    }

    // MARK: Errors
    //
    // What is expected and the help are catalog messages, built only when the error is reported
    // (autoclosures): the parser asks for thousands of tokens and reports few.

    mutating func error(_ code: DiagnosticCode, _ message: Message, at span: SourceSpan, label: Message? = nil, help: Message? = nil) {
        // One report per position: a second complaint about the same token adds nothing.
        if let last = diagnostics.last, last.span == span, last.severity == .error { return }
        diagnostics.append(Diagnostic(code, message, at: span, label: label, help: help))
    }

    mutating func errorExpected(_ what: Message.Argument, help: Message? = nil) {
        // An invalid token was already reported by the lexer.
        if current.kind == .invalid { return }
        let found: Message.Argument = switch current.kind {
        case .identifier: .text("`\(current.text)`")
        case .string: .catalog(.diagFoundString, ["text": .text(String(current.text.prefix(40)))])
        default: current.kind.displayMessage
        }
        error(.expectedToken, Message(.diagExpectedFound, ["expected": what, "found": found]), at: current.span, label: Message(.diagExpectedLabel, ["expected": what]), help: help)
    }

    mutating func expect(_ kind: TokenKind, _ what: @autoclosure () -> Message.Argument, help: @autoclosure () -> Message? = nil) -> Token? {
        if let token = match(kind) { return token }
        errorExpected(what(), help: help())
        return nil
    }

    mutating func expectKeyword(_ word: String, help: @autoclosure () -> Message? = nil) -> Token? {
        if let token = matchKeyword(word) { return token }
        errorExpected(.text("`\(word)`"), help: help())
        return nil
    }

    mutating func expectIdentifier(_ what: @autoclosure () -> Message.Argument, help: @autoclosure () -> Message? = nil) -> Identifier? {
        if let token = match(.identifier) { return Identifier(token.text, span: token.span) }
        errorExpected(what(), help: help())
        return nil
    }

    mutating func expectString(_ what: @autoclosure () -> Message.Argument, help: @autoclosure () -> Message? = nil) -> StringLiteral? {
        if let token = match(.string) { return StringLiteral(token.text, span: token.span) }
        errorExpected(what(), help: help() ?? Message(.diagHelpTitleQuotes))
        return nil
    }

    mutating func expectInteger(_ what: @autoclosure () -> Message.Argument) -> IntegerLiteral? {
        if let token = match(.integer) { return IntegerLiteral(Int(token.text) ?? 0, span: token.span) }
        errorExpected(what())
        return nil
    }

    mutating func expectDate(_ what: @autoclosure () -> Message.Argument) -> DateLiteral? {
        if let token = match(.date), let parts = DateLiteral.parts(of: token.text) {
            return DateLiteral(year: parts.year, month: parts.month, day: parts.day, span: token.span)
        }
        errorExpected(what(), help: Message(.diagHelpDateFormat))
        return nil
    }

    /// Skips to the next token that can start a statement in the current block: one of
    /// `keywords` at the start of a line, a `}` closing this block, or the end of the file.
    /// Nested `{ … }` are skipped whole.
    mutating func recover(to keywords: [String], insideBlock: Bool) {
        var depth = 0
        var first = true
        while !atEnd {
            if depth == 0, !first {
                if current.kind == .rightBrace, insideBlock { return }
                if current.kind == .identifier, keywords.contains(current.text), current.startsLine { return }
                if !insideBlock, current.kind == .identifier, Parser.topLevelKeywords.contains(current.text), current.startsLine { return }
            }
            first = false
            switch current.kind {
            case .leftBrace: depth += 1
            case .rightBrace:
                if depth == 0 {
                    if insideBlock { return }
                    // A stray `}` at top level: report it once and move on.
                    error(.expectedToken, Message(.diagStrayBrace), at: current.span, label: Message(.diagStrayBraceLabel), help: Message(.diagStrayBraceHelp, ["brace": "{"]))
                } else {
                    depth -= 1
                }
            default: break
            }
            advance()
        }
    }

    // MARK: Blocks

    /// The kinds of block, named in "unknown statement … in role" and "the role block is not closed".
    enum Block {
        case organization, role, category, subcategory, fact, autoRule, fastTrack, test, calendar

        init(_ level: NodeDeclaration.Level) {
            switch level {
            case .category: self = .category
            case .subcategory: self = .subcategory
            case .fact: self = .fact
            }
        }

        init(isFastTrack: Bool) { self = isFastTrack ? .fastTrack : .autoRule }

        /// `role` / `роли` (the Russian in the genitive: «в блоке роли», «идентификатор роли»).
        var noun: Message.Argument {
            switch self {
            case .organization: .catalog(.diagBlockOrganization)
            case .role: .catalog(.diagBlockRole)
            case .category: .catalog(.diagBlockCategory)
            case .subcategory: .catalog(.diagBlockSubcategory)
            case .fact: .catalog(.diagBlockFact)
            case .autoRule: .catalog(.diagBlockAutoRule)
            case .fastTrack: .catalog(.diagBlockFastTrack)
            case .test: .catalog(.diagBlockTest)
            case .calendar: .catalog(.diagBlockCalendar)
            }
        }
    }

    /// Parses `{ statement* }`, calling `statement` for each keyword in `keywords`. Returns the
    /// comments written before the closing `}`.
    mutating func parseBlock(
        of block: Block,
        keywords: [String],
        open: Token?,
        statement: (inout Parser, Token, Trivia) -> Void
    ) -> ClosingComments {
        flushTrailing()
        while !atEnd, !check(.rightBrace) {
            let trivia = beginStatement()
            let start = current
            if start.kind == .identifier, keywords.contains(start.text) {
                let before = index
                let errorsBefore = diagnostics.count
                statement(&self, start, trivia)
                if index == before { advance() }
                // A statement that failed halfway (`when categry roads`) leaves the rest of its
                // line behind: skip it quietly instead of reporting each leftover word.
                if diagnostics.count > errorsBefore, !current.startsLine, !check(.rightBrace), !atEnd {
                    recover(to: keywords, insideBlock: true)
                }
                continue
            }
            if start.kind == .identifier, Parser.topLevelKeywords.contains(start.text), start.startsLine, !keywords.contains(start.text) {
                // Most likely a missing `}`: report it at the opening brace and let the caller
                // resume at top level.
                break
            }
            if start.kind != .invalid {
                let help = start.kind == .identifier ? Suggestions.didYouMean(start.text, in: keywords) : nil
                let message = start.kind == .identifier
                    ? Message(.diagUnknownStatement, ["word": .text(start.text), "block": block.noun])
                    : Message(.diagExpectedStatement, ["block": block.noun, "found": start.kind.displayMessage])
                error(.unknownStatement, message, at: start.span, label: Message(.diagNotAllowedHere),
                      help: help ?? Message(.diagBlockMayContain, ["block": block.noun, "list": .text(keywords.map { "`\($0)`" }.joined(separator: ", "))]))
            }
            recover(to: keywords, insideBlock: true)
        }
        flushTrailing()
        takeLeadingComments()
        let closing = pendingComments
        pendingComments = []
        if match(.rightBrace) == nil {
            let at = open?.span ?? current.span
            error(.unclosedBlock, Message(.diagUnclosedBlock, ["block": block.noun]), at: at, label: Message(.diagUnclosedBlockLabel), help: Message(.diagUnclosedBlockHelp))
        }
        return closing
    }

    // MARK: File

    mutating func parseFile() -> PolicyFile {
        var declarations: [Declaration] = []
        while !atEnd {
            let trivia = beginStatement()
            let start = current
            guard start.kind == .identifier, Parser.topLevelKeywords.contains(start.text) else {
                if start.kind != .invalid {
                    var help = Message(.diagFileDeclares, ["list": .text(Parser.topLevelKeywords.map { "`\($0)`" }.joined(separator: ", "))])
                    if start.kind == .identifier, let guess = Suggestions.closest(to: start.text, in: Parser.topLevelKeywords + ["subcategory", "fact"]) {
                        help = guess == "subcategory" || guess == "fact"
                            ? Message(.diagBelongsInCategory, ["word": .text(guess)])
                            : Message(.didYouMean, ["suggestion": .text(guess)])
                    }
                    let message = start.kind == .identifier ? Message(.diagUnknownDeclaration, ["word": .text(start.text)])
                        : (start.kind == .rightBrace ? Message(.diagStrayBrace) : Message(.diagExpectedDeclaration, ["found": start.kind.displayMessage]))
                    error(.unknownDeclaration, message, at: start.span, label: Message(start.kind == .rightBrace ? .diagStrayBraceLabel : .diagNotADeclaration), help: help)
                }
                recover(to: Parser.topLevelKeywords, insideBlock: false)
                if index < tokens.count, current.kind == .rightBrace { advance() }
                continue
            }
            let before = index
            if let declaration = parseDeclaration(start, trivia) {
                declarations.append(declaration)
            } else {
                recover(to: Parser.topLevelKeywords, insideBlock: false)
            }
            if index == before { advance() }
        }
        flushTrailing()
        takeLeadingComments()
        return PolicyFile(fileIndex: fileIndex, declarations: declarations, trailingComments: pendingComments)
    }

    mutating func parseDeclaration(_ start: Token, _ trivia: Trivia) -> Declaration? {
        switch start.text {
        case "organization": return parseOrganization(trivia).map(Declaration.organization)
        case "role": return parseRole(trivia).map(Declaration.role)
        case "category": return parseNode(.category, trivia).map(Declaration.category)
        case "grant": return parseGrant(trivia).map(Declaration.grant)
        case "autorule": return parseRule(isFastTrack: false, trivia).map(Declaration.autoRule)
        case "fasttrack": return parseRule(isFastTrack: true, trivia).map(Declaration.fastTrack)
        case "test": return parseTest(trivia).map(Declaration.test)
        case "calendar": return parseCalendar(trivia).map(Declaration.calendar)
        case "substitute": return parseSubstitute(trivia).map(Declaration.substitute)
        case "accept": return parseAccept(trivia).map(Declaration.accept)
        default: return nil
        }
    }
}

extension Message.Argument {
    /// A catalog message as an argument of another: `.catalog(.diagBlockRole)`.
    static func catalog(_ key: MessageKey, _ arguments: [String: Message.Argument] = [:]) -> Message.Argument {
        .message(Message(key, arguments))
    }
}
