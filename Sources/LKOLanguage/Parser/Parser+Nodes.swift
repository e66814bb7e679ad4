import LKOMessages

extension Parser {
    /// `category|subcategory|fact ID "Title" [{ term … accelerated children… }]`
    mutating func parseNode(_ level: NodeDeclaration.Level, _ trivia: Trivia) -> NodeDeclaration? {
        let start = advance()
        var trivia = trivia
        guard let id = expectIdentifier(.catalog(.diagWhatNodeID, ["level": Block(level).noun])),
              let title = expectString(.catalog(.diagWhatNodeTitle, ["level": Block(level).noun])) else { return nil }
        var items: [NodeItem] = []
        var closing: ClosingComments = []
        var hasBody = false
        if let open = match(.leftBrace) {
            hasBody = true
            var keywords = ["term", "accelerated"]
            if let child = level.child { keywords.append(child.rawValue) }
            closing = parseBlock(of: Block(level), keywords: keywords, open: open) { parser, keyword, itemTrivia in
                if let item = parser.parseNodeItem(keyword, itemTrivia, parent: level) { items.append(item) }
            }
        } else if !current.startsLine, !atEnd, !check(.rightBrace) {
            errorExpected(.catalog(.diagWhatBraceOrNewLine, ["brace": "{"]), help: Message(.diagHelpNodeShape, ["level": level.noun, "keyword": .text(level.rawValue)]))
            return nil
        }
        endStatement(&trivia)
        return NodeDeclaration(level: level, id: id, title: title, items: items, hasBody: hasBody, trivia: trivia, closingComments: closing, span: span(from: start))
    }

    mutating func parseNodeItem(_ keyword: Token, _ trivia: Trivia, parent: NodeDeclaration.Level) -> NodeItem? {
        switch keyword.text {
        case "term":
            advance()
            var trivia = trivia
            var regime: Identifier?
            if current.kind == .identifier {
                regime = Identifier(current.text, span: current.span)
                advance()
            }
            guard let term = parseTerm() else { return nil }
            endStatement(&trivia)
            return NodeItem(kind: .term(regime: regime, term), trivia: trivia, span: span(from: keyword))
        case "accelerated":
            advance()
            var trivia = trivia
            endStatement(&trivia)
            return NodeItem(kind: .accelerated, trivia: trivia, span: keyword.span)
        default:
            guard let child = parent.child, let node = parseNode(child, trivia) else { return nil }
            return NodeItem(kind: .child(node), trivia: Trivia(), span: node.span)
        }
    }
}

extension NodeDeclaration.Level {
    /// `категория` / `category`: the level's name in both languages (the Russian in the nominative).
    public var noun: Message.Argument {
        switch self {
        case .category: .message(Message(.diagLevelCategory))
        case .subcategory: .message(Message(.diagLevelSubcategory))
        case .fact: .message(Message(.diagLevelFact))
        }
    }
}
