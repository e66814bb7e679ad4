extension Parser {
    /// `category|subcategory|fact ID "Title" [{ term … accelerated children… }]`
    mutating func parseNode(_ level: NodeDeclaration.Level, _ trivia: Trivia) -> NodeDeclaration? {
        let start = advance()
        var trivia = trivia
        guard let id = expectIdentifier("a \(level.rawValue) id, e.g. `roads`"),
              let title = expectString("the \(level.rawValue)'s title in quotes") else { return nil }
        var items: [NodeItem] = []
        var closing: ClosingComments = []
        var hasBody = false
        if let open = match(.leftBrace) {
            hasBody = true
            var keywords = ["term", "accelerated"]
            if let child = level.child { keywords.append(child.rawValue) }
            closing = parseBlock(of: level.rawValue, keywords: keywords, open: open) { parser, keyword, itemTrivia in
                if let item = parser.parseNodeItem(keyword, itemTrivia, parent: level) { items.append(item) }
            }
        } else if !current.startsLine, !atEnd, !check(.rightBrace) {
            errorExpected("`{` or a new line", help: "a \(level.rawValue) is `\(level.rawValue) ID \"Title\"` with an optional `{ … }` body")
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
